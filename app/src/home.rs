//! The home page: where to go next, and a live check that the portal is healthy.

use leptos::prelude::*;

use crate::SessionResource;
use crate::layout::PageHeader;
use crate::system::{SystemStatus, check_system};
use crate::t;

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
        <PageHeader title=t!("home-title") lead=t!("home-lead") />
        <Transition fallback=|| ()>
            {move || {
                let message = session.get().and_then(Result::ok).map(|info| info.branding.home_message).unwrap_or_default();
                (!message.is_empty()).then(|| view! {
                    <section class="card home-message" aria-label=t!("home-message-label") data-testid="home-message">
                        {message.split("\n\n").map(|paragraph| view! { <p>{paragraph.trim().to_owned()}</p> }).collect_view()}
                    </section>
                })
            }}
        </Transition>
        <div class="card-grid">
            <a class="card card--link" href="/apis">
                <h2>{t!("nav-my-apis")}</h2>
                <p>{t!("home-my-apis")}</p>
            </a>
            <a class="card card--link" href="/discover">
                <h2>{t!("nav-discover")}</h2>
                <p>{t!("home-discover")}</p>
            </a>
            <Transition fallback=|| ()>
                <Show when=move || !signed_in()>
                    <a class="card card--link" href="/sign-in">
                        <h2>{t!("nav-sign-in")}</h2>
                        <p>{t!("home-sign-in")}</p>
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
            <h2 id="status-heading">{t!("status-heading")}</h2>
            <p>{t!("status-lead")}</p>
            <button
                class="button"
                type="button"
                on:click=move |_| {
                    check.dispatch(());
                }
                disabled=move || pending.get()
            >
                {move || if pending.get() { t!("status-checking") } else { t!("status-check") }}
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
    let locale = crate::i18n::current();
    let tenths = status.database_latency_us.div_ceil(100);
    let milliseconds = match locale {
        crate::i18n::Locale::En => format!("{}.{}", tenths / 10, tenths % 10),
        crate::i18n::Locale::De => format!("{},{}", tenths / 10, tenths % 10),
    };
    let latency_ms = t!("status-round-trip-value", milliseconds = milliseconds);
    view! {
        <p class="notice notice--ok" data-testid="status-ok">{t!("status-ok")}</p>
        <dl class="facts">
            <dt>{t!("status-version")}</dt>
            <dd>{status.version}</dd>
            <dt>{t!("status-database")}</dt>
            <dd data-testid="status-database">{status.database}</dd>
            <dt>{t!("status-round-trip")}</dt>
            <dd>{latency_ms}</dd>
            <dt>{t!("status-organizations")}</dt>
            <dd>{crate::i18n::format_count(locale, status.organizations)}</dd>
            <dt>{t!("status-users")}</dt>
            <dd>{crate::i18n::format_count(locale, status.users)}</dd>
        </dl>
    }
}
