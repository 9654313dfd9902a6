//! Single sign-on with OpenID Connect: Portico as a relying party of the identity providers
//! declared in `PORTICO_OIDC_PROVIDERS`. Authorization code flow with PKCE (S256), `state` and
//! `nonce`; the flow is stored server-side under the hash of `state` and bound to the browser
//! by a cookie, and it can be finished once. Accounts are found by (issuer, subject); an email
//! links or provisions an account only when the provider says it is verified and its domain is
//! allowed for that provider.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::admin::{ConnectionCheck, ProviderConfig};
use app::types::Email;
use base64::Engine;
use chrono::Utc;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use super::Sessions;
use super::token::SecretToken;
use crate::audit::AuditEvent;
use crate::clock::Clock;
use crate::directory::{add_membership, add_membership_from, create_user};
use crate::entities::{
    identity_provider, invitation, membership, oidc_flow, organization, user, user_identity,
};
use crate::error::DomainError;
use crate::secret_box::SecretBox;

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

/// Every provider of a `PORTICO_OIDC_PROVIDERS` value (a JSON array), checked.
pub fn parse_providers(text: &str) -> Result<Vec<ProviderConfig>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<ProviderConfig> =
        serde_json::from_str(text).map_err(|e| format!("not a JSON array of providers: {e}"))?;
    let mut seen = Vec::new();
    for provider in &list {
        let name = &provider.slug;
        if let Err(error) = provider.check() {
            return Err(match error {
                app::error::AppError::Invalid {
                    field: Some(field),
                    message,
                } => format!("provider '{name}', {field}: {message}"),
                other => format!("provider '{name}': {other}"),
            });
        }
        if seen.contains(name) {
            return Err(format!("provider slug '{name}' appears twice"));
        }
        seen.push(name.clone());
    }
    Ok(list)
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

/// A provider's discovery document, with the end-session endpoint of RP-initiated logout.
type Metadata = openidconnect::ProviderMetadataWithLogout;

/// The first endpoint (keys or token) of a discovery document that is neither https nor on
/// this machine: the client secret and the keys must not travel in the clear.
fn insecure_endpoint(metadata: &Metadata) -> Option<String> {
    std::iter::once(metadata.jwks_uri().url().as_str())
        .chain(metadata.token_endpoint().map(|t| t.url().as_str()))
        .find(|endpoint| !app::admin::is_secure_endpoint(endpoint))
        .map(str::to_owned)
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
    metadata: Metadata,
    fetched: Instant,
    /// When an unknown signing key last made us read the keys again.
    refetched_for_key: Option<Instant>,
}

struct Provider {
    config: ProviderConfig,
    discovered: Mutex<Option<Discovered>>,
}

/// The providers people may sign in with now: those declared in settings, then those added
/// in the admin pages and switched on.
type Registry = Arc<Vec<Arc<Provider>>>;

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
    /// Providers from settings: always there, changed only by a restart.
    declared: Vec<ProviderConfig>,
    secrets: Arc<SecretBox>,
    registry: std::sync::RwLock<Registry>,
    /// One reload at a time, so an older reading never replaces a newer one.
    reloading: Mutex<()>,
    http: openidconnect::reqwest::Client,
}

/// Where a provider's sealed secret belongs: it opens for this provider only.
pub fn secret_context(slug: &str) -> String {
    format!("identity_provider:{slug}")
}

fn hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A local path to go back to after signing in; anything else goes to Discover.
fn local_next(next: Option<&str>) -> String {
    next.and_then(app::types::local_path)
        .unwrap_or("/discover")
        .to_owned()
}

impl Sso {
    /// The providers of settings and of the database. Call `reload` once the database is
    /// migrated, and again whenever providers change.
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        sessions: Arc<Sessions>,
        base_url: url::Url,
        declared: Vec<ProviderConfig>,
        secrets: Arc<SecretBox>,
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
            declared,
            secrets,
            registry: std::sync::RwLock::new(Arc::new(Vec::new())),
            reloading: Mutex::new(()),
            http,
        })
    }

    pub fn declared(&self) -> &[ProviderConfig] {
        &self.declared
    }

    pub fn base_url(&self) -> &url::Url {
        &self.base_url
    }

    /// Opens a stored provider's sealed secret.
    pub fn open_secret(&self, row: &identity_provider::Model) -> Option<String> {
        self.secrets
            .open(&row.sealed_secret, &secret_context(&row.slug))
            .ok()
    }

    /// Seals a provider's secret for storing.
    pub fn seal_secret(&self, slug: &str, secret: &str) -> Result<String, DomainError> {
        self.secrets
            .seal(secret, &secret_context(slug))
            .map_err(|e| DomainError::Invariant(e.to_string()))
    }

    /// Reads the providers again: settings first, then the switched-on providers of the
    /// database. A provider whose configuration did not change keeps its cached metadata.
    pub async fn reload(&self) -> Result<(), DomainError> {
        let _one_at_a_time = self.reloading.lock().await;
        let rows = identity_provider::Entity::find()
            .filter(identity_provider::Column::Enabled.eq(true))
            .all(&self.db)
            .await?;
        let mut configs = self.declared.clone();
        for row in rows {
            if configs.iter().any(|c| c.slug == row.slug) {
                continue;
            }
            match self.stored_config(&row) {
                Ok(config) => configs.push(config),
                Err(problem) => {
                    tracing::error!(provider = %row.slug, %problem, "identity provider left out")
                }
            }
        }
        let current = self.registry();
        let providers = configs
            .into_iter()
            .map(|config| {
                current
                    .iter()
                    .find(|p| p.config == config)
                    .cloned()
                    .unwrap_or_else(|| {
                        Arc::new(Provider {
                            config,
                            discovered: Mutex::new(None),
                        })
                    })
            })
            .collect();
        *self.registry.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(providers);
        Ok(())
    }

    /// A stored provider's configuration with its secret, or why it cannot be used.
    pub fn stored_config(&self, row: &identity_provider::Model) -> Result<ProviderConfig, String> {
        let mut config: ProviderConfig = serde_json::from_str(&row.config)
            .map_err(|e| app::t!("sso-stored-unreadable", error = e.to_string()))?;
        config.client_secret = self
            .open_secret(row)
            .ok_or_else(|| app::t!("sso-secret-unreadable"))?;
        Ok(config)
    }

    fn registry(&self) -> Registry {
        self.registry
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn redirect_uri(&self, slug: &str) -> String {
        app::admin::redirect_uri(self.base_url.as_str(), slug)
    }

    fn provider(&self, slug: &str) -> Result<Arc<Provider>, SsoFailure> {
        self.registry()
            .iter()
            .find(|p| p.config.slug == slug)
            .cloned()
            .ok_or(SsoFailure::UnknownProvider)
    }

    /// The provider's metadata and keys: cached, read again when stale or when `refresh` asks
    /// (at most once a minute).
    async fn metadata(&self, provider: &Provider, refresh: bool) -> Result<Metadata, SsoFailure> {
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
            let metadata = Metadata::discover_async(issuer, &self.http)
                .await
                .map_err(|error| {
                    tracing::warn!(%error, provider = %provider.config.slug, "discovery failed");
                    SsoFailure::ProviderUnavailable
                })?;
            if let Some(endpoint) = insecure_endpoint(&metadata) {
                tracing::warn!(provider = %provider.config.slug, %endpoint, "discovery names an endpoint without https");
                return Err(SsoFailure::Misconfigured);
            }
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
        metadata: Metadata,
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
            .start(&self.db, person.id, user_agent, client, Some(slug))
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
        let check = |metadata: &Metadata| -> Result<
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
                        // An organization that takes in everyone of this (verified) domain.
                        let by_domain = if invited || config.jit {
                            None
                        } else {
                            super::eligibility::joined_by_domain(&txn, &email).await?
                        };
                        if !invited && !config.jit && by_domain.is_none() {
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
                        } else if let Some(organization) = by_domain {
                            add_membership(
                                &txn,
                                clock,
                                person.id,
                                organization.id,
                                membership::ROLE_MEMBER,
                            )
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

    /// Where to send a browser to sign out at the provider too (RP-initiated logout), when the
    /// provider publishes an end-session endpoint.
    pub async fn logout_url(&self, slug: &str) -> Option<url::Url> {
        let provider = self.provider(slug).ok()?;
        let metadata = self.metadata(&provider, false).await.ok()?;
        let endpoint = metadata
            .additional_metadata()
            .end_session_endpoint
            .as_ref()?;
        let mut url = endpoint.url().clone();
        url.query_pairs_mut()
            .append_pair("client_id", &provider.config.client_id)
            .append_pair(
                "post_logout_redirect_uri",
                &app::admin::post_logout_redirect_uri(self.base_url.as_str()),
            );
        Some(url)
    }

    /// "Test connection": reads the discovery document and the keys the way sign-in does, and
    /// asks the token endpoint about the client id and secret, each outcome in plain words.
    pub async fn check_connection(&self, config: &ProviderConfig) -> Vec<ConnectionCheck> {
        let mut checks = Vec::new();
        let mut add = |ok: bool, label: String, detail: String| {
            checks.push(ConnectionCheck { ok, label, detail });
        };
        let address = format!(
            "{}/.well-known/openid-configuration",
            config.issuer.trim_end_matches('/')
        );
        let document = match self.fetch_json(&address).await {
            Ok(document) => document,
            Err(problem) => {
                add(
                    false,
                    app::t!("sso-check-discovery"),
                    format!("{address}: {problem}"),
                );
                return checks;
            }
        };
        let metadata: Metadata = match serde_json::from_value(document.clone()) {
            Ok(metadata) => metadata,
            Err(error) => {
                add(
                    false,
                    app::t!("sso-check-discovery"),
                    app::t!(
                        "sso-check-discovery-invalid",
                        address = &address,
                        error = error.to_string()
                    ),
                );
                return checks;
            }
        };
        add(
            true,
            app::t!("sso-check-discovery"),
            app::t!("sso-check-discovery-read", address = &address),
        );
        if let Some(endpoint) = insecure_endpoint(&metadata) {
            add(
                false,
                app::t!("sso-check-endpoints"),
                app::t!("sso-check-endpoint-insecure", endpoint = endpoint),
            );
            return checks;
        }
        let announced = metadata.issuer().as_str();
        if announced == config.issuer {
            add(
                true,
                app::t!("sso-check-issuer"),
                app::t!("sso-check-issuer-same"),
            );
        } else {
            add(
                false,
                app::t!("sso-check-issuer"),
                app::t!("sso-check-issuer-differs", announced = announced),
            );
        }
        let strings = |key: &str| -> Vec<String> {
            document
                .get(key)
                .and_then(|v| serde_json::from_value::<Vec<String>>(v.clone()).ok())
                .unwrap_or_default()
        };
        if strings("response_types_supported")
            .iter()
            .any(|t| t == "code")
            && metadata.token_endpoint().is_some()
        {
            add(
                true,
                app::t!("sso-check-code-flow"),
                app::t!("sso-check-code-flow-ok"),
            );
        } else {
            add(
                false,
                app::t!("sso-check-code-flow"),
                app::t!("sso-check-code-flow-missing"),
            );
        }
        let methods = strings("code_challenge_methods_supported");
        if methods.iter().any(|m| m == "S256") {
            add(
                true,
                app::t!("sso-check-pkce"),
                app::t!("sso-check-pkce-ok"),
            );
        } else if methods.is_empty() {
            add(
                true,
                app::t!("sso-check-pkce"),
                app::t!("sso-check-pkce-unknown"),
            );
        } else {
            add(
                false,
                app::t!("sso-check-pkce"),
                app::t!("sso-check-pkce-missing", methods = methods.join(", ")),
            );
        }
        let algorithms: Vec<String> = strings("id_token_signing_alg_values_supported")
            .into_iter()
            .filter(|alg| alg != "none" && !alg.starts_with("HS"))
            .collect();
        if algorithms.is_empty() {
            add(
                false,
                app::t!("sso-check-algorithms"),
                app::t!("sso-check-algorithms-missing"),
            );
        } else {
            add(
                true,
                app::t!("sso-check-algorithms"),
                app::t!(
                    "sso-check-algorithms-ok",
                    algorithms = algorithms.join(", ")
                ),
            );
        }
        match self.fetch_json(metadata.jwks_uri().url().as_str()).await {
            Ok(keys) => {
                match serde_json::from_value::<openidconnect::core::CoreJsonWebKeySet>(keys) {
                    Ok(set) if !set.keys().is_empty() => add(
                        true,
                        app::t!("sso-check-keys"),
                        app::t!(
                            "sso-check-keys-read",
                            count = set.keys().len(),
                            address = metadata.jwks_uri().url().to_string()
                        ),
                    ),
                    Ok(_) => add(
                        false,
                        app::t!("sso-check-keys"),
                        app::t!(
                            "sso-check-keys-empty",
                            address = metadata.jwks_uri().url().to_string()
                        ),
                    ),
                    Err(error) => add(
                        false,
                        app::t!("sso-check-keys"),
                        app::t!(
                            "sso-check-keys-invalid",
                            address = metadata.jwks_uri().url().to_string(),
                            error = error.to_string()
                        ),
                    ),
                }
            }
            Err(problem) => add(
                false,
                app::t!("sso-check-keys"),
                format!("{}: {problem}", metadata.jwks_uri().url()),
            ),
        }
        if let Some(token_endpoint) = metadata.token_endpoint() {
            let (ok, detail) = self.check_client(config, token_endpoint.url()).await;
            add(ok, app::t!("sso-check-client"), detail);
        }
        if metadata
            .additional_metadata()
            .end_session_endpoint
            .is_some()
        {
            add(
                true,
                app::t!("sso-check-sign-out"),
                app::t!("sso-check-sign-out-ok"),
            );
        } else {
            add(
                true,
                app::t!("sso-check-sign-out"),
                app::t!("sso-check-sign-out-none"),
            );
        }
        checks
    }

    /// A JSON document from a provider, or what went wrong in words.
    async fn fetch_json(&self, address: &str) -> Result<serde_json::Value, String> {
        let response = self
            .http
            .get(address)
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|error| {
                if error.is_timeout() {
                    app::t!("sso-fetch-timeout")
                } else if error.is_connect() {
                    app::t!("sso-fetch-connect")
                } else {
                    app::t!("sso-fetch-failed", error = error.to_string())
                }
            })?;
        let status = response.status();
        if status.is_redirection() {
            return Err(app::t!("sso-fetch-redirect", status = status.to_string()));
        }
        if !status.is_success() {
            return Err(app::t!("sso-fetch-status", status = status.to_string()));
        }
        response
            .json::<serde_json::Value>()
            .await
            .map_err(|_| app::t!("sso-fetch-not-json"))
    }

    /// Presents the client id and secret to the token endpoint with a made-up code, the way
    /// sign-in does (HTTP Basic): a provider that knows the client complains about the code
    /// (`invalid_grant`), one that does not about the client (`invalid_client`).
    async fn check_client(
        &self,
        config: &ProviderConfig,
        token_endpoint: &url::Url,
    ) -> (bool, String) {
        let encode =
            |text: &str| url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
        let answer = self
            .http
            .post(token_endpoint.clone())
            .basic_auth(
                encode(&config.client_id),
                Some(encode(&config.client_secret)),
            )
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", "portico-connection-test"),
                ("redirect_uri", &self.redirect_uri(&config.slug)),
            ])
            .send()
            .await;
        let body = match answer {
            Ok(response) => response.json::<serde_json::Value>().await.ok(),
            Err(error) => {
                return (
                    false,
                    app::t!("sso-client-no-answer", error = error.to_string()),
                );
            }
        };
        let error = body
            .as_ref()
            .and_then(|b| b.get("error"))
            .and_then(|e| e.as_str())
            .unwrap_or_default();
        match error {
            "invalid_grant" => (true, app::t!("sso-client-accepted")),
            "invalid_client" | "unauthorized" => (false, app::t!("sso-client-refused")),
            "unauthorized_client" => (false, app::t!("sso-client-no-code-flow")),
            "" => (false, app::t!("sso-client-unclear")),
            other => (false, app::t!("sso-client-other", error = other)),
        }
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
        self.registry()
            .iter()
            .find(|p| p.config.enforce_sso && p.config.domain_allowed(email))
            .map(|p| app::auth::SsoProvider {
                slug: p.config.slug.clone(),
                name: p.config.name.clone(),
            })
    }

    fn providers(&self) -> Vec<app::auth::SsoProvider> {
        self.registry()
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
        let list = parse_providers(ok).expect("valid");
        assert_eq!(list[0].scopes, ["openid", "email", "profile"]);
        assert_eq!(list[0].client_secret, "s");
        assert!(parse_providers("").expect("empty").is_empty());
        let provider = |extra: &str| {
            format!(
                r#"[{{"slug": "ab", "name": "x", "issuer": "https://a.test", "client_id": "c", "client_secret": "s"{extra}}}]"#
            )
        };
        for (bad, why) in [
            ("{}".to_owned(), "not a JSON array"),
            (
                provider(r#", "slug": "Bad Slug""#).replace(r#""slug": "ab", "#, ""),
                "'Bad Slug', slug",
            ),
            (provider("").replace("https://a.test", "ftp://a"), "issuer"),
            (
                provider("").replace("https://a.test", "http://id.corp.test"),
                "issuer",
            ),
            (
                provider("").replace(r#""client_secret": "s""#, r#""client_secret": " ""#),
                "client_secret",
            ),
            (provider(r#", "admin_groups": ["x"]"#), "groups_claim"),
            (provider(r#", "jit": true"#), "allowed_domains"),
            (provider(r#", "role": "owner""#), "role"),
            (provider(r#", "surprise": 1"#), "unknown field"),
            (
                format!("[{0}, {0}]", provider("").trim_matches(['[', ']'])),
                "appears twice",
            ),
        ] {
            let error = parse_providers(&bad).expect_err(&bad);
            assert!(error.contains(why), "{bad}: {error}");
        }
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
