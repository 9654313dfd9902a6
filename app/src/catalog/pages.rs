//! My APIs and Discover: collections as cards.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::location::Url;

use super::{CollectionCard, load_my_apis, search_catalog};
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;

#[component]
pub fn CardGrid(cards: Vec<CollectionCard>) -> impl IntoView {
    view! {
        <ul class="card-grid">
            {cards.into_iter().map(|card| {
                let href = format!("/apis/{}", card.slug);
                let request_href = format!("/apis/{}/request-access", card.slug);
                let request_label = t!("catalog-request-access-to", name = &card.name);
                let request_pending = card.request_pending;
                let operations = t!(
                    "catalog-card-meta",
                    count = card.operations,
                    version = &card.api_version
                );
                view! {
                    <li class="card card--link collection-card" data-testid="collection-card">
                        <h2><a href=href>{card.name}</a></h2>
                        <p>{card.summary}</p>
                        <p class="collection-card__meta">{operations}</p>
                        <ul class="tags" aria-label=t!("catalog-tags")>
                            {card.tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}
                        </ul>
                        {(!card.has_access).then(|| if request_pending {
                            view! { <p class="badge badge--muted" data-testid="request-pending">{t!("catalog-request-pending")}</p> }.into_any()
                        } else {
                            view! {
                                <p><a class="button button--small" href=request_href aria-label=request_label>{t!("catalog-request-access")}</a></p>
                            }.into_any()
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn MyApisPage() -> impl IntoView {
    let cards = Resource::new(|| (), |_| load_my_apis());
    view! {
        <PageHeader title=t!("nav-my-apis") lead=t!("catalog-my-apis-lead") />
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || cards.get().map(|result| match result {
                Ok(cards) if cards.is_empty() => view! {
                    <EmptyState
                        title=t!("catalog-my-apis-empty")
                        message=t!("catalog-my-apis-empty-message")
                        action=("/discover", t!("catalog-discover-apis"))
                    />
                }.into_any(),
                Ok(cards) => view! { <CardGrid cards /> }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("catalog-my-apis-purpose") /> }.into_any(),
            })}
        </Suspense>
    }
}

fn discover_href(query: &str, tag: &str) -> String {
    let mut parts = Vec::new();
    if !query.is_empty() {
        parts.push(format!("q={}", Url::escape(query)));
    }
    if !tag.is_empty() {
        parts.push(format!("tag={}", Url::escape(tag)));
    }
    if parts.is_empty() {
        "/discover".to_owned()
    } else {
        format!("/discover?{}", parts.join("&"))
    }
}

#[component]
pub fn DiscoverPage() -> impl IntoView {
    let query_map = use_query_map();
    let query = move || query_map.read().get("q").unwrap_or_default();
    let tag = move || query_map.read().get("tag").unwrap_or_default();
    let results = Resource::new(
        move || (query(), tag()),
        |(query, tag)| search_catalog(query, tag),
    );
    let navigate = use_navigate();
    // Results follow the typing; the address keeps the search, so it can be shared and reloaded.
    let on_input = move |event: leptos::ev::Event| {
        let typed = event_target_value(&event);
        navigate(
            &discover_href(&typed, &tag()),
            leptos_router::NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <PageHeader title=t!("nav-discover") lead=t!("catalog-discover-lead") />
        <form class="search" method="get" action="/discover" role="search">
            <label for="discover-query" class="visually-hidden">{t!("catalog-search-label")}</label>
            <input
                id="discover-query"
                name="q"
                type="search"
                placeholder=t!("catalog-search-placeholder")
                prop:value=query
                on:input=on_input
                autocomplete="off"
            />
            <input type="hidden" name="tag" prop:value=tag />
            <button class="button" type="submit">{t!("catalog-search")}</button>
        </form>
        <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || results.get().map(|result| match result {
                Ok(results) => {
                    let current_tag = tag();
                    let current_query = query();
                    let count = results.cards.len();
                    view! {
                        {(!results.tags.is_empty()).then(|| view! {
                            <nav class="tag-filter" aria-label=t!("catalog-tag-filter")>
                                <a href=discover_href(&current_query, "") aria-current=current_tag.is_empty().then_some("true")>{t!("catalog-tag-all")}</a>
                                {results.tags.into_iter().map(|name| {
                                    let selected = name == current_tag;
                                    view! {
                                        <a href=discover_href(&current_query, &name) aria-current=selected.then_some("true")>{name.clone()}</a>
                                    }
                                }).collect_view()}
                            </nav>
                        })}
                        <p class="visually-hidden" role="status">{t!("catalog-results", count = count)}</p>
                        {if count == 0 {
                            if current_query.is_empty() && current_tag.is_empty() {
                                view! {
                                    <EmptyState
                                        title=t!("catalog-discover-empty")
                                        message=t!("catalog-discover-empty-message")
                                        action=("/apis", t!("catalog-go-to-my-apis"))
                                    />
                                }.into_any()
                            } else {
                                view! {
                                    <EmptyState title=t!("catalog-no-matches") message=t!("catalog-no-matches-message") />
                                }.into_any()
                            }
                        } else {
                            view! { <CardGrid cards=results.cards /> }.into_any()
                        }}
                    }.into_any()
                }
                Err(error) => view! { <LoadError error purpose=t!("catalog-discover-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}
