//! Identity providers added in the admin pages (those declared in settings live there), with
//! the client secret sealed by the portal's secret key; and which provider signed a session in,
//! so signing out can offer to sign out at the provider too.

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
                    .table(IdentityProviders::Table)
                    .col(
                        ColumnDef::new(IdentityProviders::Slug)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    // Everything but the secret, as the JSON of a provider declaration.
                    .col(ColumnDef::new(IdentityProviders::Config).text().not_null())
                    .col(
                        ColumnDef::new(IdentityProviders::SealedSecret)
                            .text()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(IdentityProviders::Enabled)
                            .boolean()
                            .not_null(),
                    )
                    .col(timestamp(IdentityProviders::CreatedAt))
                    .col(timestamp(IdentityProviders::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .add_column(ColumnDef::new(Sessions::Provider).string_len(64).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .drop_column(Sessions::Provider)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(IdentityProviders::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum IdentityProviders {
    Table,
    Slug,
    Config,
    SealedSecret,
    Enabled,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Provider,
}
