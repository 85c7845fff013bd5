//! "Who holds what": the key filter's `can:` terms. `can:SOURCE` (any level),
//! `can:SOURCE.EDIT`, `can:PLATFORM.SOURCE.EDIT`, or the Console's words
//! (`can:sources.edit`, `can:analytics-data.push`), in any case.

use crate::hashing::HashMap;

use crate::catalog::{level_meets, Catalog, ALLOWED_LEVEL};
use crate::fold::{fold, singular};
use crate::model::ApiKey;
use crate::privilege_explorer::PrivilegeRef;

/// The prefix that makes a filter word a `can:` term.
pub const PREFIX: &str = "can:";

/// A `can:` term: a domain, by code or Console name, with its owner and level when
/// given. Each part is kept folded, its words in the singular.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CanTerm {
    owner: Option<String>,
    domain: String,
    level: Option<String>,
}

/// The levels a term's last part can name.
const LEVELS: [&str; 5] = ["create", "view", "edit", "enable", "allowed"];

impl CanTerm {
    /// Reads a filter word: `None` unless it is `can:` followed by one to three parts.
    pub fn parse(word: &str) -> Option<CanTerm> {
        let prefix = word.get(..PREFIX.len())?;
        if !prefix.eq_ignore_ascii_case(PREFIX) {
            return None;
        }
        let parts: Vec<String> = word[PREFIX.len()..].split('.').map(words).collect();
        if parts.iter().any(String::is_empty) {
            return None;
        }
        let is_level = |part: &str| LEVELS.contains(&part) || part == "push";
        match parts.as_slice() {
            [domain] => Some(CanTerm::new(None, domain, None)),
            [domain, level] if is_level(level) => Some(CanTerm::new(None, domain, Some(level))),
            [owner, domain] => Some(CanTerm::new(Some(owner), domain, None)),
            [owner, domain, level] => Some(CanTerm::new(Some(owner), domain, Some(level))),
            _ => None,
        }
    }

    fn new(owner: Option<&String>, domain: &str, level: Option<&String>) -> CanTerm {
        CanTerm {
            owner: owner.cloned(),
            domain: domain.to_owned(),
            level: level.cloned(),
        }
    }

    /// Whether a privilege (owner, domain, type) is one this term names. A Console name
    /// or level label counts only where the catalog knows the pair.
    pub fn names(&self, catalog: &Catalog, owner: &str, domain: &str, kind: Option<&str>) -> bool {
        let info = catalog.domain(owner, domain);
        let owner_fits = self.owner.as_ref().is_none_or(|o| *o == words(owner));
        let domain_fits = self.domain == words(domain)
            || info
                .and_then(|d| d.name)
                .is_some_and(|n| self.domain == words(n));
        let level_fits = self.level.as_deref().is_none_or(|level| {
            let label = info.and_then(|d| d.level_label(kind.unwrap_or(ALLOWED_LEVEL)));
            match level {
                "allowed" => level_meets(None, kind),
                "enable" => level_meets(Some("ENABLE"), kind),
                level if label.is_some_and(|l| words(l) == level) => true,
                level => kind.is_some_and(|k| words(k) == level),
            }
        });
        owner_fits && domain_fits && level_fits
    }
}

/// A part as compared: folded, `_` and `-` as spaces, each word in the singular.
fn words(part: &str) -> String {
    fold(part)
        .split(|c: char| c == '_' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| singular(w).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a filter's text into its plain words (as typed) and its `can:` terms; a word
/// that starts with `can:` but names nothing readable stays a plain word.
pub fn split_filter(text: &str) -> (String, Vec<CanTerm>) {
    let mut plain: Vec<&str> = Vec::new();
    let mut terms: Vec<CanTerm> = Vec::new();
    for word in text.split_whitespace() {
        match CanTerm::parse(word) {
            Some(term) if !terms.contains(&term) => terms.push(term),
            Some(_) => {}
            None => plain.push(word),
        }
    }
    (plain.join(" "), terms)
}

/// The filter text that finds the keys holding `owner` / `domain` / `kind` exactly.
pub fn filter_for(owner: &str, domain: &str, kind: Option<&str>) -> String {
    format!("{PREFIX}{owner}.{domain}.{}", kind.unwrap_or(ALLOWED_LEVEL))
}

/// How many of `keys` hold each of `rows` (at a level that meets the row's, as a `can:`
/// term with that level would find them); each key counts once per row.
pub fn holder_counts(keys: &[ApiKey], rows: &[PrivilegeRef]) -> Vec<usize> {
    // This runs over every privilege of every key (200,000 for a large organization):
    // each is compared once with the few pairs that share its signature (read in a few
    // byte loads, found by binary search), as hashing whole strings took most of the time.
    // The rows of each (pair, level): a key privilege reaches a whole level at once.
    let mut levels: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    let mut pairs: Vec<(u32, &str, &str, Vec<usize>)> = Vec::new();
    // Where each pair and level went: a hostile list may hold 100,000 of them.
    let mut pair_slots: HashMap<(&str, &str), usize> = HashMap::default();
    let mut level_slots: HashMap<(usize, Option<&str>), usize> = HashMap::default();
    for (at, row) in rows.iter().enumerate() {
        let pair = *pair_slots
            .entry((&row.owner, &row.target_domain))
            .or_insert_with(|| {
                pairs.push((
                    signature(&row.owner, &row.target_domain),
                    &row.owner,
                    &row.target_domain,
                    Vec::new(),
                ));
                pairs.len() - 1
            });
        let level = *level_slots
            .entry((pair, row.kind.as_deref()))
            .or_insert_with(|| {
                levels.push((row.kind.as_deref(), Vec::new()));
                pairs[pair].3.push(levels.len() - 1);
                levels.len() - 1
            });
        levels[level].1.push(at);
    }
    pairs.sort_unstable_by_key(|pair| pair.0);
    let mut counts = vec![0; rows.len()];
    // The last key counted for each level: a key counts once per row however many of its
    // privileges reach it (rows may be 100,000 of one pair).
    let mut counted_for: Vec<usize> = vec![usize::MAX; levels.len()];
    for (number, key) in keys.iter().enumerate() {
        for p in &key.privileges {
            let sign = signature(&p.owner, &p.target_domain);
            let from = pairs.partition_point(|pair| pair.0 < sign);
            let pair = pairs[from..]
                .iter()
                .take_while(|pair| pair.0 == sign)
                .find(|(_, owner, domain, _)| *domain == p.target_domain && *owner == p.owner);
            let Some((.., pair_levels)) = pair else {
                continue;
            };
            for &level in pair_levels {
                let (kind, level_rows) = &levels[level];
                if counted_for[level] != number && level_meets(*kind, p.kind.as_deref()) {
                    counted_for[level] = number;
                    for &at in level_rows {
                        counts[at] += 1;
                    }
                }
            }
        }
    }
    counts
}

/// The lengths and end bytes of an owner and a domain: equal for equal pairs, and
/// rarely equal for others.
fn signature(owner: &str, domain: &str) -> u32 {
    let ends = |s: &str| {
        let b = s.as_bytes();
        (u32::from(*b.first().unwrap_or(&0)) << 8) | u32::from(*b.last().unwrap_or(&0))
    };
    ((domain.len() as u32) << 24) ^ (ends(domain) << 8) ^ ((owner.len() as u32) << 4) ^ ends(owner)
}
