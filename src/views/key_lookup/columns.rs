//! The key table's optional columns: what the table shows beyond the name, description,
//! id, status, dates, creator and privilege count, and the "Columns" menu that adds them.

use domain::key_list::{Sort, SortKey};
use leptos::prelude::*;

use super::sort_header::SortHeader;

/// The optional columns shown. The default is none: the masked value, the creation date
/// and the template are in each key's details.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct KeyColumns {
    pub value: bool,
    pub created: bool,
    pub template: bool,
}

impl KeyColumns {
    /// The columns shown: those `chosen`, and the one the list is sorted by (a link may
    /// sort by the creation date).
    pub fn shown(chosen: KeyColumns, sort: Sort) -> KeyColumns {
        KeyColumns {
            created: chosen.created || sort.key == SortKey::Created,
            ..chosen
        }
    }
}

/// The headers of the optional columns `columns` shows, after the default ones.
pub fn optional_headers(columns: Signal<KeyColumns>, sort: Memo<Sort>) -> impl IntoView {
    move || {
        let shown = columns.get();
        (
            shown.value.then(|| view! { <th scope="col" class="value">"Value (masked)"</th> }),
            shown.created.then(|| view! { <SortHeader label="Created" key=SortKey::Created sort=sort class="date"/> }),
            shown.template.then(|| view! { <th scope="col" class="template">"Template"</th> }),
        )
    }
}

/// "Columns": a checkbox per optional column.
#[component]
pub fn ColumnsMenu(columns: RwSignal<KeyColumns>) -> impl IntoView {
    let choice =
        |label: &'static str, get: fn(&KeyColumns) -> bool, set: fn(&mut KeyColumns, bool)| {
            view! {
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || columns.with(get)
                        on:change=move |ev| columns.update(|c| set(c, event_target_checked(&ev)))
                    />
                    {label}
                </label>
            }
        };
    view! {
        <details class="columns-menu" data-testid="columns-menu">
            <summary>"Columns"</summary>
            <div class="columns-choices">
                {choice("Value (masked)", |c| c.value, |c, on| c.value = on)}
                {choice("Created", |c| c.created, |c, on| c.created = on)}
                {choice("Template", |c| c.template, |c, on| c.template = on)}
            </div>
        </details>
    }
}
