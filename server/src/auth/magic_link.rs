//! Sign-in by email link: request (always the same answer), then redeem (exactly once).

use std::net::IpAddr;
use std::sync::Arc;

use app::error::AppError;
use app::types::Email;
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use url::Url;

use super::Sessions;
use super::eligibility::{Entry, entry_for};
use super::rate_limit::{self, Limit};
use super::token::{SecretToken, hash_token};
use crate::audit::AuditEvent;
use crate::clock::Clock;
use crate::directory::{add_membership, create_user};
use crate::entities::{invitation, magic_link, membership, user};
use crate::error::DomainError;
use crate::mail::{Mailer, templates};

/// Sign-in links an address, or a client address, may ask for in an hour.
pub fn hourly(max_hits: i32) -> Limit {
    Limit {
        max_hits,
        window_secs: 3600,
    }
}

#[derive(Clone)]
pub struct MagicLinks {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub mailer: Arc<Mailer>,
    pub sessions: Arc<Sessions>,
    pub base_url: Url,
    pub brand: Arc<crate::branding::Brand>,
    pub ttl: Duration,
    pub per_email: Limit,
    pub per_client: Limit,
}

/// Why a link did not sign anyone in; each has its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedeemError {
    Unknown,
    Used,
    Expired,
    NotAllowed,
    Internal,
}

/// In the language of the request (API clients read it in the JSON error).
impl std::fmt::Display for RedeemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            RedeemError::Unknown => app::t!("auth-redeem-unknown"),
            RedeemError::Used => app::t!("auth-redeem-used"),
            RedeemError::Expired => app::t!("auth-redeem-expired"),
            RedeemError::NotAllowed => app::t!("auth-redeem-not-allowed"),
            RedeemError::Internal => app::t!("error-internal"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for RedeemError {}

impl RedeemError {
    /// The code in JSON errors and in the `error` query parameter of the link page.
    pub fn code(self) -> &'static str {
        match self {
            RedeemError::Unknown => "token_unknown",
            RedeemError::Used => "token_used",
            RedeemError::Expired => "token_expired",
            RedeemError::NotAllowed => "not_allowed",
            RedeemError::Internal => "internal",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            RedeemError::Unknown | RedeemError::Used | RedeemError::Expired => 401,
            RedeemError::NotAllowed => 403,
            RedeemError::Internal => 500,
        }
    }
}

impl From<DomainError> for RedeemError {
    fn from(error: DomainError) -> Self {
        let _: AppError = error.into(); // logs it
        RedeemError::Internal
    }
}

impl From<sea_orm::DbErr> for RedeemError {
    fn from(error: sea_orm::DbErr) -> Self {
        DomainError::from(error).into()
    }
}

/// A signed-in browser: the session token for its cookie and where to send it.
#[derive(Debug)]
pub struct SignedIn {
    pub session: SecretToken,
    pub user: user::Model,
}

impl MagicLinks {
    /// Takes a request for a link. Whether the address may sign in is decided after the answer,
    /// off the request path, so every address gets the same answer in the same time.
    pub async fn request(&self, email: &Email, client: Option<IpAddr>) -> Result<(), AppError> {
        let now = self.clock.now();
        let mut keys = vec![(format!("link-email:{email}"), self.per_email)];
        if let Some(client) = client {
            keys.push((format!("link-addr:{client}"), self.per_client));
        }
        rate_limit::enforce(&self.db, &keys, now).await?;
        let this = self.clone();
        let email = email.clone();
        crate::i18n::spawn(async move {
            if let Err(error) = this.send_if_allowed(&email, client).await {
                tracing::error!(%error, "could not send a sign-in link");
            }
        });
        Ok(())
    }

    /// Creates a link and mails it, when the address may sign in. Returns whether it did.
    pub async fn send_if_allowed(
        &self,
        email: &Email,
        client: Option<IpAddr>,
    ) -> Result<bool, DomainError> {
        let now = self.clock.now();
        if entry_for(&self.db, email, now).await?.is_none() {
            AuditEvent::new(email.to_string(), "auth.link_refused")
                .from_addr(client)
                .record(&self.db, self.clock.as_ref())
                .await?;
            return Ok(false);
        }
        let link = self.issue_link(email).await?;
        let mail = templates::sign_in_link(
            email,
            crate::i18n::mail_locale(&self.db, email).await,
            &self.brand.name(),
            link.as_str(),
            self.ttl.num_minutes(),
        );
        AuditEvent::new(email.to_string(), "auth.link_sent")
            .from_addr(client)
            .record(&self.db, self.clock.as_ref())
            .await?;
        // A failed delivery is logged by the mailer; the link simply never arrives.
        Ok(self.mailer.send(mail).await.is_ok())
    }

    /// Creates a one-time link for `email`, valid for the configured time, and returns its URL.
    /// Callers decide whether the address may have one; redeeming checks again.
    pub async fn issue_link(&self, email: &Email) -> Result<Url, DomainError> {
        self.issue_link_valid_for(email, self.ttl).await
    }

    /// Like `issue_link`, for links that wait in an inbox longer (invitations, approvals).
    pub async fn issue_link_valid_for(
        &self,
        email: &Email,
        ttl: Duration,
    ) -> Result<Url, DomainError> {
        let now = self.clock.now();
        let token = SecretToken::generate();
        magic_link::ActiveModel {
            token_hash: Set(token.hash()),
            email: Set(email.to_string()),
            created_at: Set(now),
            expires_at: Set(now + ttl),
            used_at: Set(None),
        }
        .insert(&self.db)
        .await?;
        let mut link = self
            .base_url
            .join("auth/magic")
            .map_err(|e| DomainError::Invariant(e.to_string()))?;
        link.query_pairs_mut().append_pair("token", token.expose());
        Ok(link)
    }

    /// Sends `mail` off the request path (see `Mailer::send_later`).
    pub fn send_later(&self, mail: crate::mail::Mail) {
        self.mailer.send_later(mail);
    }

    /// Redeems a link: consumes it (once, whatever the concurrency), creates the account on a
    /// first sign-in, and starts a session, all in one transaction.
    pub async fn redeem(
        &self,
        token: &str,
        user_agent: Option<String>,
        client: Option<IpAddr>,
    ) -> Result<SignedIn, RedeemError> {
        let result = self.redeem_once(token, user_agent, client).await;
        let (actor, action, details) = match &result {
            Ok(signed_in) => (
                signed_in.user.email.clone(),
                "auth.signed_in",
                serde_json::json!({ "method": "magic_link" }),
            ),
            Err(error) => (
                "anonymous".to_owned(),
                "auth.link_rejected",
                serde_json::json!({ "reason": error.code() }),
            ),
        };
        let mut event = AuditEvent::new(actor, action)
            .from_addr(client)
            .with_details(details);
        if let Ok(signed_in) = &result {
            event = event.by(signed_in.user.id).on("user", signed_in.user.id);
        }
        event.record(&self.db, self.clock.as_ref()).await?;
        result
    }

    async fn redeem_once(
        &self,
        token: &str,
        user_agent: Option<String>,
        client: Option<IpAddr>,
    ) -> Result<SignedIn, RedeemError> {
        let token = token.trim();
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(RedeemError::Unknown);
        }
        let hash = hash_token(token);
        let now = self.clock.now();
        let txn = crate::db::begin_write(&self.db).await?;
        let consumed = magic_link::Entity::update_many()
            .col_expr(magic_link::Column::UsedAt, Expr::value(now))
            .filter(magic_link::Column::TokenHash.eq(hash.as_str()))
            .filter(magic_link::Column::UsedAt.is_null())
            .filter(magic_link::Column::ExpiresAt.gt(now))
            .exec(&txn)
            .await?;
        if consumed.rows_affected != 1 {
            return Err(
                match magic_link::Entity::find_by_id(hash).one(&txn).await? {
                    None => RedeemError::Unknown,
                    Some(link) if link.used_at.is_some() => RedeemError::Used,
                    Some(_) => RedeemError::Expired,
                },
            );
        }
        let link = magic_link::Entity::find_by_id(hash)
            .one(&txn)
            .await?
            .ok_or(RedeemError::Internal)?;
        let email = Email::parse(&link.email).map_err(|_| RedeemError::Internal)?;
        let clock = self.clock.as_ref();
        let person = match entry_for(&txn, &email, now).await? {
            None => return Err(RedeemError::NotAllowed),
            Some(Entry::User(person)) => person,
            Some(Entry::Invitation(_)) => {
                let person = create_user(&txn, clock, &email, false).await?;
                accept_invitations(&txn, clock, &person, client).await?;
                person
            }
            Some(Entry::Authorized(organization)) => {
                let person = create_user(&txn, clock, &email, false).await?;
                add_membership(
                    &txn,
                    clock,
                    person.id,
                    organization.id,
                    membership::ROLE_MEMBER,
                )
                .await?;
                AuditEvent::new(email.to_string(), "user.joined_by_authorized_email")
                    .by(person.id)
                    .on("organization", organization.id)
                    .from_addr(client)
                    .record(&txn, clock)
                    .await?;
                person
            }
        };
        let session = self
            .sessions
            .start(&txn, person.id, user_agent, client, None)
            .await?;
        user::ActiveModel {
            id: Set(person.id),
            last_seen_at: Set(Some(now)),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        txn.commit().await?;
        Ok(SignedIn {
            session,
            user: person,
        })
    }
}

/// Joins a new account to every organization its address is invited to.
pub(crate) async fn accept_invitations(
    db: &impl sea_orm::ConnectionTrait,
    clock: &dyn Clock,
    person: &user::Model,
    client: Option<IpAddr>,
) -> Result<(), DomainError> {
    let now = clock.now();
    let pending = invitation::pending(&person.email, now).all(db).await?;
    let mut joined = std::collections::BTreeSet::new();
    for invitation in pending {
        if joined.insert(invitation.organization_id) {
            add_membership(
                db,
                clock,
                person.id,
                invitation.organization_id,
                &invitation.role,
            )
            .await?;
        }
        invitation::ActiveModel {
            id: Set(invitation.id),
            accepted_at: Set(Some(now)),
            ..Default::default()
        }
        .update(db)
        .await?;
        AuditEvent::new(person.email.clone(), "invitation.accepted")
            .by(person.id)
            .on("invitation", invitation.id)
            .from_addr(client)
            .record(db, clock)
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl app::auth::SignInService for MagicLinks {
    async fn request_link(
        &self,
        email: Email,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        self.request(&email, crate::web::client_addr(&request.extensions))
            .await
    }
}
