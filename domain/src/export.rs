//! The key list as a file: CSV (RFC 4180, safe to open in a spreadsheet) and JSON. Values
//! stay as the API gave them (a key's value masked); the token is never in a key.

use serde_json::{Map, Value};

use crate::model::{ApiKey, Privilege, Target, Timestamp};

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 15] = [
    "id",
    "displayName",
    "description",
    "status",
    "value",
    "privacyLevel",
    "createdDate",
    "createdBy",
    "lastUsedDate",
    "expirationDate",
    "apiKeyTemplateId",
    "privileges",
    "allowedIps",
    "deniedIps",
    "exposureSeverity",
];

/// `keys` as CSV: a header, then a record per key, CRLF line ends. Dates are UTC in
/// RFC 3339; privileges are their codes (`PLATFORM.SOURCE.EDIT`, with `:id,id` when
/// limited to some resources), separated by spaces.
pub fn to_csv<'a>(keys: impl IntoIterator<Item = &'a ApiKey>) -> String {
    let mut out = csv_header();
    for key in keys {
        push_csv_record(&mut out, key);
    }
    out
}

/// The CSV's header line: [`to_csv`] a piece at a time starts with it...
pub fn csv_header() -> String {
    let mut out = String::new();
    record(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_owned()));
    out
}

/// ...then appends each key's record.
pub fn push_csv_record(out: &mut String, key: &ApiKey) {
    record(out, csv_fields(key).into_iter());
}

fn csv_fields(key: &ApiKey) -> [String; 15] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let date = |d: Option<Timestamp>| d.map(rfc3339).unwrap_or_default();
    [
        key.id.clone(),
        text(&key.display_name),
        text(&key.description),
        key.status_label().to_owned(),
        text(&key.value),
        text(&key.privacy_level),
        date(key.created_date),
        key.created_by
            .as_ref()
            .and_then(|b| b.label())
            .unwrap_or_default()
            .to_owned(),
        date(key.last_used_date),
        date(key.expiration_date),
        text(&key.api_key_template_id),
        {
            let mut codes = String::with_capacity(key.privileges.len() * 32);
            for (i, p) in key.privileges.iter().enumerate() {
                if i > 0 {
                    codes.push(' ');
                }
                push_privilege_code(&mut codes, p);
            }
            codes
        },
        key.allowed_ips.join(" "),
        key.denied_ips.join(" "),
        key.exposure_report
            .as_ref()
            .and_then(|r| r.get("severity"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    ]
}

/// Appends `PLATFORM.SOURCE.EDIT`, with `:a,b` when limited to resources `a` and `b`.
fn push_privilege_code(out: &mut String, p: &Privilege) {
    out.push_str(&p.owner);
    out.push('.');
    out.push_str(&p.target_domain);
    if let Some(kind) = &p.kind {
        out.push('.');
        out.push_str(kind);
    }
    if let Target::Only(ids) = &p.target {
        out.push(':');
        out.push_str(&ids.join(","));
    }
}

/// Appends one CSV record.
fn record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &field);
    }
    out.push_str("\r\n");
}

/// Appends a cell, safe in a spreadsheet of any locale and quoted as RFC 4180 says (when
/// it holds a comma, a quote or a line break; quotes doubled).
///
/// A spreadsheet runs a piece of text as a formula when it starts with `=`, `+`, `-` or
/// `@`, and a piece starts not only where the cell does: a spreadsheet whose list
/// separator is `;` (German, French, Dutch, Spanish...) or that splits on tabs cuts the
/// line there, and, reading quotes only at the start of a piece, it also cuts at a line
/// break inside a quoted cell. So a `'` goes at the start of every piece whose first
/// character (after spaces and quotes) would run: at the cell's start and after each `;`,
/// tab, carriage return or line feed. The cell is then quoted too.
///
/// Not `sep=,` on the first line: only Excel reads it; LibreOffice, Google Sheets and
/// Numbers show it as a row of data, and RFC 4180 readers take it for the header.
pub fn push_cell(out: &mut String, field: &str) {
    let bytes = field.as_bytes();
    // Where a `'` goes: the byte offsets of the pieces that would run.
    let mut guards: Vec<usize> = Vec::new();
    if field.starts_with(['\t', '\r']) {
        guards.push(0);
    }
    let piece_starts =
        std::iter::once(0).chain(memchr::memchr3_iter(b';', b'\t', b'\r', bytes).map(|at| at + 1));
    let piece_starts = piece_starts.chain(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1));
    for start in piece_starts {
        let first = bytes[start..].iter().find(|b| !matches!(b, b' ' | b'"'));
        if matches!(first, Some(b'=' | b'+' | b'-' | b'@')) && !guards.contains(&start) {
            guards.push(start);
        }
    }
    guards.sort_unstable();
    let quoted = !guards.is_empty() || field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    let mut at = 0;
    for guard in guards {
        push_doubling_quotes(out, &field[at..guard]);
        out.push('\'');
        at = guard;
    }
    push_doubling_quotes(out, &field[at..]);
    if quoted {
        out.push('"');
    }
}

/// Appends `text` with each `"` doubled.
fn push_doubling_quotes(out: &mut String, mut text: &str) {
    while let Some(at) = text.find('"') {
        out.push_str(&text[..=at]);
        out.push('"');
        text = &text[at + 1..];
    }
    out.push_str(text);
}

/// `keys` as a JSON array: each key's fields as the API named them, unknown ones kept.
pub fn to_json<'a>(keys: impl IntoIterator<Item = &'a ApiKey>) -> String {
    let mut out = String::from("[");
    for (i, key) in keys.into_iter().enumerate() {
        push_json_item(&mut out, i, key);
    }
    out.push_str("\n]\n");
    out
}

/// Appends `key` as item `i` of [`to_json`]'s array (which a writer going a piece at a
/// time opens with `[` and closes with `\n]\n`).
pub fn push_json_item(out: &mut String, i: usize, key: &ApiKey) {
    out.push_str(if i == 0 { "\n" } else { ",\n" });
    out.push_str(
        &serde_json::to_string_pretty(&key_json(key)).expect("JSON values always serialize"),
    );
}

fn key_json(key: &ApiKey) -> Value {
    let mut o = Map::new();
    let mut put = |name: &str, value: Option<Value>| {
        if let Some(value) = value {
            o.insert(name.to_owned(), value);
        }
    };
    let text = |v: &Option<String>| v.clone().map(Value::String);
    let date = |d: Option<Timestamp>| d.map(|t| Value::from(t.0));
    put("id", Some(Value::String(key.id.clone())));
    put("displayName", text(&key.display_name));
    put("description", text(&key.description));
    put("organizationId", text(&key.organization_id));
    put("enabled", key.enabled.map(Value::Bool));
    put("status", text(&key.status));
    put("value", text(&key.value));
    put("privacyLevel", text(&key.privacy_level));
    put("createdDate", date(key.created_date));
    put("lastUsedDate", date(key.last_used_date));
    put("expirationDate", date(key.expiration_date));
    put("activationDate", date(key.activation_date));
    put("disabledDate", date(key.disabled_date));
    put("apiKeyTemplateId", text(&key.api_key_template_id));
    put(
        "createdBy",
        key.created_by.as_ref().map(|b| {
            let mut by = Map::new();
            for (name, v) in [
                ("username", &b.username),
                ("displayName", &b.display_name),
                ("email", &b.email),
            ] {
                if let Some(v) = v {
                    by.insert(name.to_owned(), Value::String(v.clone()));
                }
            }
            Value::Object(by)
        }),
    );
    put(
        "privileges",
        Some(key.privileges.iter().map(privilege_json).collect()),
    );
    put("allowedIps", Some(key.allowed_ips.clone().into()));
    put("deniedIps", Some(key.denied_ips.clone().into()));
    put("exposureReport", key.exposure_report.clone());
    put(
        "additionalConfiguration",
        key.additional_configuration.clone(),
    );
    for (name, value) in &key.extra {
        o.entry(name.clone()).or_insert_with(|| value.clone());
    }
    Value::Object(o)
}

fn privilege_json(p: &Privilege) -> Value {
    let mut o = Map::new();
    o.insert("owner".into(), p.owner.clone().into());
    o.insert("targetDomain".into(), p.target_domain.clone().into());
    if let Some(kind) = &p.kind {
        o.insert("type".into(), kind.clone().into());
    }
    match &p.target {
        Target::All => {
            o.insert("targetId".into(), "*".into());
        }
        Target::Only(ids) => {
            o.insert("targetIds".into(), ids.clone().into());
        }
        Target::Unspecified => {}
    }
    Value::Object(o)
}

/// Unix milliseconds as an RFC 3339 date-time in UTC ("2024-03-12T14:05:00Z").
pub fn rfc3339(at: Timestamp) -> String {
    let (secs, millis) = (at.0.div_euclid(1000), at.0.rem_euclid(1000));
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s) = (rest / 3_600, rest % 3_600 / 60, rest % 60);
    if millis == 0 {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{millis:03}Z")
    }
}
