//! The page an emailed link opens. Opening it changes nothing (mail scanners open links); the
//! button posts the token, and only that signs in.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::layout::PageHeader;

fn failure_message(code: &str) -> (&'static str, &'static str) {
    match code {
        "token_used" => (
            "This link has already been used",
            "Each sign-in link works once. Ask for a new one below.",
        ),
        "token_expired" => (
            "This link has expired",
            "Sign-in links work for a few minutes only. Ask for a new one below.",
        ),
        "not_allowed" => (
            "You cannot sign in with this address",
            "Your access may have been turned off. Ask your portal admin.",
        ),
        "internal" => (
            "Something went wrong on our side",
            "Please try again in a moment, or ask for a new link below.",
        ),
        _ => (
            "This link is not valid",
            "It may be incomplete: copy the whole link from the email, or ask for a new one below.",
        ),
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
                        <a class="button" href="/sign-in">"Send me a new link"</a>
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
                        <a class="button" href="/sign-in">"Send me a new link"</a>
                    </section>
                }
                .into_any()
            }
            None => view! {
                <PageHeader title="Finish signing in" lead="One more click and you are in." />
                <section class="card form-card">
                    <form method="post" action="/auth/magic">
                        <input type="hidden" name="token" value=token />
                        <button class="button" type="submit">"Continue"</button>
                    </form>
                </section>
            }
            .into_any(),
        }}
    }
}
