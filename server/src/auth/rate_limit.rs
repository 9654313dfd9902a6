//! Fixed-window counters kept in the database, so every Portico process on one database counts
//! together.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::rate_limit_bucket::{self, Column};
use crate::error::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max_hits: i32,
    pub window_secs: i64,
}

/// The outcome of one hit: allowed, or refused until the window ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Refused { retry_after_secs: u64 },
}

/// Counts one hit on `key` and says whether it is within `limit`. The increment is one atomic
/// upsert, so concurrent hits from several processes are all counted.
pub async fn hit(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<Verdict, DomainError> {
    let window_start = now.timestamp().div_euclid(limit.window_secs) * limit.window_secs;
    let counted = rate_limit_bucket::Entity::insert(rate_limit_bucket::ActiveModel {
        key: Set(key.to_owned()),
        window_start: Set(window_start),
        hits: Set(1),
    })
    .on_conflict(
        OnConflict::columns([Column::Key, Column::WindowStart])
            .value(
                Column::Hits,
                Expr::col((rate_limit_bucket::Entity, Column::Hits)).add(1),
            )
            .to_owned(),
    )
    .exec_with_returning(db)
    .await?;
    if counted.hits <= limit.max_hits {
        Ok(Verdict::Allowed)
    } else {
        let retry_after = window_start + limit.window_secs - now.timestamp();
        Ok(Verdict::Refused {
            retry_after_secs: Ord::max(retry_after, 1).unsigned_abs(),
        })
    }
}

/// Counts one hit on each key and refuses with the longest wait when any is over its limit.
pub async fn enforce(
    db: &impl ConnectionTrait,
    keys: &[(String, Limit)],
    now: DateTime<Utc>,
) -> Result<(), app::error::AppError> {
    for (key, limit) in keys {
        if let Verdict::Refused { retry_after_secs } = hit(db, key, *limit, now).await? {
            return Err(app::error::AppError::RateLimited { retry_after_secs });
        }
    }
    Ok(())
}

/// Forgets windows that ended before `now` minus a day.
pub async fn forget_old(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DomainError> {
    let result = rate_limit_bucket::Entity::delete_many()
        .filter(Column::WindowStart.lt(now.timestamp() - 86_400))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
