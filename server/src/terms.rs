//! Terms of use: versions published by admins, and who accepted which.

use std::collections::BTreeMap;
use std::sync::Arc;

use app::auth::{TermsDocument, TermsService, TermsStatus, TermsVersionRow, Viewer};
use app::error::AppError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::clock::{Clock, shown};
use crate::directory::viewer_id;
use crate::entities::{terms_acceptance, terms_version, user};
use crate::error::DomainError;
use crate::web::client_addr;

pub struct Terms {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
}

/// The terms in force: the newest version, unless it is empty (withdrawn).
async fn current(db: &impl ConnectionTrait) -> Result<Option<terms_version::Model>, DomainError> {
    Ok(terms_version::Entity::find()
        .order_by_desc(terms_version::Column::Version)
        .one(db)
        .await?
        .filter(|terms| !terms.body.trim().is_empty()))
}

/// The version of the terms `user_id` still has to accept, if any.
pub async fn pending_version(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Option<i32>, DomainError> {
    let Some(terms) = current(db).await? else {
        return Ok(None);
    };
    let accepted = terms_acceptance::Entity::find_by_id((user_id, terms.version))
        .one(db)
        .await?
        .is_some();
    Ok((!accepted).then_some(terms.version))
}

async fn record_acceptance(
    db: &impl ConnectionTrait,
    clock: &dyn Clock,
    user_id: Uuid,
    version: i32,
    client: Option<String>,
) -> Result<(), DomainError> {
    terms_acceptance::ActiveModel {
        user_id: Set(user_id),
        version: Set(version),
        accepted_at: Set(clock.now()),
        client_addr: Set(client),
    }
    .insert(db)
    .await?;
    Ok(())
}

#[async_trait::async_trait]
impl TermsService for Terms {
    async fn status(&self, viewer: Option<&Viewer>) -> Result<TermsStatus, AppError> {
        let Some(terms) = current(&self.db).await? else {
            return Ok(TermsStatus {
                current: None,
                accepted_at: None,
                signed_in: viewer.is_some(),
            });
        };
        let accepted_at = match viewer {
            Some(viewer) => {
                terms_acceptance::Entity::find_by_id((viewer_id(viewer)?, terms.version))
                    .one(&self.db)
                    .await
                    .map_err(DomainError::from)?
                    .map(|acceptance| shown(acceptance.accepted_at))
            }
            None => None,
        };
        Ok(TermsStatus {
            current: Some(TermsDocument {
                version: terms.version,
                html: crate::markdown::to_html(&terms.body),
                published_at: shown(terms.published_at),
                markdown: terms.body,
            }),
            accepted_at,
            signed_in: viewer.is_some(),
        })
    }

    async fn accept(
        &self,
        viewer: &Viewer,
        version: i32,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let user_id = viewer_id(viewer)?;
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let Some(terms) = current(&txn).await? else {
            return Err(AppError::invalid(
                "version",
                app::t!("admin-terms-none-to-accept"),
            ));
        };
        if terms.version != version {
            return Err(AppError::invalid(
                "version",
                app::t!("admin-terms-replaced"),
            ));
        }
        let already = terms_acceptance::Entity::find_by_id((user_id, version))
            .one(&txn)
            .await
            .map_err(DomainError::from)?;
        if already.is_none() {
            let client = client_addr(&request.extensions);
            record_acceptance(
                &txn,
                self.clock.as_ref(),
                user_id,
                version,
                client.map(|a| a.to_string()),
            )
            .await?;
            AuditEvent::by_viewer(viewer, "terms.accepted")
                .on("terms", version)
                .from_addr(client)
                .record(&txn, self.clock.as_ref())
                .await?;
        }
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn publish(
        &self,
        actor: &Viewer,
        markdown: &str,
        request: &http::request::Parts,
    ) -> Result<i32, AppError> {
        let actor_id = viewer_id(actor)?;
        let markdown = markdown.trim();
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let latest = terms_version::Entity::find()
            .order_by_desc(terms_version::Column::Version)
            .one(&txn)
            .await
            .map_err(DomainError::from)?;
        if latest
            .as_ref()
            .map_or(markdown.is_empty(), |latest| latest.body == markdown)
        {
            return Err(AppError::invalid(
                "markdown",
                if markdown.is_empty() {
                    app::t!("admin-terms-none-to-withdraw")
                } else {
                    app::t!("admin-terms-unchanged")
                },
            ));
        }
        let version = latest.map_or(1, |latest| latest.version + 1);
        terms_version::ActiveModel {
            version: Set(version),
            body: Set(markdown.to_owned()),
            published_at: Set(self.clock.now()),
            published_by: Set(Some(actor_id)),
        }
        .insert(&txn)
        .await
        .map_err(DomainError::from)?;
        let client = client_addr(&request.extensions);
        if !markdown.is_empty() {
            // The author agrees with what they publish; everyone else is asked.
            record_acceptance(
                &txn,
                self.clock.as_ref(),
                actor_id,
                version,
                client.map(|a| a.to_string()),
            )
            .await?;
        }
        AuditEvent::by_viewer(
            actor,
            if markdown.is_empty() {
                "terms.withdrawn"
            } else {
                "terms.published"
            },
        )
        .on("terms", version)
        .from_addr(client)
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(version)
    }

    async fn history(&self) -> Result<Vec<TermsVersionRow>, AppError> {
        let versions = terms_version::Entity::find()
            .order_by_desc(terms_version::Column::Version)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        let mut acceptances: BTreeMap<i32, u64> = BTreeMap::new();
        for (version, count) in terms_acceptance::Entity::find()
            .select_only()
            .column(terms_acceptance::Column::Version)
            .column_as(terms_acceptance::Column::UserId.count(), "count")
            .group_by(terms_acceptance::Column::Version)
            .into_tuple::<(i32, i64)>()
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
        {
            acceptances.insert(version, count.max(0) as u64);
        }
        let publisher_ids: Vec<Uuid> = versions.iter().filter_map(|v| v.published_by).collect();
        let publishers: BTreeMap<Uuid, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(publisher_ids))
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|person| (person.id, person.email))
            .collect();
        Ok(versions
            .into_iter()
            .map(|terms| TermsVersionRow {
                version: terms.version,
                published_at: shown(terms.published_at),
                published_by: terms
                    .published_by
                    .and_then(|id| publishers.get(&id).cloned()),
                withdrawn: terms.body.trim().is_empty(),
                acceptances: acceptances.get(&terms.version).copied().unwrap_or_default(),
            })
            .collect())
    }
}
