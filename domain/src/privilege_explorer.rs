//! The privilege explorer's logic: filtering the assignable privileges, the words shown
//! for owners and domains, the privilege builder's JSON, and comparing with a key.

use hashbrown::HashTable;
use serde::Serialize;

use crate::catalog::{privilege_title, Catalog};
use crate::fold::{fold_for_search, has_word_starting, search_terms};
use crate::hashing::{hash_one, HashSet};
use crate::health::safe_for_public_key;
use crate::model::{ApiKey, Privilege, Target};

/// One assignable privilege by identity: what the `privileges` parameter of key
/// creation takes (owner, targetDomain, type; no targets).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrivilegeRef {
    pub owner: String,
    pub target_domain: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

impl PrivilegeRef {
    pub fn of(privilege: &Privilege) -> PrivilegeRef {
        PrivilegeRef {
            owner: privilege.owner.clone(),
            target_domain: privilege.target_domain.clone(),
            kind: privilege.kind.clone(),
        }
    }

    /// The URL form: `OWNER.DOMAIN.TYPE`, or `OWNER.DOMAIN` for a type-less privilege.
    pub fn code(&self) -> String {
        match &self.kind {
            Some(kind) => format!("{}.{}.{kind}", self.owner, self.target_domain),
            None => format!("{}.{}", self.owner, self.target_domain),
        }
    }

    /// Reads [`PrivilegeRef::code`]; parts are Coveo identifiers (capitals, digits, `_`).
    pub fn from_code(code: &str) -> Option<PrivilegeRef> {
        let mut parts = code.split('.');
        let (owner, domain, kind) = (parts.next()?, parts.next()?, parts.next());
        let valid = |part: &str| {
            !part.is_empty()
                && part.len() <= 64
                && part
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        };
        if parts.next().is_some() || !valid(owner) || !valid(domain) || !kind.is_none_or(valid) {
            return None;
        }
        Some(PrivilegeRef {
            owner: owner.to_owned(),
            target_domain: domain.to_owned(),
            kind: kind.map(str::to_owned),
        })
    }

    /// The Console's name ("Content · Sources · Edit"), when the catalog knows the pair.
    pub fn title(&self) -> Option<String> {
        privilege_title(
            &Catalog::shipped(),
            &self.owner,
            &self.target_domain,
            self.kind.as_deref(),
        )
    }

    /// "Content · Sources · Edit (PLATFORM.SOURCE.EDIT)", or the code alone for a pair
    /// the catalog does not name: for sentences.
    pub fn label(&self) -> String {
        match self.title() {
            Some(title) => format!("{title} ({})", self.code()),
            None => self.code(),
        }
    }

    /// Whether Coveo says this may sit in a key exposed in client-side code.
    pub fn safe_for_public_key(&self) -> bool {
        safe_for_public_key(&Privilege {
            owner: self.owner.clone(),
            target_domain: self.target_domain.clone(),
            kind: self.kind.clone(),
            target: Target::Unspecified,
            level: None,
        })
    }
}

/// The word used for a type-less privilege, in filters and chips.
pub const ALLOWED: &str = "Allowed";

/// What the user asks of the explorer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExplorerQuery {
    /// Every word must appear in the privilege's Console name or its code (in either
    /// case, with or without accents, singular or plural).
    pub text: String,
    /// Owners to keep; empty keeps all.
    pub owners: Vec<String>,
    /// Types to keep (`ALLOWED` for type-less privileges); empty keeps all.
    pub types: Vec<String>,
}

/// Privileges prepared for filtering: each one's code, its words and its Console name
/// folded once, so a keystroke only compares text. Privileges with the same text share
/// it, and a keystroke compares each distinct text once (a hostile list of 100,000
/// privileges of one domain has one).
pub struct PrivilegeIndex {
    /// Each privilege's text, as an index into `texts`.
    text_of: Vec<u32>,
    texts: Vec<String>,
}

impl PrivilegeIndex {
    pub fn new(privileges: &[Privilege]) -> PrivilegeIndex {
        let mut builder = IndexBuilder::default();
        builder.prepare_more(privileges, usize::MAX);
        builder.finish()
    }

    /// The indices of the `privileges` (those the index was built from) that match
    /// `query`, in their original order.
    pub fn filter(&self, privileges: &[Privilege], query: &ExplorerQuery) -> Vec<usize> {
        let words = search_terms(&query.text);
        let hits: Vec<bool> = self
            .texts
            .iter()
            .map(|text| words.iter().all(|w| has_word_starting(text, w)))
            .collect();
        privileges
            .iter()
            .zip(&self.text_of)
            .enumerate()
            .filter(|(_, (p, &text))| {
                let kind = p.kind.as_deref().unwrap_or(ALLOWED);
                hits[text as usize]
                    && (query.owners.is_empty() || query.owners.contains(&p.owner))
                    && (query.types.is_empty() || query.types.iter().any(|t| t == kind))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// A [`PrivilegeIndex`] prepared a step at a time (a long list over several slices).
///
/// Its tables hold numbers that point into the list and into `texts`, never copies of
/// strings: finishing drops two allocations, not one per owner of a 100,000-owner list.
#[derive(Default)]
pub struct IndexBuilder {
    /// Each owner, domain and type met so far: the first privilege with them (by index)
    /// and their text's place in `texts`.
    known: HashTable<(u32, u32)>,
    /// Each distinct text, by its place in `texts`.
    distinct: HashTable<u32>,
    text_of: Vec<u32>,
    texts: Vec<String>,
}

/// The hash of what makes a privilege's text: its owner, domain and type.
fn identity_hash(p: &Privilege) -> u64 {
    hash_one((&p.owner, &p.target_domain, &p.kind))
}

fn same_identity(a: &Privilege, b: &Privilege) -> bool {
    a.owner == b.owner && a.target_domain == b.target_domain && a.kind == b.kind
}

fn text_hash(text: &str) -> u64 {
    hash_one(text)
}

impl IndexBuilder {
    /// Prepares up to `step` more of `privileges`; true once all are. `privileges` is the
    /// same list at every step.
    pub fn prepare_more(&mut self, privileges: &[Privilege], step: usize) -> bool {
        let catalog = Catalog::shipped();
        let IndexBuilder {
            known,
            distinct,
            text_of,
            texts,
        } = self;
        let from = text_of.len();
        let to = privileges.len().min(from.saturating_add(step));
        for (at, p) in privileges.iter().enumerate().take(to).skip(from) {
            let hash = identity_hash(p);
            let found = known.find(hash, |&(seen, _)| {
                same_identity(&privileges[seen as usize], p)
            });
            let text = match found {
                Some(&(_, text)) => text,
                None => {
                    let text = search_text(&catalog, p);
                    let hash_of_text = text_hash(&text);
                    let place = match distinct.find(hash_of_text, |&t| texts[t as usize] == text) {
                        Some(&place) => place,
                        None => {
                            texts.push(text);
                            let place = texts.len() as u32 - 1;
                            distinct.insert_unique(hash_of_text, place, |&t| {
                                text_hash(&texts[t as usize])
                            });
                            place
                        }
                    };
                    known.insert_unique(hash, (at as u32, place), |&(seen, _)| {
                        identity_hash(&privileges[seen as usize])
                    });
                    place
                }
            };
            text_of.push(text);
        }
        to == privileges.len()
    }

    /// How many privileges are prepared.
    pub fn len(&self) -> usize {
        self.text_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text_of.is_empty()
    }

    pub fn finish(self) -> PrivilegeIndex {
        PrivilegeIndex {
            text_of: self.text_of,
            texts: self.texts,
        }
    }
}

/// What the filter searches for one privilege: its domain's code and words, and its
/// Console title, folded.
fn search_text(catalog: &Catalog, p: &Privilege) -> String {
    let mut text = String::new();
    fold_for_search(&p.target_domain, &mut text);
    text.push('\n');
    fold_for_search(&domain_words(&p.target_domain), &mut text);
    if let Some(title) = privilege_title(catalog, &p.owner, &p.target_domain, p.kind.as_deref()) {
        text.push('\n');
        fold_for_search(&title, &mut text);
    }
    text
}

/// `INDEXING_PIPELINE_EXTENSION` -> "Indexing pipeline extension".
pub fn domain_words(code: &str) -> String {
    // ASCII case only: Coveo's codes are ASCII, and Unicode case tables would weigh on the
    // page (see fold.rs); anything else is shown as sent.
    let mut words = code.replace('_', " ").to_ascii_lowercase();
    if let Some(first) = words.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    words
}

/// What an owner governs, in one line, for the owners Coveo documents.
pub fn owner_hint(owner: &str) -> Option<&'static str> {
    Some(match owner {
        "PLATFORM" => {
            "The organization itself: sources, fields, groups, extensions, security, and more."
        }
        "SEARCH_API" => {
            "Querying the index: executing queries, query pipelines, search pages, impersonation."
        }
        "USAGE_ANALYTICS" => {
            "Usage analytics: sending events, reports, dimensions, exports and filters."
        }
        "COVEO_ML" => "Machine learning models and their configuration.",
        "COMMERCE" => "Commerce: catalogs and merchandising.",
        _ => return None,
    })
}

/// Coveo's reference of privileges, linked from the explorer.
pub const PRIVILEGE_REFERENCE: &str = "https://docs.coveo.com/en/1707/";

/// The `privileges` parameter of key creation for `selection`, pretty-printed, in a
/// stable order (owner, domain, type).
pub fn builder_json(selection: &[PrivilegeRef]) -> String {
    let mut sorted = selection.to_vec();
    sorted.sort();
    sorted.dedup();
    serde_json::to_string_pretty(&sorted).expect("plain strings always serialize")
}

/// Ticks (`on`) or unticks every one of `picks` in the builder's `selection`; ticked
/// picks go to the end, in their order.
pub fn set_picked(selection: &mut Vec<PrivilegeRef>, picks: &[PrivilegeRef], on: bool) {
    // A set: "All types" of a domain may pick thousands at once.
    let picked: HashSet<&PrivilegeRef> = picks.iter().collect();
    selection.retain(|p| !picked.contains(p));
    if on {
        selection.extend_from_slice(picks);
    }
}

/// The selected privileges that make a key unsafe to expose in client-side code.
pub fn unsafe_for_public(selection: &[PrivilegeRef]) -> Vec<&PrivilegeRef> {
    selection
        .iter()
        .filter(|p| !p.safe_for_public_key())
        .collect()
}

/// Whether `key` holds `privilege` (same owner, domain and type; any target).
pub fn key_holds(key: &ApiKey, privilege: &PrivilegeRef) -> bool {
    key.privileges.iter().any(|p| {
        p.owner == privilege.owner
            && p.target_domain == privilege.target_domain
            && p.kind == privilege.kind
    })
}

/// How many of `assignable` the key holds, and how many it lacks.
pub fn compare_counts(key: &ApiKey, assignable: &[Privilege]) -> (usize, usize) {
    let held = assignable
        .iter()
        .filter(|p| key_holds(key, &PrivilegeRef::of(p)))
        .count();
    (held, assignable.len() - held)
}

/// Two sets of privileges side by side: what only the first has, what both have, what
/// only the second has; each sorted, without repeats.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Difference {
    pub only_first: Vec<PrivilegeRef>,
    pub both: Vec<PrivilegeRef>,
    pub only_second: Vec<PrivilegeRef>,
}

/// The [`Difference`] of `first` and `second` (owner, domain and type; targets aside).
pub fn difference(first: &[PrivilegeRef], second: &[PrivilegeRef]) -> Difference {
    let sorted = |list: &[PrivilegeRef]| {
        let mut list = list.to_vec();
        list.sort();
        list.dedup();
        list
    };
    let (first, second) = (sorted(first), sorted(second));
    let mut diff = Difference::default();
    for p in &first {
        if second.binary_search(p).is_ok() {
            diff.both.push(p.clone());
        } else {
            diff.only_first.push(p.clone());
        }
    }
    diff.only_second = second
        .into_iter()
        .filter(|p| first.binary_search(p).is_err())
        .collect();
    diff
}

/// A key's privileges as builder picks (owner, domain and type; targets aside).
pub fn picks_of(key: &ApiKey) -> Vec<PrivilegeRef> {
    picks_from(&key.privileges)
}

/// Privileges (a key's, a template's) as builder picks, sorted, each once.
pub fn picks_from(privileges: &[Privilege]) -> Vec<PrivilegeRef> {
    let mut picks: Vec<PrivilegeRef> = privileges.iter().map(PrivilegeRef::of).collect();
    picks.sort();
    picks.dedup();
    picks
}
