//! Admin: publishing the terms of use. Each publication is a new version that everyone accepts
//! again; publishing empty terms withdraws them.

use leptos::prelude::*;

use crate::auth::{TermsVersionRow, load_terms};
use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::layout::{LoadError, PageHeader};
use crate::t;

#[server(prefix = "/rpc", endpoint = "admin-terms-history")]
pub async fn load_terms_history() -> Result<Vec<TermsVersionRow>, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    services()?.terms.history().await
}

#[server(prefix = "/rpc", endpoint = "admin-publish-terms")]
pub async fn publish_terms(markdown: String) -> Result<i32, AppError> {
    use crate::services::{request_parts, services};
    let actor = crate::auth::require_admin().await?;
    if markdown.len() > 100_000 {
        return Err(AppError::invalid("markdown", t!("admin-terms-too-long")));
    }
    services()?
        .terms
        .publish(&actor, &markdown, &request_parts()?)
        .await
}

#[component]
pub fn TermsAdminPage() -> impl IntoView {
    let publish = ServerAction::<PublishTerms>::new();
    let session = expect_context::<crate::SessionResource>();
    // Publishing asks everyone, the publisher included, to accept the new version.
    on_success(publish, move |_| session.refetch());
    let current = Resource::new(move || publish.version().get(), |_| load_terms());
    let history = Resource::new(move || publish.version().get(), |_| load_terms_history());
    let answer = move || publish.value().get();
    let published = move || match answer() {
        Some(Ok(version)) => Some(t!("admin-terms-published", version = version)),
        _ => None,
    };
    view! {
        <PageHeader
            title=t!("admin-terms-title")
            lead=t!("admin-terms-lead")
        />
        <p><a href="/admin">{t!("admin-back")}</a></p>
        <p class="notice notice--ok" role="status" hidden=move || published().is_none()>{published}</p>
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || current.get().map(|result| match result {
                Ok(status) => {
                    let markdown = status.current.map(|document| document.markdown).unwrap_or_default();
                    view! {
                        <section class="card" aria-labelledby="edit-terms">
                            <h2 id="edit-terms">{t!("admin-terms-new-version")}</h2>
                            <ActionForm action=publish attr:novalidate="true">
                                <Field
                                    id="terms-markdown"
                                    name="markdown"
                                    label=t!("admin-terms-markdown")
                                    kind="textarea"
                                    hint=t!("admin-terms-markdown-hint")
                                    value=markdown
                                    error=Signal::derive(move || error_for(&answer(), "markdown"))
                                />
                                <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &["markdown"]).is_none()>
                                    {move || error_outside(&answer(), &["markdown"])}
                                </p>
                                <button class="button" type="submit" disabled=move || publish.pending().get()>{t!("admin-terms-publish")}</button>
                            </ActionForm>
                        </section>
                    }.into_any()
                }
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
            {move || history.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p>{t!("admin-terms-none")}</p> }.into_any(),
                Ok(list) => view! { <TermsHistory list /> }.into_any(),
                Err(_) => ().into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn TermsHistory(list: Vec<TermsVersionRow>) -> impl IntoView {
    let locale = crate::i18n::current();
    view! {
        <h2>{t!("admin-terms-versions")}</h2>
        <div class="table-wrap" role="region" aria-label=t!("admin-terms-versions-label") tabindex="0">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t!("admin-terms-version")}</th>
                        <th scope="col">{t!("admin-terms-published-at")}</th>
                        <th scope="col">{t!("admin-terms-by")}</th>
                        <th scope="col">{t!("admin-terms-accepted-by")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|row| view! {
                        <tr>
                            <td>{row.version}{row.withdrawn.then(|| t!("admin-terms-withdrawn"))}</td>
                            <td>{row.published_at}</td>
                            <td>{row.published_by.unwrap_or_else(|| "—".to_owned())}</td>
                            <td>{t!("admin-terms-acceptances", count = row.acceptances, shown = crate::i18n::format_count(locale, row.acceptances))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
