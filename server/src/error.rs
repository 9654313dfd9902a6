//! The server's domain error, and how it turns into what users and API clients see.

use app::error::AppError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// A rule the code itself should have kept; reaching it is a bug, reported, not panicked.
    #[error("internal invariant broken: {0}")]
    Invariant(String),
}

impl From<DomainError> for AppError {
    fn from(error: DomainError) -> Self {
        match error {
            DomainError::Database(error) => {
                tracing::error!(%error, "database error");
                AppError::Internal
            }
            DomainError::Invariant(message) => {
                tracing::error!(%message, "invariant broken");
                AppError::Internal
            }
        }
    }
}

/// The REST endpoints' error: the same `AppError`, as JSON with its status.
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(error: E) -> Self {
        ApiError(error.into())
    }
}

/// What every REST error answers with.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code: `unauthenticated`, `forbidden`, `not_found`, `conflict`, `invalid`, ….
    pub error: &'static str,
    /// What went wrong, in a sentence for people.
    pub message: String,
    /// The input field at fault, for `invalid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let code = match &self.0 {
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::TermsNotAccepted => "terms_not_accepted",
            AppError::Refused(_) => "refused",
            AppError::NotFound(_) => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::Invalid { .. } => "invalid",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::Internal => "internal",
            AppError::Upstream(_) => "upstream_failed",
            AppError::Transport(_) => "bad_gateway",
        };
        let field = match &self.0 {
            AppError::Invalid { field, .. } => field.clone(),
            _ => None,
        };
        let body = ErrorBody {
            error: code,
            message: self.0.to_string(),
            field,
        };
        let mut response = (status, Json(body)).into_response();
        if let AppError::RateLimited { retry_after_secs } = self.0 {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, retry_after_secs.into());
        }
        response
    }
}
