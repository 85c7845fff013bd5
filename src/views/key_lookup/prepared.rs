//! Keys made ready to show: prepared for search a slice at a time, then sorted, so that
//! even 50,000 keys never freeze the page.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use domain::decode::Decoded;
use domain::key_list::{KeyIndex, Sort};
use domain::model::{ApiKey, Timestamp};
use domain::text::thousands;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{KeyBrowser, ReadyKeys};
use crate::app::navigation::Navigation;
use crate::app::state::use_app;
use crate::clock::now;
use crate::time_slice::{yield_to_page, TimeSlice};

/// Keys prepared for search per step; a slice takes as many steps as fit in its time.
const PREPARE_STEP: usize = 500;

/// Prepares `data` for search, then shows the key browser. Small lists are ready within
/// the first slice; larger ones show how far preparing has come.
#[component]
pub fn PreparedKeys(data: Arc<Decoded<ApiKey>>) -> impl IntoView {
    let nav = use_app().nav;
    let total = data.items.len();
    let ready = RwSignal::new(None::<ReadyKeys>);
    let prepared = RwSignal::new(0);
    let mut index = KeyIndex::default();
    let now = now();
    if prepare_slice(&mut index, &data.items, now) {
        ready.set(Some(sorted(
            index,
            &data.items,
            nav.with_untracked(|u| u.keys.sort),
        )));
    } else {
        prepared.set(index.len());
        let abandoned = Arc::new(AtomicBool::new(false));
        on_cleanup({
            let abandoned = abandoned.clone();
            move || abandoned.store(true, Ordering::Relaxed)
        });
        spawn_local(prepare_the_rest(
            index,
            data.clone(),
            now,
            nav,
            abandoned,
            prepared,
            ready,
        ));
    }
    move || match ready.get() {
        Some(keys) => view! { <KeyBrowser data=data.clone() keys=keys/> }.into_any(),
        None => view! {
            <p class="loading" role="status" data-testid="preparing">
                <span class="spinner" aria-hidden="true"></span>
                "Preparing keys for search: " {move || thousands(prepared.get())} " of "
                {thousands(total)} "…"
            </p>
        }
        .into_any(),
    }
}

/// Prepares the keys `index` lacks, a slice at a time, then sorts them. The sort and the
/// first render each take a task of their own when the sort has used a slice's time
/// (50,000 keys), so no frame waits for both.
async fn prepare_the_rest(
    mut index: KeyIndex,
    data: Arc<Decoded<ApiKey>>,
    now: Timestamp,
    nav: Navigation,
    abandoned: Arc<AtomicBool>,
    prepared: RwSignal<usize>,
    ready: RwSignal<Option<ReadyKeys>>,
) {
    let mut done = false;
    while !done {
        yield_to_page().await;
        if abandoned.load(Ordering::Relaxed) {
            return;
        }
        done = prepare_slice(&mut index, &data.items, now);
        prepared.set(index.len());
    }
    yield_to_page().await;
    if abandoned.load(Ordering::Relaxed) {
        return;
    }
    let slice = TimeSlice::start();
    let keys = sorted(index, &data.items, nav.with_untracked(|u| u.keys.sort));
    if slice.is_over() {
        yield_to_page().await;
    }
    if !abandoned.load(Ordering::Relaxed) {
        ready.set(Some(keys));
    }
}

/// Prepares keys for one slice's time; true when all are prepared.
fn prepare_slice(index: &mut KeyIndex, keys: &[ApiKey], now: Timestamp) -> bool {
    let slice = TimeSlice::start();
    loop {
        if index.prepare_more(keys, now, PREPARE_STEP) {
            return true;
        }
        if slice.is_over() {
            return false;
        }
    }
}

fn sorted(index: KeyIndex, keys: &[ApiKey], sort: Sort) -> ReadyKeys {
    let order = index.sorted(keys, sort);
    ReadyKeys {
        index: Arc::new(index),
        sort,
        order: Arc::new(order),
    }
}
