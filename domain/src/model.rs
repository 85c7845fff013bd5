//! The API's key and privilege objects, decoded tolerantly: beyond the few fields that
//! identify an object, a missing or wrongly typed field becomes `None`, never an error.

use std::fmt;

use serde::de::{Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::iso_date;
use crate::lenient::{field, text, Lenient, Name, Scalar, Shape};

/// One API key as `GET /rest/organizations/{org}/apikeys` returns it.
#[derive(Debug, Clone, PartialEq, Default)]
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

// By hand rather than derived: one walk over the JSON object, straight into the key, each
// field taken when it has its expected shape and left `None` otherwise. (The derived form,
// with a lenient deserializer per field and `flatten` for the rest, weighed more in the
// wasm; reading every field into a `Value` first took half of decoding a key list.)
impl<'de> Deserialize<'de> for ApiKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ApiKeyVisitor)
    }
}

struct ApiKeyVisitor;

impl<'de> Visitor<'de> for ApiKeyVisitor {
    type Value = ApiKey;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an API key as a JSON object")
    }

    /// A name given twice takes the last value, as a JSON parser building a map would.
    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<ApiKey, A::Error> {
        let mut id = None;
        let mut key = ApiKey::default();
        let o = &mut object;
        while let Some(name) = o.next_key::<Name>()? {
            match name.as_str() {
                "id" => id = text(o)?,
                "organizationId" => key.organization_id = text(o)?,
                "displayName" => key.display_name = text(o)?,
                "description" => key.description = text(o)?,
                "enabled" => key.enabled = field(o)?.and_then(Scalar::flag),
                "status" => key.status = text(o)?,
                "value" => key.value = text(o)?,
                "privileges" => key.privileges = field(o)?.unwrap_or_default(),
                "createdDate" => key.created_date = field(o)?,
                "lastUsedDate" => key.last_used_date = field(o)?,
                "expirationDate" => key.expiration_date = field(o)?,
                "activationDate" => key.activation_date = field(o)?,
                "disabledDate" => key.disabled_date = field(o)?,
                "createdBy" => key.created_by = field(o)?,
                "allowedIps" => key.allowed_ips = field(o)?.unwrap_or_default(),
                "deniedIps" => key.denied_ips = field(o)?.unwrap_or_default(),
                "apiKeyTemplateId" => key.api_key_template_id = text(o)?,
                "privacyLevel" => key.privacy_level = text(o)?,
                "exposureReport" => key.exposure_report = some_value(o)?,
                "additionalConfiguration" => key.additional_configuration = some_value(o)?,
                _ => {
                    let value = o.next_value::<Value>()?;
                    key.extra.insert(name.into_owned(), value);
                }
            }
        }
        key.id = id.ok_or_else(|| A::Error::custom("`id` must be a string"))?;
        Ok(key)
    }
}

/// The next field's value as JSON; `null` counts as absent.
fn some_value<'de, A: MapAccess<'de>>(object: &mut A) -> Result<Option<Value>, A::Error> {
    object
        .next_value::<Value>()
        .map(|value| Some(value).filter(|v| !v.is_null()))
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
        deserializer
            .deserialize_map(PrivilegeVisitor)?
            .ok_or_else(|| D::Error::custom("a privilege needs an `owner` and a `targetDomain`"))
    }
}

/// A key's privileges: the complete ones (an item that is not one is left out).
impl Shape for Vec<Privilege> {
    fn list<'de, A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        let mut privileges = Vec::new();
        while let Some(Lenient(item)) = list.next_element::<Lenient<Privilege>>()? {
            privileges.extend(item);
        }
        Ok(Some(privileges))
    }
}

impl Shape for Privilege {
    fn object<'de, A: MapAccess<'de>>(object: A) -> Result<Option<Self>, A::Error> {
        PrivilegeVisitor.visit_map(object)
    }
}

/// A privilege object; `None` when it lacks its owner or domain.
struct PrivilegeVisitor;

impl<'de> Visitor<'de> for PrivilegeVisitor {
    type Value = Option<Privilege>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a privilege as a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<Option<Privilege>, A::Error> {
        let (mut owner, mut target_domain, mut kind, mut level) = (None, None, None, None);
        let (mut target_id, mut global, mut target_ids) = (None, None, None);
        let o = &mut object;
        while let Some(name) = o.next_key::<Name>()? {
            match name.as_str() {
                "owner" => owner = text(o)?,
                "targetDomain" => target_domain = text(o)?,
                "type" => kind = text(o)?,
                "level" => level = text(o)?,
                "targetId" => target_id = text(o)?,
                "global" => global = field(o)?.and_then(Scalar::flag),
                "targetIds" => target_ids = field::<Vec<String>, A>(o)?,
                _ => {
                    o.next_value::<IgnoredAny>()?;
                }
            }
        }
        let target = match (target_id, global) {
            (Some(id), _) if id == "*" => Target::All,
            (Some(id), _) => Target::Only(vec![id]),
            (None, Some(true)) => Target::All,
            (None, _) => match target_ids.unwrap_or_default() {
                ids if ids.is_empty() => Target::Unspecified,
                ids => Target::Only(ids),
            },
        };
        Ok(owner
            .zip(target_domain)
            .map(|(owner, target_domain)| Privilege {
                owner,
                target_domain,
                kind,
                target,
                level,
            }))
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
}

/// A plain username, or a user object with at least one of its names.
impl Shape for CreatedBy {
    fn scalar(value: Scalar) -> Option<Self> {
        value.text().map(|name| CreatedBy {
            username: Some(name),
            ..CreatedBy::default()
        })
    }

    fn object<'de, A: MapAccess<'de>>(mut object: A) -> Result<Option<Self>, A::Error> {
        let mut by = CreatedBy::default();
        let o = &mut object;
        while let Some(name) = o.next_key::<Name>()? {
            match name.as_str() {
                "username" => by.username = text(o)?,
                "displayName" => by.display_name = text(o)?,
                "email" => by.email = text(o)?,
                _ => {
                    o.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(by).filter(|by| by.label().is_some()))
    }
}

/// A point in time, as Unix milliseconds (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// Unix milliseconds, or an ISO 8601 date-time: the API's two date forms.
impl Shape for Timestamp {
    fn scalar(value: Scalar) -> Option<Self> {
        match value {
            Scalar::Int(millis) => Some(Timestamp(millis)),
            Scalar::Float(millis) => Some(millis)
                .filter(|m| m.is_finite())
                .map(|m| Timestamp(m as i64)),
            Scalar::Text(text) => Timestamp::parse_text(&text),
            Scalar::Flag(_) => None,
        }
    }
}

impl Timestamp {
    fn parse_text(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(millis) = text.parse::<i64>() {
            return Some(Timestamp(millis));
        }
        iso_date::unix_millis(text).map(Timestamp)
    }
}
