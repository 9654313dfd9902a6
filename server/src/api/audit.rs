//! `/api/v1/admin/audit-events`: the audit log, newest first, paged by id.

use app::admin::{AuditFilter, AuditPage};
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Admin, ApiState, Params};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<ApiState> {
    OpenApiRouter::new().routes(routes!(list_events))
}

/// What to show of the log; what is left out matches everything.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Who acted: an email address, or `system`.
    pub actor: Option<String>,
    /// Such as `access.approved`.
    pub action: Option<String>,
    /// The id of what the event is about.
    pub target: Option<String>,
    /// The first day included (`2026-01-31`).
    pub from: Option<String>,
    /// The last day included.
    pub to: Option<String>,
    /// Events older than this id: the `next_before` of the previous page.
    pub before: Option<String>,
}

/// Audit events, newest first; follow `next_before` for older ones.
#[utoipa::path(get, path = "/api/v1/admin/audit-events", tag = "audit log", params(EventQuery),
    responses((status = 200, description = "A page of events", body = AuditPage)))]
async fn list_events(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Params(query): Params<EventQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let filter = AuditFilter::parse(
        &text(&query.actor),
        &text(&query.action),
        &text(&query.target),
        &text(&query.from),
        &text(&query.to),
        &text(&query.before),
    )?;
    Ok(Json(state.services.audit.page(&filter).await?))
}
