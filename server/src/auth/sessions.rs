use std::net::IpAddr;
use std::sync::Arc;

use app::auth::{SessionService, Viewer};
use app::error::AppError;
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
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
    pub idle_timeout: Duration,
    pub max_age: Duration,
}

/// `last_seen_at` is written at most this often, so reading pages does not mean writing rows.
const LAST_SEEN_RESOLUTION_SECS: i64 = 60;

impl Sessions {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-portico_session"
        } else {
            "portico_session"
        }
    }

    /// The `Set-Cookie` value that hands `token` to the browser.
    pub fn cookie(&self, token: &SecretToken) -> String {
        format!(
            "{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
            self.cookie_name(),
            token.expose(),
            self.max_age.num_seconds(),
            if self.secure_cookies { "; Secure" } else { "" }
        )
    }

    /// The `Set-Cookie` value that makes the browser forget its session.
    pub fn clearing_cookie(&self) -> String {
        format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
            self.cookie_name(),
            if self.secure_cookies { "; Secure" } else { "" }
        )
    }

    /// Starts a session for `user_id` on `db` (which may be a transaction) and returns the
    /// token: the cookie value, the only copy there is.
    pub async fn start(
        &self,
        db: &impl ConnectionTrait,
        user_id: Uuid,
        user_agent: Option<String>,
        client: Option<IpAddr>,
    ) -> Result<SecretToken, DomainError> {
        let token = SecretToken::generate();
        let now = self.clock.now();
        session::ActiveModel {
            id_hash: Set(token.hash()),
            user_id: Set(user_id),
            created_at: Set(now),
            last_seen_at: Set(now),
            expires_at: Set(now + self.max_age),
            user_agent: Set(user_agent.map(|ua| ua.chars().take(512).collect())),
            client_addr: Set(client.map(|addr| addr.to_string())),
        }
        .insert(db)
        .await?;
        Ok(token)
    }

    /// The session token the request presents, if any.
    pub fn presented_token<'a>(&self, headers: &'a http::HeaderMap) -> Option<&'a str> {
        let name = self.cookie_name();
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
            .filter(|value| !value.is_empty())
    }

    /// Ends the session behind `token`. Unknown tokens are fine: the result is the same.
    pub async fn end(&self, token: &str) -> Result<(), DomainError> {
        session::Entity::delete_by_id(hash_token(token))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Ends every session of a user (sign out everywhere, suspension).
    pub async fn end_all_for(
        &self,
        db: &impl ConnectionTrait,
        user_id: Uuid,
    ) -> Result<u64, DomainError> {
        Ok(session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id))
            .exec(db)
            .await?
            .rows_affected)
    }

    /// The live session and its user behind `token`; expired and idle sessions are removed.
    pub async fn resolve(&self, token: &str) -> Result<Option<user::Model>, DomainError> {
        let found = session::Entity::find_by_id(hash_token(token))
            .find_also_related(user::Entity)
            .one(&self.db)
            .await?;
        let Some((session, Some(person))) = found else {
            return Ok(None);
        };
        let now = self.clock.now();
        if session.expires_at <= now || session.last_seen_at + self.idle_timeout <= now {
            session::Entity::delete_by_id(session.id_hash)
                .exec(&self.db)
                .await?;
            return Ok(None);
        }
        if person.status != user::STATUS_ACTIVE {
            return Ok(None);
        }
        if (now - session.last_seen_at).num_seconds() >= LAST_SEEN_RESOLUTION_SECS {
            session::ActiveModel {
                id_hash: Set(session.id_hash),
                last_seen_at: Set(now),
                ..Default::default()
            }
            .update(&self.db)
            .await?;
        }
        Ok(Some(person))
    }
}

#[async_trait::async_trait]
impl SessionService for Sessions {
    async fn viewer(&self, headers: &http::HeaderMap) -> Result<Option<Viewer>, AppError> {
        let Some(token) = self.presented_token(headers) else {
            return Ok(None);
        };
        Ok(self.resolve(token).await?.map(|person| Viewer {
            id: person.id.to_string(),
            email: person.email,
            display_name: person.display_name,
            is_admin: person.is_admin,
        }))
    }

    fn portal_name(&self) -> String {
        self.portal_name.clone()
    }
}
