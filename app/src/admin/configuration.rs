//! Admin: the portal's configuration as one file, downloaded from one portal and uploaded to
//! another (or kept in version control). The file's work happens at plain endpoints
//! (`/admin/configuration/...`), so downloads and uploads work without scripts.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::layout::{LoadError, PageHeader};

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

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
pub fn ConfigurationPage() -> impl IntoView {
    let summary = Resource::new(|| (), |_| load_configuration_summary());
    let query = use_query_map();
    let outcome = move || {
        let query = query.read();
        if let Some(error) = query.get("error") {
            let place = query
                .get("field")
                .map(|field| format!(" (at {field})"))
                .unwrap_or_default();
            return Some(
                view! {
                    <p class="notice notice--error" role="alert" data-testid="import-error">
                        {format!("Nothing was imported: {error}{place}")}
                    </p>
                }
                .into_any(),
            );
        }
        query.get("imported").map(|count| {
            let message = match count.parse::<usize>().unwrap_or_default() {
                0 => "Imported. Nothing needed to change: this portal already matches the file.".to_owned(),
                n => format!("Imported: {}. Each is in the audit log.", counted(n, "change", "changes")),
            };
            view! { <p class="notice notice--ok" role="status" data-testid="import-done">{message}</p> }.into_any()
        })
    };
    view! {
        <PageHeader
            title="Configuration"
            lead="The portal's set-up as one file: download it to keep or copy, upload one to set this portal up."
        />
        <p><a href="/admin">"← Admin overview"</a></p>
        {outcome}
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || summary.get().map(|result| match result {
                Ok(summary) => view! {
                    <section class="card" aria-labelledby="export-heading">
                        <h2 id="export-heading">"Download"</h2>
                        <p>{format!(
                            "Branding, {}, {} with their OpenAPI documents, auto-approval and grants, and {}.",
                            counted(summary.organizations, "organization", "organizations"),
                            counted(summary.collections, "collection", "collections"),
                            counted(summary.identity_providers, "identity provider", "identity providers"),
                        )}</p>
                        <p class="field__hint">"Client secrets of identity providers are never in the file. People, keys, requests and the audit log stay here too."</p>
                        <a class="button" href="/admin/configuration/portico-config.json" download="portico-config.json">"Download configuration"</a>
                    </section>
                }.into_any(),
                Err(error) => view! { <LoadError error purpose="as an admin to see this page" /> }.into_any(),
            })}
        </Suspense>
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">"Upload"</h2>
            <p>"Adds and updates what the file describes; it never deletes. The whole file is checked first: a mistake anywhere changes nothing, and the message says where it is."</p>
            <p class="field__hint">"A new identity provider needs its client_secret added to the file."</p>
            <form class="stack-form" method="post" action="/admin/configuration/import" enctype="multipart/form-data">
                <div class="field">
                    <label for="configuration-file">"Configuration file (JSON)"</label>
                    <input id="configuration-file" name="file" type="file" accept=".json,application/json" required />
                </div>
                <button class="button" type="submit">"Import configuration"</button>
            </form>
        </section>
    }
}
