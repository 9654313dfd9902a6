//! Email domains whose people join an organization on their first sign-in (a domain belongs to
//! one organization at most).

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
                    .table(OrganizationDomains::Table)
                    .col(
                        ColumnDef::new(OrganizationDomains::Domain)
                            .string_len(253)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(OrganizationDomains::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    .col(timestamp(OrganizationDomains::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                OrganizationDomains::Table,
                                OrganizationDomains::OrganizationId,
                            )
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_organization_domains_organization")
                    .table(OrganizationDomains::Table)
                    .col(OrganizationDomains::OrganizationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OrganizationDomains::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum OrganizationDomains {
    Table,
    Domain,
    OrganizationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}
