//! Which organization on which host a list is loaded from: the identity a loaded list
//! belongs to, so data is never shown for inputs it was not loaded with.

use domain::org_id::OrgId;
use domain::region::ApiBase;

use crate::api::ApiRequest;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Connection {
    pub base: ApiBase,
    pub org: OrgId,
}

impl Connection {
    pub fn of(request: &ApiRequest) -> Connection {
        Connection {
            base: request.base.clone(),
            org: request.org.clone(),
        }
    }
}
