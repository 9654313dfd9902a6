//! `/api/v1/admin/access-requests`: the requests for collections, approved or rejected once.

use app::access::{AccessRequestRow, Decision, InboxFilter};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Admin, ApiState, Body, Page, Paging, Params, done};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<ApiState> {
    OpenApiRouter::new()
        .routes(routes!(list_requests))
        .routes(routes!(approve_request))
        .routes(routes!(reject_request))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    /// `pending` (when left out), `approved`, `rejected`, `withdrawn` or `all`.
    #[param(pattern = "^(pending|approved|rejected|withdrawn|all)?$")]
    pub status: Option<String>,
    /// A collection's slug.
    pub collection: Option<String>,
    /// An organization's id.
    pub organization: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// For the requester to read.
    pub note: Option<String>,
    /// The last day of access (`2026-12-31`); access lasts until revoked when left out.
    pub expires_on: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    /// Why, for the requester to read.
    pub reason: String,
}

/// Access requests, newest first.
#[utoipa::path(get, path = "/api/v1/admin/access-requests", tag = "access requests", params(RequestQuery, Paging),
    responses((status = 200, description = "A page of requests", body = Page<AccessRequestRow>)))]
async fn list_requests(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Params(query): Params<RequestQuery>,
    Params(paging): Params<Paging>,
) -> Result<Json<Page<AccessRequestRow>>, ApiError> {
    let filter = InboxFilter::parse(
        query.status.as_deref().unwrap_or_default(),
        query.collection.as_deref().unwrap_or_default(),
        query.organization.as_deref().unwrap_or_default(),
    )?;
    let inbox = state.services.access.inbox(filter).await?;
    let requests = inbox.items.into_iter().map(|item| item.request).collect();
    Ok(Json(paging.page_of(requests)?))
}

async fn decide(
    state: &ApiState,
    actor: &app::auth::Viewer,
    id: &str,
    decision: Decision,
    request: &Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .access
        .decide(actor, id, decision, request)
        .await?;
    Ok(done())
}

/// Approves a pending request: the organization gets the environments it asked for.
#[utoipa::path(post, path = "/api/v1/admin/access-requests/{id}/approve", tag = "access requests",
    params(("id" = String, Path, description = "The request's id")),
    request_body = Approval,
    responses(
        (status = 204, description = "Approved"),
        (status = 409, description = "Decided already; the message says by whom", body = crate::error::ErrorBody),
    ))]
async fn approve_request(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
    Body(approval): Body<Approval>,
) -> Result<StatusCode, ApiError> {
    let decision = Decision::parse(
        "approve",
        approval.note.as_deref().unwrap_or_default(),
        approval.expires_on.as_deref().unwrap_or_default(),
    )?;
    decide(&state, &actor, &id, decision, &request).await
}

/// Rejects a pending request with a reason the requester reads.
#[utoipa::path(post, path = "/api/v1/admin/access-requests/{id}/reject", tag = "access requests",
    params(("id" = String, Path, description = "The request's id")),
    request_body = Rejection,
    responses(
        (status = 204, description = "Rejected"),
        (status = 409, description = "Decided already; the message says by whom", body = crate::error::ErrorBody),
    ))]
async fn reject_request(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    request: Parts,
    Body(rejection): Body<Rejection>,
) -> Result<StatusCode, ApiError> {
    let decision = Decision::parse("reject", &rejection.reason, "")?;
    decide(&state, &actor, &id, decision, &request).await
}
