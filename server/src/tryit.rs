//! Try it out: a call from an operation's docs page, made by Portico through its own gateway
//! with one of the caller's organization's keys (by id: the token is never needed, and never
//! leaves the server). Only the collection's base URL for the environment can be reached, with
//! size limits, a time limit and a rate limit per person; keys and `Authorization` values are
//! never logged.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::auth::Viewer;
use app::catalog::CatalogService;
use app::error::AppError;
use app::t;
use app::tryit::{
    CALLS_PER_MINUTE, KeyChoice, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, Profile, ResponseBody,
    TryItCall, TryItResult, TryItService, TryItSetup, fill_path, fixed_header, query_string,
};
use app::types::Environment;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use base64::Engine;
use futures_util::StreamExt;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::access::grants;
use crate::auth::rate_limit::{self, Limit, Verdict};
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::directory::{memberships_of, viewer_id};
use crate::entities::{access_grant, api_key, organization, user};
use crate::error::DomainError;
use crate::gateway::proxy::{
    CallRecord, GatewayState, Outgoing, UpstreamClient, UpstreamFailure, send_upstream,
};
use crate::net::{PublicResolver, only_public};
use crate::web::client_addr;

pub struct TryIt {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub catalog: Arc<Catalog>,
    pub gateway: GatewayState,
    /// Its own client (own connections too): host names may only lead to public addresses.
    pub client: UpstreamClient<PublicResolver>,
    /// `PORTICO_BASE_URL`, for the gateway address in code samples.
    pub base_url: url::Url,
    /// For the whole call, the answer's body included.
    pub timeout: Duration,
}

fn db_error(error: sea_orm::DbErr) -> AppError {
    DomainError::from(error).into()
}

/// Says in plain words when a base URL's host name leads to a private address (the client's
/// resolver refuses to connect there anyway; this gives the reason). A private address or
/// `localhost` written in the admin's base URL is what they meant.
async fn check_destination(base: &str, deadline: Instant) -> Result<(), AppError> {
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
    let lookup = tokio::net::lookup_host((host.as_str(), port));
    let addresses: Vec<std::net::SocketAddr> =
        tokio::time::timeout(deadline.saturating_duration_since(Instant::now()), lookup)
            .await
            .map_err(|_| timed_out())?
            .map_err(|_| AppError::Upstream(t!("tryit-host-unknown", host = host.as_str())))?
            .collect();
    only_public(&host, addresses)
        .map_err(|_| AppError::Refused(t!("tryit-host-private", host = host.as_str())))?;
    Ok(())
}

fn not_configured() -> AppError {
    AppError::Upstream(t!("tryit-not-configured"))
}

impl TryIt {
    /// The wait for an answer's head: the console's limit, or the gateway's if that is shorter.
    fn head_timeout(&self) -> Duration {
        self.timeout.min(self.gateway.timeout)
    }

    /// The viewer's organizations that may use the portal.
    async fn open_organizations(
        &self,
        viewer: &Viewer,
    ) -> Result<Vec<organization::Model>, AppError> {
        Ok(memberships_of(&self.db, viewer_id(viewer)?)
            .await?
            .into_iter()
            .map(|(organization, _)| organization)
            .filter(|organization| organization.may_use_portal())
            .collect())
    }

    /// The live grants of the viewer's open organizations.
    async fn grants_of(
        &self,
        organizations: &[organization::Model],
    ) -> Result<Vec<access_grant::Model>, AppError> {
        let ids: Vec<Uuid> = organizations.iter().map(|o| o.id).collect();
        Ok(grants::of_organizations(&self.db, &ids, self.clock.now()).await?)
    }

    /// Only the keys of the viewer's organizations may be used; anything else is "not found".
    async fn own_key(&self, viewer: &Viewer, key_id: &str) -> Result<api_key::Model, AppError> {
        let not_found = || AppError::invalid("key_id", t!("tryit-key-not-yours"));
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
                    t!(
                        "tryit-parameter-unknown",
                        name = &value.name,
                        location = &value.location
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
                        .filter(|name| !fixed_header(name.as_str()))
                        .ok_or_else(|| {
                            AppError::invalid(
                                "parameters",
                                t!("tryit-header-fixed", name = &value.name),
                            )
                        })?;
                    let header_value = HeaderValue::from_str(&value.value).map_err(|_| {
                        AppError::invalid(
                            "parameters",
                            t!("tryit-header-value-invalid", name = &value.name),
                        )
                    })?;
                    headers.append(name, header_value);
                }
                "cookie" => {
                    if value.value.contains([';', '\r', '\n']) {
                        return Err(AppError::invalid(
                            "parameters",
                            t!("tryit-cookie-invalid", name = &value.name),
                        ));
                    }
                    cookies.push(format!("{}={}", value.name, value.value));
                }
                _ => {}
            }
        }
        if !cookies.is_empty() {
            let cookie = HeaderValue::from_str(&cookies.join("; "))
                .map_err(|_| AppError::invalid("parameters", t!("tryit-cookie-unsendable")))?;
            headers.insert(header::COOKIE, cookie);
        }
        if let (Some(content_type), Some(_)) = (&call.content_type, &call.body) {
            let value = HeaderValue::from_str(content_type)
                .map_err(|_| AppError::invalid("content_type", t!("tryit-content-type-invalid")))?;
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
                return Err(AppError::Upstream(t!("tryit-answer-broken")));
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
    AppError::Upstream(t!("tryit-timed-out"))
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
        let organizations = self.open_organizations(viewer).await?;
        let mut choices: Vec<Environment> = self
            .grants_of(&organizations)
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
                t!(
                    "tryit-profile-no-access",
                    environment = environment.as_str()
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

    async fn setup(
        &self,
        viewer: &Viewer,
        slug: &str,
        request: &http::request::Parts,
    ) -> Result<TryItSetup, AppError> {
        let (collection, _) = self.catalog.readable(viewer, slug).await?;
        let organizations = self.open_organizations(viewer).await?;
        let granted: HashSet<(Uuid, String)> = self
            .grants_of(&organizations)
            .await?
            .into_iter()
            .filter(|grant| grant.collection_id == collection.id)
            .map(|grant| (grant.organization_id, grant.environment))
            .collect();
        let environments: Vec<Environment> = Environment::ALL
            .into_iter()
            .filter(|environment| granted.iter().any(|(_, e)| e == environment.as_str()))
            .filter(|environment| match environment {
                Environment::Sandbox => collection.sandbox_url.is_some(),
                Environment::Production => collection.production_url.is_some(),
            })
            .collect();
        let client = client_addr(&request.extensions);
        let now = self.clock.now();
        let keys = api_key::Entity::find()
            .filter(api_key::Column::OrganizationId.is_in(organizations.iter().map(|o| o.id)))
            .filter(api_key::Column::Active.eq(true))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .filter(|key| key.expires_at.is_none_or(|at| at > now))
            .filter(|key| granted.contains(&(key.organization_id, key.environment.clone())))
            // A key whose rules refuse the caller's address would fail every call from here.
            .filter(|key| key.rules().admits(client).is_ok())
            .filter_map(|key| {
                let organization = organizations
                    .iter()
                    .find(|organization| organization.id == key.organization_id)
                    .map(|organization| organization.name.clone())
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
            timeout_secs: self.head_timeout().as_secs(),
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
                t!("tryit-body-too-large", kilobytes = MAX_REQUEST_BYTES / 1024),
            ));
        }
        let operation = self
            .catalog
            .operation(viewer, &call.slug, &call.operation_id)
            .await?;
        if !operation.collection.has_access {
            return Err(AppError::Refused(t!("tryit-call-no-access")));
        }
        let key = self.own_key(viewer, &call.key_id).await?;
        if key.environment != call.environment.as_str() {
            return Err(AppError::invalid(
                "key_id",
                t!(
                    "tryit-key-wrong-environment",
                    key = &key.environment,
                    wanted = call.environment.as_str()
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
                    t!("tryit-path-parameter-missing", name = &parameter.name),
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
        let started = Instant::now();
        let deadline = started + self.timeout;
        check_destination(&authorized.upstream, deadline).await?;

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
            &self.client,
            &authorized,
            environment,
            outgoing,
            &record,
            self.head_timeout()
                .min(deadline.saturating_duration_since(Instant::now())),
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
