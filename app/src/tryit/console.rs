//! The console on an operation page: a form built from the operation, sent by the server through
//! the gateway with a key the person picks, the answer laid out for reading, the same call as
//! code, and a short history kept in this browser.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::display::{Layout, layout_of, pretty, status_meaning};
use super::validate::check_body;
use super::{
    ParameterValue, ResponseBody, TryItCall, TryItResult, TryItSetup, fill_path, fixed_header,
    query_string, try_it,
};
use crate::catalog::{
    BodyEntry, CodeSample, ParameterEntry, SampleCall, SampleValue, code_samples,
};
use crate::error::AppError;
use crate::t;
use crate::types::Environment;

/// Calls remembered per operation in this browser.
const HISTORY_LENGTH: usize = 10;

/// The operation, as the console needs it.
#[derive(Clone)]
pub struct ConsoleOperation {
    pub slug: String,
    pub operation_id: String,
    pub method: String,
    pub path: String,
    pub parameters: Vec<ParameterEntry>,
    pub request_body: Option<BodyEntry>,
    pub has_access: bool,
    pub request_pending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct HistoryEntry {
    method: String,
    target: String,
    environment: String,
    status: u16,
    elapsed_ms: u64,
    /// When, as the browser's clock put it (ISO 8601).
    at: String,
}

fn history_key(slug: &str, operation_id: &str) -> String {
    format!("portico.try-it.{slug}.{operation_id}")
}

fn load_history(key: &str) -> Vec<HistoryEntry> {
    crate::browser::stored(key)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn now_iso() -> String {
    #[cfg(feature = "hydrate")]
    {
        String::from(web_sys::js_sys::Date::new_0().to_iso_string())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

/// What a field starts with: the default or example; for a choice, one of the choices (the first
/// when the parameter is required, none otherwise), so what is shown is what is sent.
fn initial_value(parameter: &ParameterEntry) -> String {
    let initial = parameter.input.initial.clone().unwrap_or_default();
    let choices = &parameter.input.choices;
    if choices.is_empty() || choices.contains(&initial) {
        initial
    } else if parameter.required {
        choices[0].clone()
    } else {
        String::new()
    }
}

/// One field per parameter, holding what the person typed.
#[derive(Clone)]
struct Field {
    parameter: ParameterEntry,
    value: RwSignal<String>,
    dom_id: String,
}

#[component]
pub fn TryItConsole(
    operation: ConsoleOperation,
    setup: TryItSetup,
    environment: Environment,
) -> impl IntoView {
    let ConsoleOperation {
        slug,
        operation_id,
        method,
        path,
        parameters,
        request_body,
        has_access,
        request_pending,
    } = operation;
    let callable = has_access && setup.environments.contains(&environment);
    let keys: Vec<_> = setup
        .keys
        .iter()
        .filter(|key| key.environment == environment)
        .cloned()
        .collect();
    let read_only = !callable || keys.is_empty();
    // Headers Portico sets itself are not offered (the key, for one, is applied on the server).
    let (fixed, parameters): (Vec<ParameterEntry>, Vec<ParameterEntry>) = parameters
        .into_iter()
        .partition(|p| p.location == "header" && fixed_header(&p.name));
    let fields: Vec<Field> = parameters
        .into_iter()
        .enumerate()
        .map(|(index, parameter)| Field {
            value: RwSignal::new(initial_value(&parameter)),
            dom_id: format!("try-{}-{index}", parameter.location),
            parameter,
        })
        .collect();
    let fixed_note = (!fixed.is_empty()).then(|| {
        let names: Vec<String> = fixed.iter().map(|p| p.name.clone()).collect();
        view! {
            <p class="field__hint">{t!("tryit-fixed-headers", names = names.join(", "))}</p>
        }
    });
    let media = request_body
        .as_ref()
        .map(|body| body.contents.clone())
        .unwrap_or_default();
    let body_required = request_body.as_ref().is_some_and(|b| b.required);
    let media_index = RwSignal::new(0usize);
    let body = RwSignal::new(
        media
            .first()
            .and_then(|m| m.example.clone())
            .unwrap_or_default(),
    );
    let key_id = RwSignal::new(keys.first().map(|k| k.id.clone()).unwrap_or_default());
    let missing = RwSignal::new(Vec::<String>::new());
    let media_for_check = media.clone();
    let body_problems = Memo::new(move |_| {
        let index = media_index.get();
        match media_for_check
            .get(index)
            .and_then(|m| m.validation.as_ref())
        {
            Some(schema) => body.with(|text| check_body(schema, text)),
            None => Vec::new(),
        }
    });

    let values = {
        let fields = fields.clone();
        move || -> Vec<ParameterValue> {
            fields
                .iter()
                .map(|field| ParameterValue {
                    location: field.parameter.location.clone(),
                    name: field.parameter.name.clone(),
                    value: field.value.get(),
                })
                .collect()
        }
    };

    let history_key = history_key(&slug, &operation_id);
    let history_key_for_view = history_key.clone();
    let history = RwSignal::new(Vec::<HistoryEntry>::new());
    {
        let history_key = history_key.clone();
        // Local storage exists only in the browser: read it once the page is live.
        Effect::new(move |_| history.set(load_history(&history_key)));
    }

    let send = Action::new(move |call: &TryItCall| {
        let call = call.clone();
        async move { try_it(call).await }
    });
    {
        let method = method.clone();
        Effect::new(move |_| {
            if let Some(Ok(result)) = send.value().get() {
                let entry = HistoryEntry {
                    method: method.to_uppercase(),
                    target: result.target.clone(),
                    environment: environment.as_str().to_owned(),
                    status: result.status,
                    elapsed_ms: result.elapsed_ms,
                    at: now_iso(),
                };
                let mut list = history.get_untracked();
                list.insert(0, entry);
                list.truncate(HISTORY_LENGTH);
                if let Ok(text) = serde_json::to_string(&list) {
                    crate::browser::store(&history_key, &text);
                }
                history.set(list);
            }
        });
    }

    let submit = {
        let fields = fields.clone();
        let slug = slug.clone();
        let operation_id = operation_id.clone();
        let media = media.clone();
        let values = values.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let unfilled: Vec<String> = fields
                .iter()
                .filter(|f| f.parameter.required && f.value.get_untracked().trim().is_empty())
                .map(|f| f.dom_id.clone())
                .collect();
            missing.set(unfilled.clone());
            if !unfilled.is_empty() {
                return;
            }
            let content_type = media
                .get(media_index.get_untracked())
                .map(|m| m.media_type.clone());
            let text = body.get_untracked();
            send.dispatch(TryItCall {
                slug: slug.clone(),
                operation_id: operation_id.clone(),
                environment,
                key_id: key_id.get_untracked(),
                parameters: values(),
                content_type: content_type.filter(|_| !text.is_empty()),
                body: (!text.is_empty()).then_some(text),
            });
        }
    };

    let gateway_url = setup.gateway_url.clone();
    let samples = {
        let media = media.clone();
        let method = method.clone();
        let path = path.clone();
        Memo::new(move |_| {
            let values = values();
            let mut headers = vec![(
                "X-API-Key".to_owned(),
                SampleValue::Secret {
                    prefix: "",
                    variable: "PORTICO_API_KEY",
                },
            )];
            for value in values.iter().filter(|v| !v.value.is_empty()) {
                if value.location == "header" {
                    headers.push((
                        value.name.clone(),
                        SampleValue::Literal(value.value.clone()),
                    ));
                }
            }
            let cookies: Vec<String> = values
                .iter()
                .filter(|v| v.location == "cookie" && !v.value.is_empty())
                .map(|v| format!("{}={}", v.name, v.value))
                .collect();
            if !cookies.is_empty() {
                headers.push((
                    "Cookie".to_owned(),
                    SampleValue::Literal(cookies.join("; ")),
                ));
            }
            let text = body.get();
            if let Some(media) = media.get(media_index.get()).filter(|_| !text.is_empty()) {
                headers.push((
                    "Content-Type".to_owned(),
                    SampleValue::Literal(media.media_type.clone()),
                ));
            }
            code_samples(&SampleCall {
                method: method.clone(),
                url: format!(
                    "{gateway_url}/{}{}{}",
                    environment.as_str(),
                    fill_path(&path, &values),
                    query_string(&values)
                ),
                headers,
                body: (!text.is_empty()).then_some(text),
            })
        })
    };

    let notice = if !has_access {
        let request = format!("/apis/{slug}/request-access");
        Some(if request_pending {
            view! {
                <p class="notice">{t!("tryit-access-pending")}<a href="/requests">{t!("tryit-access-pending-link")}</a></p>
            }.into_any()
        } else {
            view! {
                <div class="notice notice--action">
                    <p>{t!("tryit-no-access")}</p>
                    <a class="button button--small" href=request>{t!("tryit-request-access")}</a>
                </div>
            }
            .into_any()
        })
    } else if !callable {
        Some(view! {
            <p class="notice notice--warning">
                {t!("tryit-no-environment-access", environment = environment.as_str())}
                <a href=format!("/apis/{slug}/request-access")>{t!("tryit-no-environment-access-link")}</a>
                {t!("tryit-no-environment-access-after")}
            </p>
        }.into_any())
    } else if keys.is_empty() {
        Some(
            view! {
                <p class="notice notice--action">
                    {t!("tryit-needs-key", environment = environment.as_str())}
                    <a class="button button--small" href="/keys">{t!("tryit-create-key")}</a>
                </p>
            }
            .into_any(),
        )
    } else {
        None
    };

    let field_views = fields
        .iter()
        .cloned()
        .map(|field| view! { <ParameterField field missing read_only /> })
        .collect_view();
    let has_fields = !fields.is_empty();
    let body_editor = (!media.is_empty()).then(|| {
        let media_choices = media.clone();
        let several = media_choices.len() > 1;
        let examples: Vec<String> = media
            .iter()
            .map(|m| m.example.clone().unwrap_or_default())
            .collect();
        view! {
            <fieldset class="try__body">
                <legend>{if body_required { t!("tryit-body-legend-required") } else { t!("tryit-body-legend") }}</legend>
                {several.then(|| view! {
                    <div class="field">
                        <label for="try-content-type">{t!("tryit-content-type")}</label>
                        <select id="try-content-type" disabled=read_only on:change=move |event| {
                            let index = event_target_value(&event).parse().unwrap_or(0);
                            media_index.set(index);
                            body.set(examples.get(index).cloned().unwrap_or_default());
                        }>
                            {media_choices.iter().enumerate().map(|(index, m)| view! {
                                <option value=index.to_string()>{m.media_type.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="try-body">{move || media.get(media_index.get()).map(|m| t!("tryit-body-label", media_type = &m.media_type)).unwrap_or_default()}</label>
                    <textarea
                        id="try-body"
                        class="try__editor"
                        rows="10"
                        spellcheck="false"
                        readonly=read_only
                        aria-describedby="try-body-problems"
                        aria-invalid=move || (!body_problems.read().is_empty()).to_string()
                        prop:value=move || body.get()
                        on:input=move |event| body.set(event_target_value(&event))
                    >{body.get_untracked()}</textarea>
                    <div id="try-body-problems" aria-live="polite">
                        {move || {
                            let problems = body_problems.get();
                            (!problems.is_empty()).then(|| view! {
                                <div class="field__error" data-testid="body-problems">
                                    <p>{t!("tryit-body-problems")}</p>
                                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                                </div>
                            })
                        }}
                    </div>
                </div>
            </fieldset>
        }
    });

    let key_picker = (!read_only).then(|| {
        let keys = keys.clone();
        view! {
            <div class="field">
                <label for="try-key">{t!("tryit-key-label")}</label>
                <select id="try-key" aria-describedby="try-key-help" on:change=move |event| key_id.set(event_target_value(&event))>
                    {keys.into_iter().map(|key| view! {
                        <option value=key.id.clone()>{format!("{} ({}…, {})", key.name, key.prefix, key.organization)}</option>
                    }).collect_view()}
                </select>
                <p id="try-key-help" class="field__hint">{t!("tryit-key-help")}</p>
            </div>
        }
    });

    view! {
        <section class="card try" aria-labelledby="try-heading" data-testid="try-it">
            <h2 id="try-heading">{t!("tryit-heading")}
                <span class=format!("badge badge--{}", environment.as_str())>{environment.label()}</span>
            </h2>
            {notice}
            <form class="try__form" on:submit=submit novalidate>
                {has_fields.then(|| view! {
                    <fieldset class="try__parameters">
                        <legend>{t!("tryit-parameters")}</legend>
                        {field_views}
                    </fieldset>
                })}
                {fixed_note}
                {body_editor}
                {key_picker}
                {(!read_only).then(|| view! {
                    <div class="button-row">
                        <button class="button" type="submit" disabled=move || send.pending().get()>
                            {move || if send.pending().get() { t!("tryit-sending") } else { t!("tryit-send") }}
                        </button>
                        <span class="field__hint">{t!("tryit-limits", seconds = setup.timeout_secs)}</span>
                    </div>
                })}
                <p class="field__error" role="alert">
                    {move || (!missing.read().is_empty()).then(|| t!("tryit-fill-required"))}
                </p>
            </form>
            <div aria-live="polite" data-testid="try-result">
                {move || {
                    if send.pending().get() {
                        return Some(view! { <p class="loading" role="status">{t!("tryit-calling")}</p> }.into_any());
                    }
                    send.value().get().map(|outcome| match outcome {
                        Ok(result) => view! { <ResultView result /> }.into_any(),
                        Err(error) => view! { <CallError error /> }.into_any(),
                    })
                }}
            </div>
            <Snippets samples />
            <History history storage_key=history_key_for_view />
        </section>
    }
}

#[component]
fn ParameterField(field: Field, missing: RwSignal<Vec<String>>, read_only: bool) -> impl IntoView {
    let Field {
        parameter,
        value,
        dom_id,
    } = field;
    let help_id = format!("{dom_id}-help");
    let error_id = format!("{dom_id}-error");
    let is_missing = {
        let dom_id = dom_id.clone();
        move || missing.read().contains(&dom_id)
    };
    let describedby = format!("{help_id} {error_id}");
    let help = {
        let mut parts = vec![format!(
            "{} · {}",
            parameter.location, parameter.schema.type_label
        )];
        if !parameter.schema.constraints.is_empty() {
            parts.push(parameter.schema.constraints.join(" · "));
        }
        parts.join(" · ")
    };
    let input = if !parameter.input.choices.is_empty() {
        let choices = parameter.input.choices.clone();
        let required = parameter.required;
        let is_missing = is_missing.clone();
        view! {
            <select id=dom_id.clone() disabled=read_only aria-describedby=describedby.clone()
                aria-required=required.to_string()
                aria-invalid=move || is_missing().to_string()
                on:change=move |event| value.set(event_target_value(&event))>
                {(!required).then(|| view! { <option value="">{t!("tryit-not-sent")}</option> })}
                {choices.into_iter().map(|choice| {
                    let selected = value.get_untracked() == choice;
                    view! { <option value=choice.clone() selected=selected>{choice.clone()}</option> }
                }).collect_view()}
            </select>
        }
        .into_any()
    } else if parameter.input.kind == "boolean" {
        let is_missing = is_missing.clone();
        view! {
            <select id=dom_id.clone() disabled=read_only aria-describedby=describedby.clone()
                aria-required=parameter.required.to_string()
                aria-invalid=move || is_missing().to_string()
                on:change=move |event| value.set(event_target_value(&event))>
                <option value="" selected=value.get_untracked().is_empty()>{t!("tryit-not-sent")}</option>
                <option value="true" selected=value.get_untracked() == "true">"true"</option>
                <option value="false" selected=value.get_untracked() == "false">"false"</option>
            </select>
        }
        .into_any()
    } else {
        let numeric = matches!(parameter.input.kind.as_str(), "integer" | "number");
        view! {
            <input id=dom_id.clone() type="text" readonly=read_only
                inputmode=if numeric { "decimal" } else { "text" }
                aria-describedby=describedby.clone()
                aria-required=parameter.required.to_string()
                aria-invalid={
                    let is_missing = is_missing.clone();
                    move || is_missing().to_string()
                }
                autocomplete="off"
                value=value.get_untracked()
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event)) />
        }
        .into_any()
    };
    view! {
        <div class="field try__field">
            <label for=dom_id>
                <code>{parameter.name.clone()}</code>
                {parameter.required.then(|| view! { " "<span class="schema__required">{t!("tryit-required")}</span> })}
            </label>
            {input}
            <p id=help_id class="field__hint">{help}</p>
            <p id=error_id class="field__error">
                {move || is_missing().then(|| t!("tryit-parameter-required"))}
            </p>
        </div>
    }
}

#[component]
fn CallError(error: AppError) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert" data-testid="try-error">
            <p>{error.to_string()}</p>
        </div>
    }
}

#[component]
fn ResultView(result: TryItResult) -> impl IntoView {
    let class = format!("status status--{}", result.status / 100);
    let elapsed = match result.elapsed_ms {
        0 => t!("tryit-elapsed-under-1"),
        ms => format!("{ms} ms"),
    };
    let layout = layout_of(&result.content_type);
    let size = if result.received_bytes >= 1024 {
        let kilobytes = format!("{:.1}", result.received_bytes as f64 / 1024.0);
        // One decimal, written with the language's decimal mark.
        let kilobytes = match crate::i18n::current() {
            crate::i18n::Locale::De => kilobytes.replace('.', ","),
            _ => kilobytes,
        };
        t!("tryit-size-kilobytes", size = kilobytes)
    } else {
        t!("tryit-size-bytes", count = result.received_bytes)
    };
    let body = match result.body {
        ResponseBody::Empty => {
            view! { <p class="field__hint">{t!("tryit-no-body")}</p> }.into_any()
        }
        ResponseBody::Text(text) => {
            let label = match layout {
                Layout::Json => "JSON".to_owned(),
                Layout::Xml => "XML".to_owned(),
                Layout::Text => t!("tryit-layout-text"),
            };
            view! {
                <p class="field__hint">{label}</p>
                <pre class="code try__response" tabindex="0" data-testid="try-response-body"><code>{pretty(layout, &text)}</code></pre>
            }
            .into_any()
        }
        ResponseBody::Binary { base64 } => {
            let content_type = if result.content_type.is_empty() {
                "application/octet-stream".to_owned()
            } else {
                result.content_type.clone()
            };
            let href = format!("data:{content_type};base64,{base64}");
            view! {
                <p>{t!("tryit-binary")}<a href=href download="response">{t!("tryit-binary-download")}</a></p>
            }
            .into_any()
        }
    };
    view! {
        <div class="try__result">
            <h3>{t!("tryit-response")}</h3>
            <p class="try__summary">
                <span class=class data-testid="try-status">{result.status}</span>" "
                <span>{status_meaning(result.status)}</span>
            </p>
            <p class="field__hint">{format!("{elapsed} · {size} · {}", result.target)}</p>
            {result.truncated.then(|| view! {
                <p class="notice notice--warning">{t!("tryit-truncated")}</p>
            })}
            <details class="try__headers">
                <summary>{t!("tryit-headers", count = result.headers.len())}</summary>
                <dl class="facts">
                    {result.headers.into_iter().map(|(name, value)| view! { <dt>{name}</dt><dd><code>{value}</code></dd> }).collect_view()}
                </dl>
            </details>
            {body}
        </div>
    }
}

#[component]
fn Snippets(samples: Memo<Vec<CodeSample>>) -> impl IntoView {
    let chosen = RwSignal::new(0usize);
    let copied = RwSignal::new(false);
    let languages: Vec<String> = samples
        .get_untracked()
        .into_iter()
        .map(|s| s.language)
        .collect();
    let code = move || {
        samples
            .read()
            .get(chosen.get())
            .map(|s| s.code.clone())
            .unwrap_or_default()
    };
    view! {
        <div class="try__snippets">
            <h3 id="snippets-heading">{t!("tryit-snippets-heading")}</h3>
            <p class="field__hint">{t!("tryit-snippets-hint")}</p>
            <div class="button-row" role="group" aria-labelledby="snippets-heading">
                {languages.into_iter().enumerate().map(|(index, language)| view! {
                    <button type="button" class="button button--small button--secondary"
                        aria-pressed=move || (chosen.get() == index).to_string()
                        on:click=move |_| { chosen.set(index); copied.set(false); }>
                        {language}
                    </button>
                }).collect_view()}
                <button type="button" class="button button--small" data-testid="copy-snippet"
                    on:click=move |_| copied.set(crate::browser::copy_text(&code()))>
                    {t!("secret-copy")}
                </button>
            </div>
            <pre class="code" tabindex="0" data-testid="snippet"><code>{code}</code></pre>
            <p role="status" class="field__hint">{move || copied.get().then(|| t!("secret-copied"))}</p>
        </div>
    }
}

#[component]
fn History(history: RwSignal<Vec<HistoryEntry>>, storage_key: String) -> impl IntoView {
    view! {
        <details class="try__history" data-testid="try-history">
            <summary>{move || t!("tryit-history", count = history.read().len())}</summary>
            {move || {
                let list = history.get();
                if list.is_empty() {
                    view! { <p class="field__hint">{t!("tryit-history-empty")}</p> }.into_any()
                } else {
                    view! {
                        <table class="table">
                            <caption class="visually-hidden">{t!("tryit-history-caption")}</caption>
                            <thead><tr>
                                <th scope="col">{t!("tryit-history-when")}</th>
                                <th scope="col">{t!("tryit-history-call")}</th>
                                <th scope="col">{t!("tryit-history-status")}</th>
                                <th scope="col">{t!("tryit-history-time")}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|entry| view! {
                                    <tr>
                                        <td>{entry.at.replace('T', " ").chars().take(19).collect::<String>()}</td>
                                        <td><code>{format!("{} {} ({})", entry.method, entry.target, entry.environment)}</code></td>
                                        <td>{entry.status}</td>
                                        <td>{format!("{} ms", entry.elapsed_ms)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <button type="button" class="button button--small button--secondary" on:click={
                            let storage_key = storage_key.clone();
                            move |_| {
                                crate::browser::store(&storage_key, "[]");
                                history.set(Vec::new());
                            }
                        }>{t!("tryit-history-clear")}</button>
                    }.into_any()
                }
            }}
        </details>
    }
}
