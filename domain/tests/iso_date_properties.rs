//! The date reader against an independent one: every RFC 3339 date-time the `time` crate
//! reads names the same instant here, and what it refuses is refused here too.

use domain::iso_date::unix_millis;
use proptest::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

fn by_the_time_crate(text: &str) -> Option<i64> {
    let parsed = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    i64::try_from(parsed.unix_timestamp_nanos().div_euclid(1_000_000)).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn every_date_time_names_the_instant_the_time_crate_reads(
        year in 0u32..=9999, month in 0u32..=13, day in 0u32..=32,
        hour in 0u32..=24, minute in 0u32..=60, second in 0u32..=60,
        fraction in proptest::option::of("[0-9]{1,9}"),
        offset in prop_oneof![Just("Z".to_owned()), (any::<bool>(), 0u32..=24, 0u32..=60)
            .prop_map(|(minus, h, m)| format!("{}{h:02}:{m:02}", if minus { '-' } else { '+' }))],
    ) {
        let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
        let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}{offset}");
        // The time crate reads second 60 as a leap second; an instant of the API has none.
        let expected = if second == 60 { None } else { by_the_time_crate(&text) };
        prop_assert_eq!(unix_millis(&text), expected, "{}", text);
    }
}
