//! The API's key and privilege objects, decoded tolerantly: beyond the few fields that
//! identify an object, a missing or wrongly typed field becomes `None`, never an error.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// One API key as `GET /rest/organizations/{org}/apikeys` returns it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    /// The `apiKeyId`: the one field Coveo guarantees.
    pub id: String,
    #[serde(default, deserialize_with = "lenient")]
    pub organization_id: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub enabled: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub status: Option<String>,
    /// Always masked by the API (`xx*****1343`); the full value exists only at creation.
    #[serde(default, deserialize_with = "lenient")]
    pub value: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub privileges: Vec<Privilege>,
    #[serde(default, deserialize_with = "lenient_timestamp")]
    pub created_date: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_timestamp")]
    pub last_used_date: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_timestamp")]
    pub expiration_date: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_timestamp")]
    pub activation_date: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_timestamp")]
    pub disabled_date: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient_created_by")]
    pub created_by: Option<CreatedBy>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub allowed_ips: Vec<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub denied_ips: Vec<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub api_key_template_id: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub privacy_level: Option<String>,
    #[serde(default)]
    pub exposure_report: Option<Value>,
    #[serde(default)]
    pub additional_configuration: Option<Value>,
    /// Fields this version does not know, kept so they can be shown rather than dropped.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "RawPrivilege")]
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawPrivilege {
    owner: String,
    target_domain: String,
    #[serde(default, rename = "type", deserialize_with = "lenient")]
    kind: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    target_id: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    target_ids: Vec<String>,
    #[serde(default, deserialize_with = "lenient")]
    global: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    level: Option<String>,
}

impl From<RawPrivilege> for Privilege {
    fn from(raw: RawPrivilege) -> Self {
        let target = match (raw.target_id, raw.global) {
            (Some(id), _) if id == "*" => Target::All,
            (Some(id), _) => Target::Only(vec![id]),
            (None, Some(true)) => Target::All,
            (None, _) if !raw.target_ids.is_empty() => Target::Only(raw.target_ids),
            (None, _) => Target::Unspecified,
        };
        Privilege {
            owner: raw.owner,
            target_domain: raw.target_domain,
            kind: raw.kind,
            target,
            level: raw.level,
        }
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
        let parsed = OffsetDateTime::parse(text, &Rfc3339).ok()?;
        i64::try_from(parsed.unix_timestamp_nanos() / 1_000_000)
            .ok()
            .map(Timestamp)
    }
}

/// Decodes a field as `T` when it has that shape, and as `None` when it does not, so one
/// odd field never costs the user the whole key.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    Ok(T::deserialize(Value::deserialize(d)?).ok())
}

/// Decodes a list, keeping the elements that have the expected shape.
fn lenient_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|item| T::deserialize(item).ok())
            .collect(),
        _ => Vec::new(),
    })
}

fn lenient_timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    Ok(Timestamp::from_json(&Value::deserialize(d)?))
}

fn lenient_created_by<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CreatedBy>, D::Error> {
    Ok(CreatedBy::from_json(&Value::deserialize(d)?))
}
