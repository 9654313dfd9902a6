//! Self-registration: requests to join, and admins' decisions on them.

use std::net::IpAddr;
use std::sync::Arc;

use app::auth::{JoinRequest, RegistrationRow, RegistrationService, Viewer};
use app::error::AppError;
use app::types::Email;
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::MagicLinks;
use super::eligibility::entry_for;
use super::magic_link::hourly;
use super::rate_limit;
use crate::admin::INVITATION_VALIDITY_DAYS;
use crate::audit::AuditEvent;
use crate::clock::{Clock, shown};
use crate::directory::{add_membership, create_user, find_user_by_email};
use crate::entities::{membership, registration, user};
use crate::error::DomainError;
use crate::mail::templates;
use crate::portal_settings::{self, SELF_REGISTRATION};
use crate::web::client_addr;

/// Requests to join per client address: enough for an office behind one address, too few to
/// flood the admins' list.
const REQUESTS_PER_ADDRESS: i32 = 10;

#[derive(Clone)]
pub struct Registrations {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub links: Arc<MagicLinks>,
}

impl Registrations {
    /// What happens after the answer: someone who may already sign in gets a link instead; a
    /// new address is queued for the admins once.
    async fn take(&self, join: JoinRequest, client: Option<IpAddr>) -> Result<(), DomainError> {
        let now = self.clock.now();
        if entry_for(&self.db, &join.email, now).await?.is_some() {
            self.links.send_if_allowed(&join.email, client).await?;
            return Ok(());
        }
        let txn = crate::db::begin_write(&self.db).await?;
        let waiting = registration::Entity::find()
            .filter(registration::Column::Email.eq(join.email.as_str()))
            .filter(registration::Column::Status.eq(registration::STATUS_PENDING))
            .one(&txn)
            .await?;
        let has_account = find_user_by_email(&txn, &join.email).await?.is_some();
        if waiting.is_some() || has_account {
            // Already waiting, or an account that may not sign in (suspended): nothing to add.
            return Ok(());
        }
        let id = Uuid::now_v7();
        registration::ActiveModel {
            id: Set(id),
            email: Set(join.email.to_string()),
            display_name: Set(join.display_name),
            company: Set(join.company),
            reason: Set(join.reason),
            status: Set(registration::STATUS_PENDING.to_owned()),
            created_at: Set(now),
            decided_at: Set(None),
            decided_by: Set(None),
        }
        .insert(&txn)
        .await?;
        AuditEvent::new(join.email.to_string(), "registration.requested")
            .on("registration", id)
            .from_addr(client)
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl RegistrationService for Registrations {
    async fn is_open(&self) -> Result<bool, AppError> {
        Ok(portal_settings::flag(&self.db, SELF_REGISTRATION).await?)
    }

    async fn request(
        &self,
        join: JoinRequest,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let client = client_addr(&request.extensions);
        let now = self.clock.now();
        let mut keys = vec![(
            format!("register-email:{}", join.email),
            self.links.per_email,
        )];
        if let Some(client) = client {
            keys.push((
                format!("register-addr:{client}"),
                hourly(REQUESTS_PER_ADDRESS),
            ));
        }
        rate_limit::enforce(&self.db, &keys, now).await?;
        let this = self.clone();
        crate::i18n::spawn(async move {
            if let Err(error) = this.take(join, client).await {
                tracing::error!(%error, "could not take a request to join");
            }
        });
        Ok(())
    }

    async fn pending(&self) -> Result<Vec<RegistrationRow>, AppError> {
        Ok(registration::Entity::find()
            .filter(registration::Column::Status.eq(registration::STATUS_PENDING))
            .order_by_asc(registration::Column::CreatedAt)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|r| RegistrationRow {
                id: r.id.to_string(),
                requested_at: shown(r.created_at),
                email: r.email,
                display_name: r.display_name,
                company: r.company,
                reason: r.reason,
            })
            .collect())
    }

    async fn set_open(
        &self,
        actor: &Viewer,
        open: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        portal_settings::set_flag(&txn, self.clock.as_ref(), SELF_REGISTRATION, open).await?;
        AuditEvent::by_viewer(
            actor,
            if open {
                "settings.self_registration_on"
            } else {
                "settings.self_registration_off"
            },
        )
        .from_addr(client_addr(&request.extensions))
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn decide(
        &self,
        actor: &Viewer,
        registration_id: &str,
        approve: bool,
        organization_id: Option<String>,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let not_found = || AppError::NotFound(app::t!("auth-registration-not-found"));
        let id = Uuid::parse_str(registration_id).map_err(|_| not_found())?;
        let now = self.clock.now();
        let clock = self.clock.as_ref();
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let pending = registration::Entity::find_by_id(id)
            .one(&txn)
            .await
            .map_err(DomainError::from)?
            .ok_or_else(not_found)?;
        let email = Email::parse(&pending.email).map_err(|_| AppError::Internal)?;
        let organization = match organization_id {
            Some(organization_id) => {
                Some(crate::directory::organization_from_form(&txn, &organization_id).await?)
            }
            None => None,
        };
        if approve {
            let person = match find_user_by_email(&txn, &email).await? {
                Some(person) => person,
                None => {
                    let person = create_user(&txn, clock, &email, false).await?;
                    user::ActiveModel {
                        id: Set(person.id),
                        display_name: Set(pending.display_name.clone()),
                        ..Default::default()
                    }
                    .update(&txn)
                    .await
                    .map_err(DomainError::from)?
                }
            };
            if let Some(organization) = &organization {
                let member = membership::Entity::find_by_id((person.id, organization.id))
                    .one(&txn)
                    .await
                    .map_err(DomainError::from)?;
                if member.is_none() {
                    add_membership(
                        &txn,
                        clock,
                        person.id,
                        organization.id,
                        membership::ROLE_MEMBER,
                    )
                    .await?;
                }
            }
        }
        // Decided once: of two admins deciding at the same moment, the second finds it decided.
        let decided = registration::Entity::update_many()
            .col_expr(
                registration::Column::Status,
                Expr::value(if approve {
                    registration::STATUS_APPROVED
                } else {
                    registration::STATUS_REJECTED
                }),
            )
            .col_expr(registration::Column::DecidedAt, Expr::value(now))
            .col_expr(
                registration::Column::DecidedBy,
                Expr::value(crate::directory::viewer_id(actor).ok()),
            )
            .filter(registration::Column::Id.eq(pending.id))
            .filter(registration::Column::Status.eq(registration::STATUS_PENDING))
            .exec(&txn)
            .await
            .map_err(DomainError::from)?;
        if decided.rows_affected != 1 {
            return Err(AppError::invalid(
                "registration_id",
                app::t!("auth-registration-decided", email = &pending.email),
            ));
        }
        AuditEvent::by_viewer(
            actor,
            if approve {
                "registration.approved"
            } else {
                "registration.rejected"
            },
        )
        .on("registration", pending.id)
        .from_addr(client_addr(&request.extensions))
        .with_details(serde_json::json!({
            "email": email.as_str(),
            "organization": organization.as_ref().map(|o| o.name.clone()),
        }))
        .record(&txn, clock)
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        let portal = &self.links.brand.name();
        // The decision stands; a link that cannot be made is logged (the person can still ask for
        // a sign-in link on the sign-in page).
        let mail = if approve {
            match self
                .links
                .issue_link_valid_for(&email, Duration::days(INVITATION_VALIDITY_DAYS))
                .await
            {
                Ok(link) => Some(templates::registration_approved(
                    &email,
                    crate::i18n::mail_locale(&self.db, &email).await,
                    portal,
                    link.as_str(),
                    INVITATION_VALIDITY_DAYS,
                )),
                Err(error) => {
                    tracing::error!(%error, "could not create the sign-in link of an approval");
                    None
                }
            }
        } else {
            Some(templates::registration_rejected(
                &email,
                crate::i18n::mail_locale(&self.db, &email).await,
                portal,
            ))
        };
        if let Some(mail) = mail {
            self.links.send_later(mail);
        }
        Ok(())
    }
}
