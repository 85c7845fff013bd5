//! Keys made ready to show: prepared for search a slice at a time, then sorted, so that
//! even 50,000 keys never freeze the page.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::key_list::{KeyIndex, Sort};
use domain::model::ApiKey;
use leptos::prelude::*;

use super::browser::{KeyBrowser, ReadyKeys};
use crate::app::navigation::Navigation;
use crate::app::state::use_app;
use crate::components::key_picker::KeyIndexPreparation;
use crate::components::preparing::{preparing, Preparation};
use crate::time_slice::Slices;

/// Prepares `data` for search, then shows the key browser.
#[component]
pub fn PreparedKeys(data: Arc<Decoded<ApiKey>>) -> impl IntoView {
    let nav = use_app().nav;
    let total = data.items.len();
    let work = KeyPreparation {
        keys: KeyIndexPreparation::new(data.clone()),
        nav,
    };
    preparing(work, "keys", total, move |keys| {
        view! { <KeyBrowser data=data.clone() keys=keys/> }
    })
}

/// The keys' search index, a step at a time, then their order.
struct KeyPreparation {
    keys: KeyIndexPreparation,
    nav: Navigation,
}

impl Preparation for KeyPreparation {
    type Ready = ReadyKeys;

    fn step(&mut self) -> bool {
        self.keys.step()
    }

    fn prepared(&self) -> usize {
        self.keys.prepared()
    }

    fn finish_now(self) -> ReadyKeys {
        let sort = self.nav.with_untracked(|u| u.keys.sort);
        sorted(self.keys.index, &self.keys.data.items, sort)
    }

    /// The sort, then the first render in a task of its own when the sort has used a
    /// slice's time (50,000 keys), so that no frame waits for both.
    async fn finish(self, mut slices: Slices) -> Option<ReadyKeys> {
        let keys = self.finish_now();
        slices.pace().await.then_some(keys)
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
