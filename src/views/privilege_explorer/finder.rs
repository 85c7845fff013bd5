//! The endpoint finder: an API operation found by words or by a call as copied from docs,
//! logs or code, with the privileges it needs and a way to add them to the builder.

use std::sync::Arc;

use domain::catalog::{Catalog, Needs, Operation, Required};
use domain::operations::{fit, is_concrete, required_ref, Lookup, OperationIndex};
use domain::privilege_explorer::{set_picked, PrivilegeRef};
use domain::text::{count, thousands};
use leptos::prelude::*;

use super::twin_note::TwinNote;
use crate::app::navigation::Entry;
use crate::app::state::use_app;
use crate::components::filter_input::FilterInput;
use crate::components::privilege_name::PrivilegeName;

/// Results shown at first, and added by each "Show more".
const RESULT_PAGE: usize = 20;

/// The finder's field and its results; its text is in the link, and "Add to builder"
/// ticks privileges in the builder's `selection`.
#[component]
pub fn Finder(selection: Memo<Vec<PrivilegeRef>>) -> impl IntoView {
    let nav = use_app().nav;
    let text = Signal::derive(move || nav.with(|u| u.explorer.finder.clone()));
    let on_change =
        Callback::new(move |t: String| nav.go(Entry::Replace, |u| u.explorer.finder = t));
    let on_add = Adder {
        selection,
        add: Callback::new(move |picks: Vec<PrivilegeRef>| {
            nav.go(Entry::Replace, |u| {
                set_picked(&mut u.explorer.selection, &picks, true)
            })
        }),
    };
    let catalog = Catalog::shipped();
    let asked = Memo::new(move |_| text.with(|t| !t.trim().is_empty()));
    // Prepared on the first query, so a view where nobody uses the finder never pays;
    // then kept, the same index, for the next ones.
    let index = Memo::new_with_compare(
        move |before: Option<&Option<Arc<OperationIndex>>>| match before {
            Some(Some(index)) => Some(index.clone()),
            _ => asked
                .get()
                .then(|| Arc::new(OperationIndex::new(catalog.operations))),
        },
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let lookup = Memo::new(move |_| text.with(|t| Lookup::read(t)));
    let found = Memo::new(move |_| match (asked.get(), index.get()) {
        (true, Some(index)) => lookup.with(|l| index.find(catalog.operations, l)),
        _ => Vec::new(),
    });
    let limit = RwSignal::new(RESULT_PAGE);
    Effect::watch(
        move || text.track(),
        move |_, _, _| limit.set(RESULT_PAGE),
        false,
    );
    let results = move || {
        let (shown, total) = (limit.get(), found.with(Vec::len));
        let items = found.with(|f| f.iter().take(shown).copied().collect::<Vec<_>>());
        let items = items
            .into_iter()
            .map(|i| view! { <FoundOperation operation=&catalog.operations[i] lookup=lookup.get_untracked() on_add=on_add/> })
            .collect_view();
        let more = (total > shown).then(|| view! {
            <button type="button" class="more" on:click=move |_| limit.update(|l| *l += RESULT_PAGE)>
                "Show more (" {thousands(shown)} " of " {thousands(total)} " shown)"
            </button>
        });
        view! { <ol class="found-operations">{items}</ol> {more} }
    };
    let status = move || {
        let total = found.with(Vec::len);
        match text.with(|t| t.trim().is_empty()) {
            true => String::new(),
            false if total == 0 => "No documented API operation matches.".to_owned(),
            false => format!("{} found.", count(total, "API operation", "API operations")),
        }
    };
    view! {
        <section class="finder" aria-labelledby="finder-heading">
            <h3 id="finder-heading" class="visually-hidden">"Which privileges does an API call need?"</h3>
            <FilterInput
                id="operation-finder"
                label="Find by API operation"
                placeholder="Which privileges does a call need? Words (update source) or a call: PUT /rest/organizations/myorg/sources/abc123"
                value=text
                on_change=on_change
            />
            <p class="count" role="status" data-testid="finder-count">{status}</p>
            {results}
        </section>
    }
}

/// One operation: its call, summary and API, the privileges it needs (with where, and
/// which owner), and "Add to builder".
#[component]
fn FoundOperation(operation: &'static Operation, lookup: Lookup, on_add: Adder) -> impl IntoView {
    let bound = match &lookup {
        Lookup::Call { segments, .. } => fit(operation.path, segments).map(|f| f.bound),
        Lookup::Words(_) => None,
    }
    .unwrap_or_default();
    let needs = match (operation.needs, operation.privileges.len()) {
        (_, 1) => "Needs",
        (Needs::All, _) => "Needs all of",
        (Needs::Any, _) => "Needs any one of",
        (Needs::Unstated, _) => {
            "Needs these (Coveo's documents do not say whether one or all; counted as all)"
        }
    };
    let one_of = operation.needs == Needs::Any && operation.privileges.len() > 1;
    let privileges = operation
        .privileges
        .iter()
        .filter(|r| is_concrete(r))
        .map(|r| view! { <RequiredPrivilege required=r bound=bound.clone() on_add=one_of.then_some(on_add)/> })
        .collect_view();
    let all: Vec<PrivilegeRef> = operation
        .privileges
        .iter()
        .filter(|r| is_concrete(r))
        .map(required_ref)
        .collect();
    view! {
        <li class="found-operation" data-testid="finder-result">
            <p class="call">
                <code>{operation.method} " " {operation.path}</code>
                " " <span class="chip">{operation.api}</span>
            </p>
            <p class="muted">{operation.summary.or(operation.operation_id)}</p>
            <p>{needs} ":"</p>
            <ul class="required">{privileges}</ul>
            {(!one_of).then(|| view! { <AddButton picks=all adder=on_add/> })}
        </li>
    }
}

/// A privilege an operation needs: its name and code, on which resources, the owner it
/// must be under when the domain exists under two, and (for a choice) its own "Add".
#[component]
fn RequiredPrivilege(
    required: &'static Required,
    bound: Vec<(&'static str, String)>,
    on_add: Option<Adder>,
) -> impl IntoView {
    let pick = required_ref(required);
    let target = match required.target {
        "*" => None,
        placeholder => {
            let name = placeholder.trim_matches(['{', '}']);
            Some(match bound.iter().find(|(p, _)| *p == placeholder) {
                Some((_, id)) => format!("on {name} {id}, or on all of them"),
                None => format!("on the {name} it acts on, or on all of them"),
            })
        }
    };
    let twins = !Catalog::shipped()
        .twins(required.owner, required.target_domain)
        .is_empty();
    let owner = required.owner;
    view! {
        <li>
            <PrivilegeName privilege=pick.clone()/>
            {target.map(|t| view! { " " <span class="limit">{t}</span> })}
            {twins.then(|| view! {
                <p class="warning">"It must be under " <code>{owner}</code> ":"</p>
                <TwinNote owner=owner.to_owned() domain=required.target_domain.to_owned()/>
            })}
            {on_add.map(|adder| view! { " " <AddButton picks=vec![pick] adder=adder/> })}
        </li>
    }
}

/// What "Add to builder" needs: the builder's picks, to say when they are in it, and the
/// way to add more.
#[derive(Clone, Copy)]
struct Adder {
    selection: Memo<Vec<PrivilegeRef>>,
    add: Callback<Vec<PrivilegeRef>>,
}

/// "Add to builder", which reads "In builder" once all of `picks` are there (the builder
/// announces its new count).
#[component]
fn AddButton(picks: Vec<PrivilegeRef>, adder: Adder) -> impl IntoView {
    let held = {
        let picks = picks.clone();
        Memo::new(move |_| {
            adder
                .selection
                .with(|s| picks.iter().all(|p| s.contains(p)))
        })
    };
    view! {
        <button type="button" class:in-builder=move || held.get() on:click=move |_| adder.add.run(picks.clone())>
            {move || if held.get() { "In builder \u{2713}" } else { "Add to builder" }}
        </button>
    }
}
