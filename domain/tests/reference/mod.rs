//! Plain definitions, grouping the whole list, that the fast code is checked against.

use domain::model::Privilege;
use domain::privilege_groups::{group, OwnerGroup, PageLimit};

/// The first target domains of `groups`, owners in order, within `limit`: what
/// `GroupOrder::page` must show.
pub fn first_rows(groups: &[OwnerGroup], limit: PageLimit) -> Vec<OwnerGroup> {
    let mut left = limit.rows;
    groups
        .iter()
        .take(limit.owners)
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

/// The owners of `privileges`, once each, in the groups' order: what
/// `GroupOrder::owners` must list.
pub fn owners(privileges: &[Privilege]) -> Vec<String> {
    group(privileges).into_iter().map(|g| g.owner).collect()
}

/// How many target domains `groups` hold.
pub fn row_count(groups: &[OwnerGroup]) -> usize {
    groups.iter().map(|g| g.domains.len()).sum()
}
