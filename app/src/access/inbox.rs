//! The admins' approvals inbox: requests with what is needed to decide them, one by one or
//! several at once.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::pages::{EnvironmentTags, RequestSummary, StatusBadge};
use super::{Choice, DecideRequest, DecideRequests, Inbox, InboxItem, RequestStatus, load_inbox};
use crate::SessionResource;
use crate::form::{error_for, error_outside};
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let query = query.read();
        (
            query.get("status").unwrap_or_default(),
            query.get("collection").unwrap_or_default(),
            query.get("organization").unwrap_or_default(),
        )
    };
    // Every decision (single or bulk) counts here; the list and the badge reload after each.
    let decided = RwSignal::new(0u32);
    let inbox = Resource::new(
        move || (filter(), decided.get()),
        |((status, collection, organization), _)| load_inbox(status, collection, organization),
    );
    let session = expect_context::<SessionResource>();
    Effect::new(move |previous: Option<u32>| {
        let now = decided.get();
        if previous.is_some_and(|previous| previous != now) {
            session.refetch();
        }
        now
    });
    view! {
        <PageHeader title=t!("access-inbox-title") lead=t!("access-inbox-lead") />
        <p><a href="/admin">{t!("access-inbox-back")}</a></p>
        <Transition fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || inbox.get().map(|result| match result {
                Ok(inbox) => {
                    let (status, collection, organization) = filter();
                    view! {
                        <InboxFilters inbox=inbox.clone() status collection organization />
                        <InboxList inbox decided />
                    }.into_any()
                }
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

/// A plain GET form, so the address keeps the filters (and works without scripts).
#[component]
fn InboxFilters(
    inbox: Inbox,
    status: String,
    collection: String,
    organization: String,
) -> impl IntoView {
    let status = if status.is_empty() {
        "pending".to_owned()
    } else {
        status
    };
    let options = |choices: Vec<Choice>, selected: String| {
        choices
            .into_iter()
            .map(|choice| {
                let is_selected = choice.value == selected;
                view! { <option value=choice.value selected=is_selected>{choice.label}</option> }
            })
            .collect_view()
    };
    view! {
        <form class="filters" method="get" action="/admin/requests" aria-label=t!("access-filter-label")>
            <div class="field">
                <label for="filter-status">{t!("access-filter-status")}</label>
                <select id="filter-status" name="status">
                    {RequestStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=status == s.as_str()>{s.label()}</option>
                    }).collect_view()}
                    <option value="all" selected=status == "all">{t!("access-filter-all")}</option>
                </select>
            </div>
            <div class="field">
                <label for="filter-collection">{t!("access-filter-collection")}</label>
                <select id="filter-collection" name="collection">
                    <option value="">{t!("access-filter-all-collections")}</option>
                    {options(inbox.collections, collection)}
                </select>
            </div>
            <div class="field">
                <label for="filter-organization">{t!("access-filter-organization")}</label>
                <select id="filter-organization" name="organization">
                    <option value="">{t!("access-filter-all-organizations")}</option>
                    {options(inbox.organizations, organization)}
                </select>
            </div>
            <button class="button button--secondary" type="submit">{t!("access-filter-submit")}</button>
        </form>
    }
}

#[component]
fn InboxList(inbox: Inbox, decided: RwSignal<u32>) -> impl IntoView {
    if inbox.items.is_empty() {
        return view! {
            <EmptyState title=t!("access-inbox-empty") message=t!("access-inbox-empty-message") />
        }
        .into_any();
    }
    let pending: Vec<String> = inbox
        .items
        .iter()
        .filter(|item| item.request.status == RequestStatus::Pending)
        .map(|item| item.request.id.clone())
        .collect();
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let count = inbox.items.len();
    view! {
        <p class="visually-hidden" role="status">{t!("access-inbox-count", count = count)}</p>
        {(!pending.is_empty()).then(|| view! { <BulkBar pending selected decided /> })}
        {inbox.truncated.then(|| view! { <p class="notice">{t!("access-inbox-truncated", max = 200u32)}</p> })}
        <ul class="request-list">
            {inbox.items.into_iter().map(|item| view! { <InboxCard item selected decided /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn BulkBar(
    pending: Vec<String>,
    selected: RwSignal<BTreeSet<String>>,
    decided: RwSignal<u32>,
) -> impl IntoView {
    let bulk = ServerAction::<DecideRequests>::new();
    let note = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(_)) = bulk.value().get() {
            selected.set(BTreeSet::new());
            decided.update(|n| *n += 1);
        }
    });
    let all = pending.clone();
    let all_selected = move || !all.is_empty() && all.iter().all(|id| selected.read().contains(id));
    let toggle_all = {
        let pending = pending.clone();
        move |event: leptos::ev::Event| {
            let on = event_target_checked(&event);
            selected.set(if on {
                pending.iter().cloned().collect()
            } else {
                BTreeSet::new()
            });
        }
    };
    let dispatch = move |decision: &'static str| {
        bulk.dispatch(DecideRequests {
            request_ids: selected.get_untracked().into_iter().collect(),
            decision: decision.to_owned(),
            note: note.get_untracked(),
        });
    };
    let answer = move || bulk.value().get();
    let outcome = move || match answer() {
        Some(Ok(outcome)) => {
            let mut line = t!("access-bulk-decided", count = outcome.decided);
            for reason in outcome.skipped {
                line.push(' ');
                line.push_str(&reason);
            }
            Some(line)
        }
        _ => None,
    };
    let note_error = move || error_for(&answer(), "note");
    let other_error = move || error_outside(&answer(), &["note"]);
    view! {
        <section class="card bulk-bar" aria-labelledby="bulk-heading">
            <h2 id="bulk-heading" class="visually-hidden">{t!("access-bulk-heading")}</h2>
            <label class="checkbox" for="select-all">
                <input id="select-all" type="checkbox" prop:checked=all_selected on:change=toggle_all />
                {move || t!("access-bulk-select-all", count = selected.read().len())}
            </label>
            <div class="field">
                <label for="bulk-note">{t!("access-bulk-note")}</label>
                <input
                    id="bulk-note"
                    type="text"
                    aria-describedby="bulk-note-error"
                    aria-invalid=move || note_error().is_some().to_string()
                    prop:value=move || note.get()
                    on:input=move |event| note.set(event_target_value(&event))
                />
                <p id="bulk-note-error" class="field__error" role="alert">{note_error}</p>
            </div>
            <div class="button-row">
                <button class="button button--small" type="button" disabled=move || selected.read().is_empty() || bulk.pending().get() on:click=move |_| dispatch("approve")>{t!("access-bulk-approve")}</button>
                <button class="button button--small button--danger" type="button" disabled=move || selected.read().is_empty() || bulk.pending().get() on:click=move |_| dispatch("reject")>{t!("access-bulk-reject")}</button>
            </div>
            <p class="notice notice--ok" role="status" hidden=move || outcome().is_none()>{outcome}</p>
            <p class="notice notice--error" role="alert" hidden=move || other_error().is_none()>{other_error}</p>
        </section>
    }
}

#[component]
fn InboxCard(
    item: InboxItem,
    selected: RwSignal<BTreeSet<String>>,
    decided: RwSignal<u32>,
) -> impl IntoView {
    let approve = ServerAction::<DecideRequest>::new();
    let reject = ServerAction::<DecideRequest>::new();
    Effect::new(move |_| {
        if matches!(approve.value().get(), Some(Ok(())))
            || matches!(reject.value().get(), Some(Ok(())))
        {
            decided.update(|n| *n += 1);
        }
    });
    let request = item.request;
    let id = request.id.clone();
    let is_pending = request.status == RequestStatus::Pending;
    let title = t!(
        "access-inbox-card-title",
        collection = &request.collection_name,
        organization = &request.organization,
    );
    let select_label = t!(
        "access-inbox-select",
        requester = &request.requester_name,
        collection = &request.collection_name,
    );
    let checkbox_id = format!("select-{id}");
    let toggle = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let on = event_target_checked(&event);
            selected.update(|set| {
                if on {
                    set.insert(id.clone());
                } else {
                    set.remove(&id);
                }
            });
        }
    };
    let is_selected = {
        let id = id.clone();
        move || selected.read().contains(&id)
    };
    let history = item.history;
    let grants = item.grants;
    let requester = format!("{} <{}>", request.requester_name, request.requester_email);
    view! {
        <li class="card request" data-testid="inbox-request">
            <div class="request__head">
                {is_pending.then(|| view! {
                    <input id=checkbox_id.clone() type="checkbox" class="request__select" aria-label=select_label prop:checked=is_selected on:change=toggle />
                })}
                <h2>{title}</h2>
                <StatusBadge status=request.status />
            </div>
            <p class="request__meta">{requester}</p>
            <RequestSummary row=request />
            <div class="request__context">
                <div>
                    <h3>{t!("access-inbox-access-now")}</h3>
                    {if grants.is_empty() {
                        view! { <p>{t!("access-inbox-access-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {grants.into_iter().map(|g| view! {
                                    <li>{format!(
                                        "{}{}",
                                        t!("access-inbox-grant", environment = g.environment.label(), at = g.granted_at),
                                        g.expires_at.map(|at| t!("access-inbox-grant-until", day = at)).unwrap_or_default(),
                                    )}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
                <div>
                    <h3>{t!("access-inbox-history")}</h3>
                    {if history.is_empty() {
                        view! { <p>{t!("access-inbox-history-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {history.into_iter().map(|h| view! {
                                    <li>
                                        <StatusBadge status=h.status />" "
                                        {t!("access-inbox-history-line", at = h.requested_at, requester = h.requester_name)}
                                        <EnvironmentTags environments=h.environments />
                                        {h.decision_note.map(|note| view! { <span class="request__decision">{note}</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
            </div>
            {is_pending.then(|| view! { <DecisionForms id=id.clone() approve reject /> })}
        </li>
    }
}

/// Approve (with an optional note and last day) or reject (with a reason): two small forms, so
/// each button says exactly what it does and each works without scripts.
#[component]
fn DecisionForms(
    id: String,
    approve: ServerAction<DecideRequest>,
    reject: ServerAction<DecideRequest>,
) -> impl IntoView {
    let approve_answer = move || approve.value().get();
    let reject_answer = move || reject.value().get();
    let approve_note_id = format!("approve-note-{id}");
    let expires_id = format!("approve-until-{id}");
    let reject_note_id = format!("reject-note-{id}");
    let approve_error = move || {
        error_for(&approve_answer(), "expires_on")
            .or_else(|| error_outside(&approve_answer(), &["expires_on"]))
    };
    let reject_error = move || {
        error_for(&reject_answer(), "note").or_else(|| error_outside(&reject_answer(), &["note"]))
    };
    let approve_error_id = format!("approve-error-{id}");
    let reject_error_id = format!("reject-error-{id}");
    let reject_id = id.clone();
    view! {
        <div class="decision">
            <ActionForm action=approve attr:class="decision__form" attr:novalidate="true">
                <input type="hidden" name="request_id" value=id />
                <input type="hidden" name="decision" value="approve" />
                <div class="field">
                    <label for=approve_note_id.clone()>{t!("access-decision-note")}</label>
                    <input id=approve_note_id name="note" type="text" />
                </div>
                <div class="field">
                    <label for=expires_id.clone()>{t!("access-decision-until")}</label>
                    <input id=expires_id name="expires_on" type="date" aria-describedby=approve_error_id.clone() aria-invalid=move || error_for(&approve_answer(), "expires_on").is_some().to_string() />
                </div>
                <p id=approve_error_id class="field__error" role="alert">{approve_error}</p>
                <button class="button button--small" type="submit" disabled=move || approve.pending().get()>{t!("access-decision-approve")}</button>
            </ActionForm>
            <ActionForm action=reject attr:class="decision__form" attr:novalidate="true">
                <input type="hidden" name="request_id" value=reject_id />
                <input type="hidden" name="decision" value="reject" />
                <div class="field">
                    <label for=reject_note_id.clone()>{t!("access-decision-reason")}</label>
                    <input id=reject_note_id name="note" type="text" aria-describedby=reject_error_id.clone() aria-invalid=move || error_for(&reject_answer(), "note").is_some().to_string() />
                </div>
                <p id=reject_error_id class="field__error" role="alert">{reject_error}</p>
                <button class="button button--small button--danger" type="submit" disabled=move || reject.pending().get()>{t!("access-decision-reject")}</button>
            </ActionForm>
        </div>
    }
}
