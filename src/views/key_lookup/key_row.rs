//! One key in the table, on one line: its name with the search's matches marked, its
//! description cut to the line, its id with a copy button, its status and health, its
//! dates, and the columns the user added.

use std::sync::Arc;

use domain::health::Flag;
use domain::model::{ApiKey, Timestamp};
use domain::templates::{privacy_words, Templates};
use domain::time_text::relative;
use leptos::html;
use leptos::prelude::*;

use super::columns::KeyColumns;
use crate::clock::{local_time, now};
use crate::components::copy_button::CopyButton;
use crate::components::highlighted::highlighted;
use crate::components::status_name::StatusName;
use domain::text::clipped;

/// The row of `key`, whose health is `flags`. `words` are the query's folded words;
/// `explain` asks for the health in words rather than short labels; `on_open` opens the
/// key's details (shown beside or above the table) and `selected` says they are open.
/// When they close with the focus in them, the focus comes back to the key's name.
#[component]
pub fn KeyRow(
    key: ApiKey,
    flags: Vec<Flag>,
    words: Memo<Vec<String>>,
    explain: Signal<bool>,
    selected: Signal<bool>,
    columns: Signal<KeyColumns>,
    templates: Memo<Option<Arc<Templates>>>,
    #[prop(into)] on_open: Callback<()>,
) -> impl IntoView {
    let name_button = NodeRef::<html::Button>::new();
    give_focus_back(selected, name_button);
    // Cells show the start of a long text (the details show it whole).
    let cell = |text: &str, limit: usize| match clipped(text, limit) {
        Some(cut) => format!("{cut}…"),
        None => text.to_owned(),
    };
    let name = cell(key.display_name.as_deref().unwrap_or_default(), 200);
    let description = cell(key.description.as_deref().unwrap_or_default(), 300);
    // The description's first thousand characters on hover; the details hold it whole.
    let whole_description = cell(key.description.as_deref().unwrap_or_default(), 1_000);
    let id = key.id.clone();
    let creator = cell(
        key.created_by
            .as_ref()
            .and_then(|b| b.label())
            .unwrap_or_default(),
        120,
    );
    let creator_title = creator.clone();
    let marked = move |text: String| move || words.with(|w| highlighted(&text, w));
    let shown_name = move || {
        if name.is_empty() {
            "(no display name)".into_any()
        } else {
            words.with(|w| highlighted(&name, w))
        }
    };
    let optional = {
        let key = key.clone();
        move || {
            let shown = columns.get();
            let value = shown
                .value
                .then(|| view! { <td class="value"><code>{key.value.clone()}</code></td> });
            let created = shown
                .created
                .then(|| view! { <td class="date">{key.created_date.map(|at| view! { <Date at=at/> })}</td> });
            let template = shown
                .template
                .then(|| view! { <td class="template"><TemplateLine key=key.clone() templates=templates/></td> });
            (value, created, template)
        }
    };
    view! {
        <tr class:selected=selected>
            <td class="name">
                <button type="button" class="link" node_ref=name_button on:click=move |_| on_open.run(()) title="Show details">
                    {shown_name}
                </button>
            </td>
            <td class="description" title=whole_description>{marked(description)}</td>
            <td class="id">
                <span class="id-line">
                    <code>{marked(cell(&id, 128))}</code>
                    <CopyButton text=id label="Copy key ID" short="Copy"/>
                </span>
            </td>
            <td class="status-cell">
                <StatusName code=key.status_label().to_owned()/>
                <Health flags=flags explain=explain/>
            </td>
            <td class="date expires">{key.expiration_date.map(|at| view! { <Date at=at/> })}</td>
            <td class="date last-used">{key.last_used_date.map(|at| view! { <Date at=at/> }.into_any()).unwrap_or_else(|| "Never".into_any())}</td>
            <td class="creator" title=creator_title>{marked(creator)}</td>
            <td class="number">{key.privileges.len()}</td>
            {optional}
        </tr>
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
        Some(view! { <span data-testid="key-template">{line}</span> })
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
