//! "Export CSV" and "Export JSON": the keys that match the filters, as files. Values stay
//! as masked as the API gave them; the token is never in a key.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::export::{csv_header, push_csv_record, push_json_item, rfc3339};
use domain::model::ApiKey;
use js_sys::Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::app::state::use_app;
use crate::clock::now;
use crate::download::save_parts;
use crate::time_slice::Slices;

/// The two export buttons for the keys at `rows` (every match, not only the page shown),
/// named after the organization and the day. Files are written a slice of time at a
/// time, so even 10,000 keys never hold the page.
#[component]
pub fn ExportButtons(data: Arc<Decoded<ApiKey>>, rows: Signal<Vec<usize>>) -> impl IntoView {
    let nav = use_app().nav;
    let (failed, busy) = (RwSignal::new(false), RwSignal::new(false));
    let file_name = move |ext: &str| {
        let org = nav.with_untracked(|u| {
            u.org
                .as_ref()
                .map_or("keys".to_owned(), |o| o.as_str().to_owned())
        });
        format!("api-keys-{org}-{}.{ext}", &rfc3339(now())[..10])
    };
    let csv = {
        let data = data.clone();
        move |_| {
            let (data, rows) = (data.clone(), rows.get_untracked());
            busy.set(true);
            spawn_local(async move {
                let parts = Array::of1(&csv_header().into());
                sliced(&rows, &parts, |text, _, at| {
                    push_csv_record(text, &data.items[at])
                })
                .await;
                failed
                    .set(save_parts(&file_name("csv"), "text/csv;charset=utf-8", &parts).is_err());
                busy.set(false);
            });
        }
    };
    let json = move |_| {
        let (data, rows) = (data.clone(), rows.get_untracked());
        busy.set(true);
        spawn_local(async move {
            let parts = Array::of1(&"[".into());
            sliced(&rows, &parts, |text, n, at| {
                push_json_item(text, n, &data.items[at])
            })
            .await;
            parts.push(&"\n]\n".into());
            failed.set(save_parts(&file_name("json"), "application/json", &parts).is_err());
            busy.set(false);
        });
    };
    view! {
        <div class="export actions">
            <button type="button" on:click=csv disabled=busy>
                {move || if busy.get() { "Exporting…" } else { "Export CSV" }}
            </button>
            <button type="button" on:click=json disabled=busy>"Export JSON"</button>
            {move || failed.get().then(|| view! {
                <span role="alert" class="warning">"The browser refused to save the file."</span>
            })}
        </div>
    }
}

/// Runs `write(text, n, row)` for each of `rows` (the `n`th), a slice of time at a time,
/// each slice's text added to `parts`: the file is never one string to copy at once.
async fn sliced(rows: &[usize], parts: &Array, mut write: impl FnMut(&mut String, usize, usize)) {
    let step = |(text, done): &mut (String, usize)| {
        if let Some(&row) = rows.get(*done) {
            write(text, *done, row);
            *done += 1;
        }
        *done == rows.len()
    };
    let end_of_slice = |(text, _): &mut (String, usize)| {
        parts.push(&JsValue::from_str(text));
        text.clear();
    };
    Slices::new()
        .run(&mut (String::new(), 0), step, end_of_slice)
        .await;
}
