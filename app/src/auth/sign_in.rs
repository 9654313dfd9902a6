use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{RequestSignInLink, SignInStep};
use crate::error::AppError;
use crate::layout::PageHeader;
use crate::t;

#[component]
pub fn SignInPage() -> impl IntoView {
    let request = ServerAction::<RequestSignInLink>::new();
    let query = use_query_map();
    let session = expect_context::<crate::SessionResource>();
    let registration_open = move || {
        session
            .get()
            .and_then(Result::ok)
            .is_some_and(|info| info.self_registration)
    };
    let signed_out = move || query.read().get("signed_out").is_some();
    let providers = move || {
        session
            .get()
            .and_then(Result::ok)
            .map(|info| info.sso_providers)
            .unwrap_or_default()
    };
    // Signed out of a session that came from a provider that can sign people out as well.
    let provider_logout = move || {
        let slug = query.read().get("provider_logout")?;
        providers().into_iter().find(|p| p.slug == slug)
    };
    let sso_error = move || {
        let query = query.read();
        let code = query.get("sso_error")?;
        let provider = query.get("provider").unwrap_or_default();
        Some((sso_message(&code), provider))
    };
    let sent = move || matches!(request.value().get(), Some(Ok(SignInStep::LinkSent)));
    // An address of a domain that signs in through its identity provider goes there at once.
    Effect::new(move |_| {
        if let Some(Ok(SignInStep::UseProvider(provider))) = request.value().get() {
            crate::browser::go_to(&format!("/auth/oidc/{}/login", provider.slug));
        }
    });
    let redirecting = move || match request.value().get() {
        Some(Ok(SignInStep::UseProvider(provider))) => {
            Some(t!("auth-sso-redirecting", provider = provider.name))
        }
        _ => None,
    };
    let field_error = move || match request.value().get() {
        Some(Err(AppError::Invalid { message, .. })) => Some(message),
        _ => None,
    };
    let other_error = move || match request.value().get() {
        Some(Err(AppError::Invalid { .. })) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some(error.to_string()),
    };

    view! {
        <PageHeader
            title=t!("auth-sign-in-title")
            lead=t!("auth-sign-in-lead")
        />
        <Show when=signed_out>
            <p class="notice notice--ok" role="status">{t!("auth-signed-out")}</p>
        </Show>
        <Suspense fallback=|| ()>
            {move || provider_logout().map(|provider| {
                let href = format!("/auth/oidc/{}/logout", provider.slug);
                view! {
                    <p class="notice form-card" data-testid="provider-logout">
                        {t!("auth-provider-logout-before", provider = &provider.name)}
                        <a href=href rel="external">{t!("auth-provider-logout-link", provider = &provider.name)}</a>
                    </p>
                }
            })}
        </Suspense>
        {move || sso_error().map(|(message, provider)| {
            let retry = format!("/auth/oidc/{provider}/login");
            view! {
                <div class="notice notice--error form-card" role="alert" data-testid="sso-error">
                    <p>{message}</p>
                    {(!provider.is_empty()).then(|| view! { <p><a href=retry>{t!("auth-sso-retry-link")}</a>{t!("auth-sso-retry-after")}</p> })}
                </div>
            }
        })}
        <Suspense fallback=|| ()>
            {move || {
                let providers = providers();
                (!providers.is_empty()).then(|| view! {
                    <section class="card form-card" aria-labelledby="sso-sign-in">
                        <h2 id="sso-sign-in">{t!("auth-sso-heading")}</h2>
                        <ul class="sso-buttons">
                            {providers.into_iter().map(|provider| {
                                let href = format!("/auth/oidc/{}/login", provider.slug);
                                view! { <li><a class="button button--secondary" href=href rel="external">{t!("auth-sso-button", provider = provider.name)}</a></li> }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
        </Suspense>
        <section class="card form-card" aria-labelledby="email-sign-in">
            <h2 id="email-sign-in">{t!("auth-email-heading")}</h2>
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <ActionForm action=request attr:novalidate="true">
                            <div class="field" class:field--invalid=move || field_error().is_some()>
                                <label for="email">{t!("auth-email-label")}</label>
                                <input
                                    id="email"
                                    name="email"
                                    type="email"
                                    autocomplete="email"
                                    required
                                    placeholder=t!("auth-email-placeholder")
                                    aria-invalid=move || field_error().is_some().to_string()
                                    aria-describedby="email-error"
                                />
                                <p id="email-error" class="field__error" role="alert">
                                    {field_error}
                                </p>
                            </div>
                            <p class="notice notice--error" role="alert" hidden=move || other_error().is_none()>
                                {other_error}
                            </p>
                            <p class="notice" role="status" hidden=move || redirecting().is_none()>
                                {redirecting}
                            </p>
                            <button class="button" type="submit" disabled=move || request.pending().get()>
                                {move || if request.pending().get() { t!("auth-email-sending") } else { t!("auth-email-send") }}
                            </button>
                        </ActionForm>
                    }
                }
            >
                <div role="status" data-testid="link-sent">
                    <p class="notice notice--ok">{t!("auth-link-sent")}</p>
                    <p>{t!("auth-link-sent-detail")}</p>
                    <p>{t!("auth-link-sent-nothing")}</p>
                </div>
            </Show>
        </section>
        <Suspense fallback=|| ()>
            <Show when=registration_open>
                <p class="form-card">{t!("auth-new-here-before")}<a href="/register">{t!("auth-new-here-link")}</a>{t!("auth-new-here-after")}</p>
            </Show>
        </Suspense>
    }
}

/// What went wrong at an identity provider, in words for the person who tried.
fn sso_message(code: &str) -> String {
    match code {
        "denied" => t!("auth-sso-error-denied"),
        "expired" => t!("auth-sso-error-expired"),
        "unverified_email" => t!("auth-sso-error-unverified-email"),
        "domain_not_allowed" => t!("auth-sso-error-domain-not-allowed"),
        "cannot_link" => t!("auth-sso-error-cannot-link"),
        "no_account" => t!("auth-sso-error-no-account"),
        "suspended" => t!("auth-sso-error-suspended"),
        "not_allowed" => t!("auth-sso-error-not-allowed"),
        "rate_limited" => t!("auth-sso-error-rate-limited"),
        "provider_unavailable" => t!("auth-sso-error-provider-unavailable"),
        "invalid_token" => t!("auth-sso-error-invalid-token"),
        "unknown_provider" => t!("auth-sso-error-unknown-provider"),
        _ => t!("auth-sso-error-other"),
    }
}
