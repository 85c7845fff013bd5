//! One key in full: every field the API returned (unknown ones too), its health, and its
//! privileges grouped by owner then target domain.

use std::sync::Arc;

use domain::catalog::Catalog;
use domain::endpoint::console_keys_url;
use domain::hashing::{HashMap, HashSet};
use domain::health::{ExposureReport, Flag};
use domain::model::{ApiKey, Privilege, Target, Timestamp};
use domain::operations::{callable, owner_mix_ups};
use domain::privilege_explorer::{picks_of, PrivilegeRef};
use domain::privilege_groups::group;
use domain::templates::{privacy_words, Templates};
use domain::text::count;
use domain::url_state::View;
use leptos::html;
use leptos::prelude::*;
use serde_json::Value;

use super::exposure_report::{ExposureReportView, FullDate};
use crate::app::lists::live_origin;
use crate::app::navigation::Entry;
use crate::app::state::{use_app, AppState};
use crate::clock::now;
use crate::components::callable_operations::CallableOperations;
use crate::components::clipped_text::{ClippedList, ClippedText};
use crate::components::copy_button::CopyButton;
use crate::components::key_picker::KeyPicker;
use crate::components::key_picker::KeySearch;
use crate::components::privilege_name::PrivilegeName;
use crate::components::status_name::StatusName;

/// The details panel of `key`; `on_close` closes it.
#[component]
pub fn KeyDetails(
    key: ApiKey,
    flags: Vec<Flag>,
    /// The loaded keys and their index, to pick a key to compare with.
    keys: KeySearch,
    templates: Memo<Option<Arc<Templates>>>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let title = key
        .display_name
        .clone()
        .unwrap_or_else(|| "(no display name)".to_owned());
    let health = (!flags.is_empty()).then(|| {
        view! {
            <ul class="health" aria-label="Needs attention">
                {flags.iter().map(|f| view! { <li>{f.reason()}</li> }).collect_view()}
            </ul>
        }
    });
    let nav = use_app().nav;
    let privileges = key.privileges.clone();
    let (key_id, picks) = (key.id.clone(), picks_of(&key));
    // The details take the focus as they open: keyboard and screen reader users land in
    // them. The page scrolls only as far as shows them: beside the list they are often in
    // view already, and the row just clicked stays under the pointer.
    let panel = NodeRef::<html::Aside>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = panel.focus_with_options(&options);
            let top = panel.get_bounding_client_rect().top();
            let height = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if top < 0.0 || top > height - 80.0 {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                panel.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
    let catalog = Catalog::shipped();
    let groups = callable(&catalog, &privileges);
    let mix_ups = owner_mix_ups(&catalog, &privileges);
    view! {
        <aside class="key-details" aria-labelledby="key-details-heading" data-testid="key-details"
            tabindex="-1" node_ref=panel>
            <div class="details-head">
                <h3 id="key-details-heading"><ClippedText text=title limit=300/></h3>
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <ConsoleLink/>
            {health}
            <KeyFields key=key templates=templates/>
            <h4>{count(privileges.len(), "privilege", "privileges")}</h4>
            <PrivilegeTree privileges=privileges/>
            <CallableOperations groups=Signal::stored(groups) mix_ups=Signal::stored(mix_ups)/>
            <StartBuilder key_id=key_id.clone() picks=picks/>
            <KeyPicker
                id="versus-key"
                label="Compare with another key"
                list="versus-key-matches"
                except=keys.data.items.iter().position(|k| k.id == key_id).unwrap_or(usize::MAX)
                keys=keys
                on_pick=move |id: String| nav.go(Entry::Push, move |u| u.keys.versus = Some(id))
            />
        </aside>
    }
}

/// "Open in the Administration Console": the organization's API keys page there, on the
/// host of the region the keys came from (the region picked, when they came through a
/// proxy or a test server). None for the sample data.
#[component]
fn ConsoleLink() -> impl IntoView {
    let AppState { nav, lists, .. } = use_app();
    move || {
        let connection = lists.keys.state().with(live_origin)?;
        let region = connection
            .base
            .region()
            .unwrap_or_else(|| nav.with(|u| u.region));
        let href = console_keys_url(region, &connection.org);
        Some(view! {
            <p class="console-link">
                <a href=href target="_blank" rel="noopener noreferrer" data-testid="console-link">
                    "Open in the Administration Console"
                </a>
                <span class="hint">" (API keys of " {connection.org.as_str().to_owned()} ", " {region.label()} ")"</span>
            </p>
        })
    }
}

/// Every field of the key, by name, in the order people look for them; unknown fields
/// last, as the JSON they came as.
#[component]
fn KeyFields(key: ApiKey, templates: Memo<Option<Arc<Templates>>>) -> impl IntoView {
    let now = now();
    let date =
        move |at: Option<Timestamp>| at.map(|at| view! { <FullDate at=at now=now/> }.into_any());
    let text = |value: Option<String>| value.map(|v| view! { <span>{v}</span> }.into_any());
    let list = |items: &[String]| (!items.is_empty()).then(|| items.join(", "));
    let json = |value: &Value| Some(view! { <pre>{pretty(value)}</pre> }.into_any());
    let masked = key.value.clone().map(|v| {
        view! {
            <span>{v}</span>
            <p class="hint">"Masked: Coveo reveals a key's value only once, when the key is created (or duplicated or rotated)."</p>
        }
        .into_any()
    });
    let extra = key
        .extra
        .iter()
        .map(|(name, value)| view! { <dt><code>{name.clone()}</code></dt><dd><pre>{pretty(value)}</pre></dd> })
        .collect_view();
    let created_by = key
        .created_by
        .as_ref()
        .and_then(|b| b.label())
        .map(str::to_owned);
    let last_used = date(key.last_used_date).unwrap_or_else(|| "Never".into_any());
    view! {
        <dl class="fields">
            <dt>"Key ID"</dt>
            <dd><code data-testid="details-id">{key.id.clone()}</code> " " <CopyButton text=key.id.clone() label="Copy key ID"/></dd>
            {row("Description", key.description.clone().map(|d| view! { <ClippedText text=d limit=2_000/> }.into_any()))}
            {row("Value", masked)}
            {row("Status", Some(view! { <StatusName code=key.status_label().to_owned() with_code=true/> }.into_any()))}
            {row("Privacy level", text(key.privacy_level.as_deref().map(|p| privacy_words(p).to_owned())))}
            {row("Created", date(key.created_date))}
            {row("Created by", text(created_by))}
            {row("Last used", Some(last_used))}
            {row("Expires", date(key.expiration_date))}
            {row("Activated", date(key.activation_date))}
            {row("Disabled", date(key.disabled_date))}
            {row("Template", key.api_key_template_id.clone().map(|id| template_name(id, templates)))}
            {row("Allowed IPs", text(list(&key.allowed_ips)))}
            {row("Denied IPs", text(list(&key.denied_ips)))}
            {row("Organization", text(key.organization_id.clone()))}
            {row("Resource targets", resource_targets(&key.privileges))}
            {row("Exposure report", key.exposure_report.as_ref().map(|r| {
                view! { <ExposureReportView report=ExposureReport::read(r) raw=pretty(r)/> }.into_any()
            }))}
            {row("Additional configuration", key.additional_configuration.as_ref().and_then(json))}
            {extra}
        </dl>
    }
}

/// A template by name and id once the templates are in; by id alone before, or when
/// the organization does not list it.
pub fn template_name(id: String, templates: Memo<Option<Arc<Templates>>>) -> AnyView {
    let name = {
        let id = id.clone();
        move || templates.with(|t| Some(t.as_ref()?.find(&id)?.label().to_owned()))
    };
    view! {
        <span data-testid="details-template">
            {move || name().map(|name| view! { <strong>{name}</strong> " " })}
            <code>{id}</code>
        </span>
    }
    .into_any()
}

/// A term and its description, when there is something to describe.
fn row(label: &'static str, value: Option<AnyView>) -> Option<impl IntoView> {
    value.map(|value| view! { <dt>{label}</dt><dd>{value}</dd> })
}

/// A JSON value, indented. A `Value` always serializes (its keys are strings).
fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// "Content · Sources · Edit (PLATFORM.SOURCE.EDIT): id1, id2" for each privilege
/// limited to some resources, each named once however many entries limit it: a key may be
/// limited to thousands of resources.
fn resource_targets(privileges: &[Privilege]) -> Option<AnyView> {
    let mut order: Vec<PrivilegeRef> = Vec::new();
    let mut ids: HashMap<PrivilegeRef, (Vec<String>, HashSet<&str>)> = HashMap::default();
    for p in privileges {
        let Target::Only(only) = &p.target else {
            continue;
        };
        let (list, seen) = ids.entry(PrivilegeRef::of(p)).or_insert_with_key(|pick| {
            order.push(pick.clone());
            Default::default()
        });
        for id in only {
            if seen.insert(id) {
                list.push(id.clone());
            }
        }
    }
    if order.is_empty() {
        return None;
    }
    let lines = order
        .into_iter()
        .map(|pick| {
            let items: Arc<[String]> = ids.remove(&pick).unwrap_or_default().0.into();
            view! { <li>{pick.label()} ": " <ClippedList items=items shown=20 separator=", "/></li> }
        })
        .collect_view();
    Some(view! { <ul class="resource-targets">{lines}</ul> }.into_any())
}

/// The key's privileges by owner, then target domain and type, by name and code.
#[component]
fn PrivilegeTree(privileges: Vec<Privilege>) -> impl IntoView {
    let owners = group(&privileges)
        .into_iter()
        .map(|owner| {
            let domains = owner
                .domains
                .into_iter()
                .flat_map(|domain| {
                    let owner = owner.owner.clone();
                    domain.types.into_iter().map(move |kind| {
                        let privilege = PrivilegeRef {
                            owner: owner.clone(),
                            target_domain: domain.target_domain.clone(),
                            kind,
                        };
                        view! { <li><PrivilegeName privilege=privilege/></li> }
                    })
                })
                .collect_view();
            view! { <li><strong>{owner.owner}</strong><ul>{domains}</ul></li> }
        })
        .collect_view();
    view! { <ul class="privilege-groups">{owners}</ul> }
}

/// "Start the builder from this key": the privilege explorer, its builder holding the
/// key's privileges and compared with the key.
#[component]
fn StartBuilder(key_id: String, picks: Vec<PrivilegeRef>) -> impl IntoView {
    let nav = use_app().nav;
    let start = move |_| {
        nav.go(Entry::Push, |u| {
            u.view = View::PrivilegeExplorer;
            u.explorer.selection = picks.clone();
            u.explorer.compare = Some(key_id.clone());
        })
    };
    view! {
        <p class="actions">
            <button type="button" on:click=start>"Start the builder from this key"</button>
        </p>
    }
}
