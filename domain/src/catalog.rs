//! The privilege catalog: what each owner / target domain pair is called in the
//! Administration Console, and which REST operations need which privileges. Built from
//! `catalog/*.json` by `build.rs`; fields the catalog marks unverified are shown as they
//! are, and a pair it does not know is shown by its code only.

/// One owner / target domain pair.
#[derive(Debug, PartialEq, Eq)]
pub struct DomainInfo {
    pub owner: &'static str,
    pub target_domain: &'static str,
    /// The Console's service ("Content", "Search"...), when confirmed.
    pub service: Option<&'static str>,
    /// The Console's name for the domain ("Sources"), when known.
    pub name: Option<&'static str>,
    /// The types it takes; `ALLOWED` stands for a type-less privilege.
    pub levels: &'static [&'static str],
    /// The Console's label of a level, where it differs from the type (`EDIT` = Push).
    pub level_labels: &'static [(&'static str, &'static str)],
    pub summary: &'static str,
    /// The levels Coveo allows in a key exposed in client-side code.
    pub public_safe_levels: &'static [&'static str],
    /// Whether it can be granted on chosen resources only ("Custom" access).
    pub custom_access: bool,
    /// The fields (`service`, `name`, `summary`) the catalog could not confirm.
    pub unverified: &'static [&'static str],
    pub notes: Option<&'static str>,
}

/// Whether an operation needs all of its privileges or any one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    All,
    Any,
    /// Several privileges, and the source does not say which connector: counted as all.
    Unstated,
}

/// One REST operation and the privileges it requires.
#[derive(Debug, PartialEq, Eq)]
pub struct Operation {
    /// The API's short name ("Source", "Search").
    pub api: &'static str,
    pub method: &'static str,
    /// The path template, with `{placeholders}`.
    pub path: &'static str,
    pub summary: Option<&'static str>,
    pub operation_id: Option<&'static str>,
    pub needs: Needs,
    pub privileges: &'static [Required],
    /// Read from the operation's description rather than its structured field.
    pub from_description: bool,
}

/// A privilege an operation requires.
#[derive(Debug, PartialEq, Eq)]
pub struct Required {
    pub owner: &'static str,
    pub target_domain: &'static str,
    pub kind: Option<&'static str>,
    /// `*` (every resource of the domain) or the placeholder naming the one the operation
    /// acts on (`{sourceId}`, `{body.trackingId}`).
    pub target: &'static str,
}

use crate::model::{ApiKey, Privilege, Target};

mod data {
    use super::{DomainInfo, Needs, Operation, Required};
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

/// A set of domains and operations: the shipped catalog, or one a test builds.
#[derive(Debug, Clone, Copy)]
pub struct Catalog {
    /// Sorted by owner, then target domain.
    pub domains: &'static [DomainInfo],
    pub operations: &'static [Operation],
}

impl Catalog {
    /// The catalog this build carries.
    pub fn shipped() -> Catalog {
        Catalog {
            domains: data::DOMAINS,
            operations: data::OPERATIONS,
        }
    }

    /// The pair `owner` / `domain`, when the catalog knows it.
    pub fn domain(&self, owner: &str, domain: &str) -> Option<&'static DomainInfo> {
        self.domains
            .binary_search_by(|d| (d.owner, d.target_domain).cmp(&(owner, domain)))
            .ok()
            .map(|at| &self.domains[at])
    }

    /// Every level of every domain as a privilege on all its resources, in the catalog's
    /// order: the widest key there can be (benchmarks take the first 50).
    pub fn every_privilege(&self) -> impl Iterator<Item = Privilege> + '_ {
        self.domains.iter().flat_map(|d| {
            d.levels.iter().map(move |level| Privilege {
                owner: d.owner.to_owned(),
                target_domain: d.target_domain.to_owned(),
                kind: Some(*level)
                    .filter(|l| *l != ALLOWED_LEVEL)
                    .map(str::to_owned),
                target: Target::All,
                level: None,
            })
        })
    }

    /// `count` keys holding `each` privileges apiece, taken in turn from
    /// [`Catalog::every_privilege`]: a large organization, for the benchmarks (the test
    /// API's `auditOrgKeys` is the same).
    pub fn sample_keys(&self, count: usize, each: usize) -> Vec<ApiKey> {
        let every: Vec<Privilege> = self.every_privilege().collect();
        (0..count)
            .map(|i| ApiKey {
                id: format!("a{i:05}auditedkey0000000"),
                display_name: Some(format!("Audited key {i}")),
                privileges: (0..each)
                    .map(|j| every[(i + j * 7) % every.len()].clone())
                    .collect(),
                ..ApiKey::default()
            })
            .collect()
    }

    /// The pairs with the same target domain under another owner: easy to take for this
    /// one (`SEARCH_API` / `IMPERSONATE` and `USAGE_ANALYTICS` / `IMPERSONATE`).
    pub fn twins(&self, owner: &str, domain: &str) -> Vec<&'static DomainInfo> {
        self.domains
            .iter()
            .filter(|d| d.target_domain == domain && d.owner != owner)
            .collect()
    }
}

impl DomainInfo {
    /// "Content · Sources": the service (when known) and the name; `None` when the
    /// catalog does not know the name.
    pub fn title(&self) -> Option<String> {
        let name = self.name?;
        Some(match self.service {
            Some(service) => format!("{service} · {name}"),
            None => name.to_owned(),
        })
    }

    /// The Console's word for level `kind` ("Push" for Analytics data's `EDIT`).
    pub fn level_label(&self, kind: &str) -> Option<&'static str> {
        self.level_labels
            .iter()
            .find(|(level, _)| *level == kind)
            .map(|(_, label)| *label)
    }

    /// Whether Coveo allows level `kind` (`None`: type-less) in a client-side key.
    pub fn public_safe(&self, kind: Option<&str>) -> bool {
        let kind = kind.unwrap_or(ALLOWED_LEVEL);
        self.public_safe_levels.contains(&kind)
    }
}

/// How the catalog writes a type-less privilege's level.
pub const ALLOWED_LEVEL: &str = "ALLOWED";

/// A type in words: "View", "Create"...; a type-less privilege is "Allowed".
pub fn level_words(kind: Option<&str>) -> String {
    let kind = kind.unwrap_or(ALLOWED_LEVEL);
    let mut words = kind.replace('_', " ").to_ascii_lowercase();
    if let Some(first) = words.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    words
}

/// A privilege's Console name: "Content · Sources · Edit", "Search · Execute queries",
/// "Analytics · Analytics data · Push". `None` when the catalog does not know the pair's
/// name: it is then shown by its code only.
pub fn privilege_title(
    catalog: &Catalog,
    owner: &str,
    domain: &str,
    kind: Option<&str>,
) -> Option<String> {
    let info = catalog.domain(owner, domain)?;
    let title = info.title()?;
    Some(match kind {
        None => title,
        Some(kind) => {
            let level = info
                .level_label(kind)
                .map_or_else(|| level_words(Some(kind)), str::to_owned);
            format!("{title} · {level}")
        }
    })
}

/// Whether a required level is met by a held one. Equal types meet; so do type-less and
/// `ENABLE`, which Coveo's docs and its OpenAPI documents use for the same privileges
/// (`EXECUTE_QUERY`, `VIEW_ALL_CONTENT`, `AUTHENTICATION_EDITOR`).
pub fn level_meets(required: Option<&str>, held: Option<&str>) -> bool {
    let plain = |kind: Option<&str>| matches!(kind, None | Some("ENABLE") | Some(ALLOWED_LEVEL));
    required == held || (plain(required) && plain(held))
}
