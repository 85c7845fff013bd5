//! The sample data set behind "Try with sample data": the seed documents' sample
//! responses plus a few realistic keys. Decoded by the same code as real responses.

use crate::decode::{decode_list, Decoded};
use crate::model::{ApiKey, Privilege};

/// The organization the sample data belongs to.
pub const DEMO_ORG: &str = "mycoveocloudv2organization";

const KEYS_JSON: &str = include_str!("demo/keys.json");
const PRIVILEGES_JSON: &str = include_str!("demo/privileges.json");

pub fn demo_keys() -> Decoded<ApiKey> {
    decode_list(KEYS_JSON).expect("the embedded sample keys are a JSON list")
}

pub fn demo_privileges() -> Decoded<Privilege> {
    decode_list(PRIVILEGES_JSON).expect("the embedded sample privileges are a JSON list")
}
