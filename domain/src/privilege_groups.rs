//! Privileges grouped by owner, then target domain, with their types.

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
pub fn group(privileges: &[Privilege]) -> Vec<OwnerGroup> {
    let mut owners: Vec<OwnerGroup> = Vec::new();
    for p in privileges {
        let owner = match owners.iter_mut().position(|o| o.owner == p.owner) {
            Some(i) => &mut owners[i],
            None => {
                owners.push(OwnerGroup {
                    owner: p.owner.clone(),
                    domains: Vec::new(),
                });
                owners.last_mut().expect("just pushed")
            }
        };
        let domain = match owner
            .domains
            .iter_mut()
            .position(|d| d.target_domain == p.target_domain)
        {
            Some(i) => &mut owner.domains[i],
            None => {
                owner.domains.push(DomainGroup {
                    target_domain: p.target_domain.clone(),
                    types: Vec::new(),
                    targets: Vec::new(),
                    levels: Vec::new(),
                });
                owner.domains.last_mut().expect("just pushed")
            }
        };
        if !domain.types.contains(&p.kind) {
            domain.types.push(p.kind.clone());
        }
        let target = match &p.target {
            Target::Unspecified => None,
            Target::All => Some("All resources".to_owned()),
            Target::Only(ids) => Some(format!("Only: {}", ids.join(", "))),
        };
        for (list, item) in [
            (&mut domain.targets, target),
            (&mut domain.levels, p.level.clone()),
        ] {
            if let Some(item) = item.filter(|i| !list.contains(i)) {
                list.push(item);
            }
        }
    }
    owners.sort_by(|a, b| owner_rank(&a.owner).cmp(&owner_rank(&b.owner)));
    for owner in &mut owners {
        owner
            .domains
            .sort_by(|a, b| a.target_domain.cmp(&b.target_domain));
        for domain in &mut owner.domains {
            domain.types.sort_by_key(|t| type_rank(t.as_deref()));
        }
    }
    owners
}

fn owner_rank(owner: &str) -> (usize, &str) {
    const KNOWN: [&str; 4] = ["PLATFORM", "SEARCH_API", "USAGE_ANALYTICS", "COVEO_ML"];
    (
        KNOWN
            .iter()
            .position(|k| *k == owner)
            .unwrap_or(KNOWN.len()),
        owner,
    )
}

fn type_rank(kind: Option<&str>) -> (usize, String) {
    const ORDER: [&str; 4] = ["CREATE", "VIEW", "EDIT", "ENABLE"];
    match kind {
        None => (0, String::new()),
        Some(k) => (
            1 + ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len()),
            k.to_owned(),
        ),
    }
}

/// A type as the Admin Console says it: a missing type is "Allowed".
pub fn type_label(kind: Option<&str>) -> &str {
    kind.unwrap_or("Allowed")
}

/// Whether a token's own privileges (`/privileges/me`) include viewing API keys.
pub fn can_view_api_keys(privileges: &[Privilege]) -> bool {
    privileges.iter().any(|p| {
        p.owner == "PLATFORM" && p.target_domain == "API_KEY" && p.kind.as_deref() == Some("VIEW")
    })
}
