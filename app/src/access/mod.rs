//! Access to collections: developers ask with a reason, admins decide in the portal, and the
//! organization's grants (per environment, perhaps until a date) follow.

mod inbox;
mod pages;
mod types;

pub use inbox::ApprovalsPage;
pub use pages::{GrantsPanel, MyRequestsPage, RequestAccessPage};
pub use types::*;

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::types::Environment;

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait AccessService: Send + Sync {
    /// What the request form needs: the collection, the viewer's organizations, what they have.
    async fn request_form(
        &self,
        viewer: &crate::auth::Viewer,
        slug: &str,
    ) -> Result<RequestFormInfo, AppError>;
    /// Files a request for the viewer's organization; the collection's own rule may approve it
    /// at once.
    async fn request(
        &self,
        viewer: &crate::auth::Viewer,
        slug: &str,
        draft: AccessRequestDraft,
        request: &http::request::Parts,
    ) -> Result<RequestOutcome, AppError>;
    /// The requests of the viewer's organizations, newest first. Reading them marks the
    /// viewer's decided requests as seen.
    async fn my_requests(
        &self,
        viewer: &crate::auth::Viewer,
    ) -> Result<Vec<AccessRequestRow>, AppError>;
    /// Withdraws a pending request (its requester or an admin of its organization).
    async fn withdraw(
        &self,
        viewer: &crate::auth::Viewer,
        request_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// The badge counts of the frame.
    async fn notices(&self, viewer: &crate::auth::Viewer) -> Result<Notices, AppError>;
    async fn notification_setting(&self, viewer: &crate::auth::Viewer) -> Result<bool, AppError>;
    async fn set_notification_setting(
        &self,
        viewer: &crate::auth::Viewer,
        enabled: bool,
    ) -> Result<(), AppError>;

    // Admins only, from here on.
    async fn inbox(&self, filter: InboxFilter) -> Result<Inbox, AppError>;
    /// Decides a pending request once: of two admins deciding at the same moment, the second
    /// learns who was first.
    async fn decide(
        &self,
        actor: &crate::auth::Viewer,
        request_id: &str,
        decision: Decision,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn collection_access(&self, slug: &str) -> Result<CollectionAccess, AppError>;
    async fn grant(
        &self,
        actor: &crate::auth::Viewer,
        slug: &str,
        organization_id: &str,
        environments: &[Environment],
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn revoke(
        &self,
        actor: &crate::auth::Viewer,
        slug: &str,
        organization_id: &str,
        environment: Environment,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn set_auto_approve(
        &self,
        actor: &crate::auth::Viewer,
        slug: &str,
        environments: &[Environment],
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

#[cfg(feature = "ssr")]
fn access() -> Result<std::sync::Arc<dyn AccessService>, AppError> {
    Ok(crate::services::services()?.access)
}

/// The environments ticked in a form (`sandbox` and `production` checkboxes).
#[cfg(feature = "ssr")]
fn ticked(sandbox: bool, production: bool) -> Vec<Environment> {
    [
        (sandbox, Environment::Sandbox),
        (production, Environment::Production),
    ]
    .into_iter()
    .filter_map(|(on, environment)| on.then_some(environment))
    .collect()
}

#[server(prefix = "/rpc", endpoint = "access-request-form")]
pub async fn load_request_form(slug: String) -> Result<RequestFormInfo, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    access()?.request_form(&viewer, &slug).await
}

#[server(prefix = "/rpc", endpoint = "request-access")]
pub async fn request_access(
    slug: String,
    #[server(default)] organization_id: String,
    #[server(default)] sandbox: bool,
    #[server(default)] production: bool,
    #[server(default)] reason: String,
    #[server(default)] notes: String,
) -> Result<RequestOutcome, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let draft = AccessRequestDraft::parse(
        &organization_id,
        ticked(sandbox, production),
        &reason,
        &notes,
    )?;
    access()?
        .request(&viewer, &slug, draft, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "my-requests")]
pub async fn load_my_requests() -> Result<Vec<AccessRequestRow>, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    access()?.my_requests(&viewer).await
}

#[server(prefix = "/rpc", endpoint = "withdraw-request")]
pub async fn withdraw_request(request_id: String) -> Result<(), AppError> {
    let viewer = crate::auth::require_viewer().await?;
    access()?
        .withdraw(&viewer, &request_id, &crate::services::request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "request-notifications")]
pub async fn load_notification_setting() -> Result<bool, AppError> {
    let viewer = crate::auth::require_admin().await?;
    access()?.notification_setting(&viewer).await
}

#[server(prefix = "/rpc", endpoint = "set-request-notifications")]
pub async fn set_notification_setting(#[server(default)] enabled: bool) -> Result<(), AppError> {
    let viewer = crate::auth::require_admin().await?;
    access()?.set_notification_setting(&viewer, enabled).await
}

#[server(prefix = "/rpc", endpoint = "admin-access-inbox")]
pub async fn load_inbox(
    #[server(default)] status: String,
    #[server(default)] collection: String,
    #[server(default)] organization: String,
) -> Result<Inbox, AppError> {
    crate::auth::require_admin().await?;
    access()?
        .inbox(InboxFilter::parse(&status, &collection, &organization)?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-decide-request")]
pub async fn decide_request(
    request_id: String,
    decision: String,
    #[server(default)] note: String,
    #[server(default)] expires_on: String,
) -> Result<(), AppError> {
    let actor = crate::auth::require_admin().await?;
    let decision = Decision::parse(&decision, &note, &expires_on)?;
    access()?
        .decide(
            &actor,
            &request_id,
            decision,
            &crate::services::request_parts()?,
        )
        .await
}

/// Decides several requests the same way. Each is decided on its own: one already decided by
/// someone else does not stop the others.
#[server(prefix = "/rpc", endpoint = "admin-decide-requests")]
pub async fn decide_requests(
    request_ids: Vec<String>,
    decision: String,
    #[server(default)] note: String,
) -> Result<BulkOutcome, AppError> {
    let actor = crate::auth::require_admin().await?;
    let decision = Decision::parse(&decision, &note, "")?;
    if request_ids.is_empty() {
        return Err(AppError::invalid(
            "request_ids",
            crate::t!("access-bulk-none-selected"),
        ));
    }
    if request_ids.len() > 200 {
        return Err(AppError::invalid(
            "request_ids",
            crate::t!("access-bulk-too-many", max = 200u32),
        ));
    }
    let service = access()?;
    let request = crate::services::request_parts()?;
    let mut outcome = BulkOutcome::default();
    for id in &request_ids {
        match service.decide(&actor, id, decision.clone(), &request).await {
            Ok(()) => outcome.decided += 1,
            Err(AppError::Internal) => return Err(AppError::Internal),
            Err(error) => outcome.skipped.push(error.to_string()),
        }
    }
    Ok(outcome)
}

#[server(prefix = "/rpc", endpoint = "admin-collection-access")]
pub async fn load_collection_access(slug: String) -> Result<CollectionAccess, AppError> {
    crate::auth::require_admin().await?;
    access()?.collection_access(&slug).await
}

#[server(prefix = "/rpc", endpoint = "admin-grant-access")]
pub async fn grant_access(
    slug: String,
    #[server(default)] organization_id: String,
    #[server(default)] sandbox: bool,
    #[server(default)] production: bool,
) -> Result<(), AppError> {
    let actor = crate::auth::require_admin().await?;
    if organization_id.trim().is_empty() {
        return Err(AppError::invalid(
            "organization_id",
            crate::t!("access-organization-required"),
        ));
    }
    let environments = ticked(sandbox, production);
    if environments.is_empty() {
        return Err(AppError::invalid(
            "environments",
            crate::t!("access-environments-required"),
        ));
    }
    access()?
        .grant(
            &actor,
            &slug,
            &organization_id,
            &environments,
            &crate::services::request_parts()?,
        )
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-revoke-access")]
pub async fn revoke_access(
    slug: String,
    organization_id: String,
    environment: String,
) -> Result<(), AppError> {
    let actor = crate::auth::require_admin().await?;
    let environment = Environment::parse(&environment).ok_or_else(|| {
        AppError::invalid("environment", crate::t!("access-environment-required"))
    })?;
    access()?
        .revoke(
            &actor,
            &slug,
            &organization_id,
            environment,
            &crate::services::request_parts()?,
        )
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-set-auto-approve")]
pub async fn set_auto_approve(
    slug: String,
    #[server(default)] sandbox: bool,
    #[server(default)] production: bool,
) -> Result<(), AppError> {
    let actor = crate::auth::require_admin().await?;
    access()?
        .set_auto_approve(
            &actor,
            &slug,
            &ticked(sandbox, production),
            &crate::services::request_parts()?,
        )
        .await
}
