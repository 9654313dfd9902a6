//! The home page's status check and the readiness probe share this.

use std::time::Instant;

use app::error::AppError;
use app::system::{SystemService, SystemStatus};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::entities::{organization, user};
use crate::error::DomainError;

pub struct System {
    pub db: DatabaseConnection,
    pub engine: &'static str,
}

impl System {
    /// Times a round trip to the database.
    pub async fn ping(&self) -> Result<u64, DomainError> {
        let started = Instant::now();
        self.db.ping().await?;
        Ok(started.elapsed().as_micros().try_into().unwrap_or(u64::MAX))
    }
}

#[async_trait::async_trait]
impl SystemService for System {
    async fn status(&self) -> Result<SystemStatus, AppError> {
        let database_latency_us = self.ping().await?;
        let organizations = organization::Entity::find()
            .count(&self.db)
            .await
            .map_err(DomainError::from)?;
        let users = user::Entity::find()
            .count(&self.db)
            .await
            .map_err(DomainError::from)?;
        Ok(SystemStatus {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database: self.engine.to_owned(),
            database_latency_us,
            organizations,
            users,
        })
    }
}
