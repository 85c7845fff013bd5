//! Privileges made ready to show: the search index prepared a slice at a time, then the
//! groups' order in a task of its own, so that even a hostile list of 100,000 privileges
//! never holds the page for long.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::Privilege;
use domain::privilege_explorer::IndexBuilder;
use domain::privilege_groups::{GroupOrder, OrderBuilder};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{FilterChips, PrivilegeBrowser, ReadyPrivileges};
use crate::components::preparing_status::PreparingStatus;
use crate::time_slice::{in_one_slice, Abandoned};

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
        spawn_local(prepare_the_rest(
            builder,
            data.clone(),
            Abandoned::on_cleanup(),
            prepared,
            ready,
        ));
    }
    move || match ready.get() {
        Some(ready) => view! { <PrivilegeBrowser data=data.clone() ready=ready/> }.into_any(),
        None => {
            view! { <PreparingStatus what="privileges" prepared=prepared total=total/> }.into_any()
        }
    }
}

/// Prepares what `builder` lacks a slice at a time, then numbers the owners and domains
/// the same way, then sorts them, builds the large rows, lists the filters' chips,
/// and makes the first render, each in a task of its own.
async fn prepare_the_rest(
    mut builder: IndexBuilder,
    data: Arc<Decoded<Privilege>>,
    abandoned: Abandoned,
    prepared: RwSignal<usize>,
    ready: RwSignal<Option<ReadyPrivileges>>,
) {
    let items = &data.items;
    let mut done = false;
    while !done {
        if !abandoned.next_turn().await {
            return;
        }
        done = prepare_slice(&mut builder, items);
        prepared.set(builder.len());
    }
    let mut numbering = OrderBuilder::default();
    let mut numbered = false;
    while !numbered {
        if !abandoned.next_turn().await {
            return;
        }
        numbered = in_one_slice(|| numbering.prepare_more(items, PREPARE_STEP));
    }
    if !abandoned.next_turn().await {
        return;
    }
    let ranked = numbering.rank();
    if !abandoned.next_turn().await {
        return;
    }
    let mut order = ranked.finish();
    // The large rows, built whole and kept by the order: a render then only lays them
    // out (one row may gather 100,000 targets).
    let mut built = false;
    while !built {
        if !abandoned.next_turn().await {
            return;
        }
        built = in_one_slice(|| order.build_whole_rows_more(items, 1));
    }
    if !abandoned.next_turn().await {
        return;
    }
    let chips = FilterChips::new(items, &order);
    if abandoned.next_turn().await {
        ready.set(Some(ReadyPrivileges {
            index: Arc::new(builder.finish()),
            order: Arc::new(order),
            chips,
        }));
    }
}

/// Prepares privileges for one slice's time; true when all are prepared.
fn prepare_slice(builder: &mut IndexBuilder, privileges: &[Privilege]) -> bool {
    in_one_slice(|| builder.prepare_more(privileges, PREPARE_STEP))
}
