//! The developer's side of access: asking for a collection, and following the requests of their
//! organization. Also the grants panel of a collection's admin page.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    AccessRequestRow, GrantAccess, RequestAccess, RequestFormInfo, RequestOutcome, RequestStatus,
    RevokeAccess, SetAutoApprove, WithdrawRequest, load_my_requests, load_request_form,
};
use crate::SessionResource;
use crate::admin::OrganizationRow;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;
use crate::types::Environment;

/// The environments of a request or grant, as small tags.
#[component]
pub fn EnvironmentTags(environments: Vec<Environment>) -> impl IntoView {
    view! {
        <ul class="tags" aria-label=t!("access-environments")>
            {environments.into_iter().map(|e| view! { <li class="tag">{e.label()}</li> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn StatusBadge(status: RequestStatus) -> impl IntoView {
    let class = format!("request-status request-status--{}", status.as_str());
    view! { <span class=class>{status.label()}</span> }
}

#[component]
pub fn RequestAccessPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let info = Resource::new(slug, load_request_form);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || info.get().map(|result| match result {
                Ok(info) => view! { <RequestForm info /> }.into_any(),
                Err(error) => view! {
                    <PageHeader title=t!("access-request-title") />
                    <LoadError error purpose=t!("access-request-purpose") />
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn RequestForm(info: RequestFormInfo) -> impl IntoView {
    let send = ServerAction::<RequestAccess>::new();
    let navigate = leptos_router::hooks::use_navigate();
    let session = expect_context::<SessionResource>();
    on_success(send, move |outcome: &RequestOutcome| {
        session.refetch();
        let sent = match outcome {
            RequestOutcome::Pending => "sent",
            RequestOutcome::Approved => "approved",
        };
        navigate(&format!("/requests?{sent}=1"), Default::default());
    });
    let answer = move || send.value().get();
    let error = move |field: &'static str| Signal::derive(move || error_for(&answer(), field));
    let environments_error = error("environments");
    let card = info.collection;
    let title = t!("access-request-title-for", name = &card.name);
    let docs = format!("/apis/{}", card.slug);
    let fields = ["organization_id", "environments", "reason", "notes"];
    // What the chosen organization has, and whether it already waits for a decision.
    let organizations = StoredValue::new(info.organizations);
    let selected = RwSignal::new(0usize);
    let chosen = move || organizations.with_value(|list| list.get(selected.get()).cloned());
    let granted =
        move |environment: Environment| chosen().is_some_and(|o| o.granted.contains(&environment));
    let allowed =
        move |environment: Environment| chosen().is_some_and(|o| o.allowed.contains(&environment));
    let pending = move || chosen().and_then(|o| o.pending);
    let everything_granted = move || {
        Environment::ALL
            .into_iter()
            .filter(|e| allowed(*e))
            .all(granted)
    };
    let choices = organizations.with_value(|list| {
        list.iter()
            .map(|o| o.organization.clone())
            .collect::<Vec<_>>()
    });
    let organization_field = if choices.len() > 1 {
        view! {
            <div class="field">
                <label for="request-organization">{t!("access-request-organization")}</label>
                <select
                    id="request-organization"
                    name="organization_id"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        let index = organizations.with_value(|list| {
                            list.iter().position(|o| o.organization.value == value)
                        });
                        selected.set(index.unwrap_or_default());
                    }
                >
                    {choices.into_iter().map(|o| view! { <option value=o.value>{o.label}</option> }).collect_view()}
                </select>
            </div>
        }
        .into_any()
    } else {
        let id = choices
            .into_iter()
            .next()
            .map(|o| o.value)
            .unwrap_or_default();
        view! { <input type="hidden" name="organization_id" value=id /> }.into_any()
    };
    let status = move || {
        if let Some(pending) = pending() {
            Some(view! {
                <p class="notice" role="status" data-testid="request-pending">
                    {t!("access-request-pending", requester = pending.requester_name, at = pending.requested_at)}
                    <a href="/requests">{t!("access-request-pending-link")}</a>
                </p>
            }.into_any())
        } else if everything_granted() {
            let docs = docs.clone();
            Some(
                view! {
                    <p class="notice notice--ok" role="status">
                        {t!("access-request-all-granted")}
                        <a href=docs>{t!("access-request-read-docs")}</a>
                    </p>
                }
                .into_any(),
            )
        } else {
            None
        }
    };
    let can_ask = move || pending().is_none() && !everything_granted();
    view! {
        <PageHeader title lead=card.summary.clone() />
        <p class="crumbs"><a href="/discover">{t!("nav-discover")}</a>" / "<a href=format!("/apis/{}", card.slug)>{card.name.clone()}</a></p>
        <section class="card form-card" aria-labelledby="request-heading">
            <h2 id="request-heading">{t!("access-request-heading")}</h2>
            <ActionForm action=send attr:class="stack-form" attr:novalidate="true">
                <input type="hidden" name="slug" value=card.slug.clone() />
                {organization_field}
                {status}
                <div hidden=move || !can_ask()>
                    <fieldset class="field checkboxes" aria-describedby="request-environments-error">
                        <legend>{t!("access-environments")}</legend>
                        {Environment::ALL.into_iter().map(|environment| {
                            let id = format!("request-{}", environment.as_str());
                            let label_for = id.clone();
                            view! {
                                <label for=label_for class="checkbox">
                                    <input
                                        id=id
                                        type="checkbox"
                                        name=environment.as_str()
                                        value="true"
                                        disabled=move || granted(environment) || !allowed(environment)
                                        checked=move || environment == Environment::Sandbox && !granted(environment) && allowed(environment)
                                    />
                                    {environment.label()}
                                    {move || {
                                        if granted(environment) {
                                            Some(t!("access-request-environment-granted"))
                                        } else if !allowed(environment) {
                                            Some(t!("access-request-environment-not-allowed"))
                                        } else {
                                            None
                                        }
                                    }}
                                </label>
                            }
                        }).collect_view()}
                        <p id="request-environments-error" class="field__error" role="alert">{move || environments_error.get()}</p>
                    </fieldset>
                    <Field
                        id="request-reason"
                        name="reason"
                        label=t!("access-request-reason")
                        kind="textarea"
                        required=true
                        hint=t!("access-request-reason-hint")
                        error=error("reason")
                    />
                    <Field
                        id="request-notes"
                        name="notes"
                        label=t!("access-request-notes")
                        kind="textarea"
                        hint=t!("access-request-notes-hint")
                        error=error("notes")
                    />
                    <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                        {move || error_outside(&answer(), &fields)}
                    </p>
                    <button class="button" type="submit" disabled=move || send.pending().get()>{t!("access-request-send")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn MyRequestsPage() -> impl IntoView {
    let withdraw = ServerAction::<WithdrawRequest>::new();
    let requests = Resource::new(move || withdraw.version().get(), |_| load_my_requests());
    let session = expect_context::<SessionResource>();
    // Reading the list marks its decisions as seen: the frame's notice can go.
    Effect::new(move |seen: Option<bool>| {
        let loaded = matches!(requests.get(), Some(Ok(_)));
        if loaded && seen != Some(true) {
            let unseen = session
                .get_untracked()
                .and_then(Result::ok)
                .is_some_and(|info| info.notices.unseen_decisions > 0);
            if unseen {
                session.refetch();
            }
        }
        loaded
    });
    let query = use_query_map();
    let sent = move || {
        let query = query.read();
        if query.get("approved").is_some() {
            Some(t!("access-my-requests-approved"))
        } else if query.get("sent").is_some() {
            Some(t!("access-my-requests-sent"))
        } else {
            None
        }
    };
    view! {
        <PageHeader title=t!("account-requests") lead=t!("access-my-requests-lead") />
        {move || sent().map(|message| view! { <p class="notice notice--ok" role="status">{message}</p> })}
        <p class="notice notice--error" role="alert" hidden=move || !matches!(withdraw.value().get(), Some(Err(_)))>
            {move || withdraw.value().get().and_then(Result::err).map(|e| e.to_string())}
        </p>
        <Transition fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || requests.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! {
                    <EmptyState
                        title=t!("access-my-requests-empty")
                        message=t!("access-my-requests-empty-message")
                        action=("/discover", t!("catalog-discover-apis"))
                    />
                }.into_any(),
                Ok(list) => view! {
                    <ul class="request-list">
                        {list.into_iter().map(|row| view! { <RequestCard row withdraw /> }).collect_view()}
                    </ul>
                }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("access-my-requests-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

/// What was asked and what came of it: shared by the developer's list and the admin's history.
#[component]
pub fn RequestSummary(row: AccessRequestRow) -> impl IntoView {
    let decided = row.decided_at.clone().map(|at| {
        let by = row.decided_by.clone().unwrap_or_default();
        t!(
            "access-decided",
            status = row.status.as_str(),
            at = at,
            by = by
        )
    });
    view! {
        <p class="request__meta">
            {t!("access-asked-by", requester = &row.requester_name, organization = &row.organization, at = &row.requested_at)}
        </p>
        <EnvironmentTags environments=row.environments.clone() />
        <blockquote class="quote">{row.reason.clone()}</blockquote>
        {(!row.notes.is_empty()).then(|| view! { <p class="request__notes">{t!("access-notes-prefix")}{row.notes.clone()}</p> })}
        {decided.map(|line| view! { <p class="request__meta">{line}</p> })}
        {row.decision_note.clone().map(|note| view! {
            <p class="request__decision">
                {if row.status == RequestStatus::Rejected { t!("access-reason-prefix") } else { t!("access-note-prefix") }}
                {note}
            </p>
        })}
        {row.grant_expires_at.clone().map(|at| view! { <p class="request__meta">{t!("access-until", day = at)}</p> })}
    }
}

#[component]
fn RequestCard(row: AccessRequestRow, withdraw: ServerAction<WithdrawRequest>) -> impl IntoView {
    let docs = format!("/apis/{}", row.collection_slug);
    let again = format!("/apis/{}/request-access", row.collection_slug);
    let withdraw_label = t!("access-withdraw-label", collection = &row.collection_name);
    let can_ask_again = matches!(
        row.status,
        RequestStatus::Rejected | RequestStatus::Withdrawn
    );
    let id = row.id.clone();
    view! {
        <li class="card request" data-testid="my-request">
            <div class="request__head">
                <h2><a href=docs>{row.collection_name.clone()}</a></h2>
                <StatusBadge status=row.status />
            </div>
            {row.can_withdraw.then(|| view! {
                <ActionForm action=withdraw attr:class="inline-form">
                    <input type="hidden" name="request_id" value=id />
                    <button class="button button--small button--secondary" type="submit" aria-label=withdraw_label>{t!("access-withdraw")}</button>
                </ActionForm>
            })}
            <RequestSummary row />
            {can_ask_again.then(|| view! { <p><a href=again>{t!("access-ask-again")}</a></p> })}
        </li>
    }
}

/// Who may use a collection, per environment, and which requests it approves by itself. It
/// reloads only itself after a change, so the details form keeps what is being typed.
#[component]
pub fn GrantsPanel(
    slug: String,
    organizations: Vec<OrganizationRow>,
    /// The page's `load_collection_access` resource.
    current: Resource<Result<super::CollectionAccess, crate::error::AppError>>,
) -> impl IntoView {
    let grant = ServerAction::<GrantAccess>::new();
    let revoke = ServerAction::<RevokeAccess>::new();
    let auto = ServerAction::<SetAutoApprove>::new();
    Effect::watch(
        move || {
            (
                grant.version().get(),
                revoke.version().get(),
                auto.version().get(),
            )
        },
        move |_, _, _| current.refetch(),
        false,
    );
    let grant_answer = move || grant.value().get();
    let grant_fields = ["organization_id", "environments"];
    let failure = move || {
        error_outside(&grant_answer(), &grant_fields)
            .or_else(|| {
                revoke
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|e| e.to_string())
            })
            .or_else(|| {
                auto.value()
                    .get()
                    .and_then(Result::err)
                    .map(|e| e.to_string())
            })
    };
    view! {
        <section class="card" aria-labelledby="access-heading">
            <h2 id="access-heading">{t!("access-grants-heading")}</h2>
            <p class="notice notice--error" role="alert" hidden=move || failure().is_none()>{failure}</p>
            <Transition fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
                {move || current.get().map(|result| match result {
                    Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
                    Ok(access) => {
                        let slug = slug.clone();
                        let organizations = organizations.clone();
                        let list = if access.grants.is_empty() {
                            view! { <p>{t!("access-grants-empty")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="session-list">
                                    {access.grants.into_iter().map(|row| {
                                        let label = t!(
                                            "access-revoke-label",
                                            environment = row.environment.label(),
                                            organization = &row.organization,
                                        );
                                        let source = match row.source.as_str() {
                                            "request" => t!("access-grant-by-request"),
                                            "auto" => t!("access-grant-auto"),
                                            _ => String::new(),
                                        };
                                        let slug = slug.clone();
                                        let since = t!(
                                            "access-grant-since",
                                            organization = &row.organization,
                                            environment = row.environment.label(),
                                            at = &row.granted_at,
                                        );
                                        let until = row
                                            .expires_at
                                            .map(|at| t!("access-grant-until", day = at))
                                            .unwrap_or_default();
                                        let line = format!("{since}{source}{until}");
                                        view! {
                                            <li class="session-list__item" data-testid="grant">
                                                <span>{line}</span>" "
                                                <ActionForm action=revoke attr:class="inline-form">
                                                    <input type="hidden" name="slug" value=slug />
                                                    <input type="hidden" name="organization_id" value=row.organization_id />
                                                    <input type="hidden" name="environment" value=row.environment.as_str() />
                                                    <button class="button button--small button--secondary" type="submit" aria-label=label>{t!("access-revoke")}</button>
                                                </ActionForm>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        };
                        let auto_approve = access.auto_approve;
                        view! {
                            {list}
                            <GrantForm slug=slug.clone() organizations grant />
                            <h3>{t!("access-auto-heading")}</h3>
                            <ActionForm action=auto attr:class="add-form">
                                <input type="hidden" name="slug" value=slug />
                                <fieldset class="field checkboxes">
                                    <legend>{t!("access-auto-legend")}</legend>
                                    {Environment::ALL.into_iter().map(|environment| {
                                        let id = format!("auto-{}", environment.as_str());
                                        let label_for = id.clone();
                                        view! {
                                            <label for=label_for class="checkbox">
                                                <input id=id type="checkbox" name=environment.as_str() value="true" checked=auto_approve.contains(&environment) />
                                                {environment.label()}
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                <button class="button button--small" type="submit">{t!("access-auto-save")}</button>
                            </ActionForm>
                            <p class="notice notice--ok" role="status" hidden=move || !matches!(auto.value().get(), Some(Ok(())))>{t!("access-auto-saved")}</p>
                        }.into_any()
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn GrantForm(
    slug: String,
    organizations: Vec<OrganizationRow>,
    grant: ServerAction<GrantAccess>,
) -> impl IntoView {
    let answer = move || grant.value().get();
    let organization_error = move || error_for(&answer(), "organization_id");
    let environments_error = move || error_for(&answer(), "environments");
    (!organizations.is_empty()).then(|| view! {
        <ActionForm action=grant attr:class="add-form">
            <input type="hidden" name="slug" value=slug />
            <div class="field">
                <label for="grant-organization">{t!("access-grant-organization")}</label>
                <select id="grant-organization" name="organization_id" aria-describedby="grant-organization-error">
                    {organizations.into_iter().map(|o| view! { <option value=o.id>{o.name}</option> }).collect_view()}
                </select>
                <p id="grant-organization-error" class="field__error" role="alert">{organization_error}</p>
            </div>
            <fieldset class="field checkboxes" aria-describedby="grant-environments-error">
                <legend>{t!("access-environments")}</legend>
                {Environment::ALL.into_iter().map(|environment| {
                    let id = format!("grant-{}", environment.as_str());
                    let label_for = id.clone();
                    view! {
                        <label for=label_for class="checkbox">
                            <input id=id type="checkbox" name=environment.as_str() value="true" checked=true />
                            {environment.label()}
                        </label>
                    }
                }).collect_view()}
                <p id="grant-environments-error" class="field__error" role="alert">{environments_error}</p>
            </fieldset>
            <button class="button button--small" type="submit">{t!("access-grant")}</button>
        </ActionForm>
    })
}
