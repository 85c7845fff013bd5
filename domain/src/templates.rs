//! API key templates (`GET /rest/organizations/{org}/templates/apikeys`): the name a
//! key's `apiKeyTemplateId` stands for, and the privileges a builder can start from.

use serde::de::{IgnoredAny, MapAccess, SeqAccess};

use crate::decode::DecodeError;
use crate::lenient::{field, text, Lenient, Name, Shape};
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
    /// Reads a plain array or a page object (`{items: [...]}`). Read straight into the
    /// templates, as keys are: the privilege code is then the keys' own, not a second
    /// copy for a tree of JSON values.
    pub fn read(body: &[u8]) -> Result<Templates, DecodeError> {
        match serde_json::from_slice::<Lenient<TemplateList>>(body) {
            Ok(Lenient(Some(TemplateList(entries)))) => {
                let total = entries.len();
                let items: Vec<KeyTemplate> = entries.into_iter().flatten().collect();
                Ok(Templates {
                    skipped: total - items.len(),
                    items,
                })
            }
            Ok(Lenient(None)) => Err(DecodeError::NotAList {
                found: kind_of(body),
            }),
            Err(e) if e.is_eof() && !body.trim_ascii().is_empty() => Err(DecodeError::Incomplete),
            Err(_) => Err(DecodeError::NotJson),
        }
    }

    /// The template a key was made from, when the organization lists it.
    pub fn of(&self, key: &ApiKey) -> Option<&KeyTemplate> {
        self.find(key.api_key_template_id.as_deref()?)
    }

    pub fn find(&self, id: &str) -> Option<&KeyTemplate> {
        self.items.iter().find(|template| template.id == id)
    }
}

/// A list of templates (an entry that is not one is `None`), or a page object holding
/// one in `items`.
struct TemplateList(Vec<Option<KeyTemplate>>);

impl Shape for TemplateList {
    fn list<'de, A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        let mut entries = Vec::new();
        while let Some(Lenient(entry)) = list.next_element::<Lenient<KeyTemplate>>()? {
            entries.push(entry);
        }
        Ok(Some(TemplateList(entries)))
    }

    fn object<'de, A: MapAccess<'de>>(mut object: A) -> Result<Option<Self>, A::Error> {
        let mut items = None;
        let o = &mut object;
        while let Some(name) = o.next_key::<Name>()? {
            match name.as_str() {
                "items" => items = field::<TemplateList, A>(o)?,
                _ => {
                    o.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(items)
    }
}

impl Shape for KeyTemplate {
    fn object<'de, A: MapAccess<'de>>(mut object: A) -> Result<Option<Self>, A::Error> {
        let mut id = None;
        let mut template = KeyTemplate {
            id: String::new(),
            display_name: None,
            description: None,
            privacy_level: None,
            privileges: Vec::new(),
        };
        let o = &mut object;
        while let Some(name) = o.next_key::<Name>()? {
            match name.as_str() {
                "id" => id = text(o)?,
                "displayName" => template.display_name = text(o)?,
                "description" => template.description = text(o)?,
                "privacyLevel" => template.privacy_level = text(o)?,
                "privileges" => template.privileges = field(o)?.unwrap_or_default(),
                _ => {
                    o.next_value::<IgnoredAny>()?;
                }
            }
        }
        let blank = |text: &Option<String>| text.as_deref().is_some_and(|t| t.trim().is_empty());
        if blank(&template.display_name) {
            template.display_name = None;
        }
        Ok(id
            .filter(|id| !id.trim().is_empty())
            .map(|id| KeyTemplate { id, ..template }))
    }
}

/// What a JSON body that is no list is, from its first character.
fn kind_of(body: &[u8]) -> &'static str {
    match body.trim_ascii_start().first() {
        Some(b'{') => "an object",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
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
