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
}
