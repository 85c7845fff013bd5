//! What follows an organization's key list: its API key templates and its home region.
//! Made by the `connect` chunk when it comes, and provided to the whole page, so that the
//! first load carries none of it; the views read it when it is there.

use std::future::Future;
use std::sync::Arc;

use domain::endpoint::Endpoint;
use domain::error::ApiError;
use domain::organizations::OrgHome;
use domain::templates::Templates;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

use crate::api::{self, ApiRequest};
use crate::app::lists::{live_origin, Lists};
use crate::fetch::Fetch;
use crate::loader::Loader;

/// The templates and the home region of the organization the inputs point to.
#[derive(Clone, Copy)]
pub struct OrgExtras {
    /// The organization's API key templates, which name each key's template.
    pub templates: Fetch<Arc<Templates>>,
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
        self.fetch(
            self.templates,
            Endpoint::KeyTemplates,
            |request, controller| async move {
                let page = api::get_page(&request, &controller, Templates::decoder()).await?;
                Ok(Arc::new(Templates::from_decoded(page)))
            },
        );
    }

    /// Asks where the organization lives.
    pub fn load_home(&self) {
        self.fetch(
            self.home,
            Endpoint::OrganizationHome,
            |request, controller| async move {
                api::get_small(&request, &controller, OrgHome::read).await
            },
        );
    }

    /// The templates of the organization `loader`'s list came from, once they are in
    /// (tracked).
    pub fn templates_of<T>(&self, loader: Loader<T>) -> Option<Arc<Templates>>
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

    /// Sends `endpoint`'s request with the inputs as they are now, through `get`; without
    /// a request to make, forgets what `fetch` held.
    fn fetch<T, F>(
        &self,
        fetch: Fetch<T>,
        endpoint: Endpoint,
        get: impl FnOnce(ApiRequest, AbortController) -> F,
    ) where
        T: Send + Sync + 'static,
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        match self.lists.request(endpoint) {
            Ok((connection, request)) => {
                fetch.start(Some(connection), move |controller| get(request, controller))
            }
            Err(_) => fetch.clear(),
        }
    }
}

/// The page's `OrgExtras`, once the `connect` chunk has made them.
pub fn use_org_extras() -> Option<OrgExtras> {
    use_context::<OrgExtras>()
}
