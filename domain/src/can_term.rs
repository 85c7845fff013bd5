//! "Who holds what": the key filter's `can:` terms. `can:SOURCE` (any level),
//! `can:SOURCE.EDIT`, `can:PLATFORM.SOURCE.EDIT`, or the Console's words
//! (`can:sources.edit`, `can:analytics-data.push`, `can:"Execute queries"`), in any
//! case; words that start the name of one privilege only (`can:execute`) name it.

use crate::hashing::HashMap;

use crate::catalog::{level_meets, privilege_title, Catalog, DomainInfo, ALLOWED_LEVEL};
use crate::fold::{fold, singular};
use crate::model::ApiKey;
use crate::privilege_explorer::PrivilegeRef;

/// The prefix that makes a filter word a `can:` term.
pub const PREFIX: &str = "can:";

/// A `can:` term: a domain, by code or Console name, with its owner and level when
/// given, and all its words for a term that names a privilege by the start of its words.
/// Each part is kept folded, its words in the singular.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CanTerm {
    owner: Option<String>,
    domain: String,
    level: Option<String>,
    phrase: Vec<String>,
}

/// The levels a term's last part can name.
const LEVELS: [&str; 5] = ["create", "view", "edit", "enable", "allowed"];

/// A privilege an organization's keys hold: owner, domain and type.
pub type Held = (String, String, Option<String>);

impl CanTerm {
    /// Reads a filter word: `None` unless it is `can:` followed by one to three parts,
    /// split by `.` or the Console's ` · `, the whole in quotes or not.
    pub fn parse(word: &str) -> Option<CanTerm> {
        let prefix = word.get(..PREFIX.len())?;
        if !prefix.eq_ignore_ascii_case(PREFIX) {
            return None;
        }
        let rest = word[PREFIX.len()..].trim_matches('"').replace('·', ".");
        let parts: Vec<String> = rest.split('.').map(|p| words(p.trim())).collect();
        if parts.iter().any(String::is_empty) {
            return None;
        }
        let phrase = parts
            .iter()
            .flat_map(|p| p.split(' ').map(str::to_owned))
            .collect();
        let is_level = |part: &str| LEVELS.contains(&part) || part == "push";
        let (owner, domain, level) = match parts.as_slice() {
            [domain] => (None, domain, None),
            [domain, level] if is_level(level) => (None, domain, Some(level)),
            [owner, domain] => (Some(owner), domain, None),
            [owner, domain, level] => (Some(owner), domain, Some(level)),
            _ => return None,
        };
        Some(CanTerm {
            owner: owner.cloned(),
            domain: domain.to_owned(),
            level: level.cloned(),
            phrase,
        })
    }

    /// Whether a privilege (owner, domain, type) is one this term names by its code or
    /// Console name, read as owner, domain and level. A Console name or level label
    /// counts only where the catalog knows the pair.
    pub fn names(&self, catalog: &Catalog, owner: &str, domain: &str, kind: Option<&str>) -> bool {
        let info = catalog.domain(owner, domain);
        let owner_fits = self.owner.as_ref().is_none_or(|o| *o == words(owner));
        let domain_fits = self.domain == words(domain)
            || info
                .and_then(|d| d.name)
                .is_some_and(|n| self.domain == words(n));
        owner_fits && domain_fits && level_fits(self.level.as_deref(), info, kind)
    }

    /// What the term keeps, read against the catalog and the privileges `held`: the
    /// pairs it names by code or name, or else the one pair whose words it starts.
    pub fn resolve(&self, catalog: &Catalog, held: &[Held]) -> Resolved {
        let pairs = candidates(catalog, held);
        let exact: Vec<Pair> = pairs
            .iter()
            .filter(|pair| {
                pair.kinds
                    .iter()
                    .any(|kind| self.names(catalog, pair.owner, pair.domain, *kind))
            })
            .cloned()
            .collect();
        if !exact.is_empty() {
            let level = self.level.as_deref();
            let reading = Reading::Names(exact.iter().map(|p| p.title(catalog, level)).collect());
            return Resolved {
                exact: true,
                partial: None,
                reading,
            };
        }
        let started: Vec<(Pair, Option<String>)> = pairs
            .iter()
            .filter_map(|pair| Some((pair.clone(), pair.started_by(&self.phrase)?)))
            .collect();
        let reading = match started.as_slice() {
            [] => Reading::Nothing {
                suggestion: closest(&pairs, &self.phrase).map(|p| p.title(catalog, None)),
            },
            [(pair, level)] => Reading::Names(vec![pair.title(catalog, level.as_deref())]),
            many => Reading::Ambiguous {
                some: many
                    .iter()
                    .take(3)
                    .map(|(p, _)| p.title(catalog, None))
                    .collect(),
                total: many.len(),
            },
        };
        let partial = match started.as_slice() {
            [(pair, level)] => Some((pair.owner.to_owned(), pair.domain.to_owned(), level.clone())),
            _ => None,
        };
        Resolved {
            exact: false,
            partial,
            reading,
        }
    }
}

/// A term as read against the privileges there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// It names privileges by code or name.
    exact: bool,
    /// Or the one pair (owner, domain) whose words it starts, and the level it gives.
    partial: Option<(String, String, Option<String>)>,
    pub reading: Reading,
}

impl Resolved {
    /// Whether `term` (the term this was resolved from) keeps privilege (owner, domain,
    /// type).
    pub fn names(
        &self,
        term: &CanTerm,
        catalog: &Catalog,
        owner: &str,
        domain: &str,
        kind: Option<&str>,
    ) -> bool {
        if self.exact {
            return term.names(catalog, owner, domain, kind);
        }
        self.partial.as_ref().is_some_and(|(o, d, level)| {
            o == owner
                && d == domain
                && level_fits(level.as_deref(), catalog.domain(owner, domain), kind)
        })
    }
}

/// What a term names, in words for the filter's chips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// The privileges it names, by their Console name (or code).
    Names(Vec<String>),
    /// Words that start the names of several privileges: it keeps none. A few of them,
    /// and how many.
    Ambiguous { some: Vec<String>, total: usize },
    /// No privilege is called so; the closest name, when one is close.
    Nothing { suggestion: Option<String> },
}

/// Whether a held type `kind` fits a term's level (`None`: any).
fn level_fits(level: Option<&str>, info: Option<&DomainInfo>, kind: Option<&str>) -> bool {
    level.is_none_or(|level| {
        let label = info.and_then(|d| d.level_label(kind.unwrap_or(ALLOWED_LEVEL)));
        match level {
            "allowed" => level_meets(None, kind),
            "enable" => level_meets(Some("ENABLE"), kind),
            level if label.is_some_and(|l| words(l) == level) => true,
            level => kind.is_some_and(|k| words(k) == level),
        }
    })
}

/// An owner / domain pair a term may name, with its words and the types it comes in.
#[derive(Debug, Clone)]
struct Pair<'a> {
    owner: &'a str,
    domain: &'a str,
    info: Option<&'static DomainInfo>,
    kinds: Vec<Option<&'a str>>,
}

impl Pair<'_> {
    /// Its Console name ("Content · Sources", with the level when given), or its code.
    fn title(&self, catalog: &Catalog, level: Option<&str>) -> String {
        let kind = level.map(|l| {
            self.kinds
                .iter()
                .flatten()
                .find(|k| {
                    words(k) == l
                        || self
                            .info
                            .and_then(|i| i.level_label(k))
                            .is_some_and(|x| words(x) == l)
                })
                .map_or_else(|| l.to_ascii_uppercase(), |k| (*k).to_owned())
        });
        privilege_title(catalog, self.owner, self.domain, kind.as_deref()).unwrap_or_else(|| {
            let mut code = format!("{}.{}", self.owner, self.domain);
            if let Some(kind) = kind {
                code = format!("{code}.{kind}");
            }
            code
        })
    }

    /// The ways it is written, as words: its code, and its Console name with the service.
    fn spellings(&self) -> Vec<Vec<String>> {
        let split = |text: String| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let mut out = vec![split(format!(
            "{} {}",
            words(self.owner),
            words(self.domain)
        ))];
        if let Some(name) = self.info.and_then(|i| i.name) {
            let service = self.info.and_then(|i| i.service).map(words);
            out.push(split(match service {
                Some(service) => format!("{service} {}", words(name)),
                None => words(name),
            }));
        }
        out
    }

    /// Whether `phrase` starts words of one of its spellings, in order; its last word
    /// may be a level. Gives the level (`None`: any), or `None` when it does not.
    fn started_by(&self, phrase: &[String]) -> Option<Option<String>> {
        let spellings = self.spellings();
        let starts = |words: &[String]| {
            !words.is_empty()
                && spellings.iter().any(|spelling| {
                    let mut at = spelling.iter();
                    words.iter().all(|w| at.any(|s| s.starts_with(w.as_str())))
                })
        };
        if starts(phrase) {
            return Some(None);
        }
        let (last, rest) = phrase.split_last()?;
        let is_level = LEVELS.contains(&last.as_str())
            || last == "push"
            || self.kinds.iter().flatten().any(|k| {
                words(k) == *last
                    || self
                        .info
                        .and_then(|i| i.level_label(k))
                        .is_some_and(|l| words(l) == *last)
            });
        (is_level && starts(rest)).then(|| Some(last.clone()))
    }
}

/// The pairs the catalog knows and those the keys hold, each once, with their types.
fn candidates<'a>(catalog: &Catalog, held: &'a [Held]) -> Vec<Pair<'a>> {
    let mut pairs: Vec<Pair<'a>> = catalog
        .domains
        .iter()
        .map(|d| Pair {
            owner: d.owner,
            domain: d.target_domain,
            info: Some(d),
            kinds: d
                .levels
                .iter()
                .map(|l| (*l != ALLOWED_LEVEL).then_some(*l))
                .collect(),
        })
        .collect();
    for (owner, domain, kind) in held {
        let kind = kind.as_deref();
        match pairs
            .iter_mut()
            .find(|p| p.owner == owner && p.domain == domain)
        {
            Some(pair) if !pair.kinds.contains(&kind) => pair.kinds.push(kind),
            Some(_) => {}
            None => pairs.push(Pair {
                owner,
                domain,
                info: catalog.domain(owner, domain),
                kinds: vec![kind],
            }),
        }
    }
    pairs
}

/// The pair whose spelling is nearest `phrase` (a few typing slips away), if one is.
fn closest<'p, 'a>(pairs: &'p [Pair<'a>], phrase: &[String]) -> Option<&'p Pair<'a>> {
    let typed = phrase.join(" ");
    let limit = (typed.chars().count() / 4).max(1);
    pairs
        .iter()
        .filter_map(|pair| {
            let best = pair
                .spellings()
                .iter()
                .flat_map(|s| {
                    // The whole spelling, and its end (a name without its service).
                    (0..s.len()).map(move |from| s[from..].join(" "))
                })
                .map(|s| distance(&typed, &s))
                .min()?;
            (best <= limit).then_some((best, pair))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, pair)| pair)
}

/// Levenshtein distance between two short texts, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
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

/// The filter's words as typed, a quoted `can:"..."` term with its spaces as one.
pub fn filter_tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let quoted = rest
            .get(..PREFIX.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(PREFIX))
            && rest[PREFIX.len()..].starts_with('"');
        let end = if quoted {
            // Up to the closing quote, or to the end while it is being typed.
            rest[PREFIX.len() + 1..]
                .find('"')
                .map_or(rest.len(), |at| PREFIX.len() + 2 + at)
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        tokens.push(&rest[..end]);
        rest = rest[end..].trim_start();
    }
    tokens
}

/// Splits a filter's text into its plain words (as typed) and its `can:` terms; a word
/// that starts with `can:` but names nothing readable stays a plain word.
pub fn split_filter(text: &str) -> (String, Vec<CanTerm>) {
    let mut plain: Vec<&str> = Vec::new();
    let mut terms: Vec<CanTerm> = Vec::new();
    for word in filter_tokens(text) {
        match CanTerm::parse(word) {
            Some(term) if !terms.contains(&term) => terms.push(term),
            Some(_) => {}
            None => plain.push(word),
        }
    }
    (plain.join(" "), terms)
}

/// The filter's `can:` terms as typed, with what each reads as.
pub fn term_tokens(text: &str) -> Vec<(&str, CanTerm)> {
    filter_tokens(text)
        .into_iter()
        .filter_map(|token| Some((token, CanTerm::parse(token)?)))
        .collect()
}

/// The filter's text without the word or term `token`.
pub fn without_token(text: &str, token: &str) -> String {
    filter_tokens(text)
        .into_iter()
        .filter(|t| *t != token)
        .collect::<Vec<_>>()
        .join(" ")
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
