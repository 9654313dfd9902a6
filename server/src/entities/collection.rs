use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "collections")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub summary: String,
    /// Markdown.
    pub description: String,
    /// JSON array of strings.
    pub tags: String,
    pub logo_url: Option<String>,
    /// Shown in Discover; otherwise only organizations with access see it.
    pub listed: bool,
    /// Draft until published; drafts are for admins only.
    pub published: bool,
    pub sandbox_url: Option<String>,
    pub production_url: Option<String>,
    pub current_version: i32,
    /// Comma-separated environments whose access requests are approved without an admin.
    pub auto_approve: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl Model {
    pub fn tag_list(&self) -> Vec<String> {
        serde_json::from_str(&self.tags).unwrap_or_default()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
