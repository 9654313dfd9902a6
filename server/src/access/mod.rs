//! Access requests and decisions, grants, and the mail and notices around them.

pub mod grants;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use app::access::{
    AccessRequestDraft, AccessRequestRow, AccessService, Choice, CollectionAccess, Decision,
    GrantRow, Inbox, InboxFilter, InboxItem, Notices, OrganizationAccess, RequestFormInfo,
    RequestOutcome, RequestStatus,
};
use app::auth::Viewer;
use app::error::AppError;
use app::types::{Email, Environment};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};
use uuid::Uuid;

use self::grants::GrantOrigin;
use crate::audit::AuditEvent;
use crate::catalog::Catalog;
use crate::clock::{Clock, end_of_day, last_day, shown};
use crate::directory::{organization_from_form, viewer_id};
use crate::entities::{access_grant, access_request, collection, membership, organization, user};
use crate::error::DomainError;
use crate::mail::Mailer;
use crate::mail::templates::{self, AccessRequestMail};
use crate::web::client_addr;

/// The inbox shows at most this many requests at once.
const INBOX_LIMIT: u64 = 200;
/// A developer's list shows at most this many.
const MY_REQUESTS_LIMIT: u64 = 100;

pub struct Access {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub catalog: Arc<Catalog>,
    pub mailer: Arc<Mailer>,
    pub base_url: url::Url,
    pub brand: Arc<crate::branding::Brand>,
}

fn request_not_found() -> AppError {
    AppError::NotFound(app::t!("access-that-request"))
}

/// Who decided, for people: the admin's address, or the auto-approval rule.
fn decider(label: String) -> String {
    if label == "system" {
        app::t!("access-decided-by-rule")
    } else {
        label
    }
}

fn db_error(error: sea_orm::DbErr) -> AppError {
    DomainError::from(error).into()
}

/// Names for the ids in a list of requests: three queries, whatever the length of the list.
struct Names {
    collections: HashMap<Uuid, (String, String)>,
    organizations: HashMap<Uuid, String>,
    people: HashMap<Uuid, (String, String)>,
}

impl Names {
    async fn of(
        db: &impl ConnectionTrait,
        requests: &[access_request::Model],
    ) -> Result<Names, DomainError> {
        let collection_ids: HashSet<Uuid> = requests.iter().map(|r| r.collection_id).collect();
        let organization_ids: HashSet<Uuid> = requests.iter().map(|r| r.organization_id).collect();
        let people_ids: HashSet<Uuid> = requests.iter().map(|r| r.requester_id).collect();
        Ok(Names {
            collections: collection::Entity::find()
                .filter(collection::Column::Id.is_in(collection_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|c| (c.id, (c.slug, c.name)))
                .collect(),
            organizations: organization::Entity::find()
                .filter(organization::Column::Id.is_in(organization_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|o| (o.id, o.name))
                .collect(),
            people: user::Entity::find()
                .filter(user::Column::Id.is_in(people_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, (u.display_name, u.email)))
                .collect(),
        })
    }

    fn row(&self, request: access_request::Model, can_withdraw: bool) -> AccessRequestRow {
        let (slug, name) = self
            .collections
            .get(&request.collection_id)
            .cloned()
            .unwrap_or_default();
        let (requester_name, requester_email) = self
            .people
            .get(&request.requester_id)
            .cloned()
            .unwrap_or_default();
        let status = RequestStatus::parse(&request.status).unwrap_or(RequestStatus::Withdrawn);
        AccessRequestRow {
            id: request.id.to_string(),
            collection_slug: slug,
            collection_name: name,
            organization_id: request.organization_id.to_string(),
            organization: self
                .organizations
                .get(&request.organization_id)
                .cloned()
                .unwrap_or_default(),
            requester_name,
            requester_email,
            environments: Environment::list(&request.environments),
            reason: request.reason,
            notes: request.notes,
            status,
            requested_at: shown(request.created_at),
            decided_at: request.decided_at.map(shown),
            decided_by: request.decided_by_label.map(decider),
            decision_note: request.decision_note,
            grant_expires_at: request.grant_expires_at.map(last_day),
            can_withdraw: can_withdraw && status == RequestStatus::Pending,
        }
    }
}

/// The collections any of `organizations` asked for and wait on.
pub async fn pending_collections(
    db: &impl ConnectionTrait,
    organizations: &[Uuid],
) -> Result<HashSet<Uuid>, DomainError> {
    if organizations.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(access_request::Entity::find()
        .select_only()
        .column(access_request::Column::CollectionId)
        .filter(access_request::Column::OrganizationId.is_in(organizations.iter().copied()))
        .filter(access_request::Column::Status.eq(access_request::STATUS_PENDING))
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

fn grant_rows(
    grants: Vec<access_grant::Model>,
    organizations: &HashMap<Uuid, String>,
) -> Vec<GrantRow> {
    let mut rows: Vec<GrantRow> = grants
        .into_iter()
        .filter_map(|grant| {
            Some(GrantRow {
                organization_id: grant.organization_id.to_string(),
                organization: organizations
                    .get(&grant.organization_id)
                    .cloned()
                    .unwrap_or_default(),
                environment: Environment::parse(&grant.environment)?,
                granted_at: shown(grant.granted_at),
                source: grant.source,
                expires_at: grant.expires_at.map(last_day),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.organization.as_str(), a.environment).cmp(&(b.organization.as_str(), b.environment))
    });
    rows
}

impl Access {
    async fn memberships(
        &self,
        viewer: &Viewer,
    ) -> Result<Vec<(organization::Model, String)>, AppError> {
        Ok(crate::directory::memberships_of(&self.db, viewer_id(viewer)?).await?)
    }

    fn link(&self, path: &str) -> String {
        self.base_url
            .join(path)
            .map(|url| url.to_string())
            .unwrap_or_else(|_| path.to_owned())
    }

    /// Tells the admins who asked for it about a new request.
    async fn notify_admins(&self, request: &access_request::Model) -> Result<(), DomainError> {
        let names = Names::of(&self.db, std::slice::from_ref(request)).await?;
        let admins = user::Entity::find()
            .filter(user::Column::IsAdmin.eq(true))
            .filter(user::Column::NotifyAccessRequests.eq(true))
            .filter(user::Column::Status.eq(user::STATUS_ACTIVE))
            .all(&self.db)
            .await?;
        let row = names.row(request.clone(), false);
        let mail = AccessRequestMail {
            portal: &self.brand.name(),
            collection: &row.collection_name,
            organization: &row.organization,
            requester: &row.requester_name,
            environments: &row.environments,
        };
        let inbox = self.link("/admin/requests");
        for admin in admins {
            if let Ok(to) = Email::parse(&admin.email) {
                self.mailer.send_later(templates::access_requested(
                    &to,
                    admin.locale(),
                    &mail,
                    &row.reason,
                    &inbox,
                ));
            }
        }
        Ok(())
    }

    /// Tells the requester what was decided.
    async fn notify_requester(&self, request: &access_request::Model) -> Result<(), DomainError> {
        let names = Names::of(&self.db, std::slice::from_ref(request)).await?;
        let row = names.row(request.clone(), false);
        let Ok(to) = Email::parse(&row.requester_email) else {
            return Ok(());
        };
        let locale = crate::i18n::mail_locale(&self.db, &to).await;
        let mail = AccessRequestMail {
            portal: &self.brand.name(),
            collection: &row.collection_name,
            organization: &row.organization,
            requester: &row.requester_name,
            environments: &row.environments,
        };
        // The last day of access: grants end at the end of that day (UTC).
        let until = request.grant_expires_at.map(|at| {
            use chrono::Datelike;
            (at.year(), at.month(), at.day())
        });
        let message = match row.status {
            RequestStatus::Approved => templates::access_approved(
                &to,
                locale,
                &mail,
                row.decision_note.as_deref(),
                until,
                &self.link(&format!("/apis/{}", row.collection_slug)),
            ),
            RequestStatus::Rejected => templates::access_rejected(
                &to,
                locale,
                &mail,
                row.decision_note.as_deref().unwrap_or_default(),
                &self.link("/requests"),
            ),
            RequestStatus::Pending | RequestStatus::Withdrawn => return Ok(()),
        };
        self.mailer.send_later(message);
        Ok(())
    }

    /// Removes grants that ran out; run every minute by `portico serve`.
    pub async fn sweep_expired_grants(&self) -> Result<u32, DomainError> {
        grants::sweep_expired(&self.db, self.clock.as_ref()).await
    }

    /// The published collection a request is for; the same "not found" as the docs otherwise.
    async fn requestable(
        &self,
        viewer: &Viewer,
        slug: &str,
    ) -> Result<collection::Model, AppError> {
        let (collection, _) = self.catalog.readable(viewer, slug).await?;
        if !collection.published {
            return Err(AppError::Refused(app::t!("access-draft-collection")));
        }
        Ok(collection)
    }

    /// The collection an admin names; "not found" otherwise.
    async fn collection_by_slug(
        &self,
        db: &impl ConnectionTrait,
        slug: &str,
    ) -> Result<collection::Model, AppError> {
        collection::Entity::find()
            .filter(collection::Column::Slug.eq(slug))
            .one(db)
            .await
            .map_err(db_error)?
            .ok_or_else(|| AppError::NotFound(app::t!("access-that-api")))
    }

    async fn pending_for(
        &self,
        db: &impl ConnectionTrait,
        collection_id: Uuid,
        organization_id: Uuid,
    ) -> Result<Option<access_request::Model>, AppError> {
        access_request::Entity::find()
            .filter(access_request::Column::CollectionId.eq(collection_id))
            .filter(access_request::Column::OrganizationId.eq(organization_id))
            .filter(access_request::Column::Status.eq(access_request::STATUS_PENDING))
            .one(db)
            .await
            .map_err(db_error)
    }

    /// Why a request finds another decision first: who decided, how, when.
    fn already_decided(request: &access_request::Model) -> AppError {
        let by = request
            .decided_by_label
            .clone()
            .map_or_else(|| app::t!("access-someone"), decider);
        let when = request.decided_at.map(shown).unwrap_or_default();
        AppError::Conflict(match request.status.as_str() {
            access_request::STATUS_WITHDRAWN => {
                app::t!("access-already-withdrawn", by = by, when = when)
            }
            status => app::t!(
                "access-already-decided",
                status = status,
                by = by,
                when = when
            ),
        })
    }
}

#[async_trait::async_trait]
impl AccessService for Access {
    async fn request_form(&self, viewer: &Viewer, slug: &str) -> Result<RequestFormInfo, AppError> {
        let collection = self.requestable(viewer, slug).await?;
        let memberships = self.memberships(viewer).await?;
        if memberships.is_empty() {
            return Err(AppError::Refused(app::t!("access-no-organization")));
        }
        let now = self.clock.now();
        let mut organizations = Vec::new();
        for (organization, _) in memberships {
            let granted =
                grants::environments(&self.db, collection.id, organization.id, now).await?;
            let pending = match self
                .pending_for(&self.db, collection.id, organization.id)
                .await?
            {
                Some(pending) => {
                    let names = Names::of(&self.db, std::slice::from_ref(&pending)).await?;
                    Some(names.row(pending, false))
                }
                None => None,
            };
            organizations.push(OrganizationAccess {
                allowed: organization.environments(),
                organization: Choice {
                    value: organization.id.to_string(),
                    label: organization.name,
                },
                granted,
                pending,
            });
        }
        let has_access = organizations.iter().any(|o| !o.granted.is_empty());
        let request_pending = organizations.iter().any(|o| o.pending.is_some());
        let mut card = self.catalog.cards(vec![collection], |_| has_access).await?;
        let mut collection_card = card.pop().ok_or(AppError::Internal)?;
        collection_card.request_pending = request_pending;
        Ok(RequestFormInfo {
            collection: collection_card,
            organizations,
        })
    }

    async fn request(
        &self,
        viewer: &Viewer,
        slug: &str,
        draft: AccessRequestDraft,
        request: &http::request::Parts,
    ) -> Result<RequestOutcome, AppError> {
        let collection = self.requestable(viewer, slug).await?;
        let memberships = self.memberships(viewer).await?;
        let organization =
            crate::directory::chosen_organization(&memberships, &draft.organization_id)?;
        organization.check_environments(&draft.environments)?;
        let now = self.clock.now();
        let has = grants::environments(&self.db, collection.id, organization.id, now).await?;
        let already: Vec<Environment> = draft
            .environments
            .iter()
            .copied()
            .filter(|e| has.contains(e))
            .collect();
        if !already.is_empty() {
            return Err(AppError::invalid(
                "environments",
                app::t!(
                    "access-already-granted-ask",
                    organization = &organization.name,
                    environments = Environment::describe(&already)
                ),
            ));
        }
        let duplicate = || {
            AppError::Conflict(app::t!(
                "access-already-asked",
                organization = &organization.name,
                collection = &collection.name
            ))
        };
        if self
            .pending_for(&self.db, collection.id, organization.id)
            .await?
            .is_some()
        {
            return Err(duplicate());
        }
        let rule = Environment::list(&collection.auto_approve);
        let automatic = draft.environments.iter().all(|e| rule.contains(e));
        let requester = viewer_id(viewer)?;
        let id = Uuid::now_v7();
        let client = client_addr(&request.extensions);
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let inserted = access_request::ActiveModel {
            id: Set(id),
            collection_id: Set(collection.id),
            organization_id: Set(organization.id),
            requester_id: Set(requester),
            environments: Set(Environment::join(&draft.environments)),
            reason: Set(draft.reason.clone()),
            notes: Set(draft.notes.clone()),
            status: Set(if automatic {
                access_request::STATUS_APPROVED
            } else {
                access_request::STATUS_PENDING
            }
            .to_owned()),
            created_at: Set(now),
            decided_at: Set(automatic.then_some(now)),
            decided_by: Set(None),
            decided_by_label: Set(automatic.then(|| "system".to_owned())),
            decision_note: Set(None),
            grant_expires_at: Set(None),
            requester_seen_at: Set(automatic.then_some(now)),
        }
        .insert(&txn)
        .await;
        let inserted = match inserted {
            Ok(model) => model,
            // Two requests at the same moment: the unique index lets one through.
            Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                return Err(duplicate());
            }
            Err(error) => return Err(db_error(error)),
        };
        let details = serde_json::json!({
            "collection": collection.slug,
            "organization": organization.name,
            "environments": draft.environments,
        });
        AuditEvent::by_viewer(viewer, "access.requested")
            .on("access_request", id)
            .from_addr(client)
            .with_details(details.clone())
            .record(&txn, self.clock.as_ref())
            .await?;
        if automatic {
            for environment in &draft.environments {
                grants::put(
                    &txn,
                    self.clock.as_ref(),
                    collection.id,
                    organization.id,
                    *environment,
                    &GrantOrigin {
                        source: access_grant::SOURCE_AUTO,
                        request_id: Some(id),
                        granted_by: None,
                        expires_at: None,
                    },
                )
                .await?;
            }
            AuditEvent::new("system", "access.auto_approved")
                .on("access_request", id)
                .with_details(details.clone())
                .record(&txn, self.clock.as_ref())
                .await?;
            AuditEvent::new("system", "collection.granted")
                .on("collection", collection.id)
                .with_details(details)
                .record(&txn, self.clock.as_ref())
                .await?;
        }
        txn.commit().await.map_err(db_error)?;
        if automatic {
            return Ok(RequestOutcome::Approved);
        }
        if let Err(error) = self.notify_admins(&inserted).await {
            // The request is stored; only the mail about it is lost.
            tracing::error!(%error, "could not tell the admins about an access request");
        }
        Ok(RequestOutcome::Pending)
    }

    async fn my_requests(&self, viewer: &Viewer) -> Result<Vec<AccessRequestRow>, AppError> {
        let memberships = self.memberships(viewer).await?;
        let me = viewer_id(viewer)?;
        let organization_ids: Vec<Uuid> = memberships.iter().map(|(o, _)| o.id).collect();
        let admin_of: HashSet<Uuid> = memberships
            .iter()
            .filter(|(_, role)| role == membership::ROLE_ADMIN)
            .map(|(o, _)| o.id)
            .collect();
        let requests = access_request::Entity::find()
            .filter(access_request::Column::OrganizationId.is_in(organization_ids))
            .order_by_desc(access_request::Column::CreatedAt)
            .order_by_desc(access_request::Column::Id)
            .limit(MY_REQUESTS_LIMIT)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let names = Names::of(&self.db, &requests).await?;
        let rows = requests
            .into_iter()
            .map(|request| {
                let mine =
                    request.requester_id == me || admin_of.contains(&request.organization_id);
                names.row(request, mine)
            })
            .collect();
        access_request::Entity::update_many()
            .col_expr(
                access_request::Column::RequesterSeenAt,
                Expr::value(self.clock.now()),
            )
            .filter(access_request::Column::RequesterId.eq(me))
            .filter(access_request::Column::DecidedAt.is_not_null())
            .filter(access_request::Column::RequesterSeenAt.is_null())
            .exec(&self.db)
            .await
            .map_err(db_error)?;
        Ok(rows)
    }

    async fn withdraw(
        &self,
        viewer: &Viewer,
        request_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let id = Uuid::parse_str(request_id).map_err(|_| request_not_found())?;
        let memberships = self.memberships(viewer).await?;
        let now = self.clock.now();
        let found = access_request::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_error)?
            // Another organization's request does not exist, as far as this viewer knows.
            .filter(|r| memberships.iter().any(|(o, _)| o.id == r.organization_id))
            .ok_or_else(request_not_found)?;
        let org_admin = memberships
            .iter()
            .any(|(o, role)| o.id == found.organization_id && role == membership::ROLE_ADMIN);
        if found.requester_id != viewer_id(viewer)? && !org_admin {
            return Err(AppError::Refused(app::t!("access-withdraw-refused")));
        }
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let changed = access_request::Entity::update_many()
            .col_expr(
                access_request::Column::Status,
                Expr::value(access_request::STATUS_WITHDRAWN),
            )
            .col_expr(access_request::Column::DecidedAt, Expr::value(now))
            .col_expr(
                access_request::Column::DecidedBy,
                Expr::value(viewer_id(viewer).ok()),
            )
            .col_expr(
                access_request::Column::DecidedByLabel,
                Expr::value(viewer.email.clone()),
            )
            .col_expr(access_request::Column::RequesterSeenAt, Expr::value(now))
            .filter(access_request::Column::Id.eq(id))
            .filter(access_request::Column::Status.eq(access_request::STATUS_PENDING))
            .exec(&txn)
            .await
            .map_err(db_error)?;
        if changed.rows_affected != 1 {
            drop(txn);
            let current = access_request::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .map_err(db_error)?
                .ok_or_else(request_not_found)?;
            return Err(Self::already_decided(&current));
        }
        AuditEvent::by_viewer(viewer, "access.withdrawn")
            .on("access_request", id)
            .from_addr(client_addr(&request.extensions))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        Ok(())
    }

    async fn notices(&self, viewer: &Viewer) -> Result<Notices, AppError> {
        let pending_approvals = if viewer.is_admin {
            access_request::Entity::find()
                .filter(access_request::Column::Status.eq(access_request::STATUS_PENDING))
                .count(&self.db)
                .await
                .map_err(db_error)?
        } else {
            0
        };
        let unseen_decisions = access_request::Entity::find()
            .filter(access_request::Column::RequesterId.eq(viewer_id(viewer)?))
            .filter(access_request::Column::DecidedAt.is_not_null())
            .filter(access_request::Column::RequesterSeenAt.is_null())
            .count(&self.db)
            .await
            .map_err(db_error)?;
        Ok(Notices {
            pending_approvals: u32::try_from(pending_approvals).unwrap_or(u32::MAX),
            unseen_decisions: u32::try_from(unseen_decisions).unwrap_or(u32::MAX),
        })
    }

    async fn notification_setting(&self, viewer: &Viewer) -> Result<bool, AppError> {
        Ok(user::Entity::find_by_id(viewer_id(viewer)?)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .is_some_and(|u| u.notify_access_requests))
    }

    async fn set_notification_setting(
        &self,
        viewer: &Viewer,
        enabled: bool,
    ) -> Result<(), AppError> {
        user::ActiveModel {
            id: Set(viewer_id(viewer)?),
            notify_access_requests: Set(enabled),
            ..Default::default()
        }
        .update(&self.db)
        .await
        .map_err(db_error)?;
        Ok(())
    }

    async fn inbox(&self, filter: InboxFilter) -> Result<Inbox, AppError> {
        let mut query = access_request::Entity::find();
        if let Some(status) = filter.status {
            query = query.filter(access_request::Column::Status.eq(status.as_str()));
        }
        if !filter.collection.is_empty() {
            match collection::Entity::find()
                .filter(collection::Column::Slug.eq(&filter.collection))
                .one(&self.db)
                .await
                .map_err(db_error)?
            {
                Some(collection) => {
                    query = query.filter(access_request::Column::CollectionId.eq(collection.id));
                }
                None => query = query.filter(Expr::value(false)),
            }
        }
        if !filter.organization.is_empty() {
            match Uuid::parse_str(&filter.organization) {
                Ok(id) => query = query.filter(access_request::Column::OrganizationId.eq(id)),
                Err(_) => query = query.filter(Expr::value(false)),
            }
        }
        // Pending ones oldest first (first come, first decided); decided ones newest first.
        query = if filter.status == Some(RequestStatus::Pending) {
            query
                .order_by_asc(access_request::Column::CreatedAt)
                .order_by_asc(access_request::Column::Id)
        } else {
            query
                .order_by_desc(access_request::Column::CreatedAt)
                .order_by_desc(access_request::Column::Id)
        };
        let mut requests = query
            .limit(INBOX_LIMIT + 1)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let truncated = requests.len() as u64 > INBOX_LIMIT;
        requests.truncate(INBOX_LIMIT as usize);

        // Everything about the same (collection, organization) pairs, in two queries.
        let collection_ids: HashSet<Uuid> = requests.iter().map(|r| r.collection_id).collect();
        let organization_ids: HashSet<Uuid> = requests.iter().map(|r| r.organization_id).collect();
        let related = access_request::Entity::find()
            .filter(access_request::Column::CollectionId.is_in(collection_ids.iter().copied()))
            .filter(access_request::Column::OrganizationId.is_in(organization_ids.iter().copied()))
            .order_by_desc(access_request::Column::CreatedAt)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let now = self.clock.now();
        let live_grants = access_grant::Entity::find()
            .filter(access_grant::Column::CollectionId.is_in(collection_ids.iter().copied()))
            .filter(access_grant::Column::OrganizationId.is_in(organization_ids.iter().copied()))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .filter(|g| g.expires_at.is_none_or(|at| at > now))
            .collect::<Vec<_>>();
        let mut everything = requests.clone();
        everything.extend(related.iter().cloned());
        let names = Names::of(&self.db, &everything).await?;
        let items = requests
            .into_iter()
            .map(|request| {
                let pair = (request.collection_id, request.organization_id);
                let history = related
                    .iter()
                    .filter(|r| (r.collection_id, r.organization_id) == pair && r.id != request.id)
                    .map(|r| names.row(r.clone(), false))
                    .collect();
                let grants = grant_rows(
                    live_grants
                        .iter()
                        .filter(|g| (g.collection_id, g.organization_id) == pair)
                        .cloned()
                        .collect(),
                    &names.organizations,
                );
                InboxItem {
                    request: names.row(request, false),
                    history,
                    grants,
                }
            })
            .collect();

        // The filters offer what has requests at all.
        let pairs: Vec<(Uuid, Uuid)> = access_request::Entity::find()
            .select_only()
            .column(access_request::Column::CollectionId)
            .column(access_request::Column::OrganizationId)
            .distinct()
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let collections: BTreeMap<String, String> = collection::Entity::find()
            .filter(collection::Column::Id.is_in(pairs.iter().map(|(c, _)| *c)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|c| (c.name, c.slug))
            .collect();
        let organizations: BTreeMap<String, String> = organization::Entity::find()
            .filter(organization::Column::Id.is_in(pairs.iter().map(|(_, o)| *o)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|o| (o.name, o.id.to_string()))
            .collect();
        let choices = |map: BTreeMap<String, String>| {
            map.into_iter()
                .map(|(label, value)| Choice { value, label })
                .collect()
        };
        Ok(Inbox {
            items,
            collections: choices(collections),
            organizations: choices(organizations),
            truncated,
        })
    }

    async fn decide(
        &self,
        actor: &Viewer,
        request_id: &str,
        decision: Decision,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let id = Uuid::parse_str(request_id).map_err(|_| request_not_found())?;
        let now = self.clock.now();
        let (status, note, expires_at) = match &decision {
            Decision::Approve { note, until } => {
                let expires_at = match until {
                    Some(day) => {
                        Some(end_of_day(*day).filter(|at| *at > now).ok_or_else(|| {
                            AppError::invalid("expires_on", app::t!("access-until-in-past"))
                        })?)
                    }
                    None => None,
                };
                (access_request::STATUS_APPROVED, note.clone(), expires_at)
            }
            Decision::Reject { reason } => {
                (access_request::STATUS_REJECTED, Some(reason.clone()), None)
            }
        };
        // Decided once: of two admins deciding at the same moment, the second finds it decided.
        // The conditional update comes first, so SQLite takes its write lock before any read.
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let changed = access_request::Entity::update_many()
            .col_expr(access_request::Column::Status, Expr::value(status))
            .col_expr(access_request::Column::DecidedAt, Expr::value(now))
            .col_expr(
                access_request::Column::DecidedBy,
                Expr::value(viewer_id(actor).ok()),
            )
            .col_expr(
                access_request::Column::DecidedByLabel,
                Expr::value(actor.email.clone()),
            )
            .col_expr(
                access_request::Column::DecisionNote,
                Expr::value(note.clone()),
            )
            .col_expr(
                access_request::Column::GrantExpiresAt,
                Expr::value(expires_at),
            )
            .filter(access_request::Column::Id.eq(id))
            .filter(access_request::Column::Status.eq(access_request::STATUS_PENDING))
            .exec(&txn)
            .await
            .map_err(db_error)?;
        if changed.rows_affected != 1 {
            drop(txn);
            let current = access_request::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .map_err(db_error)?
                .ok_or_else(request_not_found)?;
            return Err(Self::already_decided(&current));
        }
        let found = access_request::Entity::find_by_id(id)
            .one(&txn)
            .await
            .map_err(db_error)?
            .ok_or(AppError::Internal)?;
        let environments = Environment::list(&found.environments);
        let names = Names::of(&txn, std::slice::from_ref(&found)).await?;
        let collection_slug = names
            .collections
            .get(&found.collection_id)
            .map(|(slug, _)| slug.clone())
            .unwrap_or_default();
        let organization_name = names
            .organizations
            .get(&found.organization_id)
            .cloned()
            .unwrap_or_default();
        let details = serde_json::json!({
            "collection": collection_slug,
            "organization": organization_name,
            "environments": environments,
            "note": note,
            "expires_at": expires_at,
        });
        let client = client_addr(&request.extensions);
        let approved = status == access_request::STATUS_APPROVED;
        AuditEvent::by_viewer(
            actor,
            if approved {
                "access.approved"
            } else {
                "access.rejected"
            },
        )
        .on("access_request", id)
        .from_addr(client)
        .with_details(details.clone())
        .record(&txn, self.clock.as_ref())
        .await?;
        if approved {
            // The organization's environments may have narrowed since the request was made.
            if let Some(organization) = organization::Entity::find_by_id(found.organization_id)
                .one(&txn)
                .await
                .map_err(db_error)?
            {
                organization
                    .check_environments(&environments)
                    .map_err(|error| {
                        AppError::Refused(app::t!(
                            "access-approve-not-allowed",
                            reason = error.to_string()
                        ))
                    })?;
            }
            for environment in &environments {
                grants::put(
                    &txn,
                    self.clock.as_ref(),
                    found.collection_id,
                    found.organization_id,
                    *environment,
                    &GrantOrigin {
                        source: access_grant::SOURCE_REQUEST,
                        request_id: Some(id),
                        granted_by: viewer_id(actor).ok(),
                        expires_at,
                    },
                )
                .await?;
            }
            AuditEvent::by_viewer(actor, "collection.granted")
                .on("collection", found.collection_id)
                .from_addr(client)
                .with_details(details)
                .record(&txn, self.clock.as_ref())
                .await?;
        }
        txn.commit().await.map_err(db_error)?;
        let decided = access_request::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_error)?;
        if let Some(decided) = decided
            && let Err(error) = self.notify_requester(&decided).await
        {
            // The decision stands; only the mail about it is lost (the in-app notice remains).
            tracing::error!(%error, "could not tell a requester about a decision");
        }
        Ok(())
    }

    async fn collection_access(&self, slug: &str) -> Result<CollectionAccess, AppError> {
        let collection = self.collection_by_slug(&self.db, slug).await?;
        let grants = grants::of_collection(&self.db, collection.id, None, self.clock.now()).await?;
        let organizations: HashMap<Uuid, String> = organization::Entity::find()
            .filter(organization::Column::Id.is_in(grants.iter().map(|g| g.organization_id)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        Ok(CollectionAccess {
            grants: grant_rows(grants, &organizations),
            auto_approve: Environment::list(&collection.auto_approve),
        })
    }

    async fn grant(
        &self,
        actor: &Viewer,
        slug: &str,
        organization_id: &str,
        environments: &[Environment],
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let collection = self.collection_by_slug(&self.db, slug).await?;
        let organization = organization_from_form(&self.db, organization_id).await?;
        organization.check_environments(environments)?;
        let has = grants::environments(&self.db, collection.id, organization.id, self.clock.now())
            .await?;
        if environments.iter().all(|e| has.contains(e)) {
            return Err(AppError::invalid(
                "organization_id",
                app::t!(
                    "access-already-granted",
                    organization = &organization.name,
                    environments = Environment::describe(environments)
                ),
            ));
        }
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        for environment in environments {
            grants::put(
                &txn,
                self.clock.as_ref(),
                collection.id,
                organization.id,
                *environment,
                &GrantOrigin {
                    source: access_grant::SOURCE_ADMIN,
                    request_id: None,
                    granted_by: viewer_id(actor).ok(),
                    expires_at: None,
                },
            )
            .await?;
        }
        AuditEvent::by_viewer(actor, "collection.granted")
            .on("collection", collection.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({
                "collection": collection.slug,
                "organization": organization.name,
                "environments": environments,
            }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        Ok(())
    }

    async fn revoke(
        &self,
        actor: &Viewer,
        slug: &str,
        organization_id: &str,
        environment: Environment,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let collection = self.collection_by_slug(&self.db, slug).await?;
        let organization = organization_from_form(&self.db, organization_id).await?;
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        let removed = access_grant::Entity::delete_many()
            .filter(access_grant::Column::CollectionId.eq(collection.id))
            .filter(access_grant::Column::OrganizationId.eq(organization.id))
            .filter(access_grant::Column::Environment.eq(environment.as_str()))
            .exec(&txn)
            .await
            .map_err(db_error)?;
        if removed.rows_affected == 0 {
            return Err(AppError::NotFound(app::t!("access-that-grant")));
        }
        AuditEvent::by_viewer(actor, "collection.grant_revoked")
            .on("collection", collection.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({
                "collection": collection.slug,
                "organization": organization.name,
                "environments": [environment],
            }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        Ok(())
    }

    async fn set_auto_approve(
        &self,
        actor: &Viewer,
        slug: &str,
        environments: &[Environment],
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let collection = self.collection_by_slug(&self.db, slug).await?;
        let txn = crate::db::begin_write(&self.db).await.map_err(db_error)?;
        collection::ActiveModel {
            id: Set(collection.id),
            auto_approve: Set(Environment::join(environments)),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(db_error)?;
        AuditEvent::by_viewer(actor, "collection.auto_approve_changed")
            .on("collection", collection.id)
            .from_addr(client_addr(&request.extensions))
            .with_details(serde_json::json!({
                "collection": collection.slug,
                "environments": environments,
            }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(db_error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::types::CalendarDate;

    #[test]
    fn access_lasts_through_its_last_day() {
        let day = CalendarDate::parse("2026-12-31").expect("date");
        let end = end_of_day(day).expect("a real day");
        assert_eq!(end.to_rfc3339(), "2027-01-01T00:00:00+00:00");
        assert_eq!(last_day(end), "2026-12-31");
    }
}
