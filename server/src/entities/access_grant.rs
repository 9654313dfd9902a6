use sea_orm::entity::prelude::*;

/// An organization's access to one environment of a collection.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_grants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub collection_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: Uuid,
    /// `sandbox` or `production`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub environment: String,
    /// `admin`, `request` or `auto`.
    pub source: String,
    pub request_id: Option<Uuid>,
    pub granted_at: DateTimeUtc,
    pub granted_by: Option<Uuid>,
    /// Access ends at this moment; `None` lasts until revoked.
    pub expires_at: Option<DateTimeUtc>,
}

pub const SOURCE_ADMIN: &str = "admin";
pub const SOURCE_REQUEST: &str = "request";
pub const SOURCE_AUTO: &str = "auto";

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
