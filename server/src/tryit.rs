//! Try it out: a call from an operation's docs page, made by Portico through its own gateway
//! with one of the caller's organization's keys (by id: the token is never needed, and never
//! leaves the server). Only the collection's base URL for the environment can be reached, with
//! size limits, a time limit and a rate limit per person; keys and `Authorization` values are
//! never logged.

use std::collections::HashSet;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::auth::Viewer;
use app::catalog::CatalogService;
use app::error::AppError;
use app::tryit::{
    CALLS_PER_MINUTE, KeyChoice, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, Profile, ResponseBody,
    TryItCall, TryItResult, TryItService, TryItSetup, fill_path, query_string,
};
use app::types::Environment;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use base64::Engine;
use futures_util::StreamExt;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::auth::rate_limit::{self, Limit, Verdict};
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::directory::{memberships_of, viewer_id};
use crate::entities::{access_grant, api_key, user};
use crate::error::DomainError;
use crate::gateway::proxy::{CallRecord, GatewayState, Outgoing, UpstreamFailure, send_upstream};
use crate::web::client_addr;

pub struct TryIt {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub catalog: Arc<Catalog>,
    pub gateway: GatewayState,
    /// `PORTICO_BASE_URL`, for the gateway address in code samples.
    pub base_url: url::Url,
    /// For the whole call, the answer's body included.
    pub timeout: Duration,
}

fn db_error(error: sea_orm::DbErr) -> AppError {
    DomainError::from(error).into()
}

/// Headers a person may not set from the console: the connection's own, what the gateway
/// states, and what Portico sets from the form itself.
fn settable_header(name: &HeaderName) -> bool {
    const FIXED: [&str; 13] = [
        "host",
        "content-length",
        "content-type",
        "cookie",
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "proxy-authorization",
        "x-api-key",
        "forwarded",
    ];
    let name = name.as_str();
    !FIXED.contains(&name) && !name.starts_with("x-portico-") && !name.starts_with("x-forwarded-")
}

/// Whether an address is one the public internet routes to (the console calls private ones only
/// when the admin's base URL names them itself).
fn is_public(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => {
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.octets()[0] == 0
                // Shared address space (carrier-grade NAT), 100.64.0.0/10.
                || (v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                // Unique local fc00::/7 and link-local fe80::/10.
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// Refuses a base URL whose host name leads to a private address, unless the admin wrote a
/// private address (or `localhost`) into the base URL itself: then it is what they meant.
async fn check_destination(base: &str) -> Result<(), AppError> {
    let url = url::Url::parse(base).map_err(|_| not_configured())?;
    let port = url.port_or_known_default().unwrap_or(443);
    let host = match url.host() {
        Some(url::Host::Domain(domain)) if domain.eq_ignore_ascii_case("localhost") => {
            return Ok(());
        }
        Some(url::Host::Domain(domain)) => domain.to_owned(),
        Some(url::Host::Ipv4(_)) | Some(url::Host::Ipv6(_)) => return Ok(()),
        None => return Err(not_configured()),
    };
    let addresses: Vec<IpAddr> = tokio::net::lookup_host((host.as_str(), port))
        .await
        .map_err(|_| {
            AppError::Upstream(format!("The API's host {host} could not be found (DNS)."))
        })?
        .map(|socket| socket.ip())
        .collect();
    if addresses.iter().any(|address| !is_public(*address)) {
        return Err(AppError::Refused(format!(
            "The API's host {host} leads to a private network address, which the console does \
             not call. An admin can set the base URL to that address itself if it is meant."
        )));
    }
    Ok(())
}

fn not_configured() -> AppError {
    AppError::Upstream("This API has no valid address for this environment.".to_owned())
}

impl TryIt {
    /// Environments (with each one's collections) in which the viewer's organizations hold a
    /// live grant.
    async fn grants(&self, viewer: &Viewer) -> Result<Vec<access_grant::Model>, AppError> {
        let organizations: Vec<Uuid> = memberships_of(&self.db, viewer_id(viewer)?)
            .await?
            .into_iter()
            .filter(|(organization, _)| {
                organization.portal_access && organization.archived_at.is_none()
            })
            .map(|(organization, _)| organization.id)
            .collect();
        let now = self.clock.now();
        Ok(access_grant::Entity::find()
            .filter(access_grant::Column::OrganizationId.is_in(organizations))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .filter(|grant| grant.expires_at.is_none_or(|at| at > now))
            .collect())
    }

    /// Only the keys of the viewer's organizations may be used; anything else is "not found".
    async fn own_key(&self, viewer: &Viewer, key_id: &str) -> Result<api_key::Model, AppError> {
        let not_found = || AppError::invalid("key_id", "Choose one of your organization's keys.");
        let id = Uuid::parse_str(key_id.trim()).map_err(|_| not_found())?;
        let key = api_key::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .ok_or_else(not_found)?;
        let mine = memberships_of(&self.db, viewer_id(viewer)?)
            .await?
            .iter()
            .any(|(organization, _)| organization.id == key.organization_id);
        if mine { Ok(key) } else { Err(not_found()) }
    }

    /// The headers of the call, from the form: declared header and cookie parameters, and the
    /// body's content type.
    fn headers(
        call: &TryItCall,
        declared: &HashSet<(String, String)>,
    ) -> Result<HeaderMap, AppError> {
        let mut headers = HeaderMap::new();
        let mut cookies = Vec::new();
        for value in &call.parameters {
            if !declared.contains(&(value.location.clone(), value.name.clone())) {
                return Err(AppError::invalid(
                    "parameters",
                    format!(
                        "`{}` is not a {} parameter of this operation.",
                        value.name, value.location
                    ),
                ));
            }
            if value.value.is_empty() {
                continue;
            }
            match value.location.as_str() {
                "header" => {
                    let name = HeaderName::from_bytes(value.name.as_bytes())
                        .ok()
                        .filter(settable_header)
                        .ok_or_else(|| {
                            AppError::invalid(
                                "parameters",
                                format!("The console cannot send the header `{}`.", value.name),
                            )
                        })?;
                    let header_value = HeaderValue::from_str(&value.value).map_err(|_| {
                        AppError::invalid(
                            "parameters",
                            format!(
                                "The value of `{}` cannot be sent in a header (line breaks or \
                                 control characters).",
                                value.name
                            ),
                        )
                    })?;
                    headers.append(name, header_value);
                }
                "cookie" => {
                    if value.value.contains([';', '\r', '\n']) {
                        return Err(AppError::invalid(
                            "parameters",
                            format!(
                                "The cookie `{}` may not contain `;` or line breaks.",
                                value.name
                            ),
                        ));
                    }
                    cookies.push(format!("{}={}", value.name, value.value));
                }
                _ => {}
            }
        }
        if !cookies.is_empty() {
            let cookie = HeaderValue::from_str(&cookies.join("; "))
                .map_err(|_| AppError::invalid("parameters", "A cookie value cannot be sent."))?;
            headers.insert(header::COOKIE, cookie);
        }
        if let (Some(content_type), Some(_)) = (&call.content_type, &call.body) {
            let value = HeaderValue::from_str(content_type)
                .map_err(|_| AppError::invalid("content_type", "That content type is garbled."))?;
            headers.insert(header::CONTENT_TYPE, value);
        }
        Ok(headers)
    }
}

/// Reads the answer's body up to the limit (and one byte more, to know it was cut) or until the
/// deadline.
async fn read_limited(body: Body, deadline: Instant) -> Result<(Vec<u8>, bool), AppError> {
    let mut stream = body.into_data_stream();
    let mut bytes = Vec::new();
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        let next = tokio::time::timeout(remaining, stream.next())
            .await
            .map_err(|_| timed_out())?;
        match next {
            None => return Ok((bytes, false)),
            Some(Err(_)) => {
                return Err(AppError::Upstream(
                    "The API broke off its answer.".to_owned(),
                ));
            }
            Some(Ok(chunk)) => {
                bytes.extend_from_slice(&chunk);
                if bytes.len() > MAX_RESPONSE_BYTES {
                    bytes.truncate(MAX_RESPONSE_BYTES);
                    return Ok((bytes, true));
                }
            }
        }
    }
}

fn timed_out() -> AppError {
    AppError::Upstream("The API did not answer in time.".to_owned())
}

/// Text when the content type says so or the bytes are UTF-8 without control characters.
fn body_of(bytes: Vec<u8>, content_type: &str) -> ResponseBody {
    if bytes.is_empty() {
        return ResponseBody::Empty;
    }
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let textual = essence.starts_with("text/")
        || essence.ends_with("json")
        || essence.ends_with("xml")
        || essence.ends_with("javascript")
        || essence == "application/x-www-form-urlencoded";
    match String::from_utf8(bytes) {
        Ok(text)
            if textual
                || !text
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) =>
        {
            ResponseBody::Text(text)
        }
        // A text cut inside a character is still text.
        Err(error) if textual && error.utf8_error().error_len().is_none() => {
            let valid = error.utf8_error().valid_up_to();
            let mut bytes = error.into_bytes();
            bytes.truncate(valid);
            ResponseBody::Text(String::from_utf8(bytes).unwrap_or_default())
        }
        Ok(text) => ResponseBody::Binary {
            base64: base64::engine::general_purpose::STANDARD.encode(text.as_bytes()),
        },
        Err(error) => ResponseBody::Binary {
            base64: base64::engine::general_purpose::STANDARD.encode(error.as_bytes()),
        },
    }
}

#[async_trait::async_trait]
impl TryItService for TryIt {
    async fn profile(&self, viewer: &Viewer) -> Result<Profile, AppError> {
        let saved = user::Entity::find_by_id(viewer_id(viewer)?)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .and_then(|user| user.environment)
            .and_then(|text| Environment::parse(&text));
        let mut choices: Vec<Environment> = self
            .grants(viewer)
            .await?
            .iter()
            .filter_map(|grant| Environment::parse(&grant.environment))
            .collect();
        choices.sort();
        choices.dedup();
        let current = match saved {
            Some(saved) if choices.contains(&saved) => saved,
            _ => choices.first().copied().unwrap_or(Environment::Sandbox),
        };
        Ok(Profile { current, choices })
    }

    async fn set_profile(&self, viewer: &Viewer, environment: Environment) -> Result<(), AppError> {
        if !self.profile(viewer).await?.choices.contains(&environment) {
            return Err(AppError::invalid(
                "environment",
                format!(
                    "Your organization has no {} access yet.",
                    environment.label().to_lowercase()
                ),
            ));
        }
        user::ActiveModel {
            id: Set(viewer_id(viewer)?),
            environment: Set(Some(environment.as_str().to_owned())),
            ..Default::default()
        }
        .update(&self.db)
        .await
        .map_err(db_error)?;
        Ok(())
    }

    async fn setup(&self, viewer: &Viewer, slug: &str) -> Result<TryItSetup, AppError> {
        let (collection, _) = self.catalog.readable(viewer, slug).await?;
        let grants: Vec<Environment> = self
            .grants(viewer)
            .await?
            .into_iter()
            .filter(|grant| grant.collection_id == collection.id)
            .filter_map(|grant| Environment::parse(&grant.environment))
            .collect();
        let environments: Vec<Environment> = Environment::ALL
            .into_iter()
            .filter(|environment| grants.contains(environment))
            .filter(|environment| match environment {
                Environment::Sandbox => collection.sandbox_url.is_some(),
                Environment::Production => collection.production_url.is_some(),
            })
            .collect();
        let memberships = memberships_of(&self.db, viewer_id(viewer)?).await?;
        let granted_organizations: HashSet<(Uuid, String)> = self
            .grants(viewer)
            .await?
            .into_iter()
            .filter(|grant| grant.collection_id == collection.id)
            .map(|grant| (grant.organization_id, grant.environment))
            .collect();
        let now = self.clock.now();
        let keys = api_key::Entity::find()
            .filter(
                api_key::Column::OrganizationId
                    .is_in(memberships.iter().map(|(organization, _)| organization.id)),
            )
            .filter(api_key::Column::Active.eq(true))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .filter(|key| key.expires_at.is_none_or(|at| at > now))
            .filter(|key| {
                granted_organizations.contains(&(key.organization_id, key.environment.clone()))
            })
            .filter_map(|key| {
                let organization = memberships
                    .iter()
                    .find(|(organization, _)| organization.id == key.organization_id)
                    .map(|(organization, _)| organization.name.clone())
                    .unwrap_or_default();
                Some(KeyChoice {
                    id: key.id.to_string(),
                    environment: Environment::parse(&key.environment)?,
                    name: key.name,
                    prefix: key.prefix,
                    organization,
                })
            })
            .collect();
        Ok(TryItSetup {
            environments,
            keys,
            gateway_url: format!(
                "{}/gateway/{}",
                self.base_url.as_str().trim_end_matches('/'),
                collection.slug
            ),
            timeout_secs: self.timeout.as_secs(),
        })
    }

    async fn call(
        &self,
        viewer: &Viewer,
        call: TryItCall,
        request: &http::request::Parts,
    ) -> Result<TryItResult, AppError> {
        let now = self.clock.now();
        let limit = Limit {
            max_hits: CALLS_PER_MINUTE,
            window_secs: 60,
        };
        if let Verdict::Refused { retry_after_secs } =
            rate_limit::hit(&self.db, &format!("try-it:{}", viewer.id), limit, now).await?
        {
            return Err(AppError::RateLimited { retry_after_secs });
        }
        if call
            .body
            .as_ref()
            .is_some_and(|b| b.len() > MAX_REQUEST_BYTES)
        {
            return Err(AppError::invalid(
                "body",
                format!(
                    "The body is larger than the console sends ({} KB at most).",
                    MAX_REQUEST_BYTES / 1024
                ),
            ));
        }
        let operation = self
            .catalog
            .operation(viewer, &call.slug, &call.operation_id)
            .await?;
        if !operation.collection.has_access {
            return Err(AppError::Refused(
                "Your organization has no access to this API yet: request access first.".into(),
            ));
        }
        let key = self.own_key(viewer, &call.key_id).await?;
        if key.environment != call.environment.as_str() {
            return Err(AppError::invalid(
                "key_id",
                format!(
                    "This key is for {}; choose a {} key.",
                    key.environment,
                    call.environment.as_str()
                ),
            ));
        }
        let declared: HashSet<(String, String)> = operation
            .parameters
            .iter()
            .map(|p| (p.location.clone(), p.name.clone()))
            .collect();
        for parameter in operation.parameters.iter().filter(|p| p.location == "path") {
            let filled = call
                .parameters
                .iter()
                .any(|v| v.location == "path" && v.name == parameter.name && !v.value.is_empty());
            if !filled {
                return Err(AppError::invalid(
                    "parameters",
                    format!("Fill in the path parameter `{}`.", parameter.name),
                ));
            }
        }
        let headers = Self::headers(&call, &declared)?;
        let method = Method::from_bytes(operation.method.to_uppercase().as_bytes())
            .map_err(|_| AppError::Internal)?;
        let path = fill_path(&operation.path, &call.parameters);
        let query = query_string(&call.parameters);

        let client = client_addr(&request.extensions);
        let record = CallRecord::start(client);
        let gateway = &self.gateway.gateway;
        let environment = call.environment.as_str();
        let authorized = match gateway
            .authorize_key(key.id, &call.slug, environment, client)
            .await
        {
            Ok(authorized) => authorized,
            Err(refusal) => {
                record.refused(gateway, &refusal, environment);
                return Err(AppError::Refused(refusal.denial.message()));
            }
        };
        check_destination(&authorized.upstream).await?;

        let started = Instant::now();
        let deadline = started + self.timeout;
        let outgoing = Outgoing::from_portal(
            method,
            path.trim_start_matches('/').to_owned(),
            query.strip_prefix('?').map(str::to_owned),
            headers,
            Body::from(call.body.clone().unwrap_or_default()),
            client,
        );
        let answer = send_upstream(
            &self.gateway,
            &authorized,
            environment,
            outgoing,
            &record,
            self.timeout.min(self.gateway.timeout),
        )
        .await
        .map_err(|failure| match failure {
            UpstreamFailure::BadPath => AppError::invalid("parameters", failure.message()),
            UpstreamFailure::Timeout => timed_out(),
            UpstreamFailure::NotConfigured | UpstreamFailure::Unreachable => {
                AppError::Upstream(failure.message())
            }
        })?;
        let status = answer.status().as_u16();
        let (parts, body) = answer.into_parts();
        let (bytes, truncated) = read_limited(body, deadline).await?;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let headers = parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let received_bytes = bytes.len() as u64;
        Ok(TryItResult {
            status,
            elapsed_ms,
            headers,
            body: body_of(bytes, &content_type),
            content_type,
            received_bytes,
            truncated,
            target: format!("{path}{query}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_not_public() {
        for private in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "127.0.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(private.parse().expect("ip")), "{private}");
        }
        for public in ["93.184.216.34", "2606:4700::1111", "100.128.0.1"] {
            assert!(is_public(public.parse().expect("ip")), "{public}");
        }
    }

    #[test]
    fn the_console_cannot_set_connection_or_gateway_headers() {
        for name in [
            "host",
            "content-length",
            "x-portico-org",
            "x-forwarded-for",
            "x-api-key",
        ] {
            assert!(!settable_header(&HeaderName::from_static(name)), "{name}");
        }
        for name in ["x-request-id", "accept", "authorization", "if-none-match"] {
            assert!(settable_header(&HeaderName::from_static(name)), "{name}");
        }
    }

    #[test]
    fn bodies_are_text_or_binary() {
        assert_eq!(body_of(Vec::new(), "text/plain"), ResponseBody::Empty);
        assert_eq!(
            body_of(b"{\"a\":1}".to_vec(), "application/json"),
            ResponseBody::Text("{\"a\":1}".into())
        );
        assert_eq!(
            body_of(b"plain".to_vec(), ""),
            ResponseBody::Text("plain".into())
        );
        assert!(matches!(
            body_of(vec![0x89, b'P', b'N', b'G', 0, 1], "image/png"),
            ResponseBody::Binary { .. }
        ));
        // Cut in the middle of "é": the whole characters stay.
        let mut cut = "café".as_bytes().to_vec();
        cut.pop();
        assert_eq!(body_of(cut, "text/plain"), ResponseBody::Text("caf".into()));
    }
}
