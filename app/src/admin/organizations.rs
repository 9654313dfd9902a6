//! Admin: organizations' portal access and their lists of authorized email addresses.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;
use crate::types::Environment;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrganizationRow {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub portal_access: bool,
    pub members: u64,
    pub authorized_emails: Vec<String>,
    /// Email domains whose people join on their first sign-in.
    pub domains: Vec<String>,
    /// The environments it may use: grants, requests and keys of others are refused.
    pub environments: Vec<Environment>,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait OrganizationsService: Send + Sync {
    async fn list(&self) -> Result<Vec<OrganizationRow>, AppError>;
    /// A new organization with portal access; its slug follows from the name.
    async fn create(
        &self,
        actor: &crate::auth::Viewer,
        name: &str,
        request: &http::request::Parts,
    ) -> Result<OrganizationRow, AppError>;
    /// Turning access off also ends the sessions of members who have no other way in.
    async fn set_portal_access(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        enabled: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn add_authorized_email(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        email: crate::types::Email,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn remove_authorized_email(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        email: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// The environments it may use (at least one). Its grants of any other end at once.
    async fn set_environments(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        environments: &[Environment],
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// A new name (the slug, used in addresses, stays).
    async fn rename(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        name: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// A domain belongs to one organization at most; public mail services are refused.
    async fn add_domain(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        domain: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn remove_domain(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        domain: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Archives an organization: gone from lists, its members' access ends with it (unless
    /// another organization gives them access), its history stays.
    async fn archive(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

/// An organization's name as entered: required, 120 characters at most.
#[cfg(feature = "ssr")]
pub fn organization_name(text: &str) -> Result<String, AppError> {
    crate::form::text_field(text, "name", &t!("orgs-name-field"), 120, true)
}

/// An auto-join domain from the form: lower-cased, checked, and no public mail service.
#[cfg(feature = "ssr")]
pub fn parse_join_domain(text: &str) -> Result<String, AppError> {
    let domain = text.trim().trim_start_matches('@').to_ascii_lowercase();
    if !crate::types::is_email_domain(&domain) {
        return Err(AppError::invalid("domain", t!("orgs-domain-malformed")));
    }
    if crate::types::PUBLIC_MAIL_DOMAINS.contains(&domain.as_str()) {
        return Err(AppError::invalid(
            "domain",
            t!("orgs-domain-public", domain = &domain),
        ));
    }
    Ok(domain)
}

#[server(prefix = "/rpc", endpoint = "admin-add-organization-domain")]
pub async fn add_organization_domain(
    organization_id: String,
    domain: String,
) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .organizations
        .add_domain(&actor, &organization_id, &domain, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-remove-organization-domain")]
pub async fn remove_organization_domain(
    organization_id: String,
    domain: String,
) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .organizations
        .remove_domain(&actor, &organization_id, &domain, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-rename-organization")]
pub async fn rename_organization(organization_id: String, name: String) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .organizations
        .rename(&actor, &organization_id, &name, &request_parts()?)
        .await
}

/// The environment checkboxes of an organization's card: each sends `true` when ticked.
#[server(prefix = "/rpc", endpoint = "admin-set-organization-environments")]
pub async fn set_organization_environments(
    organization_id: String,
    #[server(default)] sandbox: bool,
    #[server(default)] production: bool,
) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    let environments: Vec<Environment> = [
        (Environment::Sandbox, sandbox),
        (Environment::Production, production),
    ]
    .into_iter()
    .filter_map(|(environment, ticked)| ticked.then_some(environment))
    .collect();
    services()?
        .organizations
        .set_environments(&actor, &organization_id, &environments, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-archive-organization")]
pub async fn archive_organization(organization_id: String) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .organizations
        .archive(&actor, &organization_id, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-organizations")]
pub async fn load_organizations() -> Result<Vec<OrganizationRow>, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    services()?.organizations.list().await
}

#[server(prefix = "/rpc", endpoint = "admin-create-organization")]
pub async fn create_organization(name: String) -> Result<OrganizationRow, AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .organizations
        .create(&actor, &name, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-set-portal-access")]
pub async fn set_portal_access(organization_id: String, enabled: bool) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .organizations
        .set_portal_access(&actor, &organization_id, enabled, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-add-authorized-email")]
pub async fn add_authorized_email(organization_id: String, email: String) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    let email = crate::types::Email::parse(&email)
        .map_err(|e| AppError::invalid("email", e.to_string()))?;
    services()?
        .organizations
        .add_authorized_email(&actor, &organization_id, email, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-remove-authorized-email")]
pub async fn remove_authorized_email(
    organization_id: String,
    email: String,
) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .organizations
        .remove_authorized_email(&actor, &organization_id, &email, &request_parts()?)
        .await
}

#[component]
pub fn OrganizationsPage() -> impl IntoView {
    // Each card has its own actions, so an error shows on the card (and field) it is about;
    // a success reloads the list, which also empties the card's fields.
    let changed = RwSignal::new(0u32);
    let organizations = Resource::new(move || changed.get(), |_| load_organizations());
    view! {
        <PageHeader
            title=t!("orgs-title")
            lead=t!("orgs-lead")
        />
        <p><a href="/admin">{t!("orgs-back-admin")}</a></p>
        <NewOrganization changed />
        <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || organizations.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! {
                    <EmptyState title=t!("orgs-empty-title") message=t!("orgs-empty-message") />
                }.into_any(),
                Ok(list) => list.into_iter().map(|organization| view! {
                    <OrganizationCard organization changed />
                }).collect_view().into_any(),
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

/// Adds an organization; the list below shows it once it exists.
#[component]
fn NewOrganization(changed: RwSignal<u32>) -> impl IntoView {
    let create = ServerAction::<CreateOrganization>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    on_success(create, move |_| {
        changed.update(|n| *n += 1);
        if let Some(form) = form.get() {
            form.reset();
        }
    });
    let answer = move || create.value().get();
    let created = move || match answer() {
        Some(Ok(row)) => Some(t!("orgs-created", name = row.name)),
        _ => None,
    };
    view! {
        <section class="card" aria-labelledby="new-organization-heading">
            <h2 id="new-organization-heading">{t!("orgs-new-heading")}</h2>
            <ActionForm action=create node_ref=form attr:class="add-form" attr:novalidate="true">
                <Field
                    id="new-organization-name"
                    name="name"
                    label=t!("orgs-new-name")
                    required=true
                    placeholder="Acme Payments"
                    error=Signal::derive(move || error_for(&answer(), "name"))
                />
                <button class="button" type="submit" disabled=move || create.pending().get()>{t!("orgs-new-submit")}</button>
            </ActionForm>
            <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &["name"]).is_none()>
                {move || error_outside(&answer(), &["name"])}
            </p>
            <p class="notice notice--ok" role="status" hidden=move || created().is_none()>{created}</p>
        </section>
    }
}

#[component]
fn OrganizationCard(organization: OrganizationRow, changed: RwSignal<u32>) -> impl IntoView {
    let switch = ServerAction::<SetPortalAccess>::new();
    let add = ServerAction::<AddAuthorizedEmail>::new();
    let remove = ServerAction::<RemoveAuthorizedEmail>::new();
    let add_domain = ServerAction::<AddOrganizationDomain>::new();
    let remove_domain = ServerAction::<RemoveOrganizationDomain>::new();
    let archive = ServerAction::<ArchiveOrganization>::new();
    let rename = ServerAction::<RenameOrganization>::new();
    let set_environments = ServerAction::<SetOrganizationEnvironments>::new();
    on_success(rename, move |_| changed.update(|n| *n += 1));
    on_success(set_environments, move |_| changed.update(|n| *n += 1));
    on_success(switch, move |_| changed.update(|n| *n += 1));
    on_success(add, move |_| changed.update(|n| *n += 1));
    on_success(remove, move |_| changed.update(|n| *n += 1));
    on_success(add_domain, move |_| changed.update(|n| *n += 1));
    on_success(remove_domain, move |_| changed.update(|n| *n += 1));
    on_success(archive, move |_| changed.update(|n| *n += 1));
    let confirming = RwSignal::new(false);
    let focus = crate::layout::ConfirmFocus::new(confirming);
    let card_error = move || {
        [
            switch.value().get(),
            remove.value().get(),
            remove_domain.value().get(),
            archive.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
        .map(|error| error.to_string())
        .or_else(|| error_outside(&add.value().get(), &["email"]))
        .or_else(|| error_outside(&add_domain.value().get(), &["domain"]))
        .or_else(|| error_outside(&set_environments.value().get(), &["environments"]))
    };
    let heading_id = format!("org-{}", organization.slug);
    let labelled_by = heading_id.clone();
    let field_id = format!("authorize-{}", organization.slug);
    let switch_id = organization.id.clone();
    let add_id = organization.id.clone();
    let enabled = organization.portal_access;
    let remove_id = organization.id.clone();
    let (domain_add_id, domain_remove_id, archive_id) = (
        organization.id.clone(),
        organization.id.clone(),
        organization.id,
    );
    let domain_field_id = format!("domain-{}", organization.slug);
    let rename_field_id = format!("rename-{}", organization.slug);
    let rename_id = domain_add_id.clone();
    let current_name = organization.name.clone();
    let environments_id = rename_id.clone();
    let environments_error_id = format!("environments-{}-error", organization.slug);
    let environments_described_by = environments_error_id.clone();
    let environment_boxes = Environment::ALL
        .into_iter()
        .map(|environment| {
            let id = format!("environment-{}-{}", organization.slug, environment.as_str());
            let label_for = id.clone();
            view! {
                <label for=label_for class="checkbox">
                    <input
                        id=id
                        type="checkbox"
                        name=environment.as_str()
                        value="true"
                        checked=organization.environments.contains(&environment)
                    />
                    {environment.label()}
                </label>
            }
        })
        .collect_view();
    let archive_label = t!("orgs-archive-label", name = &organization.name);
    let domains = if organization.domains.is_empty() {
        view! { <p>{t!("orgs-domains-empty")}</p> }.into_any()
    } else {
        view! {
            <ul class="session-list">
                {organization.domains.into_iter().map(|domain| {
                    let id = domain_remove_id.clone();
                    let label = t!("orgs-remove-label", item = &domain);
                    view! {
                        <li class="session-list__item">
                            <span>{domain.clone()}</span>" "
                            <ActionForm action=remove_domain attr:class="inline-form">
                                <input type="hidden" name="organization_id" value=id />
                                <input type="hidden" name="domain" value=domain />
                                <button class="button button--small button--secondary" type="submit" aria-label=label>{t!("orgs-remove")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    let emails = if organization.authorized_emails.is_empty() {
        view! { <p>{t!("orgs-emails-empty")}</p> }.into_any()
    } else {
        view! {
            <ul class="session-list">
                {organization.authorized_emails.into_iter().map(move |email| {
                    let label = t!("orgs-remove-label", item = &email);
                    let id = remove_id.clone();
                    view! {
                        <li class="session-list__item">
                            <span>{email.clone()}</span>" "
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="organization_id" value=id />
                                <input type="hidden" name="email" value=email />
                                <button class="button button--small button--secondary" type="submit" aria-label=label>{t!("orgs-remove")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    view! {
        <section class="card" aria-labelledby=labelled_by data-testid="organization">
            <h2 id=heading_id>{organization.name.clone()}</h2>
            <p>
                {t!("orgs-members-access", count = organization.members)}
                <span class="status" class:status--off=!enabled>{if enabled { t!("orgs-on") } else { t!("orgs-off") }}</span>
            </p>
            <p class="notice notice--error" role="alert" hidden=move || card_error().is_none()>{card_error}</p>
            <ActionForm action=switch attr:class="inline-form">
                <input type="hidden" name="organization_id" value=switch_id />
                <input type="hidden" name="enabled" value=(!enabled).to_string() />
                <button class="button button--small button--secondary" type="submit">
                    {if enabled { t!("orgs-access-turn-off") } else { t!("orgs-access-turn-on") }}
                </button>
            </ActionForm>
            <h3>{t!("orgs-emails-heading")}</h3>
            {emails}
            <ActionForm action=add attr:class="add-form" attr:novalidate="true">
                <input type="hidden" name="organization_id" value=add_id />
                <Field
                    id=field_id
                    name="email"
                    label=t!("orgs-authorize-field")
                    kind="email"
                    required=true
                    placeholder="name@client.com"
                    error=Signal::derive(move || error_for(&add.value().get(), "email"))
                />
                <button class="button button--small" type="submit">{t!("orgs-authorize")}</button>
            </ActionForm>
            <h3>{t!("orgs-domains-heading")}</h3>
            {domains}
            <ActionForm action=add_domain attr:class="add-form" attr:novalidate="true">
                <input type="hidden" name="organization_id" value=domain_add_id />
                <Field
                    id=domain_field_id
                    name="domain"
                    label=t!("orgs-domain-field")
                    required=true
                    placeholder="client.com"
                    error=Signal::derive(move || error_for(&add_domain.value().get(), "domain"))
                />
                <button class="button button--small" type="submit">{t!("orgs-domain-add")}</button>
            </ActionForm>
            <h3>{t!("orgs-environments-heading")}</h3>
            <ActionForm action=set_environments attr:class="stack-form">
                <input type="hidden" name="organization_id" value=environments_id />
                <fieldset class="field checkboxes" aria-describedby=environments_described_by>
                    <legend>{t!("orgs-environments-legend")}</legend>
                    <p class="field__hint">{t!("orgs-environments-hint")}</p>
                    {environment_boxes}
                    <p id=environments_error_id class="field__error" role="alert">
                        {move || error_for(&set_environments.value().get(), "environments")}
                    </p>
                </fieldset>
                <button class="button button--small button--secondary" type="submit">{t!("orgs-environments-save")}</button>
            </ActionForm>
            <h3>{t!("orgs-name-heading")}</h3>
            <ActionForm action=rename attr:class="add-form" attr:novalidate="true">
                <input type="hidden" name="organization_id" value=rename_id />
                <Field
                    id=rename_field_id
                    name="name"
                    label=t!("orgs-rename-field")
                    required=true
                    value=current_name
                    error=Signal::derive(move || error_for(&rename.value().get(), "name"))
                />
                <button class="button button--small button--secondary" type="submit">{t!("orgs-rename")}</button>
            </ActionForm>
            <div class="button-row">
                <button class="button button--small button--danger" type="button" aria-label=archive_label.clone() node_ref=focus.opener hidden=move || confirming.get() on:click=move |_| confirming.set(true)>{t!("orgs-archive")}</button>
            </div>
            <div class="confirm" role="group" aria-label=archive_label node_ref=focus.group on:keydown=focus.close_on_escape() hidden=move || !confirming.get()>
                <p>{t!("orgs-archive-confirm")}</p>
                <ActionForm action=archive attr:class="inline-form">
                    <input type="hidden" name="organization_id" value=archive_id />
                    <button class="button button--small button--danger" type="submit">{t!("orgs-archive-for-good")}</button>
                </ActionForm>
                " "
                <button class="button button--small button--secondary" type="button" on:click=move |_| confirming.set(false)>{t!("orgs-cancel")}</button>
            </div>
        </section>
    }
}
