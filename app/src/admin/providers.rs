//! Admin: the identity providers people sign in through (OpenID Connect). Providers added here
//! live in the database with their client secret sealed; providers declared in settings
//! (`PORTICO_OIDC_PROVIDERS`) are shown read-only.
// The form's server function takes each field as an argument, the way the form posts them.
#![allow(clippy::too_many_arguments)]

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;

/// One identity provider: the same shape in settings (JSON), in the database (JSON, without the
/// secret) and behind the admin form. The secret is never serialized, so it never reaches a
/// page; `Debug` leaves it out too.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProviderConfig {
    pub slug: String,
    /// The name on the sign-in button.
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    #[serde(default, skip_serializing)]
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
    "member".to_owned()
}

/// Words separated by commas, spaces or lines.
fn words(text: &str) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for word in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !list.iter().any(|w| w == word) {
            list.push(word.to_owned());
        }
    }
    list
}

/// The host of an `http(s)` address, if it has one and nothing odd in it.
fn web_host(address: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = address.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => authority.split(':').next()?,
    };
    let plain = crate::types::is_plain_address(address);
    (plain && !host.is_empty() && !authority.contains('@')).then_some((scheme, host))
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host == "::1" || host.starts_with("127.")
}

/// Whether Portico may talk to a provider at this address: https, or plain http on this
/// machine only (tests, a provider beside the portal). Issuers and the endpoints their
/// discovery documents name are held to it, so a secret never crosses a network in the clear.
pub fn is_secure_endpoint(address: &str) -> bool {
    address.len() <= 500
        && match web_host(address) {
            Some(("https", _)) => true,
            Some(("http", host)) => is_loopback(host),
            _ => false,
        }
}

impl ProviderConfig {
    /// A new provider's starting values.
    pub fn blank() -> ProviderConfig {
        ProviderConfig {
            slug: String::new(),
            name: String::new(),
            issuer: String::new(),
            client_id: String::new(),
            client_secret: String::new(),
            scopes: default_scopes(),
            allowed_domains: Vec::new(),
            jit: false,
            enforce_sso: false,
            organization: None,
            role: default_role(),
            groups_claim: None,
            group_organizations: BTreeMap::new(),
            admin_groups: Vec::new(),
        }
    }

    /// The admin form's fields, read. An empty secret stays empty (the saved one is kept);
    /// `check` tells what is wrong with the values.
    pub fn from_form(
        slug: &str,
        name: &str,
        issuer: &str,
        client_id: &str,
        client_secret: &str,
        scopes: &str,
        allowed_domains: &str,
        jit: bool,
        enforce_sso: bool,
        organization: &str,
        role: &str,
        groups_claim: &str,
        group_organizations: &str,
        admin_groups: &str,
    ) -> Result<ProviderConfig, AppError> {
        let mut mapping = BTreeMap::new();
        for (number, line) in group_organizations.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let Some((group, organization)) = line
                .split_once('=')
                .map(|(g, o)| (g.trim(), o.trim()))
                .filter(|(g, o)| !g.is_empty() && !o.is_empty())
            else {
                return Err(AppError::invalid(
                    "group_organizations",
                    t!("sso-form-mapping-line", line = number + 1),
                ));
            };
            mapping.insert(group.to_owned(), organization.to_owned());
        }
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(ProviderConfig {
            slug: slug.trim().to_owned(),
            name: name.trim().to_owned(),
            issuer: issuer.trim().to_owned(),
            client_id: client_id.trim().to_owned(),
            client_secret: client_secret.trim().to_owned(),
            scopes: words(scopes),
            allowed_domains: words(&allowed_domains.to_ascii_lowercase()),
            jit,
            enforce_sso,
            organization: optional(organization),
            role: role.trim().to_owned(),
            groups_claim: optional(groups_claim),
            group_organizations: mapping,
            admin_groups: words(admin_groups),
        })
    }

    /// Whether the values make a provider Portico can sign people in with. The error names
    /// the form field it is about (settings name the same keys).
    pub fn check(&self) -> Result<(), AppError> {
        crate::types::Slug::parse(&self.slug)
            .map_err(|e| AppError::invalid("slug", e.to_string()))?;
        if self.slug == "new" {
            return Err(AppError::invalid("slug", t!("sso-form-slug-new")));
        }
        if self.name.trim().is_empty() || self.name.chars().count() > 60 {
            return Err(AppError::invalid("name", t!("sso-form-name")));
        }
        if !is_secure_endpoint(&self.issuer) {
            return Err(AppError::invalid("issuer", t!("sso-form-issuer")));
        }
        if self.client_id.trim().is_empty() || self.client_id.len() > 255 {
            return Err(AppError::invalid("client_id", t!("sso-form-client-id")));
        }
        if self.client_secret.trim().is_empty() || self.client_secret.len() > 1000 {
            return Err(AppError::invalid(
                "client_secret",
                t!("sso-form-client-secret"),
            ));
        }
        if !self.scopes.iter().any(|s| s == "openid") {
            return Err(AppError::invalid("scopes", t!("sso-form-scopes-openid")));
        }
        if self.scopes.len() > 20
            || self.scopes.iter().any(|s| {
                s.len() > 100
                    || !s
                        .chars()
                        .all(|c| c.is_ascii_graphic() && c != '"' && c != '\\')
            })
        {
            return Err(AppError::invalid("scopes", t!("sso-form-scopes")));
        }
        if let Some(bad) = self
            .allowed_domains
            .iter()
            .find(|d| !crate::types::is_email_domain(&d.to_ascii_lowercase()))
        {
            return Err(AppError::invalid(
                "allowed_domains",
                t!("sso-form-domain-invalid", domain = bad),
            ));
        }
        if self.enforce_sso && self.allowed_domains.is_empty() {
            return Err(AppError::invalid(
                "allowed_domains",
                t!("sso-form-enforce-needs-domains"),
            ));
        }
        if self.jit && self.allowed_domains.is_empty() {
            return Err(AppError::invalid(
                "allowed_domains",
                t!("sso-form-jit-needs-domains"),
            ));
        }
        if self.jit && self.organization.is_none() {
            return Err(AppError::invalid(
                "organization",
                t!("sso-form-jit-needs-organization"),
            ));
        }
        if !crate::admin::ROLES
            .iter()
            .any(|(role, _)| *role == self.role)
        {
            return Err(AppError::invalid("role", t!("sso-form-role")));
        }
        if self.groups_claim.is_none()
            && (!self.group_organizations.is_empty() || !self.admin_groups.is_empty())
        {
            return Err(AppError::invalid(
                "groups_claim",
                t!("sso-form-groups-claim-needed"),
            ));
        }
        if self
            .groups_claim
            .as_ref()
            .is_some_and(|claim| claim.len() > 100 || claim.contains(char::is_whitespace))
        {
            return Err(AppError::invalid(
                "groups_claim",
                t!("sso-form-groups-claim-word"),
            ));
        }
        if let Some((_, organization)) = self
            .group_organizations
            .iter()
            .find(|(_, o)| crate::types::Slug::parse(o).is_err())
        {
            return Err(AppError::invalid(
                "group_organizations",
                t!("sso-form-organization-slug", organization = organization),
            ));
        }
        Ok(())
    }

    /// Whether this provider vouches for the address's domain.
    pub fn domain_allowed(&self, email: &crate::types::Email) -> bool {
        self.allowed_domains
            .iter()
            .any(|allowed| allowed.trim().eq_ignore_ascii_case(email.domain()))
    }
}

/// Where a provider comes from: settings are read-only here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ProviderSource {
    Settings,
    Portal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProviderRow {
    pub slug: String,
    pub name: String,
    pub issuer: String,
    pub source: ProviderSource,
    pub enabled: bool,
    pub jit: bool,
    pub enforce_sso: bool,
    pub allowed_domains: Vec<String>,
    /// People who have signed in through it.
    pub accounts: u64,
    /// Why it cannot be used although switched on (its secret cannot be read, say).
    pub problem: Option<String>,
}

/// What the editor shows: the saved provider (none for a new one) and the choices it offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderEditor {
    pub provider: Option<ProviderRow>,
    pub config: ProviderConfig,
    /// The organizations (slug, name) accounts can join.
    pub organizations: Vec<(String, String)>,
    /// The portal's address; the redirect URIs to register follow from it and the slug.
    pub base_url: String,
}

/// One thing "Test connection" checked, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConnectionCheck {
    pub ok: bool,
    pub label: String,
    pub detail: String,
}

pub fn redirect_uri(base_url: &str, slug: &str) -> String {
    format!(
        "{}/auth/oidc/{slug}/callback",
        base_url.trim_end_matches('/')
    )
}

pub fn post_logout_redirect_uri(base_url: &str) -> String {
    format!("{}/sign-in?signed_out=1", base_url.trim_end_matches('/'))
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait IdentityProvidersService: Send + Sync {
    async fn list(&self) -> Result<Vec<ProviderRow>, AppError>;
    /// `None`: the editor of a new provider.
    async fn editor(&self, slug: Option<&str>) -> Result<ProviderEditor, AppError>;
    /// Adds (`current` is `None`) or changes a provider added here; an empty secret keeps the
    /// saved one. New providers start switched off. Returns the (new) slug.
    async fn save(
        &self,
        actor: &crate::auth::Viewer,
        current: Option<&str>,
        config: ProviderConfig,
        request: &http::request::Parts,
    ) -> Result<String, AppError>;
    async fn set_enabled(
        &self,
        actor: &crate::auth::Viewer,
        slug: &str,
        enabled: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn delete(
        &self,
        actor: &crate::auth::Viewer,
        slug: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Reads the provider's discovery document and keys, and asks its token endpoint whether
    /// it knows the client id and secret.
    async fn test(&self, slug: &str) -> Result<Vec<ConnectionCheck>, AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-identity-providers")]
pub async fn load_identity_providers() -> Result<Vec<ProviderRow>, AppError> {
    crate::auth::require_admin().await?;
    crate::services::services()?.identity_providers.list().await
}

#[server(prefix = "/rpc", endpoint = "admin-identity-provider")]
pub async fn load_provider_editor(slug: Option<String>) -> Result<ProviderEditor, AppError> {
    crate::auth::require_admin().await?;
    crate::services::services()?
        .identity_providers
        .editor(slug.as_deref())
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-save-identity-provider")]
pub async fn save_identity_provider(
    #[server(default)] current_slug: String,
    #[server(default)] slug: String,
    #[server(default)] name: String,
    #[server(default)] issuer: String,
    #[server(default)] client_id: String,
    #[server(default)] client_secret: String,
    #[server(default)] scopes: String,
    #[server(default)] allowed_domains: String,
    #[server(default)] jit: Option<String>,
    #[server(default)] enforce_sso: Option<String>,
    #[server(default)] organization: String,
    #[server(default)] role: String,
    #[server(default)] groups_claim: String,
    #[server(default)] group_organizations: String,
    #[server(default)] admin_groups: String,
) -> Result<String, AppError> {
    let actor = crate::auth::require_admin().await?;
    let config = ProviderConfig::from_form(
        &slug,
        &name,
        &issuer,
        &client_id,
        &client_secret,
        &scopes,
        &allowed_domains,
        jit.is_some(),
        enforce_sso.is_some(),
        &organization,
        &role,
        &groups_claim,
        &group_organizations,
        &admin_groups,
    )?;
    let current = Some(current_slug.trim()).filter(|s| !s.is_empty());
    crate::services::services()?
        .identity_providers
        .save(&actor, current, config, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-enable-identity-provider")]
pub async fn set_identity_provider_enabled(slug: String, enabled: bool) -> Result<(), AppError> {
    let actor = crate::auth::require_admin().await?;
    crate::services::services()?
        .identity_providers
        .set_enabled(&actor, &slug, enabled, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-delete-identity-provider")]
pub async fn delete_identity_provider(slug: String) -> Result<(), AppError> {
    let actor = crate::auth::require_admin().await?;
    crate::services::services()?
        .identity_providers
        .delete(&actor, &slug, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-test-identity-provider")]
pub async fn test_identity_provider(slug: String) -> Result<Vec<ConnectionCheck>, AppError> {
    crate::auth::require_admin().await?;
    crate::services::services()?
        .identity_providers
        .test(&slug)
        .await
}

fn state_label(row: &ProviderRow) -> (String, bool) {
    match (row.enabled, &row.problem) {
        (true, None) => (t!("sso-state-on"), true),
        (true, Some(_)) => (t!("sso-state-attention"), false),
        (false, _) => (t!("sso-state-off"), false),
    }
}

#[component]
pub fn IdentityProvidersPage() -> impl IntoView {
    let providers = Resource::new(|| (), |_| load_identity_providers());
    view! {
        <PageHeader
            title=t!("sso-providers-title")
            lead=t!("sso-providers-lead")
        />
        <p><a href="/admin">{t!("sso-back-admin")}</a></p>
        <p><a class="button" href="/admin/identity-providers/new">{t!("sso-add")}</a></p>
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || providers.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! {
                    <EmptyState
                        title=t!("sso-empty-title")
                        message=t!("sso-empty-message")
                    />
                }.into_any(),
                Ok(list) => view! {
                    <div class="table-wrap" role="region" aria-label=t!("sso-providers-title") tabindex="0">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{t!("sso-col-name")}</th>
                                <th scope="col">{t!("sso-col-state")}</th>
                                <th scope="col">{t!("sso-col-issuer")}</th>
                                <th scope="col">{t!("sso-col-domains")}</th>
                                <th scope="col">{t!("sso-col-accounts")}</th>
                                <th scope="col">{t!("sso-col-managed")}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|row| {
                                    let (state, on) = state_label(&row);
                                    let domains = if row.allowed_domains.is_empty() { "—".to_owned() } else { row.allowed_domains.join(", ") };
                                    let extras = [row.jit.then(|| t!("sso-extra-jit")), row.enforce_sso.then(|| t!("sso-extra-enforced"))]
                                        .into_iter().flatten().collect::<Vec<_>>().join(" · ");
                                    view! {
                                        <tr data-testid="provider-row">
                                            <td><a href=format!("/admin/identity-providers/{}", row.slug)>{row.name}</a><br /><small>{extras}</small></td>
                                            <td>
                                                <span class="status" class:status--off=!on>{state}</span>
                                                {row.problem.map(|p| view! { <br /><small>{p}</small> })}
                                            </td>
                                            <td><code>{row.issuer}</code></td>
                                            <td>{domains}</td>
                                            <td>{row.accounts}</td>
                                            <td>{match row.source { ProviderSource::Settings => t!("sso-managed-settings"), ProviderSource::Portal => t!("sso-managed-portal") }}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn IdentityProviderPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").filter(|s| s != "new");
    let changed = RwSignal::new(0u32);
    let editor = Resource::new(
        move || (slug(), changed.get()),
        |(slug, _)| load_provider_editor(slug),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || editor.get().map(|result| match result {
                Ok(editor) => view! { <ProviderEditorView editor changed /> }.into_any(),
                Err(error) => view! {
                    <PageHeader title=t!("sso-provider-title") />
                    <LoadError error purpose=t!("load-admin-purpose") />
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ProviderEditorView(editor: ProviderEditor, changed: RwSignal<u32>) -> impl IntoView {
    let save = ServerAction::<SaveIdentityProvider>::new();
    let navigate = leptos_router::hooks::use_navigate();
    let current_slug = editor.provider.as_ref().map(|p| p.slug.clone());
    {
        let current_slug = current_slug.clone();
        on_success(save, move |new_slug: &String| {
            if current_slug.as_deref() != Some(new_slug.as_str()) {
                navigate(
                    &format!("/admin/identity-providers/{new_slug}"),
                    Default::default(),
                );
            } else {
                changed.update(|n| *n += 1);
            }
        });
    }
    let answer = move || save.value().get();
    let error = move |field: &'static str| Signal::derive(move || error_for(&answer(), field));
    let fields = [
        "slug",
        "name",
        "issuer",
        "client_id",
        "client_secret",
        "scopes",
        "allowed_domains",
        "organization",
        "groups_claim",
        "group_organizations",
        "admin_groups",
    ];
    let read_only = editor
        .provider
        .as_ref()
        .is_some_and(|p| p.source == ProviderSource::Settings);
    let config = editor.config;
    let title = editor
        .provider
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| t!("sso-new-title"));
    let redirect_example = redirect_uri(
        &editor.base_url,
        if config.slug.is_empty() {
            "{slug}"
        } else {
            &config.slug
        },
    );
    let logout_uri = post_logout_redirect_uri(&editor.base_url);
    let secret_hint = if current_slug.is_some() {
        t!("sso-secret-hint-saved")
    } else {
        t!("sso-secret-hint-new")
    };
    let mapping = config
        .group_organizations
        .iter()
        .map(|(group, organization)| format!("{group} = {organization}"))
        .collect::<Vec<_>>()
        .join("\n");
    let organization = config.organization.clone().unwrap_or_default();
    let role = config.role.clone();
    view! {
        <PageHeader title=title lead=t!("sso-editor-lead") />
        <p><a href="/admin/identity-providers">{t!("sso-back-list")}</a></p>
        {editor.provider.clone().map(|provider| view! { <ProviderStatePanel provider changed /> })}
        <section class="card" aria-labelledby="register-heading">
            <h2 id="register-heading">{t!("sso-register-heading")}</h2>
            <p>{t!("sso-register-lead")}</p>
            <dl class="facts">
                <dt>{t!("sso-redirect-uri")}</dt>
                <dd><code data-testid="redirect-uri">{redirect_example}</code></dd>
                <dt>{t!("sso-logout-uri")}</dt>
                <dd><code>{logout_uri}</code></dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t!("sso-settings-heading")}</h2>
            {read_only.then(|| view! {
                <p class="notice" role="note">{t!("sso-read-only")}</p>
            })}
            <ActionForm action=save attr:class="stack-form" attr:novalidate="true">
                <fieldset disabled=read_only class="checkboxes">
                    <legend class="visually-hidden">{t!("sso-settings-legend")}</legend>
                    <input type="hidden" name="current_slug" value=current_slug.clone().unwrap_or_default() />
                    <div class="field-row">
                        <Field id="provider-name" name="name" label=t!("sso-field-name") required=true value=config.name.clone() error=error("name") placeholder="Acme SSO" />
                        <Field id="provider-slug" name="slug" label=t!("sso-field-slug") required=true value=config.slug.clone() error=error("slug") placeholder="acme" />
                    </div>
                    <Field id="provider-issuer" name="issuer" label=t!("sso-field-issuer") kind="url" required=true value=config.issuer.clone() error=error("issuer")
                        hint=t!("sso-field-issuer-hint") placeholder="https://login.example.com" />
                    <div class="field-row">
                        <Field id="provider-client-id" name="client_id" label=t!("sso-field-client-id") required=true value=config.client_id.clone() error=error("client_id") autocomplete="off" />
                        <Field id="provider-client-secret" name="client_secret" label=t!("sso-field-client-secret") kind="password" required=current_slug.is_none() error=error("client_secret") hint=secret_hint autocomplete="new-password" />
                    </div>
                    <Field id="provider-scopes" name="scopes" label=t!("sso-field-scopes") value=config.scopes.join(" ") error=error("scopes") hint=t!("sso-field-scopes-hint") />
                    <Field id="provider-domains" name="allowed_domains" label=t!("sso-col-domains") value=config.allowed_domains.join(", ") error=error("allowed_domains")
                        hint=t!("sso-field-domains-hint") />
                    <fieldset class="field checkboxes">
                        <legend>{t!("sso-sign-in-legend")}</legend>
                        <label for="provider-enforce" class="checkbox">
                            <input id="provider-enforce" name="enforce_sso" type="checkbox" value="on" checked=config.enforce_sso />
                            {t!("sso-enforce-label")}
                        </label>
                        <label for="provider-jit" class="checkbox">
                            <input id="provider-jit" name="jit" type="checkbox" value="on" checked=config.jit />
                            {t!("sso-jit-label")}
                        </label>
                    </fieldset>
                    <div class="field-row">
                        <div class="field" class:field--invalid=move || error("organization").get().is_some()>
                            <label for="provider-organization">{t!("sso-organization-label")}</label>
                            <select id="provider-organization" name="organization" aria-describedby="provider-organization-error" aria-invalid=move || error("organization").get().is_some().to_string()>
                                <option value="" selected=organization.is_empty()>{t!("sso-organization-none")}</option>
                                {editor.organizations.into_iter().map(|(slug, name)| {
                                    let selected = slug == organization;
                                    view! { <option value=slug selected=selected>{name}</option> }
                                }).collect_view()}
                            </select>
                            <p id="provider-organization-error" class="field__error" role="alert">{move || error("organization").get()}</p>
                        </div>
                        <div class="field">
                            <label for="provider-role">{t!("sso-role-label")}</label>
                            <select id="provider-role" name="role">
                                {crate::admin::ROLES.iter().map(|(value, _)| view! {
                                    <option value=*value selected=role == *value>{crate::admin::role_label(value)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <details class="card-section" open=config.groups_claim.is_some()>
                        <summary>{t!("sso-groups-summary")}</summary>
                        <Field id="provider-groups-claim" name="groups_claim" label=t!("sso-groups-claim-label") value=config.groups_claim.clone().unwrap_or_default() error=error("groups_claim") placeholder="groups"
                            hint=t!("sso-groups-claim-hint") />
                        <Field id="provider-group-organizations" name="group_organizations" label=t!("sso-group-organizations-label") kind="textarea" value=mapping error=error("group_organizations")
                            hint=t!("sso-group-organizations-hint") />
                        <Field id="provider-admin-groups" name="admin_groups" label=t!("sso-admin-groups-label") value=config.admin_groups.join(", ") error=error("admin_groups")
                            hint=t!("sso-admin-groups-hint") />
                    </details>
                    <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                        {move || error_outside(&answer(), &fields)}
                    </p>
                    <p class="notice notice--ok" role="status" hidden=move || !matches!(answer(), Some(Ok(_)))>{t!("sso-saved")}</p>
                    {(!read_only).then(|| view! {
                        <button class="button" type="submit" disabled=move || save.pending().get()>
                            {if current_slug.is_some() { t!("sso-save") } else { t!("sso-add-provider") }}
                        </button>
                    })}
                </fieldset>
            </ActionForm>
        </section>
    }
}

/// A saved provider's state: test its connection, switch it on or off, delete it.
#[component]
fn ProviderStatePanel(provider: ProviderRow, changed: RwSignal<u32>) -> impl IntoView {
    let test = ServerAction::<TestIdentityProvider>::new();
    let toggle = ServerAction::<SetIdentityProviderEnabled>::new();
    let delete = ServerAction::<DeleteIdentityProvider>::new();
    on_success(toggle, move |_| changed.update(|n| *n += 1));
    let navigate = leptos_router::hooks::use_navigate();
    on_success(delete, move |_| {
        navigate("/admin/identity-providers", Default::default())
    });
    let (state, on) = state_label(&provider);
    let from_settings = provider.source == ProviderSource::Settings;
    let slug = provider.slug.clone();
    let toggle_slug = provider.slug.clone();
    let delete_slug = provider.slug.clone();
    let enabled = provider.enabled;
    let confirming = RwSignal::new(false);
    let focus = crate::layout::ConfirmFocus::new(confirming);
    let action_error = move || {
        [toggle.value().get(), delete.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .or_else(|| test.value().get().and_then(Result::err))
            .map(|error| error.to_string())
    };
    view! {
        <section class="card" aria-labelledby="state-heading">
            <h2 id="state-heading">{t!("sso-state-heading")}</h2>
            <p>
                <span class="status" class:status--off=!on data-testid="provider-state">{state}</span>
                " "
                {match (enabled, &provider.problem) {
                    (_, Some(problem)) => problem.clone(),
                    (true, None) => t!("sso-state-on-detail"),
                    (false, None) => t!("sso-state-off-detail"),
                }}
            </p>
            <div class="button-row">
                <ActionForm action=test attr:class="inline-form">
                    <input type="hidden" name="slug" value=slug />
                    <button class="button button--secondary" type="submit" disabled=move || test.pending().get()>
                        {move || if test.pending().get() { t!("sso-testing") } else { t!("sso-test") }}
                    </button>
                </ActionForm>
                {(!from_settings).then(|| view! {
                    <ActionForm action=toggle attr:class="inline-form">
                        <input type="hidden" name="slug" value=toggle_slug />
                        <input type="hidden" name="enabled" value=(!enabled).to_string() />
                        <button class="button" type="submit">{if enabled { t!("sso-turn-off") } else { t!("sso-turn-on") }}</button>
                    </ActionForm>
                    <button class="button button--danger" type="button" node_ref=focus.opener hidden=move || confirming.get() on:click=move |_| confirming.set(true)>{t!("sso-delete")}</button>
                })}
            </div>
            <div class="confirm" role="group" aria-label=t!("sso-delete-label") node_ref=focus.group on:keydown=focus.close_on_escape() hidden=move || !confirming.get()>
                <p>{t!("sso-delete-confirm")}</p>
                <ActionForm action=delete attr:class="inline-form">
                    <input type="hidden" name="slug" value=delete_slug />
                    <button class="button button--danger" type="submit">{t!("sso-delete-for-good")}</button>
                </ActionForm>
                " "
                <button class="button button--secondary" type="button" on:click=move |_| confirming.set(false)>{t!("sso-cancel")}</button>
            </div>
            <p class="notice notice--error" role="alert" hidden=move || action_error().is_none()>{action_error}</p>
            // The live region is there before the report, so screen readers announce it.
            <div role="status" aria-live="polite">
                {move || test.value().get().and_then(Result::ok).map(|checks| view! { <ConnectionReport checks /> })}
            </div>
        </section>
    }
}

#[component]
fn ConnectionReport(checks: Vec<ConnectionCheck>) -> impl IntoView {
    let passed = checks.iter().all(|c| c.ok);
    view! {
        <div class="connection-report" data-testid="connection-report">
            <p class="notice" class:notice--ok=passed class:notice--error=!passed>
                {if passed { t!("sso-report-ok") } else { t!("sso-report-problems") }}
            </p>
            <ul class="checklist">
                {checks.into_iter().map(|check| view! {
                    <li class="checklist__item" class:checklist__item--bad=!check.ok>
                        <span aria-hidden="true">{if check.ok { "✓ " } else { "✗ " }}</span>
                        <span class="visually-hidden">{if check.ok { t!("sso-check-passed") } else { t!("sso-check-failed") }}</span>
                        <strong>{check.label}</strong>
                        " — "{check.detail}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(
        slug: &str,
        issuer: &str,
        domains: &str,
        jit: bool,
        organization: &str,
        mapping: &str,
    ) -> Result<ProviderConfig, AppError> {
        ProviderConfig::from_form(
            slug,
            "Acme SSO",
            issuer,
            "portico",
            "s3cret",
            "openid email",
            domains,
            jit,
            false,
            organization,
            "member",
            "groups",
            mapping,
            "",
        )
    }

    fn field_of(result: Result<(), AppError>) -> Option<String> {
        match result {
            Err(AppError::Invalid { field, .. }) => field,
            _ => None,
        }
    }

    #[test]
    fn a_form_reads_lists_and_mappings() {
        let config = form(
            "acme",
            "https://login.acme.test/",
            "Acme.test, acme.org\nacme.test",
            true,
            "acme",
            "devs = acme\n\nops = acme-ops",
        )
        .expect("reads");
        assert_eq!(
            config.issuer, "https://login.acme.test/",
            "kept exactly: issuers are compared as written"
        );
        assert_eq!(config.allowed_domains, ["acme.test", "acme.org"]);
        assert_eq!(
            config.group_organizations.get("ops").map(String::as_str),
            Some("acme-ops")
        );
        assert_eq!(config.check(), Ok(()));
        let bad_line = form("acme", "https://a.test", "", false, "", "devs acme");
        assert!(
            matches!(bad_line, Err(AppError::Invalid { field: Some(f), .. }) if f == "group_organizations")
        );
    }

    #[test]
    fn each_mistake_is_named_at_its_field() {
        let good = || {
            form(
                "acme",
                "https://login.acme.test",
                "acme.test",
                true,
                "acme",
                "",
            )
            .expect("reads")
        };
        type Change = Box<dyn Fn(&mut ProviderConfig)>;
        let cases: Vec<(Change, &str)> = vec![
            (Box::new(|c| c.slug = "Bad Slug".into()), "slug"),
            (Box::new(|c| c.slug = "new".into()), "slug"),
            (Box::new(|c| c.name = " ".into()), "name"),
            (
                Box::new(|c| c.issuer = "ftp://login.acme.test".into()),
                "issuer",
            ),
            (
                Box::new(|c| c.issuer = "http://login.acme.test".into()),
                "issuer",
            ),
            (
                Box::new(|c| c.issuer = "https://user@login.acme.test".into()),
                "issuer",
            ),
            (Box::new(|c| c.client_id = String::new()), "client_id"),
            (
                Box::new(|c| c.client_secret = String::new()),
                "client_secret",
            ),
            (Box::new(|c| c.scopes = vec!["email".into()]), "scopes"),
            (
                Box::new(|c| c.allowed_domains = vec!["not a domain".into()]),
                "allowed_domains",
            ),
            (Box::new(|c| c.allowed_domains.clear()), "allowed_domains"),
            (Box::new(|c| c.organization = None), "organization"),
            (Box::new(|c| c.role = "owner".into()), "role"),
            (
                Box::new(|c| {
                    c.groups_claim = None;
                    c.admin_groups = vec!["x".into()];
                }),
                "groups_claim",
            ),
            (
                Box::new(|c| {
                    c.group_organizations
                        .insert("g".into(), "Not A Slug".into());
                }),
                "group_organizations",
            ),
        ];
        for (change, field) in cases {
            let mut config = good();
            change(&mut config);
            assert_eq!(
                field_of(config.check()).as_deref(),
                Some(field),
                "{config:?}"
            );
        }
        let mut local = good();
        local.issuer = "http://127.0.0.1:3227".into();
        assert_eq!(local.check(), Ok(()));
    }

    #[test]
    fn the_secret_never_leaves_in_json_or_debug() {
        let config = form("acme", "https://a.test", "", false, "", "").expect("reads");
        let json = serde_json::to_string(&config).expect("json");
        assert!(!json.contains("s3cret"), "{json}");
        assert!(!format!("{config:?}").contains("s3cret"));
    }

    #[test]
    fn only_allowed_domains_vouch_for_an_email() {
        let config = form("acme", "https://a.test", "Corp.test", false, "", "").expect("reads");
        let email = |text: &str| crate::types::Email::parse(text).expect("email");
        assert!(config.domain_allowed(&email("a@corp.test")));
        assert!(!config.domain_allowed(&email("a@evilcorp.test")));
        assert!(!config.domain_allowed(&email("a@corp.test.evil")));
    }
}
