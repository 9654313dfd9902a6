//! The language of requests and of people: the switcher's endpoint, the language of plain
//! endpoints (which no Leptos page renders), and each person's saved language, which the pages
//! follow after they sign in and their mail is written in.

use std::sync::Arc;

use app::auth::SessionService;
use app::i18n::{COOKIE, Locale};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::auth::Sessions;
use crate::entities::user;
use crate::error::DomainError;

tokio::task_local! {
    /// The language of the request this task serves.
    static REQUEST_LOCALE: Locale;
}

/// Lets `app::i18n::current` find the request's language outside Leptos (REST endpoints,
/// uploads, mail sent while answering).
pub fn install() {
    app::i18n::set_fallback(|| REQUEST_LOCALE.try_with(|locale| *locale).ok());
}

/// Runs `work` on a task of its own in the language of the request that starts it (mail it
/// sends is written in that language).
pub fn spawn<F>(work: F)
where
    F: std::future::Future<Output = ()> + Send + 'static,
{
    let locale = app::i18n::current();
    tokio::spawn(REQUEST_LOCALE.scope(locale, work));
}

/// Serves every request in its language (see `install`).
pub async fn request_language(request: Request, next: Next) -> Response {
    let locale = Locale::of_request(request.headers());
    REQUEST_LOCALE.scope(locale, next.run(request)).await
}

/// The cookie that keeps the portal in `locale` in this browser, for a year. Only the server
/// reads it (the browser takes the language from the page).
pub fn cookie(locale: Locale, secure: bool) -> String {
    format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{}",
        locale.tag(),
        if secure { "; Secure" } else { "" }
    )
}

/// Saves `locale` as the person's language.
pub async fn save(
    db: &impl ConnectionTrait,
    person_id: uuid::Uuid,
    locale: Locale,
) -> Result<(), DomainError> {
    user::ActiveModel {
        id: Set(person_id),
        locale: Set(Some(locale.tag().to_owned())),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// At sign-in: the language the person chose before, else this browser's (saved for their
/// mail). Returns the cookie that puts this browser in it.
pub async fn at_sign_in(
    sessions: &Sessions,
    person: &user::Model,
    headers: &HeaderMap,
) -> Option<HeaderValue> {
    let locale = match person.locale.as_deref().and_then(Locale::parse) {
        Some(saved) => saved,
        None => {
            let locale = Locale::of_request(headers);
            if let Err(error) = save(&sessions.db, person.id, locale).await {
                // The sign-in stands; only the language is not remembered.
                tracing::warn!(%error, "could not save a person's language");
            }
            locale
        }
    };
    HeaderValue::from_str(&cookie(locale, sessions.secure_cookies)).ok()
}

#[derive(Clone)]
pub struct LanguageState {
    pub sessions: Arc<Sessions>,
}

pub fn routes(state: LanguageState) -> Router {
    Router::new()
        .route("/language", post(choose))
        .with_state(state)
}

#[derive(serde::Deserialize)]
struct Choice {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// The switcher's form: the cookie for this browser, the saved language of a signed-in person,
/// and back to the page it came from (a path on this portal only). An unknown language changes
/// nothing.
async fn choose(
    State(state): State<LanguageState>,
    headers: HeaderMap,
    axum::Form(choice): axum::Form<Choice>,
) -> Response {
    let back = app::types::local_path(&choice.next).unwrap_or("/");
    let Some(locale) = Locale::parse(&choice.lang) else {
        return Redirect::to(back).into_response();
    };
    if let Ok(Some(viewer)) = state.sessions.viewer(&headers).await
        && let Ok(id) = uuid::Uuid::parse_str(&viewer.id)
        && let Err(error) = save(&state.sessions.db, id, locale).await
    {
        tracing::warn!(%error, "could not save a person's language");
    }
    (
        [(
            header::SET_COOKIE,
            cookie(locale, state.sessions.secure_cookies),
        )],
        Redirect::to(back),
    )
        .into_response()
}

/// The language to write to `email` in: its owner's saved language, else (someone without an
/// account yet) the language of the request that sends the mail.
pub async fn mail_locale(db: &impl ConnectionTrait, email: &app::types::Email) -> Locale {
    match crate::directory::find_user_by_email(db, email).await {
        Ok(Some(person)) if person.locale.is_some() => person.locale(),
        _ => app::i18n::current(),
    }
}
