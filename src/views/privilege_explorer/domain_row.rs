//! One target domain of an owner: tick all its types at once, its Console name, code and
//! summary, a chip per type, and its targets and levels.

use std::sync::Arc;

use domain::catalog::Catalog;
use domain::model::ApiKey;
use domain::privilege_explorer::PrivilegeRef;
use domain::privilege_groups::DomainGroup;
use domain::text::thousands;
use leptos::prelude::*;

use super::held_by::Holders;
use super::twin_note::TwinNote;
use super::type_chip::TypeChip;
use crate::components::clipped_text::ClippedList;

/// Type chips shown at first, and added by each "Show more".
const TYPE_PAGE: usize = 24;

#[component]
pub fn DomainRow(
    owner: String,
    domain: DomainGroup,
    selection: Memo<Vec<PrivilegeRef>>,
    compared: Memo<Option<ApiKey>>,
    holders: Holders,
    /// Ticks (true) or unticks privileges in the builder.
    on_pick: Callback<(Vec<PrivilegeRef>, bool)>,
) -> impl IntoView {
    let picks: Vec<PrivilegeRef> = domain
        .types
        .iter()
        .map(|kind| PrivilegeRef {
            owner: owner.clone(),
            target_domain: domain.target_domain.clone(),
            kind: kind.clone(),
        })
        .collect();
    let all_picked = {
        let picks = picks.clone();
        move || selection.with(|s| picks.iter().all(|p| s.contains(p)))
    };
    // Shared, not copied, unless levels follow the targets.
    let details: Arc<[String]> = if domain.levels.is_empty() {
        domain.targets.clone()
    } else {
        domain
            .targets
            .iter()
            .cloned()
            .chain(domain.levels.iter().map(|l| format!("Level {l}")))
            .collect()
    };
    // A domain may offer thousands of types: a page of chips at a time.
    let limit = RwSignal::new(TYPE_PAGE);
    let chips = {
        let picks = picks.clone();
        move || {
            let shown_count = limit.get();
            let shown = picks[..picks.len().min(shown_count)].iter().map(|pick| {
                view! { <TypeChip pick=pick.clone() selection=selection compared=compared holders=holders on_pick=on_pick/> }
            });
            let hidden = picks.len().saturating_sub(shown_count);
            let more = (hidden > 0).then(|| view! {
                <button type="button" class="link more-chips" on:click=move |_| limit.update(|l| *l += TYPE_PAGE)>
                    {format!("Show {} more of {} types", hidden.min(TYPE_PAGE), thousands(picks.len()))}
                </button>
            });
            view! { {shown.collect_view()} {more} }
        }
    };
    let name = domain.target_domain;
    view! {
        <tr>
            <td>
                <input
                    type="checkbox"
                    aria-label=format!("All types of {name}")
                    prop:checked=all_picked.clone()
                    on:change=move |_| on_pick.run((picks.clone(), !all_picked()))
                />
            </td>
            <th scope="row"><DomainName owner=owner.clone() domain=name.clone()/></th>
            <td class="types">{chips}</td>
            <td class="targets"><ClippedList items=details shown=20 separator=" · "/></td>
        </tr>
    }
}

/// The domain's Console name and code, whether the catalog confirmed them, what it
/// governs, and its namesakes under other owners.
#[component]
fn DomainName(owner: String, domain: String) -> impl IntoView {
    let catalog = Catalog::shipped();
    let info = catalog.domain(&owner, &domain);
    let title = info.and_then(|d| d.title());
    let unverified = info.filter(|d| !d.unverified.is_empty()).map(|d| {
        format!(
            "The catalog could not confirm this domain's {}.",
            d.unverified.join(", ")
        )
    });
    let twins = !catalog.twins(&owner, &domain).is_empty();
    view! {
        {title.map(|t| view! { <span class="name">{t}</span> " " })}
        <code>{domain.clone()}</code>
        {unverified.map(|u| view! { " " <span class="badge unverified" title=u>"unverified"</span> })}
        {info.is_some_and(|d| d.custom_access).then(|| view! {
            " " <span class="badge" title="Can be granted on chosen resources only">"custom access level"</span>
        })}
        {info.map(|d| view! { <p class="summary">{d.summary}</p> })}
        {twins.then(|| view! { <TwinNote owner=owner domain=domain/> })}
    }
}
