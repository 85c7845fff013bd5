//! What follows an organization's key list: its API key templates and its home region.
//! Made by the `connect` chunk when it comes, and provided to the whole page, so that the
//! first load carries none of it; the views read it when it is there.

use domain::decode::DecodeError;
use domain::endpoint::Endpoint;
use domain::error::ApiError;
use domain::organizations::OrgHome;
use domain::templates::Templates;
use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::api;
use crate::app::lists::{live_origin, Lists};
use crate::fetch::Fetch;
use crate::loader::Loader;

/// The templates and the home region of the organization the inputs point to.
#[derive(Clone, Copy)]
pub struct OrgExtras {
    /// The organization's API key templates, which name each key's template.
    pub templates: Fetch<Templates>,
    /// Where the organization lives, to offer its region when another one is chosen.
    pub home: Fetch<OrgHome>,
    lists: Lists,
}

impl OrgExtras {
    /// Makes them and provides them to the whole page (the root of its owners), where
    /// the views look for them.
    pub fn provide(lists: Lists) -> OrgExtras {
        let extras = OrgExtras {
            templates: Fetch::new(),
            home: Fetch::new(),
            lists,
        };
        let mut root = Owner::current();
        while let Some(parent) = root.as_ref().and_then(Owner::parent) {
            root = Some(parent);
        }
        if let Some(root) = root {
            root.with(|| provide_context(extras));
        }
        extras
    }

    /// Asks for the organization's API key templates (again).
    pub fn load_templates(&self) {
        self.fetch_small(self.templates, Endpoint::KeyTemplates, Templates::read);
    }

    /// Asks where the organization lives.
    pub fn load_home(&self) {
        self.fetch_small(self.home, Endpoint::OrganizationHome, OrgHome::read);
    }

    /// The templates of the organization `loader`'s list came from, once they are in
    /// (tracked).
    pub fn templates_of<T>(&self, loader: Loader<T>) -> Option<Templates>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let connection = loader.state().with(live_origin)?;
        self.templates
            .with(|s| s.ready_for(Some(&connection)).cloned())
    }

    /// Why the templates of the organization `loader`'s list came from could not be
    /// had, if they could not (tracked).
    pub fn templates_failure_of<T>(&self, loader: Loader<T>) -> Option<ApiError>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let connection = loader.state().with(live_origin)?;
        self.templates
            .with(|s| s.failed_for(Some(&connection)).cloned())
    }

    /// Stops both fetches (the token went).
    pub fn stop(&self) {
        self.templates.stop();
        self.home.stop();
    }

    /// Sends a small route's request with the inputs as they are now; without a request
    /// to make, forgets what `fetch` held.
    fn fetch_small<T: Send + Sync + 'static>(
        &self,
        fetch: Fetch<T>,
        endpoint: Endpoint,
        read: fn(&[u8]) -> Result<T, DecodeError>,
    ) {
        match self.lists.request(endpoint) {
            Ok((connection, request)) => fetch
                .start(Some(connection), move |controller| async move {
                    api::get_small(&request, &controller, read).await
                }),
            Err(_) => fetch.clear(),
        }
    }
}

/// The page's `OrgExtras`, once the `connect` chunk has made them.
pub fn use_org_extras() -> Option<OrgExtras> {
    use_context::<OrgExtras>()
}
