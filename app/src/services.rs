//! The ports: what server functions need from the server, as traits the `server` crate
//! implements and provides through Leptos context for every request.

use std::sync::Arc;

use crate::access::AccessService;
use crate::admin::{
    ApiTokensService, AuditLogService, BrandingService, CollectionsService, DashboardService,
    IdentityProvidersService, InvitationsService, OrganizationsService, PeopleService,
};
use crate::auth::{RegistrationService, SessionService, SignInService, SsoService, TermsService};
use crate::catalog::CatalogService;
use crate::error::AppError;
use crate::keys::KeysService;
use crate::system::SystemService;
use crate::tryit::TryItService;

/// Everything a server function may call. One value per process, cloned into each request.
#[derive(Clone)]
pub struct Services {
    pub system: Arc<dyn SystemService>,
    pub sessions: Arc<dyn SessionService>,
    pub sign_in: Arc<dyn SignInService>,
    pub people: Arc<dyn PeopleService>,
    pub organizations: Arc<dyn OrganizationsService>,
    pub invitations: Arc<dyn InvitationsService>,
    pub registrations: Arc<dyn RegistrationService>,
    pub terms: Arc<dyn TermsService>,
    pub catalog: Arc<dyn CatalogService>,
    pub collections: Arc<dyn CollectionsService>,
    pub access: Arc<dyn AccessService>,
    pub audit: Arc<dyn AuditLogService>,
    pub keys: Arc<dyn KeysService>,
    pub try_it: Arc<dyn TryItService>,
    pub sso: Arc<dyn SsoService>,
    pub identity_providers: Arc<dyn IdentityProvidersService>,
    pub dashboard: Arc<dyn DashboardService>,
    pub branding: Arc<dyn BrandingService>,
    pub api_tokens: Arc<dyn ApiTokensService>,
    pub team: Arc<dyn crate::team::TeamService>,
}

/// Lets a page choose the HTTP status of its response (a 404 page, say) without the UI crate
/// knowing which web framework the server runs on. (Server functions need nothing: the server
/// gives every `AppError` answer its status.)
#[derive(Clone)]
pub struct ResponseStatus(pub Arc<dyn Fn(u16) + Send + Sync>);

/// The request as the server received it (headers, client address in its extensions).
pub fn request_parts() -> Result<http::request::Parts, AppError> {
    leptos::prelude::use_context::<http::request::Parts>().ok_or(AppError::Internal)
}

/// The value of cookie `name` among a request's `Cookie` headers.
pub fn cookie_value<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The request's headers, as the server received them.
pub fn request_headers() -> http::HeaderMap {
    request_parts()
        .map(|parts| parts.headers)
        .unwrap_or_default()
}

/// The services of this process. Missing services are a wiring bug, reported as an internal
/// error rather than a panic inside a request.
pub fn services() -> Result<Services, AppError> {
    leptos::prelude::use_context::<Services>().ok_or(AppError::Internal)
}
