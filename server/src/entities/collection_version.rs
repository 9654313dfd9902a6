use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "collection_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub collection_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: i32,
    /// `info.version` of the document.
    pub api_version: String,
    /// `json` or `yaml`.
    pub format: String,
    /// The document exactly as uploaded.
    pub document: String,
    pub operations: i32,
    /// JSON array of warning sentences.
    pub warnings: String,
    pub search_text: String,
    /// Where the document came from, when it was fetched by URL.
    pub source: Option<String>,
    pub created_at: DateTimeUtc,
    pub created_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
