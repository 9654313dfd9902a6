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
use crate::t;

#[component]
pub fn AdminPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| load_admin_overview());
    view! {
        <PageHeader title=t!("admin-title") lead=t!("admin-lead") />
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || overview.get().map(|result| match result {
                Ok(overview) => view! {
                    <dashboard::DashboardCounts overview=overview.clone() />
                    <dashboard::CallsChart hours=overview.hours />
                    <h2>{t!("admin-run-heading")}</h2>
                    <nav aria-label=t!("admin-sections") class="admin-links">
                        <a class="card card--link" href="/admin/people">
                            <h2>{t!("admin-link-people")}</h2>
                            <p>{t!("admin-link-people-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/organizations">
                            <h2>{t!("admin-link-organizations")}</h2>
                            <p>{t!("admin-link-organizations-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/collections">
                            <h2>{t!("admin-link-collections")}</h2>
                            <p>{t!("admin-link-collections-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/requests">
                            <h2>{t!("admin-link-requests")}</h2>
                            <p>{t!("admin-link-requests-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/audit">
                            <h2>{t!("admin-link-audit")}</h2>
                            <p>{t!("admin-link-audit-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/terms">
                            <h2>{t!("admin-link-terms")}</h2>
                            <p>{t!("admin-link-terms-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/branding">
                            <h2>{t!("admin-link-branding")}</h2>
                            <p>{t!("admin-link-branding-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/identity-providers">
                            <h2>{t!("admin-link-identity-providers")}</h2>
                            <p>{t!("admin-link-identity-providers-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/api-tokens">
                            <h2>{t!("admin-link-api-tokens")}</h2>
                            <p>{t!("admin-link-api-tokens-text")}</p>
                        </a>
                        <a class="card card--link" href="/admin/configuration">
                            <h2>{t!("admin-link-configuration")}</h2>
                            <p>{t!("admin-link-configuration-text")}</p>
                        </a>
                    </nav>

                }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Suspense>
    }
}
