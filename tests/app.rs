//! The app mounted in a real DOM in headless Chromium: its controls, sample data, input
//! checks, inert rendering of hostile text, and what reaches the URL.

#![cfg(target_arch = "wasm32")]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::*;
use coveo_key_explorer::app;
use coveo_key_explorer::app::lists::ListsCode;
use coveo_key_explorer::app::navigation::{Entry, Navigation};
use coveo_key_explorer::app::state::provide_state;
use coveo_key_explorer::components::error_panel::ErrorPanel;
use coveo_key_explorer::loader::ListLoader;
use coveo_key_explorer::location;
use coveo_key_explorer::views::key_lookup::PreparedKeys;
use coveo_key_explorer::App;
use domain::decode::decode_list;
use domain::demo::{demo_keys, demo_privileges};
use domain::error::{ApiError, ResponseMeta};
use domain::model::ApiKey;
use domain::url_state::{UrlState, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn location_search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// Starts from an empty query, dropping any URL rewrite an earlier test left pending.
async fn reset_url() {
    location::cancel_pending_replace();
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&Default::default(), "", Some("?"))
        .unwrap();
}

/// The whole app, mounted on an empty query in a fresh container; unmounted when the
/// returned handle drops.
async fn mount_app() -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    reset_url().await;
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    settle().await;
    (root, Box::new(handle))
}

#[wasm_bindgen_test]
async fn connection_panel_has_every_labelled_control() {
    let (root, _app) = mount_app().await;

    let token: HtmlInputElement = labelled(&root, "Access token").unchecked_into();
    assert_eq!(token.type_(), "password");
    labelled(&root, "Organization ID");
    labelled(&root, "API base URL");
    let region: HtmlSelectElement = labelled(&root, "Region").unchecked_into();
    assert_eq!(region.length(), 5);
    assert_eq!(region.value(), "us");
    button(&root, "Load");
    button(&root, "Try with sample data");
    button(&root, "Key lookup");
    button(&root, "Privilege explorer");
}

#[wasm_bindgen_test]
async fn pasted_bearer_token_is_tidied_when_the_field_is_left() {
    let (root, _app) = mount_app().await;

    let token = labelled(&root, "Access token");
    type_into(&token, "  Bearer abc.DEF-123\n", "input");
    type_into(&token, "  Bearer abc.DEF-123\n", "change");
    settle().await;
    assert_eq!(
        token.unchecked_ref::<HtmlInputElement>().value(),
        "abc.DEF-123"
    );
}

#[wasm_bindgen_test]
async fn sample_data_fills_both_views() {
    let (root, _app) = mount_app().await;

    button(&root, "Try with sample data").click();
    settle().await;
    let key_rows = find_all(&root, "[data-testid=key-table] tbody tr");
    assert_eq!(key_rows.len(), demo_keys().items.len());
    assert!(text(&root, "[data-testid=key-table]").contains("wduuqg3ip2c3i3gpopapxhcgxe"));
    assert!(text(&root, "[data-testid=list-count]").contains("Sample data"));
    // The sample data and the view came through their chunks' entries, linked in here:
    // no "loading" left.
    assert!(find_all(&root, "[data-testid=loading]").is_empty());

    button(&root, "Privilege explorer").click();
    settle().await;
    let demo = demo_privileges().items.len();
    assert_eq!(
        text(&root, "[data-testid=privilege-count]"),
        format!("{demo} of {demo} privileges · Coveo's privilege reference")
    );
    let owners: Vec<String> = find_all(&root, "[data-testid=owner-group] summary strong")
        .iter()
        .map(|s| s.text_content().unwrap())
        .collect();
    assert_eq!(
        owners,
        [
            "PLATFORM",
            "SEARCH_API",
            "USAGE_ANALYTICS",
            "COVEO_ML",
            "COMMERCE"
        ]
    );
    assert_eq!(
        find_all(&root, ".type-chip input").len(),
        demo,
        "one tickable chip per privilege"
    );
    assert_eq!(location_search(), "?view=privileges");
    assert!(find_all(&root, "[data-testid=loading]").is_empty());
}

#[wasm_bindgen_test]
async fn load_refuses_bad_inputs_before_any_request() {
    let (root, _app) = mount_app().await;

    type_into(&labelled(&root, "Organization ID"), "a/b", "input");
    type_into(&labelled(&root, "Access token"), "abc", "input");
    button(&root, "Load").click();
    settle().await;
    assert!(text(&root, "[data-testid=form-error]").contains("organization ID holds only"));
    assert!(find_all(&root, "[data-testid=loading]").is_empty());

    type_into(&labelled(&root, "Organization ID"), "myorg", "input");
    type_into(&labelled(&root, "Access token"), "Bearer ", "input");
    button(&root, "Load").click();
    settle().await;
    assert_eq!(
        text(&root, "[data-testid=form-error]"),
        "Paste an access token."
    );

    type_into(&labelled(&root, "Access token"), "abc", "input");
    type_into(
        &labelled(&root, "API base URL"),
        "javascript:alert(1)",
        "input",
    );
    button(&root, "Load").click();
    settle().await;
    assert!(text(&root, "[data-testid=form-error]").contains("API base URL must look like"));
}

#[wasm_bindgen_test]
async fn org_id_reaches_the_url_but_the_token_and_base_never_do() {
    let (root, _app) = mount_app().await;

    type_into(&labelled(&root, "Organization ID"), "myorg", "input");
    type_into(
        &labelled(&root, "Access token"),
        "secret-token-value",
        "input",
    );
    type_into(
        &labelled(&root, "API base URL"),
        "http://127.0.0.1:9",
        "input",
    );
    settle().await;
    until(|| location_search().contains("org=myorg")).await;
    let search = location_search();
    assert!(!search.contains("secret"), "{search}");
    assert!(!search.contains("127.0.0.1"), "{search}");
    assert_eq!(
        text(&root, "[data-testid=destination]"),
        "http://127.0.0.1:9"
    );
}

#[wasm_bindgen_test]
async fn hostile_text_from_the_api_renders_inert() {
    let root = container();
    let data = Arc::new(
        decode_list::<ApiKey>(
            r#"[{"id":"a","displayName":"<img src=x onerror=alert(1)>","description":"</td><script>alert(2)</script>","value":"<b>v</b>"}]"#,
        )
        .unwrap(),
    );
    let _view = leptos::mount::mount_to(root.clone(), move || {
        provide_state(
            Navigation::new(UrlState::default()),
            ListsCode {
                on_start: || (),
                ..app::CODE
            },
        );
        view! { <PreparedKeys data=data.clone()/> }
    });
    settle().await;

    assert!(find_all(&root, "img, script, b").is_empty());
    let cells: Vec<String> = find_all(&root, "tbody td")
        .iter()
        .map(|td| td.text_content().unwrap())
        .collect();
    assert_eq!(
        text(&root, "tbody td.name button"),
        "<img src=x onerror=alert(1)>"
    );
    assert_eq!(cells[1], "</td><script>alert(2)</script>");
    // The masked value, once its column is added (the first of the Columns menu).
    find_all(&root, "[data-testid=columns-menu] input")[0].click();
    settle().await;
    let value = text(&root, "tbody td.value");
    assert!(value.contains("<b>v</b>"), "{value}");
    assert!(find_all(&root, "img, script, b").is_empty());

    // And while highlighted by a search.
    type_into(&labelled(&root, "Filter keys"), "img", "input");
    settle().await;
    assert_eq!(text(&root, "tbody mark"), "img");
    assert!(find_all(&root, "img, script, b").is_empty());
}

#[wasm_bindgen_test]
async fn filtering_is_live_accent_insensitive_and_highlighted() {
    let (root, _app) = mount_app().await;
    button(&root, "Try with sample data").click();
    settle().await;
    assert_eq!(text(&root, "[data-testid=key-count]"), "7 of 7 keys");

    type_into(&labelled(&root, "Filter keys"), "cafe LOCATOR", "input");
    settle().await;
    assert_eq!(text(&root, "[data-testid=key-count]"), "1 of 7 keys");
    let marks: Vec<String> = find_all(&root, "tbody mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marks, ["Café", "locator"]);
    until(|| location_search().contains("q=cafe+LOCATOR")).await;

    type_into(
        &labelled(&root, "Filter keys"),
        "nothing-like-this",
        "input",
    );
    settle().await;
    assert!(text(&root, "[data-testid=no-match]").contains("No key matches"));
    button(&root, "Clear all filters").click();
    settle().await;
    assert_eq!(text(&root, "[data-testid=key-count]"), "7 of 7 keys");
}

#[wasm_bindgen_test]
async fn status_chips_and_needs_attention_filter_the_list() {
    let (root, _app) = mount_app().await;
    button(&root, "Try with sample data").click();
    settle().await;

    // A chip per status present, by name; its code is its tooltip.
    let chip = find_all(&root, ".chips button")
        .into_iter()
        .find(|b| b.text_content().unwrap().starts_with("Disabled: exposed ("))
        .expect("a chip per status present");
    assert_eq!(
        chip.get_attribute("title").as_deref(),
        Some("DISABLED_EXPOSED")
    );
    chip.click();
    settle().await;
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(text(&root, "[data-testid=key-count]"), "1 of 7 keys");
    assert!(text(&root, "tbody").contains("Storefront (leaked)"));
    chip.click();
    settle().await;

    let attention = find_all(&root, ".chips button")
        .into_iter()
        .find(|b| b.text_content().unwrap().starts_with("Needs attention"))
        .unwrap();
    attention.click();
    settle().await;
    // Active keys at risk only: the one about to expire, not the one Coveo disabled.
    assert_eq!(text(&root, "[data-testid=key-count]"), "1 of 7 keys");
    assert!(text(&root, "tbody").contains("Café locator"));
    until(|| location_search().contains("attention=1")).await;
}

#[wasm_bindgen_test]
async fn selecting_a_key_opens_its_details_with_grouped_privileges() {
    let (root, _app) = mount_app().await;
    button(&root, "Try with sample data").click();
    settle().await;

    button(&root, "Public search page").click();
    settle().await;
    let details = find(&root, "[data-testid=key-details]");
    let shown = details.text_content().unwrap();
    assert_eq!(
        text(&root, "[data-testid=details-id]"),
        "xx4jq7nbz3kt2wd6e5hfmr8cya"
    );
    assert!(shown.contains("Coveo reveals a key's value only once"));
    assert!(shown.contains("Bob Tremblay"));
    assert!(
        shown.contains("Search · Execute queries SEARCH_API.EXECUTE_QUERY"),
        "privileges by Console name and code"
    );
    assert!(text(&root, "[data-testid=callable-count]").starts_with("Allows "));
    assert!(location_search().contains("key=xx4jq7nbz3kt2wd6e5hfmr8cya"));

    button(&root, "Never used: ML sandbox").click();
    settle().await;
    let shown = text(&root, "[data-testid=key-details]");
    assert!(
        shown.contains("someFutureField"),
        "unknown fields are shown, not dropped"
    );
    assert!(shown.contains("\"nested\""));

    button(&root, "Close").click();
    settle().await;
    assert!(find_all(&root, "[data-testid=key-details]").is_empty());
}

#[wasm_bindgen_test]
async fn error_panel_names_the_cause_shows_details_and_retries() {
    let root = container();
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let error = ApiError::from_response(
        401,
        &ResponseMeta::default(),
        r#"{"errorCode":"INVALID_TOKEN","message":"<i>expired</i>","requestID":"r-42"}"#,
    );
    let _view = leptos::mount::mount_to(root.clone(), move || {
        let counter = counter.clone();
        view! {
            <ErrorPanel
                error=error.clone()
                on_retry=move || {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
            />
        }
    });
    settle().await;

    let panel = find(&root, "[data-testid=error]");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let shown = panel.text_content().unwrap();
    assert!(shown.contains("The access token was refused (401)"));
    assert!(shown.contains("INVALID_TOKEN"));
    assert!(shown.contains("<i>expired</i>"), "details render as text");
    assert!(shown.contains("r-42"));
    button(&root, "Retry").click();
    button(&root, "Retry").click();
    assert_eq!(retries.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
async fn explorer_filters_and_builds_the_privileges_json() {
    let (root, _app) = mount_app().await;
    button(&root, "Try with sample data").click();
    button(&root, "Privilege explorer").click();
    settle().await;

    type_into(&labelled(&root, "Filter privileges"), "source", "input");
    settle().await;
    let domains: Vec<String> = find_all(&root, "[data-testid=owner-group] tbody th code")
        .iter()
        .map(|c| c.text_content().unwrap())
        .collect();
    assert_eq!(domains, ["SOURCE", "SOURCE_METADATA"]);

    find(&root, "input[aria-label='All types of SOURCE_METADATA']").click();
    settle().await;
    assert_eq!(
        text(&root, "[data-testid=builder-json]"),
        "[\n  {\n    \"owner\": \"PLATFORM\",\n    \"targetDomain\": \"SOURCE_METADATA\",\n    \"type\": \"VIEW\"\n  }\n]"
    );
    assert!(
        find_all(&root, "[data-testid=builder-warning]").is_empty(),
        "no public-key warning until the key is meant to be public"
    );
    until(|| location_search().contains("pick=PLATFORM.SOURCE_METADATA.VIEW")).await;
    find(&root, "input[name=key-purpose][value=public-search]").click();
    settle().await;
    assert!(
        text(&root, "[data-testid=builder-warning]").contains("PLATFORM.SOURCE_METADATA.VIEW"),
        "a platform privilege is not public-safe"
    );
    until(|| location_search().contains("purpose=public-search")).await;

    button(&root, "Clear selection").click();
    settle().await;
    assert_eq!(text(&root, "[data-testid=builder-json]"), "[]");
}

#[wasm_bindgen_test]
async fn the_error_panel_shows_the_lists_countdown_and_stop_asks_the_list() {
    let root = container();
    let stops = Arc::new(AtomicUsize::new(0));
    let counter = stops.clone();
    let meta = ResponseMeta {
        retry_after: Some("3".into()),
        ..ResponseMeta::default()
    };
    let error = ApiError::from_response(429, &meta, "");
    let (retry_in, set_retry_in) = signal(3u32);
    let _view = leptos::mount::mount_to(root.clone(), move || {
        let counter = counter.clone();
        view! {
            <ErrorPanel
                error=error.clone()
                on_retry=|| ()
                retry_in=retry_in
                on_stop_retrying=move || {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
            />
        }
    });
    settle().await;
    assert!(text(&root, "[data-testid=automatic-retry]").contains("Retrying once by itself"));
    let retry = || button(&root, "Retrying in 3 s").unchecked_into::<web_sys::HtmlButtonElement>();
    assert!(retry().disabled(), "Retry waits for the countdown");
    button(&root, "Stop retrying").click();
    assert_eq!(stops.load(Ordering::SeqCst), 1);
    set_retry_in.set(0);
    settle().await;
    assert!(find_all(&root, "[data-testid=automatic-retry]").is_empty());
    assert!(!button(&root, "Retry")
        .unchecked_into::<web_sys::HtmlButtonElement>()
        .disabled());
}

// Regression: the countdown lived in the error panel, so a view switch after "Stop
// retrying" started it again, and a list whose view was not shown never retried.
#[wasm_bindgen_test]
async fn a_lists_retry_counts_down_in_the_list_retries_once_and_stops_for_good() {
    let loader = ListLoader::<ApiKey>::new();
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    loader.retry_later(1, move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    assert_eq!(loader.retry_in().get_untracked(), 1);
    until(|| retries.load(Ordering::SeqCst) == 1).await;
    assert_eq!(loader.retry_in().get_untracked(), 0);
    // Once only, with no view at all.
    gloo_timers::future::TimeoutFuture::new(1_500).await;
    assert_eq!(retries.load(Ordering::SeqCst), 1);

    let counter = retries.clone();
    loader.retry_later(1, move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    loader.end_automatic_retries();
    assert_eq!(loader.retry_in().get_untracked(), 0);
    // An absence needs a wait: longer than the 1 s asked for.
    gloo_timers::future::TimeoutFuture::new(1_500).await;
    assert_eq!(retries.load(Ordering::SeqCst), 1, "stopped for good");
}

// Regression: a keystroke then Back within the rewrite's delay overwrote the entry the
// user returned to.
#[wasm_bindgen_test]
async fn going_back_drops_the_url_rewrite_typing_left_pending() {
    reset_url().await;
    let root = container();
    let nav = Navigation::new(UrlState::default());
    let _view = leptos::mount::mount_to(root, move || {
        nav.follow_history(|_| ());
    });
    nav.go(Entry::Push, |u| u.view = View::PrivilegeExplorer);
    assert_eq!(location_search(), "?view=privileges");
    nav.go(Entry::Replace, |u| u.explorer.query.text = "typed".into());
    assert!(location::replace_pending());

    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    until(|| nav.with_untracked(|u| u.view) == View::KeyLookup).await;
    assert!(!location::replace_pending(), "the rewrite was dropped");
    assert_eq!(location_search(), "");
    assert_eq!(nav.with_untracked(|u| u.explorer.query.text.clone()), "");
}

#[wasm_bindgen_test]
async fn a_change_that_changes_nothing_writes_no_url() {
    reset_url().await;
    let nav = Navigation::new(UrlState::default());
    nav.go(Entry::Replace, |u| u.view = View::KeyLookup);
    assert!(!location::replace_pending());
    nav.go(Entry::Replace, |u| u.keys.query.text = "x".into());
    assert!(location::replace_pending());
    location::cancel_pending_replace();
}
