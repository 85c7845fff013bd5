//! API key templates (`GET /rest/organizations/{org}/templates/apikeys`): the name a
//! key's `apiKeyTemplateId` stands for, and the privileges a builder can start from.

use serde::Deserialize;
use serde_json::Value;

use crate::decode::{json_kind, DecodeError};
use crate::model::{ApiKey, Privilege};

/// One template, read leniently: only `id` is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTemplate {
    pub id: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub privacy_level: Option<String>,
    pub privileges: Vec<Privilege>,
}

impl KeyTemplate {
    /// The name to show: the display name, or the ID when there is none.
    pub fn label(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.id)
    }
}

/// The organization's templates, in the order Coveo lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    pub items: Vec<KeyTemplate>,
    /// Entries without a string `id`, left out.
    pub skipped: usize,
}

impl Templates {
    /// Reads a plain array or a page object (`{items: [...]}`).
    pub fn read(body: &[u8]) -> Result<Templates, DecodeError> {
        let value: Value = serde_json::from_slice(body).map_err(|e| {
            if e.is_eof() && !body.trim_ascii().is_empty() {
                DecodeError::Incomplete
            } else {
                DecodeError::NotJson
            }
        })?;
        let items = match value {
            Value::Array(items) => items,
            Value::Object(mut page) => match page.remove("items") {
                Some(Value::Array(items)) => items,
                _ => return Err(DecodeError::NotAList { found: "an object" }),
            },
            other => {
                return Err(DecodeError::NotAList {
                    found: json_kind(&other),
                })
            }
        };
        let total = items.len();
        let items: Vec<KeyTemplate> = items.into_iter().filter_map(read_template).collect();
        Ok(Templates {
            skipped: total - items.len(),
            items,
        })
    }

    /// The template a key was made from, when the organization lists it.
    pub fn of(&self, key: &ApiKey) -> Option<&KeyTemplate> {
        let id = key.api_key_template_id.as_deref()?;
        self.items.iter().find(|template| template.id == id)
    }

    pub fn find(&self, id: &str) -> Option<&KeyTemplate> {
        self.items.iter().find(|template| template.id == id)
    }
}

fn read_template(item: Value) -> Option<KeyTemplate> {
    let Value::Object(mut object) = item else {
        return None;
    };
    let mut text = |name: &str| match object.remove(name) {
        Some(Value::String(text)) if !text.trim().is_empty() => Some(text),
        _ => None,
    };
    let id = text("id")?;
    let (display_name, description, privacy_level) = (
        text("displayName"),
        text("description"),
        text("privacyLevel"),
    );
    let privileges = match object.remove("privileges") {
        Some(Value::Array(list)) => list
            .into_iter()
            .filter_map(|p| Privilege::deserialize(p).ok())
            .collect(),
        _ => Vec::new(),
    };
    Some(KeyTemplate {
        id,
        display_name,
        description,
        privacy_level,
        privileges,
    })
}

/// A privacy level in words (`PUBLIC` → "Public"); other values as they come.
pub fn privacy_words(level: &str) -> &str {
    match level {
        "PUBLIC" => "Public",
        "PRIVATE" => "Private",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_read_from_an_array_or_a_page_and_incomplete_entries_left_out() {
        let body = br#"[
            {"id":"tpl-search","displayName":"Public search page","privacyLevel":"PUBLIC",
             "privileges":[{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*"},{"owner":"X"}]},
            {"id":"tpl-bare","displayName":"   ","privileges":"not a list"},
            {"displayName":"no id"}, 12
        ]"#;
        let templates = Templates::read(body).unwrap();
        assert_eq!(templates.items.len(), 2);
        assert_eq!(templates.skipped, 2);
        let search = &templates.items[0];
        assert_eq!(search.label(), "Public search page");
        assert_eq!(search.privacy_level.as_deref(), Some("PUBLIC"));
        assert_eq!(
            search.privileges.len(),
            1,
            "a privilege without a domain is left out"
        );
        assert_eq!(templates.items[1].label(), "tpl-bare");
        assert!(templates.items[1].privileges.is_empty());

        let page = Templates::read(br#"{"items":[{"id":"a"}],"totalEntries":1}"#).unwrap();
        assert_eq!(page.items[0].id, "a");
        assert_eq!(
            Templates::read(br#"{"id":"a"}"#),
            Err(DecodeError::NotAList { found: "an object" })
        );
        assert_eq!(Templates::read(b"<h1>"), Err(DecodeError::NotJson));
    }

    #[test]
    fn a_key_finds_its_template_by_id() {
        let templates = Templates::read(br#"[{"id":"t1","displayName":"One"}]"#).unwrap();
        let key = |template: Option<&str>| ApiKey {
            id: "k".into(),
            api_key_template_id: template.map(str::to_owned),
            ..ApiKey::default()
        };
        assert_eq!(
            templates.of(&key(Some("t1"))).map(KeyTemplate::label),
            Some("One")
        );
        assert_eq!(templates.of(&key(Some("t2"))), None);
        assert_eq!(templates.of(&key(None)), None);
        assert_eq!(privacy_words("PUBLIC"), "Public");
        assert_eq!(privacy_words("SOMETHING_NEW"), "SOMETHING_NEW");
    }
}
