//! A long list made ready to show (its search index prepared, then sorted or grouped)
//! in slices while the page stays usable, saying how far it has come: the one skeleton
//! both views' lists are prepared in.

use std::future::Future;

use domain::text::thousands;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::time_slice::Slices;

/// What preparing a list takes: steps over its entries, then what follows them.
pub trait Preparation: 'static {
    /// What the list's view is shown with once all is done.
    type Ready: Clone + Send + Sync + 'static;

    /// Prepares a few more entries; true once all are.
    fn step(&mut self) -> bool;

    /// How many entries are prepared.
    fn prepared(&self) -> usize;

    /// What follows, when all was prepared within the first slice: at once.
    fn finish_now(self) -> Self::Ready;

    /// What follows, each long part in a task of its own (`slices.next_turn()` between
    /// them); `None` when the work was abandoned.
    fn finish(self, slices: Slices) -> impl Future<Output = Option<Self::Ready>>;
}

/// Prepares `work` over `total` entries of `what`, then shows `view` of what is ready. A
/// list that is ready within the first slice shows at once; a longer one says how far
/// preparing has come, and is dropped unfinished when the calling component is.
pub fn preparing<P, V>(
    mut work: P,
    what: &'static str,
    total: usize,
    view: impl Fn(P::Ready) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    P: Preparation,
    V: IntoView + 'static,
{
    let ready = RwSignal::new(None::<P::Ready>);
    let prepared = RwSignal::new(0);
    let mut slices = Slices::owned();
    if slices.run_in_this_slice(|| work.step()) {
        ready.set(Some(work.finish_now()));
    } else {
        prepared.set(work.prepared());
        spawn_local(async move {
            let count = |work: &mut P| prepared.set(work.prepared());
            if !slices.run(&mut work, P::step, count).await || !slices.next_turn().await {
                return;
            }
            if let Some(done) = work.finish(slices).await {
                ready.set(Some(done));
            }
        });
    }
    move || match ready.get() {
        Some(ready) => view(ready).into_any(),
        None => view! { <PreparingStatus what=what prepared=prepared total=total/> }.into_any(),
    }
}

/// "Preparing `what` for search: 1,000 of 50,000…", with a spinner.
#[component]
fn PreparingStatus(
    what: &'static str,
    #[prop(into)] prepared: Signal<usize>,
    total: usize,
) -> impl IntoView {
    view! {
        <p class="loading" role="status" data-testid="preparing">
            <span class="spinner" aria-hidden="true"></span>
            "Preparing " {what} " for search: " {move || thousands(prepared.get())} " of "
            {thousands(total)} "…"
        </p>
    }
}
