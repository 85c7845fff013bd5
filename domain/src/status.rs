//! A key's status in words: the Console's way of saying `SOON_TO_BE_EXPIRED`.

/// The words for a status Coveo documents; `None` for one it does not (shown by its
/// code only).
pub fn status_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "ENABLED" => "Enabled",
        "DISABLED" => "Disabled",
        "DISABLED_FOR_INACTIVITY" => "Disabled: inactive",
        "DISABLED_EXPOSED" => "Disabled: exposed",
        "EXPIRED" => "Expired",
        "SOON_TO_BE_EXPIRED" => "Expires soon",
        "SOON_TO_BE_DISABLED" => "Disabled soon",
        "UNKNOWN" => "Unknown",
        _ => return None,
    })
}
