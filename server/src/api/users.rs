//! `/api/v1/admin/users` and `/api/v1/admin/invitations`: finding people, suspending them, the
//! portal admin role, ending sessions; inviting people into organizations.

use app::admin::{InvitationRow, InviteOutcome, PeopleFilter, PersonDetails, PersonRow};
use app::error::AppError;
use app::types::Email;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Admin, ApiState, Body, Page, Paging, Params, done};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<ApiState> {
    OpenApiRouter::new()
        .routes(routes!(list_users))
        .routes(routes!(get_user, update_user))
        .routes(routes!(end_sessions))
        .routes(routes!(list_invitations, invite))
        .routes(routes!(revoke_invitation))
        .routes(routes!(resend_invitation))
}

/// What the list is narrowed to; what is left out narrows nothing.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Part of the name or email address.
    pub q: Option<String>,
    /// An organization's slug.
    pub organization: Option<String>,
    #[param(pattern = "^(admin|developer)?$")]
    pub role: Option<String>,
    #[param(pattern = "^(active|suspended)?$")]
    pub status: Option<String>,
    /// How they have signed in.
    #[param(pattern = "^(sso|email)?$")]
    pub method: Option<String>,
}

impl UserQuery {
    fn filter(&self) -> Result<PeopleFilter, AppError> {
        let one_of = |value: &Option<String>, field: &str, choices: [&str; 2]| {
            let value = value.clone().unwrap_or_default();
            if value.is_empty() || choices.contains(&value.as_str()) {
                Ok(value)
            } else {
                Err(AppError::invalid(
                    field,
                    app::t!(
                        "people-api-use-one-of",
                        first = choices[0],
                        second = choices[1]
                    ),
                ))
            }
        };
        Ok(PeopleFilter {
            q: self.q.clone().unwrap_or_default(),
            organization: self.organization.clone().unwrap_or_default(),
            role: one_of(&self.role, "role", ["admin", "developer"])?,
            status: one_of(&self.status, "status", ["active", "suspended"])?,
            method: one_of(&self.method, "method", ["sso", "email"])?,
        })
    }
}

/// What to change; what is left out stays.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChange {
    /// Suspending ends every session at once.
    pub suspended: Option<bool>,
    /// The portal admin role (never one's own).
    pub admin: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EndedSessions {
    pub ended: u64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    pub email: String,
    pub organization_id: String,
    /// `member` or `admin` (of the organization).
    pub role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Invited {
    /// `Invited`: an email went out; `Added`: the person had an account and is a member now.
    pub outcome: InviteOutcome,
}

/// People, filtered, by name.
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "users", params(UserQuery, Paging),
    responses((status = 200, description = "A page of people", body = Page<PersonRow>)))]
async fn list_users(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Params(query): Params<UserQuery>,
    Params(paging): Params<Paging>,
) -> Result<Json<Page<PersonRow>>, ApiError> {
    let list = state.services.people.list(&query.filter()?).await?;
    Ok(Json(paging.page_of(list.people)?))
}

/// A person's memberships, sessions, keys, requests and latest audit events.
#[utoipa::path(get, path = "/api/v1/admin/users/{id}", tag = "users",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, description = "The person", body = PersonDetails)))]
async fn get_user(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<PersonDetails>, ApiError> {
    Ok(Json(state.services.people.details(&id).await?))
}

/// Suspends or reactivates a person, or gives or takes the portal admin role.
#[utoipa::path(patch, path = "/api/v1/admin/users/{id}", tag = "users",
    params(("id" = String, Path, description = "The person's id")),
    request_body = UserChange,
    responses((status = 200, description = "Changed", body = PersonDetails)))]
async fn update_user(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
    Body(change): Body<UserChange>,
) -> Result<Json<PersonDetails>, ApiError> {
    let people = &state.services.people;
    people.details(&id).await?;
    if let Some(admin) = change.admin {
        people.set_admin(&actor, &id, admin, &request).await?;
    }
    if let Some(suspended) = change.suspended {
        people
            .set_suspended(&actor, &id, suspended, &request)
            .await?;
    }
    Ok(Json(people.details(&id).await?))
}

/// Signs a person out on every device.
#[utoipa::path(post, path = "/api/v1/admin/users/{id}/end-sessions", tag = "users",
    params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, description = "How many sessions ended", body = EndedSessions)))]
async fn end_sessions(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
) -> Result<Json<EndedSessions>, ApiError> {
    let ended = state
        .services
        .people
        .end_sessions(&actor, &id, &request)
        .await?;
    Ok(Json(EndedSessions { ended }))
}

/// Invitations neither accepted nor revoked, newest first.
#[utoipa::path(get, path = "/api/v1/admin/invitations", tag = "invitations", params(Paging),
    responses((status = 200, description = "A page of invitations", body = Page<InvitationRow>)))]
async fn list_invitations(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Params(paging): Params<Paging>,
) -> Result<Json<Page<InvitationRow>>, ApiError> {
    let all = state.services.invitations.pending().await?;
    Ok(Json(paging.page_of(all)?))
}

/// Invites someone into an organization by email; someone who has an account is added at once.
#[utoipa::path(post, path = "/api/v1/admin/invitations", tag = "invitations",
    request_body = NewInvitation,
    responses(
        (status = 201, description = "Invited or added", body = Invited),
        (status = 409, description = "Already a member, or invited already", body = crate::error::ErrorBody),
        (status = 429, description = "Too many invitations to this address", body = crate::error::ErrorBody),
    ))]
async fn invite(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    request: Parts,
    Body(input): Body<NewInvitation>,
) -> Result<(StatusCode, Json<Invited>), ApiError> {
    let email =
        Email::parse(&input.email).map_err(|e| AppError::invalid("email", e.to_string()))?;
    let outcome = state
        .services
        .invitations
        .invite(&actor, &input.organization_id, email, &input.role, &request)
        .await?;
    Ok((StatusCode::CREATED, Json(Invited { outcome })))
}

/// Withdraws an invitation: links already sent stop working.
#[utoipa::path(delete, path = "/api/v1/admin/invitations/{id}", tag = "invitations",
    params(("id" = String, Path, description = "The invitation's id")),
    responses((status = 204, description = "Revoked")))]
async fn revoke_invitation(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .invitations
        .revoke(&actor, &id, &request)
        .await?;
    Ok(done())
}

/// Sends a fresh link, valid for the full time again.
#[utoipa::path(post, path = "/api/v1/admin/invitations/{id}/resend", tag = "invitations",
    params(("id" = String, Path, description = "The invitation's id")),
    responses(
        (status = 204, description = "Sent"),
        (status = 429, description = "Sent too often", body = crate::error::ErrorBody),
    ))]
async fn resend_invitation(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .invitations
        .resend(&actor, &id, &request)
        .await?;
    Ok(done())
}
