//! The environments each organization may use. Grants, access requests and API keys of an
//! environment the organization may not use are refused; every organization starts with both.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organizations::Table)
                    // Comma-separated, like the environments of grants: `sandbox,production`.
                    .add_column(
                        ColumnDef::new(Organizations::Environments)
                            .string_len(64)
                            .not_null()
                            .default("sandbox,production"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organizations::Table)
                    .drop_column(Organizations::Environments)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Environments,
}
