//! Mapping failed responses to errors a user can act on.

use domain::connection::NotReady;
use domain::decode::DecodeError;
use domain::error::{
    ApiError, ErrorDetails, ResponseMeta, MAX_AUTOMATIC_RETRIES, MAX_DETAIL_CHARS,
    MAX_RETRY_AFTER_SECS,
};
use domain::redact::Redactor;
use domain::region::Region;
use domain::text::code_spans;
use domain::token::TokenError;

fn map(status: u16, body: &str) -> ApiError {
    ApiError::from_response(status, &ResponseMeta::default(), body)
}

#[test]
fn each_status_maps_to_its_own_error() {
    assert!(matches!(map(401, ""), ApiError::Unauthorized(_)));
    assert!(matches!(
        map(403, ""),
        ApiError::Forbidden {
            firewall: false,
            ..
        }
    ));
    assert!(matches!(map(404, ""), ApiError::NotFound(_)));
    assert!(matches!(
        map(429, ""),
        ApiError::RateLimited {
            retry_after_secs: None,
            ..
        }
    ));
    assert!(matches!(map(500, ""), ApiError::Server { status: 500, .. }));
    assert!(matches!(map(503, ""), ApiError::Server { status: 503, .. }));
    assert!(matches!(map(412, ""), ApiError::Status { status: 412, .. }));
    assert!(matches!(
        map(400, "{}"),
        ApiError::Status { status: 400, .. }
    ));
}

#[test]
fn coveo_error_body_details_are_read_from_either_dialect() {
    let details = ErrorDetails::from_body(
        r#"{"errorCode":"INVALID_TOKEN","message":"The token is expired.","requestID":"req-1"}"#,
    );
    assert_eq!(details.error_code.as_deref(), Some("INVALID_TOKEN"));
    assert_eq!(details.message.as_deref(), Some("The token is expired."));
    assert_eq!(details.request_id.as_deref(), Some("req-1"));

    let problem =
        ErrorDetails::from_body(r#"{"type":"ACCESS_DENIED","detail":"No.","requestId":"req-2"}"#);
    assert_eq!(problem.error_code.as_deref(), Some("ACCESS_DENIED"));
    assert_eq!(problem.message.as_deref(), Some("No."));
    assert_eq!(problem.request_id.as_deref(), Some("req-2"));
}

#[test]
fn details_are_shown_only_when_present() {
    assert_eq!(map(500, "<html>Bad gateway</html>").details(), None);
    assert_eq!(
        map(401, r#"{"errorCode":"UNAUTHORIZED"}"#)
            .details()
            .and_then(|d| d.error_code.as_deref()),
        Some("UNAUTHORIZED")
    );
}

#[test]
fn request_id_header_fills_in_for_the_body() {
    let meta = ResponseMeta {
        request_id: Some("hdr-9".into()),
        ..ResponseMeta::default()
    };
    let error = ApiError::from_response(500, &meta, "oops");
    assert_eq!(
        error.details().and_then(|d| d.request_id.as_deref()),
        Some("hdr-9")
    );
}

#[test]
fn retry_after_seconds_are_honoured() {
    let meta = ResponseMeta {
        retry_after: Some(" 7 ".into()),
        ..ResponseMeta::default()
    };
    let error = ApiError::from_response(429, &meta, "");
    assert!(matches!(
        error,
        ApiError::RateLimited {
            retry_after_secs: Some(7),
            ..
        }
    ));
    assert!(error.advice().contains("7 seconds"));
}

// Regression: `Retry-After: 4294967295` was shown as "Retrying in 4294967295 s".
#[test]
fn an_absurd_retry_after_is_clamped() {
    let wait = |value: &str| {
        let meta = ResponseMeta {
            retry_after: Some(value.into()),
            ..ResponseMeta::default()
        };
        ApiError::from_response(429, &meta, "").retry_after_secs()
    };
    assert_eq!(wait("120"), Some(MAX_RETRY_AFTER_SECS));
    assert_eq!(wait("121"), Some(MAX_RETRY_AFTER_SECS));
    assert_eq!(wait("4294967295"), Some(MAX_RETRY_AFTER_SECS));
    assert_eq!(wait("99999999999999999999999"), Some(MAX_RETRY_AFTER_SECS));
    assert_eq!(wait("0"), Some(0));
    for nonsense in [
        "-1",
        "1e9",
        "+5",
        "",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "5 5",
    ] {
        assert_eq!(wait(nonsense), None, "{nonsense}");
    }
    const { assert!(MAX_RETRY_AFTER_SECS == 120) };
}

#[test]
fn firewall_block_is_told_apart_from_a_missing_privilege() {
    let meta = ResponseMeta {
        firewall_block: true,
        ..ResponseMeta::default()
    };
    let error = ApiError::from_response(403, &meta, "<html>blocked</html>");
    assert!(error.title().contains("firewall"));
    assert!(map(403, "")
        .advice()
        .contains("Organization · API keys · View (`PLATFORM.API_KEY.VIEW`)"));
    assert!(map(403, "").advice().contains("An API key can never"));
}

#[test]
fn wrong_region_is_recognised_from_the_message() {
    let error = map(
        400,
        r#"{"message":"Organization is not in this region. Allowed region(s): eu"}"#,
    );
    assert!(matches!(error, ApiError::WrongRegion(_)));
    assert!(error.title().contains("another region"));
    assert_eq!(error.allowed_region(), Some(Region::Eu));
}

#[test]
fn the_allowed_region_is_read_from_coveo_region_names() {
    let region =
        |message: &str| map(400, &format!(r#"{{"message":"{message}"}}"#)).allowed_region();
    assert_eq!(
        region("Allowed region(s): [ap-southeast-2]"),
        Some(Region::Au)
    );
    assert_eq!(
        region("Allowed region(s): ca-central-1, us-east-1"),
        Some(Region::Ca)
    );
    assert_eq!(
        region("Allowed region(s): mars-north-1"),
        None,
        "a region this app does not know"
    );
    assert_eq!(region("Allowed regions are elsewhere"), None, "no list");
    assert_eq!(map(404, "").allowed_region(), None);
}

#[test]
fn messages_name_the_cause_and_what_to_do() {
    let cases = [
        (map(401, ""), "401", "fresh access token"),
        (map(404, ""), "404", "region"),
        (map(502, ""), "502", "Try again"),
        (
            ApiError::Network {
                host: "platform.cloud.coveo.com".into(),
            },
            "platform.cloud.coveo.com",
            "proxy",
        ),
        (ApiError::Timeout { seconds: 20 }, "20 seconds", "Try again"),
        (
            ApiError::from_decode(DecodeError::NotJson),
            "not JSON",
            "API base URL",
        ),
        (
            ApiError::from_decode(DecodeError::NotAList { found: "an object" }),
            "list",
            "an object",
        ),
        (
            ApiError::from_decode(DecodeError::Incomplete),
            "cut short",
            "Try again",
        ),
        (
            ApiError::NotSent(NotReady::Token(TokenError::Empty)),
            "access token is needed",
            "Paste an access token",
        ),
    ];
    for (error, in_title, in_advice) in cases {
        assert!(
            error.title().contains(in_title),
            "{error:?}: {}",
            error.title()
        );
        assert!(
            error.advice().contains(in_advice),
            "{error:?}: {}",
            error.advice()
        );
    }
}

#[test]
fn an_echoed_token_is_redacted_from_details() {
    let secret = Redactor::new("secret-abc-123");
    let error = ApiError::from_response_without(
        401,
        &ResponseMeta::default(),
        r#"{"message":"Token secret-abc-123 is expired","errorCode":"secret-abc-123"}"#,
        secret.as_ref(),
    );
    let details = error.details().unwrap();
    assert_eq!(details.message.as_deref(), Some("Token [token] is expired"));
    assert_eq!(details.error_code.as_deref(), Some("[token]"));
}

// Regression: redaction ran after clipping, so a long message cut the echoed token to
// fewer characters than the redactor looks for, and they were shown.
#[test]
fn the_token_is_taken_out_before_a_long_message_is_clipped() {
    let token = "x1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    let secret = Redactor::new(token);
    for before in [
        MAX_DETAIL_CHARS - 11,
        MAX_DETAIL_CHARS - 1,
        MAX_DETAIL_CHARS - 30,
    ] {
        let message = format!("{}{token} trailing words", "m".repeat(before));
        let body = serde_json::json!({ "message": message }).to_string();
        let error =
            ApiError::from_response_without(401, &ResponseMeta::default(), &body, secret.as_ref());
        let shown = error.details().unwrap().message.clone().unwrap();
        assert!(shown.chars().count() <= MAX_DETAIL_CHARS + 1, "clipped");
        assert!(
            !shown.contains(&token[..4]),
            "{before}: {}",
            &shown[shown.len().saturating_sub(20)..]
        );
    }
}

#[test]
fn a_request_id_header_is_redacted_and_clipped_like_the_body() {
    let token = "x1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    let secret = Redactor::new(token);
    let meta = |id: String| ResponseMeta {
        request_id: Some(id),
        ..ResponseMeta::default()
    };
    let huge =
        ApiError::from_response_without(500, &meta("r".repeat(200_000)), "", secret.as_ref());
    let id = huge.details().unwrap().request_id.clone().unwrap();
    assert_eq!(
        id.chars().count(),
        MAX_DETAIL_CHARS + 1,
        "clipped, with its ellipsis"
    );
    let echoed =
        ApiError::from_response_without(500, &meta(format!("req-{token}")), "", secret.as_ref());
    assert_eq!(
        echoed.details().unwrap().request_id.as_deref(),
        Some("req-[token]")
    );
    let cut = ApiError::from_response_without(
        500,
        &meta(format!("{}{token}", "r".repeat(MAX_DETAIL_CHARS - 5))),
        "",
        secret.as_ref(),
    );
    let id = cut.details().unwrap().request_id.clone().unwrap();
    assert!(!id.contains("x1b2c"), "{}", &id[id.len() - 20..]);
}

// Regression: the 429 automatic retry went on for as long as Coveo kept throttling.
#[test]
fn automatic_retries_wait_as_asked_and_stop_after_one() {
    let meta = ResponseMeta {
        retry_after: Some("3".into()),
        ..ResponseMeta::default()
    };
    let throttled = ApiError::from_response(429, &meta, "");
    for before in 0..MAX_AUTOMATIC_RETRIES {
        assert_eq!(throttled.automatic_retry_after(before), Some(3));
    }
    assert_eq!(throttled.automatic_retry_after(MAX_AUTOMATIC_RETRIES), None);
    assert_eq!(MAX_AUTOMATIC_RETRIES, 1, "one, then the user decides");
    // Without a wait to honour, or for any other failure, only the user retries.
    assert_eq!(map(429, "").automatic_retry_after(0), None);
    assert_eq!(map(500, "").automatic_retry_after(0), None);
}

// Regression: the CORS advice showed its code with the backticks.
#[test]
fn advice_marks_its_code_so_it_renders_as_code() {
    let network = ApiError::Network {
        host: "platform.cloud.coveo.com".into(),
    };
    let advice = network.advice();
    let spans = code_spans(&advice);
    let code: Vec<&str> = spans.iter().filter(|s| s.code).map(|s| s.text).collect();
    assert!(code.contains(&"Advanced > API base URL"), "{code:?}");
    // It speaks to an admin, who runs no build tool.
    assert!(!advice.contains("trunk"), "{advice}");
    assert!(code.contains(&"/coveo"), "{code:?}");
    assert!(spans.iter().all(|s| !s.text.contains('`')), "{spans:?}");
    let forbidden = map(403, "").advice();
    assert!(code_spans(&forbidden)
        .iter()
        .any(|s| s.code && s.text == "PLATFORM.API_KEY.VIEW"));
}

// Regression: a 500's 8 MB message was put on screen whole.
#[test]
fn a_long_message_is_clipped() {
    let long = "é".repeat(MAX_DETAIL_CHARS + 10);
    let error = map(500, &format!(r#"{{"message":"{long}","errorCode":"E"}}"#));
    let message = error.details().unwrap().message.clone().unwrap();
    assert_eq!(message.chars().count(), MAX_DETAIL_CHARS + 1);
    assert!(message.ends_with('…'));
    let short = map(500, r#"{"message":"Short."}"#);
    assert_eq!(short.details().unwrap().message.as_deref(), Some("Short."));
}
