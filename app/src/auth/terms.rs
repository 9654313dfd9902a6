//! The terms of use: the current version, and accepting it. Until a signed-in person accepts the
//! current version, pages lead here and other server functions refuse (see `require_viewer`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::form::on_success;
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;

/// One published version of the terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsDocument {
    pub version: i32,
    /// The markdown, rendered and sanitized on the server.
    pub html: String,
    pub markdown: String,
    pub published_at: String,
}

/// The current terms and where the viewer stands with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsStatus {
    pub current: Option<TermsDocument>,
    /// When the viewer accepted the current version.
    pub accepted_at: Option<String>,
    pub signed_in: bool,
}

/// A version in the admin's history list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsVersionRow {
    pub version: i32,
    pub published_at: String,
    pub published_by: Option<String>,
    /// Empty terms withdraw the gate.
    pub withdrawn: bool,
    pub acceptances: u64,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait TermsService: Send + Sync {
    async fn status(&self, viewer: Option<&super::Viewer>) -> Result<TermsStatus, AppError>;
    /// Records acceptance of `version`, which must be the current one.
    async fn accept(
        &self,
        viewer: &super::Viewer,
        version: i32,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Publishes a new version (empty markdown withdraws the terms). Returns its number.
    async fn publish(
        &self,
        actor: &super::Viewer,
        markdown: &str,
        request: &http::request::Parts,
    ) -> Result<i32, AppError>;
    async fn history(&self) -> Result<Vec<TermsVersionRow>, AppError>;
}

#[server(prefix = "/rpc", endpoint = "terms")]
pub async fn load_terms() -> Result<TermsStatus, AppError> {
    use crate::services::{request_headers, services};
    let services = services()?;
    let viewer = services.sessions.viewer(&request_headers()).await?;
    services.terms.status(viewer.as_ref()).await
}

#[server(prefix = "/rpc", endpoint = "accept-terms")]
pub async fn accept_terms(version: i32) -> Result<(), AppError> {
    use crate::services::{request_headers, request_parts, services};
    let services = services()?;
    // Accepting is the one thing a viewer with pending terms may do, so no `require_viewer`.
    let viewer = services
        .sessions
        .viewer(&request_headers())
        .await?
        .ok_or(AppError::Unauthenticated)?;
    services
        .terms
        .accept(&viewer, version, &request_parts()?)
        .await
}

/// Where to go after accepting: a path on this portal (`types::local_path`), but not the
/// terms page again.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|next| crate::types::local_path(next).is_some() && !next.starts_with("/terms"))
        .unwrap_or_else(|| "/apis".to_owned())
}

#[component]
pub fn TermsPage() -> impl IntoView {
    let session = expect_context::<crate::SessionResource>();
    let accept = ServerAction::<AcceptTerms>::new();
    let query = use_query_map();
    let navigate = leptos_router::hooks::use_navigate();
    // After accepting, reload the frame's session; go on once it no longer has pending terms
    // (going earlier would meet the terms gate again).
    on_success(accept, move |_| session.refetch());
    Effect::new(move |_| {
        let accepted = matches!(accept.value().get(), Some(Ok(())));
        let cleared = session
            .get()
            .and_then(Result::ok)
            .and_then(|info| info.viewer)
            .is_some_and(|viewer| !viewer.terms_pending);
        if accepted && cleared {
            navigate(
                &safe_next(query.read_untracked().get("next")),
                Default::default(),
            );
        }
    });
    let terms = Resource::new(move || accept.version().get(), |_| load_terms());
    view! {
        <PageHeader title=t!("auth-terms-title") />
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || terms.get().map(|result| match result {
                Ok(TermsStatus { current: None, .. }) => view! {
                    <EmptyState title=t!("auth-terms-none") message=t!("auth-terms-none-message") />
                }.into_any(),
                Ok(TermsStatus { current: Some(document), accepted_at, signed_in }) => {
                    let version = document.version;
                    let decision = match (signed_in, accepted_at) {
                        (true, Some(at)) => view! {
                            <p class="notice notice--ok" role="status">{t!("auth-terms-accepted", version = version, at = at)}</p>
                        }.into_any(),
                        (true, None) => view! {
                            <div class="card form-card" data-testid="accept-terms">
                                <p>{t!("auth-terms-please-accept")}</p>
                                <p class="notice notice--error" role="alert" hidden=move || !matches!(accept.value().get(), Some(Err(_)))>
                                    {move || accept.value().get().and_then(Result::err).map(|e| e.to_string())}
                                </p>
                                <ActionForm action=accept attr:class="inline-form">
                                    <input type="hidden" name="version" value=version.to_string() />
                                    <button class="button" type="submit" disabled=move || accept.pending().get()>{t!("auth-terms-accept")}</button>
                                </ActionForm>
                                " "
                                <form class="inline-form" method="post" action="/auth/sign-out">
                                    <button class="button button--secondary" type="submit">{t!("auth-terms-decline")}</button>
                                </form>
                            </div>
                        }.into_any(),
                        (false, _) => view! { <p>{t!("auth-terms-signed-out")}</p> }.into_any(),
                    };
                    view! {
                        <p class="lead">{t!("auth-terms-version", version = version, published = &document.published_at)}</p>
                        <article class="card prose" inner_html=document.html></article>
                        {decision}
                    }.into_any()
                }
                Err(error) => view! { <LoadError error purpose=t!("auth-terms-purpose") /> }.into_any(),
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_accepting() {
        assert_eq!(safe_next(Some("/admin/people".into())), "/admin/people");
        assert_eq!(safe_next(Some("https://evil.test/".into())), "/apis");
        assert_eq!(safe_next(Some("//evil.test/".into())), "/apis");
        assert_eq!(safe_next(Some("/\\evil.test".into())), "/apis");
        assert_eq!(safe_next(Some("/\t/evil.test".into())), "/apis");
        assert_eq!(safe_next(Some("/\n/evil.test".into())), "/apis");
        assert_eq!(safe_next(Some("/discover?q=a b".into())), "/apis");
        assert_eq!(
            safe_next(Some("/discover?q=a%20b".into())),
            "/discover?q=a%20b"
        );
        assert_eq!(safe_next(Some("/terms".into())), "/apis");
        assert_eq!(safe_next(None), "/apis");
    }
}
