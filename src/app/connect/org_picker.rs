//! The organization field, and the organizations the token reaches offered under it as
//! one types (an ARIA combobox): by name and ID, searchable, picked with a click or the
//! keyboard. Typing an ID by hand works as ever.

use domain::organizations::OrgSummary;
use domain::text::thousands;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::directory::Directory;
use crate::app::state::{use_app, AppState};
use crate::loader::LoadState;

/// Organizations offered at once; more are found by typing.
const SHOWN: usize = 8;

/// The organization field with its picker over `directory`.
#[component]
pub fn OrgPicker(directory: Directory) -> impl IntoView {
    let AppState { form, lists, .. } = use_app();
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    // What the field's text finds; nothing to offer when it is an organization's exact
    // ID already.
    let found: Memo<Found> = Memo::new(move |_| {
        directory.with(|s| match s {
            LoadState::Loaded {
                data: reachable, ..
            } => {
                let text = form.org_text();
                if reachable.orgs.find(text.trim()).is_some() {
                    return None;
                }
                let all = reachable.orgs.search(&text);
                let more = all.len().saturating_sub(SHOWN);
                Some((
                    all.into_iter().take(SHOWN).cloned().collect::<Vec<_>>(),
                    more,
                ))
            }
            _ => None,
        })
    });
    let expanded =
        move || open.get() && found.with(|f| f.as_ref().is_some_and(|(o, _)| !o.is_empty()));
    let pick = move |org: OrgSummary| {
        form.set_org_text(org.id);
        open.set(false);
        lists.load_if_idle();
    };
    let on_key = move |ev: KeyboardEvent| {
        let chosen = choose(&ev, found, active, open);
        if let Some(org) = chosen {
            pick(org);
        }
    };
    view! {
        <div class="field org-field">
            <label for="org-id">"Organization ID"</label>
            <input
                id="org-id"
                name="org"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="org-options"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || expanded().then(|| format!("org-option-{}", active.get()))
                autocomplete="off"
                spellcheck="false"
                placeholder="Pick below, or paste from the Console's URL"
                prop:value=move || form.org_text()
                on:input=move |ev| {
                    form.set_org_text(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
                on:keydown=on_key
            />
            <OrgOptions found=found active=active expanded=Signal::derive(expanded) on_pick=pick/>
            <DirectoryStatus directory=directory/>
        </div>
    }
}

/// The picker's keys: arrows move through the list (opening it), Enter returns the active
/// organization to pick, Escape closes the list.
fn choose(
    ev: &KeyboardEvent,
    found: Memo<Found>,
    active: RwSignal<usize>,
    open: RwSignal<bool>,
) -> Option<OrgSummary> {
    let count = found.with_untracked(|f| f.as_ref().map_or(0, |(o, _)| o.len()));
    match ev.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") if count > 0 => {
            ev.prevent_default();
            let step = if key == "ArrowDown" { 1 } else { count - 1 };
            let next = if open.get_untracked() {
                (active.get_untracked() + step) % count
            } else {
                0
            };
            active.set(next);
            open.set(true);
            None
        }
        "Enter" if open.get_untracked() && count > 0 => {
            ev.prevent_default();
            let at = active.get_untracked();
            found.with_untracked(|f| f.as_ref().and_then(|(o, _)| o.get(at).cloned()))
        }
        "Escape" if open.get_untracked() => {
            open.set(false);
            None
        }
        _ => None,
    }
}

/// What the field's text finds, at most [`SHOWN`] of them, and how many more there are.
type Found = Option<(Vec<OrgSummary>, usize)>;

/// The listbox under the field: `found`, the `active` one marked, shown while `expanded`.
#[component]
fn OrgOptions(
    found: Memo<Found>,
    active: RwSignal<usize>,
    expanded: Signal<bool>,
    #[prop(into)] on_pick: Callback<OrgSummary>,
) -> impl IntoView {
    view! {
        <ul id="org-options" role="listbox" aria-label="Your organizations" class="org-options" hidden=move || !expanded.get()>
            {move || found.get().map(|(orgs, more)| view! {
                {orgs.into_iter().enumerate().map(|(i, org)| {
                    let label = org.display_name.clone();
                    let id = org.id.clone();
                    view! {
                        <li
                            id=format!("org-option-{i}")
                            role="option"
                            aria-selected=move || (active.get() == i).to_string()
                            // Before the field's blur closes the list.
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| on_pick.run(org.clone())
                        >
                            {label.map(|name| view! { <span class="org-name">{name}</span> " " })}
                            <code>{id}</code>
                        </li>
                    }
                }).collect_view()}
                {(more > 0).then(|| view! { <li class="hint" role="presentation">{more} " more: keep typing"</li> })}
            })}
        </ul>
    }
}

/// One line on the organization list: being asked, how many, or why there is none.
#[component]
fn DirectoryStatus(directory: Directory) -> impl IntoView {
    move || {
        directory.with(|s| match s {
            LoadState::Idle => None,
            LoadState::Loading { .. } => Some("Finding the organizations this token can reach…".to_owned()),
            LoadState::Loaded { data: reachable, .. } => Some(match (reachable.orgs.len(), reachable.partial) {
                (0, _) => "This token reaches no organization: type the ID.".to_owned(),
                (1, false) => "1 organization this token can reach: pick it, or type an ID.".to_owned(),
                (n, false) => format!("{} organizations this token can reach: type to search.", thousands(n)),
                (n, true) => match reachable.total.filter(|total| *total > n as u64) {
                    Some(total) => format!(
                        "The first {} of {} organizations this token can reach: type to search, or type an ID.",
                        thousands(n),
                        thousands(total as usize)
                    ),
                    None => format!("The first {} organizations this token can reach: type to search, or type an ID.", thousands(n)),
                },
            }),
            LoadState::Failed { error, .. } => Some(format!(
                "Your organizations could not be listed ({}): type the ID.",
                error.title()
            )),
        })
        .map(|line| view! { <p class="hint" data-testid="org-directory">{line}</p> })
    }
}
