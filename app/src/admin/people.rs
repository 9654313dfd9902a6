//! Admin: the people who may use the portal: finding them, suspending or reactivating them,
//! the portal admin role, and ending their sessions.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::invitations::InvitationsPanel;
use super::registrations::RegistrationsPanel;
use crate::error::AppError;
use crate::form::on_success;
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRow {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    pub suspended: bool,
    pub organizations: Vec<String>,
    pub last_seen: Option<String>,
    /// Has signed in through an identity provider (else: email links only).
    pub sso: bool,
    /// Live sessions.
    pub sessions: u64,
}

/// What the people list is narrowed to; empty fields narrow nothing. The page keeps it in its
/// address, so a filtered list can be bookmarked and shared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleFilter {
    /// Part of the name or email address.
    #[serde(default)]
    pub q: String,
    /// An organization's slug.
    #[serde(default)]
    pub organization: String,
    /// `admin` or `developer`.
    #[serde(default)]
    pub role: String,
    /// `active` or `suspended`.
    #[serde(default)]
    pub status: String,
    /// `sso` or `email`.
    #[serde(default)]
    pub method: String,
}

impl PeopleFilter {
    /// Whether `person`, a member of the organizations (slugs) `in_organizations`, is shown.
    pub fn admits(&self, person: &PersonRow, in_organizations: &[String]) -> bool {
        let q = self.q.trim().to_lowercase();
        (q.is_empty()
            || person.email.to_lowercase().contains(&q)
            || person.display_name.to_lowercase().contains(&q))
            && (self.organization.is_empty() || in_organizations.contains(&self.organization))
            && match self.role.as_str() {
                "admin" => person.is_admin,
                "developer" => !person.is_admin,
                _ => true,
            }
            && match self.status.as_str() {
                "active" => !person.suspended,
                "suspended" => person.suspended,
                _ => true,
            }
            && match self.method.as_str() {
                "sso" => person.sso,
                "email" => !person.sso,
                _ => true,
            }
    }
}

/// The people list, and the organizations (slug, name) it can be filtered by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleList {
    pub people: Vec<PersonRow>,
    /// Everyone, before filtering.
    pub total: u64,
    pub organizations: Vec<(String, String)>,
}

/// One API key a person made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonKey {
    pub name: String,
    pub prefix: String,
    pub environment: String,
    pub organization: String,
    pub active: bool,
    pub last_used: Option<String>,
}

/// One access request a person made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRequest {
    pub collection: String,
    pub organization: String,
    pub status: String,
    pub requested_at: String,
}

/// Everything about one person an admin may need: where they belong, where they are signed
/// in, what keys and requests they made, and what they did or had done to them lately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonDetails {
    pub person: PersonRow,
    pub memberships: Vec<PersonMembership>,
    pub sessions: Vec<crate::auth::SessionSummary>,
    pub keys: Vec<PersonKey>,
    pub requests: Vec<PersonRequest>,
    /// The newest first, at most 20.
    pub events: Vec<super::AuditRow>,
}

/// One of a person's organizations, with their role in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonMembership {
    pub organization_id: String,
    pub organization: String,
    /// `member` or `admin` (see `ROLES`).
    pub role: String,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait PeopleService: Send + Sync {
    async fn details(&self, person_id: &str) -> Result<PersonDetails, AppError>;
    async fn list(&self, filter: &PeopleFilter) -> Result<PeopleList, AppError>;
    /// Makes a person a portal admin, or takes the role away (never one's own).
    async fn set_admin(
        &self,
        actor: &crate::auth::Viewer,
        person_id: &str,
        admin: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Ends every session of a person: they sign in again on every device.
    async fn end_sessions(
        &self,
        actor: &crate::auth::Viewer,
        person_id: &str,
        request: &http::request::Parts,
    ) -> Result<u64, AppError>;
    /// Suspends (ending every session at once) or reactivates a person.
    async fn set_suspended(
        &self,
        actor: &crate::auth::Viewer,
        person_id: &str,
        suspended: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-people")]
pub async fn load_people(#[server(default)] filter: PeopleFilter) -> Result<PeopleList, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    services()?.people.list(&filter).await
}

#[server(prefix = "/rpc", endpoint = "admin-person")]
pub async fn load_person(person_id: String) -> Result<PersonDetails, AppError> {
    crate::auth::require_admin().await?;
    crate::services::services()?
        .people
        .details(&person_id)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-set-portal-admin")]
pub async fn set_portal_admin(person_id: String, admin: bool) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .people
        .set_admin(&actor, &person_id, admin, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-end-sessions")]
pub async fn end_sessions(person_id: String) -> Result<u64, AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .people
        .end_sessions(&actor, &person_id, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-set-suspended")]
pub async fn set_suspended(person_id: String, suspended: bool) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    let request = request_parts()?;
    services()?
        .people
        .set_suspended(&actor, &person_id, suspended, &request)
        .await
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let change = ServerAction::<SetSuspended>::new();
    let role = ServerAction::<SetPortalAdmin>::new();
    let end = ServerAction::<EndSessions>::new();
    // Every panel counts its changes here; the lists reload after each.
    let changed = RwSignal::new(0u32);
    on_success(change, move |_| changed.update(|n| *n += 1));
    on_success(role, move |_| changed.update(|n| *n += 1));
    on_success(end, move |_| changed.update(|n| *n += 1));
    let query = use_query_map();
    let filter = move || {
        let query = query.read();
        let read = |name: &str| query.get(name).unwrap_or_default();
        PeopleFilter {
            q: read("q"),
            organization: read("organization"),
            role: read("role"),
            status: read("status"),
            method: read("method"),
        }
    };
    let people = Resource::new(
        move || (filter(), changed.get()),
        |(filter, _)| load_people(filter),
    );
    let action_error = move || {
        [change.value().get(), role.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .or_else(|| end.value().get().and_then(Result::err))
            .map(|error| error.to_string())
    };
    let ended = move || match end.value().get() {
        Some(Ok(count)) => Some(t!("people-sessions-ended", count = count)),
        _ => None,
    };
    view! {
        <PageHeader title=t!("people-title") lead=t!("people-lead") />
        <p><a href="/admin">{t!("people-back-admin")}</a></p>
        <InvitationsPanel changed />
        <RegistrationsPanel changed />
        <h2 id="everyone-heading">{t!("people-everyone-heading")}</h2>
        <p class="notice notice--error" role="alert" hidden=move || action_error().is_none()>{action_error}</p>
        <p class="notice notice--ok" role="status" hidden=move || ended().is_none()>{ended}</p>
        <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || people.get().map(|result| match result {
                Ok(page) => {
                    let shown = page.people.len();
                    view! {
                        <PeopleFilters current=filter() organizations=page.organizations.clone() />
                        <p role="status" data-testid="people-count">
                            {if shown as u64 == page.total { t!("people-count-all", count = shown) } else { t!("people-count-some", shown = shown, total = page.total) }}
                        </p>
                        {if page.people.is_empty() {
                            view! { <EmptyState title=t!("people-none-match") message=t!("people-none-match-hint") /> }.into_any()
                        } else {
                            view! { <PeopleTable people=page.people change role end /> }.into_any()
                        }}
                    }.into_any()
                }
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

/// The filters: a plain GET form, so the address holds them (and works without scripts).
#[component]
fn PeopleFilters(current: PeopleFilter, organizations: Vec<(String, String)>) -> impl IntoView {
    let choice = |value: &'static str, label: String, selected: &str| {
        view! { <option value=value selected=selected == value>{label}</option> }
    };
    view! {
        <form class="filters" method="get" action="/admin/people" role="search" aria-label=t!("people-find")>
            <div class="field">
                <label for="people-q">{t!("people-filter-q")}</label>
                <input id="people-q" name="q" type="search" value=current.q.clone() />
            </div>
            <div class="field">
                <label for="people-organization">{t!("people-organization")}</label>
                <select id="people-organization" name="organization">
                    <option value="" selected=current.organization.is_empty()>{t!("people-filter-any")}</option>
                    {organizations.into_iter().map(|(slug, name)| {
                        let selected = slug == current.organization;
                        view! { <option value=slug selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="people-role">{t!("people-role")}</label>
                <select id="people-role" name="role">
                    {choice("", t!("people-filter-any"), &current.role)}
                    {choice("admin", t!("people-portal-admin"), &current.role)}
                    {choice("developer", t!("people-developer"), &current.role)}
                </select>
            </div>
            <div class="field">
                <label for="people-status">{t!("people-status")}</label>
                <select id="people-status" name="status">
                    {choice("", t!("people-filter-any"), &current.status)}
                    {choice("active", t!("people-active"), &current.status)}
                    {choice("suspended", t!("people-suspended"), &current.status)}
                </select>
            </div>
            <div class="field">
                <label for="people-method">{t!("people-signs-in-with")}</label>
                <select id="people-method" name="method">
                    {choice("", t!("people-filter-any"), &current.method)}
                    {choice("sso", t!("people-method-sso"), &current.method)}
                    {choice("email", t!("people-method-email"), &current.method)}
                </select>
            </div>
            <button class="button button--secondary" type="submit">{t!("people-filter")}</button>
            <a href="/admin/people">{t!("people-filter-clear")}</a>
        </form>
    }
}

#[component]
fn PeopleTable(
    people: Vec<PersonRow>,
    change: ServerAction<SetSuspended>,
    role: ServerAction<SetPortalAdmin>,
    end: ServerAction<EndSessions>,
) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-labelledby="everyone-heading" tabindex="0">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!("people-col-name")}</th>
                        <th scope="col">{t!("people-col-email")}</th>
                        <th scope="col">{t!("people-role")}</th>
                        <th scope="col">{t!("people-organizations")}</th>
                        <th scope="col">{t!("people-signs-in-with")}</th>
                        <th scope="col">{t!("people-col-last-active")}</th>
                        <th scope="col">{t!("people-status")}</th>
                        <th scope="col">{t!("people-col-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {people.into_iter().map(|person| {
                        let name = person.display_name.clone();
                        let action_label = if person.suspended {
                            t!("people-reactivate-label", name = &name)
                        } else {
                            t!("people-suspend-label", name = &name)
                        };
                        // Each label starts with the button's visible words (for voice control).
                        let role_label = if person.is_admin {
                            t!("people-remove-admin-label", name = &name)
                        } else {
                            t!("people-make-admin-label", name = &name)
                        };
                        let end_label = t!("people-end-sessions-label", count = person.sessions, name = &name);
                        let (id_suspend, id_role, id_end) = (person.id.clone(), person.id.clone(), person.id.clone());
                        view! {
                            <tr data-testid="person-row">
                                <td><a href=format!("/admin/people/{}", person.id)>{name.clone()}</a></td>
                                <td>{person.email.clone()}</td>
                                <td>{if person.is_admin { t!("people-portal-admin") } else { t!("people-developer") }}</td>
                                <td>{if person.organizations.is_empty() { "—".to_owned() } else { person.organizations.join(", ") }}</td>
                                <td>{if person.sso { t!("people-method-sso") } else { t!("people-method-email") }}</td>
                                <td>{person.last_seen.clone().unwrap_or_else(|| t!("people-never"))}</td>
                                <td>
                                    <span class="status" class:status--off=person.suspended>
                                        {if person.suspended { t!("people-suspended") } else { t!("people-active") }}
                                    </span>
                                </td>
                                <td>
                                    <div class="button-row">
                                        <ActionForm action=change attr:class="inline-form">
                                            <input type="hidden" name="person_id" value=id_suspend />
                                            <input type="hidden" name="suspended" value=(!person.suspended).to_string() />
                                            <button class="button button--small button--secondary" type="submit" aria-label=action_label>
                                                {if person.suspended { t!("people-reactivate") } else { t!("people-suspend") }}
                                            </button>
                                        </ActionForm>
                                        <ActionForm action=role attr:class="inline-form">
                                            <input type="hidden" name="person_id" value=id_role />
                                            <input type="hidden" name="admin" value=(!person.is_admin).to_string() />
                                            <button class="button button--small button--secondary" type="submit" aria-label=role_label>
                                                {if person.is_admin { t!("people-remove-admin") } else { t!("people-make-admin") }}
                                            </button>
                                        </ActionForm>
                                        {(person.sessions > 0).then(|| view! {
                                            <ActionForm action=end attr:class="inline-form">
                                                <input type="hidden" name="person_id" value=id_end />
                                                <button class="button button--small button--secondary" type="submit" aria-label=end_label>
                                                    {t!("people-end-sessions", count = person.sessions)}
                                                </button>
                                            </ActionForm>
                                        })}
                                    </div>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn PersonPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let end = ServerAction::<EndSessions>::new();
    let memberships = MembershipActions {
        set_role: ServerAction::<crate::team::TeamSetRole>::new(),
        remove: ServerAction::<crate::team::TeamRemoveMember>::new(),
    };
    let details = Resource::new(
        move || {
            (
                id(),
                end.version().get(),
                memberships.set_role.version().get(),
                memberships.remove.version().get(),
            )
        },
        |(id, ..)| load_person(id),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || details.get().map(|result| match result {
                Ok(details) => view! { <PersonView details end memberships /> }.into_any(),
                Err(error) => view! {
                    <PageHeader title=t!("people-person-title") />
                    <LoadError error purpose=t!("load-admin-purpose") />
                }.into_any(),
            })}
        </Suspense>
    }
}

/// Changing a person's role in one of their organizations, or taking them out of it: the team
/// page's server functions, which let portal admins act on any organization.
#[derive(Clone, Copy)]
struct MembershipActions {
    set_role: ServerAction<crate::team::TeamSetRole>,
    remove: ServerAction<crate::team::TeamRemoveMember>,
}

#[component]
fn MembershipItem(
    membership: PersonMembership,
    person_id: String,
    actions: MembershipActions,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let focus = crate::layout::ConfirmFocus::new(confirming);
    let select_id = format!("person-role-{}", membership.organization_id);
    let label_for = select_id.clone();
    let (role_org, remove_org) = (
        membership.organization_id.clone(),
        membership.organization_id.clone(),
    );
    let (role_person, remove_person) = (person_id.clone(), person_id);
    let remove_label = t!(
        "people-membership-remove-label",
        organization = &membership.organization
    );
    let role_label_text = t!(
        "people-membership-role-label",
        organization = &membership.organization
    );
    view! {
        <li class="session-list__item membership" data-testid="person-membership">
            <span class="membership__name">{membership.organization.clone()}</span>
            <ActionForm action=actions.set_role attr:class="inline-form">
                <input type="hidden" name="organization_id" value=role_org />
                <input type="hidden" name="user_id" value=role_person />
                <label for=label_for class="visually-hidden">{role_label_text}</label>
                <select id=select_id name="role">
                    {super::ROLES.into_iter().map(|(value, _)| view! {
                        <option value=value selected=membership.role == value>{super::role_label(value)}</option>
                    }).collect_view()}
                </select>
                " "
                <button class="button button--small button--secondary" type="submit">{t!("people-change-role")}</button>
            </ActionForm>
            <button class="button button--small button--danger" type="button" aria-label=remove_label.clone() node_ref=focus.opener hidden=move || confirming.get() on:click=move |_| confirming.set(true)>{t!("people-membership-remove")}</button>
            <div class="confirm" role="group" aria-label=remove_label node_ref=focus.group on:keydown=focus.close_on_escape() hidden=move || !confirming.get()>
                <p>{t!("people-membership-remove-confirm")}</p>
                <ActionForm action=actions.remove attr:class="inline-form">
                    <input type="hidden" name="organization_id" value=remove_org />
                    <input type="hidden" name="user_id" value=remove_person />
                    <button class="button button--small button--danger" type="submit">{t!("people-membership-remove-for-good")}</button>
                </ActionForm>
                " "
                <button class="button button--small button--secondary" type="button" on:click=move |_| confirming.set(false)>{t!("people-cancel")}</button>
            </div>
        </li>
    }
}

#[component]
fn PersonView(
    details: PersonDetails,
    end: ServerAction<EndSessions>,
    memberships: MembershipActions,
) -> impl IntoView {
    let person = details.person;
    let lead = t!(
        "people-person-lead",
        email = &person.email,
        role = if person.is_admin {
            t!("people-portal-admin")
        } else {
            t!("people-developer")
        },
        status = if person.suspended {
            t!("people-suspended")
        } else {
            t!("people-active")
        },
        last_active = person
            .last_seen
            .clone()
            .unwrap_or_else(|| t!("people-never-lower")),
    );
    let person_id = person.id.clone();
    let none = |what: String| view! { <p>{what}</p> };
    let membership_error = move || {
        [
            memberships.set_role.value().get(),
            memberships.remove.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
        .map(|error| error.to_string())
    };
    view! {
        <PageHeader title=person.display_name.clone() lead=lead />
        <p><a href="/admin/people">{t!("people-back-people")}</a></p>
        <div class="card-grid">
            <section class="card" aria-labelledby="memberships-heading">
                <h2 id="memberships-heading">{t!("people-organizations")}</h2>
                {if details.memberships.is_empty() { none(t!("people-no-memberships")).into_any() } else { view! {
                    <ul class="session-list">
                        {details.memberships.into_iter().map(|membership| view! {
                            <MembershipItem membership person_id=person_id.clone() actions=memberships />
                        }).collect_view()}
                    </ul>
                }.into_any() }}
                <p class="notice notice--error" role="alert" hidden=move || membership_error().is_none()>{membership_error}</p>
                <p>{if person.sso { t!("people-signs-in-sso") } else { t!("people-signs-in-email") }}</p>
            </section>
            <section class="card" aria-labelledby="person-sessions-heading">
                <h2 id="person-sessions-heading">{t!("people-sessions-heading")}</h2>
                {if details.sessions.is_empty() { none(t!("people-none")).into_any() } else { view! {
                    <ul class="session-list">
                        {details.sessions.into_iter().map(|session| view! {
                            <li class="session-list__item" data-testid="person-session">
                                <p class="session-list__device">{session.device}</p>
                                <p class="session-list__meta">
                                    {t!("people-session-meta", signed_in = session.signed_in_at, last_seen = session.last_seen_at)}
                                    {session.client_addr.map(|addr| t!("people-session-from", addr = addr))}
                                </p>
                            </li>
                        }).collect_view()}
                    </ul>
                    <ActionForm action=end>
                        <input type="hidden" name="person_id" value=person_id />
                        <button class="button button--secondary" type="submit">{t!("people-end-all-sessions")}</button>
                    </ActionForm>
                }.into_any() }}
            </section>
        </div>
        <section class="card" aria-labelledby="person-keys-heading">
            <h2 id="person-keys-heading">{t!("people-keys-heading")}</h2>
            {if details.keys.is_empty() { none(t!("people-none")).into_any() } else { view! {
                <div class="table-wrap" role="region" aria-labelledby="person-keys-heading" tabindex="0">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{t!("people-col-name")}</th><th scope="col">{t!("people-col-token-starts")}</th><th scope="col">{t!("people-col-environment")}</th>
                            <th scope="col">{t!("people-organization")}</th><th scope="col">{t!("people-col-state")}</th><th scope="col">{t!("people-col-last-used")}</th>
                        </tr></thead>
                        <tbody>
                            {details.keys.into_iter().map(|key| view! {
                                <tr>
                                    <td>{key.name}</td><td><code>{key.prefix}</code></td><td>{key.environment}</td>
                                    <td>{key.organization}</td><td>{if key.active { t!("people-key-active") } else { t!("people-key-deactivated") }}</td>
                                    <td>{key.last_used.unwrap_or_else(|| t!("people-never"))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any() }}
        </section>
        <section class="card" aria-labelledby="person-requests-heading">
            <h2 id="person-requests-heading">{t!("people-requests-heading")}</h2>
            {if details.requests.is_empty() { none(t!("people-none")).into_any() } else { view! {
                <ul class="session-list">
                    {details.requests.into_iter().map(|request| view! {
                        <li class="session-list__item">
                            <span>{t!("people-request-for", collection = request.collection, organization = request.organization)}</span>
                            <span class="session-list__meta">{format!(" · {} · {}", request.status, request.requested_at)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any() }}
        </section>
        <section class="card" aria-labelledby="person-events-heading">
            <h2 id="person-events-heading">{t!("people-events-heading")}</h2>
            {if details.events.is_empty() { none(t!("people-none")).into_any() } else { view! {
                <div class="table-wrap" role="region" aria-labelledby="person-events-heading" tabindex="0">
                    <table class="table">
                        <thead><tr><th scope="col">{t!("people-col-when")}</th><th scope="col">{t!("people-col-who")}</th><th scope="col">{t!("people-col-what")}</th><th scope="col">{t!("people-col-from")}</th></tr></thead>
                        <tbody>
                            {details.events.into_iter().map(|event| view! {
                                <tr data-testid="person-event">
                                    <td>{event.at}</td><td>{event.actor}</td><td><code>{event.action}</code></td>
                                    <td>{event.client_addr.unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p><a href=format!("/admin/audit?target={}", person.id)>{t!("people-all-events")}</a></p>
            }.into_any() }}
        </section>
    }
}
