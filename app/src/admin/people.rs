//! Admin: the people who may use the portal, and suspending or reactivating them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::invitations::InvitationsPanel;
use super::registrations::RegistrationsPanel;
use crate::error::AppError;
use crate::form::on_success;
use crate::layout::{EmptyState, LoadError, PageHeader};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub is_admin: bool,
    pub suspended: bool,
    pub organizations: Vec<String>,
    pub last_seen: Option<String>,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait PeopleService: Send + Sync {
    async fn list(&self) -> Result<Vec<PersonRow>, AppError>;
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
pub async fn load_people() -> Result<Vec<PersonRow>, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    services()?.people.list().await
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
    // Every panel counts its changes here; the lists reload after each.
    let changed = RwSignal::new(0u32);
    on_success(change, move |_| changed.update(|n| *n += 1));
    let people = Resource::new(move || changed.get(), |_| load_people());
    view! {
        <PageHeader title="People" lead="Everyone who may sign in to the portal. Suspending someone ends their sessions at once." />
        <p><a href="/admin">"← Admin overview"</a></p>
        <InvitationsPanel changed />
        <RegistrationsPanel changed />
        <h2>"Everyone with an account"</h2>
        <p class="notice notice--error" role="alert" hidden=move || !matches!(change.value().get(), Some(Err(_)))>
            {move || match change.value().get() { Some(Err(error)) => error.to_string(), _ => String::new() }}
        </p>
        <Transition fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || people.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! {
                    <EmptyState title="Nobody here yet" message="People appear here when they are invited or sign in for the first time." />
                }.into_any(),
                Ok(list) => view! { <PeopleTable people=list change /> }.into_any(),
                Err(error) => view! { <LoadError error purpose="as an admin to see this page" /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn PeopleTable(people: Vec<PersonRow>, change: ServerAction<SetSuspended>) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-label="People" tabindex="0">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Organizations"</th>
                        <th scope="col">"Last active"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {people.into_iter().map(|person| {
                        let action_label = if person.suspended {
                            format!("Reactivate {}", person.display_name)
                        } else {
                            format!("Suspend {}", person.display_name)
                        };
                        view! {
                            <tr data-testid="person-row">
                                <td>{person.display_name.clone()}</td>
                                <td>{person.email.clone()}</td>
                                <td>{if person.is_admin { "Portal admin" } else { "Developer" }}</td>
                                <td>{if person.organizations.is_empty() { "—".to_owned() } else { person.organizations.join(", ") }}</td>
                                <td>{person.last_seen.clone().unwrap_or_else(|| "Never".to_owned())}</td>
                                <td>
                                    <span class="status" class:status--off=person.suspended>
                                        {if person.suspended { "Suspended" } else { "Active" }}
                                    </span>
                                    <ActionForm action=change attr:class="inline-form">
                                        <input type="hidden" name="person_id" value=person.id.clone() />
                                        <input type="hidden" name="suspended" value=(!person.suspended).to_string() />
                                        <button class="button button--small button--secondary" type="submit" aria-label=action_label>
                                            {if person.suspended { "Reactivate" } else { "Suspend" }}
                                        </button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
