//! Managed access beyond links: portal-wide settings (self-registration), requests to join, and
//! versioned terms of use with each person's acceptance.

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
                    .table(PortalSettings::Table)
                    .col(
                        ColumnDef::new(PortalSettings::Key)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(PortalSettings::Value).text().not_null())
                    .col(timestamp(PortalSettings::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Registrations::Table)
                    .col(
                        ColumnDef::new(Registrations::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Registrations::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Registrations::DisplayName)
                            .string_len(100)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Registrations::Company)
                            .string_len(100)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Registrations::Reason).text().not_null())
                    .col(
                        ColumnDef::new(Registrations::Status)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(timestamp(Registrations::CreatedAt))
                    .col(
                        ColumnDef::new(Registrations::DecidedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(Registrations::DecidedBy).uuid().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registrations_email")
                    .table(Registrations::Table)
                    .col(Registrations::Email)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TermsVersions::Table)
                    .col(
                        ColumnDef::new(TermsVersions::Version)
                            .integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(TermsVersions::Body).text().not_null())
                    .col(timestamp(TermsVersions::PublishedAt))
                    .col(ColumnDef::new(TermsVersions::PublishedBy).uuid().null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TermsAcceptances::Table)
                    .col(ColumnDef::new(TermsAcceptances::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(TermsAcceptances::Version)
                            .integer()
                            .not_null(),
                    )
                    .col(timestamp(TermsAcceptances::AcceptedAt))
                    .col(
                        ColumnDef::new(TermsAcceptances::ClientAddr)
                            .string_len(45)
                            .null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(TermsAcceptances::UserId)
                            .col(TermsAcceptances::Version),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TermsAcceptances::Table, TermsAcceptances::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TermsAcceptances::Table, TermsAcceptances::Version)
                            .to(TermsVersions::Table, TermsVersions::Version)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            TermsAcceptances::Table.into_iden(),
            TermsVersions::Table.into_iden(),
            Registrations::Table.into_iden(),
            PortalSettings::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PortalSettings {
    Table,
    Key,
    Value,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
    Email,
    DisplayName,
    Company,
    Reason,
    Status,
    CreatedAt,
    DecidedAt,
    DecidedBy,
}

#[derive(DeriveIden)]
enum TermsVersions {
    Table,
    Version,
    Body,
    PublishedAt,
    PublishedBy,
}

#[derive(DeriveIden)]
enum TermsAcceptances {
    Table,
    UserId,
    Version,
    AcceptedAt,
    ClientAddr,
}
