//! Numbers and dates as each language writes them. The patterns and month names are messages
//! (`date`, `date-time`, `month-1` … in `frame.ftl`); grouping digits is a rule of the language.

use super::{Locale, translate};

/// `1234567` as `1,234,567` (English) or `1.234.567` (German).
pub fn format_count(locale: Locale, n: impl Into<i128>) -> String {
    let n: i128 = n.into();
    let separator = match locale {
        Locale::En => ',',
        Locale::De => '.',
    };
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        grouped.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

fn month(locale: Locale, month: u32) -> String {
    let id = format!("month-{}", month.clamp(1, 12));
    translate(locale, &id, &[])
}

/// A day, such as `1 Dec 2026` or `1. Dez. 2026`.
pub fn format_date(locale: Locale, year: i32, month_of_year: u32, day: u32) -> String {
    translate(
        locale,
        "date",
        &[
            ("day", day.to_string().into()),
            ("month", month(locale, month_of_year).into()),
            ("year", year.to_string().into()),
        ],
    )
}

/// A moment in UTC, such as `1 Dec 2026, 18:06 UTC`.
pub fn format_date_time(
    locale: Locale,
    (year, month_of_year, day): (i32, u32, u32),
    (hour, minute): (u32, u32),
) -> String {
    translate(
        locale,
        "date-time",
        &[
            ("date", format_date(locale, year, month_of_year, day).into()),
            ("time", format!("{hour:02}:{minute:02}").into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_as_each_language_writes_them() {
        assert_eq!(format_count(Locale::En, 0), "0");
        assert_eq!(format_count(Locale::En, 999), "999");
        assert_eq!(format_count(Locale::En, 1_000), "1,000");
        assert_eq!(format_count(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(format_count(Locale::De, 1_234_567), "1.234.567");
        assert_eq!(format_count(Locale::De, -12_345), "-12.345");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(format_date(Locale::En, 2026, 12, 1), "1 Dec 2026");
        assert_eq!(format_date(Locale::De, 2026, 12, 1), "1. Dez. 2026");
        assert_eq!(format_date(Locale::De, 2026, 3, 9), "9. März 2026");
        assert_eq!(
            format_date_time(Locale::En, (2026, 1, 5), (7, 3)),
            "5 Jan 2026, 07:03 UTC"
        );
        assert_eq!(
            format_date_time(Locale::De, (2026, 1, 5), (7, 3)),
            "5. Jan. 2026, 07:03 UTC"
        );
    }
}
