//! What the user types: the token, the organization ID, the region and the API base URL,
//! and how they become a request URL.

use domain::connection::{Connection, ConnectionInputs, NotReady};
use domain::endpoint::{console_keys_url, organizations_url, Endpoint, ORGANIZATIONS_PER_PAGE};
use domain::org_id::{path_segment, OrgId, OrgIdError};
use domain::region::{ApiBase, ApiBaseError, Region};
use domain::token::{Token, TokenError};

#[test]
fn token_is_normalised_from_common_pastes() {
    for pasted in [
        "abc.DEF-123_x",
        "  abc.DEF-123_x\n",
        "Bearer abc.DEF-123_x",
        "bearer   abc.DEF-123_x \r\n",
        "\"Bearer abc.DEF-123_x\"",
        "'abc.DEF-123_x'",
        "\tBEARER abc.DEF-123_x",
    ] {
        assert_eq!(
            Token::parse(pasted).map(|t| t.expose().to_owned()),
            Ok("abc.DEF-123_x".to_owned()),
            "{pasted:?}"
        );
    }
}

#[test]
fn a_pasted_token_is_tidied_to_the_token_alone() {
    assert_eq!(Token::tidy("  Bearer abc.DEF \n"), "abc.DEF");
    assert_eq!(Token::tidy("\"abc\""), "abc");
    // Not a token: left as typed, for Load to say why.
    assert_eq!(Token::tidy("curl -H x"), "curl -H x");
    assert_eq!(Token::tidy(""), "");
}

#[test]
fn obviously_wrong_tokens_are_refused() {
    assert_eq!(Token::parse("  "), Err(TokenError::Empty));
    assert_eq!(Token::parse("Bearer "), Err(TokenError::Empty));
    assert_eq!(
        Token::parse("curl -H Authorization"),
        Err(TokenError::ContainsWhitespace)
    );
    assert_eq!(Token::parse("tökén"), Err(TokenError::InvalidCharacter));
}

#[test]
fn token_never_prints_itself() {
    let token = Token::parse("super-secret-value").unwrap();
    assert!(!format!("{token:?}").contains("super-secret"));
    assert_eq!(token.authorization(), "Bearer super-secret-value");
}

#[test]
fn org_id_is_trimmed_and_checked() {
    assert_eq!(
        OrgId::parse("  mycoveocloudv2organizationg8tp8wu3 \n").map(|o| o.to_string()),
        Ok("mycoveocloudv2organizationg8tp8wu3".to_owned())
    );
    assert_eq!(OrgId::parse(""), Err(OrgIdError::Empty));
    assert_eq!(OrgId::parse("../x"), Err(OrgIdError::InvalidCharacter('.')));
    assert_eq!(OrgId::parse("a/b"), Err(OrgIdError::InvalidCharacter('/')));
    assert_eq!(OrgId::parse("a?b"), Err(OrgIdError::InvalidCharacter('?')));
    assert_eq!(OrgId::parse(&"a".repeat(129)), Err(OrgIdError::TooLong));
    assert!(OrgId::parse("my-org_2").is_ok());
}

#[test]
fn a_refused_org_id_character_is_named_readably() {
    let said = |text: &str| OrgId::parse(text).unwrap_err().to_string();
    assert!(said("a/b").ends_with("(found '/')."), "{}", said("a/b"));
    // Invisible or combining characters by their code point.
    assert!(said("a b").ends_with("(found U+0020)."), "{}", said("a b"));
    assert!(
        said("e\u{301}").ends_with("(found U+0301)."),
        "{}",
        said("e\u{301}")
    );
}

#[test]
fn path_segment_escapes_everything_that_could_change_the_path() {
    assert_eq!(path_segment("../x"), "%2E%2E%2Fx");
    assert_eq!(path_segment("a/b"), "a%2Fb");
    assert_eq!(path_segment("a?b#c%d"), "a%3Fb%23c%25d");
    assert_eq!(path_segment("é z"), "%C3%A9%20z");
    assert_eq!(path_segment("my-org_2"), "my-org_2");
}

#[test]
fn endpoint_urls_put_the_org_in_one_segment() {
    let org = OrgId::parse("myorg").unwrap();
    let base = ApiBase::for_region(Region::Eu);
    assert_eq!(
        Endpoint::ApiKeys.url(&base, &org).to_string(),
        "https://platform-eu.cloud.coveo.com/rest/organizations/myorg/apikeys"
    );
    assert_eq!(
        Endpoint::AssignablePrivileges { custom_only: false }
            .url(&base, &org)
            .to_string(),
        "https://platform-eu.cloud.coveo.com/rest/organizations/myorg/privileges/apikeys"
    );
    assert_eq!(
        Endpoint::AssignablePrivileges { custom_only: true }.url(&base, &org).to_string(),
        "https://platform-eu.cloud.coveo.com/rest/organizations/myorg/privileges/apikeys?filter=CUSTOM"
    );
    let proxy = ApiBase::parse("/coveo/").unwrap();
    assert_eq!(
        Endpoint::MyPrivileges.url(&proxy, &org).to_string(),
        "/coveo/rest/organizations/myorg/privileges/me"
    );
    assert_eq!(
        Endpoint::KeyTemplates.url(&base, &org).to_string(),
        "https://platform-eu.cloud.coveo.com/rest/organizations/myorg/templates/apikeys"
    );
    assert_eq!(
        Endpoint::OrganizationHome.url(&base, &org).to_string(),
        "https://platform-eu.cloud.coveo.com/rest/global/organizations/myorg"
    );
}

#[test]
fn the_organization_list_is_asked_a_page_at_a_time() {
    let base = ApiBase::for_region(Region::Ca);
    let url = organizations_url(&base, 2);
    assert_eq!(
        url.to_string(),
        format!("https://platform-ca.cloud.coveo.com/rest/organizations?page=2&perPage={ORGANIZATIONS_PER_PAGE}")
    );
    assert_eq!(
        url.path(),
        "https://platform-ca.cloud.coveo.com/rest/organizations"
    );
    assert_eq!(
        url.query().collect::<Vec<_>>(),
        [
            ("page", "2"),
            ("perPage", ORGANIZATIONS_PER_PAGE.to_string().as_str())
        ]
    );
}

#[test]
fn regions_have_the_documented_hosts() {
    let hosts: Vec<&str> = Region::ALL.iter().map(|r| r.host()).collect();
    assert_eq!(
        hosts,
        [
            "platform.cloud.coveo.com",
            "platform-eu.cloud.coveo.com",
            "platform-au.cloud.coveo.com",
            "platform-ca.cloud.coveo.com",
            "platformhipaa.cloud.coveo.com"
        ]
    );
    assert_eq!(Region::default(), Region::Us);
    for region in Region::ALL {
        assert_eq!(Region::from_code(region.code()), Some(region));
    }
    assert_eq!(Region::from_code("evil.example.com"), None);
}

#[test]
fn api_base_accepts_urls_and_same_origin_paths_only() {
    assert_eq!(
        ApiBase::parse(" http://127.0.0.1:8123/ ").map(|b| b.as_str().to_owned()),
        Ok("http://127.0.0.1:8123".to_owned())
    );
    assert_eq!(
        ApiBase::parse("https://platform.cloud.coveo.com").map(|b| b.host_label().to_owned()),
        Ok("platform.cloud.coveo.com".to_owned())
    );
    assert_eq!(
        ApiBase::parse("/coveo").map(|b| b.host_label().to_owned()),
        Ok("this page's own server".to_owned())
    );
    assert_eq!(ApiBase::parse("ftp://x"), Err(ApiBaseError::NotAUrl));
    assert_eq!(ApiBase::parse("//evil.example"), Err(ApiBaseError::NotAUrl));
    assert_eq!(
        ApiBase::parse("javascript:alert(1)"),
        Err(ApiBaseError::NotAUrl)
    );
    assert_eq!(
        ApiBase::parse("https://user@host"),
        Err(ApiBaseError::UnexpectedPart)
    );
    assert_eq!(
        ApiBase::parse("https://host/?x=1"),
        Err(ApiBaseError::UnexpectedPart)
    );
}

#[test]
fn connection_inputs_are_ready_only_when_every_field_is_usable() {
    let ready = ConnectionInputs::read(" myorg ", "Bearer abc", "", Region::Eu)
        .ready()
        .unwrap();
    assert_eq!(ready.connection.org.as_str(), "myorg");
    assert_eq!(ready.connection.base, ApiBase::for_region(Region::Eu));
    assert_eq!(ready.token.expose(), "abc");

    let custom = ConnectionInputs::read("myorg", "abc", "http://127.0.0.1:9/", Region::Us);
    assert_eq!(
        custom.ready().unwrap().connection.base.as_str(),
        "http://127.0.0.1:9"
    );
    assert_eq!(custom.destination(), "http://127.0.0.1:9");
}

#[test]
fn connection_inputs_name_the_first_problem_in_form_order() {
    let read = |org, token, base| ConnectionInputs::read(org, token, base, Region::Us);
    assert_eq!(
        read("", "", "ftp://x").ready(),
        Err(NotReady::Org(OrgIdError::Empty))
    );
    assert_eq!(
        read("org", "", "ftp://x").ready(),
        Err(NotReady::Token(TokenError::Empty))
    );
    assert_eq!(
        read("org", "t", "ftp://x").ready(),
        Err(NotReady::Base(ApiBaseError::NotAUrl))
    );
    assert_eq!(
        read("org", "", "ftp://x").destination(),
        ApiBaseError::NotAUrl.to_string()
    );
    assert_eq!(
        read("org", "", "").ready().unwrap_err().to_string(),
        "Paste an access token."
    );
}

#[test]
fn the_connection_ignores_the_token_and_the_prompt_waits_only_for_it() {
    let with = |token| ConnectionInputs::read("org", token, "", Region::Us);
    let expected = Some(Connection {
        base: ApiBase::for_region(Region::Us),
        org: OrgId::parse("org").unwrap(),
    });
    assert_eq!(with("").connection(), expected);
    assert!(with("").points_to(expected.as_ref().unwrap()));
    assert!(
        !ConnectionInputs::read("other", "", "", Region::Us).points_to(expected.as_ref().unwrap())
    );
    assert!(
        !ConnectionInputs::read("org", "", "", Region::Eu).points_to(expected.as_ref().unwrap())
    );
    assert_eq!(with("abc").connection(), expected);
    assert_eq!(with("").awaiting_token().map(OrgId::as_str), Some("org"));
    assert_eq!(with("abc").awaiting_token(), None);
    // A token with spaces is not "waiting": it is wrong, and Load says why.
    assert_eq!(with("a b").awaiting_token(), None);
    assert_eq!(
        ConnectionInputs::read("", "", "", Region::Us).awaiting_token(),
        None
    );
    assert_eq!(
        ConnectionInputs::read("", "", "", Region::Us).connection(),
        None
    );
}

#[test]
fn an_asker_is_its_host_and_its_token() {
    use domain::connection::ConnectionInputs;
    use domain::region::Region;
    let asker =
        |base: &str, token: &str| ConnectionInputs::read("org", token, base, Region::Us).asker();
    assert_eq!(asker("", "token-a"), asker("", "  Bearer token-a "));
    assert_ne!(asker("", "token-a"), asker("", "token-b"));
    assert_ne!(
        asker("", "token-a"),
        asker("https://127.0.0.1:9", "token-a")
    );
    assert_eq!(asker("", ""), None);
    assert_eq!(asker("not a url", "token-a"), None);
    let shown = format!("{:?}", asker("", "token-abcdefgh").unwrap());
    assert!(!shown.contains("token-abcdefgh"), "{shown}");
}

#[test]
fn the_console_link_is_the_organizations_keys_page_on_the_region_of_the_host() {
    let org = OrgId::parse("acme-prod").unwrap();
    assert_eq!(
        console_keys_url(Region::Eu, &org),
        "https://platform-eu.cloud.coveo.com/admin/#/acme-prod/organization/api-access/"
    );
    for region in Region::ALL {
        assert_eq!(ApiBase::for_region(region).region(), Some(region));
    }
    assert_eq!(ApiBase::parse("/coveo").unwrap().region(), None);
    assert_eq!(
        ApiBase::parse("http://127.0.0.1:8080").unwrap().region(),
        None
    );
    // A look-alike host is no region.
    assert_eq!(
        ApiBase::parse("https://platform.cloud.coveo.com.example")
            .unwrap()
            .region(),
        None
    );
}
