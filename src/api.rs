//! The only code that talks HTTP: one GET to a Coveo route, its status mapped to an
//! [`ApiError`] and its body decoded by the domain crate.

use std::cell::Cell;
use std::rc::Rc;

use crate::time_slice::{yield_to_page, TimeSlice};
use domain::decode::{decode_list, DecodeError, Decoded, Elements};
use domain::endpoint::Endpoint;
use domain::error::{ApiError, ResponseMeta};
use domain::org_id::OrgId;
use domain::region::ApiBase;
use domain::token::Token;
use gloo_net::http::{Request as HttpRequest, Response};
use gloo_timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, ReferrerPolicy, RequestCache, RequestCredentials,
};

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
    let body = read_body(&response).await.map_err(|_| failed())?;

    if !(200..300).contains(&status) {
        let body = String::from_utf8_lossy(&body);
        let mut error = ApiError::from_response(status, &response_meta(&response), &body);
        error.redact(request.token.expose());
        return Err(error);
    }
    decode_in_chunks(&body, controller)
        .await
        .map_err(ApiError::from_decode)?
        .ok_or_else(failed)
}

/// JSON text decoded per step; a slice takes as many steps as fit in its time.
const STEP_BYTES: usize = 16 * 1024;

/// Decodes a list a slice at a time, yielding to the browser between slices so that even
/// 50,000 keys never freeze the page. `None` when the call was abandoned.
async fn decode_in_chunks<T: DeserializeOwned>(
    body: &[u8],
    controller: &AbortController,
) -> Result<Option<Decoded<T>>, DecodeError> {
    let Some(mut elements) = Elements::new(body) else {
        return decode_list(body).map(Some);
    };
    let mut decoded = Decoded::new();
    loop {
        let slice = TimeSlice::start();
        while !elements.is_done() && !slice.is_over() {
            decoded.take(elements.next_chunk(STEP_BYTES)?)?;
        }
        if elements.is_done() {
            return Ok(Some(decoded));
        }
        yield_to_page().await;
        if controller.signal().aborted() {
            return Ok(None);
        }
    }
}

/// The body's bytes, read as they arrive. Not `text()`: decoding a large body to a
/// JavaScript string and re-encoding it into wasm memory froze the page; nor
/// `arrayBuffer()`: assembling it in one piece took a 30 ms task at 50,000 keys. The
/// chunks from the network are copied a slice at a time.
async fn read_body(response: &Response) -> Result<Vec<u8>, JsValue> {
    let expected = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = Vec::with_capacity(expected.min(MAX_RESERVE_BYTES));
    let Some(stream) = response.body() else {
        return Ok(body);
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut slice = TimeSlice::start();
    loop {
        // Chunks already received resolve in microtasks, which never let the page paint.
        if slice.is_over() {
            yield_to_page().await;
            slice = TimeSlice::start();
        }
        let chunk = JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &"done".into())?.is_truthy() {
            return Ok(body);
        }
        let bytes = Uint8Array::new(&Reflect::get(&chunk, &"value".into())?);
        let start = body.len();
        body.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut body[start..]);
    }
}

/// The most a `Content-Length` header can make the client reserve up front.
const MAX_RESERVE_BYTES: usize = 64 * 1024 * 1024;

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
