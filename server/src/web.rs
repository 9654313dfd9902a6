//! The HTTP surface: operations endpoints, static assets, the Leptos app and its server
//! functions, behind request ids, access logs, compression and security headers.

use std::sync::Arc;
use std::time::Duration;

use app::services::{ResponseStatus, Services};
use app::{App, shell};
use axum::body::Body;
use axum::extract::{FromRef, State};
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::ServiceBuilder;
use tower_http::LatencyUnit;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::Portal;
use crate::system::System;

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub system: Arc<System>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

pub fn router(portal: &Portal, leptos: LeptosOptions) -> Router {
    let services = Services {
        system: portal.system.clone(),
        sessions: portal.sessions.clone(),
    };
    let request_context = move || {
        provide_context(services.clone());
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            provide_context(ResponseStatus(Arc::new(move |code| {
                if let Ok(status) = StatusCode::from_u16(code) {
                    response.set_status(status);
                }
            })));
        }
    };
    let state = AppState {
        leptos: leptos.clone(),
        system: portal.system.clone(),
    };
    let routes = generate_route_list(App);

    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .nest_service("/pkg", assets(&leptos))
        .leptos_routes_with_context(&state, routes, request_context, {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|request: &Request<Body>| {
                            let request_id = request
                                .headers()
                                .get("x-request-id")
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or_default();
                            // The path only: query strings can carry one-time tokens.
                            tracing::info_span!(
                                "request",
                                request_id,
                                method = %request.method(),
                                path = request.uri().path(),
                            )
                        })
                        .on_request(())
                        .on_response(
                            DefaultOnResponse::new()
                                .level(Level::INFO)
                                .latency_unit(LatencyUnit::Micros),
                        ),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("same-origin"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_FRAME_OPTIONS,
                    HeaderValue::from_static("DENY"),
                ))
                .layer(CompressionLayer::new()),
        )
}

/// The WASM, JS and CSS bundle. With hashed file names a file never changes, so browsers may keep
/// it for a year; without them they must revalidate.
fn assets(leptos: &LeptosOptions) -> Router {
    let folder = std::path::Path::new(leptos.site_root.as_ref()).join(leptos.site_pkg_dir.as_ref());
    let cache = if leptos.hash_files {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    Router::new().fallback_service(
        ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache),
            ))
            .service(ServeDir::new(folder)),
    )
}

async fn healthz() -> impl IntoResponse {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(Duration::from_secs(3), state.system.ping()).await {
        Ok(Ok(latency_us)) => (
            StatusCode::OK,
            Json(serde_json::json!({
                "status": "ready",
                "database": state.system.engine,
                "latency_us": latency_us,
            })),
        ),
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness check failed");
            not_ready("the database did not answer")
        }
        Err(_) => not_ready("the database did not answer within 3 seconds"),
    }
}

fn not_ready(reason: &str) -> (StatusCode, Json<serde_json::Value>) {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(serde_json::json!({ "status": "unavailable", "reason": reason })),
    )
}
