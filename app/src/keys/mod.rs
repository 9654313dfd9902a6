//! API keys: organizations' credentials for the gateway, each for one environment, with address
//! rules. A key's token is shown once, when it is made.

mod page;
mod rules;

pub use page::KeysPage;
pub use rules::{AddressDenial, Cidr, CidrList, IpRules, MAX_RULES};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::access::Choice;
use crate::error::AppError;
use crate::form::text_field;
use crate::t;
use crate::types::{CalendarDate, Environment};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyState {
    Active,
    Deactivated,
    Expired,
}

impl KeyState {
    /// Its name for people, in the current language.
    pub fn label(self) -> String {
        match self {
            KeyState::Active => t!("keys-state-active"),
            KeyState::Deactivated => t!("keys-state-deactivated"),
            KeyState::Expired => t!("keys-state-expired"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyRow {
    pub id: String,
    pub organization: String,
    pub name: String,
    /// The start of the token (`ptc_test_AbCd`), to recognise it.
    pub prefix: String,
    pub environment: Environment,
    pub state: KeyState,
    pub allowed: Vec<String>,
    pub blocked: Vec<String>,
    pub created_by: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub expires_at: Option<String>,
    /// After a refresh with overlap: the old token works until then.
    pub previous_valid_until: Option<String>,
    /// Gateway calls with this key in the last 24 hours, and how many of them were refused or
    /// failed.
    pub calls_24h: u64,
    pub failed_24h: u64,
    /// The viewer made it, or administers its organization.
    pub can_change: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysOverview {
    pub keys: Vec<ApiKeyRow>,
    /// The viewer's organizations, to make keys for.
    pub organizations: Vec<Choice>,
    /// The address this page was asked from, for "add my current address".
    pub your_address: Option<String>,
}

/// A token, with the key it belongs to: shown once, right after it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedKey {
    pub key: ApiKeyRow,
    pub token: String,
}

/// A new key as the form describes it, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDraft {
    /// Empty when the viewer belongs to one organization.
    pub organization_id: String,
    pub name: String,
    pub environment: Environment,
    /// The last day the key works.
    pub expires_on: Option<CalendarDate>,
    pub rules: IpRules,
}

fn rules_field(input: &str, field: &str) -> Result<CidrList, AppError> {
    CidrList::parse(input).map_err(|errors| AppError::invalid(field, errors.join(" ")))
}

impl KeyDraft {
    pub fn parse(
        organization_id: &str,
        name: &str,
        environment: &str,
        expires_on: &str,
        allowed_ips: &str,
        blocked_ips: &str,
    ) -> Result<KeyDraft, AppError> {
        let name = text_field(name, "name", &t!("keys-name-label"), 80, true)?;
        let environment = Environment::parse(environment)
            .ok_or_else(|| AppError::invalid("environment", t!("keys-environment-required")))?;
        let expires_on = match expires_on.trim() {
            "" => None,
            day => Some(
                CalendarDate::parse(day)
                    .map_err(|e| AppError::invalid("expires_on", e.to_string()))?,
            ),
        };
        Ok(KeyDraft {
            organization_id: organization_id.trim().to_owned(),
            name,
            environment,
            expires_on,
            rules: IpRules {
                allowed: rules_field(allowed_ips, "allowed_ips")?,
                blocked: rules_field(blocked_ips, "blocked_ips")?,
            },
        })
    }
}

/// How long the old token keeps working after a refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Overlap {
    None,
    Hours(u32),
}

impl Overlap {
    /// The form's values, in the order offered; `label` gives their words.
    pub const CHOICES: [&'static str; 4] = ["none", "1h", "24h", "7d"];

    /// What a choice of `CHOICES` does, in the current language.
    pub fn label(choice: &str) -> String {
        match choice {
            "1h" => t!("keys-overlap-hours", hours = 1u32),
            "24h" => t!("keys-overlap-hours", hours = 24u32),
            "7d" => t!("keys-overlap-days", days = 7u32),
            _ => t!("keys-overlap-none"),
        }
    }

    pub fn parse(input: &str) -> Result<Overlap, AppError> {
        match input.trim() {
            "" | "none" => Ok(Overlap::None),
            "1h" => Ok(Overlap::Hours(1)),
            "24h" => Ok(Overlap::Hours(24)),
            "7d" => Ok(Overlap::Hours(24 * 7)),
            _ => Err(AppError::invalid("overlap", t!("keys-overlap-invalid"))),
        }
    }
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait KeysService: Send + Sync {
    /// The keys of the viewer's organizations.
    async fn overview(
        &self,
        viewer: &crate::auth::Viewer,
        request: &http::request::Parts,
    ) -> Result<KeysOverview, AppError>;
    async fn create(
        &self,
        viewer: &crate::auth::Viewer,
        draft: KeyDraft,
        request: &http::request::Parts,
    ) -> Result<IssuedKey, AppError>;
    /// A new token for the key; the old one stops at once or after `overlap`.
    async fn refresh(
        &self,
        viewer: &crate::auth::Viewer,
        key_id: &str,
        overlap: Overlap,
        request: &http::request::Parts,
    ) -> Result<IssuedKey, AppError>;
    async fn set_active(
        &self,
        viewer: &crate::auth::Viewer,
        key_id: &str,
        active: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn delete(
        &self,
        viewer: &crate::auth::Viewer,
        key_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

#[cfg(feature = "ssr")]
fn keys() -> Result<std::sync::Arc<dyn KeysService>, AppError> {
    Ok(crate::services::services()?.keys)
}

#[server(prefix = "/rpc", endpoint = "api-keys")]
pub async fn load_keys() -> Result<KeysOverview, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    keys()?
        .overview(&viewer, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "create-api-key")]
pub async fn create_key(
    #[server(default)] organization_id: String,
    #[server(default)] name: String,
    #[server(default)] environment: String,
    #[server(default)] expires_on: String,
    #[server(default)] allowed_ips: String,
    #[server(default)] blocked_ips: String,
) -> Result<IssuedKey, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let draft = KeyDraft::parse(
        &organization_id,
        &name,
        &environment,
        &expires_on,
        &allowed_ips,
        &blocked_ips,
    )?;
    keys()?
        .create(&viewer, draft, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "refresh-api-key")]
pub async fn refresh_key(
    key_id: String,
    #[server(default)] overlap: String,
) -> Result<IssuedKey, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let overlap = Overlap::parse(&overlap)?;
    keys()?
        .refresh(
            &viewer,
            &key_id,
            overlap,
            &crate::services::request_parts()?,
        )
        .await
}

#[server(prefix = "/rpc", endpoint = "set-api-key-active")]
pub async fn set_key_active(key_id: String, active: bool) -> Result<(), AppError> {
    let viewer = crate::auth::require_viewer().await?;
    keys()?
        .set_active(&viewer, &key_id, active, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "delete-api-key")]
pub async fn delete_key(key_id: String) -> Result<(), AppError> {
    let viewer = crate::auth::require_viewer().await?;
    keys()?
        .delete(&viewer, &key_id, &crate::services::request_parts()?)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_draft_is_checked_field_by_field() {
        let draft = KeyDraft::parse(
            "",
            " Checkout service ",
            "sandbox",
            "2027-01-31",
            "192.0.2.0/24\n2001:db8::1",
            "",
        )
        .expect("valid");
        assert_eq!(draft.name, "Checkout service");
        assert_eq!(draft.environment, Environment::Sandbox);
        assert_eq!(draft.rules.allowed.entries().len(), 2);
        let field = |result: Result<KeyDraft, AppError>| match result {
            Err(AppError::Invalid {
                field: Some(field),
                message,
            }) => (field, message),
            other => panic!("expected a field error, got {other:?}"),
        };
        assert_eq!(
            field(KeyDraft::parse("", " ", "sandbox", "", "", "")).0,
            "name"
        );
        assert_eq!(
            field(KeyDraft::parse("", "k", "staging", "", "", "")).0,
            "environment"
        );
        assert_eq!(
            field(KeyDraft::parse("", "k", "sandbox", "31.01.2027", "", "")).0,
            "expires_on"
        );
        let (name, message) = field(KeyDraft::parse(
            "",
            "k",
            "sandbox",
            "",
            "10.0.0.1, 10.0.0.300, 10.0.0.0/40",
            "",
        ));
        assert_eq!(name, "allowed_ips");
        assert!(
            message.contains("10.0.0.300") && message.contains("0 to 32"),
            "each bad entry named: {message}"
        );
        assert_eq!(
            field(KeyDraft::parse("", "k", "production", "", "", "nope")).0,
            "blocked_ips"
        );
    }

    #[test]
    fn overlaps_are_a_few_choices() {
        assert_eq!(Overlap::parse("none"), Ok(Overlap::None));
        assert_eq!(Overlap::parse(""), Ok(Overlap::None));
        assert_eq!(Overlap::parse("24h"), Ok(Overlap::Hours(24)));
        assert_eq!(Overlap::parse("7d"), Ok(Overlap::Hours(168)));
        assert!(Overlap::parse("forever").is_err());
        for value in Overlap::CHOICES {
            assert!(Overlap::parse(value).is_ok(), "{value}");
        }
    }
}
