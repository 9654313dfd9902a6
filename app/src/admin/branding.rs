//! Admin: the portal's branding (name, logo, accent color, footer links, home-page message),
//! applied to every page and email as soon as it is saved.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::layout::{LoadError, PageHeader};
use crate::t;

/// Text on buttons and links must reach this contrast with the accent color (WCAG AA).
pub const MIN_CONTRAST: f64 = 4.5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FooterLink {
    pub label: String,
    pub url: String,
}

/// How the portal presents itself. Every field is optional but the name, which falls back to
/// `PORTICO_PORTAL_NAME`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Branding {
    pub portal_name: String,
    /// `#rrggbb`, for buttons and links in the light color scheme.
    #[serde(default)]
    pub accent: Option<String>,
    #[serde(default)]
    pub logo_url: Option<String>,
    #[serde(default)]
    pub footer_links: Vec<FooterLink>,
    /// Plain text shown on the home page; blank lines separate paragraphs.
    #[serde(default)]
    pub home_message: String,
}

/// `#rgb` or `#rrggbb` as its three channels.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [r, g, b] => Some([r * 17, g * 17, b * 17]),
        [r1, r2, g1, g2, b1, b2] => Some([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2]),
        _ => None,
    }
}

/// WCAG relative luminance.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio of two colors, from 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// The accent a shade darker, for hovered buttons.
pub fn darker(color: [u8; 3]) -> String {
    let [r, g, b] = color.map(|c| (u16::from(c) * 4 / 5) as u8);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A number with its decimal point as the current language writes it (`4.5`, `4,5`).
fn decimal(text: String) -> String {
    match crate::i18n::current() {
        crate::i18n::Locale::De => text.replace('.', ","),
        _ => text,
    }
}

fn web_address(value: &str, field: &str, what: &str) -> Result<Option<String>, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let plain = crate::types::is_plain_address(value);
    let web = value.starts_with("https://")
        || value.starts_with("http://")
        || (value.starts_with('/') && !value.starts_with("//"));
    if plain && web && value.len() <= 500 {
        Ok(Some(value.to_owned()))
    } else {
        Err(AppError::invalid(
            field,
            t!("admin-branding-web-address", what = what),
        ))
    }
}

impl Branding {
    /// These settings checked as the admin form checks them (for settings that arrive as JSON).
    pub fn checked(&self) -> Result<Branding, AppError> {
        let footer_links: Vec<String> = self
            .footer_links
            .iter()
            .map(|link| format!("{} | {}", link.label, link.url))
            .collect();
        Branding::from_form(
            &self.portal_name,
            self.accent.as_deref().unwrap_or_default(),
            self.logo_url.as_deref().unwrap_or_default(),
            &footer_links.join("\n"),
            &self.home_message,
        )
    }

    /// The admin form, checked: each mistake named at its field.
    pub fn from_form(
        portal_name: &str,
        accent: &str,
        logo_url: &str,
        footer_links: &str,
        home_message: &str,
    ) -> Result<Branding, AppError> {
        let portal_name = crate::form::text_field(
            portal_name,
            "portal_name",
            &t!("admin-branding-name-label"),
            60,
            true,
        )?;
        let accent = match accent.trim() {
            "" => None,
            text => {
                let color = parse_color(text).ok_or_else(|| {
                    AppError::invalid("accent", t!("admin-branding-accent-malformed"))
                })?;
                let ratio = contrast(color, [255, 255, 255]);
                if ratio < MIN_CONTRAST {
                    return Err(AppError::invalid(
                        "accent",
                        t!(
                            "admin-branding-accent-contrast",
                            color = text,
                            ratio = decimal(format!("{ratio:.1}")),
                            minimum = decimal(MIN_CONTRAST.to_string())
                        ),
                    ));
                }
                Some(format!("#{:02x}{:02x}{:02x}", color[0], color[1], color[2]))
            }
        };
        let logo_url = web_address(logo_url, "logo_url", &t!("admin-branding-logo-what"))?;
        let mut links = Vec::new();
        for (number, line) in footer_links.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let Some((label, url)) = line.split_once('|').map(|(l, u)| (l.trim(), u.trim())) else {
                return Err(AppError::invalid(
                    "footer_links",
                    t!("admin-branding-link-malformed", line = number + 1),
                ));
            };
            if label.is_empty() || label.chars().count() > 40 {
                return Err(AppError::invalid(
                    "footer_links",
                    t!("admin-branding-link-label", line = number + 1),
                ));
            }
            let url = web_address(
                url,
                "footer_links",
                &t!("admin-branding-link-what", line = number + 1),
            )?
            .ok_or_else(|| {
                AppError::invalid(
                    "footer_links",
                    t!("admin-branding-link-missing", line = number + 1),
                )
            })?;
            links.push(FooterLink {
                label: label.to_owned(),
                url,
            });
        }
        if links.len() > 8 {
            return Err(AppError::invalid(
                "footer_links",
                t!("admin-branding-links-too-many"),
            ));
        }
        let home_message = home_message.trim();
        if home_message.chars().count() > 2000 {
            return Err(AppError::invalid(
                "home_message",
                t!("admin-branding-message-too-long"),
            ));
        }
        Ok(Branding {
            portal_name,
            accent,
            logo_url,
            footer_links: links,
            home_message: home_message.to_owned(),
        })
    }

    /// CSS that applies the accent (light scheme; the dark scheme keeps its own light accent,
    /// which a dark brand color would make unreadable).
    pub fn accent_css(&self) -> Option<String> {
        let color = parse_color(self.accent.as_deref()?)?;
        let accent = self.accent.as_deref()?;
        Some(format!(
            "@media (prefers-color-scheme: light) {{ :root {{ --color-accent: {accent}; --color-accent-hover: {}; }} }}",
            darker(color)
        ))
    }
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait BrandingService: Send + Sync {
    /// What pages and emails show now.
    fn current(&self) -> Branding;
    async fn save(
        &self,
        actor: &crate::auth::Viewer,
        branding: Branding,
        request: &http::request::Parts,
    ) -> Result<Branding, AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-branding")]
pub async fn load_branding() -> Result<Branding, AppError> {
    crate::auth::require_admin().await?;
    Ok(crate::services::services()?.branding.current())
}

#[server(prefix = "/rpc", endpoint = "admin-save-branding")]
pub async fn save_branding(
    #[server(default)] portal_name: String,
    #[server(default)] accent: String,
    #[server(default)] logo_url: String,
    #[server(default)] footer_links: String,
    #[server(default)] home_message: String,
) -> Result<Branding, AppError> {
    let actor = crate::auth::require_admin().await?;
    let branding = Branding::from_form(
        &portal_name,
        &accent,
        &logo_url,
        &footer_links,
        &home_message,
    )?;
    crate::services::services()?
        .branding
        .save(&actor, branding, &crate::services::request_parts()?)
        .await
}

#[component]
pub fn BrandingPage() -> impl IntoView {
    let branding = Resource::new(|| (), |_| load_branding());
    view! {
        <PageHeader title=t!("admin-branding-title") lead=t!("admin-branding-lead") />
        <p><a href="/admin">{t!("admin-back")}</a></p>
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || branding.get().map(|result| match result {
                Ok(branding) => view! { <BrandingForm branding /> }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn BrandingForm(branding: Branding) -> impl IntoView {
    let save = ServerAction::<SaveBranding>::new();
    // The frame (name, logo, accent, footer) shows the saved branding at once.
    let session = expect_context::<crate::SessionResource>();
    on_success(save, move |_| session.refetch());
    let answer = move || save.value().get();
    let error = move |field: &'static str| Signal::derive(move || error_for(&answer(), field));
    let fields = [
        "portal_name",
        "accent",
        "logo_url",
        "footer_links",
        "home_message",
    ];
    let links = branding
        .footer_links
        .iter()
        .map(|link| format!("{} | {}", link.label, link.url))
        .collect::<Vec<_>>()
        .join("\n");
    view! {
        <section class="card" aria-labelledby="branding-heading">
            <h2 id="branding-heading">{t!("admin-branding-heading")}</h2>
            <ActionForm action=save attr:class="stack-form" attr:novalidate="true">
                <Field id="branding-name" name="portal_name" label=t!("admin-branding-name") required=true value=branding.portal_name.clone() error=error("portal_name")
                    hint=t!("admin-branding-name-hint") />
                <Field id="branding-accent" name="accent" label=t!("admin-branding-accent") value=branding.accent.clone().unwrap_or_default() error=error("accent")
                    placeholder="#3346d3" hint=t!("admin-branding-accent-hint") />
                <Field id="branding-logo" name="logo_url" label=t!("admin-branding-logo") kind="url" value=branding.logo_url.clone().unwrap_or_default() error=error("logo_url")
                    placeholder="https://example.com/logo.svg" hint=t!("admin-branding-logo-hint") />
                <Field id="branding-links" name="footer_links" label=t!("admin-branding-links") kind="textarea" value=links error=error("footer_links")
                    hint=t!("admin-branding-links-hint") />
                <Field id="branding-message" name="home_message" label=t!("admin-branding-message") kind="textarea" value=branding.home_message.clone() error=error("home_message")
                    hint=t!("admin-branding-message-hint") />
                <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                    {move || error_outside(&answer(), &fields)}
                </p>
                <p class="notice notice--ok" role="status" hidden=move || !matches!(answer(), Some(Ok(_)))>{t!("admin-branding-saved")}</p>
                <button class="button" type="submit" disabled=move || save.pending().get()>{t!("admin-branding-save")}</button>
            </ActionForm>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let white = [255, 255, 255];
        assert!((contrast([0, 0, 0], white) - 21.0).abs() < 0.01);
        assert!((contrast(white, white) - 1.0).abs() < 0.01);
        // Portico's own blue passes; a bright yellow does not.
        assert!(contrast(parse_color("#3346d3").expect("color"), white) >= MIN_CONTRAST);
        assert!(contrast(parse_color("#ffcc00").expect("color"), white) < 2.0);
        assert_eq!(parse_color("#abc"), Some([0xaa, 0xbb, 0xcc]));
        assert_eq!(parse_color("3346d3"), None);
        assert_eq!(parse_color("#33zz00"), None);
    }

    #[test]
    fn the_form_is_checked_field_by_field() {
        let field = |result: Result<Branding, AppError>| match result {
            Err(AppError::Invalid { field, message }) => (field.unwrap_or_default(), message),
            other => panic!("expected an error, got {other:?}"),
        };
        let ok = Branding::from_form(
            "Acme APIs",
            "#1A5E20",
            "/logo.svg",
            "Status | https://status.acme.test\n\nTerms | /terms",
            "Welcome!\n\nAsk us.",
        )
        .expect("valid");
        assert_eq!(ok.accent.as_deref(), Some("#1a5e20"));
        assert_eq!(ok.footer_links.len(), 2);
        assert!(
            ok.accent_css()
                .expect("css")
                .contains("--color-accent: #1a5e20")
        );
        let (name, message) = field(Branding::from_form("Acme", "#ffcc00", "", "", ""));
        assert_eq!(name, "accent");
        assert!(
            message.contains("1.5:1") && message.contains("darker"),
            "{message}"
        );
        assert_eq!(
            field(Branding::from_form("", "", "", "", "")).0,
            "portal_name"
        );
        assert_eq!(
            field(Branding::from_form("A", "blue", "", "", "")).0,
            "accent"
        );
        assert_eq!(
            field(Branding::from_form("A", "", "javascript:alert(1)", "", "")).0,
            "logo_url"
        );
        assert_eq!(
            field(Branding::from_form("A", "", "", "no bar here", "")).0,
            "footer_links"
        );
        assert_eq!(
            field(Branding::from_form(
                "A",
                "",
                "",
                "Evil | javascript:alert(1)",
                ""
            ))
            .0,
            "footer_links"
        );
        assert_eq!(
            field(Branding::from_form("A", "", "", "", &"x".repeat(2001))).0,
            "home_message"
        );
    }
}
