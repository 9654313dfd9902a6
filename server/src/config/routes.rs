//! The configuration's plain endpoints for the admin pages: a download, and an upload form that
//! works without scripts and comes back to the page with the outcome in the address.

use std::sync::Arc;

use app::auth::SessionService;
use app::error::AppError;
use app::services::Services;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::{ConfigTransfer, PortalConfig};
use crate::auth::Sessions;
use crate::catalog::Catalog;
use crate::error::ApiError;
use crate::openapi::MAX_DOCUMENT_BYTES;

/// Collections carry their documents, so a configuration may be several documents' size.
pub const MAX_CONFIG_BYTES: usize = 4 * MAX_DOCUMENT_BYTES;

const PAGE: &str = "/admin/configuration";

#[derive(Clone)]
pub struct ConfigState {
    pub services: Services,
    pub catalog: Arc<Catalog>,
    pub sessions: Arc<Sessions>,
}

pub fn routes(state: ConfigState) -> Router {
    Router::new()
        .route("/admin/configuration/portico-config.json", get(download))
        .route("/admin/configuration/import", post(upload))
        .layer(DefaultBodyLimit::max(MAX_CONFIG_BYTES + 1024 * 1024))
        .with_state(state)
}

impl ConfigState {
    async fn admin(&self, request: &Parts) -> Result<app::auth::Viewer, AppError> {
        app::auth::admitted_admin(self.sessions.viewer(&request.headers).await?)
    }

    fn transfer(&self) -> ConfigTransfer<'_> {
        ConfigTransfer {
            services: &self.services,
            catalog: &self.catalog,
        }
    }
}

async fn download(State(state): State<ConfigState>, request: Parts) -> Result<Response, ApiError> {
    let actor = state.admin(&request).await?;
    let config = state.transfer().export(&actor, &request).await?;
    let body = serde_json::to_string_pretty(&config).map_err(|_| AppError::Internal)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"portico-config.json\""),
            ),
            // Addresses of people and organizations: not for shared caches.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}

/// The uploaded file, read as a configuration document.
async fn document_from(mut form: Multipart) -> Result<PortalConfig, AppError> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        AppError::invalid(
            "file",
            app::t!("server-config-upload-unreadable", reason = e.body_text()),
        )
    };
    let mut file = None;
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            let bytes = field.bytes().await.map_err(unreadable)?;
            if !bytes.is_empty() {
                file = Some(bytes);
            }
        }
    }
    let bytes =
        file.ok_or_else(|| AppError::invalid("file", app::t!("server-config-upload-missing")))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        AppError::invalid(
            "file",
            app::t!("server-config-not-a-document", reason = e.to_string()),
        )
    })
}

async fn upload(State(state): State<ConfigState>, request: Parts, form: Multipart) -> Response {
    let outcome = async {
        let actor = state.admin(&request).await?;
        let config = document_from(form).await?;
        state.transfer().import(&actor, config, &request).await
    }
    .await;
    let location = match outcome {
        Ok(report) => format!("{PAGE}?imported={}", report.changes.len()),
        Err(
            error @ (AppError::Unauthenticated | AppError::Forbidden | AppError::TermsNotAccepted),
        ) => return ApiError(error).into_response(),
        Err(error) => {
            let field = match &error {
                AppError::Invalid {
                    field: Some(field), ..
                } => format!("&field={}", encode(field)),
                _ => String::new(),
            };
            format!("{PAGE}?error={}{field}", encode(&error.to_string()))
        }
    };
    // 303: the browser follows with a GET.
    Redirect::to(&location).into_response()
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
