//! Single sign-on with OpenID Connect: Portico as a relying party of the identity providers
//! declared in `PORTICO_OIDC_PROVIDERS`. Authorization code flow with PKCE (S256), `state` and
//! `nonce`; the flow is stored server-side under the hash of `state` and bound to the browser
//! by a cookie, and it can be finished once. Accounts are found by (issuer, subject); an email
//! links or provisions an account only when the provider says it is verified and its domain is
//! allowed for that provider.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::types::{Email, Slug};
use base64::Engine;
use chrono::Utc;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use super::Sessions;
use super::token::SecretToken;
use crate::audit::AuditEvent;
use crate::clock::Clock;
use crate::directory::{add_membership, add_membership_from, create_user};
use crate::entities::{invitation, membership, oidc_flow, organization, user, user_identity};
use crate::error::DomainError;

/// How long a started sign-in may take at the provider.
const FLOW_TTL_MINUTES: i64 = 10;
/// Provider metadata (endpoints and keys) is read again after this long.
const METADATA_FRESH_FOR: Duration = Duration::from_secs(3600);
/// An unknown signing key refetches the provider's keys at most this often.
const KEY_REFETCH_EVERY: Duration = Duration::from_secs(60);
/// Steps of sign-ins (starts and callbacks) one address may take in ten minutes.
const SSO_STEPS: super::rate_limit::Limit = super::rate_limit::Limit {
    max_hits: 60,
    window_secs: 600,
};
/// The browser-binding cookie of a flow in progress.
pub const FLOW_COOKIE: &str = "portico_sso";

/// One identity provider, as declared in settings. (`Debug` leaves the secret out.)
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    pub slug: String,
    /// The name on the sign-in button.
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    #[serde(default = "default_scopes")]
    pub scopes: Vec<String>,
    /// Email domains this provider vouches for: only these link to existing accounts or get
    /// new ones.
    #[serde(default)]
    pub allowed_domains: Vec<String>,
    /// Create accounts on first sign-in (just in time).
    #[serde(default)]
    pub jit: bool,
    /// People of `allowed_domains` must sign in here: the email field sends them over.
    #[serde(default)]
    pub enforce_sso: bool,
    /// The organization (slug) and role (`member` or `admin`) of accounts made just in time.
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default = "default_role")]
    pub role: String,
    /// A claim listing groups (`groups`), applied at every sign-in.
    #[serde(default)]
    pub groups_claim: Option<String>,
    /// Group → organization slug: members of the group belong to the organization.
    #[serde(default)]
    pub group_organizations: BTreeMap<String, String>,
    /// Members of these groups are portal admins; others are not.
    #[serde(default)]
    pub admin_groups: Vec<String>,
}

impl std::fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("slug", &self.slug)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .finish_non_exhaustive()
    }
}

fn default_scopes() -> Vec<String> {
    vec!["openid".into(), "email".into(), "profile".into()]
}

fn default_role() -> String {
    membership::ROLE_MEMBER.to_owned()
}

impl ProviderConfig {
    /// Every provider of a `PORTICO_OIDC_PROVIDERS` value (a JSON array), checked.
    pub fn parse_list(text: &str) -> Result<Vec<ProviderConfig>, String> {
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<ProviderConfig> = serde_json::from_str(text)
            .map_err(|e| format!("not a JSON array of providers: {e}"))?;
        let mut seen = Vec::new();
        for provider in &list {
            let name = &provider.slug;
            Slug::parse(name).map_err(|e| format!("provider slug '{name}': {e}"))?;
            if seen.contains(name) {
                return Err(format!("provider slug '{name}' appears twice"));
            }
            seen.push(name.clone());
            let issuer = url::Url::parse(&provider.issuer)
                .map_err(|_| format!("provider '{name}': issuer is not a URL"))?;
            let loopback = matches!(
                issuer.host(),
                Some(url::Host::Ipv4(ip)) if ip.is_loopback()
            ) || issuer.host_str() == Some("localhost");
            if !(issuer.scheme() == "https" || (issuer.scheme() == "http" && loopback)) {
                return Err(format!(
                    "provider '{name}': issuer must be https (http only on this machine)"
                ));
            }
            if provider.client_id.trim().is_empty()
                || provider.client_secret.trim().is_empty()
                || provider.name.trim().is_empty()
            {
                return Err(format!(
                    "provider '{name}': name, client_id and client_secret are required"
                ));
            }
            if provider.enforce_sso && provider.allowed_domains.is_empty() {
                return Err(format!(
                    "provider '{name}': enforce_sso needs allowed_domains"
                ));
            }
            if provider.groups_claim.is_none()
                && (!provider.group_organizations.is_empty() || !provider.admin_groups.is_empty())
            {
                return Err(format!(
                    "provider '{name}': group_organizations and admin_groups need groups_claim"
                ));
            }
            if ![membership::ROLE_MEMBER, membership::ROLE_ADMIN].contains(&provider.role.as_str())
            {
                return Err(format!("provider '{name}': role must be member or admin"));
            }
            if provider.jit
                && (provider.allowed_domains.is_empty() || provider.organization.is_none())
            {
                return Err(format!(
                    "provider '{name}': just-in-time accounts need allowed_domains and an organization"
                ));
            }
        }
        Ok(list)
    }

    fn domain_allowed(&self, email: &Email) -> bool {
        let domain = email.as_str().rsplit('@').next().unwrap_or_default();
        self.allowed_domains
            .iter()
            .any(|allowed| allowed.trim().eq_ignore_ascii_case(domain))
    }
}

/// Why a sign-in through a provider ended without a session; each has a page of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoFailure {
    UnknownProvider,
    ProviderUnavailable,
    /// The provider said no (`error=access_denied` and the like).
    Denied,
    /// The flow is unknown, used, expired, or was started in another browser.
    Expired,
    InvalidToken,
    UnverifiedEmail,
    DomainNotAllowed,
    /// An account with this email exists but may not be linked.
    CannotLink,
    /// Unknown person and just-in-time accounts are off.
    NoAccount,
    Suspended,
    /// None of the person's organizations may use the portal (any more).
    NotAllowed,
    /// Too many sign-ins started or finished from this address.
    RateLimited,
    Misconfigured,
}

impl SsoFailure {
    pub fn code(self) -> &'static str {
        match self {
            SsoFailure::UnknownProvider => "unknown_provider",
            SsoFailure::ProviderUnavailable => "provider_unavailable",
            SsoFailure::Denied => "denied",
            SsoFailure::Expired => "expired",
            SsoFailure::InvalidToken => "invalid_token",
            SsoFailure::UnverifiedEmail => "unverified_email",
            SsoFailure::DomainNotAllowed => "domain_not_allowed",
            SsoFailure::CannotLink => "cannot_link",
            SsoFailure::NoAccount => "no_account",
            SsoFailure::Suspended => "suspended",
            SsoFailure::NotAllowed => "not_allowed",
            SsoFailure::RateLimited => "rate_limited",
            SsoFailure::Misconfigured => "misconfigured",
        }
    }
}

impl From<DomainError> for SsoFailure {
    fn from(error: DomainError) -> SsoFailure {
        tracing::error!(%error, "single sign-on failed on our side");
        SsoFailure::ProviderUnavailable
    }
}

impl From<sea_orm::DbErr> for SsoFailure {
    fn from(error: sea_orm::DbErr) -> SsoFailure {
        DomainError::from(error).into()
    }
}

/// A client made from discovery: authorization endpoint known, token and userinfo if announced.
type DiscoveredClient = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

struct Discovered {
    metadata: CoreProviderMetadata,
    fetched: Instant,
    /// When an unknown signing key last made us read the keys again.
    refetched_for_key: Option<Instant>,
}

struct Provider {
    config: ProviderConfig,
    discovered: Mutex<Option<Discovered>>,
}

/// What the provider told us about the person, once the ID token checked out.
#[derive(Debug, Clone)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
    pub groups: Option<Vec<String>>,
}

/// A started sign-in: where to send the browser, and the cookie that binds the flow to it.
pub struct Started {
    pub authorize_url: url::Url,
    pub binding: SecretToken,
}

pub struct SignedInBySso {
    pub session: SecretToken,
    pub user: user::Model,
    pub next: String,
}

pub struct Sso {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    sessions: Arc<Sessions>,
    base_url: url::Url,
    providers: Vec<Arc<Provider>>,
    http: openidconnect::reqwest::Client,
}

fn hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A local path to go back to after signing in; anything else goes to Discover.
fn local_next(next: Option<&str>) -> String {
    match next {
        Some(next)
            if next.starts_with('/')
                && !next.starts_with("//")
                && !next.contains('\\')
                && !next.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            next.to_owned()
        }
        _ => "/discover".to_owned(),
    }
}

impl Sso {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        sessions: Arc<Sessions>,
        base_url: url::Url,
        configs: Vec<ProviderConfig>,
    ) -> Result<Sso, String> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            // Following redirects would let a provider point us anywhere.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Sso {
            db,
            clock,
            sessions,
            base_url,
            providers: configs
                .into_iter()
                .map(|config| {
                    Arc::new(Provider {
                        config,
                        discovered: Mutex::new(None),
                    })
                })
                .collect(),
            http,
        })
    }

    pub fn redirect_uri(&self, slug: &str) -> String {
        format!(
            "{}/auth/oidc/{slug}/callback",
            self.base_url.as_str().trim_end_matches('/')
        )
    }

    fn provider(&self, slug: &str) -> Result<Arc<Provider>, SsoFailure> {
        self.providers
            .iter()
            .find(|p| p.config.slug == slug)
            .cloned()
            .ok_or(SsoFailure::UnknownProvider)
    }

    /// The provider's metadata and keys: cached, read again when stale or when `refresh` asks
    /// (at most once a minute).
    async fn metadata(
        &self,
        provider: &Provider,
        refresh: bool,
    ) -> Result<CoreProviderMetadata, SsoFailure> {
        let mut discovered = provider.discovered.lock().await;
        let stale = match discovered.as_ref() {
            None => true,
            Some(d) if refresh => d
                .refetched_for_key
                .is_none_or(|at| at.elapsed() >= KEY_REFETCH_EVERY),
            Some(d) => d.fetched.elapsed() >= METADATA_FRESH_FOR,
        };
        if stale {
            let issuer = IssuerUrl::new(provider.config.issuer.clone())
                .map_err(|_| SsoFailure::Misconfigured)?;
            let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
                .await
                .map_err(|error| {
                    tracing::warn!(%error, provider = %provider.config.slug, "discovery failed");
                    SsoFailure::ProviderUnavailable
                })?;
            let refetched_for_key = if refresh {
                Some(Instant::now())
            } else {
                discovered.as_ref().and_then(|d| d.refetched_for_key)
            };
            *discovered = Some(Discovered {
                metadata,
                fetched: Instant::now(),
                refetched_for_key,
            });
        }
        discovered
            .as_ref()
            .map(|d| d.metadata.clone())
            .ok_or(SsoFailure::ProviderUnavailable)
    }

    fn client(
        &self,
        provider: &Provider,
        metadata: CoreProviderMetadata,
    ) -> Result<DiscoveredClient, SsoFailure> {
        let redirect = RedirectUrl::new(self.redirect_uri(&provider.config.slug))
            .map_err(|_| SsoFailure::Misconfigured)?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(provider.config.client_id.clone()),
            Some(ClientSecret::new(provider.config.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// Starts a sign-in: the provider's authorization URL, with the flow stored for the callback.
    pub async fn start(&self, slug: &str, next: Option<&str>) -> Result<Started, SsoFailure> {
        let provider = self.provider(slug)?;
        let metadata = self.metadata(&provider, false).await?;
        let client = self.client(&provider, metadata)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client.authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        );
        for scope in &provider.config.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (authorize_url, state, nonce) = request.set_pkce_challenge(challenge).url();
        let binding = SecretToken::generate();
        let now = self.clock.now();
        oidc_flow::ActiveModel {
            state_hash: Set(hash(state.secret())),
            binding_hash: Set(hash(binding.expose())),
            provider: Set(slug.to_owned()),
            nonce: Set(nonce.secret().clone()),
            pkce_verifier: Set(verifier.secret().clone()),
            next: Set(local_next(next)),
            created_at: Set(now),
            expires_at: Set(now + chrono::Duration::minutes(FLOW_TTL_MINUTES)),
        }
        .insert(&self.db)
        .await?;
        Ok(Started {
            authorize_url,
            binding,
        })
    }

    /// Finishes a sign-in from the provider's redirect, once.
    #[allow(clippy::too_many_arguments)]
    pub async fn finish(
        &self,
        slug: &str,
        state: &str,
        code: Option<&str>,
        provider_error: Option<&str>,
        binding: Option<&str>,
        user_agent: Option<String>,
        client: Option<IpAddr>,
    ) -> Result<SignedInBySso, SsoFailure> {
        let provider = self.provider(slug)?;
        // Taken out whatever happens next: a flow is finished once.
        let state_hash = hash(state);
        let flow = oidc_flow::Entity::find_by_id(state_hash.clone())
            .one(&self.db)
            .await?
            .ok_or(SsoFailure::Expired)?;
        let removed = oidc_flow::Entity::delete_by_id(state_hash)
            .exec(&self.db)
            .await?;
        let bound = binding.is_some_and(|b| hash(b) == flow.binding_hash);
        if removed.rows_affected != 1
            || !bound
            || flow.provider != slug
            || flow.expires_at <= self.clock.now()
        {
            return Err(SsoFailure::Expired);
        }
        if provider_error.is_some() {
            return Err(SsoFailure::Denied);
        }
        let code = code.ok_or(SsoFailure::Denied)?;
        let identity = self.verified_identity(&provider, code, &flow).await?;
        let person = self
            .account_for(&provider.config, &identity, client)
            .await?;
        let session = self
            .sessions
            .start(&self.db, person.id, user_agent, client)
            .await?;
        user::ActiveModel {
            id: Set(person.id),
            last_seen_at: Set(Some(self.clock.now())),
            ..Default::default()
        }
        .update(&self.db)
        .await?;
        Ok(SignedInBySso {
            session,
            user: person,
            next: flow.next,
        })
    }

    /// Exchanges the code (with the PKCE verifier) and checks the ID token: signature with an
    /// algorithm the provider announces, issuer, audience, expiry, nonce. An unknown key id
    /// refetches the provider's keys once (key rotation).
    async fn verified_identity(
        &self,
        provider: &Provider,
        code: &str,
        flow: &oidc_flow::Model,
    ) -> Result<Identity, SsoFailure> {
        let metadata = self.metadata(provider, false).await?;
        let client = self.client(provider, metadata.clone())?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|_| SsoFailure::Misconfigured)?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|error| {
                tracing::warn!(%error, provider = %provider.config.slug, "code exchange failed");
                SsoFailure::InvalidToken
            })?;
        let id_token = response.id_token().ok_or(SsoFailure::InvalidToken)?;
        let nonce = Nonce::new(flow.nonce.clone());
        let check = |metadata: &CoreProviderMetadata| -> Result<
            Result<openidconnect::core::CoreIdTokenClaims, openidconnect::ClaimsVerificationError>,
            SsoFailure,
        > {
            let client = self.client(provider, metadata.clone())?;
            let algorithms = metadata.id_token_signing_alg_values_supported().to_vec();
            // Signatures by the provider's keys only: a MAC keyed with the client secret proves
            // less, and `none` is refused by the library anyway.
            let algorithms = algorithms
                .into_iter()
                .filter(|alg| !openidconnect::JwsSigningAlgorithm::uses_shared_secret(alg));
            let verifier = client.id_token_verifier().set_allowed_algs(algorithms);
            match id_token.claims(&verifier, &nonce) {
                Ok(claims) => Ok(Ok(claims.clone())),
                Err(error) => Ok(Err(error)),
            }
        };
        let claims = match check(&metadata)? {
            Ok(claims) => claims,
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(
                openidconnect::SignatureVerificationError::NoMatchingKey,
            )) => {
                let refreshed = self.metadata(provider, true).await?;
                check(&refreshed)?.map_err(|error| {
                    tracing::warn!(%error, provider = %provider.config.slug, "ID token refused");
                    SsoFailure::InvalidToken
                })?
            }
            Err(error) => {
                tracing::warn!(%error, provider = %provider.config.slug, "ID token refused");
                return Err(SsoFailure::InvalidToken);
            }
        };
        // The library checks the audience; the party the token was issued to is ours to check.
        if claims
            .authorized_party()
            .is_some_and(|azp| azp.as_str() != provider.config.client_id)
        {
            tracing::warn!(provider = %provider.config.slug, "ID token issued to another client");
            return Err(SsoFailure::InvalidToken);
        }
        // The signature is good: other claims (a groups list) can be read from the payload. A
        // missing or garbled claim leaves memberships as they are (it does not mean "no groups").
        let groups = provider.config.groups_claim.as_ref().and_then(|claim| {
            let payload = id_token.to_string();
            payload
                .split('.')
                .nth(1)
                .and_then(|part| {
                    base64::engine::general_purpose::URL_SAFE_NO_PAD
                        .decode(part)
                        .ok()
                })
                .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
                .and_then(|value| value.get(claim).cloned())
                .and_then(|value| serde_json::from_value::<Vec<String>>(value).ok())
        });
        Ok(Identity {
            issuer: claims.issuer().as_str().to_owned(),
            subject: claims.subject().as_str().to_owned(),
            email: claims.email().map(|e| e.as_str().to_owned()),
            email_verified: claims.email_verified() == Some(true),
            name: claims
                .name()
                .and_then(|n| n.get(None))
                .map(|n| n.as_str().to_owned()),
            groups,
        })
    }

    /// The account of an identity: known by (issuer, subject); else linked by a verified email
    /// of an allowed domain (audited); else made just in time, or joined to a pending
    /// invitation's organization. Group mapping is applied at every sign-in.
    async fn account_for(
        &self,
        config: &ProviderConfig,
        identity: &Identity,
        client: Option<IpAddr>,
    ) -> Result<user::Model, SsoFailure> {
        let clock = self.clock.as_ref();
        let now = clock.now();
        let txn = crate::db::begin_write(&self.db).await?;
        let known = user_identity::Entity::find()
            .filter(user_identity::Column::Issuer.eq(&identity.issuer))
            .filter(user_identity::Column::Subject.eq(&identity.subject))
            .one(&txn)
            .await?;
        let person = match known {
            Some(link) => {
                user_identity::ActiveModel {
                    issuer: Set(link.issuer.clone()),
                    subject: Set(link.subject.clone()),
                    last_sign_in_at: Set(Some(now)),
                    ..Default::default()
                }
                .update(&txn)
                .await?;
                user::Entity::find_by_id(link.user_id)
                    .one(&txn)
                    .await?
                    .ok_or(SsoFailure::NoAccount)?
            }
            None => {
                let email = identity
                    .email
                    .as_deref()
                    .and_then(|e| Email::parse(e).ok())
                    .ok_or(SsoFailure::UnverifiedEmail)?;
                if !identity.email_verified {
                    return Err(SsoFailure::UnverifiedEmail);
                }
                if !config.domain_allowed(&email) {
                    return Err(SsoFailure::DomainNotAllowed);
                }
                let existing = user::Entity::find()
                    .filter(user::Column::Email.eq(email.as_str()))
                    .one(&txn)
                    .await?;
                let (person, action) = match existing {
                    Some(person) => {
                        // Someone else at this provider already is this account: an address
                        // handed on to a new person must not hand on the account with it.
                        let linked_here = user_identity::Entity::find()
                            .filter(user_identity::Column::UserId.eq(person.id))
                            .filter(user_identity::Column::Issuer.eq(&identity.issuer))
                            .one(&txn)
                            .await?
                            .is_some();
                        if linked_here {
                            return Err(SsoFailure::CannotLink);
                        }
                        (person, "auth.sso_linked")
                    }
                    None => {
                        let invited = invitation::pending(email.as_str(), now)
                            .one(&txn)
                            .await?
                            .is_some();
                        if !invited && !config.jit {
                            return Err(SsoFailure::NoAccount);
                        }
                        let person = create_user(&txn, clock, &email, false).await?;
                        if let Some(name) =
                            identity.name.as_deref().filter(|n| !n.trim().is_empty())
                        {
                            user::ActiveModel {
                                id: Set(person.id),
                                display_name: Set(name.trim().chars().take(80).collect()),
                                ..Default::default()
                            }
                            .update(&txn)
                            .await?;
                        }
                        if invited {
                            super::magic_link::accept_invitations(&txn, clock, &person, client)
                                .await?;
                        } else {
                            let organization = organization::Entity::find()
                                .filter(
                                    organization::Column::Slug
                                        .eq(config.organization.clone().unwrap_or_default()),
                                )
                                .one(&txn)
                                .await?
                                .ok_or(SsoFailure::Misconfigured)?;
                            if !organization.may_use_portal() {
                                return Err(SsoFailure::NotAllowed);
                            }
                            add_membership(&txn, clock, person.id, organization.id, &config.role)
                                .await?;
                        }
                        (person, "user.provisioned")
                    }
                };
                user_identity::ActiveModel {
                    issuer: Set(identity.issuer.clone()),
                    subject: Set(identity.subject.clone()),
                    user_id: Set(person.id),
                    provider: Set(config.slug.clone()),
                    created_at: Set(now),
                    last_sign_in_at: Set(Some(now)),
                }
                .insert(&txn)
                .await?;
                AuditEvent::new(person.email.clone(), action)
                    .by(person.id)
                    .on("user", person.id)
                    .from_addr(client)
                    .with_details(serde_json::json!({
                        "provider": config.slug,
                        "issuer": identity.issuer,
                        "subject": identity.subject,
                    }))
                    .record(&txn, clock)
                    .await?;
                person
            }
        };
        if person.status != user::STATUS_ACTIVE {
            return Err(SsoFailure::Suspended);
        }
        if let Some(groups) = &identity.groups {
            self.apply_groups(&txn, config, &person, groups, client)
                .await?;
        }
        // The same rule as every other sign-in: an admin, or someone with an organization that
        // may use the portal.
        let person = user::Entity::find_by_id(person.id)
            .one(&txn)
            .await?
            .ok_or(SsoFailure::NoAccount)?;
        if !person.is_admin && !super::eligibility::has_portal_access(&txn, &person).await? {
            return Err(SsoFailure::NotAllowed);
        }
        txn.commit().await?;
        Ok(person)
    }

    /// Memberships of mapped organizations and the admin role follow the provider's groups.
    async fn apply_groups(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        config: &ProviderConfig,
        person: &user::Model,
        groups: &[String],
        client: Option<IpAddr>,
    ) -> Result<(), SsoFailure> {
        let clock = self.clock.as_ref();
        for (group, slug) in &config.group_organizations {
            let Some(organization) = organization::Entity::find()
                .filter(organization::Column::Slug.eq(slug))
                .one(txn)
                .await?
            else {
                tracing::warn!(provider = %config.slug, %slug, "mapped organization does not exist");
                continue;
            };
            let member = membership::Entity::find()
                .filter(membership::Column::UserId.eq(person.id))
                .filter(membership::Column::OrganizationId.eq(organization.id))
                .one(txn)
                .await?;
            let wanted = groups.contains(group);
            match (wanted, member) {
                (true, None) => {
                    add_membership_from(
                        txn,
                        clock,
                        person.id,
                        organization.id,
                        membership::ROLE_MEMBER,
                        Some(&config.slug),
                    )
                    .await?;
                    AuditEvent::new(person.email.clone(), "membership.from_provider")
                        .by(person.id)
                        .on("organization", organization.id)
                        .from_addr(client)
                        .with_details(serde_json::json!({ "group": group, "added": true }))
                        .record(txn, clock)
                        .await?;
                }
                // Only what this provider's mapping made is taken away again.
                (false, Some(member)) if member.provider.as_deref() == Some(&config.slug) => {
                    membership::Entity::delete_many()
                        .filter(membership::Column::UserId.eq(member.user_id))
                        .filter(membership::Column::OrganizationId.eq(member.organization_id))
                        .exec(txn)
                        .await?;
                    AuditEvent::new(person.email.clone(), "membership.from_provider")
                        .by(person.id)
                        .on("organization", organization.id)
                        .from_addr(client)
                        .with_details(serde_json::json!({ "group": group, "added": false }))
                        .record(txn, clock)
                        .await?;
                }
                _ => {}
            }
        }
        if !config.admin_groups.is_empty() {
            let admin = groups.iter().any(|g| config.admin_groups.contains(g));
            if admin != person.is_admin {
                user::ActiveModel {
                    id: Set(person.id),
                    is_admin: Set(admin),
                    ..Default::default()
                }
                .update(txn)
                .await?;
                AuditEvent::new(person.email.clone(), "user.role_from_provider")
                    .by(person.id)
                    .on("user", person.id)
                    .from_addr(client)
                    .with_details(serde_json::json!({ "admin": admin }))
                    .record(txn, clock)
                    .await?;
            }
        }
        Ok(())
    }

    /// Counts one step of a sign-in (start or callback) from `client`: each writes to the
    /// database, so a flood from one address is cut off.
    pub async fn admit(&self, client: Option<IpAddr>) -> Result<(), SsoFailure> {
        let key = format!(
            "sso:{}",
            client
                .map(|c| c.to_string())
                .unwrap_or_else(|| "unknown".into())
        );
        match super::rate_limit::hit(&self.db, &key, SSO_STEPS, self.clock.now()).await? {
            super::rate_limit::Verdict::Allowed => Ok(()),
            super::rate_limit::Verdict::Refused { .. } => Err(SsoFailure::RateLimited),
        }
    }

    /// Records a sign-in through a provider that ended without a session. Unknown providers
    /// and rate-limited steps are not recorded: anyone can make those up by the thousand.
    pub async fn audit_failure(&self, slug: &str, failure: SsoFailure, client: Option<IpAddr>) {
        if matches!(
            failure,
            SsoFailure::UnknownProvider | SsoFailure::RateLimited
        ) {
            return;
        }
        let recorded = AuditEvent::new("anonymous", "auth.sso_failed")
            .from_addr(client)
            .with_details(serde_json::json!({ "provider": slug, "reason": failure.code() }))
            .record(&self.db, self.clock.as_ref())
            .await;
        if let Err(error) = recorded {
            tracing::error!(%error, "could not record a failed single sign-on");
        }
    }

    /// Flows that were never finished.
    pub async fn sweep(&self) -> Result<u64, DomainError> {
        Ok(oidc_flow::Entity::delete_many()
            .filter(oidc_flow::Column::ExpiresAt.lte(Utc::now()))
            .exec(&self.db)
            .await?
            .rows_affected)
    }

    pub fn secure_cookies(&self) -> bool {
        self.base_url.scheme() == "https"
    }
}

impl app::auth::SsoService for Sso {
    fn enforced_for(&self, email: &Email) -> Option<app::auth::SsoProvider> {
        self.providers
            .iter()
            .find(|p| p.config.enforce_sso && p.config.domain_allowed(email))
            .map(|p| app::auth::SsoProvider {
                slug: p.config.slug.clone(),
                name: p.config.name.clone(),
            })
    }

    fn providers(&self) -> Vec<app::auth::SsoProvider> {
        self.providers
            .iter()
            .map(|p| app::auth::SsoProvider {
                slug: p.config.slug.clone(),
                name: p.config.name.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_lists_are_checked() {
        let ok = r#"[{"slug": "corp", "name": "Corp", "issuer": "https://id.corp.test",
            "client_id": "portico", "client_secret": "s", "allowed_domains": ["corp.test"],
            "jit": true, "organization": "corp"}]"#;
        let list = ProviderConfig::parse_list(ok).expect("valid");
        assert_eq!(list[0].scopes, ["openid", "email", "profile"]);
        assert!(ProviderConfig::parse_list("").expect("empty").is_empty());
        for (bad, why) in [
            ("{}", "not a JSON array"),
            (
                r#"[{"slug": "Bad Slug", "name": "x", "issuer": "https://a", "client_id": "c", "client_secret": "s"}]"#,
                "slug",
            ),
            (
                r#"[{"slug": "ab", "name": "x", "issuer": "ftp://a", "client_id": "c", "client_secret": "s"}]"#,
                "must be https",
            ),
            (
                r#"[{"slug": "ab", "name": "x", "issuer": "http://id.corp.test", "client_id": "c", "client_secret": "s"}]"#,
                "must be https",
            ),
            (
                r#"[{"slug": "ab", "name": "x", "issuer": "https://a", "client_id": "c", "client_secret": " "}]"#,
                "client_secret",
            ),
            (
                r#"[{"slug": "ab", "name": "x", "issuer": "https://a", "client_id": "c", "client_secret": "s", "admin_groups": ["x"]}]"#,
                "groups_claim",
            ),
            (
                r#"[{"slug": "ab", "name": "x", "issuer": "https://a", "client_id": "c", "client_secret": "s", "jit": true}]"#,
                "allowed_domains",
            ),
            (
                r#"[{"slug": "ab", "name": "x", "issuer": "https://a", "client_id": "c", "client_secret": "s", "role": "owner"}]"#,
                "role",
            ),
            (
                r#"[{"slug": "ab", "name": "x", "issuer": "https://a", "client_id": "c", "client_secret": "s", "surprise": 1}]"#,
                "unknown field",
            ),
        ] {
            let error = ProviderConfig::parse_list(bad).expect_err(bad);
            assert!(error.contains(why), "{error}");
        }
    }

    #[test]
    fn only_allowed_domains_vouch_for_an_email() {
        let list = ProviderConfig::parse_list(
            r#"[{"slug": "ab", "name": "x", "issuer": "https://a", "client_id": "c", "client_secret": "s", "allowed_domains": ["Corp.test"]}]"#,
        )
        .expect("valid");
        let email = |text: &str| Email::parse(text).expect("email");
        assert!(list[0].domain_allowed(&email("a@corp.test")));
        assert!(!list[0].domain_allowed(&email("a@evilcorp.test")));
        assert!(!list[0].domain_allowed(&email("a@corp.test.evil")));
    }

    #[test]
    fn next_stays_local() {
        assert_eq!(local_next(Some("/apis/x?y=1")), "/apis/x?y=1");
        for bad in ["//evil.test", "https://evil.test", "/\\evil", "/a b", ""] {
            assert_eq!(local_next(Some(bad)), "/discover", "{bad}");
        }
        assert_eq!(local_next(None), "/discover");
    }
}
