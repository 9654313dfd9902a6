//! `/api/v1/admin/config`: the portal's configuration as one JSON document, to export from one
//! portal and import into another (see `crate::config`).

use axum::Json;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::request::Parts;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Admin, ApiState, Body};
use crate::config::{ConfigTransfer, ImportReport, PortalConfig};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<ApiState> {
    OpenApiRouter::new()
        .routes(routes!(export_config, import_config))
        .layer(DefaultBodyLimit::max(
            crate::config::routes::MAX_CONFIG_BYTES,
        ))
}

fn transfer(state: &ApiState) -> ConfigTransfer<'_> {
    ConfigTransfer {
        services: &state.services,
        catalog: &state.catalog,
    }
}

/// Branding, organizations, collections with their documents and grants, and identity
/// providers (without secrets), as one document.
#[utoipa::path(get, path = "/api/v1/admin/config", tag = "configuration",
    responses((status = 200, description = "The configuration", body = PortalConfig)))]
async fn export_config(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    request: Parts,
) -> Result<Json<PortalConfig>, ApiError> {
    Ok(Json(transfer(&state).export(&actor, &request).await?))
}

/// Adds and updates what the document describes; it never deletes. The whole document is
/// checked first: a mistake anywhere (its place is in `field`) changes nothing.
#[utoipa::path(put, path = "/api/v1/admin/config", tag = "configuration",
    request_body = PortalConfig,
    responses(
        (status = 200, description = "What changed", body = ImportReport),
        (status = 409, description = "A change conflicts with the portal (a slug taken, say)", body = crate::error::ErrorBody),
    ))]
async fn import_config(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    request: Parts,
    Body(config): Body<PortalConfig>,
) -> Result<Json<ImportReport>, ApiError> {
    Ok(Json(
        transfer(&state).import(&actor, config, &request).await?,
    ))
}
