//! Key health: what makes a key worth a look, with the reason in words and a severity.
//! Nothing Coveo's own status already says is flagged again, and a key Coveo has
//! disabled or expired is not flagged for being unused.

use crate::catalog::Catalog;
use crate::model::{ApiKey, Privilege, Timestamp};
use crate::privilege_explorer::PrivilegeRef;
use crate::time_text::days_in_words;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// A key unused for this long is flagged.
pub const UNUSED_DAYS: i64 = 90;
/// A key expiring within this many days is flagged (when Coveo does not say so itself).
pub const EXPIRY_WARNING_DAYS: i64 = 30;
/// A key younger than this that was never used is not flagged yet.
const NEVER_USED_GRACE_DAYS: i64 = 7;

/// How much a flag matters. Only `Warning` and above make an active key "at risk".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Low,
    Warning,
    High,
    Critical,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Warning => "warning",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// One reason a key needs attention.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// Coveo found the key exposed (an exposure report, or `DISABLED_EXPOSED`).
    Exposed {
        severity: Option<String>,
    },
    Expired,
    ExpiresSoon {
        days: Option<i64>,
    },
    /// A public key with privileges beyond executing queries and pushing analytics.
    PublicTooPowerful {
        privileges: Vec<String>,
    },
    NeverUsed,
    Unused {
        days: i64,
    },
}

impl Flag {
    /// The flag in a few words, as its chip shows it: "Expires in 12 days", "Not used
    /// for 3 years". Its reason starts with the same words.
    pub fn short(&self) -> String {
        match self {
            Flag::ExpiresSoon { days: Some(d) } if *d <= 0 => "Expires today".to_owned(),
            Flag::ExpiresSoon { days: Some(d) } => format!("Expires in {d} days"),
            Flag::Unused { days } => format!("Not used for {}", days_in_words(*days)),
            flag => flag.label().to_owned(),
        }
    }

    /// The flag in words: its short words, then what to know or do.
    pub fn reason(&self) -> String {
        let short = self.short();
        match self {
            Flag::Exposed { severity: Some(s) } => {
                format!("{short}: Coveo reports this key exposed (severity {s}); rotate or delete it.")
            }
            Flag::Exposed { severity: None } => {
                format!("{short}: Coveo reports this key exposed; rotate or delete it.")
            }
            Flag::PublicTooPowerful { privileges } => format!(
                "{short}: a public key holding privileges Coveo does not allow in client-side code: {}.",
                privileges.join(", ")
            ),
            _ => format!("{short}."),
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Flag::Exposed { .. } => Severity::Critical,
            Flag::Expired | Flag::PublicTooPowerful { .. } => Severity::High,
            Flag::ExpiresSoon { .. } => Severity::Warning,
            Flag::NeverUsed | Flag::Unused { .. } => Severity::Low,
        }
    }

    /// The kind of flag, as "Needs attention" counts them.
    pub fn label(&self) -> &'static str {
        match self {
            Flag::Exposed { .. } => "Exposed",
            Flag::Expired => "Expired",
            Flag::ExpiresSoon { .. } => "Expires soon",
            Flag::PublicTooPowerful { .. } => "Public, too powerful",
            Flag::NeverUsed => "Never used",
            Flag::Unused { .. } => "Unused 90+ days",
        }
    }
}

/// Whether Coveo says `privilege` may sit in a key exposed in client-side code (the
/// catalog's public-safe pairs, at their public-safe levels only).
pub fn safe_for_public_key(privilege: &Privilege) -> bool {
    Catalog::shipped()
        .domain(&privilege.owner, &privilege.target_domain)
        .is_some_and(|d| d.public_safe(privilege.kind.as_deref()))
}

/// Whether Coveo still accepts the key: it is not disabled or expired.
pub fn is_active(key: &ApiKey) -> bool {
    match key.status.as_deref() {
        Some(status) => !status.starts_with("DISABLED") && status != "EXPIRED",
        None => key.enabled != Some(false),
    }
}

/// Whether an active key is at risk: a flag of `Warning` or worse, or Coveo's own status
/// saying it will soon stop working. What "Needs attention" counts.
pub fn at_risk(key: &ApiKey, flags: &[Flag]) -> bool {
    let soon = matches!(
        key.status.as_deref(),
        Some("SOON_TO_BE_EXPIRED" | "SOON_TO_BE_DISABLED")
    );
    is_active(key) && (soon || flags.iter().any(|f| f.severity() >= Severity::Warning))
}

/// Everything worth flagging about `key` at time `now` that its status does not say.
pub fn flags(key: &ApiKey, now: Timestamp) -> Vec<Flag> {
    let mut flags = Vec::new();
    let status = key.status.as_deref().unwrap_or("");
    let active = is_active(key);
    let exposed = key.exposure_report.as_ref().is_some_and(|r| !r.is_null());
    if exposed && status != "DISABLED_EXPOSED" {
        let severity = key
            .exposure_report
            .as_ref()
            .and_then(|r| r.get("severity"))
            .and_then(|s| s.as_str())
            .map(str::to_owned);
        flags.push(Flag::Exposed { severity });
    }
    let days_to_expiry = key
        .expiration_date
        .map(|at| (at.0 - now.0).div_euclid(DAY_MS));
    if active && days_to_expiry.is_some_and(|d| d < 0) {
        flags.push(Flag::Expired);
    } else if active
        && status != "SOON_TO_BE_EXPIRED"
        && days_to_expiry.is_some_and(|d| d <= EXPIRY_WARNING_DAYS)
    {
        flags.push(Flag::ExpiresSoon {
            days: days_to_expiry,
        });
    }
    if active && key.privacy_level.as_deref() == Some("PUBLIC") {
        let risky: Vec<String> = key
            .privileges
            .iter()
            .filter(|p| !safe_for_public_key(p))
            .map(|p| PrivilegeRef::of(p).label())
            .collect();
        if !risky.is_empty() {
            flags.push(Flag::PublicTooPowerful { privileges: risky });
        }
    }
    if active {
        flags.extend(idleness(key, now));
    }
    flags
}

/// "Never used" or "unused for a while", for a key old enough to tell.
fn idleness(key: &ApiKey, now: Timestamp) -> Option<Flag> {
    match key.last_used_date {
        Some(used) => {
            let idle = (now.0 - used.0).div_euclid(DAY_MS);
            (idle >= UNUSED_DAYS).then_some(Flag::Unused { days: idle })
        }
        None => {
            let old_enough = key
                .created_date
                .is_none_or(|created| now.0 - created.0 >= NEVER_USED_GRACE_DAYS * DAY_MS);
            old_enough.then_some(Flag::NeverUsed)
        }
    }
}

/// Coveo's exposure report on a key, read for people: how severe, and where the key was
/// found and when. Fields it does not know are left to the raw JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExposureReport {
    pub severity: Option<String>,
    pub reasons: Vec<ExposureReason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExposureReason {
    pub source: Option<String>,
    pub url: Option<String>,
    pub found: Option<Timestamp>,
}

impl ExposureReport {
    /// Reads the report; anything missing or mistyped is left out.
    pub fn read(report: &serde_json::Value) -> ExposureReport {
        let text = |v: &serde_json::Value, field: &str| {
            v.get(field).and_then(|s| s.as_str()).map(str::to_owned)
        };
        let reasons = report
            .get("reasons")
            .and_then(|r| r.as_array())
            .map(|reasons| {
                reasons
                    .iter()
                    .map(|r| ExposureReason {
                        source: text(r, "source"),
                        url: text(r, "url"),
                        found: r
                            .get("createdDate")
                            .and_then(|d| d.as_i64().or_else(|| d.as_f64().map(|f| f as i64)))
                            .map(Timestamp),
                    })
                    .collect()
            })
            .unwrap_or_default();
        ExposureReport {
            severity: text(report, "severity"),
            reasons,
        }
    }
}

/// Whether `url` may be a link: `http:` or `https:` only (never `javascript:`, `data:`...).
pub fn is_web_link(url: &str) -> bool {
    let url = url.trim_start();
    ["http://", "https://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    })
}
