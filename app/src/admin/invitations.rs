//! Admin: inviting people into an organization, and the invitations still waiting for an answer.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::load_organizations;
use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::t;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InvitationRow {
    pub id: String,
    pub email: String,
    pub organization_id: String,
    pub organization: String,
    /// `member` or `admin`: the role in the organization.
    pub role: String,
    pub invited_by: Option<String>,
    pub sent_at: String,
    pub expires_at: String,
    /// Past its expiry: the link in the email no longer works, but it can be resent.
    pub expired: bool,
}

/// What inviting did: a new invitation, or (for someone who already has an account) a new
/// membership at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum InviteOutcome {
    Invited,
    Added,
}

/// The roles a person can have in an organization, as the forms offer them. The labels here are
/// the English ones; pages show `role_label(value)`, in the page's language.
pub const ROLES: [(&str, &str); 2] = [("member", "Developer"), ("admin", "Organization admin")];

/// A role's name, in the current language (anything but `admin` is a developer).
pub fn role_label(role: &str) -> String {
    match role {
        "admin" => t!("people-role-admin"),
        _ => t!("people-role-member"),
    }
}

/// The role chosen on the form, one of `ROLES`.
pub fn parse_role(role: &str) -> Result<&str, AppError> {
    ROLES
        .iter()
        .find(|(value, _)| *value == role)
        .map(|(value, _)| *value)
        .ok_or_else(|| AppError::invalid("role", t!("people-role-invalid")))
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait InvitationsService: Send + Sync {
    /// Invitations neither accepted nor revoked, newest first.
    async fn pending(&self) -> Result<Vec<InvitationRow>, AppError>;
    async fn invite(
        &self,
        actor: &crate::auth::Viewer,
        organization_id: &str,
        email: crate::types::Email,
        role: &str,
        request: &http::request::Parts,
    ) -> Result<InviteOutcome, AppError>;
    /// Sends a fresh link and gives the invitation its full validity again.
    async fn resend(
        &self,
        actor: &crate::auth::Viewer,
        invitation_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Withdraws an invitation: links already sent stop working.
    async fn revoke(
        &self,
        actor: &crate::auth::Viewer,
        invitation_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-invitations")]
pub async fn load_invitations() -> Result<Vec<InvitationRow>, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    services()?.invitations.pending().await
}

#[server(prefix = "/rpc", endpoint = "admin-invite")]
pub async fn invite(
    organization_id: String,
    email: String,
    role: String,
) -> Result<InviteOutcome, AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    let email = crate::types::Email::parse(&email)
        .map_err(|e| AppError::invalid("email", e.to_string()))?;
    services()?
        .invitations
        .invite(&actor, &organization_id, email, &role, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-resend-invitation")]
pub async fn resend_invitation(invitation_id: String) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .invitations
        .resend(&actor, &invitation_id, &request_parts()?)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-revoke-invitation")]
pub async fn revoke_invitation(invitation_id: String) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    services()?
        .invitations
        .revoke(&actor, &invitation_id, &request_parts()?)
        .await
}

/// The invitation form and the pending invitations. `changed` counts changes that other parts of
/// the page should reload for.
#[component]
pub fn InvitationsPanel(changed: RwSignal<u32>) -> impl IntoView {
    let send = ServerAction::<Invite>::new();
    let resend = ServerAction::<ResendInvitation>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    on_success(send, move |_| {
        if let Some(form) = form.get() {
            form.reset();
        }
        changed.update(|n| *n += 1);
    });
    on_success(resend, move |_| changed.update(|n| *n += 1));
    on_success(revoke, move |_| changed.update(|n| *n += 1));
    let organizations = Resource::new(|| (), |_| load_organizations());
    let invitations = Resource::new(move || changed.get(), |_| load_invitations());

    let answer = move || send.value().get();
    let fields = ["email", "organization_id", "role"];
    let sent = move || match answer() {
        Some(Ok(InviteOutcome::Invited)) => Some(t!("people-invite-sent")),
        Some(Ok(InviteOutcome::Added)) => Some(t!("people-invite-added")),
        _ => None,
    };
    let list_error = move || {
        [resend.value().get(), revoke.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .map(|error| error.to_string())
    };

    let resent = move || {
        matches!(resend.value().get(), Some(Ok(()))).then(|| t!("people-invitation-resent"))
    };

    view! {
        <section class="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t!("people-invite-heading")}</h2>
            <p>{t!("people-invite-lead")}</p>
            <ActionForm action=send node_ref=form attr:class="stack-form" attr:novalidate="true">
                <Field
                    id="invite-email"
                    name="email"
                    label=t!("people-invite-email")
                    kind="email"
                    autocomplete="off"
                    required=true
                    placeholder="name@client.com"
                    error=Signal::derive(move || error_for(&answer(), "email"))
                />
                <div class="field-row">
                    <div class="field" class:field--invalid=move || error_for(&answer(), "organization_id").is_some()>
                        <label for="invite-organization">{t!("people-organization")}</label>
                        <Suspense fallback=|| view! { <select id="invite-organization" name="organization_id" disabled=true><option>{t!("loading")}</option></select> }>
                            <select id="invite-organization" name="organization_id" required aria-describedby="invite-organization-error">
                                {move || organizations.get().map(|result| {
                                    let list = result.unwrap_or_default();
                                    let empty = list.is_empty().then(|| view! { <option value="">{t!("people-no-organizations")}</option> });
                                    view! {
                                        {empty}
                                        {list.into_iter().map(|organization| view! {
                                            <option value=organization.id>{organization.name}</option>
                                        }).collect_view()}
                                    }
                                })}
                            </select>
                        </Suspense>
                        <p id="invite-organization-error" class="field__error" role="alert">
                            {move || error_for(&answer(), "organization_id")}
                        </p>
                    </div>
                    <div class="field" class:field--invalid=move || error_for(&answer(), "role").is_some()>
                        <label for="invite-role">{t!("people-role")}</label>
                        <select id="invite-role" name="role" aria-describedby="invite-role-error">
                            {ROLES.iter().map(|(value, _)| view! { <option value=*value>{role_label(value)}</option> }).collect_view()}
                        </select>
                        <p id="invite-role-error" class="field__error" role="alert">
                            {move || error_for(&answer(), "role")}
                        </p>
                    </div>
                </div>
                <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                    {move || error_outside(&answer(), &fields)}
                </p>
                <p class="notice notice--ok" role="status" hidden=move || sent().is_none()>{sent}</p>
                <button class="button" type="submit" disabled=move || send.pending().get()>
                    {move || if send.pending().get() { t!("people-invite-sending") } else { t!("people-invite-send") }}
                </button>
            </ActionForm>
        </section>
        <section class="card" aria-labelledby="pending-invitations">
            <h2 id="pending-invitations">{t!("people-pending-heading")}</h2>
            <p class="notice notice--error" role="alert" hidden=move || list_error().is_none()>{list_error}</p>
            <p class="notice notice--ok" role="status" hidden=move || resent().is_none()>{resent}</p>
            <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
                {move || invitations.get().map(|result| match result {
                    Ok(list) if list.is_empty() => view! {
                        <p>{t!("people-pending-empty")}</p>
                    }.into_any(),
                    Ok(list) => view! { <InvitationList list resend revoke /> }.into_any(),
                    Err(error) => view! { <p class="notice notice--error" role="alert">{error.to_string()}</p> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn InvitationList(
    list: Vec<InvitationRow>,
    resend: ServerAction<ResendInvitation>,
    revoke: ServerAction<RevokeInvitation>,
) -> impl IntoView {
    view! {
        <ul class="session-list">
            {list.into_iter().map(|invitation| {
                let resend_label = t!("people-invitation-resend-label", email = &invitation.email);
                let revoke_label = t!("people-invitation-revoke-label", email = &invitation.email);
                let validity = if invitation.expired {
                    t!("people-invitation-expired", date = &invitation.expires_at)
                } else {
                    t!("people-invitation-valid-until", date = &invitation.expires_at)
                };
                let id = invitation.id.clone();
                let role = role_label(&invitation.role);
                let meta = match &invitation.invited_by {
                    Some(by) => t!(
                        "people-invitation-meta-by",
                        organization = &invitation.organization,
                        role = role,
                        sent = &invitation.sent_at,
                        by = by,
                    ),
                    None => t!(
                        "people-invitation-meta",
                        organization = &invitation.organization,
                        role = role,
                        sent = &invitation.sent_at,
                    ),
                };
                view! {
                    <li class="session-list__item" data-testid="invitation">
                        <p class="session-list__device">{invitation.email.clone()}</p>
                        <p class="session-list__meta">
                            {meta}
                            <span class:status--off=invitation.expired>{validity}</span>
                        </p>
                        <ActionForm action=resend attr:class="inline-form">
                            <input type="hidden" name="invitation_id" value=id />
                            <button class="button button--small button--secondary" type="submit" aria-label=resend_label>{t!("people-invitation-resend")}</button>
                        </ActionForm>
                        " "
                        <ActionForm action=revoke attr:class="inline-form">
                            <input type="hidden" name="invitation_id" value=invitation.id.clone() />
                            <button class="button button--small button--secondary" type="submit" aria-label=revoke_label>{t!("people-invitation-revoke")}</button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
