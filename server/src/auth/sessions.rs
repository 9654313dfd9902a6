use std::net::IpAddr;
use std::sync::Arc;

use app::auth::{SessionService, SessionSummary, Viewer};
use app::error::AppError;
use app::services::cookie_value;
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use super::token::{SecretToken, hash_token};
use crate::clock::{Clock, shown};
use crate::entities::{session, user};
use crate::error::DomainError;

/// Database-backed sessions, so any Portico process can serve any request.
pub struct Sessions {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
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
    /// token: the cookie value, the only copy there is. `provider` is the identity provider
    /// the person signed in through, if any (signing out offers to sign out there too).
    pub async fn start(
        &self,
        db: &impl ConnectionTrait,
        user_id: Uuid,
        user_agent: Option<String>,
        client: Option<IpAddr>,
        provider: Option<&str>,
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
            provider: Set(provider.map(str::to_owned)),
        }
        .insert(db)
        .await?;
        Ok(token)
    }

    /// The session token the request presents, if any.
    pub fn presented_token<'a>(&self, headers: &'a http::HeaderMap) -> Option<&'a str> {
        cookie_value(headers, self.cookie_name()).filter(|value| !value.is_empty())
    }

    /// Ends the session behind `token`, returning the identity provider it was signed in
    /// through. Unknown tokens are fine: the result is the same.
    pub async fn end(&self, token: &str) -> Result<Option<String>, DomainError> {
        let ended = session::Entity::find_by_id(hash_token(token))
            .one(&self.db)
            .await?;
        session::Entity::delete_by_id(hash_token(token))
            .exec(&self.db)
            .await?;
        Ok(ended.and_then(|session| session.provider))
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
        let Some(person) = self.resolve(token).await? else {
            return Ok(None);
        };
        let terms_pending = crate::terms::pending_version(&self.db, person.id)
            .await?
            .is_some();
        Ok(Some(Viewer {
            id: person.id.to_string(),
            email: person.email,
            display_name: person.display_name,
            is_admin: person.is_admin,
            terms_pending,
        }))
    }

    async fn sessions_of_viewer(
        &self,
        headers: &http::HeaderMap,
    ) -> Result<Vec<SessionSummary>, AppError> {
        let token = self
            .presented_token(headers)
            .ok_or(AppError::Unauthenticated)?;
        let person = self
            .resolve(token)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        Ok(self
            .live_sessions_of(person.id, Some(&hash_token(token)))
            .await?)
    }
}

impl Sessions {
    /// A person's live sessions, most recently used first; `current` (a token's hash) marks
    /// the asking browser's.
    pub async fn live_sessions_of(
        &self,
        user_id: Uuid,
        current: Option<&str>,
    ) -> Result<Vec<SessionSummary>, DomainError> {
        let now = self.clock.now();
        let sessions = session::Entity::find()
            .filter(session::Column::UserId.eq(user_id))
            .filter(session::Column::ExpiresAt.gt(now))
            .order_by_desc(session::Column::LastSeenAt)
            .all(&self.db)
            .await?;
        Ok(sessions
            .into_iter()
            .filter(|s| s.last_seen_at + self.idle_timeout > now)
            .map(|s| SessionSummary {
                device: describe_user_agent(s.user_agent.as_deref()),
                client_addr: s.client_addr,
                signed_in_at: shown(s.created_at),
                last_seen_at: shown(s.last_seen_at),
                current: current == Some(s.id_hash.as_str()),
            })
            .collect())
    }
}

/// "Firefox on Linux", "Chrome on Android", "curl": enough to recognise one's own devices.
pub fn describe_user_agent(user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.filter(|ua| !ua.trim().is_empty()) else {
        return app::t!("auth-device-unknown");
    };
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .iter()
    .find(|(marker, _)| ua.contains(marker))
    .map(|(_, name)| *name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(marker, _)| ua.contains(marker))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(browser), Some(system)) => {
            app::t!("auth-device-browser-on", browser = browser, system = system)
        }
        (Some(browser), None) => browser.to_owned(),
        (None, Some(system)) => app::t!("auth-device-on", system = system),
        (None, None) => ua.chars().take(60).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::describe_user_agent;

    #[test]
    fn user_agents_become_short_descriptions() {
        let cases = [
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Firefox on Linux",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
                "Edge on Windows",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
                "Chrome on Android",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Safari on iOS",
            ),
            ("curl/8.5.0", "curl"),
            ("integration test", "integration test"),
        ];
        for (ua, expected) in cases {
            assert_eq!(describe_user_agent(Some(ua)), expected, "{ua}");
        }
        assert_eq!(describe_user_agent(None), "Unknown browser");
    }
}
