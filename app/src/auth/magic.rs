//! The page an emailed link opens. Opening it changes nothing (mail scanners open links); the
//! button posts the token, and only that signs in.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::layout::PageHeader;
use crate::t;

fn failure_message(code: &str) -> (String, String) {
    match code {
        "token_used" => (t!("auth-link-used-title"), t!("auth-link-used")),
        "token_expired" => (t!("auth-link-expired-title"), t!("auth-link-expired")),
        "not_allowed" => (
            t!("auth-link-not-allowed-title"),
            t!("auth-link-not-allowed"),
        ),
        "internal" => (t!("auth-link-internal-title"), t!("auth-link-internal")),
        _ => (t!("auth-link-invalid-title"), t!("auth-link-invalid")),
    }
}

#[component]
pub fn MagicLinkPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let error = move || query.read().get("error");

    view! {
        {move || match error() {
            Some(code) => {
                let (title, message) = failure_message(&code);
                view! {
                    <PageHeader title=title />
                    <section class="card form-card" data-testid="link-failed" data-code=code>
                        <p role="alert">{message}</p>
                        <a class="button" href="/sign-in">{t!("auth-link-new")}</a>
                    </section>
                }
                .into_any()
            }
            None if token().is_empty() => {
                let (title, message) = failure_message("token_unknown");
                view! {
                    <PageHeader title=title />
                    <section class="card form-card" data-testid="link-failed">
                        <p role="alert">{message}</p>
                        <a class="button" href="/sign-in">{t!("auth-link-new")}</a>
                    </section>
                }
                .into_any()
            }
            None => view! {
                <PageHeader title=t!("auth-link-finish-title") lead=t!("auth-link-finish-lead") />
                <section class="card form-card">
                    <form method="post" action="/auth/magic">
                        <input type="hidden" name="token" value=token />
                        <button class="button" type="submit">{t!("auth-link-continue")}</button>
                    </form>
                </section>
            }
            .into_any(),
        }}
    }
}
