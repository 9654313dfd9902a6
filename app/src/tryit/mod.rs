//! Try it out: call an operation from its docs page. The call is made by the server through
//! Portico's own gateway with one of the organization's keys, so the browser never holds a
//! secret and meets no CORS rules. The profile (sandbox or production) chooses the environment.

mod console;
pub mod display;
mod profile;
pub mod validate;

pub use console::{ConsoleOperation, TryItConsole};
pub use profile::ProfileSelector;

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::types::Environment;

/// Request bodies above this size are refused before anything is sent.
pub const MAX_REQUEST_BYTES: usize = 256 * 1024;
/// Response bodies are shown up to this size; the rest is cut with a notice.
pub const MAX_RESPONSE_BYTES: usize = 1024 * 1024;
/// Calls per person per minute.
pub const CALLS_PER_MINUTE: i32 = 30;

/// The environment a person works in, and those they may choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub current: Environment,
    /// The environments the person's organizations have any access in.
    pub choices: Vec<Environment>,
}

/// One of the organization's keys, offered for a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyChoice {
    pub id: String,
    pub name: String,
    /// The start of the token, to recognise it.
    pub prefix: String,
    pub organization: String,
    pub environment: Environment,
}

/// What the console of one collection needs besides the operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TryItSetup {
    /// The environments the viewer may call this collection in (it has a base URL there and
    /// the viewer's organization has access).
    pub environments: Vec<Environment>,
    /// Active keys of the viewer's organizations that may call this collection.
    pub keys: Vec<KeyChoice>,
    /// `{portal}/gateway/{collection}`: snippets call `{gateway_url}/{environment}{path}`.
    pub gateway_url: String,
    /// The request timeout, in seconds, for the notice under the form.
    pub timeout_secs: u64,
}

/// A filled-in parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterValue {
    /// path, query, header or cookie.
    pub location: String,
    pub name: String,
    pub value: String,
}

/// A call as the console sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TryItCall {
    pub slug: String,
    pub operation_id: String,
    pub environment: Environment,
    pub key_id: String,
    pub parameters: Vec<ParameterValue>,
    pub content_type: Option<String>,
    pub body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResponseBody {
    Empty,
    Text(String),
    /// Not text: offered as a download.
    Binary {
        base64: String,
    },
}

/// What came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TryItResult {
    pub status: u16,
    pub elapsed_ms: u64,
    pub headers: Vec<(String, String)>,
    pub content_type: String,
    pub body: ResponseBody,
    /// Bytes received (up to the limit and one more, when cut).
    pub received_bytes: u64,
    /// The body was longer than `MAX_RESPONSE_BYTES` and is cut there.
    pub truncated: bool,
    /// The path and query called, below the environment's base address.
    pub target: String,
}

/// Headers the console never takes from the form: the connection's own, what the gateway states
/// about a call, and what Portico sets itself (the key, the body's type, cookies from cookie
/// parameters). An operation that declares one of them still works; the field is just not offered.
pub fn fixed_header(name: &str) -> bool {
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
    let name = name.trim().to_ascii_lowercase();
    FIXED.contains(&name.as_str())
        || name.starts_with("x-portico-")
        || name.starts_with("x-forwarded-")
}

/// Puts parameter values into a path template: each value is one percent-encoded segment, so a
/// value can never add segments, a query or another host.
pub fn fill_path(template: &str, values: &[ParameterValue]) -> String {
    let mut path = template.to_owned();
    for value in values.iter().filter(|v| v.location == "path") {
        let encoded = percent_encoding::utf8_percent_encode(&value.value, PATH_SEGMENT).to_string();
        path = path.replace(&format!("{{{}}}", value.name), &encoded);
    }
    path
}

/// The query string of the filled-in query parameters (empty ones left out), `?` included.
pub fn query_string(values: &[ParameterValue]) -> String {
    let pairs: Vec<String> = values
        .iter()
        .filter(|v| v.location == "query" && !v.value.is_empty())
        .map(|v| {
            format!(
                "{}={}",
                percent_encoding::utf8_percent_encode(&v.name, QUERY_PART),
                percent_encoding::utf8_percent_encode(&v.value, QUERY_PART)
            )
        })
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// Everything but unreserved characters is encoded in a path segment.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
const QUERY_PART: &percent_encoding::AsciiSet = PATH_SEGMENT;

/// What the console and the profile need from the server.
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait TryItService: Send + Sync {
    async fn profile(&self, viewer: &crate::auth::Viewer) -> Result<Profile, AppError>;
    async fn set_profile(
        &self,
        viewer: &crate::auth::Viewer,
        environment: Environment,
    ) -> Result<(), AppError>;
    /// `request` tells the caller's address: keys whose rules refuse it are not offered.
    async fn setup(
        &self,
        viewer: &crate::auth::Viewer,
        slug: &str,
        request: &http::request::Parts,
    ) -> Result<TryItSetup, AppError>;
    async fn call(
        &self,
        viewer: &crate::auth::Viewer,
        call: TryItCall,
        request: &http::request::Parts,
    ) -> Result<TryItResult, AppError>;
}

#[server(prefix = "/rpc", endpoint = "set-profile")]
pub async fn set_profile(environment: String) -> Result<(), AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let environment = Environment::parse(&environment)
        .ok_or_else(|| AppError::invalid("environment", crate::t!("tryit-profile-choose")))?;
    crate::services::services()?
        .try_it
        .set_profile(&viewer, environment)
        .await
}

#[server(prefix = "/rpc", endpoint = "try-it-setup")]
pub async fn load_try_it_setup(slug: String) -> Result<TryItSetup, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let request = crate::services::request_parts()?;
    crate::services::services()?
        .try_it
        .setup(&viewer, &slug, &request)
        .await
}

#[server(prefix = "/rpc", endpoint = "try-it", input = Json)]
pub async fn try_it(call: TryItCall) -> Result<TryItResult, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let request = crate::services::request_parts()?;
    crate::services::services()?
        .try_it
        .call(&viewer, call, &request)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(location: &str, name: &str, value: &str) -> ParameterValue {
        ParameterValue {
            location: location.to_owned(),
            name: name.to_owned(),
            value: value.to_owned(),
        }
    }

    #[test]
    fn path_values_stay_one_segment() {
        let values = [
            value("path", "id", "../../admin?x=1#y"),
            value("path", "name", "a b/c"),
            value("query", "id", "ignored"),
        ];
        assert_eq!(
            fill_path("/pets/{id}/names/{name}", &values),
            "/pets/..%2F..%2Fadmin%3Fx%3D1%23y/names/a%20b%2Fc"
        );
        assert_eq!(fill_path("/pets/{missing}", &values), "/pets/{missing}");
    }

    #[test]
    fn connection_and_gateway_headers_are_fixed() {
        for name in [
            "Host",
            "content-length",
            "X-Portico-Org",
            "x-forwarded-for",
            "X-API-Key",
        ] {
            assert!(fixed_header(name), "{name}");
        }
        for name in ["x-request-id", "Accept", "Authorization", "If-None-Match"] {
            assert!(!fixed_header(name), "{name}");
        }
    }

    #[test]
    fn queries_leave_out_empty_values_and_encode_the_rest() {
        let values = [
            value("query", "q", "a&b=c"),
            value("query", "empty", ""),
            value("header", "h", "x"),
            value("query", "n", "5"),
        ];
        assert_eq!(query_string(&values), "?q=a%26b%3Dc&n=5");
        assert_eq!(query_string(&[]), "");
    }
}
