//! The home page: where to go next, and a live check that the portal is healthy.

use leptos::prelude::*;

use crate::SessionResource;
use crate::layout::PageHeader;
use crate::system::{SystemStatus, check_system};

#[component]
pub fn HomePage() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let signed_in = move || {
        session
            .get()
            .and_then(Result::ok)
            .is_some_and(|info| info.viewer.is_some())
    };
    view! {
        <PageHeader
            title="Welcome"
            lead="Find the APIs your team can use, read their reference docs, and get keys to call them."
        />
        <Transition fallback=|| ()>
            {move || {
                let message = session.get().and_then(Result::ok).map(|info| info.branding.home_message).unwrap_or_default();
                (!message.is_empty()).then(|| view! {
                    <section class="card home-message" aria-label="Message from the portal team" data-testid="home-message">
                        {message.split("\n\n").map(|paragraph| view! { <p>{paragraph.trim().to_owned()}</p> }).collect_view()}
                    </section>
                })
            }}
        </Transition>
        <div class="card-grid">
            <a class="card card--link" href="/apis">
                <h2>"My APIs"</h2>
                <p>"Collections your organization may use, with docs, specs and keys."</p>
            </a>
            <a class="card card--link" href="/discover">
                <h2>"Discover"</h2>
                <p>"Published collections you can ask for, with a reason, in a few clicks."</p>
            </a>
            <Transition fallback=|| ()>
                <Show when=move || !signed_in()>
                    <a class="card card--link" href="/sign-in">
                        <h2>"Sign in"</h2>
                        <p>"Use the email link or your company's single sign-on."</p>
                    </a>
                </Show>
            </Transition>
        </div>
        <StatusCheck />
    }
}

/// Asks the server how it is doing. It is the first thing a new operator clicks, and it proves
/// the whole round trip: browser, server function, database.
#[component]
fn StatusCheck() -> impl IntoView {
    let check = Action::new(|_: &()| check_system());
    let pending = check.pending();
    view! {
        <section class="card status-check" aria-labelledby="status-heading">
            <h2 id="status-heading">"System status"</h2>
            <p>"Check that this portal can reach its database."</p>
            <button
                class="button"
                type="button"
                on:click=move |_| {
                    check.dispatch(());
                }
                disabled=move || pending.get()
            >
                {move || if pending.get() { "Checking…" } else { "Check status" }}
            </button>
            <div class="status-check__result" role="status" aria-live="polite">
                {move || match check.value().get() {
                    None => ().into_any(),
                    Some(Ok(status)) => view! { <StatusReport status /> }.into_any(),
                    Some(Err(error)) => {
                        view! { <p class="notice notice--error">{error.to_string()}</p> }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

#[component]
fn StatusReport(status: SystemStatus) -> impl IntoView {
    let latency_ms = format!("{:.1} ms", status.database_latency_us as f64 / 1000.0);
    view! {
        <p class="notice notice--ok" data-testid="status-ok">"All systems working."</p>
        <dl class="facts">
            <dt>"Version"</dt>
            <dd>{status.version}</dd>
            <dt>"Database"</dt>
            <dd data-testid="status-database">{status.database}</dd>
            <dt>"Database round trip"</dt>
            <dd>{latency_ms}</dd>
            <dt>"Organizations"</dt>
            <dd>{status.organizations}</dd>
            <dt>"Users"</dt>
            <dd>{status.users}</dd>
        </dl>
    }
}
