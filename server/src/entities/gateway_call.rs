use sea_orm::entity::prelude::*;

/// One call through the gateway (or one forward-auth check), for usage figures.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gateway_calls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: DateTimeUtc,
    pub key_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub collection_id: Option<Uuid>,
    pub environment: Option<String>,
    pub method: String,
    pub status: i32,
    pub latency_us: i64,
    /// `ok`, or why the call was refused or failed.
    pub outcome: String,
    pub client_addr: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
