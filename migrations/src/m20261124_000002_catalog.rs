//! The API catalog: collections, the versions of their OpenAPI documents, and which
//! organizations may use them.

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
                    .table(Collections::Table)
                    .col(
                        ColumnDef::new(Collections::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Collections::Slug)
                            .string_len(63)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Collections::Name).string_len(120).not_null())
                    .col(
                        ColumnDef::new(Collections::Summary)
                            .string_len(300)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Collections::Description).text().not_null())
                    // JSON array of strings.
                    .col(ColumnDef::new(Collections::Tags).text().not_null())
                    .col(ColumnDef::new(Collections::LogoUrl).string_len(500).null())
                    .col(ColumnDef::new(Collections::Listed).boolean().not_null())
                    .col(ColumnDef::new(Collections::Published).boolean().not_null())
                    .col(
                        ColumnDef::new(Collections::SandboxUrl)
                            .string_len(500)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Collections::ProductionUrl)
                            .string_len(500)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Collections::CurrentVersion)
                            .integer()
                            .not_null(),
                    )
                    .col(timestamp(Collections::CreatedAt))
                    .col(timestamp(Collections::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CollectionVersions::Table)
                    .col(
                        ColumnDef::new(CollectionVersions::CollectionId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CollectionVersions::Number)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CollectionVersions::ApiVersion)
                            .string_len(100)
                            .not_null(),
                    )
                    // `json` or `yaml`: the document is kept exactly as uploaded.
                    .col(
                        ColumnDef::new(CollectionVersions::Format)
                            .string_len(8)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CollectionVersions::Document)
                            .text()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CollectionVersions::Operations)
                            .integer()
                            .not_null(),
                    )
                    // JSON array of warning sentences.
                    .col(
                        ColumnDef::new(CollectionVersions::Warnings)
                            .text()
                            .not_null(),
                    )
                    // Lower-case operation paths and summaries, for search.
                    .col(
                        ColumnDef::new(CollectionVersions::SearchText)
                            .text()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CollectionVersions::Source)
                            .string_len(500)
                            .null(),
                    )
                    .col(timestamp(CollectionVersions::CreatedAt))
                    .col(ColumnDef::new(CollectionVersions::CreatedBy).uuid().null())
                    .primary_key(
                        Index::create()
                            .col(CollectionVersions::CollectionId)
                            .col(CollectionVersions::Number),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CollectionVersions::Table, CollectionVersions::CollectionId)
                            .to(Collections::Table, Collections::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CollectionGrants::Table)
                    .col(
                        ColumnDef::new(CollectionGrants::CollectionId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CollectionGrants::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    // `admin` (granted directly) or `request` (an approved access request).
                    .col(
                        ColumnDef::new(CollectionGrants::Source)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(timestamp(CollectionGrants::GrantedAt))
                    .col(ColumnDef::new(CollectionGrants::GrantedBy).uuid().null())
                    .primary_key(
                        Index::create()
                            .col(CollectionGrants::CollectionId)
                            .col(CollectionGrants::OrganizationId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CollectionGrants::Table, CollectionGrants::CollectionId)
                            .to(Collections::Table, Collections::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CollectionGrants::Table, CollectionGrants::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_collection_grants_organization")
                    .table(CollectionGrants::Table)
                    .col(CollectionGrants::OrganizationId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CollectionGrants::Table.into_iden(),
            CollectionVersions::Table.into_iden(),
            Collections::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Collections {
    Table,
    Id,
    Slug,
    Name,
    Summary,
    Description,
    Tags,
    LogoUrl,
    Listed,
    Published,
    SandboxUrl,
    ProductionUrl,
    CurrentVersion,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CollectionVersions {
    Table,
    CollectionId,
    Number,
    ApiVersion,
    Format,
    Document,
    Operations,
    Warnings,
    SearchText,
    Source,
    CreatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum CollectionGrants {
    Table,
    CollectionId,
    OrganizationId,
    Source,
    GrantedAt,
    GrantedBy,
}
