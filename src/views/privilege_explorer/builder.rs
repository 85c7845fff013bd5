//! The builder: the ticked privileges as the `privileges` parameter of a new key, what
//! they let the key call, and warnings that need the catalog's knowledge (a public key
//! holding more than it may; a domain that exists under two owners).

use std::collections::HashSet;
use std::sync::Arc;

use domain::catalog::{privilege_title, Catalog, ALLOWED_LEVEL};
use domain::model::ApiKey;
use domain::operations::{as_held, callable, owner_mix_ups};
use domain::privilege_explorer::{builder_json, set_picked, unsafe_for_public, PrivilegeRef};
use domain::purpose::Purpose;
use domain::text::count;
use leptos::prelude::*;

use super::builder_picks::BuilderPicks;
use super::comparison::SelectionDifference;
use super::purpose_picker::PurposeUsual;
use super::template_start::TemplateStart;
use super::twin_note::TwinNote;
use crate::app::navigation::Entry;
use crate::app::state::use_app;
use crate::components::callable_operations::CallableOperations;
use crate::components::copy_button::CopyButton;
use crate::components::privilege_name::PrivilegeName;
use crate::download::save_file;

/// The builder of the ticked `selection`, against the `compared` key when there is one,
/// and the privileges the organization `offered` once its list is loaded; its purpose is
/// in the link.
#[component]
pub fn Builder(
    selection: Memo<Vec<PrivilegeRef>>,
    compared: Memo<Option<ApiKey>>,
    offered: Option<Memo<Arc<HashSet<PrivilegeRef>>>>,
) -> impl IntoView {
    let nav = use_app().nav;
    let purpose = Memo::new(move |_| nav.with(|u| u.explorer.purpose));
    let on_clear = move || nav.go(Entry::Replace, |u| u.explorer.selection.clear());
    let on_remove = move |pick: PrivilegeRef| {
        nav.go(Entry::Replace, |u| {
            set_picked(&mut u.explorer.selection, &[pick], false)
        })
    };
    let json = Signal::derive(move || selection.with(|s| builder_json(s)));
    let held = Memo::new(move |_| selection.with(|s| as_held(s)));
    let groups = Memo::new(move |_| held.with(|h| callable(&Catalog::shipped(), h)));
    let mix_ups = Memo::new(move |_| held.with(|h| owner_mix_ups(&Catalog::shipped(), h)));
    view! {
        <aside class="builder" aria-labelledby="builder-heading">
            <h3 id="builder-heading">"Privilege builder"</h3>
            <TemplateStart/>
            <p class="hint">
                "Tick privileges to get the " <code>"privileges"</code> " parameter of a new API key. "
                // Announced: a pick made far from the builder (the finder) is heard.
                <span role="status" data-testid="builder-count">
                    {move || count(selection.with(Vec::len), "privilege", "privileges")} " selected."
                </span>
            </p>
            <PurposeUsual purpose=purpose/>
            <BuilderPicks selection=selection offered=offered on_remove=on_remove/>
            <SelectionDifference selection=selection compared=compared/>
            <PublicWarning selection=selection purpose=purpose/>
            <SelectionTwins selection=selection/>
            <pre data-testid="builder-json">{json}</pre>
            <div class="actions">
                <CopyButton text=json label="Copy JSON"/>
                <button type="button" on:click=move |_| {
                    let _ = save_file("privileges.json", "application/json", &json.get_untracked());
                }>"Save JSON"</button>
                <button type="button" on:click=move |_| on_clear()>"Clear selection"</button>
            </div>
            <CallableOperations groups=groups mix_ups=mix_ups/>
        </aside>
    }
}

/// For a public key, the selected privileges Coveo does not allow in client-side code,
/// by name, and the ones it does.
#[component]
fn PublicWarning(selection: Memo<Vec<PrivilegeRef>>, purpose: Memo<Purpose>) -> impl IntoView {
    move || {
        if !purpose.get().is_public() {
            return None;
        }
        let risky: Vec<PrivilegeRef> =
            selection.with(|s| unsafe_for_public(s).into_iter().cloned().collect());
        (!risky.is_empty()).then(|| {
            let names = risky
                .into_iter()
                .map(|p| view! { <li><PrivilegeName privilege=p/></li> })
                .collect_view();
            view! {
                <div class="warning" data-testid="builder-warning">
                    <p>"Not safe in a public key (one exposed in client-side code):"</p>
                    <ul>{names}</ul>
                    <p>"A public key should hold only " {public_safe_names().join(" and ")} "."</p>
                </div>
            }
        })
    }
}

/// The Console names of the privileges Coveo allows in client-side code.
fn public_safe_names() -> Vec<String> {
    let catalog = Catalog::shipped();
    catalog
        .domains
        .iter()
        .filter_map(|d| {
            let level = d.public_safe_levels.first()?;
            let kind = Some(*level).filter(|l| *l != ALLOWED_LEVEL);
            privilege_title(&catalog, d.owner, d.target_domain, kind)
        })
        .collect()
}

/// For each selected privilege whose domain exists under another owner too, which is
/// which.
#[component]
fn SelectionTwins(selection: Memo<Vec<PrivilegeRef>>) -> impl IntoView {
    move || {
        let catalog = Catalog::shipped();
        selection.with(|s| {
            s.iter()
                .filter(|p| !catalog.twins(&p.owner, &p.target_domain).is_empty())
                .map(|p| {
                    view! {
                        <div class="note">
                            <PrivilegeName privilege=p.clone()/>
                            <TwinNote owner=p.owner.clone() domain=p.target_domain.clone()/>
                        </div>
                    }
                })
                .collect_view()
        })
    }
}
