//! The catalog's plain HTTP endpoints: downloading documents, and uploading them from the admin
//! pages (multipart forms, so files work without scripts).

use std::sync::Arc;

use app::auth::{SessionService, Viewer};
use app::error::AppError;
use app::t;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::Catalog;
use sea_orm::EntityTrait;

use crate::auth::Sessions;
use crate::entities::collection_version;
use crate::error::{ApiError, DomainError};
use crate::openapi::{self, MAX_DOCUMENT_BYTES};

#[derive(Clone)]
pub struct CatalogState {
    pub catalog: Arc<Catalog>,
    pub sessions: Arc<Sessions>,
}

pub fn routes(state: CatalogState) -> Router {
    Router::new()
        .route("/api/v1/collections/{slug}/{file}", get(download))
        .route("/admin/collections/import", post(import))
        .route("/admin/collections/{slug}/document", post(replace))
        .layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES + 1024 * 1024))
        .with_state(state)
}

async fn viewer(state: &CatalogState, headers: &HeaderMap) -> Result<Viewer, AppError> {
    app::auth::admitted(state.sessions.viewer(headers).await?)
}

#[derive(serde::Deserialize)]
struct VersionQuery {
    version: Option<i32>,
}

/// `openapi.json` or `openapi.yaml`: the document as published when the format matches, else
/// converted.
async fn download(
    State(state): State<CatalogState>,
    headers: HeaderMap,
    Path((slug, file)): Path<(String, String)>,
    Query(query): Query<VersionQuery>,
) -> Result<Response, ApiError> {
    let wanted = match file.as_str() {
        "openapi.json" => openapi::Format::Json,
        "openapi.yaml" | "openapi.yml" => openapi::Format::Yaml,
        _ => return Err(AppError::NotFound(t!("catalog-that-file")).into()),
    };
    let viewer = viewer(&state, &headers).await?;
    let (collection, _) = state.catalog.readable(&viewer, &slug).await?;
    let number = query.version.unwrap_or(collection.current_version);
    let version = collection_version::Entity::find_by_id((collection.id, number))
        .one(&state.catalog.db)
        .await
        .map_err(DomainError::from)?
        .ok_or_else(|| AppError::NotFound(t!("catalog-that-version")))?;
    let body = if version.format == wanted.as_str() {
        version.document
    } else {
        // Converting a large document takes a while: off the async threads.
        tokio::task::spawn_blocking(move || {
            let (value, _) = openapi::parse_value(&version.document).ok()?;
            match wanted {
                openapi::Format::Json => serde_json::to_string_pretty(&value).ok(),
                openapi::Format::Yaml => serde_yaml::to_string(&value).ok(),
            }
        })
        .await
        .ok()
        .flatten()
        .ok_or(AppError::Internal)?
    };
    let (content_type, extension) = match wanted {
        openapi::Format::Json => ("application/json", "json"),
        openapi::Format::Yaml => ("application/yaml", "yaml"),
    };
    let disposition = format!(
        "attachment; filename=\"{}-v{number}.{extension}\"",
        collection.slug
    );
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(|_| AppError::Internal)?,
            ),
        ],
        body,
    )
        .into_response())
}

/// Where a form post goes back to, with the outcome in the address.
fn back(path: &str, outcome: Result<(), AppError>) -> Response {
    let location = match outcome {
        Ok(()) => format!("{path}?imported=1"),
        Err(error) => {
            let message: String =
                url::form_urlencoded::byte_serialize(error.to_string().as_bytes()).collect();
            format!("{path}?error={message}")
        }
    };
    // 303: the browser follows with a GET.
    Redirect::to(&location).into_response()
}

async fn admin(state: &CatalogState, headers: &HeaderMap) -> Result<Viewer, AppError> {
    app::auth::admitted_admin(state.sessions.viewer(headers).await?)
}

/// Reads the upload form: a file, or an address to fetch the document from.
async fn document_from(mut form: Multipart) -> Result<(String, Option<String>), AppError> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        AppError::invalid(
            "document",
            t!("catalog-upload-unreadable", reason = e.body_text()),
        )
    };
    let mut file: Option<Vec<u8>> = None;
    let mut address = String::new();
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("file") => {
                let bytes = field.bytes().await.map_err(unreadable)?;
                if !bytes.is_empty() {
                    file = Some(bytes.to_vec());
                }
            }
            Some("url") => address = field.text().await.map_err(unreadable)?.trim().to_owned(),
            _ => {}
        }
    }
    let (bytes, source) = match (file, address.is_empty()) {
        (Some(bytes), _) => (bytes, None),
        (None, false) => (fetch(&address).await?, Some(address)),
        (None, true) => {
            return Err(AppError::invalid("document", t!("catalog-upload-nothing")));
        }
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| AppError::invalid("document", t!("catalog-upload-not-utf8")))?;
    Ok((text, source))
}

/// Fetches a document by address, refusing anything but http(s) and anything over the size limit.
async fn fetch(address: &str) -> Result<Vec<u8>, AppError> {
    let failed = |reason: String| {
        AppError::invalid(
            "url",
            t!("catalog-fetch-failed", address = address, reason = reason),
        )
    };
    let url = url::Url::parse(address)
        .map_err(|_| AppError::invalid("url", t!("catalog-fetch-bad-address")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(AppError::invalid("url", t!("catalog-fetch-bad-scheme")));
    }
    // Internal hosts are fine (specs often live there), but link-local addresses are where cloud
    // metadata services answer: never fetch from those. Redirects are not followed, so the check
    // holds for the address actually fetched.
    let host = url
        .host_str()
        .unwrap_or_default()
        .trim_matches(['[', ']'])
        .to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    let addresses: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
        .await
        .map_err(|e| failed(t!("catalog-fetch-unresolved", error = e.to_string())))?
        .collect();
    if addresses.iter().any(|a| crate::net::is_unroutable(a.ip())) {
        return Err(failed(t!("catalog-fetch-unroutable")));
    }
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| failed(e.to_string()))?;
    let mut response = client
        .get(url)
        .send()
        .await
        .map_err(|e| failed(e.to_string()))?;
    if response.status().is_redirection() {
        let target = response
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned)
            .unwrap_or_else(|| t!("catalog-fetch-another-address"));
        return Err(failed(t!("catalog-fetch-moved", target = target)));
    }
    if !response.status().is_success() {
        return Err(failed(t!(
            "catalog-fetch-status",
            status = response.status().to_string()
        )));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| failed(e.to_string()))? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(failed(t!(
                "catalog-fetch-too-large",
                megabytes = (MAX_DOCUMENT_BYTES / 1_048_576).to_string()
            )));
        }
    }
    Ok(bytes)
}

async fn import(
    State(state): State<CatalogState>,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let outcome = async {
        let actor = admin(&state, &headers).await?;
        let (text, source) = document_from(form).await?;
        state.catalog.import(Some(&actor), text, source).await
    }
    .await;
    match outcome {
        Ok(imported) => back(
            &format!("/admin/collections/{}", imported.collection.slug),
            Ok(()),
        ),
        Err(
            error @ (AppError::Unauthenticated | AppError::Forbidden | AppError::TermsNotAccepted),
        ) => ApiError(error).into_response(),
        Err(error) => back("/admin/collections", Err(error)),
    }
}

async fn replace(
    State(state): State<CatalogState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    form: Multipart,
) -> Response {
    let outcome = async {
        let actor = admin(&state, &headers).await?;
        let (text, source) = document_from(form).await?;
        state
            .catalog
            .replace_document(Some(&actor), &slug, text, source)
            .await
    }
    .await;
    match outcome {
        Ok(_) => back(&format!("/admin/collections/{slug}"), Ok(())),
        Err(
            error @ (AppError::Unauthenticated | AppError::Forbidden | AppError::TermsNotAccepted),
        ) => ApiError(error).into_response(),
        Err(error) => back(&format!("/admin/collections/{slug}"), Err(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn fetching_refuses_metadata_addresses_and_other_schemes() {
        let error = fetch("http://169.254.169.254/latest/meta-data")
            .await
            .expect_err("refused");
        assert!(
            error
                .to_string()
                .contains("not one documents are fetched from"),
            "{error}"
        );
        let error = fetch("file:///etc/passwd").await.expect_err("refused");
        assert!(error.to_string().contains("Only http and https"), "{error}");
    }
}
