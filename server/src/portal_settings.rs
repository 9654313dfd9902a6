//! Settings that admins change in the portal (rather than in the environment), stored in the
//! database so every Portico process sees the same value.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use crate::clock::Clock;
use crate::entities::portal_setting;
use crate::error::DomainError;

/// New addresses may ask to join (off unless an admin turns it on).
pub const SELF_REGISTRATION: &str = "self_registration";

pub async fn flag(db: &impl ConnectionTrait, key: &str) -> Result<bool, DomainError> {
    Ok(portal_setting::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .is_some_and(|setting| setting.value == "true"))
}

pub async fn set_flag(
    db: &impl ConnectionTrait,
    clock: &dyn Clock,
    key: &str,
    on: bool,
) -> Result<(), DomainError> {
    portal_setting::Entity::insert(portal_setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(on.to_string()),
        updated_at: Set(clock.now()),
    })
    .on_conflict(
        OnConflict::column(portal_setting::Column::Key)
            .update_columns([
                portal_setting::Column::Value,
                portal_setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}
