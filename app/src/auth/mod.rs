//! Who is asking: sessions, the signed-in viewer, and the sign-in page.

mod magic;
mod profile;
mod registration;
mod sign_in;
mod terms;

pub use magic::MagicLinkPage;
pub use profile::ProfilePage;
#[cfg(feature = "ssr")]
pub use registration::RegistrationService;
pub use registration::{JoinRequest, RegisterPage, RegistrationRow};
pub use sign_in::SignInPage;
#[cfg(feature = "ssr")]
pub use terms::TermsService;
pub use terms::{TermsDocument, TermsPage, TermsStatus, TermsVersionRow, load_terms};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The signed-in person, as pages need to know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    /// The current terms of use wait for this person's acceptance.
    pub terms_pending: bool,
}

/// One signed-in browser, as the profile page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SessionSummary {
    /// A short description of the browser, from its user agent.
    pub device: String,
    pub client_addr: Option<String>,
    pub signed_in_at: String,
    pub last_seen_at: String,
    /// The session of the browser asking.
    pub current: bool,
}

/// An identity provider people can sign in through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoProvider {
    pub slug: String,
    /// The name on its button ("Sign in with …").
    pub name: String,
}

/// The identity providers configured for single sign-on.
#[cfg(feature = "ssr")]
pub trait SsoService: Send + Sync {
    fn providers(&self) -> Vec<SsoProvider>;
    /// The provider an address must sign in through, when its domain enforces single sign-on.
    fn enforced_for(&self, email: &crate::types::Email) -> Option<SsoProvider>;
}

/// What asking to sign in with an address leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInStep {
    /// A link is on its way (if the address may sign in; the answer is the same either way).
    LinkSent,
    /// The address's domain signs in through this identity provider.
    UseProvider(SsoProvider),
}

/// What every page's frame needs: the portal's name and who is looking at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub portal_name: String,
    pub viewer: Option<Viewer>,
    /// New addresses may ask to join (the sign-in page then offers it).
    pub self_registration: bool,
    /// Badge counts for the signed-in viewer.
    pub notices: crate::access::Notices,
    /// The viewer's environment (sandbox or production) for try-it and code samples.
    pub profile: Option<crate::tryit::Profile>,
    /// Buttons of the sign-in page.
    pub sso_providers: Vec<SsoProvider>,
    /// Logo, accent, footer links and home-page message.
    pub branding: crate::admin::Branding,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait SessionService: Send + Sync {
    /// The viewer behind the request's session cookie, if it names a live session.
    async fn viewer(&self, headers: &http::HeaderMap) -> Result<Option<Viewer>, AppError>;
    /// The viewer's sessions, newest first.
    async fn sessions_of_viewer(
        &self,
        headers: &http::HeaderMap,
    ) -> Result<Vec<SessionSummary>, AppError>;
}

/// Sends a sign-in link by email (off the request path, the same answer for every address).
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait SignInService: Send + Sync {
    async fn request_link(
        &self,
        email: crate::types::Email,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

#[server(prefix = "/rpc", endpoint = "request-sign-in-link")]
pub async fn request_sign_in_link(email: String) -> Result<SignInStep, AppError> {
    use crate::services::{request_parts, services};
    let email = crate::types::Email::parse(&email)
        .map_err(|e| AppError::invalid("email", e.to_string()))?;
    let services = services()?;
    // A domain that enforces single sign-on gets no links: its people sign in at the provider.
    if let Some(provider) = services.sso.enforced_for(&email) {
        return Ok(SignInStep::UseProvider(provider));
    }
    let request = request_parts()?;
    services.sign_in.request_link(email, &request).await?;
    Ok(SignInStep::LinkSent)
}

#[server(prefix = "/rpc", endpoint = "session-info")]
pub async fn load_session() -> Result<SessionInfo, AppError> {
    use crate::services::{request_headers, services};
    let services = services()?;
    let viewer = services.sessions.viewer(&request_headers()).await?;
    let (notices, profile) = match &viewer {
        Some(viewer) if !viewer.terms_pending => (
            services.access.notices(viewer).await?,
            // The header's environment selector is not worth failing every page for.
            services.try_it.profile(viewer).await.ok(),
        ),
        _ => (crate::access::Notices::default(), None),
    };
    let branding = services.branding.current();
    Ok(SessionInfo {
        portal_name: branding.portal_name.clone(),
        branding,
        viewer,
        self_registration: services.registrations.is_open().await?,
        notices,
        profile,
        sso_providers: services.sso.providers(),
    })
}

#[server(prefix = "/rpc", endpoint = "my-sessions")]
pub async fn load_my_sessions() -> Result<Vec<SessionSummary>, AppError> {
    use crate::services::{request_headers, services};
    require_viewer().await?;
    services()?
        .sessions
        .sessions_of_viewer(&request_headers())
        .await
}

/// The rules every call from a signed-in person follows: signed in, and the current terms of use
/// accepted. Server functions (through `require_viewer`) and plain endpoints share them.
pub fn admitted(viewer: Option<Viewer>) -> Result<Viewer, AppError> {
    match viewer {
        Some(viewer) if viewer.terms_pending => Err(AppError::TermsNotAccepted),
        Some(viewer) => Ok(viewer),
        None => Err(AppError::Unauthenticated),
    }
}

/// `admitted`, and a portal admin.
pub fn admitted_admin(viewer: Option<Viewer>) -> Result<Viewer, AppError> {
    let viewer = admitted(viewer)?;
    if viewer.is_admin {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The signed-in viewer who has accepted the current terms of use, or the error that explains
/// why not. Every server function for signed-in people starts with this (or `require_admin`).
#[cfg(feature = "ssr")]
pub async fn require_viewer() -> Result<Viewer, AppError> {
    use crate::services::{request_headers, services};
    admitted(services()?.sessions.viewer(&request_headers()).await?)
}

/// The signed-in admin, or the error that explains why not. Every admin server function starts
/// with this.
#[cfg(feature = "ssr")]
pub async fn require_admin() -> Result<Viewer, AppError> {
    use crate::services::{request_headers, services};
    admitted_admin(services()?.sessions.viewer(&request_headers()).await?)
}
