use std::sync::Arc;

use app::auth::{SessionService, Viewer};
use app::error::AppError;
use chrono::Duration;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};
use uuid::Uuid;

use super::token::{SecretToken, hash_token};
use crate::clock::Clock;
use crate::entities::{session, user};
use crate::error::DomainError;

/// Database-backed sessions, so any Portico process can serve any request.
pub struct Sessions {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub portal_name: String,
    /// `__Host-` cookies need https; on plain http the prefix would make browsers drop them.
    pub secure_cookies: bool,
    pub lifetime: Duration,
}

impl Sessions {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-portico_session"
        } else {
            "portico_session"
        }
    }

    /// Starts a session for `user_id` and returns the cookie value, the only copy of the token.
    pub async fn start(
        &self,
        user_id: Uuid,
        user_agent: Option<String>,
        client_addr: Option<String>,
    ) -> Result<SecretToken, DomainError> {
        let token = SecretToken::generate();
        let now = self.clock.now();
        session::ActiveModel {
            id_hash: Set(token.hash()),
            user_id: Set(user_id),
            created_at: Set(now),
            last_seen_at: Set(now),
            expires_at: Set(now + self.lifetime),
            user_agent: Set(user_agent.map(|ua| ua.chars().take(512).collect())),
            client_addr: Set(client_addr),
        }
        .insert(&self.db)
        .await?;
        Ok(token)
    }

    fn presented_token<'a>(&self, headers: &'a http::HeaderMap) -> Option<&'a str> {
        let name = self.cookie_name();
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }
}

#[async_trait::async_trait]
impl SessionService for Sessions {
    async fn viewer(&self, headers: &http::HeaderMap) -> Result<Option<Viewer>, AppError> {
        let Some(token) = self.presented_token(headers) else {
            return Ok(None);
        };
        let found = session::Entity::find_by_id(hash_token(token))
            .find_also_related(user::Entity)
            .one(&self.db)
            .await
            .map_err(DomainError::from)?;
        let Some((session, Some(user))) = found else {
            return Ok(None);
        };
        if session.expires_at <= self.clock.now() || user.status != user::STATUS_ACTIVE {
            return Ok(None);
        }
        Ok(Some(Viewer {
            id: user.id.to_string(),
            email: user.email,
            display_name: user.display_name,
            is_admin: user.is_admin,
        }))
    }

    fn portal_name(&self) -> String {
        self.portal_name.clone()
    }
}
