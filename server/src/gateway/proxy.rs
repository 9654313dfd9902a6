//! The gateway's HTTP side: `ANY /gateway/{collection}/{environment}/{*path}` checks the key and
//! streams the call to the collection's base URL and the answer back; `/api/v1/gateway/authorize`
//! gives the same decision to nginx (`auth_request`), Traefik (ForwardAuth) and Envoy (ext_authz).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;

use super::usage::{Bucket, minute_of};
use super::{Authorized, Denial, Gateway, Refusal, ResolvedKey};
use crate::web::client_behind;

/// The HTTP(S) client that calls APIs, resolving host names with `R`.
pub type UpstreamClient<R = hyper_util::client::legacy::connect::dns::GaiResolver> =
    hyper_util::client::legacy::Client<
        hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector<R>>,
        Body,
    >;

/// A client for calling APIs: no redirects followed (an upstream's redirect goes back to the
/// caller as it is), short connect timeout, connections kept for reuse.
pub fn upstream_client<R>(resolver: R) -> UpstreamClient<R>
where
    R: tower::Service<hyper_util::client::legacy::connect::dns::Name>
        + Clone
        + Send
        + Sync
        + 'static,
    R::Response: Iterator<Item = std::net::SocketAddr>,
    R::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    R::Future: Send,
{
    let mut http = hyper_util::client::legacy::connect::HttpConnector::new_with_resolver(resolver);
    http.set_nodelay(true);
    http.set_connect_timeout(Some(std::time::Duration::from_secs(5)));
    http.enforce_http(false);
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_webpki_roots()
        .https_or_http()
        .enable_http1()
        .wrap_connector(http);
    hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .pool_max_idle_per_host(256)
        .build(connector)
}

#[derive(Clone)]
pub struct GatewayState {
    pub gateway: Arc<Gateway>,
    client: UpstreamClient,
    /// The portal's own session cookie never travels upstream.
    pub session_cookie: &'static str,
    /// How long to wait for an upstream's answer (its headers).
    pub timeout: std::time::Duration,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<app::keys::CidrList>,
}

impl GatewayState {
    pub fn new(
        gateway: Arc<Gateway>,
        session_cookie: &'static str,
        timeout: std::time::Duration,
        trusted_proxies: app::keys::CidrList,
    ) -> Result<GatewayState, std::io::Error> {
        let client = upstream_client(hyper_util::client::legacy::connect::dns::GaiResolver::new());
        Ok(GatewayState {
            gateway,
            client,
            session_cookie,
            timeout,
            trusted_proxies: Arc::new(trusted_proxies),
        })
    }
}

pub fn routes(state: GatewayState) -> Router {
    Router::new()
        .route("/gateway/{slug}/{environment}", any(proxy_root))
        .route("/gateway/{slug}/{environment}/{*path}", any(proxy))
        .route("/api/v1/gateway/authorize", any(forward_auth))
        .route(
            "/api/v1/gateway/authorize/{*original}",
            any(forward_auth_path),
        )
        .with_state(state)
}

/// Headers that belong to one connection, not to the message (RFC 9110 §7.6.1).
const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

fn strip_hop_by_hop(headers: &mut HeaderMap) {
    let listed: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|name| HeaderName::from_bytes(name.trim().as_bytes()).ok())
        .collect();
    for name in HOP_BY_HOP.iter().copied() {
        headers.remove(name);
    }
    for name in listed {
        headers.remove(name);
    }
}

/// Where the key came from, so exactly that header is taken off before the call goes upstream.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeySource {
    ApiKeyHeader,
    Bearer,
}

fn presented_key(headers: &HeaderMap) -> Option<(&str, KeySource)> {
    if let Some(key) = headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        return Some((key.trim(), KeySource::ApiKeyHeader));
    }
    let authorization = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = authorization.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| (token.trim(), KeySource::Bearer))
}

/// Whether a path segment, however many times an upstream decodes it, could mean "this folder"
/// or "the folder above" (including `..;param`, which some servers read as `..`), or hide a
/// separator.
fn climbs(segment: &str) -> bool {
    let mut decoded = segment.to_owned();
    for _ in 0..3 {
        let dots = decoded.split(';').next().unwrap_or_default();
        if dots == "." || dots == ".." || decoded.contains(['/', '\\']) {
            return true;
        }
        let next = percent_encoding::percent_decode_str(&decoded)
            .decode_utf8_lossy()
            .into_owned();
        if next == decoded {
            return false;
        }
        decoded = next;
    }
    // Encoded three times over: nobody sends that by accident.
    true
}

/// The path below the collection's base URL, unless it tries to climb out of it.
fn safe_path(path: &str) -> Option<&str> {
    let control = path.chars().any(|c| c.is_control());
    (!control && !path.split('/').any(climbs)).then_some(path)
}

fn denied(denial: Denial) -> Response {
    let status = StatusCode::from_u16(denial.status()).unwrap_or(StatusCode::FORBIDDEN);
    let mut response = (
        status,
        axum::Json(serde_json::json!({ "error": denial.code(), "message": denial.message() })),
    )
        .into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"portico\""),
        );
    }
    response
}

fn failed(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(serde_json::json!({ "error": code, "message": message })),
    )
        .into_response()
}

/// One call, from its start, for the usage figures.
pub struct CallRecord {
    started: Instant,
    client: Option<IpAddr>,
}

impl CallRecord {
    pub fn start(client: Option<IpAddr>) -> CallRecord {
        CallRecord {
            started: Instant::now(),
            client,
        }
    }

    pub fn refused(&self, gateway: &Gateway, refusal: &Refusal, environment: &str) {
        self.store_for(
            gateway,
            refusal.key.as_deref(),
            None,
            environment,
            refusal.denial.status(),
            refusal.denial.code(),
        );
    }

    fn store(
        &self,
        gateway: &Gateway,
        authorized: Option<&Authorized>,
        environment: &str,
        status: u16,
        outcome: &'static str,
    ) {
        self.store_for(
            gateway,
            authorized.map(|a| a.key.as_ref()),
            authorized.map(|a| a.collection_id),
            environment,
            status,
            outcome,
        );
    }

    fn store_for(
        &self,
        gateway: &Gateway,
        key: Option<&ResolvedKey>,
        collection: Option<uuid::Uuid>,
        environment: &str,
        status: u16,
        outcome: &'static str,
    ) {
        gateway.usage.record(
            Bucket {
                minute: minute_of(gateway.clock.now()),
                key_id: key.map(|k| k.id),
                organization_id: key.map(|k| k.organization_id),
                collection_id: collection,
                environment: app::types::Environment::parse(environment),
                status,
                outcome,
            },
            self.started.elapsed(),
            self.client,
        );
    }
}

/// Who called: the TCP peer, and the client behind it (the same, unless the peer is a trusted
/// proxy). Worked out here rather than by the portal's middleware, to keep the gateway's path
/// short.
struct Caller {
    peer: Option<IpAddr>,
    client: Option<IpAddr>,
}

fn caller(state: &GatewayState, request: &Request<Body>) -> Caller {
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip());
    Caller {
        peer,
        client: peer.map(|peer| client_behind(peer, request.headers(), &state.trusted_proxies)),
    }
}

async fn proxy_root(
    state: State<GatewayState>,
    Path((slug, environment)): Path<(String, String)>,
    request: Request<Body>,
) -> Response {
    forward(state, slug, environment, request).await
}

async fn proxy(
    state: State<GatewayState>,
    Path((slug, environment, _)): Path<(String, String, String)>,
    request: Request<Body>,
) -> Response {
    forward(state, slug, environment, request).await
}

/// The path below `/gateway/{collection}/{environment}/`, as the client sent it (still
/// percent-encoded: decoding it would turn an encoded `?` or `/` into a real one upstream).
fn raw_rest(uri: &axum::http::Uri) -> &str {
    uri.path().splitn(5, '/').nth(4).unwrap_or_default()
}

async fn forward(
    State(state): State<GatewayState>,
    slug: String,
    environment: String,
    request: Request<Body>,
) -> Response {
    let Caller { peer, client } = caller(&state, &request);
    let (parts, body) = request.into_parts();
    let record = CallRecord::start(client);
    let gateway = &state.gateway;
    let presented = presented_key(&parts.headers);
    let authorized = match gateway
        .authorize(presented.map(|(key, _)| key), &slug, &environment, client)
        .await
    {
        Ok(authorized) => authorized,
        Err(refusal) => {
            record.refused(gateway, &refusal, &environment);
            return denied(refusal.denial);
        }
    };
    let key_source = presented.map(|(_, source)| source);
    let outgoing = Outgoing {
        method: parts.method,
        path: raw_rest(&parts.uri).to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers,
        body,
        peer,
        key_source,
    };
    match send_upstream(
        &state,
        &state.client,
        &authorized,
        &environment,
        outgoing,
        &record,
        state.timeout,
    )
    .await
    {
        Ok(answer) => answer,
        Err(failure) => failure.response(),
    }
}

/// A call on its way to an API, as the caller made it.
pub struct Outgoing {
    pub method: axum::http::Method,
    /// Below the collection's base URL, percent-encoded as sent (no leading `/`).
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Body,
    /// The address the call came from (the nearest hop), for `X-Forwarded-For`.
    pub peer: Option<IpAddr>,
    key_source: Option<KeySource>,
}

impl Outgoing {
    /// A call made by Portico itself (the try-it console): no key travels with it.
    pub fn from_portal(
        method: axum::http::Method,
        path: String,
        query: Option<String>,
        headers: HeaderMap,
        body: Body,
        peer: Option<IpAddr>,
    ) -> Outgoing {
        Outgoing {
            method,
            path,
            query,
            headers,
            body,
            peer,
            key_source: None,
        }
    }
}

/// Why an allowed call got no answer from the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpstreamFailure {
    BadPath,
    NotConfigured,
    Unreachable,
    Timeout,
}

impl UpstreamFailure {
    pub fn status(self) -> StatusCode {
        match self {
            UpstreamFailure::BadPath => StatusCode::BAD_REQUEST,
            UpstreamFailure::NotConfigured | UpstreamFailure::Unreachable => {
                StatusCode::BAD_GATEWAY
            }
            UpstreamFailure::Timeout => StatusCode::GATEWAY_TIMEOUT,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            UpstreamFailure::BadPath => "bad_path",
            UpstreamFailure::NotConfigured => Denial::NotConfigured.code(),
            UpstreamFailure::Unreachable => "upstream_unreachable",
            UpstreamFailure::Timeout => "upstream_timeout",
        }
    }

    pub fn message(self) -> String {
        match self {
            UpstreamFailure::BadPath => {
                "The path may not contain . or .. segments or encoded slashes.".to_owned()
            }
            UpstreamFailure::NotConfigured => Denial::NotConfigured.message(),
            UpstreamFailure::Unreachable => "The API could not be reached.".to_owned(),
            UpstreamFailure::Timeout => "The API did not answer in time.".to_owned(),
        }
    }

    fn response(self) -> Response {
        if self == UpstreamFailure::NotConfigured {
            return denied(Denial::NotConfigured);
        }
        failed(self.status(), self.code(), &self.message())
    }
}

/// Sends an authorized call to the collection's base URL with the gateway's header rules (no
/// hop-by-hop headers, no Portico key or session, the identity headers set by the gateway
/// alone) and records it for the usage figures. `timeout` bounds the wait for the answer's head.
pub async fn send_upstream<R>(
    state: &GatewayState,
    client: &UpstreamClient<R>,
    authorized: &Authorized,
    environment: &str,
    outgoing: Outgoing,
    record: &CallRecord,
    timeout: std::time::Duration,
) -> Result<Response, UpstreamFailure>
where
    R: tower::Service<hyper_util::client::legacy::connect::dns::Name>
        + Clone
        + Send
        + Sync
        + 'static,
    R::Response: Iterator<Item = std::net::SocketAddr>,
    R::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    R::Future: Send,
{
    let gateway = &state.gateway;
    let fail = |failure: UpstreamFailure| {
        record.store(
            gateway,
            Some(authorized),
            environment,
            failure.status().as_u16(),
            failure.code(),
        );
        failure
    };
    let Some(path) = safe_path(&outgoing.path) else {
        return Err(fail(UpstreamFailure::BadPath));
    };
    let mut target = format!("{}/{path}", authorized.upstream);
    if let Some(query) = &outgoing.query {
        target.push('?');
        target.push_str(query);
    }

    let mut headers = outgoing.headers;
    strip_hop_by_hop(&mut headers);
    strip_portico_credentials(&mut headers, outgoing.key_source);
    // What the gateway states about the call, no caller may state for it.
    let own: Vec<HeaderName> = headers
        .keys()
        .filter(|name| name.as_str().starts_with("x-portico-"))
        .cloned()
        .collect();
    for name in own {
        headers.remove(name);
    }
    headers.remove("x-forwarded-host");
    if let Some(host) = headers.remove(header::HOST) {
        headers.insert("x-forwarded-host", host);
    }
    remove_cookie(&mut headers, state.session_cookie);
    if let Ok(value) = HeaderValue::from_str(&authorized.key.id.to_string()) {
        headers.insert("x-portico-key-id", value);
    }
    if let Ok(value) = HeaderValue::from_str(&authorized.key.organization) {
        headers.insert("x-portico-org", value);
    }
    // Each proxy adds the address it was called from (the nearest hop, not the client it
    // worked out behind a trusted proxy).
    if let Some(peer) = outgoing.peer {
        let forwarded = match headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()) {
            Some(earlier) => format!("{earlier}, {peer}"),
            None => peer.to_string(),
        };
        if let Ok(value) = HeaderValue::from_str(&forwarded) {
            headers.insert("x-forwarded-for", value);
        }
    }

    let Ok(uri) = target.parse::<axum::http::Uri>() else {
        return Err(fail(UpstreamFailure::NotConfigured));
    };
    let mut request = Request::new(outgoing.body);
    *request.method_mut() = outgoing.method;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    match tokio::time::timeout(timeout, client.request(request)).await {
        Ok(Ok(answer)) => {
            record.store(
                gateway,
                Some(authorized),
                environment,
                answer.status().as_u16(),
                "ok",
            );
            let (mut parts, body) = answer.into_parts();
            strip_hop_by_hop(&mut parts.headers);
            Ok(Response::from_parts(parts, Body::new(body)))
        }
        Ok(Err(error)) => {
            tracing::warn!(%error, upstream = %authorized.upstream, "upstream call failed");
            Err(fail(UpstreamFailure::Unreachable))
        }
        Err(_) => Err(fail(UpstreamFailure::Timeout)),
    }
}

/// Takes a Portico key off the call: the header it came in, and any other `X-API-Key` or
/// `Authorization` that holds one (an SDK may send both), so no Portico key reaches an API.
fn strip_portico_credentials(headers: &mut HeaderMap, source: Option<KeySource>) {
    headers.remove("x-api-key");
    let bearer_key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .is_some_and(|(scheme, token)| {
            scheme.eq_ignore_ascii_case("bearer")
                && crate::keys::token::ApiKeyToken::parse(token).is_ok()
        });
    if bearer_key || source == Some(KeySource::Bearer) {
        headers.remove(header::AUTHORIZATION);
    }
}

/// Takes the portal's session cookie out of every `Cookie` header, keeping the other cookies
/// (as bytes: a cookie need not be ASCII). The header goes when nothing else is left.
fn remove_cookie(headers: &mut HeaderMap, name: &str) {
    if !headers.contains_key(header::COOKIE) {
        return;
    }
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for value in headers.get_all(header::COOKIE) {
        for pair in value.as_bytes().split(|b| *b == b';') {
            let pair = pair.trim_ascii();
            let pair_name = pair.split(|b| *b == b'=').next().unwrap_or_default();
            if !pair.is_empty() && pair_name.trim_ascii() != name.as_bytes() {
                kept.push(pair.to_vec());
            }
        }
    }
    headers.remove(header::COOKIE);
    if !kept.is_empty()
        && let Ok(value) = HeaderValue::from_bytes(&kept.join(&b"; "[..]))
    {
        headers.insert(header::COOKIE, value);
    }
}

/// The (collection, environment) a path names when it reads `/{collection}/{environment}/…`
/// (optionally below `/gateway`), with a real environment in second place.
fn target_in_path(uri: &str) -> Option<(String, String)> {
    let path = uri.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.split('/').filter(|s| !s.is_empty()).peekable();
    if segments.peek() == Some(&"gateway") {
        segments.next();
    }
    let collection = segments.next()?;
    let environment = segments.next()?;
    app::types::Environment::parse(environment)
        .map(|_| (collection.to_owned(), environment.to_owned()))
}

/// The collection and environment a forward-auth check is about. A proxy may state them
/// (`X-Portico-Collection` and `X-Portico-Environment`, set by its configuration), or they come
/// from the original path (`X-Original-URI`, `X-Forwarded-Uri`, or the path after
/// `/api/v1/gateway/authorize/`). Proxies pass the caller's own headers along too, so every
/// source that names a target must name the same one: a caller who adds a header naming another
/// API gets no answer but "no".
fn target_of(headers: &HeaderMap, original_path: Option<&str>) -> Result<(String, String), Denial> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let stated = match (
        header("x-portico-collection"),
        header("x-portico-environment"),
    ) {
        (Some(collection), Some(environment)) => Some((collection, environment)),
        (None, None) => None,
        _ => return Err(Denial::ConflictingTarget),
    };
    let mut named = stated.into_iter().chain(
        [
            original_path.map(str::to_owned),
            header("x-original-uri"),
            header("x-forwarded-uri"),
        ]
        .into_iter()
        .flatten()
        .filter_map(|uri| target_in_path(&uri)),
    );
    let first = named.next().unwrap_or_default();
    if named.any(|other| other != first) {
        return Err(Denial::ConflictingTarget);
    }
    Ok(first)
}

async fn forward_auth(state: State<GatewayState>, request: Request<Body>) -> Response {
    check(state, None, request).await
}

async fn forward_auth_path(
    state: State<GatewayState>,
    Path(original): Path<String>,
    request: Request<Body>,
) -> Response {
    check(state, Some(original), request).await
}

async fn check(
    State(state): State<GatewayState>,
    original: Option<String>,
    request: Request<Body>,
) -> Response {
    let started = Instant::now();
    let client = caller(&state, &request).client;
    let headers = request.headers();
    let record = CallRecord { started, client };
    let (slug, environment) = match target_of(headers, original.as_deref()) {
        Ok(target) => target,
        Err(denial) => {
            record.refused(&state.gateway, &Refusal::from(denial), "");
            return denied(denial);
        }
    };
    let gateway = &state.gateway;
    match gateway
        .authorize(
            presented_key(headers).map(|(key, _)| key),
            &slug,
            &environment,
            client,
        )
        .await
    {
        Ok(authorized) => {
            record.store(gateway, Some(&authorized), &environment, 200, "authorized");
            let mut response = StatusCode::OK.into_response();
            let identity = [
                ("x-portico-key-id", authorized.key.id.to_string()),
                ("x-portico-org", authorized.key.organization.clone()),
                ("x-portico-collection", slug),
                (
                    "x-portico-environment",
                    authorized.key.environment.as_str().to_owned(),
                ),
            ];
            for (name, value) in identity {
                if let Ok(value) = HeaderValue::from_str(&value) {
                    response.headers_mut().insert(name, value);
                }
            }
            response
        }
        Err(refusal) => {
            record.refused(gateway, &refusal, &environment);
            denied(refusal.denial)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_the_base_url() {
        for ok in [
            "",
            "payments",
            "payments/42/refunds",
            "a%20b",
            "v1/x.json",
            "..a",
            "a&b=c",
            "100%25",
        ] {
            assert_eq!(safe_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "..",
            "../admin",
            "a/../../b",
            "%2e%2e/x",
            "%2E%2E",
            "a/%2F/b",
            "a\\b",
            "./x",
            "a\nb",
            "&%2F..%2F..%2Fadmin",
            "..;jsessionid=1/admin",
            "%252e%252e/admin",
            "%25252e%25252e",
            "a%5Cb",
        ] {
            assert_eq!(safe_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn keys_come_from_x_api_key_or_bearer() {
        let mut headers = HeaderMap::new();
        assert!(presented_key(&headers).is_none());
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert!(presented_key(&headers).is_none());
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer  ptc_x "),
        );
        assert!(matches!(
            presented_key(&headers),
            Some(("ptc_x", KeySource::Bearer))
        ));
        headers.insert("x-api-key", HeaderValue::from_static("ptc_y"));
        assert!(matches!(
            presented_key(&headers),
            Some(("ptc_y", KeySource::ApiKeyHeader))
        ));
    }

    #[test]
    fn hop_by_hop_headers_and_the_session_cookie_stay_behind() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONNECTION,
            HeaderValue::from_static("keep-alive, x-secret"),
        );
        headers.insert("x-secret", HeaderValue::from_static("1"));
        headers.insert(
            header::TRANSFER_ENCODING,
            HeaderValue::from_static("chunked"),
        );
        headers.insert("x-kept", HeaderValue::from_static("1"));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; portico_session=abc; lang=en"),
        );
        strip_hop_by_hop(&mut headers);
        remove_cookie(&mut headers, "portico_session");
        assert!(headers.get("x-secret").is_none());
        assert!(headers.get(header::CONNECTION).is_none());
        assert!(headers.get(header::TRANSFER_ENCODING).is_none());
        assert!(headers.get("x-kept").is_some());
        assert_eq!(headers[header::COOKIE], "theme=dark; lang=en");
        let mut only_session = HeaderMap::new();
        only_session.insert(
            header::COOKIE,
            HeaderValue::from_static("portico_session=abc"),
        );
        remove_cookie(&mut only_session, "portico_session");
        assert!(only_session.get(header::COOKIE).is_none());
    }

    #[test]
    fn forward_auth_reads_the_target_from_the_original_uri() {
        let target = |pairs: &[(&'static str, &'static str)], original: Option<&str>| {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(*name, HeaderValue::from_static(value));
            }
            target_of(&headers, original)
        };
        let named = |collection: &str, environment: &str| {
            Ok((collection.to_owned(), environment.to_owned()))
        };
        assert_eq!(
            target(
                &[("x-original-uri", "/payments-api/sandbox/v2/charges?x=1")],
                None
            ),
            named("payments-api", "sandbox")
        );
        assert_eq!(
            target(&[("x-forwarded-uri", "/gateway/shipping/production")], None),
            named("shipping", "production"),
            "Traefik"
        );
        assert_eq!(
            target(&[], Some("payments-api/sandbox/x")),
            named("payments-api", "sandbox"),
            "Envoy appends the original path"
        );
        // nginx in front of one API states it; its own path says nothing about Portico's names.
        let stated = [
            ("x-portico-collection", "payments-api"),
            ("x-portico-environment", "production"),
            ("x-original-uri", "/payments/charges"),
        ];
        assert_eq!(target(&stated, None), named("payments-api", "production"));
        // A caller's own header naming another API than the path is refused.
        assert_eq!(
            target(
                &[
                    ("x-forwarded-uri", "/payments-api/production/charges"),
                    ("x-portico-collection", "free-api"),
                    ("x-portico-environment", "sandbox"),
                ],
                None
            ),
            Err(Denial::ConflictingTarget)
        );
        assert_eq!(
            target(
                &[
                    ("x-forwarded-uri", "/payments-api/production/charges"),
                    ("x-original-uri", "/free-api/sandbox/"),
                ],
                None
            ),
            Err(Denial::ConflictingTarget)
        );
        assert_eq!(
            target(&[("x-portico-collection", "free-api")], None),
            Err(Denial::ConflictingTarget),
            "half a statement"
        );
    }

    #[test]
    fn no_portico_key_or_session_reaches_the_api() {
        let token = crate::keys::token::ApiKeyToken::generate(app::types::Environment::Production);
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-api-key",
            HeaderValue::from_str(token.expose()).expect("ascii"),
        );
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Bearer {}", token.expose())).expect("ascii"),
        );
        strip_portico_credentials(&mut headers, Some(KeySource::ApiKeyHeader));
        assert!(headers.is_empty(), "both copies of the key go: {headers:?}");
        let mut own = HeaderMap::new();
        own.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer the-api-s-own-token"),
        );
        strip_portico_credentials(&mut own, Some(KeySource::ApiKeyHeader));
        assert_eq!(own[header::AUTHORIZATION], "Bearer the-api-s-own-token");

        let mut cookies = HeaderMap::new();
        cookies.append(
            header::COOKIE,
            HeaderValue::from_bytes(b"name=J\xc3\xbcrgen; portico_session=abc").expect("bytes"),
        );
        cookies.append(
            header::COOKIE,
            HeaderValue::from_static("portico_session=def; b=2"),
        );
        remove_cookie(&mut cookies, "portico_session");
        let kept: Vec<&[u8]> = cookies
            .get_all(header::COOKIE)
            .iter()
            .map(|v| v.as_bytes())
            .collect();
        assert_eq!(kept, [&b"name=J\xc3\xbcrgen; b=2"[..]]);
    }
}
