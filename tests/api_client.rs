//! The real HTTP client (gloo-net in headless Chromium) against the test Coveo API on
//! loopback: success, each failure mapped, CORS and connection failures.
//!
//! The server address comes from `KEY_EXPLORER_TEST_API` at build time; `xtask/run test`
//! starts the server and sets it.

#![cfg(target_arch = "wasm32")]

use coveo_key_explorer::api::{get_list, get_page, get_small, ApiRequest, ListReader};
use domain::connection::{Connection, Ready};
use domain::decode::{list_feed, Decoded};
use domain::endpoint::Endpoint;
use domain::error::ApiError;
use domain::model::{ApiKey, Privilege, Target};
use domain::org_id::OrgId;
use domain::organizations::{OrgHome, OrgPage};
use domain::region::{ApiBase, Region};
use domain::templates::Templates;
use domain::token::Token;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::AbortController;

wasm_bindgen_test_configure!(run_in_browser);

const TEST_TOKEN: &str = "test-token-0123456789";

fn server() -> &'static str {
    // `option_env!` rather than `env!`, so lint and `cargo check` build without the
    // server; a test run without it fails loudly here.
    match option_env!("KEY_EXPLORER_TEST_API") {
        Some(url) => url,
        None => panic!(
            "KEY_EXPLORER_TEST_API is not set: run these tests with `xtask/run test`, which starts the test API server"
        ),
    }
}

fn request(base: &str, org: &str, token: &str, endpoint: Endpoint) -> ApiRequest {
    let ready = Ready {
        connection: Connection {
            base: ApiBase::parse(base).unwrap(),
            org: OrgId::parse(org).unwrap(),
        },
        token: Token::parse(token).unwrap(),
    };
    ApiRequest::new(ready, endpoint).1
}

/// The list's decoder, as the chunk that holds it gives it.
fn reader<T: serde::de::DeserializeOwned + 'static>() -> ListReader<T> {
    Box::pin(async { Ok(list_feed()) })
}

async fn keys(org: &str, token: &str) -> Result<Decoded<ApiKey>, ApiError> {
    let controller = AbortController::new().unwrap();
    get_list(
        &request(server(), org, token, Endpoint::ApiKeys),
        &controller,
        reader(),
    )
    .await
}

#[wasm_bindgen_test]
async fn keys_load_and_decode_from_a_real_server() {
    let decoded = keys("testorg", TEST_TOKEN).await.unwrap();
    assert_eq!(decoded.items.len(), 3);
    assert_eq!(decoded.skipped, 1);
    assert_eq!(decoded.items[0].id, "wduuqg3ip2c3i3gpopapxhcgxe");
    assert_eq!(
        decoded.items[1].privileges[0].target,
        Target::All,
        "legacy global: true reads as all targets"
    );
}

// The decoder comes from a chunk: when it does not, the list fails with that reason, and
// the answer on its way is let go.
#[wasm_bindgen_test]
async fn a_list_whose_reader_does_not_come_fails_with_that_reason() {
    let controller = AbortController::new().unwrap();
    let missing: ListReader<ApiKey> = Box::pin(async { Err(ApiError::CodeMissing) });
    let result = get_list(
        &request(server(), "testorg", TEST_TOKEN, Endpoint::ApiKeys),
        &controller,
        missing,
    )
    .await;
    assert_eq!(result, Err(ApiError::CodeMissing));
    assert!(controller.signal().aborted());
}

#[wasm_bindgen_test]
async fn privileges_load_from_a_real_server() {
    let controller = AbortController::new().unwrap();
    let decoded: Decoded<Privilege> = get_list(
        &request(
            server(),
            "testorg",
            TEST_TOKEN,
            Endpoint::AssignablePrivileges { custom_only: false },
        ),
        &controller,
        reader(),
    )
    .await
    .unwrap();
    assert_eq!(decoded.items[0].target_domain, "AUTHENTICATION_EDITOR");
    assert_eq!(decoded.items[0].kind, None);
}

#[wasm_bindgen_test]
async fn a_wrong_token_is_unauthorized_with_coveo_details() {
    let error = keys("testorg", "not-the-token").await.unwrap_err();
    let ApiError::Unauthorized(details) = error else {
        panic!("{error:?}")
    };
    assert_eq!(details.error_code.as_deref(), Some("INVALID_TOKEN"));
    assert!(details.request_id.is_some());
}

#[wasm_bindgen_test]
async fn each_failing_status_maps_to_its_error() {
    assert!(matches!(
        keys("org-403", TEST_TOKEN).await,
        Err(ApiError::Forbidden {
            firewall: false,
            ..
        })
    ));
    assert!(matches!(
        keys("no-such-org", TEST_TOKEN).await,
        Err(ApiError::NotFound(_))
    ));
    assert!(matches!(
        keys("org-500", TEST_TOKEN).await,
        Err(ApiError::Server { status: 500, .. })
    ));
    assert_eq!(
        keys("org-badjson", TEST_TOKEN).await,
        Err(ApiError::Incomplete)
    );
    assert_eq!(keys("org-portal", TEST_TOKEN).await, Err(ApiError::NotJson));
    assert_eq!(
        keys("org-wrongshape", TEST_TOKEN).await,
        Err(ApiError::UnexpectedShape { found: "an object" })
    );
}

#[wasm_bindgen_test]
async fn rate_limit_reads_the_exposed_retry_after_header() {
    assert!(matches!(
        keys("org-429", TEST_TOKEN).await,
        Err(ApiError::RateLimited {
            retry_after_secs: Some(3),
            ..
        })
    ));
}

// Regression: a 302 to another origin was followed, and its answer shown as the chosen
// organization's keys.
#[wasm_bindgen_test]
async fn a_redirect_is_not_followed_and_is_named() {
    let error = keys("org-redirect", TEST_TOKEN).await.unwrap_err();
    assert!(
        matches!(error, ApiError::Redirected { ref host } if host.starts_with("127.0.0.1:")),
        "{error:?}"
    );
    assert!(error.title().contains("redirect"), "{}", error.title());
}

#[wasm_bindgen_test]
async fn a_response_without_cors_headers_is_a_network_or_cors_error() {
    let error = keys("org-nocors", TEST_TOKEN).await.unwrap_err();
    assert!(matches!(error, ApiError::Network { ref host } if host.starts_with("127.0.0.1:")));
}

#[wasm_bindgen_test]
async fn a_refused_connection_is_a_network_error_naming_the_host() {
    let controller = AbortController::new().unwrap();
    let result: Result<Decoded<ApiKey>, ApiError> = get_list(
        &request(
            "http://127.0.0.1:9",
            "testorg",
            TEST_TOKEN,
            Endpoint::ApiKeys,
        ),
        &controller,
        reader(),
    )
    .await;
    assert_eq!(
        result,
        Err(ApiError::Network {
            host: "127.0.0.1:9".into()
        })
    );
}

async fn small<T>(
    request: ApiRequest,
    read: fn(&[u8]) -> Result<T, domain::decode::DecodeError>,
) -> Result<T, ApiError> {
    let controller = AbortController::new().unwrap();
    get_small(&request, &controller, read).await
}

#[wasm_bindgen_test]
async fn the_organization_list_is_read_a_page_at_a_time() {
    let base = ApiBase::parse(server()).unwrap();
    let token = Token::parse(TEST_TOKEN).unwrap();
    let page = |number| {
        let request = ApiRequest::organizations(&base, &token, number);
        async move {
            let controller = AbortController::new().unwrap();
            get_page(&request, &controller, OrgPage::decoder())
                .await
                .map(OrgPage::from_decoded)
        }
    };
    let first = page(0).await.unwrap();
    assert_eq!(first.orgs.len(), 100);
    assert_eq!(first.orgs[0].label(), "Test Organization");
    let second_page = first
        .next_page(0, 100)
        .expect("the test API has a second page");
    let second = page(second_page).await.unwrap();
    assert!(!second.orgs.is_empty());
    assert_eq!(second.next_page(second_page, 100 + second.orgs.len()), None);

    let refused = small(
        ApiRequest::organizations(&base, &Token::parse("not-the-token").unwrap(), 0),
        OrgPage::read,
    )
    .await;
    assert!(matches!(refused, Err(ApiError::Unauthorized(_))));
}

#[wasm_bindgen_test]
async fn templates_and_the_home_region_come_from_their_routes() {
    let templates = small(
        request(server(), "testorg", TEST_TOKEN, Endpoint::KeyTemplates),
        Templates::read,
    )
    .await
    .unwrap();
    assert_eq!(
        templates.find("tpl-public-search").map(|t| t.label()),
        Some("Public search page")
    );
    let paged = small(
        request(server(), "otherorg", TEST_TOKEN, Endpoint::KeyTemplates),
        Templates::read,
    )
    .await
    .unwrap();
    assert_eq!(paged.items.len(), 1, "a page object is read too");
    assert!(matches!(
        small(
            request(server(), "org-403", TEST_TOKEN, Endpoint::KeyTemplates),
            Templates::read
        )
        .await,
        Err(ApiError::Forbidden { .. })
    ));

    let home = small(
        request(server(), "euorg", TEST_TOKEN, Endpoint::OrganizationHome),
        OrgHome::read,
    )
    .await
    .unwrap();
    assert_eq!(home.better_region(Region::Us), Some(Region::Eu));
    assert!(matches!(
        small(
            request(
                server(),
                "no-such-org",
                TEST_TOKEN,
                Endpoint::OrganizationHome
            ),
            OrgHome::read
        )
        .await,
        Err(ApiError::NotFound(_))
    ));
}

// Regression: a 500 with an 8 MB message was read whole and put on screen.
#[wasm_bindgen_test]
async fn an_error_body_is_read_up_to_its_limit_only() {
    let error = keys("org-bigerror", TEST_TOKEN).await.unwrap_err();
    assert!(
        matches!(error, ApiError::Server { status: 500, .. }),
        "{error:?}"
    );
    // Cut at 64 KB, the body is no JSON: nothing of the message is shown.
    let details = error.details().expect("the request ID, from its header");
    assert_eq!((&details.message, &details.error_code), (&None, &None));
}

// Regression: a body of 1.1 GB grew the wasm memory to 2 GB.
#[wasm_bindgen_test]
async fn a_body_over_the_limit_is_refused_as_too_large() {
    let error = keys("org-hugebody", TEST_TOKEN).await.unwrap_err();
    assert_eq!(error, ApiError::TooLarge { limit_mb: 64 });
    assert!(error.title().contains("too large"), "{}", error.title());
    let memory = wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    assert!(memory < 400 << 20, "wasm memory grew to {memory} bytes");
}

#[wasm_bindgen_test]
async fn entries_too_large_or_too_deep_are_left_out_and_counted() {
    let usual = keys("testorg", TEST_TOKEN).await.unwrap();
    let decoded = keys("org-bigentries", TEST_TOKEN).await.unwrap();
    assert_eq!(decoded.items.len(), usual.items.len());
    assert_eq!((decoded.skipped, decoded.too_large), (usual.skipped + 3, 3));
    let decoded = keys("org-deep", TEST_TOKEN).await.unwrap();
    assert_eq!(decoded.items.len(), 2);
    assert_eq!((decoded.skipped, decoded.too_large), (1, 0));
}
