//! RFC 3339 date-times ("2021-03-05T18:38:06.5+02:00"), the API's second date form, as
//! Unix milliseconds.

/// The instant `text` names, in Unix milliseconds; `None` unless it is an RFC 3339
/// date-time with an offset (without one it names no instant) and a real date and time.
/// The same code runs on the host and in the browser: no parser of the platform is asked.
pub fn unix_millis(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let digits = |from: usize, to: usize| {
        b.get(from..to)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let date_time = digits(0, 4)
        && b.get(4) == Some(&b'-')
        && digits(5, 7)
        && b.get(7) == Some(&b'-')
        && digits(8, 10)
        && matches!(b.get(10), Some(b'T' | b't'))
        && digits(11, 13)
        && b.get(13) == Some(&b':')
        && digits(14, 16)
        && b.get(16) == Some(&b':')
        && digits(17, 19);
    if !date_time {
        return None;
    }
    let at = |i: usize| i64::from(two_digits(b[i], b[i + 1]));
    let (year, month, day) = (at(0) * 100 + at(2), at(5), at(8));
    let (hour, minute, second) = (at(11), at(14), at(17));
    // No leap second: a minute has 60 of them here.
    if !(1..=12).contains(&month)
        || !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let mut rest = &b[19..];
    let mut millis = 0;
    if let [b'.', fraction @ ..] = rest {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        // Milliseconds are the first three digits; the rest is finer than a timestamp.
        millis = fraction[..n]
            .iter()
            .chain(std::iter::repeat(&b'0'))
            .take(3)
            .fold(0, |m, d| m * 10 + i64::from(d - b'0'));
        rest = &fraction[n..];
    }
    let offset_minutes = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]
            if [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()) =>
        {
            let (hours, minutes) = (two_digits(*h1, *h2), two_digits(*m1, *m2));
            if hours > 23 || minutes > 59 {
                return None;
            }
            let minutes = i64::from(hours * 60 + minutes);
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let seconds = days_from_epoch(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second
        - offset_minutes * 60;
    Some(seconds * 1_000 + millis)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 => 28 + i64::from(leap),
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar, counted in eras
/// of 400 years, each of 146,097 days, with years starting in March so that the leap
/// day falls last.
fn days_from_epoch(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn two_digits(tens: u8, ones: u8) -> u32 {
    u32::from(tens - b'0') * 10 + u32::from(ones - b'0')
}

/// The cases the parser is tested against: here on the host, in `tests/core_in_browser.rs` in the
/// browser.
#[doc(hidden)]
pub mod cases {
    /// Date-times and the Unix milliseconds they name.
    pub const READ: &[(&str, i64)] = &[
        ("2021-03-05T18:38:06Z", 1_614_969_486_000),
        ("2021-03-05t18:38:06z", 1_614_969_486_000),
        ("2021-03-05T20:38:06.500+02:00", 1_614_969_486_500),
        ("2021-03-05T13:38:06.5-05:00", 1_614_969_486_500),
        ("2021-03-05T18:38:06.123456Z", 1_614_969_486_123),
        ("2024-02-29T00:00:00Z", 1_709_164_800_000),
        ("1969-12-31T23:59:59.999Z", -1),
        ("1970-01-01T00:30:00+01:00", -1_800_000),
        ("2000-02-29T12:00:00Z", 951_825_600_000),
        ("2100-12-31T23:59:59Z", 4_133_980_799_000),
        ("0001-01-01T00:00:00Z", -62_135_596_800_000),
    ];

    /// Texts that name no instant, or no real date and time.
    pub const REFUSED: &[&str] = &[
        "2021-03-05T18:38:06",
        "2021-03-05",
        "2021-03-05 18:38:06Z",
        "2021-03-05T18:38:06.Z",
        "2021-03-05T18:38:06+0200",
        "2021-13-05T18:38:06Z",
        "2021-02-30T18:38:06Z",
        "2023-02-29T18:38:06Z",
        "2021-03-05T25:38:06Z",
        "2021-03-05T18:38:60Z",
        "2021-03-05T18:38:06+24:00",
        "next tuesday",
        "",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utc_offsets_and_fractions() {
        for &(text, millis) in cases::READ {
            assert_eq!(unix_millis(text), Some(millis), "{text}");
        }
    }

    #[test]
    fn refuses_what_names_no_instant_or_no_real_date() {
        for &text in cases::REFUSED {
            assert_eq!(unix_millis(text), None, "{text}");
        }
    }
}
