//! The organizations the token reaches, asked once a token is entered, a page at a time,
//! for the organization picker and the folded connection line. A listing belongs to the
//! host and token it started with: it pages from that host with that token, is abandoned
//! when either changes, and is offered only while the inputs still hold them.

use domain::connection::{Asker, ConnectionInputs};
use domain::organizations::{OrgDirectory, OrgPage, Reachable};
use leptos::prelude::*;

use crate::api::{self, ApiRequest};
use crate::app::lists::not_sent;
use crate::loader::{Attempt, LoadState, Loader};
use crate::time_slice;

/// The organization list's handle, made by the connection panel over the list's loader
/// (which the app's lists hold, so that "Forget token" stops it with the others).
#[derive(Clone, Copy)]
pub struct Directory {
    fetch: Loader<Reachable, ()>,
    inputs: Memo<ConnectionInputs>,
    /// The host and token of the listing in flight or shown.
    asked_by: StoredValue<Option<Asker>>,
}

impl Directory {
    pub fn new(inputs: Memo<ConnectionInputs>, fetch: Loader<Reachable, ()>) -> Directory {
        let directory = Directory {
            fetch,
            inputs,
            asked_by: StoredValue::new(None),
        };
        // Another host or token (an edit, "Forget token"): the listing is not theirs.
        let asker = Memo::new(move |_| inputs.with(ConnectionInputs::asker));
        Effect::watch(
            move || asker.get(),
            move |asker, _, _| {
                if directory.asked_by.get_value() != *asker {
                    directory.asked_by.set_value(None);
                    directory.fetch.cancel();
                }
            },
            false,
        );
        directory
    }

    /// Reads the list's state (tracked); a list of another host or token reads as none.
    pub fn with<R>(&self, read: impl FnOnce(&LoadState<Reachable, ()>) -> R) -> R {
        let theirs = self.inputs.with(ConnectionInputs::asker) == self.asked_by.get_value();
        self.fetch.state().with(|state| {
            if theirs {
                read(state)
            } else {
                read(&LoadState::Idle)
            }
        })
    }

    /// Asks for the list with the token and API base as they are now; nothing when
    /// either is unusable. Each page's request is made when it is sent, from the inputs
    /// at that moment, and only while they still hold the host and token the listing
    /// started with: a token forgotten or edited between pages is not sent, and no page
    /// goes to another host.
    pub fn refresh(&self) {
        let Some(asker) = self.inputs.with_untracked(ConnectionInputs::asker) else {
            return;
        };
        self.asked_by.set_value(Some(asker.clone()));
        let inputs = self.inputs;
        let list = move |controller| async move {
            let mut orgs = Vec::new();
            let mut page = 0;
            loop {
                let still = inputs.with_untracked(ConnectionInputs::asker).as_ref() == Some(&asker);
                let request = signed_in(inputs)
                    .filter(|_| still)
                    .ok_or_else(|| inputs.with_untracked(not_sent))?;
                let answer = api::get_page(&request(page), &controller, OrgPage::decoder()).await;
                let answer = OrgPage::from_decoded(answer?);
                let (total, kept) = (answer.total_entries, orgs.len() + answer.orgs.len());
                let (next, partial) = (answer.next_page(page, kept), answer.cut_here(page, kept));
                orgs.extend(answer.orgs);
                match next {
                    Some(next) => page = next,
                    None => {
                        time_slice::yield_to_page().await;
                        return Ok(Reachable {
                            orgs: OrgDirectory::new(orgs),
                            partial,
                            total,
                        });
                    }
                }
            }
        };
        self.fetch.start((), Attempt::User, list, None);
    }
}

/// A maker of the list's page requests, when the token and API base can make one.
fn signed_in(inputs: Memo<ConnectionInputs>) -> Option<impl Fn(u32) -> ApiRequest> {
    inputs.with_untracked(|inputs| {
        let token = inputs.token.clone().ok()?;
        let base = inputs.base.clone().ok()?;
        Some(move |page| ApiRequest::organizations(&base, &token, page))
    })
}
