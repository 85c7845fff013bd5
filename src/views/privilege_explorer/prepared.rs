//! Privileges made ready to show: the search index prepared a slice at a time, then the
//! groups' order in a task of its own, so that even a hostile list of 100,000 privileges
//! never holds the page for long.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::Privilege;
use domain::privilege_explorer::IndexBuilder;
use domain::privilege_groups::{GroupOrder, OrderBuilder};
use leptos::prelude::*;

use super::browser::{FilterChips, PrivilegeBrowser, ReadyPrivileges};
use crate::components::preparing::{preparing, Preparation};
use crate::time_slice::Slices;

/// Privileges prepared for search per step; a slice takes as many steps as fit in its time.
const PREPARE_STEP: usize = 500;

/// Prepares `data`, then shows the privilege browser.
#[component]
pub fn PreparedPrivileges(data: Arc<Decoded<Privilege>>) -> impl IntoView {
    let total = data.items.len();
    let work = PrivilegePreparation {
        builder: IndexBuilder::default(),
        data: data.clone(),
    };
    preparing(work, "privileges", total, move |ready| {
        view! { <PrivilegeBrowser data=data.clone() ready=ready/> }
    })
}

/// The privileges' search index, a step at a time, then the groups' order.
struct PrivilegePreparation {
    builder: IndexBuilder,
    data: Arc<Decoded<Privilege>>,
}

impl Preparation for PrivilegePreparation {
    type Ready = ReadyPrivileges;

    fn step(&mut self) -> bool {
        self.builder.prepare_more(&self.data.items, PREPARE_STEP)
    }

    fn prepared(&self) -> usize {
        self.builder.len()
    }

    fn finish_now(self) -> ReadyPrivileges {
        let order = GroupOrder::new(&self.data.items);
        ReadyPrivileges {
            index: Arc::new(self.builder.finish()),
            chips: FilterChips::new(&self.data.items, &order),
            order: Arc::new(order),
        }
    }

    /// Numbers the owners and domains a slice at a time, then sorts them, builds the
    /// large rows, lists the filters' chips, and makes the first render, each in a task
    /// of its own.
    async fn finish(self, mut slices: Slices) -> Option<ReadyPrivileges> {
        let items = &self.data.items;
        let mut numbering = OrderBuilder::default();
        let number = slices.run(
            &mut numbering,
            |n| n.prepare_more(items, PREPARE_STEP),
            |_| (),
        );
        if !number.await || !slices.next_turn().await {
            return None;
        }
        let ranked = numbering.rank();
        if !slices.next_turn().await {
            return None;
        }
        let mut order = ranked.finish();
        // The large rows, built whole and kept by the order: a render then only lays them
        // out (one row may gather 100,000 targets).
        let build = slices.run(&mut order, |o| o.build_whole_rows_more(items, 1), |_| ());
        if !build.await || !slices.next_turn().await {
            return None;
        }
        let chips = FilterChips::new(items, &order);
        slices.next_turn().await.then(|| ReadyPrivileges {
            index: Arc::new(self.builder.finish()),
            order: Arc::new(order),
            chips,
        })
    }
}
