//! The status of this Portico process: what the home page's status check shows.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemStatus {
    pub version: String,
    /// "SQLite" or "PostgreSQL".
    pub database: String,
    /// Round trip of a trivial query, in microseconds.
    pub database_latency_us: u64,
    pub organizations: u64,
    pub users: u64,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait SystemService: Send + Sync {
    async fn status(&self) -> Result<SystemStatus, AppError>;
}

#[server(prefix = "/rpc", endpoint = "system-status")]
pub async fn check_system() -> Result<SystemStatus, AppError> {
    use crate::services::services;
    let services = services()?;
    services.system.status().await
}
