//! The organizations the token reaches, asked once a token is entered, a page at a time,
//! for the organization picker and the folded connection line.

use domain::connection::ConnectionInputs;
use domain::error::ApiError;
use domain::organizations::{OrgDirectory, OrgPage};
use leptos::prelude::*;

use crate::api::{self, ApiRequest};
use crate::fetch::{Fetch, FetchState};

/// Every organization the list gave, and whether it stopped at the app's page limit.
#[derive(Debug, Default)]
pub struct Reachable {
    pub orgs: OrgDirectory,
    pub partial: bool,
}

/// The organization list's handle, made by the connection panel.
#[derive(Clone, Copy)]
pub struct Directory {
    fetch: Fetch<Reachable>,
    inputs: Memo<ConnectionInputs>,
}

impl Directory {
    pub fn new(inputs: Memo<ConnectionInputs>) -> Directory {
        Directory {
            fetch: Fetch::new(),
            inputs,
        }
    }

    /// Reads the list's state (tracked).
    pub fn with<R>(&self, read: impl FnOnce(FetchState<&Reachable>) -> R) -> R {
        self.fetch.with(read)
    }

    /// Asks for the list with the token and API base as they are now; nothing when
    /// either is unusable. Each page's request is made when it is sent, from the inputs
    /// at that moment, so a token forgotten between pages is not sent again.
    pub fn refresh(&self) {
        if signed_in(self.inputs).is_none() {
            return;
        }
        let inputs = self.inputs;
        self.fetch.start(None, move |controller| async move {
            let mut orgs = Vec::new();
            let mut page = 0;
            loop {
                let request = signed_in(inputs).ok_or(ApiError::NotSent(
                    domain::connection::NotReady::Token(domain::token::TokenError::Empty),
                ))?;
                let answer = api::get_small(&request(page), &controller, OrgPage::read).await?;
                let (next, partial) = (answer.next_page(page), answer.cut_at_limit(page));
                orgs.extend(answer.orgs);
                match next {
                    Some(next) => page = next,
                    None => {
                        return Ok(Reachable {
                            orgs: OrgDirectory::new(orgs),
                            partial,
                        })
                    }
                }
            }
        });
    }

    /// Stops asking (the token was forgotten); a list already in stays.
    pub fn stop(&self) {
        self.fetch.stop();
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
