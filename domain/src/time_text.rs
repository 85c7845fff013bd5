//! Dates in words: "3 days ago", "in 2 hours".

use crate::model::Timestamp;

/// How far `at` is from `now`, in the largest unit that fits.
pub fn relative(at: Timestamp, now: Timestamp) -> String {
    let delta = at.0 - now.0;
    let secs = delta.unsigned_abs() / 1000;
    let (amount, unit) = match secs {
        0..=44 => return "just now".to_owned(),
        45..=3_599 => (secs.div_ceil(60).max(1), "minute"),
        3_600..=86_399 => (secs / 3_600, "hour"),
        86_400..=2_591_999 => (secs / 86_400, "day"),
        2_592_000..=31_535_999 => (secs / 2_592_000, "month"),
        _ => (secs / 31_536_000, "year"),
    };
    let plural = if amount == 1 { "" } else { "s" };
    if delta < 0 {
        format!("{amount} {unit}{plural} ago")
    } else {
        format!("in {amount} {unit}{plural}")
    }
}

/// A span of `days` in the largest unit that fits: "12 days", "5 months", "6 years".
pub fn days_in_words(days: i64) -> String {
    let days = days.max(0);
    let (amount, unit) = match days {
        0..=59 => (days, "day"),
        60..=729 => (days / 30, "month"),
        _ => (days / 365, "year"),
    };
    format!("{amount} {unit}{}", if amount == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Timestamp = Timestamp(1_700_000_000_000);

    fn ago(secs: i64) -> String {
        relative(Timestamp(NOW.0 - secs * 1000), NOW)
    }

    #[test]
    fn picks_the_largest_unit() {
        assert_eq!(ago(10), "just now");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(3 * 3600), "3 hours ago");
        assert_eq!(ago(3 * 86_400), "3 days ago");
        assert_eq!(ago(65 * 86_400), "2 months ago");
        assert_eq!(ago(800 * 86_400), "2 years ago");
        assert_eq!(ago(-2 * 86_400), "in 2 days");
    }

    #[test]
    fn spans_read_in_human_units() {
        assert_eq!(days_in_words(1), "1 day");
        assert_eq!(days_in_words(45), "45 days");
        assert_eq!(days_in_words(120), "4 months");
        assert_eq!(days_in_words(2266), "6 years");
    }
}
