//! Which organization on which host a request is for: the identity a loaded list
//! belongs to, so data is never shown for inputs it was not loaded with.

use domain::org_id::OrgId;
use domain::region::ApiBase;

use crate::api::ApiRequest;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    pub base: ApiBase,
    pub org: OrgId,
}

impl Target {
    pub fn of(request: &ApiRequest) -> Target {
        Target {
            base: request.base.clone(),
            org: request.org.clone(),
        }
    }
}
