//! Grants: which organization may use which environment of which collection, until when. Every
//! access check in Portico reads them through here, so expiry and revocation count everywhere
//! at once.

use std::collections::HashSet;

use app::types::Environment;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::clock::Clock;
use crate::entities::{access_grant, collection, organization};
use crate::error::DomainError;

/// Grants that still count at `now`.
fn live(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(access_grant::Column::ExpiresAt.is_null())
        .add(access_grant::Column::ExpiresAt.gt(now))
}

/// The live grants of any of `organizations`, for every collection and environment.
pub async fn of_organizations(
    db: &impl ConnectionTrait,
    organizations: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Vec<access_grant::Model>, DomainError> {
    if organizations.is_empty() {
        return Ok(Vec::new());
    }
    Ok(access_grant::Entity::find()
        .filter(access_grant::Column::OrganizationId.is_in(organizations.iter().copied()))
        .filter(live(now))
        .all(db)
        .await?)
}

/// The collections any of `organizations` may use (in any environment) at `now`.
pub async fn granted_collections(
    db: &impl ConnectionTrait,
    organizations: &[Uuid],
    now: DateTime<Utc>,
) -> Result<HashSet<Uuid>, DomainError> {
    Ok(of_organizations(db, organizations, now)
        .await?
        .into_iter()
        .map(|grant| grant.collection_id)
        .collect())
}

/// Every live grant, of every collection.
pub async fn all_live(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<access_grant::Model>, DomainError> {
    Ok(access_grant::Entity::find()
        .filter(live(now))
        .all(db)
        .await?)
}

/// The live grants of `collection_id`, for every organization or for one.
pub async fn of_collection(
    db: &impl ConnectionTrait,
    collection_id: Uuid,
    organization_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Vec<access_grant::Model>, DomainError> {
    let mut query = access_grant::Entity::find()
        .filter(access_grant::Column::CollectionId.eq(collection_id))
        .filter(live(now));
    if let Some(organization_id) = organization_id {
        query = query.filter(access_grant::Column::OrganizationId.eq(organization_id));
    }
    query.all(db).await.map_err(DomainError::from)
}

/// The environments of `collection_id` that `organization_id` may use at `now`.
pub async fn environments(
    db: &impl ConnectionTrait,
    collection_id: Uuid,
    organization_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<Environment>, DomainError> {
    let mut list: Vec<Environment> = of_collection(db, collection_id, Some(organization_id), now)
        .await?
        .iter()
        .filter_map(|grant| Environment::parse(&grant.environment))
        .collect();
    list.sort();
    Ok(list)
}

/// How one grant came to be.
pub struct GrantOrigin {
    pub source: &'static str,
    pub request_id: Option<Uuid>,
    pub granted_by: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// Gives `organization_id` access to one environment, replacing an earlier grant of it (the
/// latest decision sets its origin and expiry).
pub async fn put(
    db: &impl ConnectionTrait,
    clock: &dyn Clock,
    collection_id: Uuid,
    organization_id: Uuid,
    environment: Environment,
    origin: &GrantOrigin,
) -> Result<(), DomainError> {
    access_grant::Entity::insert(access_grant::ActiveModel {
        collection_id: Set(collection_id),
        organization_id: Set(organization_id),
        environment: Set(environment.as_str().to_owned()),
        source: Set(origin.source.to_owned()),
        request_id: Set(origin.request_id),
        granted_at: Set(clock.now()),
        granted_by: Set(origin.granted_by),
        expires_at: Set(origin.expires_at),
    })
    .on_conflict(
        OnConflict::columns([
            access_grant::Column::CollectionId,
            access_grant::Column::OrganizationId,
            access_grant::Column::Environment,
        ])
        .update_columns([
            access_grant::Column::Source,
            access_grant::Column::RequestId,
            access_grant::Column::GrantedAt,
            access_grant::Column::GrantedBy,
            access_grant::Column::ExpiresAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Removes grants that have run out, each with its audit event. Several processes may sweep at
/// once: a grant is removed, and its expiry recorded, by exactly one of them.
pub async fn sweep_expired(db: &DatabaseConnection, clock: &dyn Clock) -> Result<u32, DomainError> {
    let now = clock.now();
    let expired = access_grant::Entity::find()
        .filter(access_grant::Column::ExpiresAt.lte(now))
        .all(db)
        .await?;
    let mut swept = 0;
    for grant in expired {
        let txn = crate::db::begin_write(db).await?;
        let removed = access_grant::Entity::delete_many()
            .filter(access_grant::Column::CollectionId.eq(grant.collection_id))
            .filter(access_grant::Column::OrganizationId.eq(grant.organization_id))
            .filter(access_grant::Column::Environment.eq(&grant.environment))
            .filter(access_grant::Column::ExpiresAt.lte(now))
            .exec(&txn)
            .await?;
        if removed.rows_affected == 1 {
            let names = names(&txn, grant.collection_id, grant.organization_id).await?;
            AuditEvent::new("system", "collection.grant_expired")
                .on("collection", grant.collection_id)
                .with_details(serde_json::json!({
                    "collection": names.0,
                    "organization": names.1,
                    "organization_id": grant.organization_id,
                    "environment": grant.environment,
                    "expired_at": grant.expires_at,
                }))
                .record(&txn, clock)
                .await?;
            swept += 1;
        }
        txn.commit().await?;
    }
    Ok(swept)
}

/// (collection slug, organization name), for audit details people can read.
async fn names(
    db: &impl ConnectionTrait,
    collection_id: Uuid,
    organization_id: Uuid,
) -> Result<(String, String), DomainError> {
    let collection = collection::Entity::find_by_id(collection_id)
        .one(db)
        .await?
        .map(|c| c.slug)
        .unwrap_or_default();
    let organization = organization::Entity::find_by_id(organization_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok((collection, organization))
}
