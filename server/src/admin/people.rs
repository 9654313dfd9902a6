use std::collections::BTreeMap;
use std::sync::Arc;

use app::admin::{PeopleService, PersonRow};
use app::auth::Viewer;
use app::error::AppError;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, QueryOrder, Set};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::auth::Sessions;
use crate::clock::Clock;
use crate::entities::{membership, organization, user};
use crate::error::DomainError;

pub struct People {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub sessions: Arc<Sessions>,
}

#[async_trait::async_trait]
impl PeopleService for People {
    async fn list(&self) -> Result<Vec<PersonRow>, AppError> {
        let people = user::Entity::find()
            .order_by_asc(user::Column::Email)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        let mut organizations: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
        for (membership, organization) in membership::Entity::find()
            .find_also_related(organization::Entity)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
        {
            if let Some(organization) = organization {
                organizations
                    .entry(membership.user_id)
                    .or_default()
                    .push(organization.name);
            }
        }
        Ok(people
            .into_iter()
            .map(|person| PersonRow {
                id: person.id.to_string(),
                organizations: organizations.remove(&person.id).unwrap_or_default(),
                suspended: person.status == user::STATUS_SUSPENDED,
                last_seen: person.last_seen_at.map(crate::clock::shown),
                email: person.email,
                display_name: person.display_name,
                is_admin: person.is_admin,
            })
            .collect())
    }

    async fn set_suspended(
        &self,
        actor: &Viewer,
        person_id: &str,
        suspended: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let not_found = || AppError::NotFound("That person".to_owned());
        let id = Uuid::parse_str(person_id).map_err(|_| not_found())?;
        if suspended && actor.id == person_id {
            return Err(AppError::invalid(
                "person_id",
                "You cannot suspend yourself.",
            ));
        }
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let person = user::Entity::find_by_id(id)
            .one(&txn)
            .await
            .map_err(DomainError::from)?
            .ok_or_else(not_found)?;
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
