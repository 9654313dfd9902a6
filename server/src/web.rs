//! The HTTP surface: operations endpoints, static assets, the Leptos app and its server
//! functions, behind request ids, access logs, compression and security headers.

use std::sync::Arc;
use std::time::Duration;

use app::services::ResponseStatus;
use app::{App, shell};
use axum::body::Body;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRef, FromRequestParts, State};
use axum::http::Method;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::middleware::Next;
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
    let services = portal.services();
    let auth = crate::auth::routes::routes(crate::auth::routes::AuthState {
        magic_links: portal.magic_links.clone(),
        sessions: portal.sessions.clone(),
        outbox: portal.dev_outbox(),
        sso: portal.sso.clone(),
    });
    let catalog = crate::catalog::routes::routes(crate::catalog::routes::CatalogState {
        catalog: portal.catalog.clone(),
        sessions: portal.sessions.clone(),
    });
    let audit_export = crate::audit::log::routes(crate::audit::log::ExportState {
        db: portal.db.clone(),
        sessions: portal.sessions.clone(),
        clock: portal.clock.clone(),
    });
    let configuration = crate::config::routes::routes(crate::config::routes::ConfigState {
        services: services.clone(),
        catalog: portal.catalog.clone(),
        sessions: portal.sessions.clone(),
    });
    let language = crate::i18n::routes(crate::i18n::LanguageState {
        sessions: portal.sessions.clone(),
    });
    let management_api = crate::api::routes(crate::api::ApiState {
        tokens: portal.api_tokens.clone(),
        services: services.clone(),
        catalog: portal.catalog.clone(),
    });
    let trusted_origin = portal.settings.base_url.origin().ascii_serialization();
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
    let trusted_proxies = Arc::new(portal.settings.trusted_proxies.clone());

    // The gateway answers API clients: none of the portal's page layers (compression, access
    // logs per request, cross-site checks for browsers) belong on its path.
    let gateway = crate::gateway::proxy::routes(portal.gateway_state.clone());
    let demo_api = if portal.settings.demo {
        crate::demo::api::routes()
    } else {
        Router::new()
    };
    let portal_pages = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .nest_service("/pkg", assets(&leptos))
        .leptos_routes_with_context(&state, routes, request_context, {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .merge(auth)
        .merge(catalog)
        .merge(audit_export)
        .merge(configuration)
        .merge(language)
        .merge(management_api)
        .layer(axum::middleware::from_fn(server_fn_error_status))
        .layer(axum::middleware::from_fn(crate::i18n::request_language))
        .layer(axum::middleware::from_fn(move |request, next| {
            refuse_cross_site(trusted_origin.clone(), request, next)
        }))
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
        .layer(axum::middleware::from_fn(move |request, next| {
            decide_client_addr(trusted_proxies.clone(), request, next)
        }));
    Router::new()
        .merge(gateway)
        .merge(demo_api)
        .merge(portal_pages)
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

/// Leptos answers every failed server function with 500 and the `AppError` as the body; give the
/// answer the status that error stands for (401, 403, 404, 422, 429, …). This covers failures
/// before the function body runs too, such as arguments that do not parse.
async fn server_fn_error_status(request: Request<Body>, next: Next) -> axum::response::Response {
    let is_server_fn = request.uri().path().starts_with("/rpc/");
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    if let Ok(error) = serde_json::from_slice::<app::error::AppError>(&bytes)
        && let Ok(status) = StatusCode::from_u16(error.status())
    {
        parts.status = status;
    }
    axum::response::Response::from_parts(parts, Body::from(bytes))
}

/// The client's address as decided once per request by `decide_client_addr`.
#[derive(Debug, Clone, Copy)]
struct ClientIp(IpAddr);

/// The client's address: the TCP peer, or, when the peer is a trusted proxy, the address it
/// forwarded (see `client_behind`).
pub fn client_addr(extensions: &http::Extensions) -> Option<IpAddr> {
    extensions
        .get::<ClientIp>()
        .map(|ClientIp(ip)| *ip)
        .or_else(|| {
            extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| peer.ip())
        })
}

/// Who is behind `peer`. Only a trusted proxy's `X-Forwarded-For` counts, read from the nearest
/// hop outwards: the first address that is not itself a trusted proxy is the client. Whatever a
/// client wrote further left is never reached; an entry that is not an address ends the walk at
/// the last trusted hop (only a client can have written it).
pub fn client_behind(
    peer: IpAddr,
    headers: &http::HeaderMap,
    trusted: &app::keys::CidrList,
) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut nearest_trusted = peer;
    for entry in entries.iter().rev() {
        let Ok(hop) = entry.parse::<IpAddr>() else {
            return nearest_trusted;
        };
        if !trusted.contains(hop) {
            return hop;
        }
        nearest_trusted = hop;
    }
    nearest_trusted
}

async fn decide_client_addr(
    trusted: Arc<app::keys::CidrList>,
    mut request: Request<Body>,
    next: Next,
) -> axum::response::Response {
    if let Some(ConnectInfo(peer)) = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .copied()
    {
        let client = client_behind(peer.ip(), request.headers(), &trusted);
        request.extensions_mut().insert(ClientIp(client));
    }
    next.run(request).await
}

/// Extracts `client_addr` in handlers.
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(client_addr(&parts.extensions)))
    }
}

/// Refuses state-changing requests that a browser marks as coming from another site. Browsers
/// send `Sec-Fetch-Site` and `Origin` with every POST; API clients send neither and are
/// authenticated by other means than cookies.
async fn refuse_cross_site(
    trusted_origin: String,
    request: Request<Body>,
    next: Next,
) -> axum::response::Response {
    let safe_method = matches!(
        request.method(),
        &Method::GET | &Method::HEAD | &Method::OPTIONS
    );
    if !safe_method && is_cross_site(request.headers(), &trusted_origin) {
        tracing::warn!(path = request.uri().path(), "refused a cross-site request");
        return crate::error::ApiError(app::error::AppError::Forbidden).into_response();
    }
    next.run(request).await
}

fn is_cross_site(headers: &http::HeaderMap, trusted_origin: &str) -> bool {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match header("sec-fetch-site") {
        Some("same-origin") | Some("none") => false,
        Some(_) => true,
        None => header("origin").is_some_and(|origin| origin != trusted_origin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_trusted_proxies_name_the_client() {
        let trusted = app::keys::CidrList::parse("10.0.0.0/8").expect("cidr");
        let client = |peer: &str, forwarded: &'static str| {
            let mut map = http::HeaderMap::new();
            if !forwarded.is_empty() {
                map.insert("x-forwarded-for", HeaderValue::from_static(forwarded));
            }
            client_behind(peer.parse().expect("ip"), &map, &trusted).to_string()
        };
        assert_eq!(
            client("198.51.100.9", "203.0.113.7"),
            "198.51.100.9",
            "untrusted peer"
        );
        assert_eq!(client("10.0.0.2", "203.0.113.7"), "203.0.113.7");
        assert_eq!(
            client("10.0.0.2", "203.0.113.7, 10.0.0.3"),
            "203.0.113.7",
            "two proxies"
        );
        assert_eq!(
            client("10.0.0.2", "192.0.2.66, 203.0.113.7"),
            "203.0.113.7",
            "what the client wrote in front is ignored"
        );
        assert_eq!(
            client("10.0.0.2", "x, 203.0.113.7"),
            "203.0.113.7",
            "garbage in front is never reached"
        );
        assert_eq!(
            client("10.0.0.2", "203.0.113.7, x"),
            "10.0.0.2",
            "garbage nearest ends the walk at the last trusted hop"
        );
        assert_eq!(client("10.0.0.2", "10.0.0.5"), "10.0.0.5", "all trusted");
        assert_eq!(client("10.0.0.2", ""), "10.0.0.2");
    }

    #[test]
    fn cross_site_posts_are_recognised() {
        let origin = "https://portal.example.com";
        assert!(
            !is_cross_site(&headers(&[]), origin),
            "API clients send neither header"
        );
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            origin
        ));
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "none")]),
            origin
        ));
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            origin
        ));
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "same-site")]),
            origin
        ));
        assert!(!is_cross_site(
            &headers(&[("origin", "https://portal.example.com")]),
            origin
        ));
        assert!(is_cross_site(
            &headers(&[("origin", "https://evil.example")]),
            origin
        ));
        assert!(is_cross_site(&headers(&[("origin", "null")]), origin));
    }
}
