//! Admin: tokens for the management API (`/api/v1/admin/...`). A token acts for the admin who
//! made it, for as long as that person is an admin; it is shown once and expires.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::form::{Field, error_for, error_outside};
use crate::layout::{EmptyState, LoadError, PageHeader, SecretShownOnce};
use crate::t;

/// How long a new token lives, in days (`token_lifetime_label` gives the words the form shows).
pub const TOKEN_LIFETIMES: [u32; 4] = [7, 30, 90, 365];

/// A lifetime of `TOKEN_LIFETIMES` in words: "30 days", "1 year".
pub fn token_lifetime_label(days: u32) -> String {
    if days == 365 {
        t!("admin-tokens-lifetime-year")
    } else {
        t!("admin-tokens-lifetime-days", days = days)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenState {
    Active,
    Expired,
    Revoked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenRow {
    pub id: String,
    pub name: String,
    /// The start of the token, to recognise it by.
    pub prefix: String,
    /// The email address of the admin it acts for.
    pub created_by: String,
    pub created_at: String,
    pub expires_at: String,
    pub last_used_at: Option<String>,
    pub state: TokenState,
}

/// A token just made, with its secret: shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedApiToken {
    pub row: ApiTokenRow,
    pub token: String,
}

/// The token's name as entered: required, 80 characters at most.
pub fn token_name(text: &str) -> Result<String, AppError> {
    crate::form::text_field(text, "name", &t!("admin-tokens-name-label"), 80, true)
}

/// The lifetime chosen on the form, one of `TOKEN_LIFETIMES`.
pub fn token_lifetime(days: u32) -> Result<u32, AppError> {
    TOKEN_LIFETIMES
        .contains(&days)
        .then_some(days)
        .ok_or_else(|| AppError::invalid("days", t!("admin-tokens-lifetime-invalid")))
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait ApiTokensService: Send + Sync {
    /// Every token, the usable ones first.
    async fn list(&self) -> Result<Vec<ApiTokenRow>, AppError>;
    async fn create(
        &self,
        actor: &crate::auth::Viewer,
        name: &str,
        days: u32,
        request: &http::request::Parts,
    ) -> Result<IssuedApiToken, AppError>;
    /// Stops the token at once; it stays listed, revoked.
    async fn revoke(
        &self,
        actor: &crate::auth::Viewer,
        token_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-api-tokens")]
pub async fn load_api_tokens() -> Result<Vec<ApiTokenRow>, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    services()?.api_tokens.list().await
}

#[server(prefix = "/rpc", endpoint = "admin-create-api-token")]
pub async fn create_api_token(name: String, days: u32) -> Result<IssuedApiToken, AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .api_tokens
        .create(&actor, &name, days, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-revoke-api-token")]
pub async fn revoke_api_token(token_id: String) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .api_tokens
        .revoke(&actor, &token_id, &request_parts()?)
        .await
}

#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| load_api_tokens(),
    );
    // The newest token made on this page; shown until dismissed, and never again after.
    let issued = RwSignal::new(None::<IssuedApiToken>);
    Effect::new(move |_| {
        if let Some(Ok(token)) = create.value().get() {
            issued.set(Some(token));
        }
    });
    let revoke_failure = move || {
        revoke
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <PageHeader title=t!("admin-tokens-title") lead=t!("admin-tokens-lead") />
        <p>
            {t!("admin-tokens-described-before")}<a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a>
            {t!("admin-tokens-described-middle")}<code>"Authorization: Bearer <token>"</code>{t!("admin-tokens-described-after")}
        </p>
        {move || issued.get().map(|token| view! {
            <SecretShownOnce
                title=t!("admin-tokens-new-title", name = &token.row.name)
                label=t!("admin-tokens-secret-label")
                secret=token.token
                usage=t!("admin-tokens-usage", expires = &token.row.expires_at)
                on_dismiss=Callback::new(move |_| issued.set(None))
            />
        })}
        <CreateTokenForm create />
        <p class="notice notice--error" role="alert" hidden=move || revoke_failure().is_none()>{revoke_failure}</p>
        <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || tokens.get().map(|result| match result {
                Ok(tokens) => view! { <TokenList tokens revoke /> }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("admin-tokens-load-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CreateTokenForm(create: ServerAction<CreateApiToken>) -> impl IntoView {
    let answer = move || create.value().get();
    let other_error = move || error_outside(&answer(), &["name", "days"]);
    let days_error = move || error_for(&answer(), "days");
    view! {
        <section class="card" aria-labelledby="new-token-heading">
            <h2 id="new-token-heading">{t!("admin-tokens-new")}</h2>
            <ActionForm action=create attr:class="stack" attr:novalidate=true>
                <Field id="token-name" name="name" label=t!("admin-tokens-name") required=true
                    hint=t!("admin-tokens-name-hint")
                    error=Signal::derive(move || error_for(&answer(), "name")) />
                <div class="field">
                    <label for="token-days">{t!("admin-tokens-expires-after")}</label>
                    <select id="token-days" name="days" aria-describedby="token-days-error"
                        aria-invalid=move || days_error().is_some().to_string()>
                        {TOKEN_LIFETIMES.into_iter().map(|days| view! {
                            <option value=days.to_string() selected=days == 90>{token_lifetime_label(days)}</option>
                        }).collect_view()}
                    </select>
                    <p id="token-days-error" class="field__error" role="alert">{days_error}</p>
                </div>
                <p class="notice notice--error" role="alert" hidden=move || other_error().is_none()>{other_error}</p>
                <button class="button" type="submit" disabled=move || create.pending().get()>{t!("admin-tokens-create")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn TokenList(tokens: Vec<ApiTokenRow>, revoke: ServerAction<RevokeApiToken>) -> impl IntoView {
    if tokens.is_empty() {
        return view! {
            <EmptyState title=t!("admin-tokens-empty") message=t!("admin-tokens-empty-text") />
        }
        .into_any();
    }
    view! {
        <h2>{t!("admin-tokens-list")}</h2>
        <ul class="request-list">
            {tokens.into_iter().map(|token| view! { <TokenCard token revoke /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn TokenCard(token: ApiTokenRow, revoke: ServerAction<RevokeApiToken>) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let focus = crate::layout::ConfirmFocus::new(confirming);
    let (state_class, state_text) = match token.state {
        TokenState::Active => ("approved", t!("admin-tokens-state-active")),
        TokenState::Expired => ("rejected", t!("admin-tokens-state-expired")),
        TokenState::Revoked => ("rejected", t!("admin-tokens-state-revoked")),
    };
    let revoke_label = t!("admin-tokens-revoke-label", name = &token.name);
    let actions = (token.state == TokenState::Active).then(|| {
        let id = token.id.clone();
        let confirm_text = t!("admin-tokens-revoke-confirm", name = &token.name);
        view! {
            <button class="button button--small button--danger" type="button" aria-label=revoke_label.clone()
                node_ref=focus.opener hidden=move || confirming.get() on:click=move |_| confirming.set(true)>{t!("admin-tokens-revoke")}</button>
            <div class="confirm" role="group" aria-label=revoke_label node_ref=focus.group on:keydown=focus.close_on_escape() hidden=move || !confirming.get()>
                <p>{confirm_text}</p>
                <ActionForm action=revoke attr:class="inline-form">
                    <input type="hidden" name="token_id" value=id />
                    <button class="button button--small button--danger" type="submit">{t!("admin-tokens-revoke-now")}</button>
                </ActionForm>
                " "
                <button class="button button--small button--secondary" type="button" on:click=move |_| confirming.set(false)>{t!("admin-tokens-cancel")}</button>
            </div>
        }
    });
    view! {
        <li class="card request" data-testid="api-token">
            <div class="request__head">
                <h3>{token.name.clone()}</h3>
                <span class=format!("request-status request-status--{state_class}")>{state_text}</span>
            </div>
            <p class="request__meta"><code>{format!("{}…", token.prefix)}</code></p>
            <p class="request__meta">
                {t!(
                    "admin-tokens-meta",
                    creator = &token.created_by,
                    created = &token.created_at,
                    expires = &token.expires_at,
                    used = token.last_used_at.as_ref().map_or_else(
                        || t!("admin-tokens-never-used"),
                        |at| t!("admin-tokens-last-used", at = at),
                    ),
                )}
            </p>
            {actions}
        </li>
    }
}
