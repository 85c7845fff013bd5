//! One key in the table, on one line: its name with the search's matches marked, its
//! description cut to the line, its id with a copy button, its status and health, its
//! dates, and the columns the user added.

use std::sync::Arc;

use domain::health::Flag;
use domain::model::{ApiKey, Timestamp};
use domain::templates::{privacy_words, Templates};
use domain::time_text::relative;
use leptos::prelude::*;

use super::columns::KeyColumns;
use crate::clock::{local_time, now};
use crate::components::copy_button::CopyButton;
use crate::components::highlighted::highlighted;
use crate::components::status_name::StatusName;
use domain::text::clipped;

/// The row of `key`, whose health is `flags`. `words` are the query's folded words;
/// `on_open` opens the key's details (shown beside or above the table) and `selected`
/// says they are open. `columns` are the optional columns shown: a row is built again
/// when they change, so that it keeps no effect for them.
#[component]
pub fn KeyRow(
    key: ApiKey,
    flags: Vec<Flag>,
    words: Memo<Vec<String>>,
    selected: Signal<bool>,
    columns: KeyColumns,
    templates: Memo<Option<Arc<Templates>>>,
    #[prop(into)] on_open: Callback<()>,
) -> impl IntoView {
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
    let value = columns
        .value
        .then(|| view! { <td class="value"><code>{key.value.clone()}</code></td> });
    let created = columns.created.then(
        || view! { <td class="date">{key.created_date.map(|at| view! { <Date at=at/> })}</td> },
    );
    let template = columns.template.then(
        || view! { <td class="template"><TemplateLine key=key.clone() templates=templates/></td> },
    );
    view! {
        <tr class:selected=selected data-key=key.id.clone()>
            <td class="name">
                <button type="button" class="link" on:click=move |_| on_open.run(()) title="Show details">
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
                <Health flags=flags/>
            </td>
            <td class="date expires">{key.expiration_date.map(|at| view! { <Date at=at/> })}</td>
            <td class="date last-used">{key.last_used_date.map(|at| view! { <Date at=at/> }.into_any()).unwrap_or_else(|| "Never".into_any())}</td>
            <td class="creator" title=creator_title>{marked(creator)}</td>
            <td class="number">{key.privileges.len()}</td>
            {value}
            {created}
            {template}
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

/// The key's health flags, a chip each marked with its severity, in a few words; in
/// full words too, shown when the table explains them ("Needs attention" on).
#[component]
fn Health(flags: Vec<Flag>) -> impl IntoView {
    (!flags.is_empty()).then(|| {
        let chips = flags
            .into_iter()
            .map(|flag| {
                let severity = flag.severity().label();
                let (short, reason) = (flag.short(), flag.reason());
                let title = format!("{reason} (severity: {severity})");
                view! {
                    <span class=format!("flag severity-{severity}") title=title data-severity=severity>
                        <span class="short">{short}</span>
                        <span class="reason">{reason}</span>
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
