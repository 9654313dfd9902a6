//! The catalog behind the reference docs: importing documents into collections, the access
//! rules, and serving parsed documents from a small cache.

mod admin;
pub mod routes;

use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, Mutex};

use app::auth::Viewer;
use app::catalog::{
    CatalogService, CollectionCard, CollectionOverview, DiscoverResults, OperationDetail,
    OperationGroup, OperationLink, VersionEntry,
};
use app::error::AppError;
use app::types::Slug;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::clock::{Clock, shown};
use crate::directory::{organizations_of, viewer_id};
use crate::entities::{collection, collection_version};
use crate::error::DomainError;
use crate::markdown;
use crate::openapi::{self, Document, Renderer};

/// Parsed documents kept in memory: parsing a large one takes longer than rendering a page.
const CACHED_DOCUMENTS: usize = 8;

/// A collection's version: (collection id, version number).
type VersionKey = (Uuid, i32);

pub struct Catalog {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    /// Most recently used first.
    cache: Mutex<Vec<(VersionKey, Arc<Document>)>>,
}

/// An event by the admin who acted, or by Portico itself.
fn event_by(actor: Option<&Viewer>, action: &'static str) -> AuditEvent {
    match actor {
        Some(actor) => AuditEvent::by_viewer(actor, action),
        None => AuditEvent::new("system", action),
    }
}

fn not_found() -> AppError {
    AppError::NotFound(app::t!("catalog-that-api"))
}

/// The result of importing a document.
#[derive(Debug)]
pub struct Imported {
    pub collection: collection::Model,
    pub version: i32,
    pub warnings: Vec<String>,
}

/// Runs `work` off the async threads, in the language of the request: what it writes for people
/// (import errors and warnings, the words of a rendered operation) follows it there.
async fn off_the_async_threads<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let locale = app::i18n::current();
    tokio::task::spawn_blocking(move || app::i18n::in_locale(locale, work))
        .await
        .map_err(|_| AppError::Internal)
}

/// Parses off the async threads: a large document takes a while.
pub async fn parse_document(text: String) -> Result<Document, AppError> {
    off_the_async_threads(move || openapi::parse(&text))
        .await?
        .map_err(|error| AppError::invalid("document", error.0))
}

impl Catalog {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>) -> Catalog {
        Catalog {
            db,
            clock,
            cache: Mutex::new(Vec::new()),
        }
    }

    /// The parsed document of one version, from the cache or the database.
    pub async fn document(
        &self,
        collection_id: Uuid,
        number: i32,
    ) -> Result<Arc<Document>, AppError> {
        let key = (collection_id, number);
        if let Some(document) = self
            .cache
            .lock()
            .map_err(|_| AppError::Internal)?
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, d)| d.clone())
        {
            return Ok(document);
        }
        let version = collection_version::Entity::find_by_id(key)
            .one(&self.db)
            .await
            .map_err(DomainError::from)?
            .ok_or_else(not_found)?;
        let document = Arc::new(parse_document(version.document).await.map_err(|error| {
            tracing::error!(%collection_id, number, ?error, "a stored document no longer parses");
            AppError::Internal
        })?);
        let mut cache = self.cache.lock().map_err(|_| AppError::Internal)?;
        cache.retain(|(k, _)| *k != key);
        cache.insert(0, (key, document.clone()));
        cache.truncate(CACHED_DOCUMENTS);
        Ok(document)
    }

    async fn unique_slug(
        &self,
        db: &impl ConnectionTrait,
        wanted: &Slug,
    ) -> Result<Slug, AppError> {
        let mut candidate = wanted.clone();
        for n in 2..1000 {
            let taken = collection::Entity::find()
                .filter(collection::Column::Slug.eq(candidate.as_str()))
                .one(db)
                .await
                .map_err(DomainError::from)?
                .is_some();
            if !taken {
                return Ok(candidate);
            }
            let base: String = wanted.as_str().chars().take(58).collect();
            candidate = Slug::parse(&format!("{}-{n}", base.trim_end_matches('-')))
                .map_err(|e| AppError::invalid("slug", e.to_string()))?;
        }
        Err(AppError::invalid("slug", app::t!("catalog-slug-taken")))
    }

    /// Creates a draft collection from a document; its name, summary and description come from
    /// the document and can be edited afterwards.
    pub async fn import(
        &self,
        actor: Option<&Viewer>,
        text: String,
        source: Option<String>,
    ) -> Result<Imported, AppError> {
        let document = parse_document(text.clone()).await?;
        let now = self.clock.now();
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let wanted = Slug::from_name(&document.title)
            .or_else(|_| Slug::parse("api"))
            .map_err(|e| AppError::invalid("slug", e.to_string()))?;
        let slug = self.unique_slug(&txn, &wanted).await?;
        let collection = collection::ActiveModel {
            id: Set(Uuid::now_v7()),
            slug: Set(slug.to_string()),
            name: Set(document.title.chars().take(120).collect()),
            summary: Set(document.summary.chars().take(300).collect()),
            description: Set(document.description.clone()),
            tags: Set("[]".to_owned()),
            logo_url: Set(None),
            listed: Set(true),
            published: Set(false),
            sandbox_url: Set(None),
            production_url: Set(None),
            current_version: Set(1),
            auto_approve: Set(String::new()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(DomainError::from)?;
        self.store_version(&txn, &collection, 1, &document, text, source, actor)
            .await?;
        event_by(actor, "collection.imported")
            .on("collection", collection.id)
            .with_details(
                serde_json::json!({ "slug": collection.slug, "operations": document.operations.len() }),
            )
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(Imported {
            collection,
            version: 1,
            warnings: document.warnings,
        })
    }

    /// Adds a new version of the document; the previous ones stay downloadable.
    pub async fn replace_document(
        &self,
        actor: Option<&Viewer>,
        slug: &str,
        text: String,
        source: Option<String>,
    ) -> Result<Imported, AppError> {
        let document = parse_document(text.clone()).await?;
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let collection = self.find(&txn, slug).await?;
        let number = collection.current_version + 1;
        self.store_version(&txn, &collection, number, &document, text, source, actor)
            .await?;
        let collection = collection::ActiveModel {
            id: Set(collection.id),
            current_version: Set(number),
            updated_at: Set(self.clock.now()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        event_by(actor, "collection.document_replaced")
            .on("collection", collection.id)
            .with_details(serde_json::json!({ "version": number }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(Imported {
            collection,
            version: number,
            warnings: document.warnings,
        })
    }

    /// The text of the collection's current document, as it was imported.
    pub async fn current_text(&self, slug: &str) -> Result<String, AppError> {
        let collection = self.find(&self.db, slug).await?;
        collection_version::Entity::find_by_id((collection.id, collection.current_version))
            .one(&self.db)
            .await
            .map_err(DomainError::from)?
            .map(|version| version.document)
            .ok_or_else(not_found)
    }

    /// Keeps the collection `slug`, which describes an API of Portico's own, at `text`: imported
    /// on first start as published but hidden from Discover (admins read it; organizations can be
    /// granted it), and a new version whenever the text changes. A collection of that slug made
    /// by someone else is left alone.
    pub async fn keep_own_document(&self, slug: &str, text: String) -> Result<(), AppError> {
        let current = match self.find(&self.db, slug).await {
            Ok(collection) => Some(collection),
            Err(AppError::NotFound(_)) => None,
            Err(error) => return Err(error),
        };
        let Some(collection) = current else {
            let imported = self.import(None, text, None).await?;
            if imported.collection.slug != slug {
                return Err(AppError::Conflict(format!(
                    "the document's title does not give the slug {slug}"
                )));
            }
            collection::ActiveModel {
                id: Set(imported.collection.id),
                published: Set(true),
                listed: Set(false),
                ..Default::default()
            }
            .update(&self.db)
            .await
            .map_err(DomainError::from)?;
            return Ok(());
        };
        let version =
            collection_version::Entity::find_by_id((collection.id, collection.current_version))
                .one(&self.db)
                .await
                .map_err(DomainError::from)?;
        let Some(version) = version else {
            return Ok(());
        };
        if version.created_by.is_some() {
            tracing::warn!(
                slug,
                "a collection made by an admin has this slug; left alone"
            );
            return Ok(());
        }
        if version.document != text {
            self.replace_document(None, slug, text, None).await?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn store_version(
        &self,
        db: &impl ConnectionTrait,
        collection: &collection::Model,
        number: i32,
        document: &Document,
        text: String,
        source: Option<String>,
        actor: Option<&Viewer>,
    ) -> Result<(), AppError> {
        collection_version::ActiveModel {
            collection_id: Set(collection.id),
            number: Set(number),
            api_version: Set(document.api_version.clone()),
            format: Set(document.format.as_str().to_owned()),
            document: Set(text),
            operations: Set(i32::try_from(document.operations.len()).unwrap_or(i32::MAX)),
            warnings: Set(serde_json::to_string(&document.warnings).unwrap_or_default()),
            search_text: Set(document.search_text()),
            source: Set(source),
            created_at: Set(self.clock.now()),
            created_by: Set(actor.and_then(|a| viewer_id(a).ok())),
        }
        .insert(db)
        .await
        .map_err(DomainError::from)?;
        Ok(())
    }

    async fn find(
        &self,
        db: &impl ConnectionTrait,
        slug: &str,
    ) -> Result<collection::Model, AppError> {
        collection::Entity::find()
            .filter(collection::Column::Slug.eq(slug))
            .one(db)
            .await
            .map_err(DomainError::from)?
            .ok_or_else(not_found)
    }

    /// Collection ids the viewer's organizations have access to now.
    async fn granted_to(&self, viewer: &Viewer) -> Result<HashSet<Uuid>, AppError> {
        let organizations = organizations_of(&self.db, viewer_id(viewer)?).await?;
        Ok(
            crate::access::grants::granted_collections(&self.db, &organizations, self.clock.now())
                .await?,
        )
    }

    /// Collection ids the viewer's organizations asked for and wait on.
    async fn requested_by(&self, viewer: &Viewer) -> Result<HashSet<Uuid>, AppError> {
        let organizations = organizations_of(&self.db, viewer_id(viewer)?).await?;
        Ok(crate::access::pending_collections(&self.db, &organizations).await?)
    }

    /// The collection, if `viewer` may read it; "not found" otherwise, whatever the reason.
    pub async fn readable(
        &self,
        viewer: &Viewer,
        slug: &str,
    ) -> Result<(collection::Model, bool), AppError> {
        let collection = self.find(&self.db, slug).await?;
        let has_access = self.granted_to(viewer).await?.contains(&collection.id);
        let readable =
            viewer.is_admin || (collection.published && (collection.listed || has_access));
        if readable {
            Ok((collection, has_access || viewer.is_admin))
        } else {
            Err(not_found())
        }
    }

    /// (operations, API version) of each collection's current version, in one query.
    async fn current_versions(
        &self,
        collections: &[collection::Model],
    ) -> Result<Vec<(i32, String)>, AppError> {
        let rows: Vec<(Uuid, i32, i32, String)> = collection_version::Entity::find()
            .select_only()
            .column(collection_version::Column::CollectionId)
            .column(collection_version::Column::Number)
            .column(collection_version::Column::Operations)
            .column(collection_version::Column::ApiVersion)
            .filter(
                collection_version::Column::CollectionId.is_in(collections.iter().map(|c| c.id)),
            )
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        Ok(collections
            .iter()
            .map(|collection| {
                rows.iter()
                    .find(|(id, number, _, _)| {
                        *id == collection.id && *number == collection.current_version
                    })
                    .map(|(_, _, operations, api_version)| (*operations, api_version.clone()))
                    .unwrap_or_default()
            })
            .collect())
    }

    pub(crate) async fn cards(
        &self,
        collections: Vec<collection::Model>,
        has_access: impl Fn(&collection::Model) -> bool,
    ) -> Result<Vec<CollectionCard>, AppError> {
        let versions = self.current_versions(&collections).await?;
        Ok(collections
            .into_iter()
            .zip(versions)
            .map(|(collection, (operations, api_version))| CollectionCard {
                has_access: has_access(&collection),
                request_pending: false,
                tags: collection.tag_list(),
                slug: collection.slug,
                name: collection.name,
                summary: collection.summary,
                operations: u32::try_from(operations).unwrap_or_default(),
                api_version,
                logo_url: collection.logo_url,
            })
            .collect())
    }

    fn card(
        &self,
        collection: &collection::Model,
        document: &Document,
        has_access: bool,
    ) -> CollectionCard {
        CollectionCard {
            slug: collection.slug.clone(),
            name: collection.name.clone(),
            summary: collection.summary.clone(),
            tags: collection.tag_list(),
            operations: u32::try_from(document.operations.len()).unwrap_or_default(),
            api_version: document.api_version.clone(),
            has_access,
            request_pending: false,
            logo_url: collection.logo_url.clone(),
        }
    }
}

fn link(operation: &openapi::OperationRef) -> OperationLink {
    OperationLink {
        id: operation.id.clone(),
        method: operation.method.clone(),
        path: operation.path.clone(),
        summary: operation.summary.clone(),
        deprecated: operation.deprecated,
    }
}

/// One operation's page, in the navigation order of the collection page.
fn render_operation(
    document: &Document,
    card: CollectionCard,
    operation_id: &str,
) -> Result<OperationDetail, AppError> {
    let ordered: Vec<&openapi::OperationRef> = document
        .groups()
        .into_iter()
        .flat_map(|(_, list)| list)
        .collect();
    let position = ordered
        .iter()
        .position(|op| op.id == operation_id)
        .ok_or_else(|| AppError::NotFound(app::t!("catalog-that-operation")))?;
    let operation = ordered[position];
    let renderer = Renderer { document };
    let rendered = renderer.operation(operation);
    Ok(OperationDetail {
        collection: card,
        id: operation.id.clone(),
        method: operation.method.clone(),
        path: operation.path.clone(),
        summary: operation.summary.clone(),
        description_html: rendered.description_html,
        deprecated: operation.deprecated,
        tags: operation.tags.clone(),
        security: rendered.security,
        parameters: rendered.parameters,
        request_body: rendered.request_body,
        responses: rendered.responses,
        previous: position.checked_sub(1).map(|i| link(ordered[i])),
        next: ordered.get(position + 1).map(|op| link(op)),
    })
}

/// `LIKE` pattern for a literal search text.
fn contains_pattern(text: &str) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[async_trait::async_trait]
impl CatalogService for Catalog {
    async fn my_apis(&self, viewer: &Viewer) -> Result<Vec<CollectionCard>, AppError> {
        let granted = self.granted_to(viewer).await?;
        let collections = collection::Entity::find()
            .filter(collection::Column::Id.is_in(granted.iter().copied()))
            .filter(collection::Column::Published.eq(true))
            .order_by_asc(collection::Column::Name)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        self.cards(collections, |_| true).await
    }

    async fn discover(
        &self,
        viewer: &Viewer,
        query: &str,
        tag: &str,
    ) -> Result<DiscoverResults, AppError> {
        let granted = self.granted_to(viewer).await?;
        let candidates: Vec<collection::Model> = collection::Entity::find()
            .filter(collection::Column::Published.eq(true))
            .filter(collection::Column::Listed.eq(true))
            .order_by_asc(collection::Column::Name)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .filter(|c| !granted.contains(&c.id))
            .collect();
        let tags: BTreeSet<String> = candidates.iter().flat_map(|c| c.tag_list()).collect();
        let query = query.to_lowercase();
        let in_operations: HashSet<Uuid> = if query.is_empty() {
            HashSet::new()
        } else {
            let ids: Vec<Uuid> = candidates.iter().map(|c| c.id).collect();
            let rows: Vec<(Uuid, i32)> =
                collection_version::Entity::find()
                    .select_only()
                    .column(collection_version::Column::CollectionId)
                    .column(collection_version::Column::Number)
                    .filter(collection_version::Column::CollectionId.is_in(ids))
                    .filter(Expr::col(collection_version::Column::SearchText).like(
                        sea_orm::sea_query::LikeExpr::new(contains_pattern(&query)).escape('\\'),
                    ))
                    .into_tuple()
                    .all(&self.db)
                    .await
                    .map_err(DomainError::from)?;
            rows.into_iter()
                .filter(|(id, number)| {
                    candidates
                        .iter()
                        .any(|c| c.id == *id && c.current_version == *number)
                })
                .map(|(id, _)| id)
                .collect()
        };
        let matching: Vec<collection::Model> = candidates
            .into_iter()
            .filter(|c| tag.is_empty() || c.tag_list().iter().any(|t| t == tag))
            .filter(|c| {
                query.is_empty()
                    || in_operations.contains(&c.id)
                    || c.name.to_lowercase().contains(&query)
                    || c.summary.to_lowercase().contains(&query)
                    || c.tag_list()
                        .iter()
                        .any(|t| t.to_lowercase().contains(&query))
            })
            .collect();
        let requested = self.requested_by(viewer).await?;
        let pending: Vec<bool> = matching.iter().map(|c| requested.contains(&c.id)).collect();
        let mut cards = self.cards(matching, |_| false).await?;
        for (card, pending) in cards.iter_mut().zip(pending) {
            card.request_pending = pending;
        }
        Ok(DiscoverResults {
            cards,
            tags: tags.into_iter().collect(),
        })
    }

    async fn collection(
        &self,
        viewer: &Viewer,
        slug: &str,
    ) -> Result<CollectionOverview, AppError> {
        let (collection, has_access) = self.readable(viewer, slug).await?;
        let document = self
            .document(collection.id, collection.current_version)
            .await?;
        let renderer = Renderer {
            document: &document,
        };
        let groups = document
            .groups()
            .into_iter()
            .map(|(tag, operations)| OperationGroup {
                tag,
                operations: operations.into_iter().map(link).collect(),
            })
            .collect();
        let versions = collection_version::Entity::find()
            .select_only()
            .column(collection_version::Column::Number)
            .column(collection_version::Column::ApiVersion)
            .column(collection_version::Column::CreatedAt)
            .filter(collection_version::Column::CollectionId.eq(collection.id))
            .order_by_desc(collection_version::Column::Number)
            .into_tuple::<(i32, String, chrono::DateTime<chrono::Utc>)>()
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|(number, api_version, at)| VersionEntry {
                number,
                api_version,
                published_at: shown(at),
                current: number == collection.current_version,
            })
            .collect();
        let description = if collection.description.trim().is_empty() {
            document.description.clone()
        } else {
            collection.description.clone()
        };
        let mut card = self.card(&collection, &document, has_access);
        card.request_pending =
            !has_access && self.requested_by(viewer).await?.contains(&collection.id);
        Ok(CollectionOverview {
            card,
            title: document.title.clone(),
            description_html: markdown::to_html(&description),
            servers: renderer.servers(
                collection.sandbox_url.as_deref(),
                collection.production_url.as_deref(),
            ),
            auth: renderer.auth_schemes(),
            groups,
            versions,
        })
    }

    async fn operation(
        &self,
        viewer: &Viewer,
        slug: &str,
        operation_id: &str,
    ) -> Result<OperationDetail, AppError> {
        let (collection, has_access) = self.readable(viewer, slug).await?;
        let document = self
            .document(collection.id, collection.current_version)
            .await?;
        let card = self.card(&collection, &document, has_access);
        let operation_id = operation_id.to_owned();
        // Rendering walks schemas (bounded, but large ones take a while): off the async threads.
        off_the_async_threads(move || render_operation(&document, card, &operation_id)).await?
    }
}
