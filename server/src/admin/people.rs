use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use app::admin::{
    PeopleFilter, PeopleList, PeopleService, PersonDetails, PersonKey, PersonMembership,
    PersonRequest, PersonRow,
};
use app::auth::Viewer;
use app::error::AppError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::auth::Sessions;
use crate::clock::Clock;
use crate::entities::{
    access_request, api_key, audit_event, collection, membership, organization, session, user,
    user_identity,
};
use crate::error::DomainError;

pub struct People {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub sessions: Arc<Sessions>,
}

/// The person behind an id from a page; unknown and malformed ids are the same "not found".
async fn find_person(
    db: &impl sea_orm::ConnectionTrait,
    person_id: &str,
) -> Result<user::Model, AppError> {
    let not_found = || AppError::NotFound(app::t!("people-that-person"));
    let id = Uuid::parse_str(person_id).map_err(|_| not_found())?;
    user::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(DomainError::from)?
        .ok_or_else(not_found)
}

/// A person as the people list shows them.
fn person_row(
    person: user::Model,
    organizations: Vec<String>,
    sso: bool,
    sessions: u64,
) -> PersonRow {
    PersonRow {
        id: person.id.to_string(),
        organizations,
        suspended: person.status == user::STATUS_SUSPENDED,
        last_seen: person.last_seen_at.map(crate::clock::shown),
        sso,
        sessions,
        email: person.email,
        display_name: person.display_name,
        is_admin: person.is_admin,
    }
}

#[async_trait::async_trait]
impl PeopleService for People {
    async fn list(&self, filter: &PeopleFilter) -> Result<PeopleList, AppError> {
        let db = &self.db;
        let people = user::Entity::find()
            .order_by_asc(user::Column::Email)
            .all(db)
            .await
            .map_err(DomainError::from)?;
        // Names to show, and slugs to filter by.
        let mut organizations: BTreeMap<Uuid, Vec<(String, String)>> = BTreeMap::new();
        for (membership, organization) in membership::Entity::find()
            .find_also_related(organization::Entity)
            .all(db)
            .await
            .map_err(DomainError::from)?
        {
            if let Some(organization) = organization {
                organizations
                    .entry(membership.user_id)
                    .or_default()
                    .push((organization.slug, organization.name));
            }
        }
        let with_sso: BTreeSet<Uuid> = user_identity::Entity::find()
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|identity| identity.user_id)
            .collect();
        let now = self.clock.now();
        let mut sessions: BTreeMap<Uuid, u64> = BTreeMap::new();
        for live in session::Entity::find()
            .filter(session::Column::ExpiresAt.gt(now))
            .all(db)
            .await
            .map_err(DomainError::from)?
        {
            *sessions.entry(live.user_id).or_default() += 1;
        }
        let total = people.len() as u64;
        let people = people
            .into_iter()
            .filter_map(|person| {
                let memberships = organizations.remove(&person.id).unwrap_or_default();
                let sso = with_sso.contains(&person.id);
                let live = sessions.get(&person.id).copied().unwrap_or_default();
                let names = memberships.iter().map(|(_, name)| name.clone()).collect();
                let row = person_row(person, names, sso, live);
                let slugs: Vec<String> = memberships.into_iter().map(|(slug, _)| slug).collect();
                filter.admits(&row, &slugs).then_some(row)
            })
            .collect();
        let organizations = organization::Entity::find()
            .filter(organization::Column::ArchivedAt.is_null())
            .order_by_asc(organization::Column::Name)
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|o| (o.slug, o.name))
            .collect();
        Ok(PeopleList {
            people,
            total,
            organizations,
        })
    }

    async fn details(&self, person_id: &str) -> Result<PersonDetails, AppError> {
        let db = &self.db;
        let person = find_person(db, person_id).await?;
        let memberships: Vec<PersonMembership> = membership::Entity::find()
            .filter(membership::Column::UserId.eq(person.id))
            .find_also_related(organization::Entity)
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .filter_map(|(membership, organization)| {
                organization
                    .filter(|o| o.archived_at.is_none())
                    .map(|o| PersonMembership {
                        organization_id: o.id.to_string(),
                        organization: o.name,
                        role: membership.role,
                    })
            })
            .collect();
        // The row as the list shows it, from this person's rows alone.
        let sso = user_identity::Entity::find()
            .filter(user_identity::Column::UserId.eq(person.id))
            .count(db)
            .await
            .map_err(DomainError::from)?
            > 0;
        let live = session::Entity::find()
            .filter(session::Column::UserId.eq(person.id))
            .filter(session::Column::ExpiresAt.gt(self.clock.now()))
            .count(db)
            .await
            .map_err(DomainError::from)?;
        let sessions = self.sessions.live_sessions_of(person.id, None).await?;
        let organization_names: BTreeMap<Uuid, String> = organization::Entity::find()
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        let name_of = |id: &Uuid| organization_names.get(id).cloned().unwrap_or_default();
        let keys = api_key::Entity::find()
            .filter(api_key::Column::CreatedBy.eq(person.id))
            .order_by_desc(api_key::Column::CreatedAt)
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|key| PersonKey {
                organization: name_of(&key.organization_id),
                name: key.name,
                prefix: key.prefix,
                environment: key.environment,
                active: key.active,
                last_used: key.last_used_at.map(crate::clock::shown),
            })
            .collect();
        let collection_names: BTreeMap<Uuid, String> = collection::Entity::find()
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let requests = access_request::Entity::find()
            .filter(access_request::Column::RequesterId.eq(person.id))
            .order_by_desc(access_request::Column::CreatedAt)
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|request| PersonRequest {
                collection: collection_names
                    .get(&request.collection_id)
                    .cloned()
                    .unwrap_or_default(),
                organization: name_of(&request.organization_id),
                status: request.status,
                requested_at: crate::clock::shown(request.created_at),
            })
            .collect();
        // What they did, and what was done to their account.
        let events = audit_event::Entity::find()
            .filter(
                Condition::any()
                    .add(audit_event::Column::ActorId.eq(person.id))
                    .add(
                        Condition::all()
                            .add(audit_event::Column::TargetType.eq("user"))
                            .add(audit_event::Column::TargetId.eq(person.id.to_string())),
                    ),
            )
            .order_by_desc(audit_event::Column::Id)
            .limit(20)
            .all(db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(crate::audit::log::row)
            .collect();
        let names = memberships.iter().map(|m| m.organization.clone()).collect();
        Ok(PersonDetails {
            person: person_row(person, names, sso, live),
            memberships,
            sessions,
            keys,
            requests,
            events,
        })
    }

    async fn set_admin(
        &self,
        actor: &Viewer,
        person_id: &str,
        admin: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        if !admin && actor.id == person_id {
            return Err(AppError::invalid(
                "person_id",
                app::t!("people-cannot-remove-own-admin"),
            ));
        }
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let person = find_person(&txn, person_id).await?;
        if person.is_admin != admin {
            user::ActiveModel {
                id: Set(person.id),
                is_admin: Set(admin),
                ..Default::default()
            }
            .update(&txn)
            .await
            .map_err(DomainError::from)?;
            AuditEvent::by_viewer(
                actor,
                if admin {
                    "user.made_admin"
                } else {
                    "user.admin_removed"
                },
            )
            .on("user", person.id)
            .from_addr(crate::web::client_addr(&request.extensions))
            .with_details(serde_json::json!({ "email": person.email }))
            .record(&txn, self.clock.as_ref())
            .await?;
        }
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn end_sessions(
        &self,
        actor: &Viewer,
        person_id: &str,
        request: &http::request::Parts,
    ) -> Result<u64, AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let person = find_person(&txn, person_id).await?;
        let ended = self.sessions.end_all_for(&txn, person.id).await?;
        AuditEvent::by_viewer(actor, "user.sessions_ended")
            .on("user", person.id)
            .from_addr(crate::web::client_addr(&request.extensions))
            .with_details(serde_json::json!({ "email": person.email, "sessions": ended }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(ended)
    }

    async fn set_suspended(
        &self,
        actor: &Viewer,
        person_id: &str,
        suspended: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        if suspended && actor.id == person_id {
            return Err(AppError::invalid(
                "person_id",
                app::t!("people-cannot-suspend-self"),
            ));
        }
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let person = find_person(&txn, person_id).await?;
        user::ActiveModel {
            id: Set(person.id),
            status: Set(if suspended {
                user::STATUS_SUSPENDED
            } else {
                user::STATUS_ACTIVE
            }
            .to_owned()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        if suspended {
            self.sessions.end_all_for(&txn, person.id).await?;
        }
        AuditEvent::by_viewer(
            actor,
            if suspended {
                "user.suspended"
            } else {
                "user.reactivated"
            },
        )
        .on("user", person.id)
        .from_addr(crate::web::client_addr(&request.extensions))
        .with_details(serde_json::json!({ "email": person.email }))
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }
}
