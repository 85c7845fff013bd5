//! "What can it call?": the API operations some privileges allow, counted in words and
//! grouped by API; each API's list is built when it is opened.

use domain::operations::{ApiOperations, Limit, OwnerMixUp, Reach};
use domain::text::{count, first_of};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::privilege_name::PrivilegeName;

/// The operations in `groups`, and the `mix_ups` (a domain held under the wrong owner).
#[component]
pub fn CallableOperations(
    #[prop(into)] groups: Signal<Vec<ApiOperations>>,
    #[prop(into)] mix_ups: Signal<Vec<OwnerMixUp>>,
) -> impl IntoView {
    let summary = move || {
        groups.with(|gs| {
            let operations = gs.iter().map(|g| g.allowed.len()).sum();
            if operations == 0 {
                "Allows no API operation that Coveo's API documents list with its privileges."
                    .to_owned()
            } else {
                format!(
                    "Allows {} in {}.",
                    count(operations, "API operation", "API operations"),
                    count(gs.len(), "API", "APIs")
                )
            }
        })
    };
    view! {
        <section class="callable" data-testid="callable">
            <h4>"What can it call?"</h4>
            <p data-testid="callable-count">{summary}</p>
            {move || mix_ups.get().into_iter().map(|m| view! { <MixUp mix_up=m/> }).collect_view()}
            {move || groups.get().into_iter().map(|group| view! { <ApiGroup group=group/> }).collect_view()}
        </section>
    }
}

/// One API's allowed operations, listed once opened.
#[component]
fn ApiGroup(group: ApiOperations) -> impl IntoView {
    let open = RwSignal::new(false);
    let heading = format!(
        "{} · {}",
        group.api,
        count(group.allowed.len(), "operation", "operations")
    );
    let list = move || {
        open.get().then(|| {
            let items = group
                .allowed
                .iter()
                .map(|a| {
                    let op = a.operation;
                    let limit = match &a.reach {
                        Reach::Everywhere => None,
                        Reach::Only(limits) => Some(
                            limits
                                .iter()
                                .map(limit_words)
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                    };
                    view! {
                        <li>
                            <code>{op.method} " " {op.path}</code>
                            {op.summary.map(|s| view! { " " <span class="muted">{s}</span> })}
                            {limit.map(|l| view! { " " <span class="limit">{l}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="operations">{items}</ul> }
        })
    };
    view! {
        <details class="api-group" on:toggle=move |ev| {
            let opened = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            open.set(opened);
        }>
            <summary>{heading}</summary>
            {list}
        </details>
    }
}

/// "Only for sourceId abc, def"; past a few ids, "and N more" (the key's details list
/// them all under "Resource targets").
fn limit_words(limit: &Limit) -> String {
    let name = limit.placeholder.trim_matches(['{', '}']);
    format!("Only for {name} {}", first_of(&limit.ids, 10, ", "))
}

/// A domain held under one owner where operations need it under another.
#[component]
fn MixUp(mix_up: OwnerMixUp) -> impl IntoView {
    view! {
        <p class="warning" data-testid="owner-mix-up">
            "Holds " <PrivilegeName privilege=mix_up.held/> ", but "
            {count(mix_up.operations, "operation needs", "operations need")} " "
            <PrivilegeName privilege=mix_up.needed/> ": the same domain under another owner is another privilege."
        </p>
    }
}
