//! "Your team": the organizations a person belongs to and their members. Organization admins
//! invite people, change roles and remove members of their own organization here, without being
//! portal admins; everyone else sees who is in the team.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::admin::{InvitationRow, role_label};
use crate::error::AppError;
use crate::form::{Field, error_for, error_outside};
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;

/// The roles in an organization, as the forms send them (labels from `role_label`).
const TEAM_ROLES: [&str; 2] = ["member", "admin"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    /// `member` or `admin`.
    pub role: String,
    pub last_seen: Option<String>,
    /// The person looking at the page.
    pub is_you: bool,
}

/// One of the viewer's organizations, as its team page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub organization_id: String,
    pub organization: String,
    /// The viewer's role here.
    pub your_role: String,
    /// The viewer may invite, change roles and remove members (an admin of this organization).
    pub can_manage: bool,
    pub members: Vec<TeamMember>,
    /// Invitations waiting for an answer; only for those who manage the team.
    pub invitations: Vec<InvitationRow>,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait TeamService: Send + Sync {
    /// The viewer's organizations, each with its members.
    async fn teams(&self, viewer: &crate::auth::Viewer) -> Result<Vec<Team>, AppError>;
    /// Invites someone into an organization the viewer administers.
    async fn invite(
        &self,
        viewer: &crate::auth::Viewer,
        organization_id: &str,
        email: crate::types::Email,
        role: &str,
        request: &http::request::Parts,
    ) -> Result<crate::admin::InviteOutcome, AppError>;
    async fn revoke_invitation(
        &self,
        viewer: &crate::auth::Viewer,
        organization_id: &str,
        invitation_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Makes a member an organization admin or a member; an organization keeps one admin at least.
    async fn set_role(
        &self,
        viewer: &crate::auth::Viewer,
        organization_id: &str,
        user_id: &str,
        role: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Takes someone out of the organization; those left with no way in are signed out.
    async fn remove(
        &self,
        viewer: &crate::auth::Viewer,
        organization_id: &str,
        user_id: &str,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

#[cfg(feature = "ssr")]
fn team() -> Result<std::sync::Arc<dyn TeamService>, AppError> {
    Ok(crate::services::services()?.team)
}

#[server(prefix = "/rpc", endpoint = "teams")]
pub async fn load_teams() -> Result<Vec<Team>, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    team()?.teams(&viewer).await
}

#[server(prefix = "/rpc", endpoint = "team-invite")]
pub async fn team_invite(
    organization_id: String,
    email: String,
    role: String,
) -> Result<crate::admin::InviteOutcome, AppError> {
    let viewer = crate::auth::require_viewer().await?;
    let email = crate::types::Email::parse(&email)
        .map_err(|e| AppError::invalid("email", e.to_string()))?;
    team()?
        .invite(
            &viewer,
            &organization_id,
            email,
            &role,
            &crate::services::request_parts()?,
        )
        .await
}

#[server(prefix = "/rpc", endpoint = "team-revoke-invitation")]
pub async fn team_revoke_invitation(
    organization_id: String,
    invitation_id: String,
) -> Result<(), AppError> {
    let viewer = crate::auth::require_viewer().await?;
    team()?
        .revoke_invitation(
            &viewer,
            &organization_id,
            &invitation_id,
            &crate::services::request_parts()?,
        )
        .await
}

#[server(prefix = "/rpc", endpoint = "team-set-role")]
pub async fn team_set_role(
    organization_id: String,
    user_id: String,
    role: String,
) -> Result<(), AppError> {
    let viewer = crate::auth::require_viewer().await?;
    team()?
        .set_role(
            &viewer,
            &organization_id,
            &user_id,
            &role,
            &crate::services::request_parts()?,
        )
        .await
}

#[server(prefix = "/rpc", endpoint = "team-remove-member")]
pub async fn team_remove_member(organization_id: String, user_id: String) -> Result<(), AppError> {
    let viewer = crate::auth::require_viewer().await?;
    team()?
        .remove(
            &viewer,
            &organization_id,
            &user_id,
            &crate::services::request_parts()?,
        )
        .await
}

/// The actions of the page, shared by every team card.
#[derive(Clone, Copy)]
struct TeamActions {
    invite: ServerAction<TeamInvite>,
    revoke: ServerAction<TeamRevokeInvitation>,
    set_role: ServerAction<TeamSetRole>,
    remove: ServerAction<TeamRemoveMember>,
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let actions = TeamActions {
        invite: ServerAction::new(),
        revoke: ServerAction::new(),
        set_role: ServerAction::new(),
        remove: ServerAction::new(),
    };
    let teams = Resource::new(
        move || {
            (
                actions.invite.version().get(),
                actions.revoke.version().get(),
                actions.set_role.version().get(),
                actions.remove.version().get(),
            )
        },
        |_| load_teams(),
    );
    let failure = move || {
        [
            actions.revoke.value().get().and_then(Result::err),
            actions.set_role.value().get().and_then(Result::err),
            actions.remove.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|e| e.to_string())
    };
    view! {
        <PageHeader title=t!("team-title") lead=t!("team-lead") />
        <p class="notice notice--error" role="alert" hidden=move || failure().is_none()>{failure}</p>
        <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || teams.get().map(|result| match result {
                Ok(teams) if teams.is_empty() => view! {
                    <EmptyState title=t!("team-empty-title") message=t!("team-empty-message") />
                }.into_any(),
                Ok(teams) => teams.into_iter().map(|team| view! { <TeamCard team actions /> }).collect_view().into_any(),
                Err(error) => view! { <LoadError error purpose=t!("team-load-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn TeamCard(team: Team, actions: TeamActions) -> impl IntoView {
    let heading_id = format!("team-{}", team.organization_id);
    let labelled_by = heading_id.clone();
    let manage = team.can_manage;
    let organization_id = team.organization_id.clone();
    let members = team
        .members
        .into_iter()
        .map(|member| {
            view! { <MemberRow member organization_id=organization_id.clone() manage actions /> }
        })
        .collect_view();
    view! {
        <section class="card team" aria-labelledby=labelled_by data-testid="team">
            <h2 id=heading_id>{team.organization.clone()}</h2>
            <p class="request__meta">
                {if manage { t!("team-you-manage") } else { t!("team-you-member") }}
            </p>
            <div class="table-wrap" role="region" aria-label=t!("team-members-of", organization = &team.organization) tabindex="0">
                <table class="table">
                    <caption class="visually-hidden">{t!("team-members-of", organization = &team.organization)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!("team-column-name")}</th>
                            <th scope="col">{t!("team-role")}</th>
                            <th scope="col">{t!("team-column-last-seen")}</th>
                            {manage.then(|| view! { <th scope="col"><span class="visually-hidden">{t!("team-column-actions")}</span></th> })}
                        </tr>
                    </thead>
                    <tbody>{members}</tbody>
                </table>
            </div>
            {manage.then(|| view! {
                <InviteForm organization_id=team.organization_id.clone() organization=team.organization.clone() invite=actions.invite />
                <PendingInvitations organization_id=team.organization_id.clone() invitations=team.invitations.clone() revoke=actions.revoke />
            })}
        </section>
    }
}

#[component]
fn MemberRow(
    member: TeamMember,
    organization_id: String,
    manage: bool,
    actions: TeamActions,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let focus = crate::layout::ConfirmFocus::new(confirming);
    let name = if member.is_you {
        t!("team-member-you", name = &member.display_name)
    } else {
        member.display_name.clone()
    };
    let controls = manage.then(|| {
        let role_id = format!("role-{organization_id}-{}", member.user_id);
        let remove_label = t!("team-remove-label", name = &member.display_name);
        let (organization_for_role, organization_for_remove) =
            (organization_id.clone(), organization_id.clone());
        let (user_for_role, user_for_remove) = (member.user_id.clone(), member.user_id.clone());
        let current = member.role.clone();
        let confirm_text = t!("team-remove-confirm", name = &member.display_name);
        view! {
            <td>
                <div class="button-row">
                    <ActionForm action=actions.set_role attr:class="inline-form">
                        <input type="hidden" name="organization_id" value=organization_for_role />
                        <input type="hidden" name="user_id" value=user_for_role />
                        <label for=role_id.clone() class="visually-hidden">{t!("team-role-of", name = &member.display_name)}</label>
                        <select id=role_id name="role">
                            {TEAM_ROLES.into_iter().map(|value| view! {
                                <option value=value selected=value == current>{role_label(value)}</option>
                            }).collect_view()}
                        </select>
                        " "
                        <button class="button button--small button--secondary" type="submit" aria-label=t!("team-save-role-of", name = &member.display_name)>{t!("team-save-role")}</button>
                    </ActionForm>
                    <button class="button button--small button--danger" type="button" aria-label=remove_label.clone()
                        node_ref=focus.opener hidden=move || confirming.get() on:click=move |_| confirming.set(true)>{t!("team-remove")}</button>
                </div>
                <div class="confirm" role="group" aria-label=remove_label node_ref=focus.group on:keydown=focus.close_on_escape() hidden=move || !confirming.get()>
                    <p>{confirm_text}</p>
                    <ActionForm action=actions.remove attr:class="inline-form">
                        <input type="hidden" name="organization_id" value=organization_for_remove />
                        <input type="hidden" name="user_id" value=user_for_remove />
                        <button class="button button--small button--danger" type="submit">{t!("team-remove-now")}</button>
                    </ActionForm>
                    " "
                    <button class="button button--small button--secondary" type="button" on:click=move |_| confirming.set(false)>{t!("team-cancel")}</button>
                </div>
            </td>
        }
    });
    view! {
        <tr data-testid="team-member">
            <td>
                <span class="team__name">{name}</span>
                <br />
                <span class="request__meta">{member.email.clone()}</span>
            </td>
            <td>{role_label(&member.role)}</td>
            <td>{member.last_seen.clone().unwrap_or_else(|| t!("team-never"))}</td>
            {controls}
        </tr>
    }
}

#[component]
fn InviteForm(
    organization_id: String,
    organization: String,
    invite: ServerAction<TeamInvite>,
) -> impl IntoView {
    let answer = move || invite.value().get();
    let email_id = format!("invite-email-{organization_id}");
    let role_id = format!("invite-role-{organization_id}");
    let done = move || {
        answer().and_then(Result::ok).map(|outcome| match outcome {
            crate::admin::InviteOutcome::Invited => t!("team-invited"),
            crate::admin::InviteOutcome::Added => t!("team-added"),
        })
    };
    let other_error = move || error_outside(&answer(), &["email"]);
    view! {
        <h3>{t!("team-invite-heading", organization = &organization)}</h3>
        <ActionForm action=invite attr:class="add-form" attr:novalidate=true>
            <input type="hidden" name="organization_id" value=organization_id />
            <Field id=email_id name="email" label=t!("team-email-label") kind="email" autocomplete="off"
                error=Signal::derive(move || error_for(&answer(), "email")) />
            <div class="field">
                <label for=role_id.clone()>{t!("team-role")}</label>
                <select id=role_id name="role">
                    {TEAM_ROLES.into_iter().map(|value| view! { <option value=value>{role_label(value)}</option> }).collect_view()}
                </select>
            </div>
            <button class="button" type="submit" disabled=move || invite.pending().get()>{t!("team-invite")}</button>
        </ActionForm>
        <p class="notice notice--error" role="alert" hidden=move || other_error().is_none()>{other_error}</p>
        <p class="notice notice--ok" role="status" hidden=move || done().is_none()>{done}</p>
    }
}

#[component]
fn PendingInvitations(
    organization_id: String,
    invitations: Vec<InvitationRow>,
    revoke: ServerAction<TeamRevokeInvitation>,
) -> impl IntoView {
    if invitations.is_empty() {
        return ().into_any();
    }
    view! {
        <h3>{t!("team-waiting")}</h3>
        <ul class="plain-list">
            {invitations.into_iter().map(|invitation| {
                let label = t!("team-revoke-label", email = &invitation.email);
                let line = t!(
                    "team-invitation",
                    email = &invitation.email,
                    role = invitation.role.as_str(),
                    state = if invitation.expired { "expired" } else { "sent" },
                    sent = &invitation.sent_at
                );
                let organization_id = organization_id.clone();
                view! {
                    <li data-testid="team-invitation">
                        {line}
                        " "
                        <ActionForm action=revoke attr:class="inline-form">
                            <input type="hidden" name="organization_id" value=organization_id />
                            <input type="hidden" name="invitation_id" value=invitation.id.clone() />
                            <button class="button button--small button--secondary" type="submit" aria-label=label>{t!("team-revoke")}</button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
