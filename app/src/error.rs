//! The one error type of the UI layer. Server functions return it, pages show it, and it knows
//! which HTTP status it stands for.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    Unauthenticated,
    Forbidden,
    /// Signed in, but the current terms of use are not accepted yet: only accepting them (or
    /// signing out) works until then.
    TermsNotAccepted,
    /// Refused for a reason the sentence explains (a switched-off feature, say).
    Refused(String),
    NotFound(String),
    /// Someone else changed it first (decided a request, say); the sentence says who and how.
    Conflict(String),
    /// Input that failed to parse; `field` names the form field so the page can show it there.
    Invalid {
        field: Option<String>,
        message: String,
    },
    RateLimited {
        retry_after_secs: u64,
    },
    /// Details stay in the server log; users get a request id-free, calm sentence.
    Internal,
    /// An API called on the person's behalf (the try-it console) gave no usable answer; the
    /// sentence says what happened.
    Upstream(String),
    /// The request never got a proper answer (network down, server restarted, garbled reply).
    Transport(String),
}

/// In the current language; the texts that travel inside an error (a field's message, what
/// was not found) were written in the language of the request that made it.
impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            AppError::Unauthenticated => crate::t!("error-unauthenticated"),
            AppError::Forbidden => crate::t!("error-forbidden"),
            AppError::TermsNotAccepted => crate::t!("error-terms-not-accepted"),
            AppError::Refused(message)
            | AppError::Conflict(message)
            | AppError::Upstream(message)
            | AppError::Invalid { message, .. } => message.clone(),
            AppError::NotFound(what) => crate::t!("error-not-found", what = what),
            AppError::RateLimited { retry_after_secs } => {
                crate::t!("error-rate-limited", seconds = *retry_after_secs)
            }
            AppError::Internal => crate::t!("error-internal"),
            AppError::Transport(reason) => crate::t!("error-transport", reason = reason),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for AppError {}

impl AppError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// The HTTP status this error answers with, for server functions and REST endpoints alike.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden | AppError::TermsNotAccepted | AppError::Refused(_) => 403,
            AppError::NotFound(_) => 404,
            AppError::Conflict(_) => 409,
            AppError::Invalid { .. } => 422,
            AppError::RateLimited { .. } => 429,
            AppError::Internal => 500,
            AppError::Upstream(_) | AppError::Transport(_) => 502,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => {
                AppError::Invalid {
                    field: None,
                    message,
                }
            }
            ServerFnErrorErr::ServerError(_) => AppError::Internal,
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_client_or_server_status() {
        let cases = [
            (AppError::Unauthenticated, 401),
            (AppError::Forbidden, 403),
            (AppError::TermsNotAccepted, 403),
            (AppError::Refused("Self-registration is off.".into()), 403),
            (AppError::NotFound("Collection".into()), 404),
            (AppError::Conflict("Already decided.".into()), 409),
            (AppError::invalid("email", "bad"), 422),
            (
                AppError::RateLimited {
                    retry_after_secs: 3,
                },
                429,
            ),
            (AppError::Internal, 500),
            (
                AppError::Upstream("The API did not answer in time.".into()),
                502,
            ),
            (AppError::Transport("x".into()), 502),
        ];
        for (error, status) in cases {
            assert_eq!(error.status(), status, "{error:?}");
        }
    }

    #[test]
    fn messages_are_sentences_for_people() {
        assert_eq!(
            AppError::NotFound("Collection".into()).to_string(),
            "Collection was not found."
        );
        assert_eq!(
            AppError::RateLimited {
                retry_after_secs: 30
            }
            .to_string(),
            "Too many attempts. Please try again in 30 seconds."
        );
    }

    #[test]
    fn a_failed_call_becomes_a_transport_error() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Request("offline".into()));
        assert!(matches!(error, AppError::Transport(_)));
    }
}
