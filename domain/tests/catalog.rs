//! The privilege catalog: its compacted copy against the JSON it comes from, the
//! Console's names, which operations privileges allow (any/all, per-resource targets,
//! owner mix-ups), and the endpoint finder.

use domain::catalog::{
    level_meets, privilege_title, Catalog, DomainInfo, Needs, Operation, Required,
};
use domain::decode::decode_list;
use domain::model::Privilege;
use domain::operations::{
    as_held, callable, fit, operation_count, owner_mix_ups, Limit, Lookup, OperationIndex, Reach,
};
use domain::privilege_explorer::{ExplorerQuery, PrivilegeIndex, PrivilegeRef};
use domain::privilege_groups::{CREATE_API_KEYS, VIEW_API_KEYS, VIEW_ORGANIZATION};
use domain::purpose::Purpose;
use domain::status::status_name;
use serde_json::Value;

fn json(file: &str) -> Vec<Value> {
    let path = format!("{}/catalog/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn held(json: &str) -> Vec<Privilege> {
    decode_list(json).unwrap().items
}

fn pick(code: &str) -> PrivilegeRef {
    PrivilegeRef::from_code(code).unwrap()
}

fn text<'a>(row: &'a Value, field: &str) -> Option<&'a str> {
    row.get(field).and_then(Value::as_str)
}

#[test]
fn the_compacted_catalog_holds_every_operation_of_the_copy_unchanged() {
    let catalog = Catalog::shipped();
    let rows = json("endpoints.json");
    assert_eq!(catalog.operations.len(), rows.len());
    assert_eq!(rows.len(), 601, "the catalog README's count");
    for (op, row) in catalog.operations.iter().zip(&rows) {
        assert_eq!(Some(op.api), text(row, "api"));
        assert_eq!(Some(op.method), text(row, "method"));
        assert_eq!(Some(op.path), text(row, "path"));
        assert_eq!(op.summary, text(row, "summary"));
        assert_eq!(op.operation_id, text(row, "operationId"));
        let needs = match text(row, "match") {
            Some("all") => Needs::All,
            Some("any") => Needs::Any,
            _ => Needs::Unstated,
        };
        assert_eq!(op.needs, needs, "{}", op.path);
        let privileges = row["privileges"].as_array().unwrap();
        assert_eq!(op.privileges.len(), privileges.len());
        for (r, p) in op.privileges.iter().zip(privileges) {
            assert_eq!(Some(r.owner), text(p, "owner"));
            assert_eq!(Some(r.target_domain), text(p, "targetDomain"));
            assert_eq!(r.kind, text(p, "type"));
            assert_eq!(Some(r.target), text(p, "targetId"));
        }
    }
    let by_needs = |n: Needs| catalog.operations.iter().filter(|o| o.needs == n).count();
    assert_eq!((by_needs(Needs::Any), by_needs(Needs::Unstated)), (24, 14));
    let described = catalog
        .operations
        .iter()
        .filter(|o| o.from_description)
        .count();
    assert_eq!(described, 153);
}

#[test]
fn the_compacted_catalog_holds_every_domain_of_the_copy() {
    let catalog = Catalog::shipped();
    let rows = json("domains.json");
    assert_eq!(catalog.domains.len(), 50);
    for row in &rows {
        let (owner, domain) = (
            text(row, "owner").unwrap(),
            text(row, "targetDomain").unwrap(),
        );
        let info = catalog.domain(owner, domain).expect("every pair is found");
        assert_eq!(info.service, text(row, "service"));
        assert_eq!(info.name, text(row, "name"));
        assert_eq!(Some(info.summary), text(row, "summary"));
        assert_eq!(
            info.custom_access,
            row.get("customAccessLevel") == Some(&Value::Bool(true))
        );
        let public = row["publicSafe"].as_bool().unwrap();
        assert_eq!(
            !info.public_safe_levels.is_empty(),
            public,
            "{owner}/{domain}"
        );
    }
    assert!(catalog.domain("PLATFORM", "NO_SUCH_DOMAIN").is_none());
}

#[test]
fn privileges_are_named_as_the_console_names_them() {
    let catalog = Catalog::shipped();
    let title = |o, d, k| privilege_title(&catalog, o, d, k);
    assert_eq!(
        title("PLATFORM", "SOURCE", Some("EDIT")).unwrap(),
        "Content · Sources · Edit"
    );
    assert_eq!(
        title("SEARCH_API", "EXECUTE_QUERY", None).unwrap(),
        "Search · Execute queries"
    );
    assert_eq!(
        title("USAGE_ANALYTICS", "ANALYTICS_DATA", Some("EDIT")).unwrap(),
        "Analytics · Analytics data · Push"
    );
    // A name without a confirmed service is shown alone; a pair without a name, or one
    // the catalog does not know, has no title (its code is shown instead).
    assert_eq!(
        title("PLATFORM", "FIELD", Some("VIEW")).unwrap(),
        "Fields · View"
    );
    assert_eq!(
        title("SEARCH_API", "IMPERSONATE_SEARCH_API", Some("ENABLE")),
        None
    );
    assert_eq!(title("ACME", "ANVILS", None), None);
    assert_eq!(pick("ACME.ANVILS").label(), "ACME.ANVILS");
    assert_eq!(
        pick("PLATFORM.SOURCE.VIEW").label(),
        "Content · Sources · View (PLATFORM.SOURCE.VIEW)"
    );
}

#[test]
fn the_first_loads_privilege_names_agree_with_the_catalog() {
    let backticked = |code: &str| {
        let p = pick(code);
        format!("{} (`{}`)", p.title().unwrap(), p.code())
    };
    assert_eq!(VIEW_API_KEYS, backticked("PLATFORM.API_KEY.VIEW"));
    assert_eq!(VIEW_ORGANIZATION, backticked("PLATFORM.ORGANIZATION.VIEW"));
    assert_eq!(CREATE_API_KEYS, backticked("PLATFORM.API_KEY.CREATE"));
}

#[test]
fn statuses_are_named_and_unknown_ones_keep_their_code() {
    assert_eq!(status_name("SOON_TO_BE_EXPIRED"), Some("Expires soon"));
    assert_eq!(status_name("DISABLED_EXPOSED"), Some("Disabled: exposed"));
    assert_eq!(status_name("A_STATUS_FROM_THE_FUTURE"), None);
}

#[test]
fn the_privilege_filter_finds_console_names_and_codes_in_any_case_accent_or_number() {
    let list = held(
        r#"[
        {"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY"},
        {"owner":"USAGE_ANALYTICS","targetDomain":"ANALYTICS_DATA","type":"EDIT"},
        {"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW"},
        {"owner":"ACME","targetDomain":"ANVILS"}
    ]"#,
    );
    let index = PrivilegeIndex::new(&list);
    let find = |text: &str| {
        let query = ExplorerQuery {
            text: text.to_owned(),
            ..ExplorerQuery::default()
        };
        index.filter(&list, &query)
    };
    assert_eq!(find("execute queries"), [0]);
    assert_eq!(find("Éxécute QUERY"), [0], "accents, case and the singular");
    assert_eq!(find("push"), [1]);
    assert_eq!(find("source"), [2]);
    assert_eq!(find("sources"), [2], "a plural finds the code's singular");
    assert_eq!(find("content"), [2]);
    assert_eq!(find("execute_query"), [0], "the code as written");
    assert_eq!(find("anvil"), [3], "an unknown pair by its code");
}

#[test]
fn a_call_fits_the_path_template_with_its_ids() {
    let segments = |path: &str| match Lookup::read(path) {
        Lookup::Call { segments, .. } => segments,
        other => panic!("{other:?}"),
    };
    let template = "/rest/organizations/{organizationId}/sources/{sourceId}";
    let fitted = fit(
        template,
        &segments("/rest/organizations/myorg/sources/abc123"),
    )
    .unwrap();
    assert_eq!(fitted.literal, 3);
    assert_eq!(
        fitted.bound,
        [
            ("{organizationId}", "myorg".to_owned()),
            ("{sourceId}", "abc123".to_owned())
        ]
    );
    assert!(fit(template, &segments("/rest/organizations/myorg/sources")).is_none());
    assert!(fit(template, &segments("/rest/organizations/myorg/fields/abc")).is_none());
}

#[test]
fn the_finder_reads_methods_paths_and_urls_from_anywhere() {
    assert_eq!(
        Lookup::read("put /rest/organizations/o/sources/s"),
        Lookup::Call {
            method: Some("PUT".into()),
            segments: ["rest", "organizations", "o", "sources", "s"]
                .map(String::from)
                .to_vec(),
        }
    );
    let from_url = Lookup::read(
        "https://platform-eu.cloud.coveo.com/rest/organizations/o/sources/s?rebuild=true#x",
    );
    let Lookup::Call {
        method: None,
        segments,
    } = from_url
    else {
        panic!("a URL is a call");
    };
    assert_eq!(segments.join("/"), "rest/organizations/o/sources/s");
    assert_eq!(
        Lookup::read("update Sources"),
        Lookup::Words(vec!["update".into(), "source".into()])
    );
}

#[test]
fn the_finder_finds_the_operation_of_a_concrete_call_first() {
    let catalog = Catalog::shipped();
    let index = OperationIndex::new(catalog.operations);
    let find = |text: &str| -> Vec<&Operation> {
        index
            .find(catalog.operations, &Lookup::read(text))
            .into_iter()
            .map(|i| &catalog.operations[i])
            .collect()
    };
    let found = find("PUT /rest/organizations/myorg/sources/abc123");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].path,
        "/rest/organizations/{organizationId}/sources/{sourceId}"
    );
    assert_eq!(found[0].method, "PUT");
    // Without a method, every method on that path; a literal segment beats a placeholder.
    let any_method = find("/rest/organizations/myorg/sources/raw");
    assert!(any_method.len() > 1);
    assert!(
        any_method[0].path.ends_with("/sources/raw"),
        "{:?}",
        any_method[0]
    );
    // A path without its start fits the templates' ends.
    let tail = find("GET /sources/abc123/raw");
    assert!(!tail.is_empty());
    assert!(tail
        .iter()
        .all(|o| o.method == "GET" && o.path.ends_with("/sources/{sourceId}/raw")));
    // Words: the summary's, the method's verbs, the API's, in any number.
    // Words match word starts: "source" finds "Sources", not "resources".
    let update = find("update source");
    assert_eq!(
        update[0].path,
        "/rest/organizations/{organizationId}/sources/{sourceId}"
    );
    assert!(update.iter().all(|o| !o.path.contains("/resources")));
    assert!(find("send search request")
        .iter()
        .any(|o| o.path == "/rest/search/v2"));
    assert!(find("").is_empty());
    assert!(find("zzzz no such words").is_empty());
}

#[test]
fn allowed_operations_honour_all_and_any() {
    let catalog = Catalog::shipped();
    let calls = |json: &str| {
        let groups = callable(&catalog, &held(json));
        groups
            .iter()
            .flat_map(|g| {
                g.allowed
                    .iter()
                    .map(|a| (a.operation.method, a.operation.path))
            })
            .collect::<Vec<_>>()
    };
    // `any`: either security privilege opens the security cache's status.
    let status = (
        "GET",
        "/rest/organizations/{organizationId}/securitycache/status",
    );
    assert!(calls(
        r#"[{"owner":"PLATFORM","targetDomain":"SECURITY_CACHE","type":"VIEW","targetId":"*"}]"#
    )
    .contains(&status));
    assert!(calls(
        r#"[{"owner":"PLATFORM","targetDomain":"SECURITY_PROVIDER","type":"VIEW","targetId":"*"}]"#
    )
    .contains(&status));
    // Unstated (counted as all): replaying a query needs both of its privileges.
    let replay = ("POST", "/rest/search/v3/analysis/inspect/replay");
    let query_only = r#"[{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*"}]"#;
    assert!(!calls(query_only).contains(&replay));
    assert!(calls(
        r#"[{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*"},
            {"owner":"SEARCH_API","targetDomain":"REPLAY_ANY_QUERY","type":"VIEW","targetId":"*"}]"#
    )
    .contains(&replay));
    // A type-less Execute queries meets the OpenAPI's `ENABLE`.
    assert!(calls(query_only).contains(&("POST", "/rest/search/v2")));
    assert!(level_meets(Some("ENABLE"), None) && !level_meets(Some("EDIT"), Some("VIEW")));
    assert!(calls("[]").is_empty());
}

#[test]
fn an_operation_on_one_resource_needs_the_privilege_on_it_or_on_all() {
    let catalog = Catalog::shipped();
    let reach_of = |json: &str, method: &str, path: &str| {
        callable(&catalog, &held(json))
            .into_iter()
            .flat_map(|g| g.allowed)
            .find(|a| a.operation.method == method && a.operation.path == path)
            .map(|a| a.reach)
    };
    let one_source = "/rest/organizations/{organizationId}/sources/{sourceId}";
    let on_two =
        r#"[{"owner":"PLATFORM","targetDomain":"SOURCE","type":"EDIT","targetIds":["abc","def"]}]"#;
    assert_eq!(
        reach_of(on_two, "PUT", one_source),
        Some(Reach::Only(vec![Limit {
            placeholder: "{sourceId}",
            ids: vec!["abc".to_string(), "def".into()].into()
        }]))
    );
    // Listing every source (`*`) is not allowed by a privilege on two of them.
    let every_source = "/rest/organizations/{organizationId}/sources";
    assert_eq!(reach_of(on_two, "POST", every_source), None);
    let on_all = r#"[{"owner":"PLATFORM","targetDomain":"SOURCE","type":"EDIT","targetId":"*"},
                     {"owner":"PLATFORM","targetDomain":"SOURCE","type":"EDIT","targetId":"abc"}]"#;
    assert_eq!(reach_of(on_all, "PUT", one_source), Some(Reach::Everywhere));
}

#[test]
fn the_builder_selection_allows_what_a_key_made_from_it_would() {
    let catalog = Catalog::shipped();
    let groups = callable(&catalog, &as_held(&Purpose::PublicSearchPage.picks()));
    assert!(groups
        .iter()
        .all(|g| g.allowed.iter().all(|a| a.reach == Reach::Everywhere)));
    assert!(groups.iter().any(|g| g.api == "Search"));
    assert!(operation_count(&groups) > 10);
}

static TWIN_DOMAINS: [DomainInfo; 2] = [
    twin("SEARCH_API", "Search"),
    twin("USAGE_ANALYTICS", "Analytics"),
];

const fn twin(owner: &'static str, service: &'static str) -> DomainInfo {
    DomainInfo {
        owner,
        target_domain: "IMPERSONATE",
        service: Some(service),
        name: Some("Impersonate"),
        levels: &["ALLOWED"],
        level_labels: &[],
        summary: "",
        public_safe_levels: &[],
        custom_access: false,
        unverified: &[],
        notes: None,
    }
}

static TWIN_OPERATIONS: [Operation; 1] = [Operation {
    api: "Search",
    method: "POST",
    path: "/rest/search/v2/token",
    summary: Some("Create Search Token"),
    operation_id: None,
    needs: Needs::All,
    privileges: &[Required {
        owner: "SEARCH_API",
        target_domain: "IMPERSONATE",
        kind: None,
        target: "*",
    }],
    from_description: false,
}];

#[test]
fn a_domain_held_under_the_wrong_owner_is_named_as_a_mix_up() {
    let catalog = Catalog {
        domains: &TWIN_DOMAINS,
        operations: &TWIN_OPERATIONS,
    };
    let twins: Vec<&str> = catalog
        .twins("SEARCH_API", "IMPERSONATE")
        .iter()
        .map(|d| d.owner)
        .collect();
    assert_eq!(twins, ["USAGE_ANALYTICS"]);
    let wrong = held(r#"[{"owner":"USAGE_ANALYTICS","targetDomain":"IMPERSONATE"}]"#);
    assert!(callable(&catalog, &wrong).is_empty());
    let mix_ups = owner_mix_ups(&catalog, &wrong);
    assert_eq!(mix_ups.len(), 1);
    assert_eq!(mix_ups[0].held, pick("USAGE_ANALYTICS.IMPERSONATE"));
    assert_eq!(mix_ups[0].needed, pick("SEARCH_API.IMPERSONATE"));
    assert_eq!(mix_ups[0].operations, 1);
    let right = held(r#"[{"owner":"SEARCH_API","targetDomain":"IMPERSONATE"}]"#);
    assert!(owner_mix_ups(&catalog, &right).is_empty());
    assert_eq!(operation_count(&callable(&catalog, &right)), 1);
    // The shipped catalog has this pair under both owners.
    assert_eq!(
        Catalog::shipped()
            .twins("USAGE_ANALYTICS", "IMPERSONATE")
            .len(),
        1
    );
}

#[test]
fn each_purpose_preselects_pairs_the_catalog_knows_at_levels_it_lists() {
    let catalog = Catalog::shipped();
    for purpose in Purpose::ALL {
        assert_eq!(Purpose::from_code(purpose.code()), Some(purpose));
        assert_eq!(purpose.picks().len(), purpose.usual().len(), "{purpose:?}");
        for p in purpose.picks() {
            let info = catalog
                .domain(&p.owner, &p.target_domain)
                .expect("a catalog pair");
            let level = p.kind.as_deref().unwrap_or("ALLOWED");
            assert!(info.levels.contains(&level), "{} at {level}", p.code());
        }
    }
    assert!(Purpose::PublicSearchPage
        .picks()
        .iter()
        .all(|p| p.safe_for_public_key()));
    assert!(Purpose::SearchToken
        .picks()
        .iter()
        .all(|p| !p.safe_for_public_key()));
}

#[test]
fn the_sample_data_uses_pairs_of_the_catalog_and_its_keys_show_names() {
    use domain::demo::{demo_keys, demo_privileges};
    let catalog = Catalog::shipped();
    for p in demo_privileges().items {
        assert!(
            catalog.domain(&p.owner, &p.target_domain).is_some(),
            "{}/{}",
            p.owner,
            p.target_domain
        );
    }
    for p in demo_keys().items.into_iter().flat_map(|k| k.privileges) {
        let info = catalog.domain(&p.owner, &p.target_domain);
        assert!(
            info.and_then(|d| d.title()).is_some(),
            "{}/{} has a name",
            p.owner,
            p.target_domain
        );
    }
}
