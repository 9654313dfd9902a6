use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub created_by: Option<Uuid>,
    pub name: String,
    /// `sandbox` or `production`.
    pub environment: String,
    /// The start of the token, for people to recognise it.
    pub prefix: String,
    /// SHA-256 (hex) of the token.
    pub secret_hash: String,
    /// The token before the last refresh, still valid until `previous_expires_at`.
    pub previous_hash: Option<String>,
    pub previous_expires_at: Option<DateTimeUtc>,
    /// One address or range per line.
    pub allowed_ips: String,
    pub blocked_ips: String,
    pub active: bool,
    pub expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The key's address rules. Stored lists were checked when they were saved.
    pub fn rules(&self) -> app::keys::IpRules {
        app::keys::IpRules {
            allowed: app::keys::CidrList::parse(&self.allowed_ips).unwrap_or_default(),
            blocked: app::keys::CidrList::parse(&self.blocked_ips).unwrap_or_default(),
        }
    }
}
