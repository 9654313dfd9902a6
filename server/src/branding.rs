//! The portal's branding, kept in `portal_settings` so every process shows the same, and cached
//! here: pages and emails read it on every use, so a change applies without a restart (other
//! processes read it again within a minute).

use std::sync::{Arc, RwLock};

use app::admin::{Branding, BrandingService};
use app::auth::Viewer;
use app::error::AppError;
use sea_orm::sea_query::OnConflict;
use sea_orm::{DatabaseConnection, EntityTrait, Set};

use crate::audit::AuditEvent;
use crate::clock::Clock;
use crate::entities::portal_setting;
use crate::error::DomainError;

const KEY: &str = "branding";

pub struct Brand {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    /// `PORTICO_PORTAL_NAME`: the name until an admin sets one.
    default_name: String,
    current: RwLock<Branding>,
}

impl Brand {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, default_name: String) -> Brand {
        let current = RwLock::new(Branding {
            portal_name: default_name.clone(),
            ..Branding::default()
        });
        Brand {
            db,
            clock,
            default_name,
            current,
        }
    }

    /// The name in the header, page titles and emails.
    pub fn name(&self) -> String {
        self.current().portal_name
    }

    /// Reads the stored branding again.
    pub async fn reload(&self) -> Result<(), DomainError> {
        let stored = portal_setting::Entity::find_by_id(KEY.to_owned())
            .one(&self.db)
            .await?
            .and_then(|row| match serde_json::from_str::<Branding>(&row.value) {
                Ok(branding) => Some(branding),
                Err(error) => {
                    tracing::error!(%error, "stored branding unreadable; showing the defaults");
                    None
                }
            });
        let branding = stored.unwrap_or_else(|| Branding {
            portal_name: self.default_name.clone(),
            ..Branding::default()
        });
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = branding;
        Ok(())
    }
}

#[async_trait::async_trait]
impl BrandingService for Brand {
    fn current(&self) -> Branding {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    async fn save(
        &self,
        actor: &Viewer,
        branding: Branding,
        request: &http::request::Parts,
    ) -> Result<Branding, AppError> {
        let json = serde_json::to_string(&branding).map_err(|_| AppError::Internal)?;
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        portal_setting::Entity::insert(portal_setting::ActiveModel {
            key: Set(KEY.to_owned()),
            value: Set(json),
            updated_at: Set(self.clock.now()),
        })
        .on_conflict(
            OnConflict::column(portal_setting::Column::Key)
                .update_columns([
                    portal_setting::Column::Value,
                    portal_setting::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(&txn)
        .await
        .map_err(DomainError::from)?;
        AuditEvent::by_viewer(actor, "branding.changed")
            .from_addr(crate::web::client_addr(&request.extensions))
            .with_details(serde_json::json!({
                "portal_name": branding.portal_name,
                "accent": branding.accent,
            }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = branding.clone();
        Ok(branding)
    }
}
