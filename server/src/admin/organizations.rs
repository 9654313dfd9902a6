use std::collections::BTreeMap;
use std::sync::Arc;

use app::admin::{OrganizationRow, OrganizationsService};
use app::auth::Viewer;
use app::error::AppError;
use app::types::{Email, Environment};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::audit::AuditEvent;
use crate::auth::Sessions;
use crate::clock::Clock;
use crate::entities::{
    access_grant, authorized_email, membership, organization, organization_domain, user,
};
use crate::error::DomainError;
use crate::web::client_addr;

pub struct Organizations {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub sessions: Arc<Sessions>,
}

fn not_found() -> AppError {
    AppError::NotFound(app::t!("orgs-that-organization"))
}

impl Organizations {
    async fn find(
        &self,
        db: &impl ConnectionTrait,
        organization_id: &str,
    ) -> Result<organization::Model, AppError> {
        let id = Uuid::parse_str(organization_id).map_err(|_| not_found())?;
        organization::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(DomainError::from)?
            .ok_or_else(not_found)
    }

    fn event(
        actor: &Viewer,
        action: &'static str,
        organization: &organization::Model,
        request: &http::request::Parts,
    ) -> AuditEvent {
        AuditEvent::by_viewer(actor, action)
            .on("organization", organization.id)
            .from_addr(client_addr(&request.extensions))
    }

    /// Ends the sessions of the organization's members who, with its access off, have no way
    /// in any more (no other organization with access, not a portal admin).
    async fn end_sessions_without_access(
        &self,
        db: &impl ConnectionTrait,
        organization_id: Uuid,
    ) -> Result<(), DomainError> {
        let members = membership::Entity::find()
            .filter(membership::Column::OrganizationId.eq(organization_id))
            .find_also_related(user::Entity)
            .all(db)
            .await?;
        for (_, person) in members {
            let Some(person) = person else {
                continue;
            };
            if !crate::directory::has_access_beyond(db, &person, organization_id).await? {
                self.sessions.end_all_for(db, person.id).await?;
            }
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl OrganizationsService for Organizations {
    async fn list(&self) -> Result<Vec<OrganizationRow>, AppError> {
        let organizations = organization::Entity::find()
            .filter(organization::Column::ArchivedAt.is_null())
            .order_by_asc(organization::Column::Name)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?;
        let mut members: BTreeMap<Uuid, u64> = BTreeMap::new();
        for membership in membership::Entity::find()
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
        {
            *members.entry(membership.organization_id).or_default() += 1;
        }
        let mut emails: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
        for entry in authorized_email::Entity::find()
            .order_by_asc(authorized_email::Column::Email)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
        {
            emails
                .entry(entry.organization_id)
                .or_default()
                .push(entry.email);
        }
        let mut domains: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
        for entry in organization_domain::Entity::find()
            .order_by_asc(organization_domain::Column::Domain)
            .all(&self.db)
            .await
            .map_err(DomainError::from)?
        {
            domains
                .entry(entry.organization_id)
                .or_default()
                .push(entry.domain);
        }
        Ok(organizations
            .into_iter()
            .map(|organization| OrganizationRow {
                id: organization.id.to_string(),
                members: members.get(&organization.id).copied().unwrap_or_default(),
                authorized_emails: emails.remove(&organization.id).unwrap_or_default(),
                domains: domains.remove(&organization.id).unwrap_or_default(),
                environments: organization.environments(),
                name: organization.name,
                slug: organization.slug,
                portal_access: organization.portal_access,
            })
            .collect())
    }

    async fn create(
        &self,
        actor: &Viewer,
        name: &str,
        request: &http::request::Parts,
    ) -> Result<OrganizationRow, AppError> {
        let name = &app::admin::organization_name(name)?;
        let base = app::types::Slug::from_name(name)
            .map_err(|_| AppError::invalid("name", app::t!("orgs-name-no-slug")))?;
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let taken: Vec<String> = organization::Entity::find()
            .filter(organization::Column::Slug.starts_with(base.as_str()))
            .all(&txn)
            .await
            .map_err(DomainError::from)?
            .into_iter()
            .map(|o| o.slug)
            .collect();
        if organization::Entity::find()
            .filter(organization::Column::Name.eq(name))
            .filter(organization::Column::ArchivedAt.is_null())
            .one(&txn)
            .await
            .map_err(DomainError::from)?
            .is_some()
        {
            return Err(AppError::invalid(
                "name",
                app::t!("orgs-name-taken", name = name),
            ));
        }
        // The name's slug, or the first free one after it (acme, acme-2, …).
        let slug = (1..)
            .map(|n| {
                if n == 1 {
                    base.to_string()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|candidate| !taken.contains(candidate))
            .and_then(|candidate| app::types::Slug::parse(&candidate).ok())
            .ok_or_else(|| AppError::invalid("name", app::t!("orgs-name-shorter")))?;
        let organization =
            crate::directory::create_organization(&txn, self.clock.as_ref(), name, &slug).await?;
        Self::event(actor, "organization.created", &organization, request)
            .with_details(serde_json::json!({ "name": name, "slug": organization.slug }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(OrganizationRow {
            environments: organization.environments(),
            id: organization.id.to_string(),
            name: organization.name,
            slug: organization.slug,
            portal_access: organization.portal_access,
            members: 0,
            authorized_emails: Vec::new(),
            domains: Vec::new(),
        })
    }

    async fn set_portal_access(
        &self,
        actor: &Viewer,
        organization_id: &str,
        enabled: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        organization::ActiveModel {
            id: Set(organization.id),
            portal_access: Set(enabled),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        if !enabled {
            self.end_sessions_without_access(&txn, organization.id)
                .await?;
        }
        let action = if enabled {
            "organization.portal_access_on"
        } else {
            "organization.portal_access_off"
        };
        Self::event(actor, action, &organization, request)
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn set_environments(
        &self,
        actor: &Viewer,
        organization_id: &str,
        environments: &[Environment],
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        if environments.is_empty() {
            return Err(AppError::invalid(
                "environments",
                app::t!("orgs-environments-none"),
            ));
        }
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        let before = organization.environments();
        let after = Environment::list(&Environment::join(environments));
        if before == after {
            return Ok(());
        }
        organization::ActiveModel {
            id: Set(organization.id),
            environments: Set(Environment::join(&after)),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        // Access to an environment it may no longer use ends now (the gateway notices within a
        // second); keys of it stay, refused, until the environment comes back or they go.
        let removed: Vec<&str> = before
            .iter()
            .filter(|e| !after.contains(e))
            .map(|e| e.as_str())
            .collect();
        let ended = if removed.is_empty() {
            0
        } else {
            access_grant::Entity::delete_many()
                .filter(access_grant::Column::OrganizationId.eq(organization.id))
                .filter(access_grant::Column::Environment.is_in(removed.iter().copied()))
                .exec(&txn)
                .await
                .map_err(DomainError::from)?
                .rows_affected
        };
        Self::event(
            actor,
            "organization.environments_changed",
            &organization,
            request,
        )
        .with_details(serde_json::json!({
            "from": before,
            "to": after,
            "grants_ended": ended,
        }))
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn add_authorized_email(
        &self,
        actor: &Viewer,
        organization_id: &str,
        email: Email,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        let existing = authorized_email::Entity::find_by_id((organization.id, email.to_string()))
            .one(&txn)
            .await
            .map_err(DomainError::from)?;
        if existing.is_some() {
            return Err(AppError::invalid(
                "email",
                app::t!("orgs-already-listed", item = email.as_str()),
            ));
        }
        authorized_email::ActiveModel {
            organization_id: Set(organization.id),
            email: Set(email.to_string()),
            created_at: Set(self.clock.now()),
        }
        .insert(&txn)
        .await
        .map_err(DomainError::from)?;
        Self::event(
            actor,
            "organization.authorized_email_added",
            &organization,
            request,
        )
        .with_details(serde_json::json!({ "email": email.as_str() }))
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn rename(
        &self,
        actor: &Viewer,
        organization_id: &str,
        name: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let name = &app::admin::organization_name(name)?;
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        if organization.name == *name {
            return Ok(());
        }
        let taken = organization::Entity::find()
            .filter(organization::Column::Name.eq(name))
            .filter(organization::Column::ArchivedAt.is_null())
            .filter(organization::Column::Id.ne(organization.id))
            .one(&txn)
            .await
            .map_err(DomainError::from)?;
        if taken.is_some() {
            return Err(AppError::invalid(
                "name",
                app::t!("orgs-name-taken", name = name),
            ));
        }
        organization::ActiveModel {
            id: Set(organization.id),
            name: Set(name.to_owned()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        Self::event(actor, "organization.renamed", &organization, request)
            .with_details(serde_json::json!({ "from": organization.name, "to": name }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn add_domain(
        &self,
        actor: &Viewer,
        organization_id: &str,
        domain: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let domain = &app::admin::parse_join_domain(domain)?;
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        if let Some((_, owner)) = organization_domain::Entity::find_by_id(domain.to_owned())
            .find_also_related(organization::Entity)
            .one(&txn)
            .await
            .map_err(DomainError::from)?
        {
            let owner = owner.map(|o| o.name).unwrap_or_default();
            return Err(AppError::invalid(
                "domain",
                if owner == organization.name {
                    app::t!("orgs-already-listed", item = domain)
                } else {
                    app::t!("orgs-domain-taken", domain = domain, owner = &owner)
                },
            ));
        }
        organization_domain::ActiveModel {
            domain: Set(domain.to_owned()),
            organization_id: Set(organization.id),
            created_at: Set(self.clock.now()),
        }
        .insert(&txn)
        .await
        .map_err(DomainError::from)?;
        Self::event(actor, "organization.domain_added", &organization, request)
            .with_details(serde_json::json!({ "domain": domain }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn remove_domain(
        &self,
        actor: &Viewer,
        organization_id: &str,
        domain: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        let removed = organization_domain::Entity::delete_many()
            .filter(organization_domain::Column::Domain.eq(domain.trim().to_lowercase()))
            .filter(organization_domain::Column::OrganizationId.eq(organization.id))
            .exec(&txn)
            .await
            .map_err(DomainError::from)?;
        if removed.rows_affected == 0 {
            return Err(AppError::NotFound(app::t!("orgs-that-domain")));
        }
        Self::event(actor, "organization.domain_removed", &organization, request)
            .with_details(serde_json::json!({ "domain": domain }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn archive(
        &self,
        actor: &Viewer,
        organization_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        if organization.archived_at.is_some() {
            return Err(not_found());
        }
        organization::ActiveModel {
            id: Set(organization.id),
            archived_at: Set(Some(self.clock.now())),
            ..Default::default()
        }
        .update(&txn)
        .await
        .map_err(DomainError::from)?;
        // Its domains are free for another organization; nobody joins an archived one.
        organization_domain::Entity::delete_many()
            .filter(organization_domain::Column::OrganizationId.eq(organization.id))
            .exec(&txn)
            .await
            .map_err(DomainError::from)?;
        let ended = self
            .end_sessions_without_access(&txn, organization.id)
            .await?;
        Self::event(actor, "organization.archived", &organization, request)
            .with_details(serde_json::json!({ "sessions_ended": ended }))
            .record(&txn, self.clock.as_ref())
            .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }

    async fn remove_authorized_email(
        &self,
        actor: &Viewer,
        organization_id: &str,
        email: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError> {
        let txn = crate::db::begin_write(&self.db)
            .await
            .map_err(DomainError::from)?;
        let organization = self.find(&txn, organization_id).await?;
        let removed =
            authorized_email::Entity::delete_by_id((organization.id, email.trim().to_lowercase()))
                .exec(&txn)
                .await
                .map_err(DomainError::from)?;
        if removed.rows_affected == 0 {
            return Err(AppError::NotFound(app::t!("orgs-that-address")));
        }
        Self::event(
            actor,
            "organization.authorized_email_removed",
            &organization,
            request,
        )
        .with_details(serde_json::json!({ "email": email }))
        .record(&txn, self.clock.as_ref())
        .await?;
        txn.commit().await.map_err(DomainError::from)?;
        Ok(())
    }
}
