use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{RequestSignInLink, SignInStep};
use crate::error::AppError;
use crate::layout::PageHeader;

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
        Some(Ok(SignInStep::UseProvider(provider))) => Some(format!(
            "Your organization signs in with {}. Taking you there…",
            provider.name
        )),
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
            title="Sign in"
            lead="Enter your work email address and we will send you a link to sign in. No password needed."
        />
        <Show when=signed_out>
            <p class="notice notice--ok" role="status">"You are signed out."</p>
        </Show>
        <Suspense fallback=|| ()>
            {move || provider_logout().map(|provider| {
                let href = format!("/auth/oidc/{}/logout", provider.slug);
                view! {
                    <p class="notice form-card" data-testid="provider-logout">
                        {format!("You may still be signed in at {}. ", provider.name)}
                        <a href=href rel="external">{format!("Sign out of {} too", provider.name)}</a>
                    </p>
                }
            })}
        </Suspense>
        {move || sso_error().map(|(message, provider)| {
            let retry = format!("/auth/oidc/{provider}/login");
            view! {
                <div class="notice notice--error form-card" role="alert" data-testid="sso-error">
                    <p>{message}</p>
                    {(!provider.is_empty()).then(|| view! { <p><a href=retry>"Try again"</a>" or sign in with an email link below."</p> })}
                </div>
            }
        })}
        <Suspense fallback=|| ()>
            {move || {
                let providers = providers();
                (!providers.is_empty()).then(|| view! {
                    <section class="card form-card" aria-labelledby="sso-sign-in">
                        <h2 id="sso-sign-in">"Sign in with your company account"</h2>
                        <ul class="sso-buttons">
                            {providers.into_iter().map(|provider| {
                                let href = format!("/auth/oidc/{}/login", provider.slug);
                                view! { <li><a class="button button--secondary" href=href rel="external">{format!("Sign in with {}", provider.name)}</a></li> }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
        </Suspense>
        <section class="card form-card" aria-labelledby="email-sign-in">
            <h2 id="email-sign-in">"Sign in with email"</h2>
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <ActionForm action=request attr:novalidate="true">
                            <div class="field" class:field--invalid=move || field_error().is_some()>
                                <label for="email">"Email address"</label>
                                <input
                                    id="email"
                                    name="email"
                                    type="email"
                                    autocomplete="email"
                                    required
                                    placeholder="you@company.com"
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
                                {move || if request.pending().get() { "Sending…" } else { "Email me a sign-in link" }}
                            </button>
                        </ActionForm>
                    }
                }
            >
                <div role="status" data-testid="link-sent">
                    <p class="notice notice--ok">"Check your inbox."</p>
                    <p>
                        "If this address may sign in to the portal, a sign-in link is on its way. "
                        "It works once and expires after a few minutes."
                    </p>
                    <p>
                        "Nothing after a few minutes? Check your spam folder, or ask your portal admin to give your address access."
                    </p>
                </div>
            </Show>
        </section>
        <Suspense fallback=|| ()>
            <Show when=registration_open>
                <p class="form-card">"New here? "<a href="/register">"Request an account"</a>"."</p>
            </Show>
        </Suspense>
    }
}

/// What went wrong at an identity provider, in words for the person who tried.
fn sso_message(code: &str) -> &'static str {
    match code {
        "denied" => "Signing in at your identity provider was cancelled or refused.",
        "expired" => "That sign-in took too long or was already used. Please start again.",
        "unverified_email" => {
            "Your identity provider did not confirm your email address, so we cannot sign you in with it."
        }
        "domain_not_allowed" => {
            "Your email address's domain is not one this identity provider may sign in for."
        }
        "cannot_link" => {
            "An account with your email address exists, but it cannot be linked to this identity provider."
        }
        "no_account" => {
            "You do not have an account in this portal yet. Ask your portal admin to invite you."
        }
        "suspended" => "Your account is suspended. Ask your portal admin.",
        "not_allowed" => {
            "Your organization does not have access to this portal. Ask your portal admin."
        }
        "rate_limited" => "Too many sign-in attempts from here. Please wait a few minutes.",
        "provider_unavailable" => {
            "Your identity provider could not be reached. Please try again in a moment."
        }
        "invalid_token" => {
            "Your identity provider's answer could not be verified. Please try again."
        }
        "unknown_provider" => "That identity provider is not configured here.",
        _ => "Signing in through your identity provider did not work. Please try again.",
    }
}
