//! Single sign-on: accounts at identity providers (by issuer and subject), sign-ins in progress
//! (by the hash of their `state`, bound to a browser), and which memberships a provider's group
//! mapping made (only those follow the provider's groups).

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
                    .table(UserIdentities::Table)
                    .col(
                        ColumnDef::new(UserIdentities::Issuer)
                            .string_len(512)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(UserIdentities::Subject)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(ColumnDef::new(UserIdentities::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(UserIdentities::Provider)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(timestamp(UserIdentities::CreatedAt))
                    .col(
                        ColumnDef::new(UserIdentities::LastSignInAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(UserIdentities::Issuer)
                            .col(UserIdentities::Subject),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserIdentities::Table, UserIdentities::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_user_identities_user")
                    .table(UserIdentities::Table)
                    .col(UserIdentities::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OidcFlows::Table)
                    .col(
                        ColumnDef::new(OidcFlows::StateHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(OidcFlows::BindingHash)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(OidcFlows::Provider)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(OidcFlows::Nonce).string_len(255).not_null())
                    .col(
                        ColumnDef::new(OidcFlows::PkceVerifier)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(ColumnDef::new(OidcFlows::Next).text().not_null())
                    .col(timestamp(OidcFlows::CreatedAt))
                    .col(timestamp(OidcFlows::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Memberships::Table)
                    .add_column(ColumnDef::new(Memberships::Provider).string_len(64).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Memberships::Table)
                    .drop_column(Memberships::Provider)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(OidcFlows::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(UserIdentities::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum UserIdentities {
    Table,
    Issuer,
    Subject,
    UserId,
    Provider,
    CreatedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum OidcFlows {
    Table,
    StateHash,
    BindingHash,
    Provider,
    Nonce,
    PkceVerifier,
    Next,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Provider,
}
