//! Key health: what makes a key worth a look, with the reason in words.

use crate::catalog::Catalog;
use crate::model::{ApiKey, Privilege, Timestamp};
use crate::privilege_explorer::PrivilegeRef;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// A key unused for this long is flagged.
pub const UNUSED_DAYS: i64 = 90;
/// A key expiring within this many days is flagged (when Coveo does not say so itself).
pub const EXPIRY_WARNING_DAYS: i64 = 30;
/// A key younger than this that was never used is not flagged yet.
const NEVER_USED_GRACE_DAYS: i64 = 7;

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
    /// The reason, in words.
    pub fn reason(&self) -> String {
        match self {
            Flag::Exposed { severity: Some(s) } => {
                format!("Coveo reports this key exposed (severity {s}): rotate or delete it.")
            }
            Flag::Exposed { severity: None } => {
                "Coveo reports this key exposed: rotate or delete it.".to_owned()
            }
            Flag::Expired => "Expired.".to_owned(),
            Flag::ExpiresSoon { days: Some(d) } if *d <= 0 => "Expires today.".to_owned(),
            Flag::ExpiresSoon { days: Some(d) } => format!("Expires in {d} days."),
            Flag::ExpiresSoon { days: None } => "Expires soon.".to_owned(),
            Flag::PublicTooPowerful { privileges } => format!(
                "Public key holding privileges Coveo does not allow in client-side code: {}.",
                privileges.join(", ")
            ),
            Flag::NeverUsed => "Never used.".to_owned(),
            Flag::Unused { days } => format!("Not used for {days} days."),
        }
    }

    /// A short label for chips.
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

/// Everything worth flagging about `key` at time `now`.
pub fn flags(key: &ApiKey, now: Timestamp) -> Vec<Flag> {
    let mut flags = Vec::new();
    let status = key.status.as_deref().unwrap_or("");
    if key.exposure_report.as_ref().is_some_and(|r| !r.is_null()) || status == "DISABLED_EXPOSED" {
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
    if status == "EXPIRED" || days_to_expiry.is_some_and(|d| d < 0) {
        flags.push(Flag::Expired);
    } else if status == "SOON_TO_BE_EXPIRED"
        || days_to_expiry.is_some_and(|d| d <= EXPIRY_WARNING_DAYS)
    {
        flags.push(Flag::ExpiresSoon {
            days: days_to_expiry,
        });
    }
    if key.privacy_level.as_deref() == Some("PUBLIC") {
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
    match key.last_used_date {
        Some(used) => {
            let idle = (now.0 - used.0).div_euclid(DAY_MS);
            if idle >= UNUSED_DAYS {
                flags.push(Flag::Unused { days: idle });
            }
        }
        None => {
            let old_enough = key
                .created_date
                .is_none_or(|created| now.0 - created.0 >= NEVER_USED_GRACE_DAYS * DAY_MS);
            if old_enough {
                flags.push(Flag::NeverUsed);
            }
        }
    }
    flags
}
