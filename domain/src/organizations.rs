//! The organizations a token reaches (`GET /rest/organizations`, a page at a time) and
//! where one of them lives (`GET /rest/global/organizations/{org}`): what the
//! organization picker offers and what the region advice compares.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess};
use serde_json::Value;

use crate::decode::{json_kind, DecodeError, ListDecoder, Page};
use crate::fold::{fold_for_search, has_word_starting, search_terms};
use crate::lenient::{required, text, Name, Shape};
use crate::region::Region;

/// Pages asked for at most: a token that reaches more organizations than this many pages
/// hold is told the list is partial, and typing the ID still works.
pub const MAX_ORGANIZATION_PAGES: u32 = 50;

/// Organizations kept from one page: Coveo's pages hold a hundred; a host that sends more
/// has the rest counted, not read.
pub const MAX_ORGANIZATIONS_PER_PAGE: usize = 1_000;

/// Organizations kept in all: then "the first 10,000 of N", and typing the ID still works.
pub const MAX_ORGANIZATIONS: usize = 10_000;

/// One organization as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgSummary {
    pub id: String,
    pub display_name: Option<String>,
}

impl OrgSummary {
    /// The name to show: the display name, or the ID when there is none.
    pub fn label(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.id)
    }
}

// Read straight into the summary, like a key: an entry without a string `id` is not one
// (a shape error the list decoder counts as skipped).
impl<'de> Deserialize<'de> for OrgSummary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        required(deserializer, "an organization needs an id")
    }
}

impl Shape for OrgSummary {
    fn object<'de, A: MapAccess<'de>>(mut object: A) -> Result<Option<Self>, A::Error> {
        let (mut id, mut display_name) = (None, None);
        let o = &mut object;
        while let Some(name) = o.next_key::<Name>()? {
            match name.as_str() {
                "id" => id = text(o)?,
                "displayName" => display_name = text(o)?,
                _ => {
                    o.next_value::<IgnoredAny>()?;
                }
            }
        }
        let trimmed = |t: String| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(id.and_then(trimmed).map(|id| OrgSummary {
            id,
            display_name: display_name.and_then(trimmed),
        }))
    }
}

/// One page of the organization list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgPage {
    pub orgs: Vec<OrgSummary>,
    /// How many pages there are, when the answer says; a plain array is the whole list.
    pub total_pages: Option<u32>,
    /// How many organizations there are in all, when the answer says.
    pub total_entries: Option<u64>,
    /// Entries of this page past [`MAX_ORGANIZATIONS_PER_PAGE`]: counted, not read.
    pub beyond: usize,
}

impl OrgPage {
    /// A decoder for one page (Coveo's page object, or a plain array), a slice at a time.
    pub fn decoder() -> ListDecoder<OrgSummary> {
        ListDecoder::new()
            .paged()
            .keeping_at_most(MAX_ORGANIZATIONS_PER_PAGE)
    }

    /// The page a decoder read. Entries without a string `id` are left out.
    pub fn from_decoded(page: Page<OrgSummary>) -> OrgPage {
        OrgPage {
            orgs: page.decoded.items,
            total_pages: page.is_page_object.then(|| {
                page.total_pages
                    .map_or(1, |p| p.min(u64::from(u32::MAX)) as u32)
            }),
            total_entries: page.total_entries,
            beyond: page.beyond,
        }
    }

    /// Reads a whole body (see [`OrgPage::decoder`]).
    pub fn read(body: &[u8]) -> Result<OrgPage, DecodeError> {
        let mut decoder = OrgPage::decoder();
        decoder.feed(body);
        decoder.finish_page().map(OrgPage::from_decoded)
    }

    /// The page to ask for after page `page` (0-based), once `kept` organizations are
    /// in, if any: none after a plain array, an empty page, the last page, the last page
    /// the app asks for, or once [`MAX_ORGANIZATIONS`] are in.
    pub fn next_page(&self, page: u32, kept: usize) -> Option<u32> {
        let next = page + 1;
        let total = self.total_pages?;
        (!self.orgs.is_empty()
            && next < total
            && next < MAX_ORGANIZATION_PAGES
            && kept < MAX_ORGANIZATIONS)
            .then_some(next)
    }

    /// Whether the list stops here while Coveo has more: at the app's page limit, with
    /// entries this page did not keep, or at [`MAX_ORGANIZATIONS`].
    pub fn cut_here(&self, page: u32, kept: usize) -> bool {
        let more_pages = self.total_pages.is_some_and(|total| page + 1 < total);
        self.beyond > 0
            || (more_pages && (page + 1 == MAX_ORGANIZATION_PAGES || kept >= MAX_ORGANIZATIONS))
    }
}

/// What listing the organizations a token reaches gave: every organization (at most
/// `MAX_ORGANIZATIONS`), whether it stopped while Coveo has more, and how many Coveo says
/// there are.
#[derive(Debug, Default)]
pub struct Reachable {
    pub orgs: OrgDirectory,
    pub partial: bool,
    pub total: Option<u64>,
}

/// Every organization the token reaches, sorted by name, each once, ready to search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgDirectory {
    orgs: Vec<OrgSummary>,
    /// Each organization's name and ID folded for search, in the same order.
    haystacks: Vec<String>,
}

impl OrgDirectory {
    /// Gathers pages into one list: an ID seen twice is kept once, the first time; at
    /// most [`MAX_ORGANIZATIONS`].
    pub fn new(pages: impl IntoIterator<Item = OrgSummary>) -> OrgDirectory {
        let mut orgs: Vec<OrgSummary> = pages.into_iter().take(MAX_ORGANIZATIONS).collect();
        let mut seen = crate::hashing::HashSet::default();
        orgs.retain(|org| seen.insert(org.id.clone()));
        orgs.sort_by_cached_key(|org| (crate::fold::fold(org.label()), org.id.clone()));
        let haystacks = orgs
            .iter()
            .map(|org| {
                let mut haystack = String::new();
                fold_for_search(org.label(), &mut haystack);
                haystack.push(' ');
                fold_for_search(&org.id, &mut haystack);
                haystack
            })
            .collect();
        OrgDirectory { orgs, haystacks }
    }

    pub fn len(&self) -> usize {
        self.orgs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.orgs.is_empty()
    }

    /// The organization with this exact ID.
    pub fn find(&self, id: &str) -> Option<&OrgSummary> {
        self.orgs.iter().find(|org| org.id == id)
    }

    /// The organizations whose name or ID has a word starting with each word of `query`,
    /// in name order; all of them for an empty query.
    pub fn search(&self, query: &str) -> Vec<&OrgSummary> {
        let terms = search_terms(query);
        self.orgs
            .iter()
            .zip(&self.haystacks)
            .filter(|(_, haystack)| terms.iter().all(|t| has_word_starting(haystack, t)))
            .map(|(org, _)| org)
            .collect()
    }
}

/// Where an organization lives, as `GET /rest/global/organizations/{org}` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgHome {
    /// `primaryMainRegion`, as Coveo writes it (`us-east-1`, `eu-west-1`...).
    pub primary_region: Option<String>,
}

impl OrgHome {
    pub fn read(body: &[u8]) -> Result<OrgHome, DecodeError> {
        match read_json(body)? {
            Value::Object(object) => Ok(OrgHome {
                primary_region: object
                    .get("primaryMainRegion")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            }),
            other => Err(DecodeError::NotAList {
                found: json_kind(&other),
            }),
        }
    }

    /// The region to offer instead of `chosen`, when Coveo names another one this app
    /// knows. A HIPAA organization answers with a US region name: HIPAA is its own host,
    /// never a reason to leave it.
    pub fn better_region(&self, chosen: Region) -> Option<Region> {
        let home = Region::serving(self.primary_region.as_deref()?)?;
        (home != chosen && chosen != Region::Hipaa).then_some(home)
    }
}

/// A whole small JSON body; an empty or cut body is told apart from one that is not JSON.
fn read_json(body: &[u8]) -> Result<Value, DecodeError> {
    serde_json::from_slice(body).map_err(|e| {
        if e.is_eof() && !body.trim_ascii().is_empty() {
            DecodeError::Incomplete
        } else {
            DecodeError::NotJson
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(id: &str, name: Option<&str>) -> OrgSummary {
        OrgSummary {
            id: id.into(),
            display_name: name.map(str::to_owned),
        }
    }

    #[test]
    fn a_page_object_and_a_plain_array_are_both_read() {
        let page = OrgPage::read(
            br#"{"items":[{"id":"acmeprod1","displayName":"ACME Production"},{"id":"acmedev"},{"displayName":"no id"},{"id":7}],"totalEntries":4,"totalPages":3}"#,
        )
        .unwrap();
        assert_eq!(
            page.orgs,
            [
                org("acmeprod1", Some("ACME Production")),
                org("acmedev", None)
            ]
        );
        assert_eq!(page.total_pages, Some(3));
        assert_eq!(page.total_entries, Some(4));
        assert_eq!(page.next_page(0, 2), Some(1));
        assert_eq!(page.next_page(2, 2), None);

        let array = OrgPage::read(br#"[{"id":"a","displayName":"  "}]"#).unwrap();
        assert_eq!(array.orgs, [org("a", None)]);
        assert_eq!(
            array.next_page(0, 1),
            None,
            "a plain array is the whole list"
        );
    }

    #[test]
    fn paging_stops_at_an_empty_page_and_at_the_limit() {
        let empty = OrgPage {
            orgs: vec![],
            total_pages: Some(9),
            total_entries: None,
            beyond: 0,
        };
        assert_eq!(empty.next_page(0, 0), None);
        let endless = OrgPage {
            orgs: vec![org("a", None)],
            total_pages: Some(u32::MAX),
            total_entries: None,
            beyond: 0,
        };
        assert_eq!(
            endless.next_page(MAX_ORGANIZATION_PAGES - 2, 1),
            Some(MAX_ORGANIZATION_PAGES - 1)
        );
        assert_eq!(endless.next_page(MAX_ORGANIZATION_PAGES - 1, 1), None);
        assert!(endless.cut_here(MAX_ORGANIZATION_PAGES - 1, 1));
        assert!(!endless.cut_here(0, 1));
        assert_eq!(endless.next_page(3, MAX_ORGANIZATIONS), None, "enough kept");
        assert!(endless.cut_here(3, MAX_ORGANIZATIONS));
    }

    #[test]
    fn what_is_not_a_page_is_said() {
        assert_eq!(
            OrgPage::read(br#"{"totalPages":1}"#),
            Err(DecodeError::NotAList { found: "an object" })
        );
        assert_eq!(OrgPage::read(b"<html>"), Err(DecodeError::NotJson));
        assert_eq!(
            OrgPage::read(br#"{"items":[{"id":"a"}"#),
            Err(DecodeError::Incomplete)
        );
        assert_eq!(
            OrgPage::read(b"42"),
            Err(DecodeError::NotAList { found: "a number" })
        );
    }

    #[test]
    fn a_page_keeps_at_most_its_share_and_counts_the_rest() {
        let items: Vec<String> = (0..MAX_ORGANIZATIONS_PER_PAGE + 5)
            .map(|i| format!(r#"{{"id":"org{i}","displayName":"Org {i}","x":[1,2]}}"#))
            .collect();
        let body = format!(
            r#"{{"items":[{}],"totalEntries":20000,"totalPages":20}}"#,
            items.join(",")
        );
        let page = OrgPage::read(body.as_bytes()).unwrap();
        assert_eq!(page.orgs.len(), MAX_ORGANIZATIONS_PER_PAGE);
        assert_eq!(page.beyond, 5);
        assert_eq!(page.total_entries, Some(20_000));
        assert!(page.cut_here(0, page.orgs.len()), "the page was cut");
        let many = (0..MAX_ORGANIZATIONS + 10).map(|i| org(&format!("o{i}"), None));
        assert_eq!(OrgDirectory::new(many).len(), MAX_ORGANIZATIONS);
    }

    #[test]
    fn the_directory_is_sorted_deduplicated_and_searched_at_word_starts() {
        let directory = OrgDirectory::new([
            org("zeta1", Some("Zeta Sandbox")),
            org("acmeprod1", Some("ACME Production")),
            org("acmedev2", Some("ÀCME Développement")),
            org("acmeprod1", Some("A second copy")),
        ]);
        assert_eq!(directory.len(), 3);
        let ids = |query| {
            directory
                .search(query)
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(""), ["acmedev2", "acmeprod1", "zeta1"]);
        assert_eq!(ids("acme"), ["acmedev2", "acmeprod1"]);
        assert_eq!(ids("developpement"), ["acmedev2"]);
        assert_eq!(ids("prod"), ["acmeprod1"], "a word start of the name");
        assert_eq!(ids("zeta1"), ["zeta1"], "the ID");
        assert_eq!(ids("box"), Vec::<&str>::new(), "not inside a word");
        assert_eq!(directory.find("zeta1").unwrap().label(), "Zeta Sandbox");
    }

    #[test]
    fn the_home_region_is_offered_only_when_it_differs() {
        let home = |region: &str| {
            OrgHome::read(
                format!(r#"{{"organizationId":"x","primaryMainRegion":"{region}"}}"#).as_bytes(),
            )
            .unwrap()
        };
        assert_eq!(
            home("eu-west-1").better_region(Region::Us),
            Some(Region::Eu)
        );
        assert_eq!(home("eu-west-1").better_region(Region::Eu), None);
        assert_eq!(home("us-east-1").better_region(Region::Hipaa), None);
        assert_eq!(
            home("ap-southeast-2").better_region(Region::Us),
            Some(Region::Au)
        );
        assert_eq!(
            home("ca-central-1").better_region(Region::Eu),
            Some(Region::Ca)
        );
        assert_eq!(
            home("mars-north-1").better_region(Region::Us),
            None,
            "unknown: nothing to offer"
        );
        assert_eq!(
            OrgHome::read(b"{}").unwrap().better_region(Region::Us),
            None
        );
        assert_eq!(
            OrgHome::read(b"[]"),
            Err(DecodeError::NotAList { found: "a list" })
        );
    }
}
