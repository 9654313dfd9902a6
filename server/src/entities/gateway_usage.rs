use sea_orm::entity::prelude::*;

/// Gateway calls (and forward-auth checks) counted per minute, key, collection, status and
/// outcome.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gateway_usage")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The start of the minute.
    pub minute: DateTimeUtc,
    pub key_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub collection_id: Option<Uuid>,
    pub environment: Option<String>,
    pub status: i32,
    /// `ok`, or why the calls were refused or failed.
    pub outcome: String,
    pub calls: i64,
    pub latency_total_us: i64,
    pub latency_max_us: i64,
    pub last_client_addr: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
