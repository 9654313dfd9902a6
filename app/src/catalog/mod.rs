//! The API catalog: My APIs, Discover, and each collection's reference docs.

mod pages;
mod reference;
mod samples;
mod types;

pub use pages::{DiscoverPage, MyApisPage};
pub use reference::{CollectionPage, OperationPage};
pub use samples::{SampleCall, SampleValue, code_samples};
pub use types::*;

use leptos::prelude::*;

use crate::error::AppError;

/// What developers read. Every method applies the access rules for `viewer`: drafts are for
/// admins, hidden collections for organizations with access, and anything else answers "not
/// found", exactly as if it did not exist.
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait CatalogService: Send + Sync {
    /// Collections the viewer's organizations have access to.
    async fn my_apis(&self, viewer: &crate::auth::Viewer) -> Result<Vec<CollectionCard>, AppError>;
    /// Published, listed collections the viewer's organizations do not have yet, matching
    /// `query` (names, summaries, tags, operation paths and summaries) and `tag`.
    async fn discover(
        &self,
        viewer: &crate::auth::Viewer,
        query: &str,
        tag: &str,
    ) -> Result<DiscoverResults, AppError>;
    async fn collection(
        &self,
        viewer: &crate::auth::Viewer,
        slug: &str,
    ) -> Result<CollectionOverview, AppError>;
    async fn operation(
        &self,
        viewer: &crate::auth::Viewer,
        slug: &str,
        operation_id: &str,
    ) -> Result<OperationDetail, AppError>;
}

#[server(prefix = "/rpc", endpoint = "my-apis")]
pub async fn load_my_apis() -> Result<Vec<CollectionCard>, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    crate::services::services()?.catalog.my_apis(&viewer).await
}

#[server(prefix = "/rpc", endpoint = "discover")]
pub async fn search_catalog(
    #[server(default)] query: String,
    #[server(default)] tag: String,
) -> Result<DiscoverResults, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let (query, tag) = (query.trim(), tag.trim());
    if query.chars().count() > 200 {
        return Err(AppError::invalid(
            "query",
            crate::t!("catalog-query-too-long"),
        ));
    }
    if tag.chars().count() > 100 {
        return Err(AppError::invalid("tag", crate::t!("catalog-tag-unknown")));
    }
    crate::services::services()?
        .catalog
        .discover(&viewer, query, tag)
        .await
}

#[server(prefix = "/rpc", endpoint = "collection")]
pub async fn load_collection(slug: String) -> Result<CollectionOverview, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    crate::services::services()?
        .catalog
        .collection(&viewer, &slug)
        .await
}

#[server(prefix = "/rpc", endpoint = "operation")]
pub async fn load_operation(
    slug: String,
    operation_id: String,
) -> Result<OperationDetail, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    crate::services::services()?
        .catalog
        .operation(&viewer, &slug, &operation_id)
        .await
}
