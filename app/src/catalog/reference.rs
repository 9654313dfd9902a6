//! Reference docs: a collection's overview with its operations, and one operation per page
//! (each with its own address). Both are useful before the WASM loads.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{
    CollectionOverview, MediaEntry, OperationDetail, OperationGroup, SchemaNode, load_collection,
    load_operation,
};
use crate::SessionResource;
use crate::error::AppError;
use crate::layout::{LoadError, PageHeader};
use crate::t;
use crate::tryit::{ConsoleOperation, TryItConsole, TryItSetup, load_try_it_setup};
use crate::types::Environment;

fn method_badge(method: &str) -> impl IntoView + use<> {
    let class = format!("method method--{method}");
    view! { <span class=class>{method.to_uppercase()}</span> }
}

fn operation_href(slug: &str, id: &str) -> String {
    format!("/apis/{slug}/operations/{id}")
}

#[component]
pub fn CollectionPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let overview = Resource::new(slug, load_collection);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || overview.get().map(|result| match result {
                Ok(overview) => view! { <Overview overview /> }.into_any(),
                Err(error) => view! {
                    <PageHeader title=t!("catalog-api-unavailable") />
                    <LoadError error purpose=t!("catalog-docs-purpose") />
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Overview(overview: CollectionOverview) -> impl IntoView {
    let slug = overview.card.slug.clone();
    let json = format!("/api/v1/collections/{slug}/openapi.json");
    let yaml = format!("/api/v1/collections/{slug}/openapi.yaml");
    let count = overview.card.operations;
    let version_line = t!(
        "catalog-version-operations",
        version = &overview.card.api_version,
        count = count
    );
    let facts = CollectionFacts {
        servers: overview.servers,
        auth: overview.auth,
        versions: overview.versions,
        download: json.clone(),
    };
    view! {
        <PageHeader title=overview.card.name.clone() lead=overview.card.summary.clone() />
        <p class="crumbs"><a href="/apis">{t!("nav-my-apis")}</a>" / "{overview.card.name.clone()}</p>
        <div class="reference">
            <OperationNav slug=slug.clone() groups=overview.groups />
            <div class="reference__main">
                <p class="collection-facts">
                    {version_line}" · "
                    <a href=json.clone() download>{t!("catalog-download-json")}</a>" · "
                    <a href=yaml download>"YAML"</a>
                </p>
                {(!overview.card.has_access).then(|| {
                    let request = format!("/apis/{slug}/request-access");
                    if overview.card.request_pending {
                        view! {
                            <p class="notice">{t!("catalog-pending-notice")}<a href="/requests">{t!("catalog-see-requests")}</a></p>
                        }.into_any()
                    } else {
                        view! {
                            <div class="notice notice--action">
                                <p>{t!("catalog-no-access-notice")}</p>
                                <a class="button button--small" href=request>{t!("catalog-request-access")}</a>
                            </div>
                        }.into_any()
                    }
                })}
                <article class="prose" inner_html=overview.description_html></article>
                <Facts facts />
            </div>
        </div>
    }
}

/// The servers, authentication and versions of a collection.
struct CollectionFacts {
    servers: Vec<super::ServerEntry>,
    auth: Vec<super::AuthScheme>,
    versions: Vec<super::VersionEntry>,
    download: String,
}

#[component]
fn Facts(facts: CollectionFacts) -> impl IntoView {
    let CollectionFacts {
        servers,
        auth,
        versions,
        download: json,
    } = facts;
    let servers = (!servers.is_empty()).then(|| {
        view! {
            <h2>{t!("catalog-servers")}</h2>
            <dl class="facts">
                {servers.into_iter().map(|server| view! {
                    <dt>{server.label}</dt>
                    <dd><code>{server.url}</code></dd>
                }).collect_view()}
            </dl>
        }
        .into_any()
    });
    let auth = if auth.is_empty() {
        view! { <p>{t!("catalog-no-authentication")}</p> }.into_any()
    } else {
        view! {
            <dl class="facts">
                {auth.into_iter().map(|scheme| view! {
                    <dt>{scheme.name}</dt>
                    <dd>{scheme.kind}{(!scheme.description.is_empty()).then(|| format!(" — {}", scheme.description))}</dd>
                }).collect_view()}
            </dl>
        }.into_any()
    };
    let versions = versions
        .into_iter()
        .map(|version| {
            let download = format!("{json}?version={}", version.number);
            view! {
                <li>
                    {t!(
                        "catalog-version-entry",
                        number = version.number.to_string(),
                        version = &version.api_version,
                        published = &version.published_at
                    )}
                    {version.current.then(|| t!("catalog-version-current"))}
                    " · "<a href=download download>"JSON"</a>
                </li>
            }
        })
        .collect_view()
        .into_any();
    view! {
        {servers}
        <h2>{t!("catalog-authentication")}</h2>
        {auth}
        <h2>{t!("catalog-versions")}</h2>
        <ul class="versions">{versions}</ul>
    }
}

/// The operations by tag, collapsible, with a filter that works as you type.
#[component]
fn OperationNav(slug: String, groups: Vec<OperationGroup>) -> impl IntoView {
    let (filter, set_filter) = signal(String::new());
    let matches = move |text: &str| {
        let filter = filter.read();
        filter.is_empty() || text.contains(filter.as_str())
    };
    view! {
        <nav class="operation-nav" aria-label=t!("catalog-operations")>
            <label for="operation-filter" class="visually-hidden">{t!("catalog-filter-operations")}</label>
            <input
                id="operation-filter"
                type="search"
                placeholder=t!("catalog-filter-operations")
                autocomplete="off"
                on:input=move |event| set_filter.set(event_target_value(&event).to_lowercase())
            />
            {groups.into_iter().map(|group| {
                let group_text: Vec<String> = group
                    .operations
                    .iter()
                    .map(|op| format!("{} {} {}", op.method, op.path.to_lowercase(), op.summary.to_lowercase()))
                    .collect();
                let any_visible = {
                    let group_text = group_text.clone();
                    move || group_text.iter().any(|text| matches(text))
                };
                view! {
                    <details open class="operation-nav__group" class:hidden=move || !any_visible()>
                        <summary>{group.tag}</summary>
                        <ul>
                            {group.operations.into_iter().zip(group_text).map(|(operation, text)| {
                                let href = operation_href(&slug, &operation.id);
                                let label = if operation.summary.is_empty() { operation.path.clone() } else { operation.summary.clone() };
                                view! {
                                    <li class:hidden=move || !matches(&text)>
                                        <a href=href title=operation.path.clone()>
                                            {method_badge(&operation.method)}
                                            <span class:deprecated=operation.deprecated>{label}</span>
                                        </a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </details>
                }
            }).collect_view()}
        </nav>
    }
}

#[component]
pub fn OperationPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("operation").unwrap_or_default(),
        )
    };
    let detail = Resource::new(key, |(slug, id)| load_operation(slug, id));
    // Owned by the page, not created inside the view, so server and browser agree on it.
    let setup = Resource::new(move || key().0, load_try_it_setup);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || detail.get().map(|result| match result {
                Ok(detail) => view! { <Operation detail setup /> }.into_any(),
                Err(error) => view! {
                    <PageHeader title=t!("catalog-operation-unavailable") />
                    <LoadError error purpose=t!("catalog-docs-purpose") />
                }.into_any(),
            })}
        </Suspense>
    }
}

fn schema_tree(node: SchemaNode) -> AnyView {
    let name = node.name.clone();
    let head = view! {
        <span class="schema__head">
            {name.map(|name| view! { <code class="schema__name">{name}</code>" " })}
            <span class="schema__type">{node.type_label}</span>
            {node.required.then(|| view! { " "<span class="schema__required">{t!("catalog-required")}</span> })}
        </span>
        {node.description.map(|d| view! { <span class="schema__description">{d}</span> })}
        {(!node.constraints.is_empty()).then(|| view! { <span class="schema__constraints">{node.constraints.join(" · ")}</span> })}
        {node.note.map(|note| view! { <span class="schema__note">{note}</span> })}
    };
    if node.children.is_empty() {
        view! { <li class="schema">{head}</li> }.into_any()
    } else {
        view! {
            <li class="schema">
                {head}
                <ul class="schema__children">{node.children.into_iter().map(schema_tree).collect_view()}</ul>
            </li>
        }
        .into_any()
    }
}

fn media_list(contents: Vec<MediaEntry>) -> impl IntoView {
    contents.into_iter().map(|media| view! {
        <div class="media">
            <p class="media__type"><code>{media.media_type}</code></p>
            {media.schema.map(|schema| view! {
                <details class="schema-tree" open>
                    <summary>{t!("catalog-schema")}</summary>
                    <ul class="schema__children schema__children--root">{schema_tree(schema)}</ul>
                </details>
            })}
            {media.example.map(|example| view! {
                <details class="example">
                    <summary>{t!("catalog-example")}</summary>
                    <pre tabindex="0"><code>{example}</code></pre>
                </details>
            })}
        </div>
    }).collect_view()
}

/// The try-it console, in the viewer's environment, once its setup is known.
#[component]
fn Console(
    operation: ConsoleOperation,
    setup: Resource<Result<TryItSetup, AppError>>,
) -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let environment = move || {
        session
            .get()
            .and_then(Result::ok)
            .and_then(|info| info.profile)
            .map(|profile| profile.current)
            .unwrap_or(Environment::Sandbox)
    };
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("catalog-console-loading")}</p> }>
            {move || {
                let environment = environment();
                setup.get().map(|result| match result {
                    Ok(setup) => view! { <TryItConsole operation=operation.clone() setup environment /> }.into_any(),
                    Err(error) => view! { <LoadError error purpose=t!("catalog-try-purpose") /> }.into_any(),
                })
            }}
        </Suspense>
    }
}

#[component]
fn Operation(
    detail: OperationDetail,
    setup: Resource<Result<TryItSetup, AppError>>,
) -> impl IntoView {
    let console = ConsoleOperation {
        slug: detail.collection.slug.clone(),
        operation_id: detail.id.clone(),
        method: detail.method.clone(),
        path: detail.path.clone(),
        parameters: detail.parameters.clone(),
        request_body: detail.request_body.clone(),
        has_access: detail.collection.has_access,
        request_pending: detail.collection.request_pending,
    };
    let slug = detail.collection.slug.clone();
    let title = if detail.summary.is_empty() {
        format!("{} {}", detail.method.to_uppercase(), detail.path)
    } else {
        detail.summary.clone()
    };
    let collection_href = format!("/apis/{slug}");
    let neighbour = |link: Option<super::OperationLink>, rel: &'static str| {
        link.map(|link| {
            let href = operation_href(&slug, &link.id);
            let label = if link.summary.is_empty() { link.path.clone() } else { link.summary.clone() };
            view! { <a href=href rel=rel>{if rel == "prev" { format!("← {label}") } else { format!("{label} →") }}</a> }
        })
    };
    let previous = neighbour(detail.previous, "prev");
    let next = neighbour(detail.next, "next");
    let mut groups: Vec<(String, Vec<super::ParameterEntry>)> = Vec::new();
    for parameter in detail.parameters {
        match groups
            .iter_mut()
            .find(|(location, _)| *location == parameter.location)
        {
            Some((_, list)) => list.push(parameter),
            None => groups.push((parameter.location.clone(), vec![parameter])),
        }
    }
    view! {
        <PageHeader title=title />
        <p class="crumbs">
            <a href="/apis">{t!("nav-my-apis")}</a>" / "<a href=collection_href>{detail.collection.name.clone()}</a>
        </p>
        <p class="operation-line">
            {method_badge(&detail.method)}" "<code class="operation-path">{detail.path.clone()}</code>
            {detail.deprecated.then(|| view! { " "<span class="badge badge--muted">{t!("catalog-deprecated")}</span> })}
            " "<a class="button button--small button--secondary" href="#try-heading">{t!("catalog-try-it-out")}</a>
        </p>
        <article class="prose" inner_html=detail.description_html></article>
        {(!detail.security.is_empty()).then(|| view! {
            <p><strong>{t!("catalog-operation-authentication")}</strong>{detail.security.join(", ")}</p>
        })}
        <section aria-labelledby="parameters-heading">
            <h2 id="parameters-heading">{t!("catalog-parameters")}</h2>
            {if groups.is_empty() {
                view! { <p>{t!("catalog-parameters-none")}</p> }.into_any()
            } else {
                groups.into_iter().map(|(location, list)| view! {
                    <h3>{t!("catalog-parameters-in", location = &location, name = capitalized(&location))}</h3>
                    <ul class="parameters">
                        {list.into_iter().map(|parameter| view! {
                            <li class="parameter">
                                <span class="schema__head">
                                    <code class="schema__name">{parameter.name}</code>" "
                                    <span class="schema__type">{parameter.schema.type_label.clone()}</span>
                                    {parameter.required.then(|| view! { " "<span class="schema__required">{t!("catalog-required")}</span> })}
                                    {parameter.deprecated.then(|| view! { " "<span class="badge badge--muted">{t!("catalog-deprecated")}</span> })}
                                </span>
                                <div class="prose" inner_html=parameter.description_html></div>
                                {(!parameter.schema.constraints.is_empty()).then(|| view! {
                                    <span class="schema__constraints">{parameter.schema.constraints.join(" · ")}</span>
                                })}
                                {parameter.example.map(|example| view! { <span class="schema__constraints">{t!("catalog-parameter-example")}<code>{example}</code></span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }).collect_view().into_any()
            }}
        </section>
        {detail.request_body.map(|body| view! {
            <section aria-labelledby="body-heading">
                <h2 id="body-heading">{t!("catalog-request-body")}{body.required.then(|| t!("catalog-request-body-required"))}</h2>
                <div class="prose" inner_html=body.description_html></div>
                {media_list(body.contents)}
            </section>
        })}
        <section aria-labelledby="responses-heading">
            <h2 id="responses-heading">{t!("catalog-responses")}</h2>
            {detail.responses.into_iter().map(|response| {
                let class = format!("status status--{}", response.status.chars().next().unwrap_or('d'));
                view! {
                    <div class="response">
                        <h3><span class=class>{response.status}</span></h3>
                        <div class="prose" inner_html=response.description_html></div>
                        {media_list(response.contents)}
                    </div>
                }
            }).collect_view()}
        </section>
        <Console operation=console setup />
        <nav class="pager" aria-label=t!("catalog-neighbours")>{previous}{next}</nav>
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
