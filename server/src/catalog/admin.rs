//! The admin side of the catalog: listing and editing collections. (Who may use them lives in
//! `access`.)

use std::collections::{BTreeMap, BTreeSet};

use app::admin::{
    AdminVersion, CollectionForm, CollectionRow, CollectionSettings, CollectionsService,
};
use app::auth::Viewer;
use app::error::AppError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::Catalog;
use crate::audit::AuditEvent;
use crate::clock::shown;
use crate::entities::{collection, collection_version};
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
        // Organizations with access, whatever the environment.
        let mut grants: BTreeMap<Uuid, BTreeSet<Uuid>> = BTreeMap::new();
        for grant in crate::access::grants::all_live(&self.db, self.clock.now()).await? {
            grants
                .entry(grant.collection_id)
                .or_default()
                .insert(grant.organization_id);
        }
        let versions = self.current_versions(&collections).await?;
        Ok(collections
            .into_iter()
            .zip(versions)
            .map(|(c, (operations, api_version))| CollectionRow {
                organizations: grants
                    .get(&c.id)
                    .map(|set| u32::try_from(set.len()).unwrap_or(u32::MAX))
                    .unwrap_or_default(),
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
        })
    }

    async fn update(
        &self,
        actor: &Viewer,
        slug: &str,
        form: CollectionForm,
        request: &http::request::Parts,
    ) -> Result<String, AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
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
                    app::t!("collections-slug-taken", slug = form.slug.to_string()),
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
}
