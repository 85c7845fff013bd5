//! Privileges made ready to show: the search index prepared a slice at a time, then the
//! groups' order in a task of its own, so that even a hostile list of 100,000 privileges
//! never holds the page for long.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::Privilege;
use domain::privilege_explorer::IndexBuilder;
use domain::privilege_groups::{GroupOrder, OrderBuilder};
use domain::text::thousands;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{FilterChips, PrivilegeBrowser, ReadyPrivileges, PAGE};
use crate::time_slice::{yield_to_page, TimeSlice};

/// Privileges prepared for search per step; a slice takes as many steps as fit in its time.
const PREPARE_STEP: usize = 500;

/// Prepares `data`, then shows the privilege browser. A list that is ready within the
/// first slice shows at once; a longer one shows how far preparing has come.
#[component]
pub fn PreparedPrivileges(data: Arc<Decoded<Privilege>>) -> impl IntoView {
    let total = data.items.len();
    let ready = RwSignal::new(None::<ReadyPrivileges>);
    let prepared = RwSignal::new(0);
    let mut builder = IndexBuilder::default();
    if prepare_slice(&mut builder, &data.items) {
        let order = GroupOrder::new(&data.items);
        ready.set(Some(ReadyPrivileges {
            index: Arc::new(builder.finish()),
            chips: FilterChips::new(&data.items, &order),
            order: Arc::new(order),
        }));
    } else {
        prepared.set(builder.len());
        let abandoned = Arc::new(AtomicBool::new(false));
        on_cleanup({
            let abandoned = abandoned.clone();
            move || abandoned.store(true, Ordering::Relaxed)
        });
        spawn_local(prepare_the_rest(
            builder,
            data.clone(),
            abandoned,
            prepared,
            ready,
        ));
    }
    move || match ready.get() {
        Some(ready) => view! { <PrivilegeBrowser data=data.clone() ready=ready/> }.into_any(),
        None => view! {
            <p class="loading" role="status" data-testid="preparing">
                <span class="spinner" aria-hidden="true"></span>
                "Preparing privileges for search: " {move || thousands(prepared.get())} " of "
                {thousands(total)} "…"
            </p>
        }
        .into_any(),
    }
}

/// Prepares what `builder` lacks a slice at a time, then numbers the owners and domains
/// the same way, then sorts them, builds the first page's rows, lists the filters' chips,
/// and makes the first render, each in a task of its own.
async fn prepare_the_rest(
    mut builder: IndexBuilder,
    data: Arc<Decoded<Privilege>>,
    abandoned: Arc<AtomicBool>,
    prepared: RwSignal<usize>,
    ready: RwSignal<Option<ReadyPrivileges>>,
) {
    let mut done = false;
    while !done {
        yield_to_page().await;
        if abandoned.load(Ordering::Relaxed) {
            return;
        }
        done = prepare_slice(&mut builder, &data.items);
        prepared.set(builder.len());
    }
    let mut numbering = OrderBuilder::default();
    loop {
        yield_to_page().await;
        if abandoned.load(Ordering::Relaxed) {
            return;
        }
        let slice = TimeSlice::start();
        while !numbering.prepare_more(&data.items, PREPARE_STEP) && !slice.is_over() {}
        if numbering.len() == data.items.len() {
            break;
        }
    }
    yield_to_page().await;
    if abandoned.load(Ordering::Relaxed) {
        return;
    }
    let ranked = numbering.rank();
    yield_to_page().await;
    if abandoned.load(Ordering::Relaxed) {
        return;
    }
    let order = ranked.finish();
    yield_to_page().await;
    if abandoned.load(Ordering::Relaxed) {
        return;
    }
    // The unfiltered first page's rows, built here and kept by the order: the first
    // render then only lays them out (one row may gather 100,000 targets).
    order.page(&data.items, &vec![true; data.items.len()], PAGE);
    yield_to_page().await;
    if abandoned.load(Ordering::Relaxed) {
        return;
    }
    let chips = FilterChips::new(&data.items, &order);
    yield_to_page().await;
    if !abandoned.load(Ordering::Relaxed) {
        ready.set(Some(ReadyPrivileges {
            index: Arc::new(builder.finish()),
            order: Arc::new(order),
            chips,
        }));
    }
}

/// Prepares privileges for one slice's time; true when all are prepared.
fn prepare_slice(builder: &mut IndexBuilder, privileges: &[Privilege]) -> bool {
    let slice = TimeSlice::start();
    loop {
        if builder.prepare_more(privileges, PREPARE_STEP) {
            return true;
        }
        if slice.is_over() {
            return false;
        }
    }
}
