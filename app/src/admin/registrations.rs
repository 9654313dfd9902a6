//! Admin: whether new addresses may ask to join, and deciding on the requests that wait.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{OrganizationRow, load_organizations};
use crate::auth::RegistrationRow;
use crate::error::AppError;
use crate::form::on_success;
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationOverview {
    pub open: bool,
    pub pending: Vec<RegistrationRow>,
}

#[server(prefix = "/rpc", endpoint = "admin-registrations")]
pub async fn load_registrations() -> Result<RegistrationOverview, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    let registrations = services()?.registrations;
    Ok(RegistrationOverview {
        open: registrations.is_open().await?,
        pending: registrations.pending().await?,
    })
}

#[server(prefix = "/rpc", endpoint = "admin-set-self-registration")]
pub async fn set_self_registration(open: bool) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .registrations
        .set_open(&actor, open, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-decide-registration")]
pub async fn decide_registration(
    registration_id: String,
    approve: bool,
    #[server(default)] organization_id: Option<String>,
) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    let organization_id = organization_id.filter(|id| !id.trim().is_empty());
    services()?
        .registrations
        .decide(
            &actor,
            &registration_id,
            approve,
            organization_id,
            &request_parts()?,
        )
        .await
}

#[component]
pub fn RegistrationsPanel(changed: RwSignal<u32>) -> impl IntoView {
    let switch = ServerAction::<SetSelfRegistration>::new();
    let decide = ServerAction::<DecideRegistration>::new();
    on_success(switch, move |_| changed.update(|n| *n += 1));
    on_success(decide, move |_| changed.update(|n| *n += 1));
    let overview = Resource::new(move || changed.get(), |_| load_registrations());
    let organizations = Resource::new(|| (), |_| load_organizations());
    let error = move || {
        [switch.value().get(), decide.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .map(|error| error.to_string())
    };
    view! {
        <section class="card" aria-labelledby="registrations-heading">
            <h2 id="registrations-heading">{t!("people-registrations-heading")}</h2>
            <p class="notice notice--error" role="alert" hidden=move || error().is_none()>{error}</p>
            <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
                {move || overview.get().map(|result| match result {
                    Ok(overview) => {
                        let open = overview.open;
                        let organizations = organizations.get().and_then(Result::ok).unwrap_or_default();
                        view! {
                            <p>
                                {t!("people-self-registration")}
                                <span class="status" class:status--off=!open>{if open { t!("people-on") } else { t!("people-off") }}</span>
                                {if open {
                                    t!("people-self-registration-open")
                                } else {
                                    t!("people-self-registration-closed")
                                }}
                            </p>
                            <ActionForm action=switch attr:class="inline-form">
                                <input type="hidden" name="open" value=(!open).to_string() />
                                <button class="button button--small button--secondary" type="submit">
                                    {if open { t!("people-self-registration-turn-off") } else { t!("people-self-registration-turn-on") }}
                                </button>
                            </ActionForm>
                            {if overview.pending.is_empty() {
                                view! { <p>{t!("people-registrations-empty")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="session-list">
                                        {overview.pending.into_iter().map(|registration| view! {
                                            <RegistrationItem registration organizations=organizations.clone() decide />
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                    Err(error) => view! { <p class="notice notice--error" role="alert">{error.to_string()}</p> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn RegistrationItem(
    registration: RegistrationRow,
    organizations: Vec<OrganizationRow>,
    decide: ServerAction<DecideRegistration>,
) -> impl IntoView {
    let select_id = format!("registration-org-{}", registration.id);
    let select_for = select_id.clone();
    let approve_label = t!(
        "people-registration-approve-label",
        email = &registration.email
    );
    let id = registration.id.clone();
    let reject_label = t!(
        "people-registration-reject-label",
        email = &registration.email
    );
    let who = if registration.company.is_empty() {
        format!("{} · {}", registration.display_name, registration.email)
    } else {
        format!(
            "{} · {} · {}",
            registration.display_name, registration.company, registration.email
        )
    };
    view! {
        <li class="session-list__item" data-testid="registration">
            <p class="session-list__device">{who}</p>
            <p class="session-list__meta">{t!("people-registration-asked", date = &registration.requested_at)}</p>
            <blockquote class="quote">{registration.reason}</blockquote>
            <ActionForm action=decide attr:class="add-form">
                <input type="hidden" name="registration_id" value=id />
                <input type="hidden" name="approve" value="true" />
                <div class="field">
                    <label for=select_for>{t!("people-organization")}</label>
                    <select id=select_id name="organization_id">
                        <option value="">{t!("people-registration-no-organization")}</option>
                        {organizations.into_iter().map(|organization| view! {
                            <option value=organization.id>{organization.name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button class="button button--small" type="submit" aria-label=approve_label>{t!("people-registration-approve")}</button>
            </ActionForm>
            <ActionForm action=decide attr:class="inline-form">
                <input type="hidden" name="registration_id" value=registration.id.clone() />
                <input type="hidden" name="approve" value="false" />
                <button class="button button--small button--secondary" type="submit" aria-label=reject_label>{t!("people-registration-reject")}</button>
            </ActionForm>
        </li>
    }
}
