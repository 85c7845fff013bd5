//! One target domain of an owner: tick all its types at once, its Console name, code and
//! summary, a chip per type, and its targets and levels.

use std::sync::Arc;

use domain::catalog::Catalog;
use domain::hashing::HashSet;
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
    // A domain may offer thousands of types: its picks are made when asked for, and its
    // chips a page at a time.
    let types: Arc<[Option<String>]> = domain.types.into();
    let name = domain.target_domain;
    let pick_of = {
        let (owner, name) = (owner.clone(), name.clone());
        move |kind: &Option<String>| PrivilegeRef {
            owner: owner.clone(),
            target_domain: name.clone(),
            kind: kind.clone(),
        }
    };
    let all_picked = {
        let (owner, name, types) = (owner.clone(), name.clone(), types.clone());
        move || selection.with(|s| holds_every_type(s, &owner, &name, &types))
    };
    let all_picks = {
        let (types, pick_of) = (types.clone(), pick_of.clone());
        move || types.iter().map(&pick_of).collect::<Vec<_>>()
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
    let limit = RwSignal::new(TYPE_PAGE);
    let chips = move || {
        let shown_count = limit.get();
        let shown = types.iter().take(shown_count).map(|kind| {
            view! { <TypeChip pick=pick_of(kind) selection=selection compared=compared holders=holders on_pick=on_pick/> }
        });
        let hidden = types.len().saturating_sub(shown_count);
        let more = (hidden > 0).then(|| view! {
            <button type="button" class="link more-chips" on:click=move |_| limit.update(|l| *l += TYPE_PAGE)>
                {format!("Show {} more of {} types", hidden.min(TYPE_PAGE), thousands(types.len()))}
            </button>
        });
        view! { {shown.collect_view()} {more} }
    };
    view! {
        <tr>
            <td>
                <input
                    type="checkbox"
                    aria-label=format!("All types of {name}")
                    prop:checked=all_picked.clone()
                    on:change=move |_| on_pick.run((all_picks(), !all_picked()))
                />
            </td>
            <th scope="row"><DomainName owner=owner.clone() domain=name.clone()/></th>
            <td class="types">{chips}</td>
            <td class="targets"><ClippedList items=details shown=20 separator=" · "/></td>
        </tr>
    }
}

/// Whether `selection` holds every one of `types` of `owner`'s `domain`: linear, as a
/// domain may offer thousands of types and "All types" picks them all.
fn holds_every_type(
    selection: &[PrivilegeRef],
    owner: &str,
    domain: &str,
    types: &[Option<String>],
) -> bool {
    if selection.len() < types.len() {
        return false;
    }
    let held: HashSet<&Option<String>> = selection
        .iter()
        .filter(|p| p.owner == owner && p.target_domain == domain)
        .map(|p| &p.kind)
        .collect();
    types.iter().all(|kind| held.contains(kind))
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
