//! The management API: `/api/v1/admin/...` for scripts and CI, authenticated by admin API tokens
//! (`Authorization: Bearer ptc_admin_…`). Its handlers call the same services as the admin pages,
//! and its OpenAPI 3.1 document is made from the same route table as its router, so the two
//! cannot drift apart; it is served at `/api/v1/openapi.json`.

mod access;
mod audit;
mod collections;
mod config;
mod organizations;
mod providers;
mod users;

use std::sync::Arc;

use app::auth::Viewer;
use app::error::AppError;
use app::services::Services;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{OpenApi, RefOr};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;

use crate::admin::AdminApiTokens;
use crate::catalog::Catalog;
use crate::error::{ApiError, ErrorBody};

/// Everything the handlers reach: the admin pages' services, and the catalog's importer.
#[derive(Clone)]
pub struct ApiState {
    pub tokens: Arc<AdminApiTokens>,
    pub services: Services,
    pub catalog: Arc<Catalog>,
}

/// The admin an API token acts for. Every handler takes one, so none runs unauthenticated.
pub struct Admin(pub Viewer);

impl FromRequestParts<ApiState> for Admin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, Response> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "));
        let outcome = match bearer {
            Some(token) => state.tokens.authenticate(token).await,
            None => Err(AppError::Unauthenticated),
        };
        outcome.map(Admin).map_err(|error| {
            let challenge = matches!(error, AppError::Unauthenticated);
            let mut response = ApiError(error).into_response();
            if challenge {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"portico-admin\""),
                );
            }
            response
        })
    }
}

/// A JSON object as the request body; one that does not parse answers 422 with the error body
/// every other mistake gets, instead of axum's plain text. (serde would take an array for a
/// struct, field by field; the API's bodies are objects, so anything else is refused.)
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let invalid = |message: String| {
            ApiError(AppError::Invalid {
                field: None,
                message,
            })
        };
        let Json(value) = Json::<serde_json::Value>::from_request(request, state)
            .await
            .map_err(|rejection| invalid(rejection.body_text()))?;
        if !value.is_object() {
            return Err(invalid(app::t!("server-api-json-object")));
        }
        serde_json::from_value(value).map(Body).map_err(|error| {
            invalid(app::t!(
                "server-api-body-mismatch",
                reason = error.to_string()
            ))
        })
    }
}

/// Query parameters, with the same 422 answer as `Body` when they do not parse.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Params(value))
            .map_err(|rejection| {
                ApiError(AppError::Invalid {
                    field: None,
                    message: rejection.body_text(),
                })
            })
    }
}

/// Which page of a list to answer with.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// From 1.
    #[param(minimum = 1, maximum = 1000000)]
    pub page: Option<u32>,
    /// From 1 to 200; 50 when left out.
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<u32>,
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    /// How many there are in all, on every page.
    pub total: u64,
}

impl Paging {
    pub fn page_of<T>(&self, all: Vec<T>) -> Result<Page<T>, AppError> {
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(50);
        if !(1..=1_000_000).contains(&page) {
            return Err(AppError::invalid(
                "page",
                app::t!("server-api-page-invalid"),
            ));
        }
        if !(1..=200).contains(&per_page) {
            return Err(AppError::invalid(
                "per_page",
                app::t!("server-api-per-page-invalid"),
            ));
        }
        let total = all.len() as u64;
        let skip = (page as usize - 1).saturating_mul(per_page as usize);
        Ok(Page {
            items: all.into_iter().skip(skip).take(per_page as usize).collect(),
            page,
            per_page,
            total,
        })
    }
}

/// 204: done, nothing to say.
pub fn done() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// The route table: each resource's handlers, with their OpenAPI descriptions.
fn table() -> OpenApiRouter<ApiState> {
    OpenApiRouter::new()
        .merge(organizations::routes())
        .merge(users::routes())
        .merge(collections::routes())
        .merge(access::routes())
        .merge(providers::routes())
        .merge(audit::routes())
        .merge(config::routes())
}

/// The management API's routes, with `/api/v1/openapi.json`.
pub fn routes(state: ApiState) -> Router {
    let (router, mut document) = table().split_for_parts();
    describe(&mut document);
    let json = document_json(&document);
    router.with_state(state).route(
        "/api/v1/openapi.json",
        get(move || {
            let json = json.clone();
            async move { ([(header::CONTENT_TYPE, "application/json")], json) }
        }),
    )
}

/// The OpenAPI document as served; it follows from the route table alone.
pub fn document() -> String {
    let (_, mut document) = table().split_for_parts();
    describe(&mut document);
    document_json(&document)
}

/// The slug of the collection that publishes this API in the portal's own catalog.
pub use app::admin::MANAGEMENT_API_SLUG as COLLECTION_SLUG;

/// Publishes the document in the portal's catalog (hidden from Discover; admins read it), as a
/// new version whenever it changed since the last start.
pub async fn publish(catalog: &Catalog) -> Result<(), AppError> {
    catalog.keep_own_document(COLLECTION_SLUG, document()).await
}

fn document_json(document: &OpenApi) -> String {
    document.to_pretty_json().unwrap_or_else(|error| {
        tracing::error!(%error, "the OpenAPI document could not be written");
        "{}".to_owned()
    })
}

/// What every operation shares, added in one place: the title, the bearer scheme, and the error
/// answers (401 and 403 everywhere; 404 where the path names something; 422 where there is
/// input to check).
fn describe(document: &mut OpenApi) {
    use utoipa::openapi::response::{Response as ApiResponse, ResponseBuilder};
    use utoipa::openapi::{ContentBuilder, InfoBuilder, Ref};

    document.info = InfoBuilder::new()
        .title("Portico management API")
        .version(env!("CARGO_PKG_VERSION"))
        .description(Some(
            "Run a Portico developer portal from scripts: organizations, users, invitations, \
             collections and their OpenAPI documents, access requests and grants, identity \
             providers and the audit log; the whole configuration exported and imported as one \
             document. Authenticate with an admin API token, made in the \
             portal under Admin → API tokens, sent as `Authorization: Bearer <token>`. Errors \
             answer with a JSON body `{\"error\", \"message\", \"field\"}`.",
        ))
        .build();
    let components = document.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "admin_token",
        SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
    );
    components.schemas.insert(
        <ErrorBody as ToSchema>::name().into_owned(),
        <ErrorBody as utoipa::PartialSchema>::schema(),
    );
    let error = |description: &str| -> RefOr<ApiResponse> {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build(),
        )
    };
    let requirement =
        utoipa::openapi::security::SecurityRequirement::new("admin_token", Vec::<String>::new());
    for (path, item) in document.paths.paths.iter_mut() {
        let names_something = path.contains('{');
        for operation in [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            operation.security = Some(vec![requirement.clone()]);
            let takes_input = operation.request_body.is_some()
                || operation
                    .parameters
                    .as_ref()
                    .is_some_and(|parameters| !parameters.is_empty());
            let responses = &mut operation.responses.responses;
            responses.insert(
                "401".into(),
                error("No token, or one that is unknown, expired or revoked."),
            );
            responses.insert(
                "403".into(),
                error("The token's admin is no longer a portal admin, or the change is refused."),
            );
            if names_something {
                responses.insert("404".into(), error("Nothing by that id or slug."));
            }
            if takes_input {
                responses.insert(
                    "422".into(),
                    error("The input is not valid; `field` names the culprit."),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_counts_from_one_and_bounds_the_page_size() {
        let paging = Paging {
            page: Some(2),
            per_page: Some(2),
        };
        let page = paging.page_of(vec![1, 2, 3, 4, 5]).expect("valid");
        assert_eq!((page.items, page.total), (vec![3, 4], 5));
        let past_the_end = Paging {
            page: Some(9),
            per_page: Some(2),
        };
        assert!(
            past_the_end
                .page_of(vec![1])
                .expect("valid")
                .items
                .is_empty()
        );
        for (page, per_page) in [(Some(0), None), (None, Some(0)), (None, Some(201))] {
            assert!(matches!(
                Paging { page, per_page }.page_of(vec![1]),
                Err(AppError::Invalid { .. })
            ));
        }
    }

    #[test]
    fn the_document_is_openapi_3_1_and_every_operation_needs_a_token() {
        let document: serde_json::Value =
            serde_json::from_str(&document()).expect("the document is JSON");
        assert_eq!(document["openapi"], "3.1.0");
        let paths = document["paths"].as_object().expect("paths");
        assert!(paths.len() >= 10, "{} paths", paths.len());
        for (path, item) in paths {
            assert!(path.starts_with("/api/v1/admin/"), "{path}");
            for (method, operation) in item.as_object().expect("path item") {
                assert_eq!(
                    operation["security"][0]["admin_token"],
                    serde_json::json!([]),
                    "{method} {path}"
                );
                assert!(operation["responses"]["401"].is_object(), "{method} {path}");
                assert!(operation["operationId"].is_string(), "{method} {path}");
            }
        }
    }
}
