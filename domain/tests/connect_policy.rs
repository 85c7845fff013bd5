//! The page's `connect-src` read as the browser reads it: an API base it would refuse is
//! refused at Load, before anything is sent, with the policy's own list.

use domain::connect_policy::{ConnectPolicy, Origin};
use domain::connection::{ConnectionInputs, NotReady};
use domain::region::{ApiBase, ApiBaseError, Region};

const SHIPPED: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https://platform.cloud.coveo.com https://platform-eu.cloud.coveo.com http://127.0.0.1:*; object-src 'none'";

fn page() -> Origin {
    Origin::parse("https://keys.example.com").unwrap()
}

fn allows(policy: &str, base: &str) -> bool {
    ConnectPolicy::read([policy]).allows(&ApiBase::parse(base).unwrap(), &page())
}

#[test]
fn the_shipped_policy_allows_coveo_the_page_and_its_test_hosts_only() {
    for base in [
        "https://platform.cloud.coveo.com",
        "https://PLATFORM.cloud.coveo.com/",
        "https://platform.cloud.coveo.com:443",
        "https://platform-eu.cloud.coveo.com/some/path",
        "/coveo",
        "https://keys.example.com/proxy",
        "http://127.0.0.1:38123",
    ] {
        assert!(allows(SHIPPED, base), "{base}");
    }
    for base in [
        "https://evil.example.com",
        "https://platform.cloud.coveo.com:8443",
        "http://platform.cloud.coveo.com",
        "http://localhost:38123",
        "https://keys.example.com:444",
        "https://platform.cloud.coveo.com.evil.com",
    ] {
        assert!(!allows(SHIPPED, base), "{base}");
    }
}

#[test]
fn sources_match_as_csp_says() {
    assert!(allows("connect-src *", "https://anything.example"));
    assert!(allows("connect-src https:", "https://anything.example"));
    assert!(!allows("connect-src https:", "http://anything.example"));
    assert!(allows("connect-src http:", "https://anything.example"));
    assert!(allows(
        "connect-src *.coveo.com",
        "https://platform.cloud.coveo.com"
    ));
    assert!(!allows("connect-src *.coveo.com", "https://coveo.com"));
    assert!(allows(
        "connect-src http://api.example",
        "https://api.example"
    ));
    assert!(!allows("connect-src 'none'", "/coveo"));
    assert!(!allows(
        "connect-src 'self'",
        "https://keys.example.com:8443"
    ));
    // Without connect-src, default-src; without either, anything.
    assert!(!allows(
        "default-src 'self'",
        "https://platform.cloud.coveo.com"
    ));
    assert!(allows(
        "script-src 'self'",
        "https://platform.cloud.coveo.com"
    ));
    assert!(allows("", "https://platform.cloud.coveo.com"));
    // Two policies: both must allow.
    let both = ConnectPolicy::read(["connect-src *", "connect-src 'self'"]);
    assert!(!both.allows(&ApiBase::parse("https://x.example").unwrap(), &page()));
}

// Regression: an API base the CSP refuses failed as "network or CORS" while the page said
// the token was sent there.
#[test]
fn a_refused_base_is_not_ready_and_says_what_the_policy_allows() {
    let policy = ConnectPolicy::read([SHIPPED]);
    let inputs = ConnectionInputs::read("acme", "tok-123", "https://evil.example.com", Region::Us)
        .admitted_by(&policy, &page());
    let Err(NotReady::Base(ApiBaseError::RefusedByPolicy { host, allowed })) = inputs.ready()
    else {
        panic!("{:?}", inputs.ready());
    };
    assert_eq!(host, "evil.example.com");
    assert!(
        allowed.contains("this page's own server, https://platform.cloud.coveo.com"),
        "{allowed}"
    );
    let message = inputs.destination();
    assert!(message.contains("Content-Security-Policy"), "{message}");
    assert!(!message.contains("tok-123"));
    // The region's own host is always in the shipped policy.
    let inputs =
        ConnectionInputs::read("acme", "tok-123", "", Region::Eu).admitted_by(&policy, &page());
    assert!(inputs.ready().is_ok());
}
