//! The tables every capability builds on: people, their organizations, sessions and the audit log.

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
                    .table(Organizations::Table)
                    .col(
                        ColumnDef::new(Organizations::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Organizations::Name)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Organizations::Slug)
                            .string_len(63)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(Organizations::PortalAccess)
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .col(timestamp(Organizations::CreatedAt))
                    .col(
                        ColumnDef::new(Organizations::ArchivedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(ColumnDef::new(Users::Id).uuid().not_null().primary_key())
                    .col(
                        ColumnDef::new(Users::Email)
                            .string_len(254)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(Users::DisplayName)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Users::IsAdmin)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    // "active" or "suspended"; text rather than a native enum so both engines agree.
                    .col(
                        ColumnDef::new(Users::Status)
                            .string_len(16)
                            .not_null()
                            .default("active"),
                    )
                    .col(timestamp(Users::CreatedAt))
                    .col(
                        ColumnDef::new(Users::LastSeenAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(ColumnDef::new(Memberships::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(Memberships::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    // "member" or "admin" (an organization admin, not a portal admin).
                    .col(
                        ColumnDef::new(Memberships::Role)
                            .string_len(16)
                            .not_null()
                            .default("member"),
                    )
                    .col(timestamp(Memberships::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(Memberships::UserId)
                            .col(Memberships::OrganizationId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_memberships_organization")
                    .table(Memberships::Table)
                    .col(Memberships::OrganizationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    // SHA-256 of the cookie's value, hex: the value itself is never stored.
                    .col(
                        ColumnDef::new(Sessions::IdHash)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Sessions::UserId).uuid().not_null())
                    .col(timestamp(Sessions::CreatedAt))
                    .col(timestamp(Sessions::LastSeenAt))
                    .col(timestamp(Sessions::ExpiresAt))
                    .col(ColumnDef::new(Sessions::UserAgent).string_len(512).null())
                    .col(ColumnDef::new(Sessions::ClientAddr).string_len(64).null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Sessions::Table, Sessions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_user")
                    .table(Sessions::Table)
                    .col(Sessions::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(
                        ColumnDef::new(AuditEvents::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(timestamp(AuditEvents::OccurredAt))
                    // No foreign key: the log outlives the people and things it mentions.
                    .col(ColumnDef::new(AuditEvents::ActorId).uuid().null())
                    .col(
                        ColumnDef::new(AuditEvents::ActorLabel)
                            .string_len(254)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AuditEvents::Action)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AuditEvents::TargetType)
                            .string_len(32)
                            .null(),
                    )
                    .col(ColumnDef::new(AuditEvents::TargetId).string_len(64).null())
                    .col(
                        ColumnDef::new(AuditEvents::ClientAddr)
                            .string_len(64)
                            .null(),
                    )
                    .col(ColumnDef::new(AuditEvents::Details).json().null())
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_audit_events_occurred_at", AuditEvents::OccurredAt),
            ("idx_audit_events_actor", AuditEvents::ActorId),
            ("idx_audit_events_action", AuditEvents::Action),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditEvents::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvents::Table.into_iden(),
            Sessions::Table.into_iden(),
            Memberships::Table.into_iden(),
            Users::Table.into_iden(),
            Organizations::Table.into_iden(),
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
    Name,
    Slug,
    PortalAccess,
    CreatedAt,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    IsAdmin,
    Status,
    CreatedAt,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    UserId,
    OrganizationId,
    Role,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    IdHash,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    UserAgent,
    ClientAddr,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    OccurredAt,
    ActorId,
    ActorLabel,
    Action,
    TargetType,
    TargetId,
    ClientAddr,
    Details,
}
