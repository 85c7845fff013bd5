//! Compacts the privilege catalog (`catalog/*.json`, copied from the shared reference by
//! `xtask/catalog.mjs`) into Rust statics: the app carries only the fields it shows or
//! matches on, with no JSON to parse at run time. `src/catalog.rs` includes the output.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::Value;

fn main() {
    for file in ["catalog/domains.json", "catalog/endpoints.json"] {
        println!("cargo:rerun-if-changed={file}");
    }
    let domains = read("catalog/domains.json");
    let endpoints = read("catalog/endpoints.json");
    let mut out = String::new();
    write_domains(&mut out, &domains);
    write_operations(&mut out, &endpoints);
    let path = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog.rs");
    fs::write(path, out).unwrap();
}

fn read(path: &str) -> Vec<Value> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("{path}: expected a JSON array, got {other:?}"),
    }
}

fn text<'a>(row: &'a Value, field: &str) -> Option<&'a str> {
    row.get(field).and_then(Value::as_str)
}

fn required<'a>(row: &'a Value, field: &str) -> &'a str {
    text(row, field).unwrap_or_else(|| panic!("a catalog row lacks `{field}`: {row}"))
}

fn strings(row: &Value, field: &str) -> Vec<String> {
    row.get(field)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn literal(value: Option<&str>) -> String {
    match value {
        Some(text) => format!("Some({text:?})"),
        None => "None".to_owned(),
    }
}

fn list(items: &[String]) -> String {
    format!("&{items:?}")
}

fn write_domains(out: &mut String, rows: &[Value]) {
    let mut rows: Vec<&Value> = rows.iter().collect();
    // Sorted by owner then domain, for `DomainInfo::find`'s binary search.
    rows.sort_by_key(|r| (required(r, "owner"), required(r, "targetDomain")));
    writeln!(out, "pub static DOMAINS: &[DomainInfo] = &[").unwrap();
    for row in rows {
        let levels = strings(row, "levels");
        let public_safe = match (row.get("publicSafe"), row.get("publicSafeLevels")) {
            (Some(Value::Bool(true)), Some(Value::Array(_))) => strings(row, "publicSafeLevels"),
            (Some(Value::Bool(true)), _) => levels.clone(),
            _ => Vec::new(),
        };
        let labels: Vec<String> = row
            .get("levelLabels")
            .and_then(Value::as_object)
            .map(|labels| {
                labels
                    .iter()
                    .filter_map(|(level, label)| {
                        Some(format!("({level:?}, {:?})", label.as_str()?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        writeln!(
            out,
            "DomainInfo {{ owner: {:?}, target_domain: {:?}, service: {}, name: {}, levels: {}, \
             level_labels: &[{}], summary: {:?}, public_safe_levels: {}, custom_access: {}, \
             unverified: {}, notes: {} }},",
            required(row, "owner"),
            required(row, "targetDomain"),
            literal(text(row, "service")),
            literal(text(row, "name")),
            list(&levels),
            labels.join(", "),
            required(row, "summary"),
            list(&public_safe),
            row.get("customAccessLevel") == Some(&Value::Bool(true)),
            list(&strings(row, "unverifiedFields")),
            literal(text(row, "notes")),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn write_operations(out: &mut String, rows: &[Value]) {
    writeln!(out, "pub static OPERATIONS: &[Operation] = &[").unwrap();
    for row in rows {
        let needs = match row.get("match").and_then(Value::as_str) {
            Some("all") => "Needs::All",
            Some("any") => "Needs::Any",
            None => "Needs::Unstated",
            Some(other) => panic!("unknown `match`: {other}"),
        };
        let privileges: Vec<String> = row
            .get("privileges")
            .and_then(Value::as_array)
            .expect("an operation lists its privileges")
            .iter()
            .map(|p| {
                format!(
                    "Required {{ owner: {:?}, target_domain: {:?}, kind: {}, target: {:?} }}",
                    required(p, "owner"),
                    required(p, "targetDomain"),
                    literal(text(p, "type")),
                    required(p, "targetId"),
                )
            })
            .collect();
        writeln!(
            out,
            "Operation {{ api: {:?}, method: {:?}, path: {:?}, summary: {}, operation_id: {}, \
             needs: {needs}, privileges: &[{}], from_description: {} }},",
            required(row, "api"),
            required(row, "method"),
            required(row, "path"),
            literal(text(row, "summary")),
            literal(text(row, "operationId")),
            privileges.join(", "),
            text(row, "privilegeSource") == Some("description"),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}
