//! API key templates (`GET /rest/organizations/{org}/templates/apikeys`): the name a
//! key's `apiKeyTemplateId` stands for, and the privileges a builder can start from.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess};

use crate::decode::{DecodeError, ListDecoder, Page};
use crate::hashing::HashMap;
use crate::lenient::{field, required, text, Name, Shape};
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

/// Templates kept at most: an organization has a few dozen; a host that sends more has
/// the rest counted, not read.
pub const MAX_TEMPLATES: usize = 1_000;

/// The organization's templates, in the order Coveo lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    pub items: Vec<KeyTemplate>,
    /// Entries without a string `id`, left out.
    pub skipped: usize,
    /// Entries past [`MAX_TEMPLATES`]: counted, not read.
    pub beyond: usize,
    /// Each template's position by id, the first of each.
    by_id: HashMap<String, usize>,
}

impl Templates {
    /// A decoder for the list (a plain array or a page object, `{items: [...]}`), a slice
    /// at a time, read straight into the templates as keys are.
    pub fn decoder() -> ListDecoder<KeyTemplate> {
        ListDecoder::new().paged().keeping_at_most(MAX_TEMPLATES)
    }

    /// The templates a decoder read.
    pub fn from_decoded(page: Page<KeyTemplate>) -> Templates {
        let items = page.decoded.items;
        let mut by_id = HashMap::default();
        for (at, template) in items.iter().enumerate() {
            by_id.entry(template.id.clone()).or_insert(at);
        }
        Templates {
            items,
            skipped: page.decoded.skipped,
            beyond: page.beyond,
            by_id,
        }
    }

    /// Reads a whole body (see [`Templates::decoder`]).
    pub fn read(body: &[u8]) -> Result<Templates, DecodeError> {
        let mut decoder = Templates::decoder();
        decoder.feed(body);
        decoder.finish_page().map(Templates::from_decoded)
    }

    /// The template a key was made from, when the organization lists it.
    pub fn of(&self, key: &ApiKey) -> Option<&KeyTemplate> {
        self.find(key.api_key_template_id.as_deref()?)
    }

    pub fn find(&self, id: &str) -> Option<&KeyTemplate> {
        self.by_id.get(id).map(|&at| &self.items[at])
    }
}

// Read straight into the template: an entry without a string `id` is not one (a shape
// error the list decoder counts as skipped).
impl<'de> Deserialize<'de> for KeyTemplate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        required(deserializer, "a template needs an id")
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
    fn at_most_so_many_templates_are_read_and_the_rest_counted() {
        let items: Vec<String> = (0..MAX_TEMPLATES + 3)
            .map(|i| format!(r#"{{"id":"t{i}","privileges":[]}}"#))
            .collect();
        let templates = Templates::read(format!("[{}]", items.join(",")).as_bytes()).unwrap();
        assert_eq!(templates.items.len(), MAX_TEMPLATES);
        assert_eq!(templates.beyond, 3);
        assert_eq!(templates.find("t999").map(|t| t.id.as_str()), Some("t999"));
        assert_eq!(templates.find("t1000"), None, "not read");
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
