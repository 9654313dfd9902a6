//! The profile page: who you are signed in as, and every browser that is signed in.

use leptos::prelude::*;

use super::{SessionSummary, load_my_sessions};
use crate::SessionResource;
use crate::layout::{LoadError, PageHeader};
use crate::t;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let sessions = Resource::new(|| (), |_| load_my_sessions());
    // Created with the page (not inside the admin-only branch), so the server and the browser
    // create their resources in the same order. Non-admins get an error, shown as nothing.
    let save_notifications = ServerAction::<crate::access::SetNotificationSetting>::new();
    let notifications = Resource::new(
        move || save_notifications.version().get(),
        |_| crate::access::load_notification_setting(),
    );
    let viewer = move || {
        session
            .get()
            .and_then(Result::ok)
            .and_then(|info| info.viewer)
    };

    view! {
        <PageHeader title=t!("auth-profile-title") lead=t!("auth-profile-lead") />
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || notifications.get().and_then(Result::ok).map(|enabled| view! {
                <NotificationSetting enabled save=save_notifications />
            })}
            {move || viewer().map(|viewer| view! {
                <section class="card" aria-labelledby="account-heading">
                    <h2 id="account-heading">{t!("auth-profile-account")}</h2>
                    <dl class="facts">
                        <dt>{t!("auth-profile-name")}</dt>
                        <dd>{viewer.display_name}</dd>
                        <dt>{t!("auth-profile-email")}</dt>
                        <dd>{viewer.email}</dd>
                        <dt>{t!("auth-profile-role")}</dt>
                        <dd>{if viewer.is_admin { t!("auth-role-admin") } else { t!("auth-role-developer") }}</dd>
                    </dl>
                </section>
            })}
            {move || sessions.get().map(|result| match result {
                Ok(list) => view! { <SessionList sessions=list /> }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("auth-profile-purpose") /> }.into_any(),
            })}
        </Suspense>
    }
}

/// Whether an admin gets an email for each new access request.
#[component]
fn NotificationSetting(
    enabled: bool,
    save: ServerAction<crate::access::SetNotificationSetting>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="notifications-heading">
            <h2 id="notifications-heading">{t!("auth-notifications-heading")}</h2>
            <ActionForm action=save attr:class="add-form">
                <label class="checkbox" for="notify-requests">
                    <input id="notify-requests" type="checkbox" name="enabled" value="true" checked=enabled />
                    {t!("auth-notifications-requests")}
                </label>
                <button class="button button--small button--secondary" type="submit">{t!("auth-notifications-save")}</button>
            </ActionForm>
            <p class="notice notice--error" role="alert" hidden=move || !matches!(save.value().get(), Some(Err(_)))>
                {move || save.value().get().and_then(Result::err).map(|e| e.to_string())}
            </p>
        </section>
    }
}

#[component]
fn SessionList(sessions: Vec<SessionSummary>) -> impl IntoView {
    let count = sessions.len();
    view! {
        <section class="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t!("auth-sessions-heading")}</h2>
            <p>{t!("auth-sessions-count", count = count)}</p>
            <ul class="session-list">
                {sessions.into_iter().map(|session| view! {
                    <li class="session-list__item">
                        <p class="session-list__device">
                            {session.device}
                            {session.current.then(|| view! { <span class="badge">{t!("auth-sessions-this-browser")}</span> })}
                        </p>
                        <p class="session-list__meta">
                            {format!(
                                "{}{}",
                                t!(
                                    "auth-sessions-meta",
                                    signed_in = session.signed_in_at,
                                    last_seen = session.last_seen_at,
                                ),
                                session.client_addr.map(|addr| t!("auth-sessions-from", addr = addr)).unwrap_or_default(),
                            )}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
            <form method="post" action="/auth/sign-out-everywhere">
                <button class="button button--secondary" type="submit">{t!("auth-sessions-sign-out-everywhere")}</button>
            </form>
        </section>
    }
}
