//! Admin API tokens for the management API: only their SHA-256 hash is kept, each expires, and
//! each acts for the admin who made it.

use sea_orm_migration::prelude::*;

use crate::columns::timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AdminApiTokens::Table)
                    .col(
                        ColumnDef::new(AdminApiTokens::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(AdminApiTokens::Name)
                            .string_len(80)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AdminApiTokens::Prefix)
                            .string_len(24)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AdminApiTokens::SecretHash)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(AdminApiTokens::CreatedBy).uuid().not_null())
                    .col(timestamp(AdminApiTokens::CreatedAt))
                    .col(timestamp(AdminApiTokens::ExpiresAt))
                    .col(ColumnDef::new(AdminApiTokens::LastUsedAt).timestamp_with_time_zone())
                    .col(ColumnDef::new(AdminApiTokens::RevokedAt).timestamp_with_time_zone())
                    .foreign_key(
                        ForeignKey::create()
                            .from(AdminApiTokens::Table, AdminApiTokens::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AdminApiTokens::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum AdminApiTokens {
    Table,
    Id,
    Name,
    Prefix,
    SecretHash,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
