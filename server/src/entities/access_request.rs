use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub collection_id: Uuid,
    pub organization_id: Uuid,
    pub requester_id: Uuid,
    /// Comma-separated, like `sandbox,production`.
    pub environments: String,
    pub reason: String,
    pub notes: String,
    pub status: String,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<Uuid>,
    pub decided_by_label: Option<String>,
    pub decision_note: Option<String>,
    pub grant_expires_at: Option<DateTimeUtc>,
    pub requester_seen_at: Option<DateTimeUtc>,
}

pub const STATUS_PENDING: &str = "pending";
pub const STATUS_APPROVED: &str = "approved";
pub const STATUS_REJECTED: &str = "rejected";
pub const STATUS_WITHDRAWN: &str = "withdrawn";

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
