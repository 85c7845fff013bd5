//! One type of a target domain: a checkbox for the builder, whether it is safe in a
//! public key, and whether the compared key holds it.

use domain::catalog::{level_words, Catalog, ALLOWED_LEVEL};
use domain::model::ApiKey;
use domain::privilege_explorer::{key_holds, PrivilegeRef};
use leptos::prelude::*;

use super::held_by::{HeldBy, Holders};

#[component]
pub fn TypeChip(
    pick: PrivilegeRef,
    selection: Memo<Vec<PrivilegeRef>>,
    compared: Memo<Option<ApiKey>>,
    holders: Holders,
    /// Ticks (true) or unticks privileges in the builder.
    on_pick: Callback<(Vec<PrivilegeRef>, bool)>,
) -> impl IntoView {
    let label = Catalog::shipped()
        .domain(&pick.owner, &pick.target_domain)
        .and_then(|d| d.level_label(pick.kind.as_deref().unwrap_or(ALLOWED_LEVEL)))
        .map_or_else(|| level_words(pick.kind.as_deref()), str::to_owned);
    let safe = pick.safe_for_public_key();
    let held = {
        let pick = pick.clone();
        Memo::new(move |_| compared.with(|k| k.as_ref().map(|key| key_holds(key, &pick))))
    };
    let holder_pick = pick.clone();
    let checked = {
        let pick = pick.clone();
        move || selection.with(|s| s.contains(&pick))
    };
    view! {
        <label
            class="type-chip"
            class:has=move || held.get() == Some(true)
        >
            <input
                type="checkbox"
                prop:checked=checked
                on:change=move |ev| on_pick.run((vec![pick.clone()], event_target_checked(&ev)))
            />
            {label}
            {safe.then(|| view! { <span class="safe" title="Coveo allows this in keys exposed in client-side code">" · public-safe"</span> })}
            // Only what the key holds: the builder lists what it lacks, differences first.
            {move || (held.get() == Some(true)).then_some(" ✓ key has it")}
        </label>
        <HeldBy pick=holder_pick holders=holders/>
    }
}
