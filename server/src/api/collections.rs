//! `/api/v1/admin/collections`: importing OpenAPI documents as collections, new versions of
//! them, their settings, and which organizations may use them.

use app::access::CollectionAccess;
use app::admin::{CollectionForm, CollectionRow, CollectionSettings};
use app::error::AppError;
use app::types::Environment;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Admin, ApiState, Body, Page, Paging, Params, done};
use crate::catalog::Imported;
use crate::error::ApiError;
use crate::openapi::MAX_DOCUMENT_BYTES;

pub fn routes() -> OpenApiRouter<ApiState> {
    OpenApiRouter::new()
        .routes(routes!(list_collections, import_collection))
        .routes(routes!(get_collection, update_collection))
        .routes(routes!(replace_document))
        .routes(routes!(collection_access, grant_access))
        .routes(routes!(revoke_access))
        .layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES + 1024 * 1024))
}

/// A document imported, as a new collection or a new version of one.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportedDocument {
    pub slug: String,
    pub version: i32,
    /// What the document does that the portal cannot show well.
    pub warnings: Vec<String>,
}

impl From<Imported> for ImportedDocument {
    fn from(imported: Imported) -> Self {
        ImportedDocument {
            slug: imported.collection.slug,
            version: imported.version,
            warnings: imported.warnings,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGrant {
    pub organization_id: String,
    pub environments: Vec<Environment>,
}

/// The request body as the OpenAPI document's text (JSON or YAML).
fn document_text(body: Bytes) -> Result<String, AppError> {
    String::from_utf8(body.to_vec())
        .map_err(|_| AppError::invalid("document", app::t!("collections-api-not-utf8")))
}

/// Every collection, drafts included.
#[utoipa::path(get, path = "/api/v1/admin/collections", tag = "collections", params(Paging),
    responses((status = 200, description = "A page of collections", body = Page<CollectionRow>)))]
async fn list_collections(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Params(paging): Params<Paging>,
) -> Result<Json<Page<CollectionRow>>, ApiError> {
    let all = state.services.collections.list().await?;
    Ok(Json(paging.page_of(all)?))
}

/// Imports an OpenAPI (3.x) or Swagger (2.0) document as a new draft collection; its name and
/// description come from the document.
#[utoipa::path(post, path = "/api/v1/admin/collections", tag = "collections",
    request_body(description = "The OpenAPI document, as JSON or YAML",
        content((serde_json::Value = "application/json"), (String = "application/yaml"))),
    responses((status = 201, description = "Imported", body = ImportedDocument)))]
async fn import_collection(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    body: Bytes,
) -> Result<(StatusCode, Json<ImportedDocument>), ApiError> {
    let imported = state
        .catalog
        .import(Some(&actor), document_text(body)?, None)
        .await?;
    Ok((StatusCode::CREATED, Json(imported.into())))
}

/// A collection's settings and its document's versions.
#[utoipa::path(get, path = "/api/v1/admin/collections/{slug}", tag = "collections",
    params(("slug" = String, Path, description = "The collection's slug")),
    responses((status = 200, description = "The collection", body = CollectionSettings)))]
async fn get_collection(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
) -> Result<Json<CollectionSettings>, ApiError> {
    Ok(Json(state.services.collections.settings(&slug).await?))
}

/// Saves a collection's settings (the `form` of its GET answer): name, slug, texts, whether it
/// is listed and published, and the sandbox and production addresses of its API.
#[utoipa::path(put, path = "/api/v1/admin/collections/{slug}", tag = "collections",
    params(("slug" = String, Path, description = "The collection's slug")),
    request_body = CollectionForm,
    responses(
        (status = 200, description = "Saved; the slug may be new", body = CollectionSettings),
        (status = 409, description = "Another collection has that slug", body = crate::error::ErrorBody),
    ))]
async fn update_collection(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
    request: Parts,
    Body(form): Body<CollectionForm>,
) -> Result<Json<CollectionSettings>, ApiError> {
    let form = form.checked()?;
    let collections = &state.services.collections;
    let slug = collections.update(&actor, &slug, form, &request).await?;
    Ok(Json(collections.settings(&slug).await?))
}

/// Publishes a new version of the collection's document; earlier ones stay downloadable.
#[utoipa::path(put, path = "/api/v1/admin/collections/{slug}/document", tag = "collections",
    params(("slug" = String, Path, description = "The collection's slug")),
    request_body(description = "The OpenAPI document, as JSON or YAML",
        content((serde_json::Value = "application/json"), (String = "application/yaml"))),
    responses((status = 200, description = "The new version", body = ImportedDocument)))]
async fn replace_document(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Json<ImportedDocument>, ApiError> {
    let imported = state
        .catalog
        .replace_document(Some(&actor), &slug, document_text(body)?, None)
        .await?;
    Ok(Json(imported.into()))
}

/// The organizations that may use the collection, per environment, and its auto-approval rule.
#[utoipa::path(get, path = "/api/v1/admin/collections/{slug}/grants", tag = "collections",
    params(("slug" = String, Path, description = "The collection's slug")),
    responses((status = 200, description = "Who has access", body = CollectionAccess)))]
async fn collection_access(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
) -> Result<Json<CollectionAccess>, ApiError> {
    Ok(Json(state.services.access.collection_access(&slug).await?))
}

/// Lets an organization use the collection in the given environments.
#[utoipa::path(post, path = "/api/v1/admin/collections/{slug}/grants", tag = "collections",
    params(("slug" = String, Path, description = "The collection's slug")),
    request_body = NewGrant,
    responses((status = 204, description = "Granted")))]
async fn grant_access(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
    request: Parts,
    Body(grant): Body<NewGrant>,
) -> Result<StatusCode, ApiError> {
    if grant.environments.is_empty() {
        return Err(AppError::invalid(
            "environments",
            app::t!("collections-api-choose-environments"),
        )
        .into());
    }
    state
        .services
        .access
        .grant(
            &actor,
            &slug,
            &grant.organization_id,
            &grant.environments,
            &request,
        )
        .await?;
    Ok(done())
}

/// Ends an organization's access to one environment of the collection.
#[utoipa::path(delete, path = "/api/v1/admin/collections/{slug}/grants/{organization_id}/{environment}", tag = "collections",
    params(
        ("slug" = String, Path, description = "The collection's slug"),
        ("organization_id" = String, Path, description = "The organization's id"),
        ("environment" = Environment, Path, description = "sandbox or production"),
    ),
    responses((status = 204, description = "Revoked")))]
async fn revoke_access(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path((slug, organization_id, environment)): Path<(String, String, String)>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    let environment = Environment::parse(&environment).ok_or_else(|| {
        AppError::invalid(
            "environment",
            app::t!("collections-api-unknown-environment"),
        )
    })?;
    state
        .services
        .access
        .revoke(&actor, &slug, &organization_id, environment, &request)
        .await?;
    Ok(done())
}
