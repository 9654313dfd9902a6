//! Admin: the portal's configuration as one file, downloaded from one portal and uploaded to
//! another (or kept in version control). The file's work happens at plain endpoints
//! (`/admin/configuration/...`), so downloads and uploads work without scripts.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::layout::{LoadError, PageHeader};
use crate::t;

/// The collection that publishes Portico's own management API. Every portal keeps its own, so
/// it is not part of a configuration.
pub const MANAGEMENT_API_SLUG: &str = "portico-management-api";

/// What a download holds now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigurationSummary {
    pub organizations: usize,
    pub collections: usize,
    /// Those added in the admin pages; providers from settings stay with the settings.
    pub identity_providers: usize,
}

#[server(prefix = "/rpc", endpoint = "admin-configuration")]
pub async fn load_configuration_summary() -> Result<ConfigurationSummary, AppError> {
    use crate::services::services;
    crate::auth::require_admin().await?;
    let services = services()?;
    Ok(ConfigurationSummary {
        organizations: services.organizations.list().await?.len(),
        collections: services
            .collections
            .list()
            .await?
            .iter()
            .filter(|c| c.slug != MANAGEMENT_API_SLUG)
            .count(),
        identity_providers: services
            .identity_providers
            .list()
            .await?
            .iter()
            .filter(|p| p.source == crate::admin::ProviderSource::Portal)
            .count(),
    })
}

/// A count as the current language writes it, for the plural messages below.
fn shown(n: usize) -> String {
    crate::i18n::format_count(crate::i18n::current(), n as u64)
}

#[component]
pub fn ConfigurationPage() -> impl IntoView {
    let summary = Resource::new(|| (), |_| load_configuration_summary());
    let query = use_query_map();
    let outcome = move || {
        let query = query.read();
        if let Some(error) = query.get("error") {
            let message = match query.get("field") {
                Some(field) => t!(
                    "admin-config-import-failed-at",
                    error = error,
                    field = field
                ),
                // An import that stopped part way says so itself.
                None => error,
            };
            return Some(
                view! {
                    <p class="notice notice--error" role="alert" data-testid="import-error">
                        {message}
                    </p>
                }
                .into_any(),
            );
        }
        query.get("imported").map(|count| {
            let message = match count.parse::<usize>().unwrap_or_default() {
                0 => t!("admin-config-imported-nothing"),
                n => t!("admin-config-imported", count = n, shown = shown(n)),
            };
            view! { <p class="notice notice--ok" role="status" data-testid="import-done">{message}</p> }.into_any()
        })
    };
    view! {
        <PageHeader
            title=t!("admin-config-title")
            lead=t!("admin-config-lead")
        />
        <p><a href="/admin">{t!("admin-back")}</a></p>
        {outcome}
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || summary.get().map(|result| match result {
                Ok(summary) => view! {
                    <section class="card" aria-labelledby="export-heading">
                        <h2 id="export-heading">{t!("admin-config-download-heading")}</h2>
                        <p>{t!(
                            "admin-config-summary",
                            organizations = t!("admin-config-organizations", count = summary.organizations, shown = shown(summary.organizations)),
                            collections = t!("admin-config-collections", count = summary.collections, shown = shown(summary.collections)),
                            providers = t!("admin-config-providers", count = summary.identity_providers, shown = shown(summary.identity_providers)),
                        )}</p>
                        <p class="field__hint">{t!("admin-config-download-hint")}</p>
                        <a class="button" href="/admin/configuration/portico-config.json" download="portico-config.json">{t!("admin-config-download")}</a>
                    </section>
                }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Suspense>
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{t!("admin-config-upload-heading")}</h2>
            <p>{t!("admin-config-upload-lead")}</p>
            <p class="field__hint">{t!("admin-config-upload-hint")}</p>
            <form class="stack-form" method="post" action="/admin/configuration/import" enctype="multipart/form-data">
                <div class="field">
                    <label for="configuration-file">{t!("admin-config-file")}</label>
                    <input id="configuration-file" name="file" type="file" accept=".json,application/json" required />
                </div>
                <button class="button" type="submit">{t!("admin-config-import")}</button>
            </form>
        </section>
    }
}
