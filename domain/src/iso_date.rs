//! RFC 3339 date-times ("2021-03-05T18:38:06.5+02:00"), the API's second date form, as
//! Unix milliseconds.

/// The instant `text` names, in Unix milliseconds; `None` unless it is an RFC 3339
/// date-time with an offset (without one it names no instant) and a real date and time.
pub fn unix_millis(text: &str) -> Option<i64> {
    if rfc3339_shape(text) {
        parser::unix_millis(text)
    } else {
        None
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.digits](Z|±HH:MM)` naming a real date and time, checked here so
/// that both parsers below are given the same inputs (the browser's would roll February 30
/// over to March 2).
fn rfc3339_shape(text: &str) -> bool {
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
    if !date_time || !real_date_time(b) {
        return false;
    }
    let mut rest = &b[19..];
    if let [b'.', fraction @ ..] = rest {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
                && two_digits(*h1, *h2) < 24
                && two_digits(*m1, *m2) < 60
        }
        _ => false,
    }
}

/// The month, day, hour, minute and second of a date-time already shaped, in range (no
/// leap second: neither parser takes one alike).
fn real_date_time(b: &[u8]) -> bool {
    let at = |i: usize| two_digits(b[i], b[i + 1]);
    let year = at(0) * 100 + at(2);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match at(5) {
        2 => 28 + u32::from(leap),
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=12).contains(&at(5))
        && (1..=days).contains(&at(8))
        && at(11) < 24
        && at(14) < 60
        && at(17) < 60
}

fn two_digits(tens: u8, ones: u8) -> u32 {
    u32::from(tens - b'0') * 10 + u32::from(ones - b'0')
}

/// On the host, the `time` crate.
#[cfg(not(target_arch = "wasm32"))]
mod parser {
    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;

    pub fn unix_millis(text: &str) -> Option<i64> {
        let parsed = OffsetDateTime::parse(text, &Rfc3339).ok()?;
        i64::try_from(parsed.unix_timestamp_nanos() / 1_000_000).ok()
    }
}

/// In the browser, its own date parser (`Date.parse`, which reads this shape as ISO 8601):
/// the `time` crate's weighed 2 KB gzip in the wasm. The browser tests check it against
/// the host's cases.
#[cfg(target_arch = "wasm32")]
mod parser {
    pub fn unix_millis(text: &str) -> Option<i64> {
        // ECMAScript's date format spells `T` and `Z` in capitals.
        let millis = js_sys::Date::parse(&text.to_ascii_uppercase());
        millis.is_finite().then_some(millis as i64)
    }
}

/// The cases both parsers are tested against: here on the host, in `tests/dates.rs` in the
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
