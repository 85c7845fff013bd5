//! Property tests: keys and privileges read straight from the JSON text (model.rs,
//! lenient.rs) are exactly what a plain reading of the same JSON as a `serde_json::Value`
//! gives, field by field, for objects with any field of any JSON kind, fields given twice
//! and fields this version does not know.

use domain::decode::decode_list;
use domain::iso_date;
use domain::model::{ApiKey, CreatedBy, Privilege, Target, Timestamp};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// The reference: each field read from the parsed object (a name given twice holds its last
/// value there), kept when it has its expected shape.
mod reference {
    use super::*;

    fn text(object: &Map<String, Value>, name: &str) -> Option<String> {
        object.get(name).and_then(Value::as_str).map(str::to_owned)
    }

    fn texts(object: &Map<String, Value>, name: &str) -> Vec<String> {
        match object.get(name) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        }
    }

    fn date(object: &Map<String, Value>, name: &str) -> Option<Timestamp> {
        match object.get(name)? {
            Value::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
                .map(Timestamp),
            Value::String(s) => {
                let s = s.trim();
                s.parse::<i64>()
                    .ok()
                    .or_else(|| iso_date::unix_millis(s))
                    .map(Timestamp)
            }
            _ => None,
        }
    }

    fn created_by(value: &Value) -> Option<CreatedBy> {
        match value {
            Value::String(name) => Some(CreatedBy {
                username: Some(name.clone()),
                ..CreatedBy::default()
            }),
            Value::Object(object) => Some(CreatedBy {
                username: text(object, "username"),
                display_name: text(object, "displayName"),
                email: text(object, "email"),
            })
            .filter(|by| by.label().is_some()),
            _ => None,
        }
    }

    pub fn privilege(value: &Value) -> Option<Privilege> {
        let object = value.as_object()?;
        let target = match (text(object, "targetId"), object.get("global")) {
            (Some(id), _) if id == "*" => Target::All,
            (Some(id), _) => Target::Only(vec![id]),
            (None, Some(Value::Bool(true))) => Target::All,
            (None, _) => match texts(object, "targetIds") {
                ids if ids.is_empty() => Target::Unspecified,
                ids => Target::Only(ids),
            },
        };
        Some(Privilege {
            owner: text(object, "owner")?,
            target_domain: text(object, "targetDomain")?,
            kind: text(object, "type"),
            target,
            level: text(object, "level"),
        })
    }

    const KNOWN: [&str; 20] = [
        "id",
        "organizationId",
        "displayName",
        "description",
        "enabled",
        "status",
        "value",
        "privileges",
        "createdDate",
        "lastUsedDate",
        "expirationDate",
        "activationDate",
        "disabledDate",
        "createdBy",
        "allowedIps",
        "deniedIps",
        "apiKeyTemplateId",
        "privacyLevel",
        "exposureReport",
        "additionalConfiguration",
    ];

    pub fn key(value: &Value) -> Option<ApiKey> {
        let object = value.as_object()?;
        let json = |name: &str| object.get(name).filter(|v| !v.is_null()).cloned();
        Some(ApiKey {
            id: text(object, "id")?,
            organization_id: text(object, "organizationId"),
            display_name: text(object, "displayName"),
            description: text(object, "description"),
            enabled: object.get("enabled").and_then(Value::as_bool),
            status: text(object, "status"),
            value: text(object, "value"),
            privileges: match object.get("privileges") {
                Some(Value::Array(items)) => items.iter().filter_map(privilege).collect(),
                _ => Vec::new(),
            },
            created_date: date(object, "createdDate"),
            last_used_date: date(object, "lastUsedDate"),
            expiration_date: date(object, "expirationDate"),
            activation_date: date(object, "activationDate"),
            disabled_date: date(object, "disabledDate"),
            created_by: object.get("createdBy").and_then(created_by),
            allowed_ips: texts(object, "allowedIps"),
            denied_ips: texts(object, "deniedIps"),
            api_key_template_id: text(object, "apiKeyTemplateId"),
            privacy_level: text(object, "privacyLevel"),
            exposure_report: json("exposureReport"),
            additional_configuration: json("additionalConfiguration"),
            extra: object
                .iter()
                .filter(|(name, _)| !KNOWN.contains(&name.as_str()))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
        })
    }
}

/// A JSON scalar of any kind, with the strings the date and target fields treat specially.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        Just(r#""*""#.to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("18446744073709551615".to_owned()),
        Just("1e300".to_owned()),
        Just("-2.5".to_owned()),
        Just(r#"" 1614969486000 ""#.to_owned()),
        Just(r#""2021-03-05T18:38:06.5+02:00""#.to_owned()),
        Just(r#""2021-02-30T00:00:00Z""#.to_owned()),
        "[a-z é\\\\\"]{0,6}".prop_map(|s| serde_json::to_string(&s).expect("a string")),
    ]
}

/// Any JSON value: scalars, lists and objects, privilege- and user-shaped ones included.
fn json() -> impl Strategy<Value = String> {
    scalar().prop_recursive(3, 24, 5, |inner| {
        let names = prop_oneof![
            Just("owner"),
            Just("targetDomain"),
            Just("type"),
            Just("level"),
            Just("targetId"),
            Just("targetIds"),
            Just("global"),
            Just("username"),
            Just("displayName"),
            Just("email"),
            Just("other"),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5)
                .prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec((names, inner), 0..6).prop_map(|fields| {
                let fields: Vec<String> =
                    fields.iter().map(|(n, v)| format!("\"{n}\":{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

/// Objects shaped like privileges: mostly with their owner and domain, any kind of target.
fn privilege_object() -> impl Strategy<Value = String> {
    let text = || prop_oneof![3 => "[A-Z_]{1,6}".prop_map(|s| format!("\"{s}\"")), 1 => scalar()];
    (
        prop::option::weighted(0.9, text()),
        prop::option::weighted(0.9, text()),
        prop::option::of(text()),
        prop::option::of(prop_oneof![
            Just(r#""*""#.to_owned()),
            Just(r#""src-1""#.to_owned()),
            scalar()
        ]),
        prop::option::of(prop_oneof![
            Just("true".to_owned()),
            Just("false".to_owned()),
            scalar()
        ]),
        prop::option::of(json()),
    )
        .prop_map(|(owner, domain, kind, target_id, global, target_ids)| {
            object([
                ("owner", owner),
                ("targetDomain", domain),
                ("type", kind),
                ("targetId", target_id),
                ("global", global),
                ("targetIds", target_ids),
            ])
        })
}

/// Objects shaped like users: any of their three names, of any kind.
fn user_object() -> impl Strategy<Value = String> {
    let name = || prop::option::of(prop_oneof![Just(r#""someone""#.to_owned()), scalar()]);
    (name(), name(), name()).prop_map(|(username, display_name, email)| {
        object([
            ("username", username),
            ("displayName", display_name),
            ("email", email),
        ])
    })
}

/// A JSON object of the fields that have a value, in order.
fn object<const N: usize>(fields: [(&str, Option<String>); N]) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| format!("\"{name}\":{v}")))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// An object with any of a key's fields (some given twice) and unknown ones, any kind each.
fn key_object() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("id".to_owned()),
        Just("id".to_owned()),
        Just("organizationId".to_owned()),
        Just("displayName".to_owned()),
        Just("enabled".to_owned()),
        Just("status".to_owned()),
        Just("privileges".to_owned()),
        Just("createdDate".to_owned()),
        Just("lastUsedDate".to_owned()),
        Just("createdBy".to_owned()),
        Just("allowedIps".to_owned()),
        Just("deniedIps".to_owned()),
        Just("exposureReport".to_owned()),
        Just("additionalConfiguration".to_owned()),
        Just(r"display\u004eame".to_owned()),
        Just(r"unknown\u0041".to_owned()),
        "[a-zA-Z]{1,8}",
    ];
    let value = prop_oneof![
        2 => scalar(),
        1 => json(),
        1 => prop::collection::vec(prop_oneof![privilege_object(), scalar()], 0..4)
            .prop_map(|items| format!("[{}]", items.join(","))),
        1 => user_object(),
    ];
    prop::collection::vec((name, value), 0..10).prop_map(|fields| {
        let fields: Vec<String> = fields.iter().map(|(n, v)| format!("\"{n}\":{v}")).collect();
        format!("{{{}}}", fields.join(","))
    })
}

/// `json` decoded as a one-item list, against what `reference` reads from its tree: the
/// same item, or the entry left out and counted.
fn decodes_as_reference<T>(
    json: &str,
    reference: fn(&Value) -> Option<T>,
) -> Result<(), TestCaseError>
where
    T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let tree: Value = serde_json::from_str(json).expect("the strategy writes JSON");
    let expected = reference(&tree);
    let decoded = decode_list::<T>(format!("[{json}]")).expect("a list");
    prop_assert_eq!(decoded.items.first(), expected.as_ref());
    prop_assert_eq!(decoded.skipped, usize::from(expected.is_none()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn keys_read_from_the_text_are_keys_read_from_a_json_tree(object in key_object()) {
        decodes_as_reference(&object, reference::key)?;
    }

    #[test]
    fn privileges_read_from_the_text_are_privileges_read_from_a_json_tree(
        value in prop_oneof![json(), privilege_object()]
    ) {
        decodes_as_reference(&value, reference::privilege)?;
    }
}
