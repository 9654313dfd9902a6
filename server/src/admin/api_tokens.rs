//! Admin API tokens: made in the admin pages (shown once, only the SHA-256 hash kept), sent as
//! `Authorization: Bearer` to the management API, where each acts for the admin who made it.

use std::sync::Arc;

use app::admin::{
    ApiTokenRow, ApiTokensService, IssuedApiToken, TokenState, token_lifetime, token_name,
};
use app::auth::Viewer;
use app::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::clock::{Clock, shown};
use crate::directory::viewer_id;
use crate::entities::{admin_api_token, user};
use crate::error::DomainError;
use crate::keys::token::{check_shape, random_token};
use crate::web::client_addr;

/// Every admin API token starts with this, so secret scanners can tell it from an API key.
pub const TOKEN_PREFIX: &str = "ptc_admin_";

/// How often, at most, a token's "last used" time is written.
const LAST_USED_RESOLUTION_SECS: i64 = 60;

pub struct AdminApiTokens {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
}

fn db_error(error: sea_orm::DbErr) -> AppError {
    DomainError::from(error).into()
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn state_of(token: &admin_api_token::Model, now: DateTime<Utc>) -> TokenState {
    if token.revoked_at.is_some() {
        TokenState::Revoked
    } else if token.expires_at <= now {
        TokenState::Expired
    } else {
        TokenState::Active
    }
}

impl AdminApiTokens {
    fn row(&self, token: admin_api_token::Model, created_by: String) -> ApiTokenRow {
        ApiTokenRow {
            id: token.id.to_string(),
            state: state_of(&token, self.clock.now()),
            name: token.name,
            prefix: token.prefix,
            created_by,
            created_at: shown(token.created_at),
            expires_at: shown(token.expires_at),
            last_used_at: token.last_used_at.map(shown),
        }
    }

    /// The admin a presented bearer token acts for. Every way it can fail answers the same
    /// "unauthenticated", so a caller learns nothing about which tokens exist; a token whose
    /// admin lost the role answers "forbidden".
    pub async fn authenticate(&self, bearer: &str) -> Result<Viewer, AppError> {
        let bearer = bearer.trim();
        if check_shape(bearer, TOKEN_PREFIX).is_err() {
            return Err(AppError::Unauthenticated);
        }
        let found = admin_api_token::Entity::find()
            .filter(admin_api_token::Column::SecretHash.eq(hash(bearer)))
            .one(&self.db)
            .await
            .map_err(db_error)?;
        let now = self.clock.now();
        let Some(token) = found.filter(|t| state_of(t, now) == TokenState::Active) else {
            return Err(AppError::Unauthenticated);
        };
        let person = user::Entity::find_by_id(token.created_by)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .filter(|person| person.status == user::STATUS_ACTIVE)
            .ok_or(AppError::Unauthenticated)?;
        if !person.is_admin {
            return Err(AppError::Forbidden);
        }
        let stale = token
            .last_used_at
            .is_none_or(|at| (now - at).num_seconds() >= LAST_USED_RESOLUTION_SECS);
        if stale {
            admin_api_token::ActiveModel {
                id: Set(token.id),
                last_used_at: Set(Some(now)),
                ..Default::default()
            }
            .update(&self.db)
            .await
            .map_err(db_error)?;
        }
        Ok(Viewer {
            id: person.id.to_string(),
            email: person.email,
            display_name: person.display_name,
            is_admin: true,
            // Terms of use are for people reading the portal; a script cannot accept them.
            terms_pending: false,
        })
    }
}

#[async_trait::async_trait]
impl ApiTokensService for AdminApiTokens {
    async fn list(&self) -> Result<Vec<ApiTokenRow>, AppError> {
        let mut tokens = admin_api_token::Entity::find()
            .find_also_related(user::Entity)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let now = self.clock.now();
        tokens.sort_by_key(|(token, _)| {
            (
                state_of(token, now) != TokenState::Active,
                std::cmp::Reverse(token.created_at),
            )
        });
        Ok(tokens
            .into_iter()
            .map(|(token, person)| self.row(token, person.map(|p| p.email).unwrap_or_default()))
            .collect())
    }

    async fn create(
        &self,
        actor: &Viewer,
        name: &str,
        days: u32,
        request: &http::request::Parts,
    ) -> Result<IssuedApiToken, AppError> {
        let name = token_name(name)?;
        let days = token_lifetime(days)?;
        let secret = random_token(TOKEN_PREFIX);
        let now = self.clock.now();
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let token = admin_api_token::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set(name),
            prefix: Set(secret.chars().take(TOKEN_PREFIX.len() + 4).collect()),
            secret_hash: Set(hash(&secret)),
            created_by: Set(viewer_id(actor)?),
            created_at: Set(now),
            expires_at: Set(now + Duration::days(i64::from(days))),
            last_used_at: Set(None),
            revoked_at: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(db_error)?;
        AuditEvent::by_viewer(actor, "api_token.created")
            .on("api_token", token.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({ "name": token.name, "days": days }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        Ok(IssuedApiToken {
            row: self.row(token, actor.email.clone()),
            token: secret,
        })
    }

    async fn revoke(
        &self,
        actor: &Viewer,
        token_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let not_found = || AppError::NotFound(app::t!("admin-tokens-not-found"));
        let id = Uuid::parse_str(token_id).map_err(|_| not_found())?;
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let token = admin_api_token::Entity::find_by_id(id)
            .one(&txn)
            .await
            .map_err(db_error)?
            .ok_or_else(not_found)?;
        if token.revoked_at.is_some() {
            return Ok(());
        }
        admin_api_token::ActiveModel {
            id: Set(token.id),
            revoked_at: Set(Some(self.clock.now())),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(db_error)?;
        AuditEvent::by_viewer(actor, "api_token.revoked")
            .on("api_token", token.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({ "name": token.name }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)
    }
}
