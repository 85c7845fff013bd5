//! The only code that talks HTTP: one GET to a Coveo route, its status mapped to an
//! [`ApiError`] and its body decoded by the domain crate. The sending and reading is in
//! the `connect` chunk (fetched when the connection form is first used, before anything
//! can be sent), so the first load holds no HTTP code.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use crate::split::chunk_entry;
use crate::time_slice::Slices;
use domain::connection::{Connection, Ready};
use domain::decode::{
    DecodeError, Decoded, Feed, ListDecoder, ListFeed, Page, MAX_BODY_BYTES, MAX_ERROR_BODY_BYTES,
};
use domain::endpoint::{organizations_url, ApiUrl, Endpoint};
use domain::error::{ApiError, ResponseMeta};
use domain::redact::Redactor;
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
    RequestRedirect, ResponseType,
};

/// How long a request may take before it is abandoned.
pub const TIMEOUT_SECONDS: u32 = 20;

/// Everything one call needs. The token goes to the base's host and nowhere else. Made
/// for one send from the inputs as they are, and dropped with its answer.
#[derive(Debug)]
pub struct ApiRequest {
    base: ApiBase,
    url: ApiUrl,
    token: Token,
}

impl ApiRequest {
    /// A route of the connection's organization, and that connection (what the answer
    /// belongs to).
    pub fn new(ready: Ready, endpoint: Endpoint) -> (Connection, ApiRequest) {
        let Ready { connection, token } = ready;
        let request = ApiRequest {
            url: endpoint.url(&connection.base, &connection.org),
            base: connection.base.clone(),
            token,
        };
        (connection, request)
    }

    /// One page of the organizations the token reaches, on `base`.
    pub fn organizations(base: &ApiBase, token: &Token, page: u32) -> ApiRequest {
        ApiRequest {
            url: organizations_url(base, page),
            base: base.clone(),
            token: token.clone(),
        }
    }
}

/// GETs a small JSON answer whole (one object, or a list of a few hundred entries) and
/// reads it with `read`.
pub async fn get_small<T>(
    request: &ApiRequest,
    controller: &AbortController,
    read: fn(&[u8]) -> Result<T, DecodeError>,
) -> Result<T, ApiError> {
    let mut whole = Whole::default();
    let ready: FeedReady = Box::new(|_| Box::pin(async { Ok(&mut whole as &mut dyn Feed) }));
    get_into(request, controller, ready).await?;
    let body = match request
        .token
        .redactor()
        .and_then(|s| s.redact_bytes(&whole.0))
    {
        Some(redacted) => redacted,
        None => whole.0,
    };
    read(&body).map_err(ApiError::from_decode)
}

/// A body kept whole, for [`get_small`].
#[derive(Default)]
struct Whole(Vec<u8>);

impl Feed for Whole {
    fn feed(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn decode_some(&mut self, _budget: usize) -> Result<bool, DecodeError> {
        Ok(false)
    }
}

/// Something that comes later, or why it did not.
pub type Pending<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// The code that decodes a list of `T`, from the chunk that holds it: awaited only once
/// the answer is on its way, so that the chunk downloads while the request is out.
pub type ListReader<T> = Pending<Box<dyn ListFeed<T>>>;

/// GETs a list route and decodes it as a list of `T` with the decoder `reader` gives.
/// Aborting `controller` ends the call early; so does the time limit.
pub async fn get_list<T: 'static>(
    request: &ApiRequest,
    controller: &AbortController,
    reader: ListReader<T>,
) -> Result<Decoded<T>, ApiError> {
    let mut decoder = None;
    let slot = &mut decoder;
    let ready: FeedReady = Box::new(move |secret| {
        Box::pin(async move {
            let mut decoder = reader.await?;
            decoder.redact(secret);
            Ok(&mut **slot.insert(decoder) as &mut dyn Feed)
        })
    });
    get_into(request, controller, ready).await?;
    match decoder {
        Some(decoder) => decoder.finish().map_err(ApiError::from_decode),
        None => Err(ApiError::CodeMissing),
    }
}

/// [`get_list`] with `decoder` as it is set up (a page object read too, a limit): the
/// body decoded as it arrives, the token taken out of every entry.
pub async fn get_page<T: DeserializeOwned>(
    request: &ApiRequest,
    controller: &AbortController,
    decoder: ListDecoder<T>,
) -> Result<Page<T>, ApiError> {
    let mut slot = None;
    let ready: FeedReady = Box::new(|secret| {
        let decoder = slot.insert(decoder.redacting(secret));
        Box::pin(async { Ok(decoder as &mut dyn Feed) })
    });
    get_into(request, controller, ready).await?;
    match slot {
        Some(decoder) => decoder.finish_page().map_err(ApiError::from_decode),
        None => Err(ApiError::CodeMissing),
    }
}

/// The decoder a body goes to, made once the answer has come, told how to take the token
/// out of what it reads.
type FeedReady<'a> = Box<dyn FnOnce(Option<Redactor>) -> FeedComing<'a> + 'a>;
type FeedComing<'a> = Pin<Box<dyn Future<Output = Result<&'a mut dyn Feed, ApiError>> + 'a>>;

/// [`get_list`] for any kind of list: the body goes to the decoder `ready` gives as it
/// arrives. Not generic, so the wasm holds this code once for every list.
async fn get_into<'a>(
    request: &'a ApiRequest,
    controller: &'a AbortController,
    ready: FeedReady<'a>,
) -> Result<(), ApiError> {
    let send = http(()).await.map_err(|_| ApiError::CodeMissing)?;
    // Stopped (Forget, Cancel, a newer start) while the code was on its way: no request.
    if controller.signal().aborted() {
        return Err(ApiError::Network {
            host: request.base.host_label().to_owned(),
        });
    }
    send(request, controller, ready).await
}

/// [`get_into`]'s code, as the `connect` chunk hands it over.
type Send = for<'a> fn(
    &'a ApiRequest,
    &'a AbortController,
    FeedReady<'a>,
) -> Pin<Box<dyn Future<Output = Result<(), ApiError>> + 'a>>;

chunk_entry!(
    connect,
    fn http(_none: ()) -> Send {
        send_boxed
    }
);

fn send_boxed<'a>(
    request: &'a ApiRequest,
    controller: &'a AbortController,
    ready: FeedReady<'a>,
) -> Pin<Box<dyn Future<Output = Result<(), ApiError>> + 'a>> {
    Box::pin(send(request, controller, ready))
}

#[expect(
    clippy::disallowed_methods,
    reason = "the one place the token is read: its header"
)]
async fn send(
    request: &ApiRequest,
    controller: &AbortController,
    ready: FeedReady<'_>,
) -> Result<(), ApiError> {
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

    let url = &request.url;
    let response = HttpRequest::get(url.path())
        .query(url.query())
        .header("Accept", "application/json")
        .header("Authorization", &request.token.authorization())
        // Cookies stay home, and Coveo is not told which page asked.
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&controller.signal()))
        // A redirect is never followed: it could put another host's answer in place of
        // the chosen one's. "manual", not "error", so that the message can name it.
        .redirect(RequestRedirect::Manual)
        .send()
        .await
        .map_err(|_| failed())?;
    if response.type_() == ResponseType::Opaqueredirect {
        return Err(ApiError::Redirected {
            host: request.base.host_label().to_owned(),
        });
    }
    let status = response.status();
    let mut body = BodyChunks::of(&response);

    if !(200..300).contains(&status) {
        return Err(refusal(request, &response, &mut body)
            .await
            .unwrap_or_else(|_| failed()));
    }
    let decoder = match ready(request.token.redactor()).await {
        Ok(decoder) => decoder,
        Err(error) => {
            controller.abort();
            return Err(error);
        }
    };
    match decode_as_it_arrives(&mut body, decoder).await {
        Ok(Arrived::Decoded(decoded)) => decoded.map_err(ApiError::from_decode),
        Ok(Arrived::TooLarge) => {
            controller.abort();
            Err(ApiError::TooLarge {
                limit_mb: MAX_BODY_BYTES >> 20,
            })
        }
        Err(_) => Err(failed()),
    }
}

/// What an answer other than 2xx says, from the first bytes of its body, the token
/// taken out; `Err` when the body could not be read.
async fn refusal(
    request: &ApiRequest,
    response: &Response,
    body: &mut BodyChunks,
) -> Result<ApiError, JsValue> {
    let text = body.read_up_to(MAX_ERROR_BODY_BYTES).await?;
    let text = String::from_utf8_lossy(&text);
    let secret = request.token.redactor();
    Ok(ApiError::from_response_without(
        response.status(),
        &response_meta(response),
        &text,
        secret.as_ref(),
    ))
}

/// How a body's download ended.
enum Arrived {
    Decoded(Result<(), DecodeError>),
    /// Past [`MAX_BODY_BYTES`]: what came is dropped, the rest never read.
    TooLarge,
}

/// Body bytes decoded per step; a slice takes as many steps as fit in its time.
const STEP_BYTES: usize = 16 * 1024;

/// Decodes a list while it downloads, a slice at a time: even 50,000 keys never freeze
/// the page, and decoded bytes are let go, so the body is never held whole.
async fn decode_as_it_arrives(
    body: &mut BodyChunks,
    decoder: &mut dyn Feed,
) -> Result<Arrived, JsValue> {
    let (mut chunk, mut received) = (Vec::new(), 0);
    while body.next(&mut chunk).await? {
        received += chunk.len();
        if received > MAX_BODY_BYTES {
            return Ok(Arrived::TooLarge);
        }
        decoder.feed(&chunk);
        loop {
            match decoder.decode_some(STEP_BYTES) {
                Err(e) => return Ok(Arrived::Decoded(Err(e))),
                Ok(false) => break,
                Ok(true) => {
                    body.slices.pace().await;
                }
            }
        }
    }
    Ok(Arrived::Decoded(Ok(())))
}

/// A response body's chunks as the network delivers them. Not `text()`: decoding a large
/// body to a JavaScript string and re-encoding it into wasm memory froze the page; nor
/// `arrayBuffer()`: assembling it in one piece took a 30 ms task at 50,000 keys.
struct BodyChunks {
    reader: Option<ReadableStreamDefaultReader>,
    slices: Slices,
}

impl BodyChunks {
    fn of(response: &Response) -> BodyChunks {
        BodyChunks {
            reader: response
                .body()
                .map(|stream| stream.get_reader().unchecked_into()),
            slices: Slices::new(),
        }
    }

    /// Puts the next chunk in `chunk`; false at the end of the body.
    async fn next(&mut self, chunk: &mut Vec<u8>) -> Result<bool, JsValue> {
        let Some(reader) = &self.reader else {
            return Ok(false);
        };
        // Chunks already received resolve in microtasks, which never let the page paint.
        self.slices.pace().await;
        let read = JsFuture::from(reader.read()).await?;
        if Reflect::get(&read, &"done".into())?.is_truthy() {
            return Ok(false);
        }
        let bytes = Uint8Array::new(&Reflect::get(&read, &"value".into())?);
        chunk.resize(bytes.length() as usize, 0);
        bytes.copy_to(chunk);
        Ok(true)
    }

    /// The body's first `limit` bytes (an error response's): the rest is never read.
    async fn read_up_to(&mut self, limit: usize) -> Result<Vec<u8>, JsValue> {
        let (mut body, mut chunk) = (Vec::new(), Vec::new());
        while body.len() < limit && self.next(&mut chunk).await? {
            body.extend_from_slice(&chunk[..chunk.len().min(limit - body.len())]);
        }
        if let Some(reader) = self.reader.take() {
            // Lets go of what the network still brings; the answer is not awaited.
            let _ = reader.cancel();
        }
        Ok(body)
    }
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
