//! The admin area. Every server function here starts with `require_admin`.

mod api_tokens;
mod audit;
mod branding;
mod collections;
mod configuration;
mod dashboard;
mod invitations;
mod organizations;
mod people;
mod providers;
mod registrations;
mod terms;

#[cfg(feature = "ssr")]
pub use api_tokens::ApiTokensService;
pub use api_tokens::{
    ApiTokenRow, ApiTokensPage, IssuedApiToken, TOKEN_LIFETIMES, TokenState, token_lifetime,
    token_name,
};
#[cfg(feature = "ssr")]
pub use audit::AuditLogService;
pub use audit::{AUDIT_ACTIONS, AuditFilter, AuditLogPage, AuditPage, AuditRow};
#[cfg(feature = "ssr")]
pub use branding::BrandingService;
pub use branding::{Branding, BrandingPage, FooterLink, contrast, parse_color};
#[cfg(feature = "ssr")]
pub use collections::CollectionsService;
pub use collections::{
    AdminVersion, CollectionAdminPage, CollectionForm, CollectionRow, CollectionSettings,
    CollectionsAdminPage,
};
pub use configuration::{ConfigurationPage, ConfigurationSummary, MANAGEMENT_API_SLUG};
#[cfg(feature = "ssr")]
pub use dashboard::DashboardService;
pub use dashboard::{AdminOverview, CHART_HOURS, HourlyCalls, load_admin_overview};
#[cfg(feature = "ssr")]
pub use invitations::InvitationsService;
pub use invitations::{InvitationRow, InviteOutcome, ROLES, parse_role, role_label};
pub use organizations::{OrganizationRow, OrganizationsPage, load_organizations};
#[cfg(feature = "ssr")]
pub use organizations::{OrganizationsService, organization_name, parse_join_domain};
#[cfg(feature = "ssr")]
pub use people::PeopleService;
pub use people::{
    PeopleFilter, PeopleList, PeoplePage, PersonDetails, PersonKey, PersonMembership, PersonPage,
    PersonRequest, PersonRow,
};
#[cfg(feature = "ssr")]
pub use providers::IdentityProvidersService;
pub use providers::{
    ConnectionCheck, IdentityProviderPage, IdentityProvidersPage, ProviderConfig, ProviderEditor,
    ProviderRow, ProviderSource, is_secure_endpoint, post_logout_redirect_uri, redirect_uri,
};
pub use registrations::RegistrationOverview;
pub use terms::TermsAdminPage;

use leptos::prelude::*;

use crate::layout::{LoadError, PageHeader};

#[component]
pub fn AdminPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| load_admin_overview());
    view! {
        <PageHeader title="Admin" lead="Run the portal: organizations, people, collections and approvals." />
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || overview.get().map(|result| match result {
                Ok(overview) => view! {
                    <dashboard::DashboardCounts overview=overview.clone() />
                    <dashboard::CallsChart hours=overview.hours />
                    <h2>"Run the portal"</h2>
                    <nav aria-label="Admin sections" class="admin-links">
                        <a class="card card--link" href="/admin/people">
                            <h2>"People"</h2>
                            <p>"Invite people, decide on requests to join, suspend and reactivate."</p>
                        </a>
                        <a class="card card--link" href="/admin/organizations">
                            <h2>"Organizations"</h2>
                            <p>"Portal access, environments, authorized addresses and domains that join."</p>
                        </a>
                        <a class="card card--link" href="/admin/collections">
                            <h2>"Collections"</h2>
                            <p>"Publish APIs from OpenAPI documents and decide who may use them."</p>
                        </a>
                        <a class="card card--link" href="/admin/requests">
                            <h2>"Access requests"</h2>
                            <p>"Approve or reject requests for APIs; bulk decisions and history."</p>
                        </a>
                        <a class="card card--link" href="/admin/audit">
                            <h2>"Audit log"</h2>
                            <p>"Every sign-in, decision and change, filtered and exported as CSV."</p>
                        </a>
                        <a class="card card--link" href="/admin/terms">
                            <h2>"Terms of use"</h2>
                            <p>"Publish the terms everyone accepts before using the portal."</p>
                        </a>
                        <a class="card card--link" href="/admin/branding">
                            <h2>"Branding"</h2>
                            <p>"Name, logo, accent color, footer links and the home-page message."</p>
                        </a>
                        <a class="card card--link" href="/admin/identity-providers">
                            <h2>"Identity providers"</h2>
                            <p>"Single sign-on with OpenID Connect: add, test and switch providers."</p>
                        </a>
                        <a class="card card--link" href="/admin/api-tokens">
                            <h2>"API tokens"</h2>
                            <p>"Tokens for the management API, to run the portal from scripts."</p>
                        </a>
                        <a class="card card--link" href="/admin/configuration">
                            <h2>"Configuration"</h2>
                            <p>"The portal's set-up as one file: download it, or set a portal up from one."</p>
                        </a>
                    </nav>

                }.into_any(),
                Err(error) => view! { <LoadError error purpose="as an admin to see this page" /> }.into_any(),
            })}
        </Suspense>
    }
}
