//! Sign-in by email link: one-time links, who may receive one, and shared rate-limit counters.

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
                    .table(MagicLinks::Table)
                    // SHA-256 of the token, hex: the token itself only travels in the email.
                    .col(
                        ColumnDef::new(MagicLinks::TokenHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(MagicLinks::Email).string_len(254).not_null())
                    .col(timestamp(MagicLinks::CreatedAt))
                    .col(timestamp(MagicLinks::ExpiresAt))
                    .col(
                        ColumnDef::new(MagicLinks::UsedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_magic_links_expires_at")
                    .table(MagicLinks::Table)
                    .col(MagicLinks::ExpiresAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuthorizedEmails::Table)
                    .col(
                        ColumnDef::new(AuthorizedEmails::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AuthorizedEmails::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(timestamp(AuthorizedEmails::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(AuthorizedEmails::OrganizationId)
                            .col(AuthorizedEmails::Email),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuthorizedEmails::Table, AuthorizedEmails::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_authorized_emails_email")
                    .table(AuthorizedEmails::Table)
                    .col(AuthorizedEmails::Email)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(
                        ColumnDef::new(Invitations::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Invitations::Email)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Invitations::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    .col(ColumnDef::new(Invitations::Role).string_len(16).not_null())
                    .col(ColumnDef::new(Invitations::InvitedBy).uuid().null())
                    .col(timestamp(Invitations::CreatedAt))
                    .col(timestamp(Invitations::ExpiresAt))
                    .col(
                        ColumnDef::new(Invitations::AcceptedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Invitations::RevokedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitations::Table, Invitations::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_invitations_email")
                    .table(Invitations::Table)
                    .col(Invitations::Email)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RateLimitBuckets::Table)
                    // What is limited, e.g. "link-email:ada@example.com".
                    .col(
                        ColumnDef::new(RateLimitBuckets::Key)
                            .string_len(300)
                            .not_null(),
                    )
                    // Start of the fixed window, in seconds since the epoch.
                    .col(
                        ColumnDef::new(RateLimitBuckets::WindowStart)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(RateLimitBuckets::Hits).integer().not_null())
                    .primary_key(
                        Index::create()
                            .col(RateLimitBuckets::Key)
                            .col(RateLimitBuckets::WindowStart),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RateLimitBuckets::Table.into_iden(),
            Invitations::Table.into_iden(),
            AuthorizedEmails::Table.into_iden(),
            MagicLinks::Table.into_iden(),
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
enum MagicLinks {
    Table,
    TokenHash,
    Email,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum AuthorizedEmails {
    Table,
    OrganizationId,
    Email,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    Email,
    OrganizationId,
    Role,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum RateLimitBuckets {
    Table,
    Key,
    WindowStart,
    Hits,
}
