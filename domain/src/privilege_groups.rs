//! Privileges grouped by owner, then target domain, with their types.

use std::sync::Arc;

use crate::hashing::{HashMap, HashSet};

use crate::model::{Privilege, Target};

/// One target domain of an owner and the types offered for it (`None`: "Allowed").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DomainGroup {
    pub target_domain: String,
    pub types: Vec<Option<String>>,
    /// The targets its privileges name, in words ("All resources", "Only: a, b"). Shared:
    /// a hostile domain may name 100,000, and the page, its rows and their keys each hold
    /// them.
    pub targets: Arc<[String]>,
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
    // What each (owner, domain) already lists: its types, targets and levels, seen as
    // the privileges hold them (a target is put in words once, when it is new).
    let mut types_seen: HashSet<(usize, usize, Option<&str>)> = HashSet::default();
    let mut targets_seen: HashSet<(usize, usize, Option<&[String]>)> = HashSet::default();
    let mut levels_seen: HashSet<(usize, usize, &str)> = HashSet::default();
    // Each domain's targets, by the same slots, until they are complete.
    let mut targets: Vec<Vec<Vec<String>>> = Vec::new();
    for p in privileges {
        let (o, d) = *slots
            .entry((p.owner.as_str(), p.target_domain.as_str()))
            .or_insert_with(|| {
                let o = *owner_slots.entry(p.owner.as_str()).or_insert_with(|| {
                    owners.push(OwnerGroup {
                        owner: p.owner.clone(),
                        domains: Vec::new(),
                    });
                    targets.push(Vec::new());
                    owners.len() - 1
                });
                owners[o].domains.push(DomainGroup {
                    target_domain: p.target_domain.clone(),
                    types: Vec::new(),
                    targets: Arc::from([]),
                    levels: Vec::new(),
                });
                targets[o].push(Vec::new());
                (o, owners[o].domains.len() - 1)
            });
        let domain = &mut owners[o].domains[d];
        if types_seen.insert((o, d, p.kind.as_deref())) {
            domain.types.push(p.kind.clone());
        }
        let target = match &p.target {
            Target::Unspecified => None,
            Target::All => Some(None),
            Target::Only(ids) => Some(Some(ids.as_slice())),
        };
        if let Some(target) = target.filter(|t| targets_seen.insert((o, d, *t))) {
            targets[o][d].push(match target {
                None => "All resources".to_owned(),
                Some(ids) => only_words(ids),
            });
        }
        if let Some(level) = p.level.as_deref().filter(|l| levels_seen.insert((o, d, l))) {
            domain.levels.push(level.to_owned());
        }
    }
    for (owner, targets) in owners.iter_mut().zip(targets) {
        for (domain, targets) in owner.domains.iter_mut().zip(targets) {
            domain.targets = targets.into();
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

/// How much of the groups one page shows: target domains (rows) and owner sections, each
/// a cap. Real organizations have a handful of owners; a hostile list of 100,000 owners
/// would otherwise give a section per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimit {
    pub rows: usize,
    pub owners: usize,
}

impl PageLimit {
    /// This limit, grown by `more`: the next "Show more".
    pub fn grown(self, more: PageLimit) -> PageLimit {
        PageLimit {
            rows: self.rows.saturating_add(more.rows),
            owners: self.owners.saturating_add(more.owners),
        }
    }
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

/// A list's privileges in the groups' order (owners as [`group`] orders them, then
/// domains), prepared once per list: each filter then pages through them, building only
/// the rows it shows. A hostile list of 100,000 owners is sorted once, by numbers.
pub struct GroupOrder {
    /// Privilege indices, by owner then domain; the list's order within a domain.
    order: Vec<u32>,
    /// The (owner, domain) rank of each entry of `order`.
    keys: Vec<(u32, u32)>,
    /// The owners, once each, in order: the owner filter's chips.
    owners: Vec<String>,
    /// The large rows, whole, by where they start in `order`, built once while the list
    /// is prepared: showing or widening the filter back to a row of 100,000 targets takes
    /// a clone of shared parts, not a regrouping.
    whole_rows: HashMap<u32, DomainGroup>,
    /// Where in `order` the building of whole rows goes on.
    rows_built_to: usize,
}

/// Rows of at least this many privileges are built whole once, while the list is
/// prepared; smaller ones cost less to build when shown than to keep.
const WHOLE_ROW_FROM: usize = 64;

/// A [`GroupOrder`] prepared a step at a time: the names numbered, then sorted once.
#[derive(Default)]
pub struct OrderBuilder<'a> {
    owner_ids: HashMap<&'a str, u32>,
    domain_ids: HashMap<&'a str, u32>,
    ids: Vec<(u32, u32)>,
}

impl<'a> OrderBuilder<'a> {
    /// Numbers up to `step` more of `privileges`' owners and domains; true once all are.
    pub fn prepare_more(&mut self, privileges: &'a [Privilege], step: usize) -> bool {
        let from = self.ids.len();
        let to = privileges.len().min(from.saturating_add(step));
        for p in &privileges[from..to] {
            let next = self.owner_ids.len() as u32;
            let owner = *self.owner_ids.entry(&p.owner).or_insert(next);
            let next = self.domain_ids.len() as u32;
            let domain = *self.domain_ids.entry(&p.target_domain).or_insert(next);
            self.ids.push((owner, domain));
        }
        to == privileges.len()
    }

    /// Sorts the names numbered (a task's worth for 100,000 owners); [`Ranked::finish`]
    /// then sorts the privileges.
    pub fn rank(self) -> Ranked {
        let (owner_names, owner_rank) = ranks(&self.owner_ids, owner_known);
        let (_, domain_rank) = ranks(&self.domain_ids, |_| 0);
        let keyed = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, (o, d))| (owner_rank[*o as usize], domain_rank[*d as usize], i as u32))
            .collect();
        Ranked {
            keyed,
            owners: owner_names.into_iter().map(str::to_owned).collect(),
        }
    }

    pub fn finish(self) -> GroupOrder {
        self.rank().finish()
    }
}

/// Privileges numbered by their owner's and domain's ranks, not yet in order.
pub struct Ranked {
    keyed: Vec<(u32, u32, u32)>,
    owners: Vec<String>,
}

impl Ranked {
    pub fn finish(mut self) -> GroupOrder {
        // By numbers; the index last keeps a domain's privileges in the list's order.
        self.keyed.sort_unstable();
        GroupOrder {
            order: self.keyed.iter().map(|k| k.2).collect(),
            keys: self.keyed.into_iter().map(|(o, d, _)| (o, d)).collect(),
            owners: self.owners,
            whole_rows: HashMap::default(),
            rows_built_to: 0,
        }
    }
}

/// "Only: a, b", in one allocation: a hostile domain names 100,000 targets.
fn only_words(ids: &[String]) -> String {
    const ONLY: &str = "Only: ";
    let length = ONLY.len() + ids.iter().map(|id| id.len() + 2).sum::<usize>();
    let mut words = String::with_capacity(length);
    words.push_str(ONLY);
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            words.push_str(", ");
        }
        words.push_str(id);
    }
    words
}

/// The one row `members` (privileges of one owner and domain) make.
fn row_of(members: &mut dyn Iterator<Item = &Privilege>) -> DomainGroup {
    group_each(members)
        .pop()
        .and_then(|mut owner| owner.domains.pop())
        .expect("a row of matched privileges")
}

/// Each distinct name of `ids` (name -> id) sorted by `key` then itself, and each id's
/// rank: a sort key computed once per name.
fn ranks<'a>(ids: &HashMap<&'a str, u32>, key: fn(&str) -> usize) -> (Vec<&'a str>, Vec<u32>) {
    let mut names: Vec<(usize, &str, u32)> = ids.iter().map(|(n, id)| (key(n), *n, *id)).collect();
    names.sort_unstable();
    let mut rank = vec![0u32; names.len()];
    for (r, (_, _, id)) in names.iter().enumerate() {
        rank[*id as usize] = r as u32;
    }
    (names.into_iter().map(|(_, n, _)| n).collect(), rank)
}

/// One page of groups for a filter: its first rows, built, and what the rest holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupPage {
    /// The first rows (target domains), under their owners.
    pub groups: Vec<OwnerGroup>,
    /// For each of `groups`, how many privileges (types of its domains) of that owner
    /// match, on the page or after it.
    pub privileges: Vec<usize>,
    /// How many rows match in all.
    pub rows: usize,
    /// How many of them are on the page.
    pub shown: usize,
}

impl GroupOrder {
    pub fn new(privileges: &[Privilege]) -> GroupOrder {
        let mut builder = OrderBuilder::default();
        builder.prepare_more(privileges, usize::MAX);
        let mut order = builder.finish();
        order.build_whole_rows_more(privileges, usize::MAX);
        order
    }

    /// Builds up to `step` more large rows whole (a row of 100,000 targets is one step);
    /// true once all are. Until then a page builds them as it shows them.
    pub fn build_whole_rows_more(&mut self, privileges: &[Privilege], step: usize) -> bool {
        let mut built = 0;
        while self.rows_built_to < self.order.len() && built < step {
            let start = self.rows_built_to;
            let key = self.keys[start];
            let end = start + self.keys[start..].partition_point(|k| *k == key);
            self.rows_built_to = end;
            if end - start >= WHOLE_ROW_FROM {
                let row = row_of(
                    &mut self.order[start..end]
                        .iter()
                        .map(|&i| &privileges[i as usize]),
                );
                self.whole_rows.insert(start as u32, row);
                built += 1;
            }
        }
        self.rows_built_to == self.order.len()
    }

    /// The owners, once each, in the groups' order.
    pub fn owners(&self) -> &[String] {
        &self.owners
    }

    /// The row at `start..end` of `order`, with all its privileges.
    fn whole_row(&self, start: usize, end: usize, privileges: &[Privilege]) -> DomainGroup {
        match self.whole_rows.get(&(start as u32)) {
            Some(row) => row.clone(),
            None => row_of(
                &mut self.order[start..end]
                    .iter()
                    .map(|&i| &privileges[i as usize]),
            ),
        }
    }

    /// The first rows of the privileges `matched` holds (by index) within `limit`, and the
    /// counts of the rest. Linear in the privileges; only shown rows are built.
    pub fn page(&self, privileges: &[Privilege], matched: &[bool], limit: PageLimit) -> GroupPage {
        let mut page = GroupPage::default();
        let mut last_owner = None;
        let mut full = false;
        let mut at = 0;
        while at < self.order.len() {
            let key = self.keys[at];
            let end = at + self.keys[at..].partition_point(|k| *k == key);
            let start = at;
            let members = self.order[at..end]
                .iter()
                .filter(|&&i| matched[i as usize])
                .map(|&i| &privileges[i as usize]);
            at = end;
            let mut members = members.peekable();
            if members.peek().is_none() {
                continue;
            }
            page.rows += 1;
            let same_owner = last_owner == Some(key.0);
            full = full
                || page.shown == limit.rows
                || (!same_owner && page.groups.len() == limit.owners);
            if !full {
                page.shown += 1;
                let whole = self.order[start..end].iter().all(|&i| matched[i as usize]);
                let domain = if whole {
                    self.whole_row(start, end, privileges)
                } else {
                    row_of(&mut members)
                };
                let types = domain.types.len();
                match page.groups.last_mut() {
                    Some(owner) if same_owner => {
                        owner.domains.push(domain);
                        *page.privileges.last_mut().expect("a count per group") += types;
                    }
                    _ => {
                        page.groups.push(OwnerGroup {
                            owner: self.owners[key.0 as usize].clone(),
                            domains: vec![domain],
                        });
                        page.privileges.push(types);
                    }
                }
                last_owner = Some(key.0);
            } else if same_owner {
                // The last owner shown goes on past the page: count its types.
                let mut kinds: HashSet<Option<&str>> = HashSet::default();
                kinds.extend(members.map(|p| p.kind.as_deref()));
                *page.privileges.last_mut().expect("a count per group") += kinds.len();
            }
        }
        page
    }
}
