//! Portico's user interface. Pages are rendered on the server and hydrated in the browser;
//! server functions reach the server's implementation only through the ports in `services`.

// Leptos views are nested types; the reference pages nest deeply enough that a cold build of the
// hydrate bundle needs more than the default query depth of 128.
#![recursion_limit = "256"]

pub mod access;
pub mod admin;
pub mod auth;
mod browser;
pub mod catalog;
pub mod error;
mod form;
mod home;
pub mod i18n;
pub mod keys;
mod layout;
#[cfg(feature = "ssr")]
pub mod services;
pub mod system;
pub mod team;
pub mod tryit;
pub mod types;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::auth::load_session;
use crate::layout::{Frame, NotFound};

/// The HTML document around the app, rendered only on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The browser reads the language back from `lang` when it hydrates (`i18n::current`).
    let locale = i18n::current();
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options=options.clone() />
                <HashedStylesheet options id="leptos" />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The page's language, the same on the server and in the browser.
    provide_context(i18n::current());
    // One request for the frame of every page: the portal's name and who is signed in.
    let session = Resource::new(|| (), |_| load_session());
    provide_context(session);

    view! {
        <Title formatter=|page: String| format!("{page} · Portico") />
        <Router>
            <Frame>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=home::HomePage ssr=SsrMode::Async />
                    <Route path=path!("/sign-in") view=auth::SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/auth/magic") view=auth::MagicLinkPage ssr=SsrMode::Async />
                    <Route path=path!("/register") view=auth::RegisterPage ssr=SsrMode::Async />
                    <Route path=path!("/terms") view=auth::TermsPage ssr=SsrMode::Async />
                    <Route path=path!("/profile") view=auth::ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/apis") view=catalog::MyApisPage ssr=SsrMode::Async />
                    <Route path=path!("/discover") view=catalog::DiscoverPage ssr=SsrMode::Async />
                    <Route path=path!("/apis/:slug") view=catalog::CollectionPage ssr=SsrMode::Async />
                    <Route path=path!("/apis/:slug/operations/:operation") view=catalog::OperationPage ssr=SsrMode::Async />
                    <Route path=path!("/apis/:slug/request-access") view=access::RequestAccessPage ssr=SsrMode::Async />
                    <Route path=path!("/requests") view=access::MyRequestsPage ssr=SsrMode::Async />
                    <Route path=path!("/keys") view=keys::KeysPage ssr=SsrMode::Async />
                    <Route path=path!("/team") view=team::TeamPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/requests") view=access::ApprovalsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=admin::AuditLogPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=admin::AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/people") view=admin::PeoplePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/people/:id") view=admin::PersonPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/organizations") view=admin::OrganizationsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/terms") view=admin::TermsAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/branding") view=admin::BrandingPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/api-tokens") view=admin::ApiTokensPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/configuration") view=admin::ConfigurationPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/identity-providers") view=admin::IdentityProvidersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/identity-providers/:slug") view=admin::IdentityProviderPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/collections") view=admin::CollectionsAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/collections/:slug") view=admin::CollectionAdminPage ssr=SsrMode::Async />
                </Routes>
            </Frame>
        </Router>
    }
}

/// The session resource that `App` provides to every page.
pub type SessionResource = Resource<Result<auth::SessionInfo, error::AppError>>;
