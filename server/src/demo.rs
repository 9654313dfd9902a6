//! Demo mode: a populated portal on first start, so a new user can look around at once.

pub mod api;

use app::types::{Email, Slug};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::audit::AuditEvent;
use crate::clock::Clock;
use crate::directory::{add_membership, create_organization, create_user};
use crate::entities::{membership, user};
use crate::error::DomainError;

pub const DEMO_ADMIN: &str = "admin@portico.test";
pub const DEMO_DEVELOPER: &str = "dev@portico.test";
pub const DEMO_ORGANIZATION: &str = "Demo Company";

/// What seeding did, for the console.
#[derive(Debug, PartialEq, Eq)]
pub enum Seeded {
    Fresh,
    /// The database already had users; demo data is only added to an empty portal.
    AlreadyPopulated,
}

/// The demo collections: one the demo organization may use, one it can discover.
const DEMO_DOCUMENTS: [(&str, bool); 2] = [
    (include_str!("../demo/payments.yaml"), true),
    (include_str!("../demo/shipping.json"), false),
];

/// Publishes the demo collections into an empty catalog (granting the first to the demo
/// organization), their sandbox and production served by the demo API at `base_url`. Separate
/// from `seed` so a portal seeded before the catalog existed gets them.
pub async fn seed_catalog(
    catalog: &crate::catalog::Catalog,
    base_url: &url::Url,
) -> Result<bool, DomainError> {
    use crate::access::grants::{self, GrantOrigin};
    use crate::entities::{access_grant, collection, organization};
    use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, Set};
    let db = &catalog.db;
    if collection::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let demo_org = organization::Entity::find()
        .filter(organization::Column::Slug.eq("demo-company"))
        .one(db)
        .await?;
    for (document, granted) in DEMO_DOCUMENTS {
        let imported = catalog
            .import(None, document.to_owned(), None)
            .await
            .map_err(|e| DomainError::Invariant(format!("demo document: {e}")))?;
        let demo_api = |environment: &str| {
            base_url
                .join(&format!(
                    "demo-api/{}/{environment}",
                    imported.collection.slug
                ))
                .map(|url| url.to_string())
                .ok()
        };
        collection::ActiveModel {
            id: Set(imported.collection.id),
            published: Set(true),
            sandbox_url: Set(demo_api("sandbox")),
            production_url: Set(demo_api("production")),
            tags: Set(if granted {
                r#"["payments","cards"]"#
            } else {
                r#"["logistics"]"#
            }
            .to_owned()),
            ..Default::default()
        }
        .update(db)
        .await?;
        if let (true, Some(organization)) = (granted, &demo_org) {
            for environment in app::types::Environment::ALL {
                grants::put(
                    db,
                    catalog.clock.as_ref(),
                    imported.collection.id,
                    organization.id,
                    environment,
                    &GrantOrigin {
                        source: access_grant::SOURCE_ADMIN,
                        request_id: None,
                        granted_by: None,
                        expires_at: None,
                    },
                )
                .await?;
            }
        }
    }
    Ok(true)
}

/// Seeds the demo data into an empty database, all at once or not at all.
pub async fn seed(db: &DatabaseConnection, clock: &dyn Clock) -> Result<Seeded, DomainError> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(Seeded::AlreadyPopulated);
    }
    let txn = crate::db::begin_write(db).await?;
    let slug = Slug::parse("demo-company").map_err(|e| DomainError::Invariant(e.to_string()))?;
    let organization = create_organization(&txn, clock, DEMO_ORGANIZATION, &slug).await?;
    for (address, is_admin, role) in [
        (DEMO_ADMIN, true, membership::ROLE_ADMIN),
        (DEMO_DEVELOPER, false, membership::ROLE_MEMBER),
    ] {
        let email = Email::parse(address).map_err(|e| DomainError::Invariant(e.to_string()))?;
        let person = create_user(&txn, clock, &email, is_admin).await?;
        add_membership(&txn, clock, person.id, organization.id, role).await?;
    }
    AuditEvent::new("system", "demo.seeded")
        .on("organization", organization.id)
        .record(&txn, clock)
        .await?;
    txn.commit().await?;
    Ok(Seeded::Fresh)
}
