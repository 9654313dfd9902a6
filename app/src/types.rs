//! Values that are checked once, where they enter, and trusted everywhere after.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An email address, trimmed and lower-cased so that one person has one address.
///
/// The check is deliberately modest (one `@`, a dotted domain, no spaces): the only real proof
/// that an address works is the mail we send to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    Malformed,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            EmailError::Empty => crate::t!("email-empty"),
            EmailError::TooLong => crate::t!("email-too-long"),
            EmailError::Malformed => crate::t!("email-malformed"),
        })
    }
}

impl std::error::Error for EmailError {}

impl Email {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err(EmailError::Empty);
        }
        if value.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = value.rsplit_once('@').ok_or(EmailError::Malformed)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local.chars().any(|c| c.is_whitespace() || c.is_control());
        if domain_ok && local_ok {
            Ok(Email(value))
        } else {
            Err(EmailError::Malformed)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map(|(_, d)| d).unwrap_or_default()
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether an address typed into a form is plain: nothing that could break out of an HTML
/// attribute or hide in it (spaces, control characters, `<`, `>`, `"`, backslashes).
pub fn is_plain_address(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\'))
}

/// Whether `text` is an email domain like example.com (lower-case letters, digits, hyphens and
/// dots, at least two labels).
pub fn is_email_domain(text: &str) -> bool {
    text.len() <= 253
        && text.contains('.')
        && text.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

/// Public email services: anyone can have an address there, so such a domain vouches for
/// nobody's organization.
pub const PUBLIC_MAIL_DOMAINS: &[&str] = &[
    "aol.com",
    "gmail.com",
    "gmx.de",
    "gmx.net",
    "googlemail.com",
    "hotmail.com",
    "icloud.com",
    "live.com",
    "mail.com",
    "me.com",
    "msn.com",
    "outlook.com",
    "proton.me",
    "protonmail.com",
    "web.de",
    "yahoo.com",
    "yandex.ru",
];

/// A URL-safe identifier: lower-case letters, digits and single hyphens, 2 to 63 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlugError {
    TooShort,
    TooLong,
    BadCharacter,
    BadHyphen,
}

impl fmt::Display for SlugError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            SlugError::TooShort => crate::t!("slug-too-short"),
            SlugError::TooLong => crate::t!("slug-too-long"),
            SlugError::BadCharacter => crate::t!("slug-bad-character"),
            SlugError::BadHyphen => crate::t!("slug-bad-hyphen"),
        })
    }
}

impl std::error::Error for SlugError {}

impl Slug {
    pub fn parse(input: &str) -> Result<Self, SlugError> {
        let value = input.trim();
        if value.len() < 2 {
            return Err(SlugError::TooShort);
        }
        if value.len() > 63 {
            return Err(SlugError::TooLong);
        }
        if !value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(SlugError::BadCharacter);
        }
        if value.starts_with('-') || value.ends_with('-') || value.contains("--") {
            return Err(SlugError::BadHyphen);
        }
        Ok(Slug(value.to_owned()))
    }

    /// Derives a slug from a display name ("Acme Payments, Inc." becomes "acme-payments-inc").
    pub fn from_name(name: &str) -> Result<Self, SlugError> {
        let mut slug = String::new();
        for c in name.trim().to_lowercase().chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug: String = slug.trim_end_matches('-').chars().take(63).collect();
        Slug::parse(slug.trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Slug::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(value: Slug) -> Self {
        value.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `next` if it is a path on this portal, never another site: browsers drop tabs and line
/// breaks from addresses (`/\t/evil.test` becomes `//evil.test`), so any whitespace, control
/// character or backslash disqualifies it too.
pub fn local_path(next: &str) -> Option<&str> {
    (next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control()))
    .then_some(next)
}

/// Where an API runs: its sandbox for trying things, or production. Access, keys and calls are
/// each for one environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Environment {
    Sandbox,
    Production,
}

impl Environment {
    pub const ALL: [Environment; 2] = [Environment::Sandbox, Environment::Production];

    pub fn parse(input: &str) -> Option<Environment> {
        match input.trim() {
            "sandbox" => Some(Environment::Sandbox),
            "production" => Some(Environment::Production),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Sandbox => "sandbox",
            Environment::Production => "production",
        }
    }

    /// Its name for people, in the current language.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::current())
    }

    pub fn label_in(self, locale: crate::i18n::Locale) -> String {
        match self {
            Environment::Sandbox => crate::t_in!(locale, "environment-sandbox"),
            Environment::Production => crate::t_in!(locale, "environment-production"),
        }
    }

    /// A stored list (`sandbox,production`), in the usual order, without unknown words.
    pub fn list(stored: &str) -> Vec<Environment> {
        let mut list: Vec<Environment> = stored.split(',').filter_map(Environment::parse).collect();
        list.sort();
        list.dedup();
        list
    }

    /// The stored form of a list.
    pub fn join(list: &[Environment]) -> String {
        let mut list = list.to_vec();
        list.sort();
        list.dedup();
        list.iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// "Sandbox and Production", for sentences, in the current language.
    pub fn describe(list: &[Environment]) -> String {
        Environment::describe_in(crate::i18n::current(), list)
    }

    pub fn describe_in(locale: crate::i18n::Locale, list: &[Environment]) -> String {
        let labels: Vec<String> = list.iter().map(|e| e.label_in(locale)).collect();
        match labels.as_slice() {
            [] => crate::t_in!(locale, "environment-none"),
            [one] => one.clone(),
            [init @ .., last] => crate::t_in!(
                locale,
                "list-and",
                init = init.join(", "),
                last = last.as_str()
            ),
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// A day of the calendar as a date field sends it (`2026-12-31`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDateError;

impl fmt::Display for CalendarDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::t!("date-malformed"))
    }
}

impl std::error::Error for CalendarDateError {}

impl CalendarDate {
    pub fn parse(input: &str) -> Result<CalendarDate, CalendarDateError> {
        let mut parts = input.trim().splitn(3, '-');
        let mut number = |digits: usize| {
            parts
                .next()
                .filter(|part| part.len() == digits && part.chars().all(|c| c.is_ascii_digit()))
                .and_then(|part| part.parse::<u32>().ok())
                .ok_or(CalendarDateError)
        };
        let (year, month, day) = (number(4)?, number(2)?, number(2)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(CalendarDateError),
        };
        if year < 1970 || day == 0 || day > days_in_month {
            return Err(CalendarDateError);
        }
        Ok(CalendarDate {
            year: i32::try_from(year).map_err(|_| CalendarDateError)?,
            month,
            day,
        })
    }
}

/// As a date field holds it (`2026-12-31`); `shown` is for people.
impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl CalendarDate {
    /// The day as people of the current language write it (`9 Mar 2027`, `9. März 2027`).
    pub fn shown(&self) -> String {
        crate::i18n::format_date(crate::i18n::current(), self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        let email = Email::parse("  Ada.Lovelace@Example.COM ").expect("valid");
        assert_eq!(email.as_str(), "ada.lovelace@example.com");
        assert_eq!(email.domain(), "example.com");
    }

    #[test]
    fn bad_emails_say_what_is_wrong() {
        let cases = [
            ("", EmailError::Empty),
            ("   ", EmailError::Empty),
            ("ada", EmailError::Malformed),
            ("ada@", EmailError::Malformed),
            ("@example.com", EmailError::Malformed),
            ("ada@localhost", EmailError::Malformed),
            ("ada@example..com", EmailError::Malformed),
            ("ada@.example.com", EmailError::Malformed),
            ("ada lovelace@example.com", EmailError::Malformed),
            ("ada@exa mple.com", EmailError::Malformed),
            ("a@b@example.com", EmailError::Malformed),
        ];
        for (input, expected) in cases {
            assert_eq!(Email::parse(input), Err(expected), "{input:?}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn emails_deserialize_only_when_valid() {
        let ok: Email = serde_json::from_str("\"DEV@Portico.test\"").expect("valid");
        assert_eq!(ok.as_str(), "dev@portico.test");
        assert!(serde_json::from_str::<Email>("\"not an email\"").is_err());
    }

    #[test]
    fn slugs_accept_the_usual_shapes() {
        for input in ["payments", "payments-api", "v2", "a1-b2-c3"] {
            assert_eq!(Slug::parse(input).expect("valid").as_str(), input);
        }
    }

    #[test]
    fn bad_slugs_say_what_is_wrong() {
        let cases = [
            ("a", SlugError::TooShort),
            ("Payments", SlugError::BadCharacter),
            ("pay ments", SlugError::BadCharacter),
            ("paymënts", SlugError::BadCharacter),
            ("-payments", SlugError::BadHyphen),
            ("payments-", SlugError::BadHyphen),
            ("pay--ments", SlugError::BadHyphen),
        ];
        for (input, expected) in cases {
            assert_eq!(Slug::parse(input), Err(expected), "{input:?}");
        }
        assert_eq!(Slug::parse(&"a".repeat(64)), Err(SlugError::TooLong));
    }

    #[test]
    fn slugs_derive_from_names() {
        let slug = Slug::from_name("Acme Payments, Inc.").expect("valid");
        assert_eq!(slug.as_str(), "acme-payments-inc");
        assert_eq!(Slug::from_name("!!"), Err(SlugError::TooShort));
    }
    #[test]
    fn environments_are_stored_in_one_order() {
        assert_eq!(
            Environment::list("production,sandbox,production,moon"),
            vec![Environment::Sandbox, Environment::Production]
        );
        assert_eq!(
            Environment::join(&[Environment::Production, Environment::Sandbox]),
            "sandbox,production"
        );
        assert_eq!(Environment::list(""), vec![]);
        assert_eq!(
            Environment::describe(&Environment::ALL),
            "Sandbox and Production"
        );
        assert_eq!(Environment::parse("staging"), None);
    }

    #[test]
    fn calendar_dates_are_real_days() {
        let date = CalendarDate::parse(" 2028-02-29 ").expect("a leap day");
        assert_eq!((date.year, date.month, date.day), (2028, 2, 29));
        assert_eq!(date.to_string(), "2028-02-29");
        for bad in [
            "",
            "2027-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-01-01",
            "2026-1-1",
            "2026/01/01",
            "tomorrow",
            "1969-12-31",
            "2026-01-01x",
        ] {
            assert_eq!(CalendarDate::parse(bad), Err(CalendarDateError), "{bad:?}");
        }
        assert!(CalendarDate::parse("2026-01-02").ok() > CalendarDate::parse("2026-01-01").ok());
    }
}
