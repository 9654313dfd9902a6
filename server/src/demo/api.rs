//! The demo API (demo mode only): the upstream behind the demo collections, so a new portal can
//! call its APIs through the gateway at once. It answers every call with what it received.

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::IntoResponse;
use axum::routing::any;

pub fn routes() -> Router {
    Router::new()
        .route("/demo-api/{collection}/{environment}", any(echo_root))
        .route("/demo-api/{collection}/{environment}/{*path}", any(echo))
        .layer(axum::extract::DefaultBodyLimit::max(256 * 1024))
}

async fn echo_root(
    method: Method,
    Path((collection, environment)): Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> impl IntoResponse {
    echo(
        method,
        Path((collection, environment, String::new())),
        uri,
        headers,
        body,
    )
    .await
}

async fn echo(
    method: Method,
    Path((collection, environment, path)): Path<(String, String, String)>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> impl IntoResponse {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let text = String::from_utf8_lossy(&body);
    let body = serde_json::from_slice::<serde_json::Value>(&body)
        .unwrap_or_else(|_| serde_json::Value::String(text.into_owned()));
    axum::Json(serde_json::json!({
        "demo": true,
        "api": collection,
        "environment": environment,
        "method": method.as_str(),
        "path": format!("/{path}"),
        "query": uri.query().unwrap_or_default(),
        "key_id": header("x-portico-key-id"),
        "organization": header("x-portico-org"),
        "content_type": header("content-type"),
        "body": body,
    }))
}
