//! The profile page: who you are signed in as, and every browser that is signed in.

use leptos::prelude::*;

use super::{SessionSummary, load_my_sessions};
use crate::SessionResource;
use crate::layout::{LoadError, PageHeader};

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
        <PageHeader title="Profile" lead="Your account and the browsers signed in to it." />
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || notifications.get().and_then(Result::ok).map(|enabled| view! {
                <NotificationSetting enabled save=save_notifications />
            })}
            {move || viewer().map(|viewer| view! {
                <section class="card" aria-labelledby="account-heading">
                    <h2 id="account-heading">"Account"</h2>
                    <dl class="facts">
                        <dt>"Name"</dt>
                        <dd>{viewer.display_name}</dd>
                        <dt>"Email"</dt>
                        <dd>{viewer.email}</dd>
                        <dt>"Role"</dt>
                        <dd>{if viewer.is_admin { "Portal admin" } else { "Developer" }}</dd>
                    </dl>
                </section>
            })}
            {move || sessions.get().map(|result| match result {
                Ok(list) => view! { <SessionList sessions=list /> }.into_any(),
                Err(error) => view! { <LoadError error purpose="to see your profile" /> }.into_any(),
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
            <h2 id="notifications-heading">"Email notifications"</h2>
            <ActionForm action=save attr:class="add-form">
                <label class="checkbox" for="notify-requests">
                    <input id="notify-requests" type="checkbox" name="enabled" value="true" checked=enabled />
                    "Email me when someone requests access to an API"
                </label>
                <button class="button button--small button--secondary" type="submit">"Save"</button>
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
            <h2 id="sessions-heading">"Signed-in browsers"</h2>
            <p>{format!("{count} active session{}.", if count == 1 { "" } else { "s" })}</p>
            <ul class="session-list">
                {sessions.into_iter().map(|session| view! {
                    <li class="session-list__item">
                        <p class="session-list__device">
                            {session.device}
                            {session.current.then(|| view! { <span class="badge">"This browser"</span> })}
                        </p>
                        <p class="session-list__meta">
                            {format!(
                                "Signed in {} · last active {}{}",
                                session.signed_in_at,
                                session.last_seen_at,
                                session.client_addr.map(|addr| format!(" · from {addr}")).unwrap_or_default(),
                            )}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
            <form method="post" action="/auth/sign-out-everywhere">
                <button class="button button--secondary" type="submit">"Sign out everywhere"</button>
            </form>
        </section>
    }
}
