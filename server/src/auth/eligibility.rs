//! Who may sign in: managed access. An address may sign in when it belongs to an active user
//! whose organizations still have portal access, has a pending invitation, or is on an
//! organization's list of authorized emails (or of a domain that joins it automatically) while
//! that organization has portal access.

use app::types::Email;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{
    authorized_email, invitation, membership, organization, organization_domain, user,
};
use crate::error::DomainError;

/// Why an address may sign in, which also says what signing in will do.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    User(user::Model),
    /// No account yet: the first sign-in creates it in the invitation's organization.
    Invitation(invitation::Model),
    /// No account yet: the first sign-in creates it as a member of this organization.
    Authorized(organization::Model),
}

pub async fn entry_for(
    db: &impl ConnectionTrait,
    email: &Email,
    now: DateTime<Utc>,
) -> Result<Option<Entry>, DomainError> {
    if let Some(person) = user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
    {
        let allowed = person.status == user::STATUS_ACTIVE
            && (person.is_admin || has_portal_access(db, &person).await?);
        return Ok(allowed.then_some(Entry::User(person)));
    }
    if let Some(invitation) = invitation::pending(email.as_str(), now)
        .order_by_desc(invitation::Column::CreatedAt)
        .one(db)
        .await?
    {
        return Ok(Some(Entry::Invitation(invitation)));
    }
    let authorized = authorized_email::Entity::find()
        .filter(authorized_email::Column::Email.eq(email.as_str()))
        .find_also_related(organization::Entity)
        .all(db)
        .await?;
    if let Some(organization) = authorized
        .into_iter()
        .filter_map(|(_, organization)| organization)
        .find(|organization| organization.may_use_portal())
    {
        return Ok(Some(Entry::Authorized(organization)));
    }
    Ok(joined_by_domain(db, email).await?.map(Entry::Authorized))
}

/// The organization whose auto-join domains include the address's, while it may use the
/// portal. (A sign-in link proves the address; a provider must say it verified it.)
pub(crate) async fn joined_by_domain(
    db: &impl ConnectionTrait,
    email: &Email,
) -> Result<Option<organization::Model>, DomainError> {
    Ok(
        organization_domain::Entity::find_by_id(email.domain().to_owned())
            .find_also_related(organization::Entity)
            .one(db)
            .await?
            .and_then(|(_, organization)| organization)
            .filter(organization::Model::may_use_portal),
    )
}

/// A user without organizations keeps access (an admin may not have placed them yet); one with
/// organizations needs at least one that still has portal access.
pub(crate) async fn has_portal_access(
    db: &impl ConnectionTrait,
    person: &user::Model,
) -> Result<bool, DomainError> {
    let organizations = membership::Entity::find()
        .filter(membership::Column::UserId.eq(person.id))
        .find_also_related(organization::Entity)
        .all(db)
        .await?;
    Ok(organizations.is_empty()
        || organizations
            .into_iter()
            .filter_map(|(_, organization)| organization)
            .any(|organization| organization.may_use_portal()))
}
