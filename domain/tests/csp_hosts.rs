//! The page's policy allows connections to Coveo's hosts as `xtask/coveo-hosts.json`
//! lists them (read by `xtask/csp.mjs` when it writes the policy): the same hosts as
//! `Region`'s, in its order.

use domain::region::Region;

#[test]
fn the_policys_host_list_is_regions() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../xtask/coveo-hosts.json");
    let listed: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let regions: Vec<String> = Region::ALL
        .iter()
        .map(|region| format!("https://{}", region.host()))
        .collect();
    assert_eq!(
        listed, regions,
        "xtask/coveo-hosts.json must list Region's hosts"
    );
}
