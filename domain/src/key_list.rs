//! The key list's search: keys prepared once (folded text, status, health flags), then
//! filtered and sorted cheaply on every keystroke.

use std::cmp::Ordering;

use memchr::memmem::Finder;

use crate::can_term::{split_filter, term_tokens, CanTerm, Reading};
use crate::catalog::Catalog;
use crate::fold::{fold, fold_into, query_words};
use crate::hashing::{hash_one, HashMap};
use crate::health::{at_risk, flags, Flag, Severity};
use crate::model::{ApiKey, CreatedBy, Timestamp};
use crate::status::status_name;

/// What the user asks of the list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyQuery {
    /// Free text: every word must appear in the name, description, id or creator; a
    /// `can:` term keeps the keys holding the privileges it names (see `can_term`).
    pub text: String,
    /// Statuses to keep (as [`ApiKey::status_label`] gives them); empty keeps all.
    pub statuses: Vec<String>,
    /// Keep only active keys at risk (`health::at_risk`).
    pub needs_attention: bool,
}

impl KeyQuery {
    pub fn is_empty(&self) -> bool {
        self == &KeyQuery::default()
    }

    /// Whether every key that matches `next` also matches `self`, so that `next` can
    /// be looked for among `self`'s matches only: typing on at the end of a word, adding
    /// a word or a status chip, turning "needs attention" on.
    pub fn narrows_to(&self, next: &KeyQuery) -> bool {
        let ((text, terms), (next_text, next_terms)) =
            (split_filter(&self.text), split_filter(&next.text));
        let (words, next_words) = (query_words(&text), query_words(&next_text));
        let statuses_narrow = self.statuses.is_empty()
            || (!next.statuses.is_empty()
                && next.statuses.iter().all(|s| self.statuses.contains(s)));
        statuses_narrow
            && terms.iter().all(|t| next_terms.contains(t))
            && (!self.needs_attention || next.needs_attention)
            && words
                .iter()
                .all(|w| next_words.iter().any(|n| n.contains(w.as_str())))
    }
}

/// Which column orders the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Status,
    Expires,
    Created,
    LastUsed,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::Status,
        SortKey::Expires,
        SortKey::Created,
        SortKey::LastUsed,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// The URL form: `name`, `-created`, `used`...
    pub fn code(self) -> String {
        let key = match self.key {
            SortKey::Name => "name",
            SortKey::Status => "status",
            SortKey::Expires => "expires",
            SortKey::Created => "created",
            SortKey::LastUsed => "used",
        };
        if self.descending {
            format!("-{key}")
        } else {
            key.to_owned()
        }
    }

    /// In words, for the line on what a shared link opens: "last used, newest first".
    pub fn words(self) -> String {
        let (column, first) = match self.key {
            SortKey::Name => ("display name", ["A first", "Z first"]),
            SortKey::Status => ("status", ["A first", "Z first"]),
            SortKey::Expires => ("expiry", ["soonest first", "latest first"]),
            SortKey::Created => ("creation", ["oldest first", "newest first"]),
            SortKey::LastUsed => ("last use", ["oldest first", "newest first"]),
        };
        format!("{column}, {}", first[usize::from(self.descending)])
    }

    pub fn from_code(code: &str) -> Option<Sort> {
        let (descending, key) = match code.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, code),
        };
        let key = match key {
            "name" => SortKey::Name,
            "status" => SortKey::Status,
            "expires" => SortKey::Expires,
            "created" => SortKey::Created,
            "used" => SortKey::LastUsed,
            _ => return None,
        };
        Some(Sort { key, descending })
    }
}

struct Prepared {
    /// Folded display name, description, id and creator, separated by a char no query
    /// word holds.
    haystack: String,
    /// The folded display name's length: it starts the haystack.
    name_len: usize,
    status: String,
    flags: Vec<Flag>,
    /// Active, and at risk: what "Needs attention" keeps.
    at_risk: bool,
    /// The privileges it holds, as indices into [`KeyIndex`]'s distinct privileges.
    held: Vec<u32>,
}

impl Prepared {
    fn name(&self) -> &str {
        &self.haystack[..self.name_len]
    }
}

/// What [`KeyIndex::find`] found: the first matches, and how many there are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyMatches {
    pub first: Vec<usize>,
    pub total: usize,
}

/// Keys prepared for searching, in the same order as the slice they were built from.
#[derive(Default)]
pub struct KeyIndex {
    prepared: Vec<Prepared>,
    /// Each distinct (owner, domain, type) the keys hold, once: a `can:` term is matched
    /// against these, not against every key's every privilege.
    privileges: Vec<(String, String, Option<String>)>,
    /// The ids of the distinct privileges, by a hash of their identity: looked up with
    /// borrowed strings, so a privilege seen before costs no allocation.
    privilege_ids: HashMap<u64, Vec<u32>>,
}

impl KeyIndex {
    pub fn new(keys: &[ApiKey], now: Timestamp) -> KeyIndex {
        let mut index = KeyIndex::default();
        index.prepare_more(keys, now, keys.len());
        index
    }

    /// Prepares up to `count` more of `keys`, continuing where the last call stopped, so
    /// a large list can be prepared a slice at a time. True once all of `keys` are ready.
    pub fn prepare_more(&mut self, keys: &[ApiKey], now: Timestamp, count: usize) -> bool {
        let from = self.prepared.len().min(keys.len());
        let to = keys.len().min(from.saturating_add(count));
        for key in &keys[from..to] {
            let name = key.display_name.as_deref().unwrap_or("");
            let description = key.description.as_deref().unwrap_or("");
            let creator = key
                .created_by
                .as_ref()
                .map(creator_text)
                .unwrap_or_default();
            // One allocation a key: folding rarely changes a text's length.
            let mut haystack = String::with_capacity(
                name.len() + description.len() + key.id.len() + creator.len() + 3,
            );
            fold_into(name, &mut haystack);
            let name_len = haystack.len();
            for part in [description, &key.id, &creator] {
                haystack.push('\n');
                fold_into(part, &mut haystack);
            }
            let held = self.intern(key);
            let flags = flags(key, now);
            self.prepared.push(Prepared {
                haystack,
                name_len,
                status: key.status_label().to_owned(),
                at_risk: at_risk(key, &flags),
                flags,
                held,
            });
        }
        to == keys.len()
    }

    /// The ids of `key`'s distinct privileges, adding those not seen yet.
    fn intern(&mut self, key: &ApiKey) -> Vec<u32> {
        let mut held: Vec<u32> = Vec::with_capacity(key.privileges.len());
        for p in &key.privileges {
            let identity = (
                p.owner.as_str(),
                p.target_domain.as_str(),
                p.kind.as_deref(),
            );
            let ids = self.privilege_ids.entry(hash_one(identity)).or_default();
            let known = ids.iter().copied().find(|&id| {
                let (owner, domain, kind) = &self.privileges[id as usize];
                (owner.as_str(), domain.as_str(), kind.as_deref()) == identity
            });
            let id = known.unwrap_or_else(|| {
                let id = self.privileges.len() as u32;
                ids.push(id);
                self.privileges
                    .push((p.owner.clone(), p.target_domain.clone(), p.kind.clone()));
                id
            });
            if !held.contains(&id) {
                held.push(id);
            }
        }
        held
    }

    pub fn len(&self) -> usize {
        self.prepared.len()
    }

    pub fn is_empty(&self) -> bool {
        self.prepared.is_empty()
    }

    /// The health flags of key `i`.
    pub fn flags(&self, i: usize) -> &[Flag] {
        &self.prepared[i].flags
    }

    /// Indices of all keys in `sort` order (stable: ties keep the API's order).
    pub fn sorted(&self, keys: &[ApiKey], sort: Sort) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.prepared.len()).collect();
        let by_date = |date: fn(&ApiKey) -> Option<Timestamp>| {
            move |a: &usize, b: &usize| {
                missing_last(date(&keys[*a]), date(&keys[*b]), sort.descending)
            }
        };
        match sort.key {
            SortKey::Name => order.sort_by(|a, b| {
                let (a, b) = (self.prepared[*a].name(), self.prepared[*b].name());
                match (a.is_empty(), b.is_empty()) {
                    (false, false) if sort.descending => natural_cmp(b, a),
                    (false, false) => natural_cmp(a, b),
                    (a_empty, b_empty) => a_empty.cmp(&b_empty),
                }
            }),
            SortKey::Status => order.sort_by(|a, b| {
                let (a, b) = (&self.prepared[*a].status, &self.prepared[*b].status);
                if sort.descending {
                    b.cmp(a)
                } else {
                    a.cmp(b)
                }
            }),
            SortKey::Expires => order.sort_by(by_date(|k| k.expiration_date)),
            SortKey::Created => order.sort_by(by_date(|k| k.created_date)),
            SortKey::LastUsed => order.sort_by(by_date(|k| k.last_used_date)),
        }
        order
    }

    /// The indices of `order` that match `query`, in that order.
    pub fn filter(&self, order: &[usize], query: &KeyQuery) -> Vec<usize> {
        let (text, terms) = split_filter(&query.text);
        let words = finders(&query_words(&text));
        let named = self.named_by(&terms);
        order
            .iter()
            .copied()
            .filter(|&i| {
                let key = &self.prepared[i];
                (query.statuses.is_empty() || query.statuses.contains(&key.status))
                    && (!query.needs_attention || key.at_risk)
                    && words
                        .iter()
                        .all(|w| w.find(key.haystack.as_bytes()).is_some())
                    && named
                        .iter()
                        .all(|named| key.held.iter().any(|&id| named[id as usize]))
            })
            .collect()
    }

    /// The first `limit` keys, in the list's order, whose name, description, id or
    /// creator hold every word of `text`, leaving out the key at `except`; and how many
    /// match in all. The prepared texts are searched: nothing is folded again.
    pub fn find(&self, text: &str, except: Option<usize>, limit: usize) -> KeyMatches {
        let words = finders(&query_words(text));
        let mut found = KeyMatches::default();
        if words.is_empty() {
            return found;
        }
        for (i, key) in self.prepared.iter().enumerate() {
            if Some(i) != except
                && words
                    .iter()
                    .all(|w| w.find(key.haystack.as_bytes()).is_some())
            {
                if found.first.len() < limit {
                    found.first.push(i);
                }
                found.total += 1;
            }
        }
        found
    }

    /// For each term, which of the distinct privileges it names.
    fn named_by(&self, terms: &[CanTerm]) -> Vec<Vec<bool>> {
        let catalog = Catalog::shipped();
        terms
            .iter()
            .map(|term| {
                let resolved = term.resolve(&catalog, &self.privileges);
                self.privileges
                    .iter()
                    .map(|(owner, domain, kind)| {
                        resolved.names(term, &catalog, owner, domain, kind.as_deref())
                    })
                    .collect()
            })
            .collect()
    }

    /// The `can:` terms of a filter's `text` as typed, each with what it names among the
    /// catalog's privileges and those these keys hold.
    pub fn read_terms(&self, text: &str) -> Vec<(String, Reading)> {
        let catalog = Catalog::shipped();
        term_tokens(text)
            .into_iter()
            .map(|(token, term)| {
                (
                    token.to_owned(),
                    term.resolve(&catalog, &self.privileges).reading,
                )
            })
            .collect()
    }

    /// Each status present, with how many keys have it, most common first.
    pub fn status_counts(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for key in &self.prepared {
            match counts.iter_mut().find(|(s, _)| *s == key.status) {
                Some((_, n)) => *n += 1,
                None => counts.push((key.status.clone(), 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }

    /// How many keys are active and at risk: what "Needs attention" keeps.
    pub fn needing_attention(&self) -> usize {
        self.prepared.iter().filter(|k| k.at_risk).count()
    }

    /// What "Needs attention" counts: each key it keeps once, under its most serious
    /// reason (a flag of warning severity or above, or the status that says it expires or
    /// is disabled soon), the most common reason first.
    pub fn attention_reasons(&self) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for key in self.prepared.iter().filter(|k| k.at_risk) {
            let flag = key
                .flags
                .iter()
                .filter(|f| f.severity() >= Severity::Warning)
                .max_by_key(|f| f.severity());
            let reason = match flag {
                Some(flag) => flag.label(),
                None => status_name(&key.status).unwrap_or("Status"),
            };
            match counts.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, n)) => *n += 1,
                None => counts.push((reason, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        counts
    }
}

/// A creator's every name, so a search finds them by any.
fn creator_text(by: &CreatedBy) -> String {
    [&by.display_name, &by.username, &by.email]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Orders names as people count: "Key 2" before "Key 10" (runs of digits by their value,
/// the rest byte by byte, which is code point order). Equal prefixes are skipped a
/// stretch at a time: the key list sorts 50,000 names with it.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let digit = |s: &[u8], at: usize| s.get(at).is_some_and(u8::is_ascii_digit);
    let (mut i, mut j) = (0, 0);
    loop {
        let common = a[i..]
            .iter()
            .zip(&b[j..])
            .take_while(|(x, y)| x == y)
            .count();
        let (mut p, mut q) = (i + common, j + common);
        // Back to the start of a run of digits the difference falls in.
        while p > i && a[p - 1].is_ascii_digit() {
            p -= 1;
            q -= 1;
        }
        if !(digit(a, p) && digit(b, q)) {
            return a[i + common..].cmp(&b[j + common..]);
        }
        let run = |s: &[u8], from: usize| {
            from + s[from..].iter().take_while(|c| c.is_ascii_digit()).count()
        };
        let (end_a, end_b) = (run(a, p), run(b, q));
        let (na, nb) = (&a[p..end_a], &b[q..end_b]);
        let (ta, tb) = (trim_zeros(na), trim_zeros(nb));
        let order = ta
            .len()
            .cmp(&tb.len())
            .then_with(|| ta.cmp(tb))
            .then_with(|| na.len().cmp(&nb.len()));
        if order != Ordering::Equal {
            return order;
        }
        (i, j) = (end_a, end_b);
        if i == a.len() || j == b.len() {
            return (a.len() - i).cmp(&(b.len() - j));
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|d| **d == b'0').count();
    &digits[zeros..]
}

/// Orders dates, keeping keys without a date at the end whatever the direction.
fn missing_last(a: Option<Timestamp>, b: Option<Timestamp>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

/// The unprepared baseline: folds every field of every key on every call. The reference
/// the prepared index is tested against (`domain/tests`), and what the filter benchmark
/// (`domain/benches/filter.rs`) compares it with; the app never calls it.
pub fn filter_unprepared(keys: &[ApiKey], text: &str) -> Vec<usize> {
    let words = query_words(text);
    keys.iter()
        .enumerate()
        .filter(|(_, key)| {
            let fields = [
                fold(key.display_name.as_deref().unwrap_or("")),
                fold(key.description.as_deref().unwrap_or("")),
                fold(&key.id),
            ];
            words
                .iter()
                .all(|w| fields.iter().any(|f| f.contains(w.as_str())))
        })
        .map(|(i, _)| i)
        .collect()
}

/// A searcher for each word, set up once and run over every key's text (setting one up
/// for each key took as long as the search).
fn finders(words: &[String]) -> Vec<Finder<'static>> {
    words
        .iter()
        .map(|w| Finder::new(w.as_bytes()).into_owned())
        .collect()
}
