//! The admin dashboard's figures, counted where they live.

use std::sync::Arc;

use app::admin::{AdminOverview, CHART_HOURS, DashboardService, HourlyCalls};
use app::error::AppError;
use chrono::{DurationRound, TimeDelta};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};

use crate::clock::Clock;
use crate::entities::{access_request, api_key, collection, gateway_usage, organization, user};
use crate::error::DomainError;

pub struct Dashboard {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
}

#[async_trait::async_trait]
impl DashboardService for Dashboard {
    async fn overview(&self) -> Result<AdminOverview, AppError> {
        Ok(self.figures().await?)
    }
}

impl Dashboard {
    async fn figures(&self) -> Result<AdminOverview, DomainError> {
        let now = self.clock.now();
        let db = &self.db;
        let users = user::Entity::find().count(db).await?;
        let active_users = user::Entity::find()
            .filter(user::Column::Status.eq(user::STATUS_ACTIVE))
            .filter(user::Column::LastSeenAt.gte(now - TimeDelta::days(30)))
            .count(db)
            .await?;
        let organizations = organization::Entity::find()
            .filter(organization::Column::ArchivedAt.is_null())
            .count(db)
            .await?;
        let published_collections = collection::Entity::find()
            .filter(collection::Column::Published.eq(true))
            .count(db)
            .await?;
        let pending_requests = access_request::Entity::find()
            .filter(access_request::Column::Status.eq(access_request::STATUS_PENDING))
            .count(db)
            .await?;
        let active_keys = api_key::Entity::find()
            .filter(api_key::Column::Active.eq(true))
            .filter(
                Condition::any()
                    .add(api_key::Column::ExpiresAt.is_null())
                    .add(api_key::Column::ExpiresAt.gt(now)),
            )
            .count(db)
            .await?;

        // Usage is kept per minute; the chart adds it up per hour, the current hour last.
        let this_hour = now
            .duration_trunc(TimeDelta::hours(1))
            .map_err(|e| DomainError::Invariant(e.to_string()))?;
        let first_hour = this_hour - TimeDelta::hours(CHART_HOURS as i64 - 1);
        let rows: Vec<(chrono::DateTime<chrono::Utc>, i32, i64)> = gateway_usage::Entity::find()
            .select_only()
            .column(gateway_usage::Column::Minute)
            .column(gateway_usage::Column::Status)
            .column(gateway_usage::Column::Calls)
            .filter(gateway_usage::Column::Minute.gte(first_hour))
            .into_tuple()
            .all(db)
            .await?;
        let mut hours: Vec<HourlyCalls> = (0..CHART_HOURS)
            .map(|index| HourlyCalls {
                hour: (first_hour + TimeDelta::hours(index as i64))
                    .format("%Y-%m-%d %H:00")
                    .to_string(),
                calls: 0,
                errors: 0,
            })
            .collect();
        let (mut calls_24h, mut errors_24h) = (0, 0);
        for (minute, status, calls) in rows {
            let Ok(index) = usize::try_from((minute - first_hour).num_hours()) else {
                continue;
            };
            let Some(bucket) = hours.get_mut(index) else {
                continue;
            };
            let calls = u64::try_from(calls).unwrap_or(0);
            let failed = if status >= 400 { calls } else { 0 };
            bucket.calls += calls;
            bucket.errors += failed;
            if minute > now - TimeDelta::hours(24) {
                calls_24h += calls;
                errors_24h += failed;
            }
        }
        Ok(AdminOverview {
            users,
            active_users,
            organizations,
            published_collections,
            pending_requests,
            active_keys,
            calls_24h,
            errors_24h,
            hours,
        })
    }
}
