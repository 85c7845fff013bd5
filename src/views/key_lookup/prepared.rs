//! Keys made ready to show: prepared for search a slice at a time, then sorted, so that
//! even 50,000 keys never freeze the page.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::key_list::{KeyIndex, Sort};
use domain::model::{ApiKey, Timestamp};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{KeyBrowser, ReadyKeys};
use crate::app::navigation::Navigation;
use crate::app::state::use_app;
use crate::clock::now;
use crate::components::preparing_status::PreparingStatus;
use crate::time_slice::{in_one_slice, yield_to_page, Abandoned, TimeSlice};

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
        spawn_local(prepare_the_rest(
            index,
            data.clone(),
            now,
            nav,
            Abandoned::on_cleanup(),
            prepared,
            ready,
        ));
    }
    move || match ready.get() {
        Some(keys) => view! { <KeyBrowser data=data.clone() keys=keys/> }.into_any(),
        None => view! { <PreparingStatus what="keys" prepared=prepared total=total/> }.into_any(),
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
    abandoned: Abandoned,
    prepared: RwSignal<usize>,
    ready: RwSignal<Option<ReadyKeys>>,
) {
    let mut done = false;
    while !done {
        if !abandoned.next_turn().await {
            return;
        }
        done = prepare_slice(&mut index, &data.items, now);
        prepared.set(index.len());
    }
    if !abandoned.next_turn().await {
        return;
    }
    let slice = TimeSlice::start();
    let keys = sorted(index, &data.items, nav.with_untracked(|u| u.keys.sort));
    if slice.is_over() {
        yield_to_page().await;
    }
    if !abandoned.is_set() {
        ready.set(Some(keys));
    }
}

/// Prepares keys for one slice's time; true when all are prepared.
fn prepare_slice(index: &mut KeyIndex, keys: &[ApiKey], now: Timestamp) -> bool {
    in_one_slice(|| index.prepare_more(keys, now, PREPARE_STEP))
}

fn sorted(index: KeyIndex, keys: &[ApiKey], sort: Sort) -> ReadyKeys {
    let order = index.sorted(keys, sort);
    ReadyKeys {
        index: Arc::new(index),
        sort,
        order: Arc::new(order),
    }
}
