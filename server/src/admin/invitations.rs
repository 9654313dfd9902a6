use std::collections::BTreeMap;
use std::sync::Arc;

use app::admin::{InvitationRow, InvitationsService, InviteOutcome};
use app::auth::Viewer;
use app::error::AppError;
use app::types::Email;
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::auth::MagicLinks;
use crate::clock::{Clock, shown};
use crate::directory::{add_membership, find_user_by_email};
use crate::entities::{invitation, membership, organization, user};
use crate::error::DomainError;
use crate::mail::templates;
use crate::web::client_addr;

/// How long an invitation (and the link in its email) stays valid.
pub const INVITATION_VALIDITY_DAYS: i64 = 7;

pub struct Invitations {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub links: Arc<MagicLinks>,
}

fn validity() -> Duration {
    Duration::days(INVITATION_VALIDITY_DAYS)
}

fn invitation_not_found() -> AppError {
    AppError::NotFound(app::t!("people-that-invitation"))
}

impl Invitations {
    /// A pending invitation (neither accepted nor revoked) with its organization.
    async fn pending_one(
        &self,
        db: &impl ConnectionTrait,
        invitation_id: &str,
    ) -> Result<(invitation::Model, organization::Model), AppError> {
        let id = Uuid::parse_str(invitation_id).map_err(|_| invitation_not_found())?;
        let (invitation, organization) = invitation::Entity::find_by_id(id)
            .find_also_related(organization::Entity)
            .one(db)
            .await
            .map_err(DomainError::from)?
            .ok_or_else(invitation_not_found)?;
        if invitation.accepted_at.is_some() {
            return Err(AppError::invalid(
                "invitation_id",
                app::t!(
                    "people-invitation-already-accepted",
                    email = &invitation.email
                ),
            ));
        }
        if invitation.revoked_at.is_some() {
            return Err(invitation_not_found());
        }
        Ok((invitation, organization.ok_or_else(invitation_not_found)?))
    }

    /// Mails the invitation with a fresh link that lasts as long as the invitation. The
    /// invitation stands either way: a link that cannot be made is logged, and "Resend" tries again.
    async fn mail_invitation(
        &self,
        actor: &Viewer,
        email: &Email,
        organization: &organization::Model,
    ) {
        match self.links.issue_link_valid_for(email, validity()).await {
            Ok(link) => self.links.send_later(templates::invitation(
                email,
                crate::i18n::mail_locale(&self.db, email).await,
                &templates::Invitation {
                    portal: &self.links.brand.name(),
                    organization: &organization.name,
                    inviter: &actor.display_name,
                    link: link.as_str(),
                    valid_days: INVITATION_VALIDITY_DAYS,
                },
            )),
            Err(error) => tracing::error!(%error, "could not create an invitation link"),
        }
    }

    /// Someone with an account joins the organization at once, and hears of it by email.
    async fn add_existing(
        &self,
        actor: &Viewer,
        person: user::Model,
        organization: &organization::Model,
        role: &str,
        request: &http::request::Parts,
    ) -> Result<InviteOutcome, AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let member = membership::Entity::find_by_id((person.id, organization.id))
            .one(&txn)
            .await
            .map_err(DomainError::from)?;
        if member.is_some() {
            return Err(AppError::invalid(
                "email",
                app::t!(
                    "people-already-member",
                    email = &person.email,
                    organization = &organization.name,
                ),
            ));
        }
        add_membership(&txn, self.clock.as_ref(), person.id, organization.id, role).await?;
        AuditEvent::by_viewer(actor, "organization.member_added")
            .on("organization", organization.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({ "email": person.email, "role": role }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        // The membership stands; a link that cannot be made is logged, and the person can sign in
        // from the sign-in page as before.
        let link = match Email::parse(&person.email) {
            Ok(email) => self
                .links
                .issue_link_valid_for(&email, validity())
                .await
                .map(|link| (email, link))
                .map_err(|error| error.to_string()),
            Err(error) => Err(error.to_string()),
        };
        match link {
            Ok((email, link)) => self.links.send_later(templates::added_to_organization(
                &email,
                crate::i18n::mail_locale(&self.db, &email).await,
                &templates::Invitation {
                    portal: &self.links.brand.name(),
                    organization: &organization.name,
                    inviter: &actor.display_name,
                    link: link.as_str(),
                    valid_days: INVITATION_VALIDITY_DAYS,
                },
            )),
            Err(error) => {
                tracing::error!(%error, "could not create the sign-in link of a new membership")
            }
        }
        Ok(InviteOutcome::Added)
    }
}

#[async_trait::async_trait]
impl InvitationsService for Invitations {
    async fn pending(&self) -> Result<Vec<InvitationRow>, AppError> {
        let now = self.clock.now();
        let invitations = invitation::Entity::find()
            .filter(invitation::Column::AcceptedAt.is_null())
            .filter(invitation::Column::RevokedAt.is_null())
            .find_also_related(organization::Entity)
            .order_by_desc(invitation::Column::CreatedAt)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        let inviter_ids: Vec<Uuid> = invitations
            .iter()
            .filter_map(|(invitation, _)| invitation.invited_by)
            .collect();
        let inviters: BTreeMap<Uuid, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(inviter_ids))
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|person| (person.id, person.display_name))
            .collect();
        Ok(invitations
            .into_iter()
            .map(|(invitation, organization)| InvitationRow {
                id: invitation.id.to_string(),
                organization_id: invitation.organization_id.to_string(),
                organization: organization.map(|o| o.name).unwrap_or_default(),
                invited_by: invitation
                    .invited_by
                    .and_then(|id| inviters.get(&id).cloned()),
                sent_at: shown(invitation.created_at),
                expires_at: shown(invitation.expires_at),
                expired: invitation.expires_at <= now,
                email: invitation.email,
                role: invitation.role,
            })
            .collect())
    }

    async fn invite(
        &self,
        actor: &Viewer,
        organization_id: &str,
        email: Email,
        role: &str,
        request: &http::request::Parts,
    ) -> Result<InviteOutcome, AppError> {
        let role = app::admin::parse_role(role)?;
        let organization =
            crate::directory::organization_from_form(&self.db, organization_id).await?;
        if let Some(person) = find_user_by_email(&self.db, &email).await? {
            return self
                .add_existing(actor, person, &organization, role, request)
                .await;
        }
        let now = self.clock.now();
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let waiting = invitation::Entity::find()
            .filter(invitation::Column::Email.eq(email.as_str()))
            .filter(invitation::Column::OrganizationId.eq(organization.id))
            .filter(invitation::Column::AcceptedAt.is_null())
            .filter(invitation::Column::RevokedAt.is_null())
            .one(&txn)
            .await
            .map_err(DomainError::from)?;
        if waiting.is_some() {
            return Err(AppError::invalid(
                "email",
                app::t!(
                    "people-already-invited",
                    email = email.as_str(),
                    organization = &organization.name,
                ),
            ));
        }
        let invitation = invitation::ActiveModel {
            id: Set(Uuid::now_v7()),
            email: Set(email.to_string()),
            organization_id: Set(organization.id),
            role: Set(role.to_owned()),
            invited_by: Set(crate::directory::viewer_id(actor).ok()),
            created_at: Set(now),
            expires_at: Set(now + validity()),
            accepted_at: Set(None),
            revoked_at: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(DomainError::from)?;
        AuditEvent::by_viewer(actor, "invitation.created")
            .on("invitation", invitation.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({
                "email": email.as_str(),
                "organization": organization.name,
                "role": role,
            }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        self.mail_invitation(actor, &email, &organization).await;
        Ok(InviteOutcome::Invited)
    }

    async fn resend(
        &self,
        actor: &Viewer,
        invitation_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let (invitation, organization) = self.pending_one(&txn, invitation_id).await?;
        invitation::ActiveModel {
            id: Set(invitation.id),
            expires_at: Set(self.clock.now() + validity()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        AuditEvent::by_viewer(actor, "invitation.resent")
            .on("invitation", invitation.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({ "email": invitation.email }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        let email = Email::parse(&invitation.email).map_err(|_| AppError::Internal)?;
        self.mail_invitation(actor, &email, &organization).await;
        Ok(())
    }

    async fn revoke(
        &self,
        actor: &Viewer,
        invitation_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let (invitation, _) = self.pending_one(&txn, invitation_id).await?;
        invitation::ActiveModel {
            id: Set(invitation.id),
            revoked_at: Set(Some(self.clock.now())),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        AuditEvent::by_viewer(actor, "invitation.revoked")
            .on("invitation", invitation.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({ "email": invitation.email }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }
}
