use sea_orm::entity::prelude::*;

/// An identity provider added in the admin pages (settings declare the others).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "identity_providers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub slug: String,
    /// `app::admin::ProviderConfig` as JSON, without the secret.
    pub config: String,
    /// The client secret, sealed by `SecretBox` for this slug.
    pub sealed_secret: String,
    pub enabled: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
