//! The "API keys" page: make a key (its token shown once), and refresh, deactivate, reactivate
//! or delete the organization's keys.

use leptos::prelude::*;

use super::{
    ApiKeyRow, CidrList, CreateKey, DeleteKey, IpRules, IssuedKey, KeyState, KeysOverview, Overlap,
    RefreshKey, SetKeyActive, load_keys,
};
use crate::form::{Field, error_for, error_outside};
use crate::layout::{EmptyState, LoadError, PageHeader, SecretShownOnce};
use crate::t;
use crate::types::Environment;

#[component]
pub fn KeysPage() -> impl IntoView {
    let create = ServerAction::<CreateKey>::new();
    let refresh = ServerAction::<RefreshKey>::new();
    let activate = ServerAction::<SetKeyActive>::new();
    let delete = ServerAction::<DeleteKey>::new();
    let overview = Resource::new(
        move || {
            (
                create.version().get(),
                refresh.version().get(),
                activate.version().get(),
                delete.version().get(),
            )
        },
        |_| load_keys(),
    );
    // The newest token made on this page; shown until dismissed, and never again after.
    let issued = RwSignal::new(None::<IssuedKey>);
    Effect::new(move |_| {
        if let Some(Ok(key)) = create.value().get() {
            issued.set(Some(key));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(key)) = refresh.value().get() {
            issued.set(Some(key));
        }
    });
    let failure = move || {
        [
            refresh.value().get().and_then(Result::err),
            activate.value().get().and_then(Result::err),
            delete.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|e| e.to_string())
    };
    view! {
        <PageHeader title=t!("account-keys") lead=t!("keys-lead") />
        {move || issued.get().map(|key| view! { <IssuedToken key issued /> })}
        <p class="notice notice--error" role="alert" hidden=move || failure().is_none()>{failure}</p>
        <Transition fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || overview.get().map(|result| match result {
                Ok(overview) => view! {
                    <CreateKeyForm overview=overview.clone() create />
                    <KeyList keys=overview.keys refresh activate delete />
                }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("keys-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

/// The token of a key just made or refreshed. It is not kept anywhere.
#[component]
fn IssuedToken(key: IssuedKey, issued: RwSignal<Option<IssuedKey>>) -> impl IntoView {
    let usage = t!(
        "keys-issued-usage",
        environment = key.key.environment.as_str()
    );
    view! {
        <SecretShownOnce
            title=t!("keys-issued-title", name = &key.key.name)
            label=t!("keys-issued-label")
            secret=key.token
            usage
            on_dismiss=Callback::new(move |_| issued.set(None))
        />
    }
}

#[component]
fn CreateKeyForm(overview: KeysOverview, create: ServerAction<CreateKey>) -> impl IntoView {
    let answer = move || create.value().get();
    let error = move |field: &'static str| Signal::derive(move || error_for(&answer(), field));
    let fields = [
        "organization_id",
        "name",
        "environment",
        "expires_on",
        "allowed_ips",
        "blocked_ips",
    ];
    let allowed = RwSignal::new(String::new());
    let blocked = RwSignal::new(String::new());
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = create.value().get() {
            allowed.set(String::new());
            blocked.set(String::new());
            if let Some(form) = form.get() {
                form.reset();
            }
        }
    });
    let address = overview.your_address.clone();
    // Warn before a key is made that would not work from where the person is now.
    let lockout = {
        let address = address.clone();
        move || {
            let address: std::net::IpAddr = address.as_ref()?.parse().ok()?;
            let rules = IpRules {
                allowed: CidrList::parse(&allowed.get()).ok()?,
                blocked: CidrList::parse(&blocked.get()).ok()?,
            };
            rules
                .check(address)
                .err()
                .map(|_| t!("keys-create-lockout", address = address.to_string()))
        }
    };
    let add_mine = {
        let address = address.clone();
        move |_| {
            if let Some(address) = &address {
                allowed.update(|text| {
                    if !text
                        .split([',', '\n', ' '])
                        .any(|entry| entry.trim() == address)
                    {
                        if !text.trim().is_empty() {
                            text.push('\n');
                        }
                        text.push_str(address);
                    }
                });
            }
        }
    };
    let organizations = overview.organizations;
    let allowed_error = error("allowed_ips");
    let blocked_error = error("blocked_ips");
    view! {
        <section class="card" aria-labelledby="create-heading">
            <h2 id="create-heading">{t!("keys-create-heading")}</h2>
            {if organizations.is_empty() {
                view! { <p>{t!("keys-create-no-organization")}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=create node_ref=form attr:class="stack-form" attr:novalidate="true">
                        <div class="field-row">
                            <Field id="key-name" name="name" label=t!("keys-create-name") required=true hint=t!("keys-create-name-hint") error=error("name") />
                            <div class="field">
                                <label for="key-environment">{t!("keys-create-environment")}</label>
                                <select id="key-environment" name="environment">
                                    {Environment::ALL.into_iter().map(|e| view! { <option value=e.as_str()>{e.label()}</option> }).collect_view()}
                                </select>
                            </div>
                            <Field id="key-expires" name="expires_on" label=t!("keys-create-last-day") kind="date" error=error("expires_on") />
                        </div>
                        {if organizations.len() > 1 {
                            view! {
                                <div class="field">
                                    <label for="key-organization">{t!("keys-create-organization")}</label>
                                    <select id="key-organization" name="organization_id">
                                        {organizations.into_iter().map(|o| view! { <option value=o.value>{o.label}</option> }).collect_view()}
                                    </select>
                                </div>
                            }.into_any()
                        } else {
                            let id = organizations.into_iter().next().map(|o| o.value).unwrap_or_default();
                            view! { <input type="hidden" name="organization_id" value=id /> }.into_any()
                        }}
                        <div class="field-row">
                            <div class="field" class:field--invalid=move || allowed_error.get().is_some()>
                                <label for="key-allowed">{t!("keys-create-allowed")}</label>
                                <p id="key-allowed-hint" class="field__hint">{t!("keys-create-allowed-hint")}</p>
                                <textarea
                                    id="key-allowed"
                                    name="allowed_ips"
                                    rows="3"
                                    aria-describedby="key-allowed-hint key-allowed-error"
                                    aria-invalid=move || allowed_error.get().is_some().to_string()
                                    prop:value=move || allowed.get()
                                    on:input=move |event| allowed.set(event_target_value(&event))
                                ></textarea>
                                <p id="key-allowed-error" class="field__error" role="alert">{move || allowed_error.get()}</p>
                                {address.clone().map(|address| view! {
                                    <button class="button button--secondary button--small" type="button" on:click=add_mine.clone()>
                                        {t!("keys-create-add-mine", address = address)}
                                    </button>
                                })}
                            </div>
                            <div class="field" class:field--invalid=move || blocked_error.get().is_some()>
                                <label for="key-blocked">{t!("keys-create-blocked")}</label>
                                <p id="key-blocked-hint" class="field__hint">{t!("keys-create-blocked-hint")}</p>
                                <textarea
                                    id="key-blocked"
                                    name="blocked_ips"
                                    rows="3"
                                    aria-describedby="key-blocked-hint key-blocked-error"
                                    aria-invalid=move || blocked_error.get().is_some().to_string()
                                    prop:value=move || blocked.get()
                                    on:input=move |event| blocked.set(event_target_value(&event))
                                ></textarea>
                                <p id="key-blocked-error" class="field__error" role="alert">{move || blocked_error.get()}</p>
                            </div>
                        </div>
                        <p class="notice notice--warning" role="status" hidden=move || lockout().is_none()>{lockout.clone()}</p>
                        <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                            {move || error_outside(&answer(), &fields)}
                        </p>
                        <button class="button" type="submit" disabled=move || create.pending().get()>{t!("keys-create-submit")}</button>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn KeyList(
    keys: Vec<ApiKeyRow>,
    refresh: ServerAction<RefreshKey>,
    activate: ServerAction<SetKeyActive>,
    delete: ServerAction<DeleteKey>,
) -> impl IntoView {
    if keys.is_empty() {
        return view! {
            <EmptyState title=t!("keys-empty") message=t!("keys-empty-message") />
        }
        .into_any();
    }
    view! {
        <h2>{t!("keys-list-heading")}</h2>
        <ul class="request-list">
            {keys.into_iter().map(|key| view! { <KeyCard key refresh activate delete /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn KeyCard(
    key: ApiKeyRow,
    refresh: ServerAction<RefreshKey>,
    activate: ServerAction<SetKeyActive>,
    delete: ServerAction<DeleteKey>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let focus = crate::layout::ConfirmFocus::new(confirming);
    let state_class = format!(
        "request-status request-status--{}",
        if key.state == KeyState::Active {
            "approved"
        } else {
            "rejected"
        }
    );
    let rules = |label: String, list: &[String]| {
        if list.is_empty() {
            None
        } else {
            Some(view! { <p class="request__meta">{format!("{label}: {}", list.join(", "))}</p> })
        }
    };
    let overlap_id = format!("overlap-{}", key.id);
    let actions = key.can_change.then(|| {
        let id = key.id.clone();
        let name = key.name.clone();
        let active = key.state != KeyState::Deactivated;
        let (toggle_label, toggle_text) = if active {
            (
                t!("keys-deactivate-label", name = &name),
                t!("keys-deactivate"),
            )
        } else {
            (
                t!("keys-reactivate-label", name = &name),
                t!("keys-reactivate"),
            )
        };
        let refresh_label = t!("keys-refresh-label", name = &name);
        let delete_label = t!("keys-delete-label", name = &name);
        let confirm_text = t!("keys-delete-confirm", name = &name);
        let (id_refresh, id_toggle, id_delete) = (id.clone(), id.clone(), id);
        let overlap_for = overlap_id.clone();
        view! {
            <div class="key__actions">
                <ActionForm action=refresh attr:class="add-form">
                    <input type="hidden" name="key_id" value=id_refresh />
                    <div class="field">
                        <label for=overlap_for>{t!("keys-refresh-overlap")}</label>
                        <select id=overlap_id name="overlap">
                            {Overlap::CHOICES.into_iter().map(|value| view! { <option value=value>{Overlap::label(value)}</option> }).collect_view()}
                        </select>
                    </div>
                    <button class="button button--small button--secondary" type="submit" aria-label=refresh_label>{t!("keys-refresh")}</button>
                </ActionForm>
                <div class="button-row">
                    <ActionForm action=activate attr:class="inline-form">
                        <input type="hidden" name="key_id" value=id_toggle />
                        <input type="hidden" name="active" value=(!active).to_string() />
                        <button class="button button--small button--secondary" type="submit" aria-label=toggle_label>{toggle_text}</button>
                    </ActionForm>
                    <button class="button button--small button--danger" type="button" aria-label=delete_label.clone() node_ref=focus.opener hidden=move || confirming.get() on:click=move |_| confirming.set(true)>{t!("keys-delete")}</button>
                </div>
                <div class="confirm" role="group" aria-label=delete_label node_ref=focus.group on:keydown=focus.close_on_escape() hidden=move || !confirming.get()>
                    <p>{confirm_text}</p>
                    <ActionForm action=delete attr:class="inline-form">
                        <input type="hidden" name="key_id" value=id_delete />
                        <button class="button button--small button--danger" type="submit">{t!("keys-delete-confirm-button")}</button>
                    </ActionForm>
                    " "
                    <button class="button button--small button--secondary" type="button" on:click=move |_| confirming.set(false)>{t!("keys-delete-cancel")}</button>
                </div>
            </div>
        }
    });
    view! {
        <li class="card request" data-testid="api-key">
            <div class="request__head">
                <h3>{key.name.clone()}</h3>
                <span class=state_class>{key.state.label()}</span>
                <span class="tag">{key.environment.label()}</span>
            </div>
            <p class="request__meta"><code>{format!("{}…", key.prefix)}</code>{format!(" · {}", key.organization)}</p>
            <p class="request__meta">
                {t!("keys-created-by", creator = &key.created_by, at = &key.created_at)}
                {match key.last_used_at.clone() {
                    Some(at) => t!("keys-last-used", at = at),
                    None => t!("keys-never-used"),
                }}
                {key.expires_at.clone().map(|at| t!("keys-last-day", day = at))}
            </p>
            <p class="request__meta">
                {match (key.calls_24h, key.failed_24h) {
                    (0, _) => t!("keys-calls-none"),
                    (calls, 0) => t!("keys-calls", count = calls),
                    (calls, failed) => t!("keys-calls-failed", count = calls, failed = failed),
                }}
            </p>
            {key.previous_valid_until.clone().map(|at| view! { <p class="request__meta">{t!("keys-previous-until", at = at)}</p> })}
            {rules(t!("keys-rules-allowed"), &key.allowed)}
            {rules(t!("keys-rules-blocked"), &key.blocked)}
            {actions}
        </li>
    }
}
