//! `/api/v1/admin/identity-providers`: single sign-on providers added, changed, tested, switched
//! and deleted. Secrets go in and never come out.

use app::admin::{ConnectionCheck, ProviderConfig, ProviderRow};
use app::error::AppError;
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
        .routes(routes!(list_providers))
        .routes(routes!(get_provider, put_provider, delete_provider))
        .routes(routes!(set_enabled))
        .routes(routes!(test_provider))
}

/// A provider's settings, with its client secret.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProviderInput {
    #[serde(flatten)]
    pub provider: ProviderConfig,
    /// Left out: the saved secret stays, unless the issuer or client id change.
    #[schema(write_only)]
    pub client_secret: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    pub enabled: bool,
}

/// Every provider: those added here, and those declared in the portal's settings (read-only).
#[utoipa::path(get, path = "/api/v1/admin/identity-providers", tag = "identity providers", params(Paging),
    responses((status = 200, description = "A page of providers", body = Page<ProviderRow>)))]
async fn list_providers(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Params(paging): Params<Paging>,
) -> Result<Json<Page<ProviderRow>>, ApiError> {
    let all = state.services.identity_providers.list().await?;
    Ok(Json(paging.page_of(all)?))
}

/// A provider's settings, without its secret.
#[utoipa::path(get, path = "/api/v1/admin/identity-providers/{slug}", tag = "identity providers",
    params(("slug" = String, Path, description = "The provider's slug")),
    responses((status = 200, description = "The provider", body = ProviderConfig)))]
async fn get_provider(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
) -> Result<Json<ProviderConfig>, ApiError> {
    let editor = state
        .services
        .identity_providers
        .editor(Some(&slug))
        .await?;
    Ok(Json(editor.config))
}

/// Adds the provider at this slug (switched off until `enabled` is set), or changes it; a slug
/// in the body other than the address's renames it.
#[utoipa::path(put, path = "/api/v1/admin/identity-providers/{slug}", tag = "identity providers",
    params(("slug" = String, Path, description = "The provider's slug")),
    request_body = ProviderInput,
    responses(
        (status = 200, description = "Saved", body = ProviderConfig),
        (status = 409, description = "Another provider has that slug", body = crate::error::ErrorBody),
    ))]
async fn put_provider(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
    request: Parts,
    Body(input): Body<ProviderInput>,
) -> Result<Json<ProviderConfig>, ApiError> {
    let providers = &state.services.identity_providers;
    let exists = match providers.editor(Some(&slug)).await {
        Ok(_) => true,
        Err(AppError::NotFound(_)) => false,
        Err(error) => return Err(error.into()),
    };
    let mut config = input.provider;
    if !exists && config.slug != slug {
        return Err(AppError::invalid(
            "slug",
            app::t!("sso-api-add-own-slug", slug = &config.slug),
        )
        .into());
    }
    config.client_secret = input.client_secret.unwrap_or_default();
    let saved = providers
        .save(&actor, exists.then_some(slug.as_str()), config, &request)
        .await?;
    Ok(Json(providers.editor(Some(&saved)).await?.config))
}

/// Deletes a provider; people who signed in with it keep their accounts.
#[utoipa::path(delete, path = "/api/v1/admin/identity-providers/{slug}", tag = "identity providers",
    params(("slug" = String, Path, description = "The provider's slug")),
    responses((status = 204, description = "Deleted")))]
async fn delete_provider(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
    request: Parts,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .identity_providers
        .delete(&actor, &slug, &request)
        .await?;
    Ok(done())
}

/// Switches a provider on or off; sign-in follows at once.
#[utoipa::path(put, path = "/api/v1/admin/identity-providers/{slug}/enabled", tag = "identity providers",
    params(("slug" = String, Path, description = "The provider's slug")),
    request_body = Switch,
    responses((status = 204, description = "Switched")))]
async fn set_enabled(
    Admin(actor): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
    request: Parts,
    Body(switch): Body<Switch>,
) -> Result<StatusCode, ApiError> {
    state
        .services
        .identity_providers
        .set_enabled(&actor, &slug, switch.enabled, &request)
        .await?;
    Ok(done())
}

/// Reads the provider's discovery document and keys, and asks its token endpoint whether it
/// knows the client id and secret; each check comes back as a sentence.
#[utoipa::path(post, path = "/api/v1/admin/identity-providers/{slug}/test", tag = "identity providers",
    params(("slug" = String, Path, description = "The provider's slug")),
    responses((status = 200, description = "What was checked", body = Vec<ConnectionCheck>)))]
async fn test_provider(
    Admin(_): Admin,
    State(state): State<ApiState>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<ConnectionCheck>>, ApiError> {
    Ok(Json(state.services.identity_providers.test(&slug).await?))
}
