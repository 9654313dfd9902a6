use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    /// A portal admin (distinct from an organization admin, which is a membership role).
    pub is_admin: bool,
    pub status: String,
    pub created_at: DateTimeUtc,
    pub last_seen_at: Option<DateTimeUtc>,
    /// A portal admin who wants an email for each new access request.
    pub notify_access_requests: bool,
    /// The environment of the person's profile (`sandbox` or `production`); none means sandbox.
    pub environment: Option<String>,
    /// The person's language (`en`, `de`); none until their first sign-in.
    pub locale: Option<String>,
}

impl Model {
    /// The language mail to this person is written in.
    pub fn locale(&self) -> app::i18n::Locale {
        self.locale
            .as_deref()
            .and_then(app::i18n::Locale::parse)
            .unwrap_or_default()
    }
}

pub const STATUS_ACTIVE: &str = "active";
pub const STATUS_SUSPENDED: &str = "suspended";

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::membership::Entity")]
    Membership,
    #[sea_orm(has_many = "super::session::Entity")]
    Session,
}

impl Related<super::membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Membership.def()
    }
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
