//! The portal's configuration as one JSON document: branding, organizations (with their domains
//! and authorized addresses), collections (settings, OpenAPI document, auto-approval and grants)
//! and identity providers (without their secrets). Exported from one portal, imported into
//! another, so a portal can be set up from a file.
//!
//! Importing adds and updates; it never deletes. The whole document is checked before anything
//! is written, so a mistake anywhere changes nothing.

pub mod routes;

use std::collections::{BTreeMap, BTreeSet};

use app::access::CollectionAccess;
use app::admin::{
    Branding, CollectionForm, OrganizationRow, ProviderConfig, ProviderSource, organization_name,
    parse_join_domain,
};
use app::auth::Viewer;
use app::error::AppError;
use app::services::Services;
use app::types::{Email, Environment};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::AuditEvent;
use crate::catalog::{Catalog, parse_document};

/// The format of the document; a later change to it gets a new number.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PortalConfig {
    /// Always 1 for now.
    pub format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branding: Option<Branding>,
    #[serde(default)]
    pub organizations: Vec<OrganizationConfig>,
    #[serde(default)]
    pub collections: Vec<CollectionConfig>,
    #[serde(default)]
    pub identity_providers: Vec<ProviderEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationConfig {
    /// Grants and identity providers name organizations by it.
    pub slug: String,
    pub name: String,
    #[serde(default = "yes")]
    pub portal_access: bool,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub authorized_emails: Vec<String>,
    /// The environments it may use; both when left out.
    #[serde(default = "every_environment")]
    pub environments: Vec<Environment>,
}

fn every_environment() -> Vec<Environment> {
    Environment::ALL.to_vec()
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CollectionConfig {
    pub settings: CollectionForm,
    /// The current version of its OpenAPI document, as text (JSON or YAML).
    pub document: String,
    #[serde(default)]
    pub auto_approve: Vec<Environment>,
    #[serde(default)]
    pub grants: Vec<GrantConfig>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantConfig {
    /// The organization's slug.
    pub organization: String,
    pub environments: Vec<Environment>,
}

/// An identity provider and whether it is switched on. Its secret is never exported; a new
/// provider needs `client_secret` among its settings to be imported (one that exists keeps its
/// own, for the same issuer and client).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderEntry {
    pub provider: ProviderConfig,
    #[serde(default)]
    pub enabled: bool,
}

/// What an import did, a sentence per change.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct ImportReport {
    pub changes: Vec<String>,
}

/// Names the place of a mistake in the document: `organizations[2].domains`.
fn at(place: String, error: AppError) -> AppError {
    match error {
        AppError::Invalid { field, message } => AppError::Invalid {
            field: Some(match field {
                Some(field) => format!("{place}.{field}"),
                None => place,
            }),
            message,
        },
        other => other,
    }
}

pub struct ConfigTransfer<'a> {
    pub services: &'a Services,
    pub catalog: &'a Catalog,
}

impl ConfigTransfer<'_> {
    /// The configuration as one document; the export is audited, as it lists every
    /// organization and its addresses.
    pub async fn export(
        &self,
        actor: &Viewer,
        request: &http::request::Parts,
    ) -> Result<PortalConfig, AppError> {
        AuditEvent::by_viewer(actor, "configuration.exported")
            .from_addr(crate::web::client_addr(&request.extensions))
            .record(&self.catalog.db, self.catalog.clock.as_ref())
            .await?;
        let services = self.services;
        let organizations = services.organizations.list().await?;
        let slug_of: BTreeMap<String, String> = organizations
            .iter()
            .map(|o| (o.id.clone(), o.slug.clone()))
            .collect();
        let mut collections = Vec::new();
        for row in services.collections.list().await? {
            // Every portal publishes its own management API; it is not configuration.
            if row.slug == crate::api::COLLECTION_SLUG {
                continue;
            }
            let settings = services.collections.settings(&row.slug).await?;
            let access = services.access.collection_access(&row.slug).await?;
            collections.push(CollectionConfig {
                settings: settings.form,
                document: self.catalog.current_text(&row.slug).await?,
                auto_approve: access.auto_approve.clone(),
                grants: grants_by_organization(&access, &slug_of),
            });
        }
        let mut identity_providers = Vec::new();
        for row in services.identity_providers.list().await? {
            if row.source != ProviderSource::Portal {
                continue;
            }
            let editor = services.identity_providers.editor(Some(&row.slug)).await?;
            identity_providers.push(ProviderEntry {
                provider: editor.config,
                enabled: row.enabled,
            });
        }
        Ok(PortalConfig {
            format: FORMAT,
            branding: Some(services.branding.current()),
            organizations: organizations
                .into_iter()
                .map(|o| OrganizationConfig {
                    slug: o.slug,
                    name: o.name,
                    portal_access: o.portal_access,
                    domains: o.domains,
                    authorized_emails: o.authorized_emails,
                    environments: o.environments,
                })
                .collect(),
            collections,
            identity_providers,
        })
    }

    /// Checks everything the import will write, before it writes anything.
    async fn check(&self, config: &PortalConfig) -> Result<(), AppError> {
        if config.format != FORMAT {
            return Err(AppError::invalid(
                "format",
                app::t!(
                    "server-config-format",
                    expected = FORMAT,
                    found = config.format
                ),
            ));
        }
        if let Some(branding) = &config.branding {
            branding.checked().map_err(|e| at("branding".into(), e))?;
        }
        // Each organization as the forms check it, and what the import would run into here:
        // domains owned by another organization, names taken by another, one described twice.
        let current = self.services.organizations.list().await?;
        let mut slugs = BTreeSet::new();
        let mut claimed: BTreeMap<String, usize> = BTreeMap::new();
        let mut described: BTreeMap<String, usize> = BTreeMap::new();
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        for (n, organization) in config.organizations.iter().enumerate() {
            let place = format!("organizations[{n}]");
            organization_name(&organization.name).map_err(|e| at(place.clone(), e))?;
            if !slugs.insert(organization.slug.as_str()) {
                return Err(at(
                    place,
                    AppError::invalid("slug", app::t!("server-config-slug-twice")),
                ));
            }
            for email in &organization.authorized_emails {
                Email::parse(email).map_err(|e| {
                    at(
                        place.clone(),
                        AppError::invalid("authorized_emails", e.to_string()),
                    )
                })?;
            }
            let same = same_organization(&current, organization);
            let twice = same
                .and_then(|here| described.insert(here.id.clone(), n))
                .or_else(|| names.insert(organization.name.trim().to_lowercase(), n));
            if let Some(first) = twice {
                return Err(at(
                    place,
                    AppError::invalid(
                        "name",
                        app::t!(
                            "server-config-organization-twice",
                            place = format!("organizations[{first}]")
                        ),
                    ),
                ));
            }
            let clash = current.iter().find(|o| {
                Some(o.id.as_str()) != same.map(|s| s.id.as_str())
                    && o.name.eq_ignore_ascii_case(organization.name.trim())
            });
            if let Some(clash) = clash {
                return Err(at(
                    place,
                    AppError::invalid(
                        "name",
                        app::t!("server-config-name-taken", slug = &clash.slug),
                    ),
                ));
            }
            if organization.environments.is_empty() {
                return Err(at(
                    place,
                    AppError::invalid("environments", app::t!("server-config-no-environment")),
                ));
            }
            for domain in &organization.domains {
                let domain = parse_join_domain(domain).map_err(|e| at(place.clone(), e))?;
                let owner = current.iter().find(|o| o.domains.contains(&domain));
                if let Some(owner) = owner
                    && Some(owner.id.as_str()) != same.map(|s| s.id.as_str())
                {
                    return Err(at(
                        place,
                        AppError::invalid(
                            "domains",
                            app::t!(
                                "server-config-domain-taken",
                                domain = &domain,
                                organization = &owner.name
                            ),
                        ),
                    ));
                }
                if let Some(first) = claimed.insert(domain.clone(), n)
                    && first != n
                {
                    return Err(at(
                        place,
                        AppError::invalid(
                            "domains",
                            app::t!(
                                "server-config-domain-twice",
                                place = format!("organizations[{first}]"),
                                domain = &domain
                            ),
                        ),
                    ));
                }
            }
        }
        let known = |slug: &str| slugs.contains(slug) || current.iter().any(|o| o.slug == slug);
        let mut collection_slugs: BTreeMap<String, usize> = BTreeMap::new();
        for (n, collection) in config.collections.iter().enumerate() {
            let place = format!("collections[{n}]");
            let form = collection
                .settings
                .checked()
                .map_err(|e| at(format!("{place}.settings"), e))?;
            if let Some(first) = collection_slugs.insert(form.slug.as_str().to_owned(), n) {
                return Err(at(
                    format!("{place}.settings"),
                    AppError::invalid(
                        "slug",
                        app::t!(
                            "server-config-entry-twice",
                            place = format!("collections[{first}]")
                        ),
                    ),
                ));
            }
            if form.slug.as_str() == crate::api::COLLECTION_SLUG {
                return Err(at(
                    format!("{place}.settings"),
                    AppError::invalid("slug", app::t!("server-config-own-api")),
                ));
            }
            parse_document(collection.document.clone())
                .await
                .map_err(|e| at(format!("{place}.document"), e))?;
            for grant in &collection.grants {
                // The environments it will have: the document's, else this portal's.
                let open = config
                    .organizations
                    .iter()
                    .find(|o| o.slug == grant.organization)
                    .map(|o| o.environments.clone())
                    .or_else(|| {
                        current
                            .iter()
                            .find(|o| o.slug == grant.organization)
                            .map(|o| o.environments.clone())
                    });
                let Some(open) = open else {
                    return Err(at(
                        place,
                        AppError::invalid(
                            "grants",
                            app::t!(
                                "server-config-unknown-organization",
                                slug = &grant.organization
                            ),
                        ),
                    ));
                };
                let closed: Vec<Environment> = grant
                    .environments
                    .iter()
                    .copied()
                    .filter(|e| !open.contains(e))
                    .collect();
                if !closed.is_empty() {
                    return Err(at(
                        place,
                        AppError::invalid(
                            "grants",
                            app::t!(
                                "server-config-grant-closed",
                                organization = &grant.organization,
                                environments = Environment::describe(&closed)
                            ),
                        ),
                    ));
                }
            }
        }
        let providers = self.services.identity_providers.list().await?;
        let mut provider_slugs: BTreeMap<&str, usize> = BTreeMap::new();
        for (n, entry) in config.identity_providers.iter().enumerate() {
            let place = format!("identity_providers[{n}]");
            if let Some(first) = provider_slugs.insert(entry.provider.slug.as_str(), n) {
                return Err(at(
                    place,
                    AppError::invalid(
                        "slug",
                        app::t!(
                            "server-config-entry-twice",
                            place = format!("identity_providers[{first}]")
                        ),
                    ),
                ));
            }
            let existing = providers.iter().find(|p| p.slug == entry.provider.slug);
            if existing.is_some_and(|p| p.source != ProviderSource::Portal) {
                return Err(at(
                    place,
                    AppError::invalid(
                        "slug",
                        app::t!(
                            "server-config-provider-from-settings",
                            slug = &entry.provider.slug
                        ),
                    ),
                ));
            }
            // A saved secret is only kept for the same issuer and client: it never goes to
            // another server.
            let keeps_secret = match existing {
                Some(_) => {
                    let saved = self
                        .services
                        .identity_providers
                        .editor(Some(&entry.provider.slug))
                        .await?
                        .config;
                    saved.issuer == entry.provider.issuer
                        && saved.client_id == entry.provider.client_id
                }
                None => false,
            };
            let mut candidate = entry.provider.clone();
            let given = &entry.provider.client_secret;
            candidate.client_secret = match (given, keeps_secret) {
                (secret, _) if !secret.is_empty() => secret.clone(),
                (_, true) => "kept".to_owned(),
                (_, false) if existing.is_some() => {
                    return Err(at(
                        place,
                        AppError::invalid(
                            "client_secret",
                            app::t!("server-config-provider-moves", name = &entry.provider.name),
                        ),
                    ));
                }
                (_, false) => {
                    return Err(at(
                        place,
                        AppError::invalid(
                            "client_secret",
                            app::t!("server-config-provider-new", name = &entry.provider.name),
                        ),
                    ));
                }
            };
            candidate.check().map_err(|e| at(place.clone(), e))?;
            if let Some(organization) = &candidate.organization
                && !known(organization)
            {
                return Err(at(
                    place,
                    AppError::invalid(
                        "organization",
                        app::t!("server-config-unknown-organization", slug = organization),
                    ),
                ));
            }
            if let Some(organization) = candidate
                .group_organizations
                .values()
                .find(|slug| !known(slug))
            {
                return Err(at(
                    place,
                    AppError::invalid(
                        "group_organizations",
                        app::t!("server-config-unknown-organization", slug = organization),
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Checks the whole document, then applies it. A mistake the check finds changes nothing;
    /// should the portal refuse a change after that (someone else changed it at the same
    /// moment, say), the error says how far the import got, and the audit log has each change.
    pub async fn import(
        &self,
        actor: &Viewer,
        config: PortalConfig,
        request: &http::request::Parts,
    ) -> Result<ImportReport, AppError> {
        self.check(&config).await?;
        let mut report = ImportReport::default();
        let outcome = self.apply(actor, config, request, &mut report).await;
        let event = AuditEvent::by_viewer(actor, "configuration.imported")
            .from_addr(crate::web::client_addr(&request.extensions));
        match outcome {
            Ok(()) => {
                event
                    .with_details(serde_json::json!({ "changes": report.changes.len() }))
                    .record(&self.catalog.db, self.catalog.clock.as_ref())
                    .await?;
                Ok(report)
            }
            Err(error) => {
                let reason = error.to_string();
                event
                    .with_details(serde_json::json!({
                        "changes": report.changes.len(),
                        "stopped": reason,
                    }))
                    .record(&self.catalog.db, self.catalog.clock.as_ref())
                    .await?;
                Err(AppError::Conflict(app::t!(
                    "server-config-stopped",
                    count = report.changes.len(),
                    reason = reason
                )))
            }
        }
    }

    async fn apply(
        &self,
        actor: &Viewer,
        config: PortalConfig,
        request: &http::request::Parts,
        report: &mut ImportReport,
    ) -> Result<(), AppError> {
        let services = self.services;
        if let Some(branding) = config.branding
            && branding != services.branding.current()
        {
            services
                .branding
                .save(actor, branding.checked()?, request)
                .await?;
            report
                .changes
                .push(app::t!("server-config-branding-updated"));
        }

        // Organizations, matched as the check matched them (one list, read before any change);
        // `ids` and `slugs_here` map the document's slugs to this portal's ids and slugs.
        let current = services.organizations.list().await?;
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        let mut slugs_here: BTreeMap<String, String> = BTreeMap::new();
        for wanted in config.organizations {
            let organization = match same_organization(&current, &wanted).cloned() {
                Some(found) => found,
                None => {
                    let made = services
                        .organizations
                        .create(actor, &wanted.name, request)
                        .await?;
                    report.changes.push(if made.slug == wanted.slug {
                        app::t!("server-config-organization-added", name = &made.name)
                    } else {
                        app::t!(
                            "server-config-organization-added-as",
                            name = &made.name,
                            slug = made.slug.as_str(),
                            wanted = &wanted.slug
                        )
                    });
                    made
                }
            };
            let id = organization.id.clone();
            let name = wanted.name.trim();
            if organization.name != name {
                services
                    .organizations
                    .rename(actor, &id, name, request)
                    .await?;
                report.changes.push(app::t!(
                    "server-config-organization-renamed",
                    before = &organization.name,
                    after = name
                ));
            }
            if organization.portal_access != wanted.portal_access {
                services
                    .organizations
                    .set_portal_access(actor, &id, wanted.portal_access, request)
                    .await?;
                report.changes.push(if wanted.portal_access {
                    app::t!("server-config-portal-access-on", name = &wanted.name)
                } else {
                    app::t!("server-config-portal-access-off", name = &wanted.name)
                });
            }
            if Environment::list(&Environment::join(&wanted.environments))
                != organization.environments
            {
                services
                    .organizations
                    .set_environments(actor, &id, &wanted.environments, request)
                    .await?;
                report.changes.push(app::t!(
                    "server-config-environments",
                    name = &wanted.name,
                    environments = Environment::describe(&wanted.environments)
                ));
            }
            let domains: BTreeSet<String> = wanted
                .domains
                .iter()
                .map(|d| parse_join_domain(d))
                .collect::<Result<_, _>>()?;
            for domain in domains {
                if !organization.domains.contains(&domain) {
                    services
                        .organizations
                        .add_domain(actor, &id, &domain, request)
                        .await?;
                    report.changes.push(app::t!(
                        "server-config-domain-added",
                        domain = &domain,
                        organization = &wanted.name
                    ));
                }
            }
            let emails: BTreeMap<String, Email> = wanted
                .authorized_emails
                .iter()
                .map(|e| Email::parse(e).map(|email| (email.as_str().to_owned(), email)))
                .collect::<Result<_, _>>()
                .map_err(|e| AppError::invalid("authorized_emails", e.to_string()))?;
            for (address, email) in emails {
                if !organization
                    .authorized_emails
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&address))
                {
                    services
                        .organizations
                        .add_authorized_email(actor, &id, email, request)
                        .await?;
                    report.changes.push(app::t!(
                        "server-config-email-added",
                        email = address,
                        organization = &wanted.name
                    ));
                }
            }
            ids.insert(wanted.slug.clone(), id);
            slugs_here.insert(wanted.slug, organization.slug);
        }
        for organization in services.organizations.list().await? {
            ids.entry(organization.slug.clone())
                .or_insert(organization.id);
            slugs_here
                .entry(organization.slug.clone())
                .or_insert(organization.slug);
        }
        // Providers name organizations by slug: the document's become this portal's.
        let here = |slug: &str| {
            slugs_here
                .get(slug)
                .cloned()
                .unwrap_or_else(|| slug.to_owned())
        };

        // Each named once (the check saw to it): one list serves them all.
        let providers = services.identity_providers.list().await?;
        for entry in config.identity_providers {
            let exists = providers
                .iter()
                .find(|p| p.slug == entry.provider.slug)
                .cloned();
            let mut provider = entry.provider;
            provider.organization = provider.organization.as_deref().map(here);
            for organization in provider.group_organizations.values_mut() {
                *organization = here(organization);
            }
            let slug = provider.slug.clone();
            let name = provider.name.clone();
            // An existing provider keeps its saved secret for the same issuer and client (a
            // secret is changed on its admin page), and is left as it is when its settings are
            // those of the document.
            let unchanged = match &exists {
                Some(_) => {
                    let mut saved = services
                        .identity_providers
                        .editor(Some(&slug))
                        .await?
                        .config;
                    if saved.issuer == provider.issuer && saved.client_id == provider.client_id {
                        provider.client_secret.clear();
                    }
                    saved.client_secret.clear();
                    saved == provider
                }
                None => false,
            };
            if !unchanged {
                services
                    .identity_providers
                    .save(
                        actor,
                        exists.as_ref().map(|p| p.slug.as_str()),
                        provider,
                        request,
                    )
                    .await?;
                report.changes.push(if exists.is_some() {
                    app::t!("server-config-provider-updated", name = &name)
                } else {
                    app::t!("server-config-provider-added", name = &name)
                });
            }
            if exists.as_ref().is_none_or(|p| p.enabled != entry.enabled) {
                services
                    .identity_providers
                    .set_enabled(actor, &slug, entry.enabled, request)
                    .await?;
                report.changes.push(if entry.enabled {
                    app::t!("server-config-provider-on", name = &name)
                } else {
                    app::t!("server-config-provider-off", name = &name)
                });
            }
        }

        let collections = services.collections.list().await?;
        for wanted in config.collections {
            let form = wanted.settings.checked()?;
            let slug = form.slug.as_str().to_owned();
            let found = collections.iter().any(|c| c.slug == slug);
            let current_slug = if found {
                if self.catalog.current_text(&slug).await? != wanted.document {
                    self.catalog
                        .replace_document(Some(actor), &slug, wanted.document, None)
                        .await?;
                    report
                        .changes
                        .push(app::t!("server-config-document-updated", name = &form.name));
                }
                slug.clone()
            } else {
                let imported = self
                    .catalog
                    .import(Some(actor), wanted.document, None)
                    .await?;
                report
                    .changes
                    .push(app::t!("server-config-collection-added", name = &form.name));
                imported.collection.slug
            };
            let before = services.collections.settings(&current_slug).await?.form;
            if before != form {
                services
                    .collections
                    .update(actor, &current_slug, form.clone(), request)
                    .await?;
                if found {
                    report
                        .changes
                        .push(app::t!("server-config-settings-updated", name = &form.name));
                }
            }
            let access = services.access.collection_access(&slug).await?;
            let mut auto_approve = wanted.auto_approve.clone();
            auto_approve.sort();
            auto_approve.dedup();
            let mut had = access.auto_approve.clone();
            had.sort();
            if had != auto_approve {
                services
                    .access
                    .set_auto_approve(actor, &slug, &auto_approve, request)
                    .await?;
                report.changes.push(app::t!(
                    "server-config-auto-approval-changed",
                    name = &form.name
                ));
            }
            for grant in wanted.grants {
                let Some(organization_id) = ids.get(&grant.organization) else {
                    continue;
                };
                let missing: Vec<Environment> = grant
                    .environments
                    .iter()
                    .copied()
                    .filter(|e| {
                        !access
                            .grants
                            .iter()
                            .any(|g| &g.organization_id == organization_id && g.environment == *e)
                    })
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                services
                    .access
                    .grant(actor, &slug, organization_id, &missing, request)
                    .await?;
                report.changes.push(app::t!(
                    "server-config-grant-added",
                    organization = &grant.organization,
                    collection = &form.name,
                    environments = Environment::describe(&missing)
                ));
            }
        }
        Ok(())
    }
}

/// The organization here that `wanted` describes: by slug, else by name (names are unique too),
/// so the same organization set up by hand on both portals is not added twice.
fn same_organization<'a>(
    current: &'a [OrganizationRow],
    wanted: &OrganizationConfig,
) -> Option<&'a OrganizationRow> {
    current.iter().find(|o| o.slug == wanted.slug).or_else(|| {
        current
            .iter()
            .find(|o| o.name.eq_ignore_ascii_case(wanted.name.trim()))
    })
}

/// A collection's grants as the document keeps them: per organization slug, its environments.
fn grants_by_organization(
    access: &CollectionAccess,
    slug_of: &BTreeMap<String, String>,
) -> Vec<GrantConfig> {
    let mut grants: BTreeMap<String, BTreeSet<Environment>> = BTreeMap::new();
    for grant in &access.grants {
        if let Some(slug) = slug_of.get(&grant.organization_id) {
            grants
                .entry(slug.clone())
                .or_default()
                .insert(grant.environment);
        }
    }
    grants
        .into_iter()
        .map(|(organization, environments)| GrantConfig {
            organization,
            environments: environments.into_iter().collect(),
        })
        .collect()
}
