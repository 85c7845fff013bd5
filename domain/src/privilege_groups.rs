//! Privileges grouped by owner, then target domain, with their types.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

use crate::model::{Privilege, Target};

/// One target domain of an owner and the types offered for it (`None`: "Allowed").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DomainGroup {
    pub target_domain: String,
    pub types: Vec<Option<String>>,
    /// The targets its privileges name, in words ("All resources", "Only: a, b").
    pub targets: Vec<String>,
    /// The access levels its privileges name (`GLOBAL`, `NORMAL`...).
    pub levels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerGroup {
    pub owner: String,
    pub domains: Vec<DomainGroup>,
}

/// Owners in Coveo's documented order, then any other owner alphabetically; domains
/// alphabetically; types in CREATE, VIEW, EDIT, ENABLE order, then others.
pub fn group<'a>(privileges: impl IntoIterator<Item = &'a Privilege>) -> Vec<OwnerGroup> {
    group_each(&mut privileges.into_iter())
}

/// [`group`] over any iterator, so that the wasm holds its body and sorts once, not once
/// per kind of iterator. Linear in the privileges (then a sort): every "seen" question is
/// a hash lookup, as a hostile list may hold 100,000 owners, types or targets.
fn group_each(privileges: &mut dyn Iterator<Item = &Privilege>) -> Vec<OwnerGroup> {
    let mut owners: Vec<OwnerGroup> = Vec::new();
    let mut owner_slots: HashMap<&str, usize> = HashMap::default();
    // Where each (owner, domain) went.
    let mut slots: HashMap<(&str, &str), (usize, usize)> = HashMap::default();
    // What each (owner, domain) already lists: its types, targets and levels.
    let mut types_seen: HashSet<(usize, usize, Option<&str>)> = HashSet::default();
    let mut words_seen: HashSet<(usize, usize, bool, Cow<str>)> = HashSet::default();
    for p in privileges {
        let (o, d) = *slots
            .entry((p.owner.as_str(), p.target_domain.as_str()))
            .or_insert_with(|| {
                let o = *owner_slots.entry(p.owner.as_str()).or_insert_with(|| {
                    owners.push(OwnerGroup {
                        owner: p.owner.clone(),
                        domains: Vec::new(),
                    });
                    owners.len() - 1
                });
                owners[o].domains.push(DomainGroup {
                    target_domain: p.target_domain.clone(),
                    types: Vec::new(),
                    targets: Vec::new(),
                    levels: Vec::new(),
                });
                (o, owners[o].domains.len() - 1)
            });
        let domain = &mut owners[o].domains[d];
        if types_seen.insert((o, d, p.kind.as_deref())) {
            domain.types.push(p.kind.clone());
        }
        let target = match &p.target {
            Target::Unspecified => None,
            Target::All => Some(Cow::Borrowed("All resources")),
            Target::Only(ids) => Some(Cow::Owned(format!("Only: {}", ids.join(", ")))),
        };
        for (is_target, list, item) in [
            (true, &mut domain.targets, target),
            (
                false,
                &mut domain.levels,
                p.level.as_deref().map(Cow::Borrowed),
            ),
        ] {
            if let Some(item) = item {
                if !words_seen.contains(&(o, d, is_target, Cow::Borrowed(item.as_ref()))) {
                    list.push(item.clone().into_owned());
                    words_seen.insert((o, d, is_target, item));
                }
            }
        }
    }
    owners.sort_unstable_by(|a, b| {
        (owner_known(&a.owner), &a.owner).cmp(&(owner_known(&b.owner), &b.owner))
    });
    for owner in &mut owners {
        owner
            .domains
            .sort_by(|a, b| a.target_domain.cmp(&b.target_domain));
        for domain in &mut owner.domains {
            domain
                .types
                .sort_by(|a, b| type_rank(a.as_deref()).cmp(&type_rank(b.as_deref())));
        }
    }
    owners
}

/// Where Coveo's documentation lists `owner` (others come after, alphabetically).
fn owner_known(owner: &str) -> usize {
    const KNOWN: [&str; 4] = ["PLATFORM", "SEARCH_API", "USAGE_ANALYTICS", "COVEO_ML"];
    KNOWN
        .iter()
        .position(|k| *k == owner)
        .unwrap_or(KNOWN.len())
}

fn type_rank(kind: Option<&str>) -> (usize, &str) {
    const ORDER: [&str; 4] = ["CREATE", "VIEW", "EDIT", "ENABLE"];
    match kind {
        None => (0, ""),
        Some(k) => (
            1 + ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len()),
            k,
        ),
    }
}

/// The first `rows` target domains of `groups`, owners in order: the explorer shows a
/// page of rows at a time, so a keystroke never rebuilds thousands of them.
pub fn first_rows(groups: &[OwnerGroup], rows: usize) -> Vec<OwnerGroup> {
    let mut left = rows;
    groups
        .iter()
        .map_while(|g| {
            let take = g.domains.len().min(left);
            left -= take;
            (take > 0).then(|| OwnerGroup {
                owner: g.owner.clone(),
                domains: g.domains[..take].to_vec(),
            })
        })
        .collect()
}

/// The owners of `privileges`, once each, in the groups' order: the owner filter's chips.
pub fn owners(privileges: &[Privilege]) -> Vec<String> {
    let mut owners: Vec<String> = group(privileges).into_iter().map(|g| g.owner).collect();
    owners.dedup();
    owners
}

/// The types of `privileges` ("Allowed" for none), once each, in order of appearance:
/// the type filter's chips.
pub fn types(privileges: &[Privilege]) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::default();
    privileges
        .iter()
        .map(|p| type_label(p.kind.as_deref()))
        .filter(|kind| seen.insert(kind))
        .map(str::to_owned)
        .collect()
}

/// How many target domains `groups` hold: the rows there are to show.
pub fn row_count(groups: &[OwnerGroup]) -> usize {
    groups.iter().map(|g| g.domains.len()).sum()
}

/// A type as the Admin Console says it: a missing type is "Allowed".
pub fn type_label(kind: Option<&str>) -> &str {
    kind.unwrap_or("Allowed")
}

/// The privilege that lists API keys, by its Console name and code (between backticks,
/// for [`crate::text::code_spans`]); kept here rather than read from the catalog, which
/// the page's first load does not carry (`domain/tests/catalog.rs` checks they agree).
pub const VIEW_API_KEYS: &str = "Organization · API keys · View (`PLATFORM.API_KEY.VIEW`)";

/// The privilege that lists the assignable privileges, as [`VIEW_API_KEYS`].
pub const VIEW_ORGANIZATION: &str =
    "Organization · Organization · View (`PLATFORM.ORGANIZATION.VIEW`)";

/// The privilege that lists API key templates, as [`VIEW_API_KEYS`].
pub const CREATE_API_KEYS: &str = "Organization · API keys · Create (`PLATFORM.API_KEY.CREATE`)";

/// Whether a token's own privileges (`/privileges/me`) include viewing API keys.
pub fn can_view_api_keys(privileges: &[Privilege]) -> bool {
    privileges.iter().any(|p| {
        p.owner == "PLATFORM" && p.target_domain == "API_KEY" && p.kind.as_deref() == Some("VIEW")
    })
}
