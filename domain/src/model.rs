//! The API's key and privilege objects, decoded tolerantly: beyond the few fields that
//! identify an object, a missing or wrongly typed field becomes `None`, never an error.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::iso_date;

/// One API key as `GET /rest/organizations/{org}/apikeys` returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiKey {
    /// The `apiKeyId`: the one field Coveo guarantees.
    pub id: String,
    pub organization_id: Option<String>,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub enabled: Option<bool>,
    pub status: Option<String>,
    /// Always masked by the API (`xx*****1343`); the full value exists only at creation.
    pub value: Option<String>,
    pub privileges: Vec<Privilege>,
    pub created_date: Option<Timestamp>,
    pub last_used_date: Option<Timestamp>,
    pub expiration_date: Option<Timestamp>,
    pub activation_date: Option<Timestamp>,
    pub disabled_date: Option<Timestamp>,
    pub created_by: Option<CreatedBy>,
    pub allowed_ips: Vec<String>,
    pub denied_ips: Vec<String>,
    pub api_key_template_id: Option<String>,
    pub privacy_level: Option<String>,
    pub exposure_report: Option<Value>,
    pub additional_configuration: Option<Value>,
    /// Fields this version does not know, kept so they can be shown rather than dropped.
    pub extra: Map<String, Value>,
}

// By hand rather than derived: one walk over the JSON object, each field taken when it
// has its expected shape and left `None` otherwise. (The derived form, with a lenient
// deserializer per field and `flatten` for the rest, weighed more in the wasm.)
impl<'de> Deserialize<'de> for ApiKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut fields = Fields::of(deserializer, "an API key")?;
        Ok(ApiKey {
            id: fields.required_text("id")?,
            organization_id: fields.text("organizationId"),
            display_name: fields.text("displayName"),
            description: fields.text("description"),
            enabled: fields.take("enabled").and_then(|v| v.as_bool()),
            status: fields.text("status"),
            value: fields.text("value"),
            privileges: fields
                .list("privileges")
                .into_iter()
                .filter_map(|item| match item {
                    Value::Object(object) => {
                        Privilege::from_fields::<serde_json::Error>(Fields::from(object)).ok()
                    }
                    _ => None,
                })
                .collect(),
            created_date: fields.date("createdDate"),
            last_used_date: fields.date("lastUsedDate"),
            expiration_date: fields.date("expirationDate"),
            activation_date: fields.date("activationDate"),
            disabled_date: fields.date("disabledDate"),
            created_by: fields
                .take("createdBy")
                .as_ref()
                .and_then(CreatedBy::from_json),
            allowed_ips: fields.texts("allowedIps"),
            denied_ips: fields.texts("deniedIps"),
            api_key_template_id: fields.text("apiKeyTemplateId"),
            privacy_level: fields.text("privacyLevel"),
            exposure_report: fields.take("exposureReport"),
            additional_configuration: fields.take("additionalConfiguration"),
            extra: fields.rest(),
        })
    }
}

/// A JSON object's fields, each taken out once with the shape expected (or `None`); what
/// is left are the fields nobody asked for. A list in the object's order, not a map:
/// objects have a few dozen fields, and building a tree of them for every key, only to
/// take each field out again, cost a quarter of decoding a key list.
struct Fields(Vec<(String, Value)>);

impl Fields {
    /// Reads a JSON object; anything else is refused.
    fn of<'de, D: Deserializer<'de>>(
        deserializer: D,
        what: &'static str,
    ) -> Result<Fields, D::Error> {
        deserializer.deserialize_map(FieldsVisitor { what })
    }

    /// A field that must be a string, or the whole object is refused.
    fn required_text<E: serde::de::Error>(&mut self, name: &str) -> Result<String, E> {
        self.text(name)
            .ok_or_else(|| E::custom(format_args!("`{name}` must be a string")))
    }

    /// The field's value; `null` counts as absent. A name given twice takes the last
    /// value, as a JSON parser building a map would.
    fn take(&mut self, name: &str) -> Option<Value> {
        let mut found = None;
        let mut i = 0;
        while i < self.0.len() {
            if self.0[i].0 == name {
                found = Some(self.0.remove(i).1);
            } else {
                i += 1;
            }
        }
        found.filter(|v| !v.is_null())
    }

    fn text(&mut self, name: &str) -> Option<String> {
        match self.take(name) {
            Some(Value::String(text)) => Some(text),
            _ => None,
        }
    }

    fn date(&mut self, name: &str) -> Option<Timestamp> {
        self.take(name).as_ref().and_then(Timestamp::from_json)
    }

    fn list(&mut self, name: &str) -> Vec<Value> {
        match self.take(name) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        }
    }

    /// The fields nobody took (the last value of a name given twice).
    fn rest(self) -> Map<String, Value> {
        self.0.into_iter().collect()
    }

    /// The strings of a list field (other items are left out).
    fn texts(&mut self, name: &str) -> Vec<String> {
        self.list(name)
            .into_iter()
            .filter_map(|item| match item {
                Value::String(text) => Some(text),
                _ => None,
            })
            .collect()
    }
}

/// An object already read (a key's privileges, read with the key): its fields, taken as
/// they are rather than read again through `Value`'s own deserializer.
impl From<Map<String, Value>> for Fields {
    fn from(object: Map<String, Value>) -> Fields {
        Fields(object.into_iter().collect())
    }
}

struct FieldsVisitor {
    what: &'static str,
}

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} as a JSON object", self.what)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(16));
        while let Some(field) = map.next_entry::<String, Value>()? {
            fields.push(field);
        }
        Ok(Fields(fields))
    }
}

impl ApiKey {
    /// The key's status in Coveo's words, falling back to `enabled` for older payloads.
    pub fn status_label(&self) -> &str {
        match (&self.status, self.enabled) {
            (Some(status), _) => status,
            (None, Some(true)) => "ENABLED",
            (None, Some(false)) => "DISABLED",
            (None, None) => "UNKNOWN",
        }
    }
}

/// A privilege, from either shape in the wild (`targetId`/`level`, or legacy
/// `targetIds`/`global`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Privilege {
    pub owner: String,
    pub target_domain: String,
    /// `CREATE`, `VIEW`, `EDIT`, `ENABLE`...; `None` for domains that are simply allowed.
    pub kind: Option<String>,
    pub target: Target,
    pub level: Option<String>,
}

/// Which resources of a domain a privilege reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Neither shape said (the assignable list's usual `targetIds: [], global: false`).
    Unspecified,
    /// Every resource of the domain (`targetId: "*"` or `global: true`).
    All,
    /// Only these resources (a custom access level).
    Only(Vec<String>),
}

impl<'de> Deserialize<'de> for Privilege {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Privilege::from_fields(Fields::of(deserializer, "a privilege")?)
    }
}

impl Privilege {
    fn from_fields<E: serde::de::Error>(mut fields: Fields) -> Result<Self, E> {
        let owner = fields.required_text("owner")?;
        let target_domain = fields.required_text("targetDomain")?;
        let target = match (fields.text("targetId"), fields.take("global")) {
            (Some(id), _) if id == "*" => Target::All,
            (Some(id), _) => Target::Only(vec![id]),
            (None, Some(Value::Bool(true))) => Target::All,
            (None, _) => match fields.texts("targetIds") {
                ids if ids.is_empty() => Target::Unspecified,
                ids => Target::Only(ids),
            },
        };
        Ok(Privilege {
            owner,
            target_domain,
            kind: fields.text("type"),
            target,
            level: fields.text("level"),
        })
    }
}

/// Who created a key: the API sends a plain username or a user object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreatedBy {
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub email: Option<String>,
}

impl CreatedBy {
    /// The most readable name present.
    pub fn label(&self) -> Option<&str> {
        self.display_name
            .as_deref()
            .or(self.username.as_deref())
            .or(self.email.as_deref())
    }

    fn from_json(value: &Value) -> Option<Self> {
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        match value {
            Value::String(name) => Some(CreatedBy {
                username: Some(name.clone()),
                ..CreatedBy::default()
            }),
            Value::Object(_) => Some(CreatedBy {
                username: text("username"),
                display_name: text("displayName"),
                email: text("email"),
            })
            .filter(|by| by.label().is_some()),
            _ => None,
        }
    }
}

/// A point in time, as Unix milliseconds (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Reads the API's two date forms: Unix milliseconds, or an ISO 8601 date-time.
    pub fn from_json(value: &Value) -> Option<Self> {
        match value {
            Value::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
                .map(Timestamp),
            Value::String(s) => Self::parse_text(s),
            _ => None,
        }
    }

    fn parse_text(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(millis) = text.parse::<i64>() {
            return Some(Timestamp(millis));
        }
        iso_date::unix_millis(text).map(Timestamp)
    }
}
