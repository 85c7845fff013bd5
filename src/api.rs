//! The only code that talks HTTP: one GET to a Coveo route, its status mapped to an
//! [`ApiError`] and its body decoded by the domain crate.

use std::cell::Cell;
use std::rc::Rc;

use domain::decode::{decode_list, DecodeError, Decoded, Elements};
use domain::endpoint::Endpoint;
use domain::error::{ApiError, ResponseMeta};
use domain::org_id::OrgId;
use domain::region::ApiBase;
use domain::token::Token;
use gloo_net::http::{Request as HttpRequest, Response};
use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use serde::de::DeserializeOwned;
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials};

/// How long a request may take before it is abandoned.
pub const TIMEOUT_SECONDS: u32 = 20;

/// Everything one call needs. The token goes to `base` and nowhere else.
#[derive(Clone, Debug)]
pub struct ApiRequest {
    pub base: ApiBase,
    pub org: OrgId,
    pub token: Token,
    pub endpoint: Endpoint,
}

impl ApiRequest {
    /// The same organization, host and token, for another route.
    pub fn with_endpoint(&self, endpoint: Endpoint) -> ApiRequest {
        ApiRequest {
            endpoint,
            ..self.clone()
        }
    }
}

/// GETs a list route. Aborting `controller` ends the call early; so does the time limit.
pub async fn get_list<T: DeserializeOwned>(
    request: &ApiRequest,
    controller: &AbortController,
) -> Result<Decoded<T>, ApiError> {
    let timed_out = Rc::new(Cell::new(false));
    let _deadline = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        Timeout::new(TIMEOUT_SECONDS * 1000, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let failed = || {
        if timed_out.get() {
            ApiError::Timeout {
                seconds: TIMEOUT_SECONDS,
            }
        } else {
            ApiError::Network {
                host: request.base.host_label().to_owned(),
            }
        }
    };

    let response = HttpRequest::get(&request.endpoint.path_url(&request.base, &request.org))
        .query(request.endpoint.query())
        .header("Accept", "application/json")
        .header("Authorization", &request.token.authorization())
        // Cookies stay home, and Coveo is not told which page asked.
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&controller.signal()))
        .send()
        .await
        .map_err(|_| failed())?;
    let status = response.status();
    let body = response.text().await.map_err(|_| failed())?;

    if !(200..300).contains(&status) {
        let mut error = ApiError::from_response(status, &response_meta(&response), &body);
        error.redact(request.token.expose());
        return Err(error);
    }
    decode_in_chunks(&body, controller)
        .await
        .map_err(ApiError::from_decode)?
        .ok_or_else(failed)
}

/// JSON text decoded per slice; the page paints between slices.
const CHUNK_BYTES: usize = 256 * 1024;

/// Decodes a list a slice at a time, yielding to the browser between slices so that even
/// 50,000 keys never freeze the page for long. `None` when the call was abandoned.
async fn decode_in_chunks<T: DeserializeOwned>(
    body: &str,
    controller: &AbortController,
) -> Result<Option<Decoded<T>>, DecodeError> {
    let Some(mut elements) = Elements::new(body) else {
        return decode_list(body).map(Some);
    };
    let mut decoded = Decoded::new();
    while !elements.is_done() {
        decoded.take(elements.next_chunk(CHUNK_BYTES)?)?;
        if !elements.is_done() {
            TimeoutFuture::new(0).await;
            if controller.signal().aborted() {
                return Ok(None);
            }
        }
    }
    Ok(Some(decoded))
}

fn response_meta(response: &Response) -> ResponseMeta {
    let headers = response.headers();
    ResponseMeta {
        retry_after: headers.get("retry-after"),
        request_id: headers.get("x-request-id"),
        firewall_block: headers
            .get("x-coveo-waf-action")
            .is_some_and(|action| action.eq_ignore_ascii_case("block")),
    }
}
