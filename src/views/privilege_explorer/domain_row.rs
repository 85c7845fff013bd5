//! One target domain of an owner: tick all its types at once, its name in words, a chip
//! per type, and its targets and levels.

use domain::model::ApiKey;
use domain::privilege_explorer::{domain_words, offers_custom_level, PrivilegeRef};
use domain::privilege_groups::DomainGroup;
use leptos::prelude::*;

use super::type_chip::TypeChip;

#[component]
pub fn DomainRow(
    owner: String,
    domain: DomainGroup,
    selection: Memo<Vec<PrivilegeRef>>,
    compared: Memo<Option<ApiKey>>,
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
    let details: Vec<String> = domain
        .targets
        .iter()
        .cloned()
        .chain(domain.levels.iter().map(|l| format!("Level {l}")))
        .collect();
    let chips = picks
        .iter()
        .map(|pick| view! { <TypeChip pick=pick.clone() selection=selection compared=compared on_pick=on_pick/> })
        .collect_view();
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
            <th scope="row">
                <code>{name.clone()}</code>
                <span class="words">{domain_words(&name)}</span>
                {offers_custom_level(&name).then(|| view! {
                    <span class="badge" title="Can be granted on chosen resources only">"custom access level"</span>
                })}
            </th>
            <td class="types">{chips}</td>
            <td class="targets">{details.join(" · ")}</td>
        </tr>
    }
}
