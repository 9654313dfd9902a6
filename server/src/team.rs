//! Teams: organization admins run their own organization (invitations, roles, members) without
//! being portal admins. Every call checks that the viewer administers the organization it names;
//! portal admins may act on any.

use std::sync::Arc;

use app::admin::{InvitationsService, InviteOutcome, parse_role};
use app::auth::Viewer;
use app::error::AppError;
use app::t;
use app::team::{Team, TeamMember, TeamService};
use app::types::Email;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use uuid::Uuid;

use crate::admin::Invitations;
use crate::audit::AuditEvent;
use crate::auth::Sessions;
use crate::clock::{Clock, shown};
use crate::directory::{has_access_beyond, memberships_of, viewer_id};
use crate::entities::{membership, organization, user};
use crate::error::DomainError;
use crate::web::client_addr;

pub struct Teams {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub sessions: Arc<Sessions>,
    pub invitations: Arc<Invitations>,
}

fn db_error(error: sea_orm::DbErr) -> AppError {
    DomainError::from(error).into()
}

fn member_not_found() -> AppError {
    AppError::NotFound(t!("team-not-found-member"))
}

impl Teams {
    /// The organization `organization_id`, if `viewer` administers it (or is a portal admin).
    /// Members who are not its admins are told they may not; strangers that it does not exist.
    async fn managed(
        &self,
        db: &impl ConnectionTrait,
        viewer: &Viewer,
        organization_id: &str,
    ) -> Result<organization::Model, AppError> {
        let not_found = || AppError::NotFound(t!("team-not-found-organization"));
        let id = Uuid::parse_str(organization_id.trim()).map_err(|_| not_found())?;
        let organization = organization::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(db_error)?
            .filter(|o| o.archived_at.is_none())
            .ok_or_else(not_found)?;
        if viewer.is_admin {
            return Ok(organization);
        }
        let role = membership::Entity::find_by_id((viewer_id(viewer)?, organization.id))
            .one(db)
            .await
            .map_err(db_error)?
            .map(|m| m.role);
        match role.as_deref() {
            Some(membership::ROLE_ADMIN) => Ok(organization),
            Some(_) => Err(AppError::Forbidden),
            None => Err(not_found()),
        }
    }

    async fn membership(
        &self,
        db: &impl ConnectionTrait,
        organization: &organization::Model,
        user_id: &str,
    ) -> Result<(membership::Model, user::Model), AppError> {
        let user_id = Uuid::parse_str(user_id.trim()).map_err(|_| member_not_found())?;
        let found = membership::Entity::find_by_id((user_id, organization.id))
            .find_also_related(user::Entity)
            .one(db)
            .await
            .map_err(db_error)?;
        match found {
            Some((membership, Some(person))) => Ok((membership, person)),
            _ => Err(member_not_found()),
        }
    }

    /// Refuses a change that would leave the organization without an admin.
    async fn keep_an_admin(
        &self,
        db: &impl ConnectionTrait,
        organization: &organization::Model,
        leaving: &membership::Model,
    ) -> Result<(), AppError> {
        if leaving.role != membership::ROLE_ADMIN {
            return Ok(());
        }
        let admins = membership::Entity::find()
            .filter(membership::Column::OrganizationId.eq(organization.id))
            .filter(membership::Column::Role.eq(membership::ROLE_ADMIN))
            .all(db)
            .await
            .map_err(db_error)?;
        if admins.iter().all(|m| m.user_id == leaving.user_id) {
            return Err(AppError::Conflict(t!(
                "team-last-admin",
                organization = &organization.name
            )));
        }
        Ok(())
    }

    fn event(
        viewer: &Viewer,
        action: &'static str,
        organization: &organization::Model,
        person: &user::Model,
        request: &http::request::Parts,
    ) -> AuditEvent {
        AuditEvent::by_viewer(viewer, action)
            .on("organization", organization.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({ "user": person.email }))
    }
}

#[async_trait::async_trait]
impl TeamService for Teams {
    async fn teams(&self, viewer: &Viewer) -> Result<Vec<Team>, AppError> {
        let you = viewer_id(viewer)?;
        let pending = self.invitations.pending().await?;
        let mut teams = Vec::new();
        for (organization, your_role) in memberships_of(&self.db, you).await? {
            let mut members: Vec<TeamMember> = membership::Entity::find()
                .filter(membership::Column::OrganizationId.eq(organization.id))
                .find_also_related(user::Entity)
                .all(&self.db)
                .await
                .map_err(db_error)?
                .into_iter()
                .filter_map(|(membership, person)| {
                    let person = person?;
                    Some(TeamMember {
                        user_id: person.id.to_string(),
                        is_you: person.id == you,
                        email: person.email,
                        display_name: person.display_name,
                        role: membership.role,
                        last_seen: person.last_seen_at.map(shown),
                    })
                })
                .collect();
            members.sort_by_key(|m| m.display_name.to_lowercase());
            let can_manage = your_role == membership::ROLE_ADMIN;
            let organization_id = organization.id.to_string();
            let invitations = if can_manage {
                pending
                    .iter()
                    .filter(|i| i.organization_id == organization_id)
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            teams.push(Team {
                organization_id,
                organization: organization.name,
                your_role,
                can_manage,
                members,
                invitations,
            });
        }
        teams.sort_by_key(|t| t.organization.to_lowercase());
        Ok(teams)
    }

    async fn invite(
        &self,
        viewer: &Viewer,
        organization_id: &str,
        email: Email,
        role: &str,
        request: &http::request::Parts,
    ) -> Result<InviteOutcome, AppError> {
        self.managed(&self.db, viewer, organization_id).await?;
        self.invitations
            .invite(viewer, organization_id, email, role, request)
            .await
    }

    async fn revoke_invitation(
        &self,
        viewer: &Viewer,
        organization_id: &str,
        invitation_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let organization = self.managed(&self.db, viewer, organization_id).await?;
        // Only the organization's own invitations: an id of another one is "not found".
        let belongs = self
            .invitations
            .pending()
            .await?
            .iter()
            .any(|i| i.id == invitation_id && i.organization_id == organization.id.to_string());
        if !belongs {
            return Err(AppError::NotFound(t!("team-not-found-invitation")));
        }
        self.invitations
            .revoke(viewer, invitation_id, request)
            .await
    }

    async fn set_role(
        &self,
        viewer: &Viewer,
        organization_id: &str,
        user_id: &str,
        role: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let role = parse_role(role)?;
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let organization = self.managed(&txn, viewer, organization_id).await?;
        let (current, person) = self.membership(&txn, &organization, user_id).await?;
        if current.role == role {
            return Ok(());
        }
        self.keep_an_admin(&txn, &organization, &current).await?;
        membership::ActiveModel {
            user_id: Set(current.user_id),
            organization_id: Set(current.organization_id),
            role: Set(role.to_owned()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(db_error)?;
        Self::event(
            viewer,
            "membership.role_changed",
            &organization,
            &person,
            request,
        )
        .with_details(serde_json::json!({ "user": person.email, "from": current.role, "to": role }))
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(db_error)
    }

    async fn remove(
        &self,
        viewer: &Viewer,
        organization_id: &str,
        user_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let organization = self.managed(&txn, viewer, organization_id).await?;
        let (current, person) = self.membership(&txn, &organization, user_id).await?;
        self.keep_an_admin(&txn, &organization, &current).await?;
        membership::Entity::delete_by_id((current.user_id, current.organization_id))
            .exec(&txn)
            .await
            .map_err(db_error)?;
        if !has_access_beyond(&txn, &person, organization.id).await? {
            self.sessions.end_all_for(&txn, person.id).await?;
        }
        Self::event(
            viewer,
            "membership.removed",
            &organization,
            &person,
            request,
        )
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(db_error)
    }
}
