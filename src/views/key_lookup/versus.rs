//! Key against key: the key picked in a key's details and that key side by side
//! (privileges only in one, in both; status, dates, IPs, template), kept in the link.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::{ApiKey, Timestamp};
use domain::privilege_explorer::{difference, picks_of, PrivilegeRef};
use domain::templates::Templates;
use leptos::prelude::*;

use super::exposure_report::FullDate;
use super::key_details::template_name;
use crate::app::navigation::Entry;
use crate::app::state::use_app;
use crate::clock::now;
use crate::components::copy_button::CopyButton;
use crate::components::privilege_name::PrivilegeName;
use crate::components::status_name::StatusName;

/// The selected key and the `versus` one side by side, when both are loaded.
#[component]
pub fn KeyVersus(
    data: Arc<Decoded<ApiKey>>,
    selected: Memo<Option<String>>,
    templates: Memo<Option<Arc<Templates>>>,
) -> impl IntoView {
    let nav = use_app().nav;
    let versus = Memo::new(move |_| nav.with(|u| u.keys.versus.clone()));
    move || {
        let find = |id: Option<String>| {
            data.items
                .iter()
                .find(|k| Some(&k.id) == id.as_ref())
                .cloned()
        };
        let (a, b) = (find(selected.get())?, find(versus.get())?);
        Some(view! { <SideBySide a=a b=b templates=templates/> })
    }
}

#[component]
fn SideBySide(a: ApiKey, b: ApiKey, templates: Memo<Option<Arc<Templates>>>) -> impl IntoView {
    let nav = use_app().nav;
    let diff = difference(&picks_of(&a), &picks_of(&b));
    let now = now();
    let date = move |at: Option<Timestamp>| at.map(|at| view! { <FullDate at=at now=now/> });
    let ips = |list: &[String]| (!list.is_empty()).then(|| list.join(", "));
    let name = |k: &ApiKey| k.display_name.clone().unwrap_or_else(|| k.id.clone());
    let pair = |label: &'static str, left: AnyView, right: AnyView| {
        view! { <tr><th scope="row">{label}</th><td>{left}</td><td>{right}</td></tr> }
    };
    let text = |v: Option<String>| v.unwrap_or_default().into_any();
    // By name once the templates are in, as in the details.
    let template = move |id: Option<String>| match id {
        Some(id) => template_name(id, templates),
        None => ().into_any(),
    };
    // Opened from a key's details, wherever they are: the focus (and the page) comes here.
    let panel = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let _ = panel.focus();
        }
    });
    view! {
        <section class="versus" aria-labelledby="versus-heading" data-testid="key-versus" tabindex="-1" node_ref=panel>
            <div class="details-head">
                <h3 id="versus-heading">"Key against key"</h3>
                <div class="actions">
                    <CopyButton text=Signal::derive(move || nav.share_link()) label="Copy link"/>
                    <button type="button" on:click=move |_| nav.go(Entry::Push, |u| u.keys.versus = None)>"Close"</button>
                </div>
            </div>
            <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col"><span class="visually-hidden">"Field"</span></th><th scope="col">{name(&a)}</th><th scope="col">{name(&b)}</th></tr></thead>
                    <tbody>
                        {pair("Key ID", view! { <code>{a.id.clone()}</code> }.into_any(), view! { <code>{b.id.clone()}</code> }.into_any())}
                        {pair("Status", view! { <StatusName code=a.status_label().to_owned() with_code=true/> }.into_any(), view! { <StatusName code=b.status_label().to_owned() with_code=true/> }.into_any())}
                        {pair("Created", date(a.created_date).into_any(), date(b.created_date).into_any())}
                        {pair("Last used", date(a.last_used_date).into_any(), date(b.last_used_date).into_any())}
                        {pair("Expires", date(a.expiration_date).into_any(), date(b.expiration_date).into_any())}
                        {pair("Allowed IPs", text(ips(&a.allowed_ips)), text(ips(&b.allowed_ips)))}
                        {pair("Denied IPs", text(ips(&a.denied_ips)), text(ips(&b.denied_ips)))}
                        {pair("Template", template(a.api_key_template_id.clone()), template(b.api_key_template_id.clone()))}
                    </tbody>
                </table>
            </div>
            <PrivilegeColumns only_a=diff.only_first both=diff.both only_b=diff.only_second/>
        </section>
    }
}

/// The two keys' privileges: only in the first, in both, only in the second.
#[component]
fn PrivilegeColumns(
    only_a: Vec<PrivilegeRef>,
    both: Vec<PrivilegeRef>,
    only_b: Vec<PrivilegeRef>,
) -> impl IntoView {
    let column = |title: &'static str, testid: &'static str, picks: Vec<PrivilegeRef>| {
        let count = picks.len();
        let items = picks
            .into_iter()
            .map(|p| view! { <li><PrivilegeName privilege=p/></li> })
            .collect_view();
        view! {
            <div class="versus-column" data-testid=testid>
                <h4>{title} " (" {count} ")"</h4>
                <ul>{items}</ul>
            </div>
        }
    };
    view! {
        <div class="versus-privileges">
            {column("Only in the first", "only-a", only_a)}
            {column("In both", "in-both-keys", both)}
            {column("Only in the second", "only-b", only_b)}
        </div>
    }
}
