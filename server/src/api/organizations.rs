//! `/api/v1/admin/organizations`: the organizations, their portal access, environments,
//! authorized addresses, auto-join domains and members' roles.

use app::admin::OrganizationRow;
use app::error::AppError;
use app::types::{Email, Environment};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Admin, ApiState, Body, Page, Paging, Params, done};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<ApiState> {
    OpenApiRouter::new()
        .routes(routes!(list_organizations, create_organization))
        .routes(routes!(
            get_organization,
            update_organization,
            archive_organization
        ))
        .routes(routes!(add_domain))
        .routes(routes!(remove_domain))
        .routes(routes!(add_authorized_email))
        .routes(routes!(remove_authorized_email))
        .routes(routes!(set_member_role, remove_member))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrganization {
    /// The slug, used in addresses, follows from it.
    pub name: String,
}

/// What to change; what is left out stays.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationChange {
    pub name: Option<String>,
    /// Off: members without another organization with access are signed out.
    pub portal_access: Option<bool>,
    /// The environments it may use (at least one); its grants of any other end.
    pub environments: Option<Vec<Environment>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDomain {
    /// An email domain such as `example.com`; public mail services are refused.
    pub domain: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAuthorizedEmail {
    pub email: String,
}

async fn find(state: &ApiState, id: &str) -> Result<OrganizationRow, AppError> {
    state
        .services
        .organizations
        .list()
        .await?
        .into_iter()
        .find(|organization| organization.id == id)
        .ok_or_else(|| AppError::NotFound(app::t!("orgs-that-organization")))
}

/// The organizations that are not archived, by name.
#[utoipa::path(get, path = "/api/v1/admin/organizations", tag = "organizations", params(Paging),
    responses((status = 200, description = "A page of organizations", body = Page<OrganizationRow>)))]
async fn list_organizations(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Params(paging): Params<Paging>,
) -> Result<Json<Page<OrganizationRow>>, ApiError> {
    let all = state.services.organizations.list().await?;
    Ok(Json(paging.page_of(all)?))
}

/// Adds an organization with portal access.
#[utoipa::path(post, path = "/api/v1/admin/organizations", tag = "organizations",
    request_body = NewOrganization,
    responses((status = 201, description = "Added", body = OrganizationRow)))]
async fn create_organization(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    request: Parts,
    Body(input): Body<NewOrganization>,
) -> Result<(StatusCode, Json<OrganizationRow>), ApiError> {
    let organization = state
        .services
        .organizations
        .create(&actor, &input.name, &request)
        .await?;
    Ok((StatusCode::CREATED, Json(organization)))
}

#[utoipa::path(get, path = "/api/v1/admin/organizations/{id}", tag = "organizations",
    params(("id" = String, Path, description = "The organization's id")),
    responses((status = 200, description = "The organization", body = OrganizationRow)))]
async fn get_organization(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<OrganizationRow>, ApiError> {
    Ok(Json(find(&state, &id).await?))
}

/// Renames an organization (its slug stays), switches its portal access or sets its
/// environments.
#[utoipa::path(patch, path = "/api/v1/admin/organizations/{id}", tag = "organizations",
    params(("id" = String, Path, description = "The organization's id")),
    request_body = OrganizationChange,
    responses(
        (status = 200, description = "Changed", body = OrganizationRow),
        (status = 409, description = "Another organization has that name", body = crate::error::ErrorBody),
    ))]
async fn update_organization(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
    Body(change): Body<OrganizationChange>,
) -> Result<Json<OrganizationRow>, ApiError> {
    let organizations = &state.services.organizations;
    find(&state, &id).await?;
    // The changes that can be refused (a name taken, no environment at all) are checked before
    // any is made: renaming is the only one that can still fail, so it goes first.
    if change.environments.as_ref().is_some_and(Vec::is_empty) {
        return Err(AppError::invalid("environments", app::t!("orgs-environments-none")).into());
    }
    if let Some(name) = &change.name {
        organizations.rename(&actor, &id, name, &request).await?;
    }
    if let Some(environments) = &change.environments {
        organizations
            .set_environments(&actor, &id, environments, &request)
            .await?;
    }
    if let Some(enabled) = change.portal_access {
        organizations
            .set_portal_access(&actor, &id, enabled, &request)
            .await?;
    }
    Ok(Json(find(&state, &id).await?))
}

/// Archives an organization: its members' access ends with it, its history stays.
#[utoipa::path(delete, path = "/api/v1/admin/organizations/{id}", tag = "organizations",
    params(("id" = String, Path, description = "The organization's id")),
    responses((status = 204, description = "Archived")))]
async fn archive_organization(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .organizations
        .archive(&actor, &id, &request)
        .await?;
    Ok(done())
}

/// People signing in with a verified address of this domain join the organization.
#[utoipa::path(post, path = "/api/v1/admin/organizations/{id}/domains", tag = "organizations",
    params(("id" = String, Path, description = "The organization's id")),
    request_body = NewDomain,
    responses(
        (status = 204, description = "Added"),
        (status = 409, description = "Another organization has the domain", body = crate::error::ErrorBody),
    ))]
async fn add_domain(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
    Body(input): Body<NewDomain>,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .organizations
        .add_domain(&actor, &id, &input.domain, &request)
        .await?;
    Ok(done())
}

#[utoipa::path(delete, path = "/api/v1/admin/organizations/{id}/domains/{domain}", tag = "organizations",
    params(
        ("id" = String, Path, description = "The organization's id"),
        ("domain" = String, Path, description = "The domain"),
    ),
    responses((status = 204, description = "Removed")))]
async fn remove_domain(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path((id, domain)): Path<(String, String)>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .organizations
        .remove_domain(&actor, &id, &domain, &request)
        .await?;
    Ok(done())
}

/// Authorizes one email address to sign in as a member of the organization.
#[utoipa::path(post, path = "/api/v1/admin/organizations/{id}/authorized-emails", tag = "organizations",
    params(("id" = String, Path, description = "The organization's id")),
    request_body = NewAuthorizedEmail,
    responses(
        (status = 204, description = "Authorized"),
        (status = 409, description = "Already authorized", body = crate::error::ErrorBody),
    ))]
async fn add_authorized_email(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
    Body(input): Body<NewAuthorizedEmail>,
) -> Result<StatusCode, ApiError> {
    let email =
        Email::parse(&input.email).map_err(|e| AppError::invalid("email", e.to_string()))?;
    state
        .services
        .organizations
        .add_authorized_email(&actor, &id, email, &request)
        .await?;
    Ok(done())
}

#[utoipa::path(delete, path = "/api/v1/admin/organizations/{id}/authorized-emails/{email}", tag = "organizations",
    params(
        ("id" = String, Path, description = "The organization's id"),
        ("email" = String, Path, description = "The email address"),
    ),
    responses((status = 204, description = "No longer authorized")))]
async fn remove_authorized_email(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path((id, email)): Path<(String, String)>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .organizations
        .remove_authorized_email(&actor, &id, &email, &request)
        .await?;
    Ok(done())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberRole {
    /// `member` or `admin` (an organization admin); an organization keeps one admin at least.
    #[schema(pattern = "^(member|admin)$")]
    pub role: String,
}

/// Sets a member's role in the organization.
#[utoipa::path(put, path = "/api/v1/admin/organizations/{id}/members/{user_id}", tag = "organizations",
    params(
        ("id" = String, Path, description = "The organization's id"),
        ("user_id" = String, Path, description = "The member's user id"),
    ),
    request_body = MemberRole,
    responses(
        (status = 204, description = "Changed"),
        (status = 409, description = "The organization would be left without an admin", body = crate::error::ErrorBody),
    ))]
async fn set_member_role(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path((id, user_id)): Path<(String, String)>,
    request: Parts,
    Body(input): Body<MemberRole>,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .team
        .set_role(&actor, &id, &user_id, &input.role, &request)
        .await?;
    Ok(done())
}

/// Takes a member out of the organization; without another way in, they are signed out.
#[utoipa::path(delete, path = "/api/v1/admin/organizations/{id}/members/{user_id}", tag = "organizations",
    params(
        ("id" = String, Path, description = "The organization's id"),
        ("user_id" = String, Path, description = "The member's user id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 409, description = "The organization would be left without an admin", body = crate::error::ErrorBody),
    ))]
async fn remove_member(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path((id, user_id)): Path<(String, String)>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .team
        .remove(&actor, &id, &user_id, &request)
        .await?;
    Ok(done())
}
