//! The admin side of the catalog: listing, editing, and granting collections.

use std::collections::BTreeMap;

use app::admin::{
    AdminVersion, CollectionForm, CollectionRow, CollectionSettings, CollectionsService, GrantRow,
};
use app::auth::Viewer;
use app::error::AppError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use super::{Catalog, not_found};
use crate::audit::AuditEvent;
use crate::clock::shown;
use crate::directory::viewer_id;
use crate::entities::{collection, collection_grant, collection_version, organization};
use crate::error::DomainError;
use crate::web::client_addr;

#[async_trait::async_trait]
impl CollectionsService for Catalog {
    async fn list(&self) -> Result<Vec<CollectionRow>, AppError> {
        let collections = collection::Entity::find()
            .order_by_asc(collection::Column::Name)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        let mut grants: BTreeMap<Uuid, u32> = BTreeMap::new();
        for grant in collection_grant::Entity::find()
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
        {
            *grants.entry(grant.collection_id).or_default() += 1;
        }
        let versions = self.current_versions(&collections).await?;
        Ok(collections
            .into_iter()
            .zip(versions)
            .map(|(c, (operations, api_version))| CollectionRow {
                organizations: grants.get(&c.id).copied().unwrap_or_default(),
                slug: c.slug,
                name: c.name,
                published: c.published,
                listed: c.listed,
                operations: u32::try_from(operations).unwrap_or_default(),
                api_version,
                versions: c.current_version,
                updated_at: shown(c.updated_at),
            })
            .collect())
    }

    async fn settings(&self, slug: &str) -> Result<CollectionSettings, AppError> {
        let collection = self.find(&self.db, slug).await?;
        let versions = collection_version::Entity::find()
            .select_only()
            .columns([
                collection_version::Column::Number,
                collection_version::Column::ApiVersion,
                collection_version::Column::Operations,
                collection_version::Column::Warnings,
                collection_version::Column::Source,
                collection_version::Column::CreatedAt,
            ])
            .filter(collection_version::Column::CollectionId.eq(collection.id))
            .order_by_desc(collection_version::Column::Number)
            .into_tuple::<(
                i32,
                String,
                i32,
                String,
                Option<String>,
                chrono::DateTime<chrono::Utc>,
            )>()
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(
                |(number, api_version, operations, warnings, source, at)| AdminVersion {
                    number,
                    api_version,
                    published_at: shown(at),
                    operations: u32::try_from(operations).unwrap_or_default(),
                    warnings: serde_json::from_str(&warnings).unwrap_or_default(),
                    source,
                },
            )
            .collect();
        let grants = collection_grant::Entity::find()
            .filter(collection_grant::Column::CollectionId.eq(collection.id))
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        let names: BTreeMap<Uuid, String> = organization::Entity::find()
            .filter(organization::Column::Id.is_in(grants.iter().map(|g| g.organization_id)))
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        let slug = app::types::Slug::parse(&collection.slug).map_err(|_| AppError::Internal)?;
        Ok(CollectionSettings {
            form: CollectionForm {
                tags: collection.tag_list(),
                name: collection.name,
                slug,
                summary: collection.summary,
                description: collection.description,
                logo_url: collection.logo_url,
                listed: collection.listed,
                published: collection.published,
                sandbox_url: collection.sandbox_url,
                production_url: collection.production_url,
            },
            versions,
            grants: grants
                .into_iter()
                .map(|g| GrantRow {
                    organization_id: g.organization_id.to_string(),
                    organization: names.get(&g.organization_id).cloned().unwrap_or_default(),
                    granted_at: shown(g.granted_at),
                    source: g.source,
                })
                .collect(),
        })
    }

    async fn update(
        &self,
        actor: &Viewer,
        slug: &str,
        form: CollectionForm,
        request: &http::request::Parts,
    ) -> Result<String, AppError> {
        let txn = self.db.begin().await.map_err(DomainError::from)?;
        let current = self.find(&txn, slug).await?;
        if form.slug.as_str() != current.slug {
            let taken = collection::Entity::find()
                .filter(collection::Column::Slug.eq(form.slug.as_str()))
                .one(&txn)
                .await
                .map_err(DomainError::from)?
                .is_some();
            if taken {
                return Err(AppError::invalid(
                    "slug",
                    format!("The slug {} is taken by another collection.", form.slug),
                ));
            }
        }
        collection::ActiveModel {
            id: Set(current.id),
            slug: Set(form.slug.to_string()),
            name: Set(form.name),
            summary: Set(form.summary),
            description: Set(form.description),
            tags: Set(serde_json::to_string(&form.tags).unwrap_or_else(|_| "[]".to_owned())),
            logo_url: Set(form.logo_url),
            listed: Set(form.listed),
            published: Set(form.published),
            sandbox_url: Set(form.sandbox_url),
            production_url: Set(form.production_url),
            updated_at: Set(self.clock.now()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        let action = match (current.published, form.published) {
            (false, true) => "collection.published",
            (true, false) => "collection.unpublished",
            _ => "collection.updated",
        };
        AuditEvent::by_viewer(actor, action)
            .on("collection", current.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({ "slug": form.slug.as_str() }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(form.slug.to_string())
    }

    async fn set_grant(
        &self,
        actor: &Viewer,
        slug: &str,
        organization_id: &str,
        granted: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let missing = || {
            AppError::invalid(
                "organization_id",
                "That organization does not exist any more. Reload the page.",
            )
        };
        let organization_id = Uuid::parse_str(organization_id).map_err(|_| missing())?;
        let txn = self.db.begin().await.map_err(DomainError::from)?;
        let collection = self.find(&txn, slug).await?;
        let organization = organization::Entity::find_by_id(organization_id)
            .one(&txn)
            .await
            .map_err(DomainError::from)?
            .ok_or_else(missing)?;
        let existing = collection_grant::Entity::find_by_id((collection.id, organization.id))
            .one(&txn)
            .await
            .map_err(DomainError::from)?;
        match (granted, existing) {
            (true, Some(_)) => {
                return Err(AppError::invalid(
                    "organization_id",
                    format!("{} already has access.", organization.name),
                ));
            }
            (false, None) => return Err(not_found()),
            (true, None) => {
                collection_grant::ActiveModel {
                    collection_id: Set(collection.id),
                    organization_id: Set(organization.id),
                    source: Set(collection_grant::SOURCE_ADMIN.to_owned()),
                    granted_at: Set(self.clock.now()),
                    granted_by: Set(viewer_id(actor).ok()),
                }
                .insert(&txn)
                .await
                .map_err(DomainError::from)?;
            }
            (false, Some(_)) => {
                collection_grant::Entity::delete_by_id((collection.id, organization.id))
                    .exec(&txn)
                    .await
                    .map_err(DomainError::from)?;
            }
        }
        AuditEvent::by_viewer(
            actor,
            if granted {
                "collection.granted"
            } else {
                "collection.grant_revoked"
            },
        )
        .on("collection", collection.id)
        .from_addr(client_addr(&request.extensions))
        .with_details(serde_json::json!({ "organization": organization.name }))
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }
}
