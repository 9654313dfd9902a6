//! The HTTP side of signing in and out: the JSON contract for API clients, the form posts the
//! pages use (they work without JavaScript), and the development outbox.

use std::sync::Arc;

use app::error::AppError;
use app::types::Email;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde::Deserialize;

use super::Sessions;
use super::magic_link::MagicLinks;
use super::sso::{FLOW_COOKIE, Sso, SsoFailure};
use crate::audit::AuditEvent;
use crate::entities::user;
use crate::error::ApiError;
use crate::mail::Outbox;
use crate::mail::templates::escape_html;
use crate::web::ClientAddr;
use app::services::cookie_value;

#[derive(Clone)]
pub struct AuthState {
    pub magic_links: Arc<MagicLinks>,
    pub sessions: Arc<Sessions>,
    /// Present only in development (no SMTP, loopback base URL).
    pub outbox: Option<Arc<Outbox>>,
    pub sso: Arc<Sso>,
}

pub fn routes(state: AuthState) -> Router {
    Router::new()
        .route("/api/v1/developer-portal/request-link", post(request_link))
        .route(
            "/api/v1/developer-portal/validate-token",
            post(validate_token),
        )
        .route("/auth/magic", post(redeem_form))
        .route("/auth/sign-out", post(sign_out))
        .route("/auth/sign-out-everywhere", post(sign_out_everywhere))
        .route("/dev/outbox", get(outbox))
        .route("/auth/oidc/{provider}/login", get(sso_login))
        .route("/auth/oidc/{provider}/callback", get(sso_callback))
        .route("/auth/oidc/{provider}/logout", get(sso_logout))
        .with_state(state)
}

#[derive(Deserialize)]
struct EmailBody {
    email: String,
}

#[derive(Deserialize)]
struct TokenBody {
    token: String,
}

/// The same 202 and body for every well-formed address, known or not.
async fn request_link(
    State(state): State<AuthState>,
    ClientAddr(client): ClientAddr,
    body: Result<Json<EmailBody>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(body) = body.map_err(|e| {
        AppError::invalid(
            "body",
            app::t!(
                "auth-api-email-body",
                example = "{\"email\": \"you@example.com\"}",
                reason = e.body_text()
            ),
        )
    })?;
    let email = Email::parse(&body.email).map_err(|e| AppError::invalid("email", e.to_string()))?;
    state.magic_links.request(&email, client).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(serde_json::json!({
            "status": "accepted",
            "message": app::t!("auth-api-link-requested"),
        })),
    ))
}

async fn validate_token(
    State(state): State<AuthState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    body: Result<Json<TokenBody>, JsonRejection>,
) -> Response {
    let Ok(Json(body)) = body else {
        return ApiError(AppError::invalid(
            "body",
            app::t!("auth-api-token-body", example = "{\"token\": \"…\"}"),
        ))
        .into_response();
    };
    match state
        .magic_links
        .redeem(&body.token, user_agent(&headers), client)
        .await
    {
        Ok(signed_in) => {
            let mut response = (
                StatusCode::OK,
                [(
                    header::SET_COOKIE,
                    state.sessions.cookie(&signed_in.session),
                )],
                Json(serde_json::json!({ "status": "signed_in", "redirect": "/apis" })),
            )
                .into_response();
            with_language(&state, &signed_in.user, &headers, &mut response).await;
            response
        }
        Err(error) => (
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::UNAUTHORIZED),
            Json(serde_json::json!({ "error": error.code(), "message": error.to_string() })),
        )
            .into_response(),
    }
}

/// The "Continue" button of the link page posts here.
async fn redeem_form(
    State(state): State<AuthState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(body): Form<TokenBody>,
) -> Response {
    match state
        .magic_links
        .redeem(&body.token, user_agent(&headers), client)
        .await
    {
        Ok(signed_in) => {
            let mut response = (
                [(
                    header::SET_COOKIE,
                    state.sessions.cookie(&signed_in.session),
                )],
                Redirect::to("/apis"),
            )
                .into_response();
            with_language(&state, &signed_in.user, &headers, &mut response).await;
            response
        }
        Err(error) => Redirect::to(&format!("/auth/magic?error={}", error.code())).into_response(),
    }
}

async fn sign_out(
    State(state): State<AuthState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = state.sessions.presented_token(&headers) {
        if let Some(person) = state.sessions.resolve(token).await? {
            audit_sign_out(&state, &person, client, "auth.signed_out").await?;
        }
        if let Some(provider) = state.sessions.end(token).await? {
            // Signed in through a provider that can sign people out too: the sign-in page
            // offers it (the person may want to stay signed in there).
            if state.sso.logout_url(&provider).await.is_some() {
                return Ok(signed_out(
                    &state,
                    &format!("/sign-in?signed_out=1&provider_logout={provider}"),
                ));
            }
        }
    }
    Ok(signed_out(&state, "/sign-in?signed_out=1"))
}

/// Ends every session of the signed-in user, on every device.
async fn sign_out_everywhere(
    State(state): State<AuthState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let token = state
        .sessions
        .presented_token(&headers)
        .ok_or(AppError::Unauthenticated)?;
    let person = state
        .sessions
        .resolve(token)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    state
        .sessions
        .end_all_for(&state.sessions.db, person.id)
        .await?;
    audit_sign_out(&state, &person, client, "auth.signed_out_everywhere").await?;
    Ok(signed_out(&state, "/sign-in?signed_out=1"))
}

async fn audit_sign_out(
    state: &AuthState,
    person: &user::Model,
    client: Option<std::net::IpAddr>,
    action: &'static str,
) -> Result<(), crate::error::DomainError> {
    AuditEvent::new(person.email.clone(), action)
        .by(person.id)
        .on("user", person.id)
        .from_addr(client)
        .record(&state.sessions.db, state.sessions.clock.as_ref())
        .await
}

/// A new session's browser follows the person's language (see `i18n::at_sign_in`).
async fn with_language(
    state: &AuthState,
    person: &crate::entities::user::Model,
    headers: &HeaderMap,
    response: &mut Response,
) {
    if let Some(cookie) = crate::i18n::at_sign_in(&state.sessions, person, headers).await {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
}

fn signed_out(state: &AuthState, to: &str) -> Response {
    (
        [(header::SET_COOKIE, state.sessions.clearing_cookie())],
        Redirect::to(to),
    )
        .into_response()
}

async fn outbox(State(state): State<AuthState>, ClientAddr(client): ClientAddr) -> Response {
    let Some(outbox) = state
        .outbox
        .filter(|_| client.is_some_and(|addr| addr.is_loopback()))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut page = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\
         <body style=\"font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem\">\
         <main><h1>{heading}</h1><p>{lead}</p>",
        lang = app::i18n::current().tag(),
        title = escape_html(&app::t!("auth-outbox-title")),
        heading = escape_html(&app::t!("auth-outbox-heading")),
        lead = escape_html(&app::t!("auth-outbox-lead")),
    );
    let messages = outbox.messages();
    if messages.is_empty() {
        page.push_str(&format!(
            "<p><strong>{empty}</strong> {hint}</p>",
            empty = escape_html(&app::t!("auth-outbox-empty")),
            hint = escape_html(&app::t!("auth-outbox-empty-hint")),
        ));
    }
    for (sent_at, mail) in messages {
        let sent_at = sent_at.format("%Y-%m-%d %H:%M:%S UTC").to_string();
        page.push_str(&format!(
            "<article style=\"border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0\">\
             <h2 style=\"font-size:1.1rem;margin:0\">{subject}</h2><p>{sent}</p>{html}</article>",
            subject = escape_html(&mail.subject),
            sent = escape_html(&app::t!(
                "auth-outbox-sent",
                to = mail.to.as_str(),
                sent_at = sent_at
            )),
            html = linkify(&escape_html(&mail.text)),
        ));
    }
    page.push_str("</main></body></html>");
    Html(page).into_response()
}

/// Turns the (escaped) URLs of a plain-text mail into links, line by line.
fn linkify(escaped_text: &str) -> String {
    escaped_text
        .lines()
        .map(|line| {
            let trimmed = line.trim();
            if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
                format!("<p><a href=\"{trimmed}\">{trimmed}</a></p>")
            } else if trimmed.is_empty() {
                String::new()
            } else {
                format!("<p>{line}</p>")
            }
        })
        .collect()
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
}

/// Where a failed sign-in through a provider ends: the sign-in page, which says what happened
/// and offers to try again.
fn sso_failed(provider: &str, failure: SsoFailure) -> Response {
    let provider: String = provider
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect();
    Redirect::to(&format!(
        "/sign-in?sso_error={}&provider={provider}",
        failure.code()
    ))
    .into_response()
}

/// The cookie that binds a sign-in in progress to this browser (sent back to the callback only).
fn flow_cookie(state: &AuthState, value: &str, max_age: i64) -> String {
    format!(
        "{FLOW_COOKIE}={value}; Path=/auth/oidc/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if state.sso.secure_cookies() {
            "; Secure"
        } else {
            ""
        }
    )
}

async fn sso_login(
    State(state): State<AuthState>,
    ClientAddr(client): ClientAddr,
    axum::extract::Path(provider): axum::extract::Path<String>,
    axum::extract::Query(query): axum::extract::Query<LoginQuery>,
) -> Response {
    let started = match state.sso.admit(client).await {
        Ok(()) => state.sso.start(&provider, query.next.as_deref()).await,
        Err(failure) => Err(failure),
    };
    match started {
        Ok(started) => (
            [(
                header::SET_COOKIE,
                flow_cookie(&state, started.binding.expose(), 600),
            )],
            Redirect::to(started.authorize_url.as_str()),
        )
            .into_response(),
        Err(failure) => {
            state.sso.audit_failure(&provider, failure, client).await;
            sso_failed(&provider, failure)
        }
    }
}

#[derive(Deserialize)]
struct CallbackQuery {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
}

async fn sso_callback(
    State(state): State<AuthState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    axum::extract::Path(provider): axum::extract::Path<String>,
    axum::extract::Query(query): axum::extract::Query<CallbackQuery>,
) -> Response {
    let clear = flow_cookie(&state, "", 0);
    let outcome = match (state.sso.admit(client).await, query.state.as_deref()) {
        (Err(failure), _) => Err(failure),
        (Ok(()), None) => Err(SsoFailure::Expired),
        (Ok(()), Some(flow_state)) => {
            state
                .sso
                .finish(
                    &provider,
                    flow_state,
                    query.code.as_deref(),
                    query.error.as_deref(),
                    cookie_value(&headers, FLOW_COOKIE),
                    user_agent(&headers),
                    client,
                )
                .await
        }
    };
    match outcome {
        Ok(signed_in) => {
            let recorded = AuditEvent::new(signed_in.user.email.clone(), "auth.signed_in")
                .by(signed_in.user.id)
                .on("user", signed_in.user.id)
                .from_addr(client)
                .with_details(serde_json::json!({ "method": "sso", "provider": provider }))
                .record(&state.sessions.db, state.sessions.clock.as_ref())
                .await;
            if let Err(error) = recorded {
                tracing::error!(%error, "could not record a sign-in");
            }
            let mut response = Redirect::to(&signed_in.next).into_response();
            let cookies = response.headers_mut();
            for cookie in [state.sessions.cookie(&signed_in.session), clear] {
                if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
                    cookies.append(header::SET_COOKIE, value);
                }
            }
            with_language(&state, &signed_in.user, &headers, &mut response).await;
            response
        }
        Err(failure) => {
            state.sso.audit_failure(&provider, failure, client).await;
            let mut response = sso_failed(&provider, failure);
            if let Ok(value) = axum::http::HeaderValue::from_str(&clear) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
    }
}

/// RP-initiated logout: on to the provider's end-session endpoint, which asks the person and
/// comes back to the sign-in page. Providers without one lead straight back.
async fn sso_logout(
    State(state): State<AuthState>,
    axum::extract::Path(provider): axum::extract::Path<String>,
) -> Response {
    match state.sso.logout_url(&provider).await {
        Some(url) => Redirect::to(url.as_str()).into_response(),
        None => Redirect::to("/sign-in?signed_out=1").into_response(),
    }
}

fn user_agent(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}
