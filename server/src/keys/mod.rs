//! API keys: made, refreshed, switched off and deleted by the people of an organization. The
//! gateway reads them (see `gateway`); every change here reaches it within a second.

pub mod token;

use std::collections::HashMap;
use std::sync::Arc;

use app::access::Choice;
use app::auth::Viewer;
use app::error::AppError;
use app::keys::{ApiKeyRow, IssuedKey, KeyDraft, KeyState, KeysOverview, KeysService, Overlap};
use app::types::Environment;
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use self::token::ApiKeyToken;
use crate::audit::AuditEvent;
use crate::clock::{Clock, end_of_day, last_day, shown};
use crate::directory::{chosen_organization, memberships_of, viewer_id};
use crate::entities::{api_key, gateway_usage, membership, organization, user};
use crate::error::DomainError;
use crate::gateway::Gateway;
use crate::web::client_addr;

pub struct Keys {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    /// Told of every change, so this process stops honouring a key at once.
    pub gateway: Arc<Gateway>,
}

fn key_not_found() -> AppError {
    AppError::NotFound(app::t!("keys-that-key"))
}

fn db_error(error: sea_orm::DbErr) -> AppError {
    DomainError::from(error).into()
}

/// Who may change a key: the person who made it, and admins of its organization.
fn may_change(
    key: &api_key::Model,
    viewer_id: Uuid,
    memberships: &[(organization::Model, String)],
) -> bool {
    key.created_by == Some(viewer_id)
        || memberships
            .iter()
            .any(|(o, role)| o.id == key.organization_id && role == membership::ROLE_ADMIN)
}

/// Per key: (calls, refused or failed calls) in the last 24 hours.
type Usage24h = HashMap<Uuid, (u64, u64)>;

impl Keys {
    async fn usage_24h(&self, keys: &[api_key::Model]) -> Result<Usage24h, AppError> {
        let since = self.clock.now() - Duration::hours(24);
        let count = |failed_only: bool| {
            let mut query = gateway_usage::Entity::find()
                .select_only()
                .column(gateway_usage::Column::KeyId)
                .column_as(Expr::cust("CAST(SUM(calls) AS BIGINT)"), "calls")
                .filter(gateway_usage::Column::KeyId.is_in(keys.iter().map(|k| k.id)))
                .filter(gateway_usage::Column::Minute.gt(since))
                .group_by(gateway_usage::Column::KeyId);
            if failed_only {
                query = query.filter(gateway_usage::Column::Status.gte(400));
            }
            query
                .into_tuple::<(Option<Uuid>, Option<i64>)>()
                .all(&self.db)
        };
        let mut usage = Usage24h::new();
        for (key, calls) in count(false).await.map_err(db_error)? {
            if let Some(key) = key {
                usage.entry(key).or_default().0 =
                    u64::try_from(calls.unwrap_or_default()).unwrap_or_default();
            }
        }
        for (key, failed) in count(true).await.map_err(db_error)? {
            if let Some(key) = key {
                usage.entry(key).or_default().1 =
                    u64::try_from(failed.unwrap_or_default()).unwrap_or_default();
            }
        }
        Ok(usage)
    }

    fn row(
        &self,
        key: &api_key::Model,
        organization: &str,
        creator: &str,
        can_change: bool,
        usage: &Usage24h,
    ) -> ApiKeyRow {
        let now = self.clock.now();
        let state = if !key.active {
            KeyState::Deactivated
        } else if key.expires_at.is_some_and(|at| at <= now) {
            KeyState::Expired
        } else {
            KeyState::Active
        };
        let lines = |text: &str| {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect()
        };
        let usage = usage.get(&key.id).copied().unwrap_or_default();
        ApiKeyRow {
            calls_24h: usage.0,
            failed_24h: usage.1,
            id: key.id.to_string(),
            organization: organization.to_owned(),
            name: key.name.clone(),
            prefix: key.prefix.clone(),
            environment: Environment::parse(&key.environment).unwrap_or(Environment::Sandbox),
            state,
            allowed: lines(&key.allowed_ips),
            blocked: lines(&key.blocked_ips),
            created_by: creator.to_owned(),
            created_at: shown(key.created_at),
            last_used_at: key.last_used_at.map(shown),
            expires_at: key.expires_at.map(last_day),
            previous_valid_until: key.previous_expires_at.filter(|at| *at > now).map(shown),
            can_change,
        }
    }

    /// A key of the viewer's organizations that the viewer may change, with its row's names.
    async fn changeable(
        &self,
        viewer: &Viewer,
        key_id: &str,
    ) -> Result<(api_key::Model, organization::Model), AppError> {
        let id = Uuid::parse_str(key_id).map_err(|_| key_not_found())?;
        let me = viewer_id(viewer)?;
        let memberships = memberships_of(&self.db, me).await?;
        let key = api_key::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_error)?
            // Another organization's key does not exist, as far as this viewer knows.
            .filter(|k| memberships.iter().any(|(o, _)| o.id == k.organization_id))
            .ok_or_else(key_not_found)?;
        if !may_change(&key, me, &memberships) {
            return Err(AppError::Refused(app::t!("keys-change-refused")));
        }
        let organization = memberships
            .into_iter()
            .map(|(o, _)| o)
            .find(|o| o.id == key.organization_id)
            .ok_or(AppError::Internal)?;
        Ok((key, organization))
    }

    fn event(
        viewer: &Viewer,
        action: &'static str,
        key: &api_key::Model,
        organization: &organization::Model,
        request: &http::request::Parts,
    ) -> AuditEvent {
        AuditEvent::by_viewer(viewer, action)
            .on("api_key", key.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({
                "name": key.name,
                "prefix": key.prefix,
                "environment": key.environment,
                "organization": organization.name,
            }))
    }
}

#[async_trait::async_trait]
impl KeysService for Keys {
    async fn overview(
        &self,
        viewer: &Viewer,
        request: &http::request::Parts,
    ) -> Result<KeysOverview, AppError> {
        let me = viewer_id(viewer)?;
        let memberships = memberships_of(&self.db, me).await?;
        let keys = api_key::Entity::find()
            .filter(api_key::Column::OrganizationId.is_in(memberships.iter().map(|(o, _)| o.id)))
            .order_by_asc(api_key::Column::Name)
            .order_by_asc(api_key::Column::CreatedAt)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let creators: HashMap<Uuid, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(keys.iter().filter_map(|k| k.created_by)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        let usage = self.usage_24h(&keys).await?;
        let names: HashMap<Uuid, String> = memberships
            .iter()
            .map(|(o, _)| (o.id, o.name.clone()))
            .collect();
        Ok(KeysOverview {
            keys: keys
                .iter()
                .map(|key| {
                    let creator = key
                        .created_by
                        .and_then(|id| creators.get(&id).cloned())
                        .unwrap_or_else(|| app::t!("keys-creator-left"));
                    let organization = names.get(&key.organization_id).cloned().unwrap_or_default();
                    self.row(
                        key,
                        &organization,
                        &creator,
                        may_change(key, me, &memberships),
                        &usage,
                    )
                })
                .collect(),
            organizations: memberships
                .into_iter()
                .map(|(o, _)| Choice {
                    value: o.id.to_string(),
                    label: o.name,
                })
                .collect(),
            your_address: client_addr(&request.extensions).map(|a| a.to_string()),
        })
    }

    async fn create(
        &self,
        viewer: &Viewer,
        draft: KeyDraft,
        request: &http::request::Parts,
    ) -> Result<IssuedKey, AppError> {
        let me = viewer_id(viewer)?;
        let memberships = memberships_of(&self.db, me).await?;
        let organization = chosen_organization(&memberships, &draft.organization_id)?;
        organization
            .check_environments(&[draft.environment])
            .map_err(|error| AppError::invalid("environment", error.to_string()))?;
        let now = self.clock.now();
        let expires_at = match draft.expires_on {
            Some(day) => Some(end_of_day(day).filter(|at| *at > now).ok_or_else(|| {
                AppError::invalid("expires_on", app::t!("keys-last-day-in-past"))
            })?),
            None => None,
        };
        let token = ApiKeyToken::generate(draft.environment);
        let key = api_key::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(organization.id),
            created_by: Set(Some(me)),
            name: Set(draft.name),
            environment: Set(draft.environment.as_str().to_owned()),
            prefix: Set(token.display_prefix()),
            secret_hash: Set(hex::encode(token.hash())),
            previous_hash: Set(None),
            previous_expires_at: Set(None),
            allowed_ips: Set(draft.rules.allowed.to_text()),
            blocked_ips: Set(draft.rules.blocked.to_text()),
            active: Set(true),
            expires_at: Set(expires_at),
            created_at: Set(now),
            updated_at: Set(now),
            last_used_at: Set(None),
        };
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let key = key.insert(&txn).await.map_err(db_error)?;
        Self::event(viewer, "key.created", &key, &organization, request)
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        Ok(IssuedKey {
            key: self.row(
                &key,
                &organization.name,
                &viewer.display_name,
                true,
                &Usage24h::new(),
            ),
            token: token.expose().to_owned(),
        })
    }

    async fn refresh(
        &self,
        viewer: &Viewer,
        key_id: &str,
        overlap: Overlap,
        request: &http::request::Parts,
    ) -> Result<IssuedKey, AppError> {
        let (key, organization) = self.changeable(viewer, key_id).await?;
        let environment = Environment::parse(&key.environment).ok_or(AppError::Internal)?;
        let token = ApiKeyToken::generate(environment);
        let now = self.clock.now();
        let (previous_hash, previous_expires_at) = match overlap {
            Overlap::None => (None, None),
            Overlap::Hours(hours) => (
                Some(key.secret_hash.clone()),
                Some(now + Duration::hours(i64::from(hours))),
            ),
        };
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let updated = api_key::ActiveModel {
            id: Set(key.id),
            prefix: Set(token.display_prefix()),
            secret_hash: Set(hex::encode(token.hash())),
            previous_hash: Set(previous_hash),
            previous_expires_at: Set(previous_expires_at),
            updated_at: Set(now),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(db_error)?;
        Self::event(viewer, "key.refreshed", &updated, &organization, request)
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        self.gateway.forget_keys();
        let creator = if key.created_by == viewer_id(viewer).ok() {
            viewer.display_name.clone()
        } else {
            app::t!("keys-creator-colleague")
        };
        Ok(IssuedKey {
            key: self.row(
                &updated,
                &organization.name,
                &creator,
                true,
                &self.usage_24h(std::slice::from_ref(&updated)).await?,
            ),
            token: token.expose().to_owned(),
        })
    }

    async fn set_active(
        &self,
        viewer: &Viewer,
        key_id: &str,
        active: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let (key, organization) = self.changeable(viewer, key_id).await?;
        if key.active == active {
            return Err(AppError::Conflict(if active {
                app::t!("keys-already-active", name = &key.name)
            } else {
                app::t!("keys-already-deactivated", name = &key.name)
            }));
        }
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let updated = api_key::ActiveModel {
            id: Set(key.id),
            active: Set(active),
            updated_at: Set(self.clock.now()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(db_error)?;
        Self::event(
            viewer,
            if active {
                "key.reactivated"
            } else {
                "key.deactivated"
            },
            &updated,
            &organization,
            request,
        )
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(db_error)?;
        self.gateway.forget_keys();
        Ok(())
    }

    async fn delete(
        &self,
        viewer: &Viewer,
        key_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let (key, organization) = self.changeable(viewer, key_id).await?;
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        api_key::Entity::delete_by_id(key.id)
            .exec(&txn)
            .await
            .map_err(db_error)?;
        Self::event(viewer, "key.deleted", &key, &organization, request)
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        self.gateway.forget_keys();
        Ok(())
    }
}
