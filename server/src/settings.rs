//! Every setting Portico reads, in one typed struct, loaded from the environment and checked
//! before anything starts. A bad value stops the start with one line naming the variable.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use url::Url;

/// A value that must never reach a log line: `Debug` and `Display` print a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    pub fn new(value: T) -> Self {
        Secret(value)
    }
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Where the data lives. The URL can hold a password, so it is kept secret and shown redacted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite {
        url: String,
        /// The database file, if it is one (not `:memory:`).
        file: Option<PathBuf>,
    },
    Postgres {
        url: Secret<String>,
    },
}

impl DatabaseUrl {
    pub fn parse(value: &str) -> Result<Self, String> {
        let value = value.trim();
        if let Some(rest) = value
            .strip_prefix("sqlite://")
            .or_else(|| value.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(
                    "a SQLite URL needs a file, like sqlite://data/portico.db?mode=rwc".into(),
                );
            }
            let file = (path != ":memory:").then(|| PathBuf::from(path));
            return Ok(DatabaseUrl::Sqlite {
                url: value.to_owned(),
                file,
            });
        }
        let parsed = Url::parse(value).map_err(|e| format!("not a URL ({e})"))?;
        match parsed.scheme() {
            "postgres" | "postgresql" => {
                if parsed.host_str().is_none_or(str::is_empty) {
                    return Err(
                        "a PostgreSQL URL needs a host, like postgres://user@localhost/portico"
                            .into(),
                    );
                }
                Ok(DatabaseUrl::Postgres {
                    url: Secret::new(value.to_owned()),
                })
            }
            other => Err(format!(
                "unknown database scheme '{other}'; use sqlite://… or postgres://…"
            )),
        }
    }

    pub fn engine(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite { .. } => "SQLite",
            DatabaseUrl::Postgres { .. } => "PostgreSQL",
        }
    }

    /// The URL with any password replaced, for messages.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite { url, .. } => url.clone(),
            DatabaseUrl::Postgres { url } => match Url::parse(url.expose()) {
                Ok(mut parsed) => {
                    if parsed.password().is_some() {
                        let _ = parsed.set_password(Some("***"));
                    }
                    parsed.to_string()
                }
                Err(_) => "postgres://…".into(),
            },
        }
    }

    pub fn connection_string(&self) -> &str {
        match self {
            DatabaseUrl::Sqlite { url, .. } => url,
            DatabaseUrl::Postgres { url } => url.expose(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub base_url: Url,
    pub site_addr: SocketAddr,
    pub portal_name: String,
    pub demo: bool,
    pub log_filter: String,
    pub log_format: LogFormat,
    /// None: mail goes to the development outbox.
    pub smtp_url: Option<Secret<String>>,
    /// Extra root certificate (PEM) trusted for the SMTP server's TLS, for a private CA.
    pub smtp_ca_file: Option<std::path::PathBuf>,
    pub mail_from: String,
    pub magic_link_ttl: chrono::Duration,
    /// Sign-in links per hour, per address asked for and per client address asking.
    pub links_per_email: i32,
    pub links_per_client: i32,
    pub session_idle_timeout: chrono::Duration,
    pub session_max_age: chrono::Duration,
    /// Peers whose `X-Forwarded-For` names the client (load balancers, nginx in front).
    pub trusted_proxies: app::keys::CidrList,
    /// How long the gateway waits for an upstream API's answer.
    pub gateway_timeout: chrono::Duration,
    /// How long a try-it call from the docs may take, answer included.
    pub try_it_timeout: chrono::Duration,
    /// Identity providers for single sign-on (`PORTICO_OIDC_PROVIDERS`, a JSON array).
    pub oidc_providers: Vec<app::admin::ProviderConfig>,
    /// The key that seals stored secrets; `None`: a key file beside the database.
    pub secret_key: Option<Secret<[u8; 32]>>,
    /// Threads that serve requests.
    pub worker_threads: usize,
}

impl Settings {
    /// Whether cookies must carry `Secure` and the `__Host-` prefix.
    pub fn is_https(&self) -> bool {
        self.base_url.scheme() == "https"
    }
}

/// One documented variable: the table below is both the parser's defaults and `--help`.
pub struct Variable {
    pub name: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "DATABASE_URL",
        default: "sqlite://data/portico.db?mode=rwc",
        help: "sqlite://FILE?mode=rwc (embedded) or postgres://USER:PASSWORD@HOST/DB",
    },
    Variable {
        name: "PORTICO_BASE_URL",
        default: "http://<LEPTOS_SITE_ADDR>",
        help: "public URL of the portal, used in emails and OIDC redirect URIs",
    },
    Variable {
        name: "LEPTOS_SITE_ADDR",
        default: "127.0.0.1:3000",
        help: "address and port to listen on (Leptos.toml's site-addr)",
    },
    Variable {
        name: "PORTICO_PORTAL_NAME",
        default: "Portico",
        help: "name shown in the header, page titles and emails",
    },
    Variable {
        name: "PORTICO_DEMO",
        default: "0",
        help: "1 seeds demo users, an organization and collections into an empty database",
    },
    Variable {
        name: "PORTICO_SMTP_URL",
        default: "(none: mail goes to the dev outbox)",
        help: "SMTP server, e.g. smtp://user:pass@mail.example.com:587?tls=required or smtps://…",
    },
    Variable {
        name: "PORTICO_SMTP_CA_FILE",
        default: "(none: the usual public roots)",
        help: "PEM certificate of a private CA that signed the SMTP server's TLS certificate",
    },
    Variable {
        name: "PORTICO_MAIL_FROM",
        default: "Portico <portico@localhost>",
        help: "sender of the portal's emails",
    },
    Variable {
        name: "PORTICO_MAGIC_LINK_TTL",
        default: "10m",
        help: "how long a sign-in link works (at most 60m); units s, m, h",
    },
    Variable {
        name: "PORTICO_LINKS_PER_EMAIL",
        default: "5",
        help: "sign-in links one address may ask for per hour",
    },
    Variable {
        name: "PORTICO_LINKS_PER_CLIENT",
        default: "20",
        help: "sign-in links one client address may ask for per hour (raise it for big offices behind one address)",
    },
    Variable {
        name: "PORTICO_SESSION_IDLE_TIMEOUT",
        default: "12h",
        help: "a session ends after this long without a request; units s, m, h, d",
    },
    Variable {
        name: "PORTICO_SESSION_MAX_AGE",
        default: "30d",
        help: "a session ends this long after sign-in, however busy; units s, m, h, d",
    },
    Variable {
        name: "PORTICO_TRUSTED_PROXIES",
        default: "(none: the client is the TCP peer)",
        help: "addresses or CIDR ranges of proxies whose X-Forwarded-For names the client, comma separated",
    },
    Variable {
        name: "PORTICO_GATEWAY_TIMEOUT",
        default: "30s",
        help: "how long the gateway waits for an upstream API to answer; units s, m",
    },
    Variable {
        name: "PORTICO_OIDC_PROVIDERS",
        default: "",
        help: "identity providers for single sign-on, a JSON array of {slug, name, issuer, client_id, client_secret, allowed_domains, jit, organization, role, groups_claim, group_organizations, admin_groups}",
    },
    Variable {
        name: "PORTICO_SECRET_KEY",
        default: "(a key file made once: secret.key beside the SQLite database, else data/secret.key)",
        help: "base64 of 32 random bytes (openssl rand -base64 32) that seals stored secrets such as identity providers' client secrets; the same on every instance",
    },
    Variable {
        name: "PORTICO_TRY_IT_TIMEOUT",
        default: "10s",
        help: "how long a call from the docs' try-it console may take, answer included (at most 1m)",
    },
    Variable {
        name: "PORTICO_WORKER_THREADS",
        default: "(the number of CPU cores)",
        help: "threads that serve requests; 1 runs everything on one thread, like one nginx worker",
    },
    Variable {
        name: "PORTICO_LOG",
        default: "info,sqlx=warn",
        help: "log filter, tracing-subscriber syntax (e.g. debug, portico=debug)",
    },
    Variable {
        name: "PORTICO_LOG_FORMAT",
        default: "text",
        help: "text or json",
    },
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct SettingsError {
    pub variable: &'static str,
    pub message: String,
}

fn default_of(name: &str) -> &'static str {
    VARIABLES
        .iter()
        .find(|v| v.name == name)
        .map(|v| v.default)
        .unwrap_or_default()
}

impl Settings {
    /// Reads every setting through `lookup` (the process environment in production, a map in
    /// tests). Empty values count as unset.
    pub fn load(lookup: impl Fn(&str) -> Option<String>) -> Result<Settings, SettingsError> {
        let get = |name: &'static str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let fail = |variable: &'static str, message: String| SettingsError { variable, message };

        let database_url = DatabaseUrl::parse(
            &get("DATABASE_URL").unwrap_or_else(|| default_of("DATABASE_URL").to_owned()),
        )
        .map_err(|m| fail("DATABASE_URL", m))?;

        let site_addr_text =
            get("LEPTOS_SITE_ADDR").unwrap_or_else(|| default_of("LEPTOS_SITE_ADDR").to_owned());
        let site_addr: SocketAddr = site_addr_text.parse().map_err(|_| {
            fail(
                "LEPTOS_SITE_ADDR",
                format!("'{site_addr_text}' is not an address and port like 127.0.0.1:3000"),
            )
        })?;

        let base_url = match get("PORTICO_BASE_URL") {
            Some(text) => {
                let url = Url::parse(&text).map_err(|e| {
                    fail("PORTICO_BASE_URL", format!("'{text}' is not a URL ({e})"))
                })?;
                if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                    return Err(fail(
                        "PORTICO_BASE_URL",
                        format!("'{text}' must be an http:// or https:// URL with a host"),
                    ));
                }
                if url.query().is_some() || url.fragment().is_some() {
                    return Err(fail(
                        "PORTICO_BASE_URL",
                        format!("'{text}' must not have a query or fragment"),
                    ));
                }
                url
            }
            None => Url::parse(&format!("http://{site_addr}"))
                .map_err(|e| fail("LEPTOS_SITE_ADDR", e.to_string()))?,
        };

        let portal_name =
            get("PORTICO_PORTAL_NAME").unwrap_or_else(|| default_of("PORTICO_PORTAL_NAME").into());
        if portal_name.chars().count() > 80 {
            return Err(fail(
                "PORTICO_PORTAL_NAME",
                "must be at most 80 characters".into(),
            ));
        }

        let demo = match get("PORTICO_DEMO").as_deref() {
            None => false,
            Some(v) => parse_flag(v).ok_or_else(|| {
                fail(
                    "PORTICO_DEMO",
                    format!("'{v}' is not 1/0, true/false or yes/no"),
                )
            })?,
        };

        let log_filter = get("PORTICO_LOG").unwrap_or_else(|| default_of("PORTICO_LOG").into());
        let log_format = match get("PORTICO_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(fail(
                    "PORTICO_LOG_FORMAT",
                    format!("'{other}' is neither text nor json"),
                ));
            }
        };

        let smtp_url = get("PORTICO_SMTP_URL")
            .map(|text| {
                let url = Url::parse(&text)
                    .map_err(|e| fail("PORTICO_SMTP_URL", format!("not a URL ({e})")))?;
                if !matches!(url.scheme(), "smtp" | "smtps") {
                    return Err(fail(
                        "PORTICO_SMTP_URL",
                        format!("scheme '{}' is neither smtp nor smtps", url.scheme()),
                    ));
                }
                Ok(Secret::new(text))
            })
            .transpose()?;
        let smtp_ca_file = get("PORTICO_SMTP_CA_FILE").map(std::path::PathBuf::from);
        let mail_from =
            get("PORTICO_MAIL_FROM").unwrap_or_else(|| default_of("PORTICO_MAIL_FROM").into());
        let duration = |variable: &'static str, max: Option<chrono::Duration>| {
            let text = get(variable).unwrap_or_else(|| default_of(variable).into());
            let value = parse_duration(&text).ok_or_else(|| {
                fail(
                    variable,
                    format!("'{text}' is not a duration like 90s, 10m, 12h or 30d"),
                )
            })?;
            match max {
                Some(max) if value > max => Err(fail(
                    variable,
                    format!(
                        "'{text}' is longer than the allowed {} minutes",
                        max.num_minutes()
                    ),
                )),
                _ => Ok(value),
            }
        };
        let magic_link_ttl = duration(
            "PORTICO_MAGIC_LINK_TTL",
            Some(chrono::Duration::minutes(60)),
        )?;
        let per_hour = |variable: &'static str| {
            let text = get(variable).unwrap_or_else(|| default_of(variable).into());
            text.trim()
                .parse::<i32>()
                .ok()
                .filter(|count| *count > 0)
                .ok_or_else(|| fail(variable, format!("'{text}' is not a whole number above 0")))
        };
        let links_per_email = per_hour("PORTICO_LINKS_PER_EMAIL")?;
        let links_per_client = per_hour("PORTICO_LINKS_PER_CLIENT")?;
        let session_idle_timeout = duration("PORTICO_SESSION_IDLE_TIMEOUT", None)?;
        let session_max_age = duration("PORTICO_SESSION_MAX_AGE", None)?;
        let trusted_proxies =
            app::keys::CidrList::parse(&get("PORTICO_TRUSTED_PROXIES").unwrap_or_default())
                .map_err(|errors| fail("PORTICO_TRUSTED_PROXIES", errors.join(" ")))?;
        let gateway_timeout = duration(
            "PORTICO_GATEWAY_TIMEOUT",
            Some(chrono::Duration::minutes(10)),
        )?;

        let try_it_timeout =
            duration("PORTICO_TRY_IT_TIMEOUT", Some(chrono::Duration::minutes(1)))?;
        let oidc_providers =
            crate::auth::sso::parse_providers(&get("PORTICO_OIDC_PROVIDERS").unwrap_or_default())
                .map_err(|message| fail("PORTICO_OIDC_PROVIDERS", message))?;
        let secret_key = get("PORTICO_SECRET_KEY")
            .map(|text| crate::secret_box::parse_key(&text).map(Secret::new))
            .transpose()
            .map_err(|message| fail("PORTICO_SECRET_KEY", message))?;

        let worker_threads = match get("PORTICO_WORKER_THREADS") {
            None => std::thread::available_parallelism()
                .map(usize::from)
                .unwrap_or(2),
            Some(text) => text
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=1024).contains(n))
                .ok_or_else(|| {
                    fail(
                        "PORTICO_WORKER_THREADS",
                        format!("'{text}' is not a whole number from 1 to 1024"),
                    )
                })?,
        };
        Ok(Settings {
            worker_threads,
            trusted_proxies,
            gateway_timeout,
            try_it_timeout,
            oidc_providers,
            secret_key,
            smtp_url,
            smtp_ca_file,
            mail_from,
            magic_link_ttl,
            links_per_email,
            links_per_client,
            session_idle_timeout,
            session_max_age,
            database_url,
            base_url,
            site_addr,
            portal_name,
            demo,
            log_filter,
            log_format,
        })
    }

    pub fn from_env() -> Result<Settings, SettingsError> {
        Settings::load(|name| std::env::var(name).ok())
    }
}

/// "90s", "10m", "12h", "30d"; a bare number counts as minutes. Zero and negatives are refused.
pub fn parse_duration(text: &str) -> Option<chrono::Duration> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, "m"),
    };
    let amount: i64 = number.parse().ok().filter(|n| *n > 0)?;
    match unit.trim() {
        "s" => chrono::Duration::try_seconds(amount),
        "m" => chrono::Duration::try_minutes(amount),
        "h" => chrono::Duration::try_hours(amount),
        "d" => chrono::Duration::try_days(amount),
        _ => None,
    }
}

fn parse_flag(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// The environment section of `portico --help`.
pub fn help_text() -> String {
    let mut text = String::from("Settings (environment variables):\n");
    for v in VARIABLES {
        text.push_str(&format!(
            "  {:<22}{}\n  {:<22}default: {}\n",
            v.name, v.help, "", v.default
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::load(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_give_an_embedded_portal_on_localhost() {
        let settings = load(&[]).expect("defaults are valid");
        assert_eq!(
            settings.database_url,
            DatabaseUrl::Sqlite {
                url: "sqlite://data/portico.db?mode=rwc".into(),
                file: Some(PathBuf::from("data/portico.db")),
            }
        );
        assert_eq!(settings.base_url.as_str(), "http://127.0.0.1:3000/");
        assert_eq!(settings.portal_name, "Portico");
        assert!(!settings.demo);
        assert!(!settings.is_https());
        assert_eq!(settings.log_format, LogFormat::Text);
    }

    #[test]
    fn postgres_urls_are_accepted_and_redacted() {
        let settings = load(&[(
            "DATABASE_URL",
            "postgres://portico:hunter2@db.internal:5432/portico",
        )])
        .expect("valid");
        assert_eq!(settings.database_url.engine(), "PostgreSQL");
        let shown = settings.database_url.redacted();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("db.internal"), "{shown}");
        assert!(!format!("{settings:?}").contains("hunter2"));
    }

    #[test]
    fn bad_values_name_their_variable() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "DATABASE_URL",
                "mysql://localhost/portico",
                "unknown database scheme 'mysql'",
            ),
            ("DATABASE_URL", "not a url", "not a URL"),
            ("DATABASE_URL", "sqlite://", "needs a file"),
            ("DATABASE_URL", "postgres:///portico", "needs a host"),
            ("PORTICO_BASE_URL", "portal.example.com", "is not a URL"),
            (
                "PORTICO_BASE_URL",
                "ftp://portal.example.com",
                "http:// or https://",
            ),
            (
                "PORTICO_BASE_URL",
                "https://portal.example.com/?a=b",
                "query or fragment",
            ),
            ("LEPTOS_SITE_ADDR", "localhost", "not an address and port"),
            ("PORTICO_DEMO", "maybe", "is not 1/0"),
            ("PORTICO_LOG_FORMAT", "xml", "neither text nor json"),
            ("PORTICO_SMTP_URL", "mail.example.com", "not a URL"),
            (
                "PORTICO_SMTP_URL",
                "http://mail.example.com",
                "neither smtp nor smtps",
            ),
            (
                "PORTICO_MAGIC_LINK_TTL",
                "2h",
                "longer than the allowed 60 minutes",
            ),
            ("PORTICO_MAGIC_LINK_TTL", "soon", "not a duration"),
            ("PORTICO_SESSION_IDLE_TIMEOUT", "0h", "not a duration"),
            ("PORTICO_SESSION_MAX_AGE", "3w", "not a duration"),
            ("PORTICO_LINKS_PER_EMAIL", "0", "not a whole number above 0"),
            (
                "PORTICO_LINKS_PER_CLIENT",
                "lots",
                "not a whole number above 0",
            ),
            (
                "PORTICO_TRUSTED_PROXIES",
                "10.0.0.0/8, proxy.lan",
                "proxy.lan",
            ),
            (
                "PORTICO_GATEWAY_TIMEOUT",
                "1h",
                "longer than the allowed 10 minutes",
            ),
            (
                "PORTICO_WORKER_THREADS",
                "0",
                "not a whole number from 1 to 1024",
            ),
        ];
        for (variable, value, expected) in cases {
            let error = load(&[(variable, value)]).expect_err(value);
            assert_eq!(error.variable, *variable);
            let line = error.to_string();
            assert!(line.starts_with(variable), "{line}");
            assert!(line.contains(expected), "{line} should mention {expected}");
        }
    }

    #[test]
    fn flags_take_the_usual_spellings() {
        for (value, expected) in [
            ("1", true),
            ("TRUE", true),
            ("yes", true),
            ("0", false),
            ("off", false),
        ] {
            assert_eq!(
                load(&[("PORTICO_DEMO", value)]).expect("valid").demo,
                expected
            );
        }
        assert!(
            !load(&[("PORTICO_DEMO", "  ")])
                .expect("blank is unset")
                .demo
        );
    }

    #[test]
    fn https_base_url_switches_on_secure_cookies() {
        let settings =
            load(&[("PORTICO_BASE_URL", "https://developers.example.com")]).expect("valid");
        assert!(settings.is_https());
    }

    #[test]
    fn the_base_url_follows_the_listen_address_by_default() {
        let settings = load(&[("LEPTOS_SITE_ADDR", "0.0.0.0:8080")]).expect("valid");
        assert_eq!(settings.site_addr.port(), 8080);
        assert_eq!(settings.base_url.as_str(), "http://0.0.0.0:8080/");
    }

    #[test]
    fn help_lists_every_variable_with_its_default() {
        let help = help_text();
        for v in VARIABLES {
            assert!(
                help.contains(v.name) && help.contains(v.default),
                "{}",
                v.name
            );
        }
    }

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(parse_duration("90s"), Some(chrono::Duration::seconds(90)));
        assert_eq!(parse_duration("10m"), Some(chrono::Duration::minutes(10)));
        assert_eq!(parse_duration("15"), Some(chrono::Duration::minutes(15)));
        assert_eq!(parse_duration("12h"), Some(chrono::Duration::hours(12)));
        assert_eq!(parse_duration("30d"), Some(chrono::Duration::days(30)));
        for bad in [
            "",
            "m",
            "-5m",
            "0s",
            "1.5h",
            "10 minutes",
            "99999999999999999d",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn mail_and_session_defaults() {
        let settings = load(&[]).expect("defaults");
        assert!(settings.smtp_url.is_none());
        assert_eq!(settings.magic_link_ttl, chrono::Duration::minutes(10));
        assert_eq!(settings.session_idle_timeout, chrono::Duration::hours(12));
        assert_eq!(settings.session_max_age, chrono::Duration::days(30));
        assert_eq!(
            (settings.links_per_email, settings.links_per_client),
            (5, 20)
        );
        let smtp = load(&[("PORTICO_SMTP_URL", "smtp://user:pw@127.0.0.1:2525")]).expect("valid");
        assert!(
            !format!("{smtp:?}").contains("pw@"),
            "SMTP credentials never print"
        );
    }

    #[test]
    fn secrets_do_not_print() {
        assert_eq!(format!("{:?}", Secret::new("s3cret")), "[redacted]");
    }
}
