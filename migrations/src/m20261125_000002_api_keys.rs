//! API keys (stored as hashes, with their address rules) and gateway usage: calls counted per
//! minute, key, collection, status and outcome.

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
                    .table(ApiKeys::Table)
                    .col(ColumnDef::new(ApiKeys::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ApiKeys::OrganizationId).uuid().not_null())
                    .col(ColumnDef::new(ApiKeys::CreatedBy).uuid().null())
                    .col(ColumnDef::new(ApiKeys::Name).string_len(80).not_null())
                    // `sandbox` or `production`.
                    .col(
                        ColumnDef::new(ApiKeys::Environment)
                            .string_len(16)
                            .not_null(),
                    )
                    // The start of the token, for people to recognise it (`ptc_test_AbCd`).
                    .col(ColumnDef::new(ApiKeys::Prefix).string_len(16).not_null())
                    // SHA-256 (hex) of the token; the token itself is never stored.
                    .col(
                        ColumnDef::new(ApiKeys::SecretHash)
                            .string_len(64)
                            .not_null()
                            .unique_key(),
                    )
                    // After a refresh with overlap: the old token's hash, valid until then.
                    .col(ColumnDef::new(ApiKeys::PreviousHash).string_len(64).null())
                    .col(
                        ColumnDef::new(ApiKeys::PreviousExpiresAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    // One address or CIDR range per line.
                    .col(ColumnDef::new(ApiKeys::AllowedIps).text().not_null())
                    .col(ColumnDef::new(ApiKeys::BlockedIps).text().not_null())
                    .col(ColumnDef::new(ApiKeys::Active).boolean().not_null())
                    .col(
                        ColumnDef::new(ApiKeys::ExpiresAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(timestamp(ApiKeys::CreatedAt))
                    .col(timestamp(ApiKeys::UpdatedAt))
                    .col(
                        ColumnDef::new(ApiKeys::LastUsedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiKeys::Table, ApiKeys::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiKeys::Table, ApiKeys::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_api_keys_organization", ApiKeys::OrganizationId),
            ("idx_api_keys_previous_hash", ApiKeys::PreviousHash),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(ApiKeys::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(GatewayUsage::Table)
                    .col(
                        ColumnDef::new(GatewayUsage::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    // The start of the minute the calls fall in. A minute may have several rows
                    // (one per flush); figures add them up.
                    .col(timestamp(GatewayUsage::Minute))
                    // No foreign keys: the figures outlive deleted keys and collections.
                    .col(ColumnDef::new(GatewayUsage::KeyId).uuid().null())
                    .col(ColumnDef::new(GatewayUsage::OrganizationId).uuid().null())
                    .col(ColumnDef::new(GatewayUsage::CollectionId).uuid().null())
                    .col(
                        ColumnDef::new(GatewayUsage::Environment)
                            .string_len(16)
                            .null(),
                    )
                    .col(ColumnDef::new(GatewayUsage::Status).integer().not_null())
                    // `ok`, or why the calls were refused or failed (`blocked_address`, …).
                    .col(
                        ColumnDef::new(GatewayUsage::Outcome)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(GatewayUsage::Calls).big_integer().not_null())
                    .col(
                        ColumnDef::new(GatewayUsage::LatencyTotalUs)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(GatewayUsage::LatencyMaxUs)
                            .big_integer()
                            .not_null(),
                    )
                    // The last client address seen among them, to tell where refusals come from.
                    .col(
                        ColumnDef::new(GatewayUsage::LastClientAddr)
                            .string_len(64)
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            (
                "idx_gateway_usage_key",
                vec![GatewayUsage::KeyId, GatewayUsage::Minute],
            ),
            ("idx_gateway_usage_minute", vec![GatewayUsage::Minute]),
        ] {
            let mut index = Index::create();
            index.name(name).table(GatewayUsage::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GatewayUsage::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ApiKeys::Table).to_owned())
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
}

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    Id,
    OrganizationId,
    CreatedBy,
    Name,
    Environment,
    Prefix,
    SecretHash,
    PreviousHash,
    PreviousExpiresAt,
    AllowedIps,
    BlockedIps,
    Active,
    ExpiresAt,
    CreatedAt,
    UpdatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum GatewayUsage {
    Table,
    Id,
    Minute,
    KeyId,
    OrganizationId,
    CollectionId,
    Environment,
    Status,
    Outcome,
    Calls,
    LatencyTotalUs,
    LatencyMaxUs,
    LastClientAddr,
}
