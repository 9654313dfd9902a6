//! Identity providers added, changed, tested, switched and deleted in the admin pages. Each
//! change is audited and reloads the providers people can sign in with at once.

use std::sync::Arc;

use app::admin::{
    ConnectionCheck, IdentityProvidersService, ProviderConfig, ProviderEditor, ProviderRow,
    ProviderSource,
};
use app::auth::Viewer;
use app::error::AppError;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::audit::AuditEvent;
use crate::auth::sso::Sso;
use crate::clock::Clock;
use crate::entities::{identity_provider, membership, organization, session, user_identity};
use crate::error::DomainError;
use crate::web::client_addr;

pub struct IdentityProviders {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub sso: Arc<Sso>,
}

fn not_found() -> AppError {
    AppError::NotFound(app::t!("sso-not-found-what"))
}

/// Rows that name provider `from` in `column` name `to` instead.
async fn move_provider<E: EntityTrait>(
    txn: &sea_orm::DatabaseTransaction,
    column: E::Column,
    from: &str,
    to: &str,
) -> Result<(), DomainError> {
    E::update_many()
        .col_expr(column, Expr::value(to))
        .filter(column.eq(from))
        .exec(txn)
        .await?;
    Ok(())
}

fn read_only() -> AppError {
    AppError::Refused(app::t!("sso-read-only"))
}

impl IdentityProviders {
    async fn accounts(&self, slug: &str) -> Result<u64, DomainError> {
        Ok(user_identity::Entity::find()
            .filter(user_identity::Column::Provider.eq(slug))
            .count(&self.db)
            .await?)
    }

    async fn row_of(
        &self,
        config: &ProviderConfig,
        source: ProviderSource,
        enabled: bool,
        problem: Option<String>,
    ) -> Result<ProviderRow, DomainError> {
        Ok(ProviderRow {
            slug: config.slug.clone(),
            name: config.name.clone(),
            issuer: config.issuer.clone(),
            source,
            enabled,
            jit: config.jit,
            enforce_sso: config.enforce_sso,
            allowed_domains: config.allowed_domains.clone(),
            accounts: self.accounts(&config.slug).await?,
            problem,
        })
    }

    /// A stored provider as a row; its configuration even when the secret cannot be opened.
    async fn stored_row(
        &self,
        stored: &identity_provider::Model,
    ) -> Result<(ProviderRow, ProviderConfig), AppError> {
        let (config, problem) = match self.sso.stored_config(stored) {
            Ok(config) => (config, None),
            Err(problem) => (
                serde_json::from_str::<ProviderConfig>(&stored.config).map_err(|error| {
                    tracing::error!(%error, slug = %stored.slug, "stored provider unreadable");
                    AppError::Internal
                })?,
                Some(problem),
            ),
        };
        let row = self
            .row_of(&config, ProviderSource::Portal, stored.enabled, problem)
            .await?;
        Ok((row, config))
    }

    fn declared(&self, slug: &str) -> Option<&ProviderConfig> {
        self.sso.declared().iter().find(|c| c.slug == slug)
    }

    async fn stored(&self, slug: &str) -> Result<Option<identity_provider::Model>, DomainError> {
        Ok(identity_provider::Entity::find_by_id(slug.to_owned())
            .one(&self.db)
            .await?)
    }

    async fn reload(&self) {
        if let Err(error) = self.sso.reload().await {
            tracing::error!(%error, "could not reload identity providers");
        }
    }
}

#[async_trait::async_trait]
impl IdentityProvidersService for IdentityProviders {
    async fn list(&self) -> Result<Vec<ProviderRow>, AppError> {
        let mut rows = Vec::new();
        for config in self.sso.declared() {
            rows.push(
                self.row_of(config, ProviderSource::Settings, true, None)
                    .await?,
            );
        }
        let stored = identity_provider::Entity::find()
            .order_by_asc(identity_provider::Column::Slug)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        for stored in stored {
            let (mut row, _) = self.stored_row(&stored).await?;
            if self.declared(&stored.slug).is_some() {
                row.problem = Some(app::t!("sso-hidden-by-settings"));
            }
            rows.push(row);
        }
        Ok(rows)
    }

    async fn editor(&self, slug: Option<&str>) -> Result<ProviderEditor, AppError> {
        let (provider, config) = match slug {
            None => (None, ProviderConfig::blank()),
            Some(slug) => match self.declared(slug) {
                Some(config) => (
                    Some(
                        self.row_of(config, ProviderSource::Settings, true, None)
                            .await?,
                    ),
                    config.clone(),
                ),
                None => {
                    let stored = self.stored(slug).await?.ok_or_else(not_found)?;
                    let (row, config) = self.stored_row(&stored).await?;
                    (Some(row), config)
                }
            },
        };
        let organizations = organization::Entity::find()
            .order_by_asc(organization::Column::Name)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|o| (o.slug, o.name))
            .collect();
        Ok(ProviderEditor {
            provider,
            config,
            organizations,
            base_url: self
                .sso
                .base_url()
                .as_str()
                .trim_end_matches('/')
                .to_owned(),
        })
    }

    async fn save(
        &self,
        actor: &Viewer,
        current: Option<&str>,
        mut config: ProviderConfig,
        request: &http::request::Parts,
    ) -> Result<String, AppError> {
        if current.is_some_and(|slug| self.declared(slug).is_some()) {
            return Err(read_only());
        }
        let existing = match current {
            Some(slug) => Some(self.stored(slug).await?.ok_or_else(not_found)?),
            None => None,
        };
        let secret_given = !config.client_secret.is_empty();
        if !secret_given && let Some(existing) = &existing {
            // The secret was given for one provider and client: it goes nowhere else unless
            // someone who knows it enters it again.
            let before: Option<ProviderConfig> = serde_json::from_str(&existing.config).ok();
            if before.is_none_or(|b| b.issuer != config.issuer || b.client_id != config.client_id) {
                return Err(AppError::invalid(
                    "client_secret",
                    app::t!("sso-secret-again-changed"),
                ));
            }
            // Kept: the form never shows it, so an empty field means "unchanged".
            config.client_secret = self.sso.open_secret(existing).ok_or_else(|| {
                AppError::invalid("client_secret", app::t!("sso-secret-unreadable-form"))
            })?;
        }
        config.check()?;
        let renamed = current != Some(config.slug.as_str());
        if renamed
            && (self.declared(&config.slug).is_some() || self.stored(&config.slug).await?.is_some())
        {
            return Err(AppError::invalid("slug", app::t!("sso-slug-taken")));
        }
        if let Some(slug) = &config.organization
            && organization::Entity::find()
                .filter(organization::Column::Slug.eq(slug))
                .one(&self.db)
                .await
                .map_err(DomainError::from)?
                .is_none()
        {
            return Err(AppError::invalid(
                "organization",
                app::t!("sso-organization-missing"),
            ));
        }
        let now = self.clock.now();
        let sealed = self.sso.seal_secret(&config.slug, &config.client_secret)?;
        let json = serde_json::to_string(&config).map_err(|_| AppError::Internal)?;
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        if let Some(existing) = &existing
            && renamed
        {
            identity_provider::Entity::delete_by_id(existing.slug.clone())
                .exec(&txn)
                .await
                .map_err(DomainError::from)?;
            // Accounts, group-made memberships and sessions follow the provider to its new
            // slug.
            move_provider::<user_identity::Entity>(
                &txn,
                user_identity::Column::Provider,
                &existing.slug,
                &config.slug,
            )
            .await?;
            move_provider::<membership::Entity>(
                &txn,
                membership::Column::Provider,
                &existing.slug,
                &config.slug,
            )
            .await?;
            move_provider::<session::Entity>(
                &txn,
                session::Column::Provider,
                &existing.slug,
                &config.slug,
            )
            .await?;
        }
        let row = identity_provider::ActiveModel {
            slug: Set(config.slug.clone()),
            config: Set(json),
            sealed_secret: Set(sealed),
            enabled: Set(existing.as_ref().is_some_and(|e| e.enabled)),
            created_at: Set(existing.as_ref().map_or(now, |e| e.created_at)),
            updated_at: Set(now),
        };
        if existing.is_some() && !renamed {
            row.update(&txn).await.map_err(DomainError::from)?;
        } else {
            row.insert(&txn).await.map_err(|error| {
                // Another admin added the same slug a moment ago.
                if matches!(
                    error.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) {
                    AppError::invalid("slug", app::t!("sso-slug-taken"))
                } else {
                    DomainError::from(error).into()
                }
            })?;
        }
        let action = if existing.is_some() {
            "identity_provider.changed"
        } else {
            "identity_provider.added"
        };
        AuditEvent::by_viewer(actor, action)
            .on("identity_provider", &config.slug)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({
                "issuer": config.issuer,
                "previous_slug": current.filter(|_| renamed),
                "secret_changed": secret_given,
            }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        self.reload().await;
        Ok(config.slug)
    }

    async fn set_enabled(
        &self,
        actor: &Viewer,
        slug: &str,
        enabled: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        if self.declared(slug).is_some() {
            return Err(read_only());
        }
        let stored = self.stored(slug).await?.ok_or_else(not_found)?;
        if enabled {
            self.sso.stored_config(&stored).map_err(AppError::Refused)?;
        }
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        identity_provider::ActiveModel {
            slug: Set(stored.slug.clone()),
            enabled: Set(enabled),
            updated_at: Set(self.clock.now()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        let action = if enabled {
            "identity_provider.enabled"
        } else {
            "identity_provider.disabled"
        };
        AuditEvent::by_viewer(actor, action)
            .on("identity_provider", slug)
            .from_addr(client_addr(&request.extensions))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        self.reload().await;
        Ok(())
    }

    async fn delete(
        &self,
        actor: &Viewer,
        slug: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        // A stored provider hidden by one of the same slug in settings can still be deleted.
        let Some(stored) = self.stored(slug).await? else {
            return Err(if self.declared(slug).is_some() {
                read_only()
            } else {
                not_found()
            });
        };
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        identity_provider::Entity::delete_by_id(stored.slug.clone())
            .exec(&txn)
            .await
            .map_err(DomainError::from)?;
        AuditEvent::by_viewer(actor, "identity_provider.deleted")
            .on("identity_provider", slug)
            .from_addr(client_addr(&request.extensions))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        self.reload().await;
        Ok(())
    }

    async fn test(&self, slug: &str) -> Result<Vec<ConnectionCheck>, AppError> {
        let config = match self.declared(slug) {
            Some(config) => config.clone(),
            None => {
                let stored = self.stored(slug).await?.ok_or_else(not_found)?;
                self.sso.stored_config(&stored).map_err(AppError::Refused)?
            }
        };
        Ok(self.sso.check_connection(&config).await)
    }
}
