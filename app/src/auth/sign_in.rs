use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::RequestSignInLink;
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
    let sent = move || matches!(request.value().get(), Some(Ok(())));
    let field_error = move || match request.value().get() {
        Some(Err(AppError::Invalid { message, .. })) => Some(message),
        _ => None,
    };
    let other_error = move || match request.value().get() {
        Some(Err(AppError::Invalid { .. })) | Some(Ok(())) | None => None,
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
