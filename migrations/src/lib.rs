//! Portico's schema. Never edit a migration that has landed: add a new one.

pub use sea_orm_migration::prelude::*;

mod columns;
mod m20261123_000001_core_tables;
mod m20261123_000002_sign_in;
mod m20261124_000001_managed_access;
mod m20261124_000002_catalog;
mod m20261125_000001_access_requests;
mod m20261125_000002_api_keys;
mod m20261125_000003_profiles;
mod m20261125_000004_single_sign_on;
mod m20261125_000005_identity_providers;
mod m20261125_000006_organization_domains;
mod m20261125_000007_admin_api_tokens;
mod m20261201_000001_organization_environments;
mod m20261201_000002_user_locale;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_core_tables::Migration),
            Box::new(m20261123_000002_sign_in::Migration),
            Box::new(m20261124_000001_managed_access::Migration),
            Box::new(m20261124_000002_catalog::Migration),
            Box::new(m20261125_000001_access_requests::Migration),
            Box::new(m20261125_000002_api_keys::Migration),
            Box::new(m20261125_000003_profiles::Migration),
            Box::new(m20261125_000004_single_sign_on::Migration),
            Box::new(m20261125_000005_identity_providers::Migration),
            Box::new(m20261125_000006_organization_domains::Migration),
            Box::new(m20261125_000007_admin_api_tokens::Migration),
            Box::new(m20261201_000001_organization_environments::Migration),
            Box::new(m20261201_000002_user_locale::Migration),
        ]
    }
}
