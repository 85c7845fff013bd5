//! What privileges let a key call: the catalog's operations matched against a key's
//! privileges (or the builder's), and operations found by words or by a call as written
//! in docs, logs or code (`PUT /rest/organizations/myorg/sources/abc123`).

use crate::hashing::{HashMap, HashSet};
use std::sync::Arc;

use crate::catalog::{level_meets, Catalog, Needs, Operation, Required};
use crate::fold::{fold_for_search, has_word_starting, search_terms};
use crate::model::{Privilege, Target};
use crate::privilege_explorer::PrivilegeRef;

/// Where an allowed operation may act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// On any resource.
    Everywhere,
    /// Only on the resources the privileges name: one limit per placeholder.
    Only(Vec<Limit>),
}

/// The resources an operation's placeholder (`{sourceId}`) may take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub placeholder: &'static str,
    /// Shared: one key limited to thousands of resources reaches many operations.
    pub ids: Arc<[String]>,
}

/// An operation the privileges allow, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub operation: &'static Operation,
    pub reach: Reach,
}

/// The allowed operations of one API, in the catalog's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiOperations {
    pub api: &'static str,
    pub allowed: Vec<Allowed>,
}

/// Every operation of `catalog` that `held` allows, grouped by API (in the catalog's
/// order). An operation on one resource (`{sourceId}`) is allowed by the privilege on all
/// resources of its domain, or on that one: it is then limited to the ids held.
pub fn callable(catalog: &Catalog, held: &[Privilege]) -> Vec<ApiOperations> {
    let mut held = Held::new(held);
    let mut groups: Vec<ApiOperations> = Vec::new();
    for operation in catalog.operations {
        let Some(reach) = held.reach(operation) else {
            continue;
        };
        let allowed = Allowed { operation, reach };
        match groups.last_mut() {
            Some(group) if group.api == operation.api => group.allowed.push(allowed),
            _ => groups.push(ApiOperations {
                api: operation.api,
                allowed: vec![allowed],
            }),
        }
    }
    groups
}

/// How many operations `groups` hold.
pub fn operation_count(groups: &[ApiOperations]) -> usize {
    groups.iter().map(|g| g.allowed.len()).sum()
}

/// The builder's picks as privileges on every resource: what a key created from them
/// would hold.
pub fn as_held(picks: &[PrivilegeRef]) -> Vec<Privilege> {
    picks
        .iter()
        .map(|p| Privilege {
            owner: p.owner.clone(),
            target_domain: p.target_domain.clone(),
            kind: p.kind.clone(),
            target: Target::All,
            level: None,
        })
        .collect()
}

/// A privilege held under one owner where operations need the same domain under
/// another: `USAGE_ANALYTICS` / `IMPERSONATE` does not stand for `SEARCH_API` /
/// `IMPERSONATE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerMixUp {
    pub held: PrivilegeRef,
    pub needed: PrivilegeRef,
    /// How many operations need `needed` and are not allowed without it.
    pub operations: usize,
}

/// The owner mix-ups of `held`: for each operation it does not allow, each required
/// privilege it lacks but holds under another owner.
pub fn owner_mix_ups(catalog: &Catalog, held: &[Privilege]) -> Vec<OwnerMixUp> {
    let mut index = Held::new(held);
    let mut mix_ups: Vec<OwnerMixUp> = Vec::new();
    for operation in catalog.operations {
        if index.reach(operation).is_some() {
            continue;
        }
        for required in operation.privileges {
            if index.reach_of(required).is_some() {
                continue;
            }
            let twins = held.iter().filter(|h| {
                h.target_domain == required.target_domain
                    && h.owner != required.owner
                    && level_meets(required.kind, h.kind.as_deref())
            });
            for twin in twins {
                let (held, needed) = (PrivilegeRef::of(twin), required_ref(required));
                match mix_ups
                    .iter_mut()
                    .find(|m| m.held == held && m.needed == needed)
                {
                    Some(known) => known.operations += 1,
                    None => mix_ups.push(OwnerMixUp {
                        held,
                        needed,
                        operations: 1,
                    }),
                }
            }
        }
    }
    mix_ups
}

/// A required privilege as a builder pick.
pub fn required_ref(required: &Required) -> PrivilegeRef {
    PrivilegeRef {
        owner: required.owner.to_owned(),
        target_domain: required.target_domain.to_owned(),
        kind: required.kind.map(str::to_owned),
    }
}

/// Whether a required privilege is a real pair (not the catalog's placeholder pair
/// `{privilegeOwner}` / `{privilegeTargetDomain}`, which no key can hold).
pub fn is_concrete(required: &Required) -> bool {
    !required.owner.starts_with('{') && !required.target_domain.starts_with('{')
}

/// A key's privileges by owner and domain, for matching thousands of requirements.
struct Held<'a> {
    by_domain: HashMap<(&'a str, &'a str), Vec<&'a Privilege>>,
    /// Where the key holds each required privilege, found once for all the operations
    /// that need it.
    found: HashMap<RequiredLevel, Found>,
}

/// A required privilege's owner, domain and level.
type RequiredLevel = (&'static str, &'static str, Option<&'static str>);

/// Where a key holds one required privilege.
#[derive(Clone)]
enum Found {
    Nowhere,
    Everywhere,
    Only(Arc<[String]>),
}

impl<'a> Held<'a> {
    fn new(held: &'a [Privilege]) -> Held<'a> {
        let mut by_domain: HashMap<(&str, &str), Vec<&Privilege>> = HashMap::default();
        for p in held {
            by_domain
                .entry((p.owner.as_str(), p.target_domain.as_str()))
                .or_default()
                .push(p);
        }
        Held {
            by_domain,
            found: HashMap::default(),
        }
    }

    /// Where `operation` is allowed, if it is.
    fn reach(&mut self, operation: &'static Operation) -> Option<Reach> {
        let mut reaches = operation.privileges.iter().map(|r| self.reach_of(r));
        match operation.needs {
            Needs::Any => {
                let found: Vec<Reach> = reaches.flatten().collect();
                if found.contains(&Reach::Everywhere) {
                    return Some(Reach::Everywhere);
                }
                found.into_iter().next()
            }
            Needs::All | Needs::Unstated => {
                let mut limits: Vec<Limit> = Vec::new();
                for reach in reaches.by_ref() {
                    if let Reach::Only(more) = reach? {
                        for limit in more {
                            narrow(&mut limits, limit);
                        }
                    }
                }
                if limits.iter().any(|l| l.ids.is_empty()) {
                    None
                } else if limits.is_empty() {
                    Some(Reach::Everywhere)
                } else {
                    Some(Reach::Only(limits))
                }
            }
        }
    }

    /// Where the key holds `required`, if it does.
    fn reach_of(&mut self, required: &'static Required) -> Option<Reach> {
        let level = (required.owner, required.target_domain, required.kind);
        let found = match self.found.get(&level) {
            Some(found) => found.clone(),
            None => {
                let found = self.find(required);
                self.found.insert(level, found.clone());
                found
            }
        };
        match found {
            Found::Nowhere => None,
            Found::Everywhere => Some(Reach::Everywhere),
            // An operation on every resource (`*`) needs the privilege on every resource.
            Found::Only(_) if required.target == "*" => None,
            Found::Only(ids) => Some(Reach::Only(vec![Limit {
                placeholder: required.target,
                ids,
            }])),
        }
    }

    fn find(&self, required: &'static Required) -> Found {
        let Some(candidates) = self
            .by_domain
            .get(&(required.owner, required.target_domain))
        else {
            return Found::Nowhere;
        };
        // A set beside the list: a key may be limited to thousands of resources.
        let (mut ids, mut seen): (Vec<String>, HashSet<&str>) = (Vec::new(), HashSet::default());
        for held in candidates
            .iter()
            .filter(|h| level_meets(required.kind, h.kind.as_deref()))
        {
            match &held.target {
                Target::All | Target::Unspecified => return Found::Everywhere,
                Target::Only(only) => {
                    for id in only {
                        if seen.insert(id) {
                            ids.push(id.clone());
                        }
                    }
                }
            }
        }
        if ids.is_empty() {
            Found::Nowhere
        } else {
            Found::Only(ids.into())
        }
    }
}

/// Adds `limit` to `limits`: the ids of one placeholder are those every limit allows.
fn narrow(limits: &mut Vec<Limit>, limit: Limit) {
    match limits
        .iter_mut()
        .find(|l| l.placeholder == limit.placeholder)
    {
        Some(known) => {
            let allowed: HashSet<&str> = limit.ids.iter().map(String::as_str).collect();
            known.ids = known
                .ids
                .iter()
                .filter(|id| allowed.contains(id.as_str()))
                .cloned()
                .collect();
        }
        None => limits.push(limit),
    }
}

/// What the endpoint finder was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Words to find in an operation's summary, API, path, method or operation id.
    Words(Vec<String>),
    /// A call: a method (when given) and a path, its segments concrete or templated.
    Call {
        method: Option<String>,
        segments: Vec<String>,
    },
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

impl Lookup {
    /// Reads the finder's input: a method and a path or URL (`PUT /rest/...`,
    /// `https://platform.cloud.coveo.com/rest/...?x=1`, `/rest/...`), else words.
    pub fn read(text: &str) -> Lookup {
        match call_of(text) {
            Some((method, path)) => Lookup::Call {
                method: method.map(str::to_owned),
                segments: path
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            },
            None => Lookup::Words(search_terms(text)),
        }
    }
}

/// The method (when given, as written in [`METHODS`]) and the path of a call written as
/// the finder takes it: no scheme, host, query string or fragment. `None` for words.
pub fn call_of(text: &str) -> Option<(Option<&'static str>, &str)> {
    let mut tokens = text.split_whitespace();
    let first = tokens.next().unwrap_or("");
    let method = METHODS
        .iter()
        .find(|m| first.eq_ignore_ascii_case(m))
        .copied();
    let target = if method.is_some() {
        tokens.next().unwrap_or("")
    } else {
        first
    };
    let is_call = target.starts_with('/') || target.contains("://");
    if !is_call || tokens.next().is_some() {
        return None;
    }
    let path = match target.find("://") {
        Some(scheme) => {
            let rest = &target[scheme + 3..];
            rest.find('/').map_or("", |at| &rest[at..])
        }
        None => target,
    };
    Some((method, path.split(['?', '#']).next().unwrap_or("")))
}

/// How the segments of a call fit a path template: `None` when they do not; otherwise
/// how many of the template's segments are literal (the more, the closer the fit) and
/// the value each placeholder took.
pub fn fit<'t>(template: &'t str, segments: &[String]) -> Option<Fit<'t>> {
    let parts: Vec<&str> = template.split('/').filter(|s| !s.is_empty()).collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut fit = Fit {
        literal: 0,
        bound: Vec::new(),
    };
    for (part, segment) in parts.iter().zip(segments) {
        if part.starts_with('{') && part.ends_with('}') {
            fit.bound.push((*part, segment.clone()));
        } else if part.eq_ignore_ascii_case(segment) {
            fit.literal += 1;
        } else {
            return None;
        }
    }
    Some(fit)
}

/// A call fitted to a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit<'t> {
    pub literal: usize,
    /// Each placeholder with the value the call gave it (`{sourceId}`, `abc123`).
    pub bound: Vec<(&'t str, String)>,
}

/// Operations prepared for the finder: each one's words folded once.
pub struct OperationIndex {
    /// The summary and the method's verbs, a line break, then the API, path and
    /// operation id: a word found before the break ranks the operation higher.
    haystacks: Vec<String>,
}

impl OperationIndex {
    pub fn new(operations: &[Operation]) -> OperationIndex {
        let haystacks = operations
            .iter()
            .map(|op| {
                let mut text = String::new();
                fold_for_search(op.summary.unwrap_or(""), &mut text);
                text.push(' ');
                text.push_str(method_verbs(op.method));
                text.push('\n');
                fold_for_search(op.api, &mut text);
                text.push(' ');
                fold_for_search(&op.path.replace(['/', '{', '}'], " "), &mut text);
                text.push(' ');
                fold_for_search(&camel_words(op.operation_id.unwrap_or("")), &mut text);
                text
            })
            .collect();
        OperationIndex { haystacks }
    }

    /// The operations that `lookup` finds, best first. Words must all appear; a call
    /// matches path templates segment by segment (a placeholder takes any value), the
    /// templates with the most literal segments first; when no template fits the whole
    /// path, those whose last segments fit it.
    pub fn find(&self, operations: &[Operation], lookup: &Lookup) -> Vec<usize> {
        match lookup {
            Lookup::Words(terms) if terms.is_empty() => Vec::new(),
            Lookup::Words(terms) => {
                let mut found: Vec<(usize, usize)> = self
                    .haystacks
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| terms.iter().all(|t| has_word_starting(h, t)))
                    .map(|(i, h)| {
                        let head = &h[..h.find('\n').unwrap_or(h.len())];
                        (
                            i,
                            terms.iter().filter(|t| has_word_starting(head, t)).count(),
                        )
                    })
                    .collect();
                found.sort_by_key(|f| std::cmp::Reverse(f.1));
                found.into_iter().map(|(i, _)| i).collect()
            }
            Lookup::Call { method, segments } => {
                let method_fits = |op: &Operation| {
                    method
                        .as_deref()
                        .is_none_or(|m| op.method.eq_ignore_ascii_case(m))
                };
                let ranked = |tail: bool| {
                    let mut found: Vec<(usize, usize)> = operations
                        .iter()
                        .enumerate()
                        .filter(|(_, op)| method_fits(op))
                        .filter_map(|(i, op)| {
                            let fitted = if tail {
                                tail_fit(op.path, segments)
                            } else {
                                fit(op.path, segments)
                            };
                            fitted.map(|f| (i, f.literal))
                        })
                        .collect();
                    found.sort_by_key(|f| std::cmp::Reverse(f.1));
                    found.into_iter().map(|(i, _)| i).collect::<Vec<_>>()
                };
                if segments.is_empty() {
                    return Vec::new();
                }
                let whole = ranked(false);
                if whole.is_empty() {
                    ranked(true)
                } else {
                    whole
                }
            }
        }
    }
}

/// [`fit`] of the template's last segments, for a path given without its start
/// (`/sources/abc123`).
fn tail_fit<'t>(template: &'t str, segments: &[String]) -> Option<Fit<'t>> {
    let parts: Vec<&str> = template.split('/').filter(|s| !s.is_empty()).collect();
    let skip = parts.len().checked_sub(segments.len())?;
    let tail = parts[skip..].join("/");
    let fitted = fit(&tail, segments)?;
    // The literal segments must carry the match, not placeholders alone.
    (fitted.literal > 0).then(|| Fit {
        literal: fitted.literal,
        bound: Vec::new(),
    })
}

/// The words people use for what a method does.
fn method_verbs(method: &str) -> &'static str {
    match method {
        "GET" => "get list show view read",
        "POST" => "post create add send",
        "PUT" => "put update edit replace",
        "PATCH" => "patch update edit",
        "DELETE" => "delete remove",
        _ => "",
    }
}

/// `getActivityById` -> "get Activity By Id".
fn camel_words(id: &str) -> String {
    let mut words = String::with_capacity(id.len() + 8);
    for c in id.chars() {
        if c.is_ascii_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.push(c);
    }
    words
}

/// Whether `operation` needs `pick` (same owner, domain and level).
pub fn needs(operation: &Operation, pick: &PrivilegeRef) -> bool {
    operation.privileges.iter().any(|r| {
        r.owner == pick.owner
            && r.target_domain == pick.target_domain
            && level_meets(r.kind, pick.kind.as_deref())
    })
}
