//! People and organizations: creating them, and the memberships between them.

use app::types::{Email, Environment, Slug};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::clock::Clock;
use crate::entities::{membership, organization, user};
use crate::error::DomainError;

/// The id of a signed-in viewer (a session always names a real user; anything else is treated as
/// signed out).
pub fn viewer_id(viewer: &app::auth::Viewer) -> Result<Uuid, app::error::AppError> {
    Uuid::parse_str(&viewer.id).map_err(|_| app::error::AppError::Unauthenticated)
}

/// The live organization an id from a form names; anything else (a garbled id, a deleted or
/// archived organization) is explained on the form's `organization_id` field.
pub async fn organization_from_form(
    db: &impl ConnectionTrait,
    organization_id: &str,
) -> Result<organization::Model, app::error::AppError> {
    let missing =
        || app::error::AppError::invalid("organization_id", app::t!("people-organization-gone"));
    if organization_id.trim().is_empty() {
        return Err(app::error::AppError::invalid(
            "organization_id",
            app::t!("people-choose-organization"),
        ));
    }
    let id = Uuid::parse_str(organization_id.trim()).map_err(|_| missing())?;
    organization::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(DomainError::from)?
        .filter(|organization| organization.archived_at.is_none())
        .ok_or_else(missing)
}

/// `user_id`'s live (not archived) organizations, each with the role held there.
pub async fn memberships_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<(organization::Model, String)>, DomainError> {
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .find_also_related(organization::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(membership, organization)| {
            organization
                .filter(|o| o.archived_at.is_none())
                .map(|o| (o, membership.role))
        })
        .collect())
}

/// The organization a form acts for: the one named (it must be one of `memberships`), or the
/// only one when the form names none.
pub fn chosen_organization(
    memberships: &[(organization::Model, String)],
    form_id: &str,
) -> Result<organization::Model, app::error::AppError> {
    use app::error::AppError;
    if form_id.trim().is_empty() {
        return match memberships {
            [(only, _)] => Ok(only.clone()),
            [] => Err(AppError::Refused(app::t!("people-no-organization-yet"))),
            _ => Err(AppError::invalid(
                "organization_id",
                app::t!("people-choose-organization-for"),
            )),
        };
    }
    memberships
        .iter()
        .find(|(o, _)| o.id.to_string() == form_id.trim())
        .map(|(o, _)| o.clone())
        .ok_or_else(|| AppError::invalid("organization_id", app::t!("people-not-a-member")))
}

/// The organizations `user_id` belongs to.
pub async fn organizations_of(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<Uuid>, DomainError> {
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.organization_id)
        .collect())
}

pub async fn create_organization(
    db: &impl ConnectionTrait,
    clock: &dyn Clock,
    name: &str,
    slug: &Slug,
) -> Result<organization::Model, DomainError> {
    Ok(organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name.to_owned()),
        slug: Set(slug.to_string()),
        portal_access: Set(true),
        environments: Set(Environment::join(&Environment::ALL)),
        created_at: Set(clock.now()),
        archived_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// A display name from an address, until the person sets one: "ada.lovelace@…" → "Ada Lovelace".
pub fn display_name_from(email: &Email) -> String {
    let local = email.as_str().split('@').next().unwrap_or_default();
    local
        .split(['.', '_', '-', '+'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub async fn create_user(
    db: &impl ConnectionTrait,
    clock: &dyn Clock,
    email: &Email,
    is_admin: bool,
) -> Result<user::Model, DomainError> {
    Ok(user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.to_string()),
        display_name: Set(display_name_from(email)),
        is_admin: Set(is_admin),
        status: Set(user::STATUS_ACTIVE.to_owned()),
        created_at: Set(clock.now()),
        last_seen_at: Set(None),
        notify_access_requests: Set(true),
        environment: Set(None),
        locale: Set(None),
    }
    .insert(db)
    .await?)
}

pub async fn make_admin(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<user::Model, DomainError> {
    Ok(user::ActiveModel {
        id: Set(user_id),
        is_admin: Set(true),
        ..Default::default()
    }
    .update(db)
    .await?)
}

pub async fn find_user_by_email(
    db: &impl ConnectionTrait,
    email: &Email,
) -> Result<Option<user::Model>, DomainError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?)
}

pub async fn add_membership(
    db: &impl ConnectionTrait,
    clock: &dyn Clock,
    user_id: Uuid,
    organization_id: Uuid,
    role: &str,
) -> Result<(), DomainError> {
    add_membership_from(db, clock, user_id, organization_id, role, None).await
}

/// A membership, noting the identity provider whose group mapping made it, if any.
pub async fn add_membership_from(
    db: &impl ConnectionTrait,
    clock: &dyn Clock,
    user_id: Uuid,
    organization_id: Uuid,
    role: &str,
    provider: Option<&str>,
) -> Result<(), DomainError> {
    membership::ActiveModel {
        user_id: Set(user_id),
        organization_id: Set(organization_id),
        role: Set(role.to_owned()),
        created_at: Set(clock.now()),
        provider: Set(provider.map(str::to_owned)),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Whether `person` may still use the portal without organization `except`: a portal admin, or
/// a member of another organization with portal access.
pub async fn has_access_beyond(
    db: &impl ConnectionTrait,
    person: &user::Model,
    except: Uuid,
) -> Result<bool, DomainError> {
    if person.is_admin {
        return Ok(true);
    }
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(person.id))
        .filter(membership::Column::OrganizationId.ne(except))
        .find_also_related(organization::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(_, organization)| organization)
        .any(|organization| organization.may_use_portal()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_come_from_the_address() {
        let name = |e: &str| display_name_from(&Email::parse(e).expect("valid"));
        assert_eq!(name("ada.lovelace@example.com"), "Ada Lovelace");
        assert_eq!(name("dev@portico.test"), "Dev");
        assert_eq!(name("j_doe+api@example.com"), "J Doe Api");
    }
}
