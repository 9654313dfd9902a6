//! Translations: every sentence people read comes from the Fluent files in `app/locales/`, one
//! folder per language with the same files and messages. `t!("message-id")` (or with arguments,
//! `t!("keys-created", name = key.name)`) gives the message in the current language.
//!
//! The language of a request is the `portico_lang` cookie (set by the language switcher), else
//! the browser's `Accept-Language`, else English. The server renders pages in it and puts it on
//! `<html lang>`; the browser reads it back from there when it hydrates, so both render the same
//! text. Mail goes out in the recipient's saved language (`Locale` in `users.locale`).

mod format;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

pub use format::{format_count, format_date, format_date_time};

/// The cookie the language switcher sets.
pub const COOKIE: &str = "portico_lang";

/// A language Portico speaks.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::De];

    /// The BCP 47 tag, for `<html lang>`, cookies and the database.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn own_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
        }
    }

    /// `de`, `de-DE`, `de_CH`, `DE`: the language we speak of that tag, if any.
    pub fn parse(tag: &str) -> Option<Locale> {
        let language = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == language)
    }

    /// The best of ours for an `Accept-Language` header (`de-CH, de;q=0.9, en;q=0.8`): the
    /// highest weight wins, the earlier of equal weights; `q=0` means "not this one".
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(locale) = pieces.next().and_then(Locale::parse) else {
                continue;
            };
            let weight = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if weight > 0.0 && best.is_none_or(|(w, _)| weight > w) {
                best = Some((weight, locale));
            }
        }
        best.map(|(_, locale)| locale)
    }

    /// The language of a request: its cookie, else its `Accept-Language`, else English.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        cookie
            .and_then(Locale::parse)
            .or_else(|| accept_language.and_then(Locale::from_accept_language))
            .unwrap_or_default()
    }

    /// The language of a request's headers.
    #[cfg(feature = "ssr")]
    pub fn of_request(headers: &http::HeaderMap) -> Locale {
        let accept = headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok());
        Locale::negotiate(crate::services::cookie_value(headers, COOKIE), accept)
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
        let bundles = BUNDLES.get_or_init(|| Locale::ALL.into_iter().map(build_bundle).collect());
        &bundles[self as usize]
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The translation files: the same in every language folder. One list makes both `FILES` and
/// the texts each language compiles in.
macro_rules! translation_files {
    ($($file:literal),+ $(,)?) => {
        /// The files' names, for messages about them.
        pub const FILES: &[&str] = &[$($file),+];

        /// The texts of a language's files, in the order of `FILES`.
        pub fn sources(locale: Locale) -> Vec<&'static str> {
            match locale {
                Locale::En => vec![$(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/", $file, ".ftl"))),+],
                Locale::De => vec![$(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/de/", $file, ".ftl"))),+],
            }
        }
    };
}

translation_files!(
    "frame",
    "errors",
    "auth",
    "mail",
    "catalog",
    "access",
    "keys",
    "tryit",
    "team",
    "admin",
    "admin-people",
    "admin-organizations",
    "admin-collections",
    "sso",
    "admin-audit",
    "server",
);

fn build_bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let language = locale
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // No Unicode isolation marks around arguments: pages, mail and tests see plain text.
    bundle.set_use_isolating(false);
    for text in sources(locale) {
        // Broken files fail the tests (`tests::every_file_parses`); here, what parses is used.
        let resource =
            FluentResource::try_new(text.to_owned()).unwrap_or_else(|(resource, _)| resource);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// A value given to a message: text, or a number (which plural forms can select on).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Arg::Number(value as f64)
            }
        })*
    };
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The message `id` in `locale`, with its arguments. A missing message gives its id (and the
/// tests fail: `tests::every_message_used_exists`).
pub fn translate(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = locale.bundle();
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(
            pattern,
            (!args.is_empty()).then_some(&fluent_args),
            &mut errors,
        )
        .into_owned()
}

#[cfg(feature = "ssr")]
type Fallback = fn() -> Option<Locale>;

/// Where the server keeps the language of requests that no page or server function renders
/// (plain endpoints): set once at start.
#[cfg(feature = "ssr")]
static FALLBACK: OnceLock<Fallback> = OnceLock::new();

/// Lets the server say what language a request outside Leptos speaks (see `current`).
#[cfg(feature = "ssr")]
pub fn set_fallback(fallback: Fallback) {
    let _ = FALLBACK.set(fallback);
}

/// The language of what is being rendered or answered now: the page's (provided by `App`), else
/// the request's (server functions), else what the server says (plain endpoints), else English.
pub fn current() -> Locale {
    if let Some(locale) = leptos::prelude::use_context::<Locale>() {
        return locale;
    }
    #[cfg(feature = "ssr")]
    {
        if let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() {
            return Locale::of_request(&parts.headers);
        }
        if let Some(locale) = FALLBACK.get().and_then(|fallback| fallback()) {
            return locale;
        }
    }
    #[cfg(feature = "hydrate")]
    {
        if let Some(locale) = page_locale() {
            return locale;
        }
    }
    Locale::default()
}

/// Runs `work` with `locale` as the current language, where neither a page nor a request gives
/// one (a blocking thread, the command line).
pub fn in_locale<T>(locale: Locale, work: impl FnOnce() -> T) -> T {
    let owner = leptos::prelude::Owner::new();
    owner.with(|| {
        leptos::prelude::provide_context(locale);
        work()
    })
}

/// The language the server rendered this page in: `<html lang>`.
#[cfg(feature = "hydrate")]
pub fn page_locale() -> Option<Locale> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
        .as_deref()
        .and_then(Locale::parse)
}

/// `t!("id")` or `t!("id", name = value, count = n)`: the message in the current language.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::translate($crate::i18n::current(), $id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::translate(
            $crate::i18n::current(),
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// `t_in!(locale, "id", ...)`: the message in a given language (mail to someone, say).
#[macro_export]
macro_rules! t_in {
    ($locale:expr, $id:literal) => {
        $crate::i18n::translate($locale, $id, &[])
    };
    ($locale:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::translate(
            $locale,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
