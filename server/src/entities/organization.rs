use app::error::AppError;
use app::types::Environment;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    #[sea_orm(unique)]
    pub slug: String,
    pub portal_access: bool,
    /// The environments it may use, stored as `sandbox,production`.
    pub environments: String,
    pub created_at: DateTimeUtc,
    pub archived_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::membership::Entity")]
    Membership,
}

impl Related<super::membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Membership.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// Its people may use the portal: access switched on, and not archived.
    pub fn may_use_portal(&self) -> bool {
        self.portal_access && self.archived_at.is_none()
    }

    /// The environments it may use, in the usual order.
    pub fn environments(&self) -> Vec<Environment> {
        Environment::list(&self.environments)
    }

    /// Refuses `environments` this organization may not use, in a sentence that says which.
    pub fn check_environments(&self, environments: &[Environment]) -> Result<(), AppError> {
        let allowed = self.environments();
        let refused: Vec<Environment> = environments
            .iter()
            .copied()
            .filter(|e| !allowed.contains(e))
            .collect();
        if refused.is_empty() {
            return Ok(());
        }
        Err(AppError::invalid(
            "environments",
            app::t!(
                "orgs-environments-closed",
                organization = self.name.as_str(),
                refused = Environment::describe(&refused),
                allowed = Environment::describe(&allowed)
            ),
        ))
    }
}
