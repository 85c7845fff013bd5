//! One key in the table: its names with the search's matches marked, its health, its id
//! with a copy button, and its dates.

use std::sync::Arc;

use domain::health::Flag;
use domain::model::{ApiKey, Timestamp};
use domain::templates::{privacy_words, Templates};
use domain::time_text::relative;
use leptos::html;
use leptos::prelude::*;

use super::key_details::KeyDetails;
use crate::clock::{local_time, now};
use crate::components::copy_button::CopyButton;
use crate::components::highlighted::highlighted;
use crate::components::key_picker::KeySearch;
use crate::components::status_name::StatusName;
use domain::text::clipped;

/// The row of `key`, whose health is `flags`. `words` are the query's folded words;
/// `explain` asks for the health in words rather than short labels; `on_open` opens the
/// key's details, which show in a row under this one while `selected`, and `on_close`
/// closes them. Closing gives the focus back to the key's name.
#[component]
pub fn KeyRow(
    key: ApiKey,
    flags: Vec<Flag>,
    keys: KeySearch,
    words: Memo<Vec<String>>,
    explain: Signal<bool>,
    selected: Signal<bool>,
    templates: Memo<Option<Arc<Templates>>>,
    #[prop(into)] on_open: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let name_button = NodeRef::<html::Button>::new();
    give_focus_back(selected, name_button);
    let details = {
        let (key, flags) = (key.clone(), flags.clone());
        move || {
            selected.get().then(|| {
                view! {
                    <tr class="details-row" role="presentation">
                        <td colspan="11" role="presentation">
                            <KeyDetails key=key.clone() flags=flags.clone() keys=keys.clone() templates=templates on_close=on_close/>
                        </td>
                    </tr>
                }
            })
        }
    };
    // Cells show the start of a long text (the details show it whole).
    let cell = |text: &str, limit: usize| match clipped(text, limit) {
        Some(cut) => format!("{cut}…"),
        None => text.to_owned(),
    };
    let name = cell(key.display_name.as_deref().unwrap_or_default(), 200);
    let description = cell(key.description.as_deref().unwrap_or_default(), 300);
    let id = key.id.clone();
    let creator = cell(
        key.created_by
            .as_ref()
            .and_then(|b| b.label())
            .unwrap_or_default(),
        120,
    );
    let marked = move |text: String| move || words.with(|w| highlighted(&text, w));
    let shown_name = move || {
        if name.is_empty() {
            "(no display name)".into_any()
        } else {
            words.with(|w| highlighted(&name, w))
        }
    };
    view! {
        <tr class:selected=selected>
            <td class="name">
                <button type="button" class="link" node_ref=name_button on:click=move |_| on_open.run(()) title="Show details">
                    {shown_name}
                </button>
                <Health flags=flags explain=explain/>
                <TemplateLine key=key.clone() templates=templates/>
            </td>
            <td class="description">{marked(description)}</td>
            <td class="id">
                <code>{marked(cell(&id, 128))}</code>
                <CopyButton text=id label="Copy key ID"/>
            </td>
            <td><code>{key.value.clone()}</code></td>
            <td><StatusName code=key.status_label().to_owned()/></td>
            <td>{key.expiration_date.map(|at| view! { <Date at=at/> })}</td>
            <td>{key.created_date.map(|at| view! { <Date at=at/> })}</td>
            <td class="creator">{marked(creator)}</td>
            <td>{key.last_used_date.map(|at| view! { <Date at=at/> }.into_any()).unwrap_or_else(|| "Never".into_any())}</td>
            <td class="number">{key.privileges.len()}</td>
        </tr>
        {details}
    }
}

/// The key's template, by name once the templates are in, and its privacy level.
#[component]
fn TemplateLine(key: ApiKey, templates: Memo<Option<Arc<Templates>>>) -> impl IntoView {
    move || {
        let name = templates.with(|t| Some(t.as_ref()?.of(&key)?.label().to_owned()));
        let privacy = key.privacy_level.as_deref().map(privacy_words);
        let line = match (name, privacy) {
            (Some(name), Some(privacy)) => format!("{name} · {privacy}"),
            (Some(name), None) => name,
            (None, Some(privacy)) => privacy.to_owned(),
            (None, None) => return None,
        };
        Some(view! { <p class="hint" data-testid="key-template">{line}</p> })
    }
}

/// When the details under a row close while the focus was in them (it is then lost to
/// the page), it goes back to the key's name.
fn give_focus_back(selected: Signal<bool>, name_button: NodeRef<html::Button>) {
    Effect::watch(
        move || selected.get(),
        move |now, before, _| {
            let lost = document()
                .active_element()
                .is_none_or(|el| el == document().body().map(Into::into).unwrap_or(el.clone()));
            if before == Some(&true) && !now && lost {
                if let Some(button) = name_button.get_untracked() {
                    let _ = button.focus();
                }
            }
        },
        false,
    );
}

/// The key's health flags, a chip each marked with its severity: short labels, or in
/// words when `explain` is on.
#[component]
fn Health(flags: Vec<Flag>, explain: Signal<bool>) -> impl IntoView {
    (!flags.is_empty()).then(|| {
        let chips = flags
            .into_iter()
            .map(|flag| {
                let severity = flag.severity().label();
                let (label, reason) = (flag.label(), flag.reason());
                let title = format!("{reason} (severity: {severity})");
                view! {
                    <span class=format!("flag severity-{severity}") title=title data-severity=severity>
                        {move || if explain.get() { reason.clone() } else { label.to_owned() }}
                    </span>
                }
            })
            .collect_view();
        view! { <span class="flags">{chips}</span> }
    })
}

/// A date as "3 days ago", the local date and time on hover.
#[component]
fn Date(at: Timestamp) -> impl IntoView {
    view! { <time title=local_time(at)>{relative(at, now())}</time> }
}
