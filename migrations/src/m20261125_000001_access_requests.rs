//! Access requests and the grants they lead to: grants become per environment (sandbox,
//! production) with an optional expiry, developers ask for access with a reason, collections may
//! approve some requests on their own, admins choose whether mail tells them of new requests, and
//! the audit log gets the indexes its viewer pages through.

use sea_orm_migration::prelude::*;

use crate::columns::timestamp;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();

        manager
            .create_table(
                Table::create()
                    .table(AccessGrants::Table)
                    .col(ColumnDef::new(AccessGrants::CollectionId).uuid().not_null())
                    .col(
                        ColumnDef::new(AccessGrants::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    // `sandbox` or `production`.
                    .col(
                        ColumnDef::new(AccessGrants::Environment)
                            .string_len(16)
                            .not_null(),
                    )
                    // `admin` (granted directly), `request` (an approved request) or `auto`
                    // (approved by the collection's own rule).
                    .col(
                        ColumnDef::new(AccessGrants::Source)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(AccessGrants::RequestId).uuid().null())
                    .col(timestamp(AccessGrants::GrantedAt))
                    .col(ColumnDef::new(AccessGrants::GrantedBy).uuid().null())
                    .col(
                        ColumnDef::new(AccessGrants::ExpiresAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(AccessGrants::CollectionId)
                            .col(AccessGrants::OrganizationId)
                            .col(AccessGrants::Environment),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccessGrants::Table, AccessGrants::CollectionId)
                            .to(Collections::Table, Collections::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccessGrants::Table, AccessGrants::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            (
                "idx_access_grants_organization",
                AccessGrants::OrganizationId,
            ),
            ("idx_access_grants_expires", AccessGrants::ExpiresAt),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AccessGrants::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        // Grants made before environments existed covered the whole collection.
        for environment in ["sandbox", "production"] {
            db.execute_unprepared(&format!(
                "INSERT INTO access_grants (collection_id, organization_id, environment, source, granted_at, granted_by) \
                 SELECT collection_id, organization_id, '{environment}', source, granted_at, granted_by FROM collection_grants"
            ))
            .await?;
        }
        manager
            .drop_table(Table::drop().table(CollectionGrants::Table).to_owned())
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AccessRequests::Table)
                    .col(
                        ColumnDef::new(AccessRequests::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(AccessRequests::CollectionId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AccessRequests::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AccessRequests::RequesterId)
                            .uuid()
                            .not_null(),
                    )
                    // Comma-separated environments, like `sandbox,production`.
                    .col(
                        ColumnDef::new(AccessRequests::Environments)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(AccessRequests::Reason).text().not_null())
                    .col(ColumnDef::new(AccessRequests::Notes).text().not_null())
                    // `pending`, `approved`, `rejected` or `withdrawn`.
                    .col(
                        ColumnDef::new(AccessRequests::Status)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(timestamp(AccessRequests::CreatedAt))
                    .col(
                        ColumnDef::new(AccessRequests::DecidedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(AccessRequests::DecidedBy).uuid().null())
                    // Who decided, as people read it: an email, or "system" for auto-approval.
                    .col(
                        ColumnDef::new(AccessRequests::DecidedByLabel)
                            .string_len(254)
                            .null(),
                    )
                    .col(ColumnDef::new(AccessRequests::DecisionNote).text().null())
                    .col(
                        ColumnDef::new(AccessRequests::GrantExpiresAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    // When the requester saw the decision (the in-app notice until then).
                    .col(
                        ColumnDef::new(AccessRequests::RequesterSeenAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccessRequests::Table, AccessRequests::CollectionId)
                            .to(Collections::Table, Collections::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccessRequests::Table, AccessRequests::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccessRequests::Table, AccessRequests::RequesterId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One pending request per organization and collection, even when two arrive at once.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX idx_access_requests_one_pending ON access_requests \
             (collection_id, organization_id) WHERE status = 'pending'",
        )
        .await?;
        for (name, columns) in [
            (
                "idx_access_requests_status",
                vec![AccessRequests::Status, AccessRequests::CreatedAt],
            ),
            (
                "idx_access_requests_organization",
                vec![AccessRequests::OrganizationId, AccessRequests::CreatedAt],
            ),
            (
                "idx_access_requests_requester",
                vec![AccessRequests::RequesterId],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(AccessRequests::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }

        // Comma-separated environments whose requests are approved without an admin.
        manager
            .alter_table(
                Table::alter()
                    .table(Collections::Table)
                    .add_column(
                        ColumnDef::new(Collections::AutoApprove)
                            .string_len(32)
                            .not_null()
                            .default(""),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(
                        ColumnDef::new(Users::NotifyAccessRequests)
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .to_owned(),
            )
            .await?;

        // The audit log viewer pages by id (newest first) within each filter.
        for (name, columns) in [
            (
                "idx_audit_events_action_id",
                vec![AuditEvents::Action, AuditEvents::Id],
            ),
            (
                "idx_audit_events_actor_label_id",
                vec![AuditEvents::ActorLabel, AuditEvents::Id],
            ),
            (
                "idx_audit_events_target_id",
                vec![AuditEvents::TargetId, AuditEvents::Id],
            ),
            // An action within a date range: the range narrows it more than the id order does.
            (
                "idx_audit_events_action_occurred",
                vec![AuditEvents::Action, AuditEvents::OccurredAt],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(AuditEvents::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "idx_audit_events_action_id",
            "idx_audit_events_actor_label_id",
            "idx_audit_events_target_id",
            "idx_audit_events_action_occurred",
        ] {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(AuditEvents::Table)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::NotifyAccessRequests)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Collections::Table)
                    .drop_column(Collections::AutoApprove)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(AccessRequests::Table).to_owned())
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
        manager
            .get_connection()
            .execute_unprepared(
                // One row per organization and collection: the first of its environments.
                "INSERT INTO collection_grants (collection_id, organization_id, source, granted_at, granted_by) \
                 SELECT collection_id, organization_id, source, granted_at, granted_by FROM access_grants g \
                 WHERE environment = (SELECT MIN(environment) FROM access_grants h \
                 WHERE h.collection_id = g.collection_id AND h.organization_id = g.organization_id)",
            )
            .await?;
        manager
            .drop_table(Table::drop().table(AccessGrants::Table).to_owned())
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    NotifyAccessRequests,
}

#[derive(DeriveIden)]
enum Collections {
    Table,
    Id,
    AutoApprove,
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

#[derive(DeriveIden)]
enum AccessGrants {
    Table,
    CollectionId,
    OrganizationId,
    Environment,
    Source,
    RequestId,
    GrantedAt,
    GrantedBy,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AccessRequests {
    Table,
    Id,
    CollectionId,
    OrganizationId,
    RequesterId,
    Environments,
    Reason,
    Notes,
    Status,
    CreatedAt,
    DecidedAt,
    DecidedBy,
    DecidedByLabel,
    DecisionNote,
    GrantExpiresAt,
    RequesterSeenAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    OccurredAt,
    ActorLabel,
    Action,
    TargetId,
}
