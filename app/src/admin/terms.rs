//! Admin: publishing the terms of use. Each publication is a new version that everyone accepts
//! again; publishing empty terms withdraws them.

use leptos::prelude::*;

use crate::auth::{TermsVersionRow, load_terms};
use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::layout::{LoadError, PageHeader};

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
        return Err(AppError::invalid(
            "markdown",
            "Terms of use are limited to 100,000 characters.",
        ));
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
        Some(Ok(version)) => Some(format!(
            "Version {version} is published. Everyone accepts it at their next step in the portal."
        )),
        _ => None,
    };
    view! {
        <PageHeader
            title="Terms of use"
            lead="Signed-in people must accept the current version before they can use the portal."
        />
        <p><a href="/admin">"← Admin overview"</a></p>
        <p class="notice notice--ok" role="status" hidden=move || published().is_none()>{published}</p>
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || current.get().map(|result| match result {
                Ok(status) => {
                    let markdown = status.current.map(|document| document.markdown).unwrap_or_default();
                    view! {
                        <section class="card" aria-labelledby="edit-terms">
                            <h2 id="edit-terms">"Publish a new version"</h2>
                            <ActionForm action=publish attr:novalidate="true">
                                <Field
                                    id="terms-markdown"
                                    name="markdown"
                                    label="Terms (Markdown)"
                                    kind="textarea"
                                    hint="Headings, lists, links and emphasis work. Publish empty terms to stop asking for acceptance."
                                    value=markdown
                                    error=Signal::derive(move || error_for(&answer(), "markdown"))
                                />
                                <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &["markdown"]).is_none()>
                                    {move || error_outside(&answer(), &["markdown"])}
                                </p>
                                <button class="button" type="submit" disabled=move || publish.pending().get()>"Publish"</button>
                            </ActionForm>
                        </section>
                    }.into_any()
                }
                Err(error) => view! { <LoadError error purpose="as an admin to see this page" /> }.into_any(),
            })}
            {move || history.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p>"No terms have been published yet."</p> }.into_any(),
                Ok(list) => view! { <TermsHistory list /> }.into_any(),
                Err(_) => ().into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn TermsHistory(list: Vec<TermsVersionRow>) -> impl IntoView {
    view! {
        <h2>"Versions"</h2>
        <div class="table-wrap" role="region" aria-label="Versions of the terms" tabindex="0">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Version"</th>
                        <th scope="col">"Published"</th>
                        <th scope="col">"By"</th>
                        <th scope="col">"Accepted by"</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|row| view! {
                        <tr>
                            <td>{row.version}{row.withdrawn.then_some(" (withdrawn)")}</td>
                            <td>{row.published_at}</td>
                            <td>{row.published_by.unwrap_or_else(|| "—".to_owned())}</td>
                            <td>{format!("{} {}", row.acceptances, if row.acceptances == 1 { "person" } else { "people" })}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
