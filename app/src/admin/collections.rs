//! Admin: publishing API collections from OpenAPI documents, their metadata, and which
//! organizations may use them.

// The details form has ten fields, and its server function takes them as its arguments (that is
// how a form posts without scripts); the macro-generated client code cannot carry a local allow.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::{OrganizationRow, load_organizations};
use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, on_success};
use crate::layout::{EmptyState, LoadError, PageHeader};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CollectionRow {
    pub slug: String,
    pub name: String,
    pub published: bool,
    pub listed: bool,
    pub operations: u32,
    pub api_version: String,
    pub versions: i32,
    pub organizations: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdminVersion {
    pub number: i32,
    pub api_version: String,
    pub published_at: String,
    pub operations: u32,
    pub warnings: Vec<String>,
    pub source: Option<String>,
}

/// A collection's editable metadata, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CollectionForm {
    pub name: String,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub slug: crate::types::Slug,
    pub summary: String,
    pub description: String,
    pub tags: Vec<String>,
    pub logo_url: Option<String>,
    pub listed: bool,
    pub published: bool,
    pub sandbox_url: Option<String>,
    pub production_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CollectionSettings {
    pub form: CollectionForm,
    pub versions: Vec<AdminVersion>,
}

fn web_url(value: &str, field: &str, label: &str) -> Result<Option<String>, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let host = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .filter(|host| !host.is_empty());
    let plain = !value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'));
    match host {
        Some(_) if plain && value.len() <= 500 => Ok(Some(value.trim_end_matches('/').to_owned())),
        _ => Err(AppError::invalid(
            field,
            format!(
                "{label} must be a web address like https://api.example.com/v1 (at most 500 characters)."
            ),
        )),
    }
}

impl CollectionForm {
    pub fn parse(
        name: &str,
        slug: &str,
        summary: &str,
        description: &str,
        tags: &str,
        logo_url: &str,
        visibility: &str,
        status: &str,
        sandbox_url: &str,
        production_url: &str,
    ) -> Result<Self, AppError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(AppError::invalid(
                "name",
                "Enter a name of 1 to 120 characters.",
            ));
        }
        let slug = crate::types::Slug::parse(slug)
            .map_err(|e| AppError::invalid("slug", e.to_string()))?;
        let summary = summary.trim();
        if summary.chars().count() > 300 {
            return Err(AppError::invalid(
                "summary",
                "Keep the summary to 300 characters or fewer.",
            ));
        }
        if description.chars().count() > 50_000 {
            return Err(AppError::invalid(
                "description",
                "Keep the description to 50,000 characters or fewer.",
            ));
        }
        let mut tag_list: Vec<String> = Vec::new();
        for tag in tags.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if tag.chars().count() > 40 {
                return Err(AppError::invalid(
                    "tags",
                    format!("The tag \"{tag}\" is longer than 40 characters."),
                ));
            }
            if !tag_list.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                tag_list.push(tag.to_owned());
            }
        }
        if tag_list.len() > 12 {
            return Err(AppError::invalid("tags", "Use at most 12 tags."));
        }
        let listed = match visibility {
            "listed" => true,
            "hidden" => false,
            _ => return Err(AppError::invalid("visibility", "Choose listed or hidden.")),
        };
        let published = match status {
            "published" => true,
            "draft" => false,
            _ => return Err(AppError::invalid("status", "Choose draft or published.")),
        };
        Ok(CollectionForm {
            name: name.to_owned(),
            slug,
            summary: summary.to_owned(),
            description: description.trim().to_owned(),
            tags: tag_list,
            logo_url: web_url(logo_url, "logo_url", "The logo")?,
            listed,
            published,
            sandbox_url: web_url(sandbox_url, "sandbox_url", "The sandbox URL")?,
            production_url: web_url(production_url, "production_url", "The production URL")?,
        })
    }
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait CollectionsService: Send + Sync {
    async fn list(&self) -> Result<Vec<CollectionRow>, AppError>;
    async fn settings(&self, slug: &str) -> Result<CollectionSettings, AppError>;
    /// Saves the metadata; returns the (possibly new) slug.
    async fn update(
        &self,
        actor: &crate::auth::Viewer,
        slug: &str,
        form: CollectionForm,
        request: &http::request::Parts,
    ) -> Result<String, AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-collections")]
pub async fn load_collections() -> Result<Vec<CollectionRow>, AppError> {
    crate::auth::require_admin().await?;
    crate::services::services()?.collections.list().await
}

#[server(prefix = "/rpc", endpoint = "admin-collection")]
pub async fn load_collection_settings(slug: String) -> Result<CollectionSettings, AppError> {
    crate::auth::require_admin().await?;
    crate::services::services()?
        .collections
        .settings(&slug)
        .await
}

#[server(prefix = "/rpc", endpoint = "admin-update-collection")]
pub async fn update_collection(
    current_slug: String,
    name: String,
    slug: String,
    #[server(default)] summary: String,
    #[server(default)] description: String,
    #[server(default)] tags: String,
    #[server(default)] logo_url: String,
    visibility: String,
    status: String,
    #[server(default)] sandbox_url: String,
    #[server(default)] production_url: String,
) -> Result<String, AppError> {
    let actor = crate::auth::require_admin().await?;
    let form = CollectionForm::parse(
        &name,
        &slug,
        &summary,
        &description,
        &tags,
        &logo_url,
        &visibility,
        &status,
        &sandbox_url,
        &production_url,
    )?;
    crate::services::services()?
        .collections
        .update(
            &actor,
            &current_slug,
            form,
            &crate::services::request_parts()?,
        )
        .await
}

/// A document upload (or address) form; it posts to a plain endpoint so files work without
/// scripts, and comes back here with the outcome in the address.
#[component]
fn DocumentForm(action: String, #[prop(into)] button: String) -> impl IntoView {
    let file_id = format!("{action}-file");
    let url_id = format!("{action}-url");
    view! {
        <form class="stack-form" method="post" action=action.clone() enctype="multipart/form-data">
            <div class="field">
                <label for=file_id.clone()>"OpenAPI document (JSON or YAML)"</label>
                <p class="field__hint" id=format!("{file_id}-hint")>"OpenAPI 3.0, 3.1 or Swagger 2.0, up to 64 MB."</p>
                <input id=file_id.clone() name="file" type="file" accept=".json,.yaml,.yml,application/json,application/yaml" aria-describedby=format!("{file_id}-hint") />
            </div>
            <div class="field">
                <label for=url_id.clone()>"…or its address"</label>
                <input id=url_id name="url" type="url" placeholder="https://example.com/openapi.yaml" />
            </div>
            <button class="button" type="submit">{button}</button>
        </form>
    }
}

/// The outcome of an upload, carried in the address: `?error=` or `?warnings=`.
#[component]
fn UploadOutcome() -> impl IntoView {
    let query = use_query_map();
    view! {
        {move || query.read().get("error").map(|error| view! {
            <p class="notice notice--error" role="alert" data-testid="upload-error">{error}</p>
        })}
        {move || query.read().get("imported").map(|_| view! {
            <p class="notice notice--ok" role="status">"The document is imported. Check the details below, then publish."</p>
        })}
    }
}

#[component]
pub fn CollectionsAdminPage() -> impl IntoView {
    let collections = Resource::new(|| (), |_| load_collections());
    view! {
        <PageHeader title="Collections" lead="The APIs the portal publishes, each described by an OpenAPI document." />
        <p><a href="/admin">"← Admin overview"</a></p>
        <UploadOutcome />
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">"Add a collection"</h2>
            <p>"It starts as a draft with the name and description from the document."</p>
            <DocumentForm action="/admin/collections/import".to_owned() button="Import" />
        </section>
        <h2>"All collections"</h2>
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || collections.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! {
                    <EmptyState title="No collections yet" message="Import an OpenAPI document to publish your first API." />
                }.into_any(),
                Ok(list) => view! {
                    <div class="table-wrap" role="region" aria-label="Collections" tabindex="0">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Operations"</th>
                                <th scope="col">"Organizations"</th>
                                <th scope="col">"Updated"</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|row| view! {
                                    <tr data-testid="collection-row">
                                        <td><a href=format!("/admin/collections/{}", row.slug)>{row.name}</a></td>
                                        <td>
                                            <span class="status" class:status--off=!row.published>{if row.published { "Published" } else { "Draft" }}</span>
                                            {(!row.listed).then_some("hidden")}
                                        </td>
                                        <td>{format!("{} (v{}, {} version{})", row.operations, row.api_version, row.versions, if row.versions == 1 { "" } else { "s" })}</td>
                                        <td>{row.organizations}</td>
                                        <td>{row.updated_at}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
                Err(error) => view! { <LoadError error purpose="as an admin to see this page" /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn CollectionAdminPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let changed = RwSignal::new(0u32);
    let settings = Resource::new(
        move || (slug(), changed.get()),
        |(slug, _)| load_collection_settings(slug),
    );
    let organizations = Resource::new(|| (), |_| load_organizations());
    // Created with the page, not inside the editor: the server and the browser must create their
    // resources in the same order for the page to hydrate.
    let access = Resource::new(slug, crate::access::load_collection_access);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("loading")}</p> }>
            {move || settings.get().map(|result| match result {
                Ok(settings) => {
                    let organizations = organizations.get().and_then(Result::ok).unwrap_or_default();
                    view! { <CollectionEditor settings organizations access /> }.into_any()
                }
                Err(error) => view! {
                    <PageHeader title="Collection" />
                    <LoadError error purpose="as an admin to see this page" />
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn CollectionEditor(
    settings: CollectionSettings,
    organizations: Vec<OrganizationRow>,
    access: Resource<Result<crate::access::CollectionAccess, AppError>>,
) -> impl IntoView {
    let save = ServerAction::<UpdateCollection>::new();
    let navigate = leptos_router::hooks::use_navigate();
    let current_slug = settings.form.slug.to_string();
    let grants_slug = current_slug.clone();
    {
        // The form already shows what was saved; only a new slug means a new address.
        let current_slug = current_slug.clone();
        on_success(save, move |new_slug: &String| {
            if *new_slug != current_slug {
                navigate(
                    &format!("/admin/collections/{new_slug}"),
                    Default::default(),
                );
            }
        });
    }
    let answer = move || save.value().get();
    let error = move |field: &'static str| Signal::derive(move || error_for(&answer(), field));
    let fields = [
        "name",
        "slug",
        "summary",
        "description",
        "tags",
        "logo_url",
        "visibility",
        "status",
        "sandbox_url",
        "production_url",
    ];
    let saved = move || matches!(answer(), Some(Ok(_))).then_some("Saved.");
    let form = settings.form;
    let view_href = format!("/apis/{current_slug}");
    let replace_action = format!("/admin/collections/{current_slug}/document");
    let slug_for_versions = current_slug.clone();
    view! {
        <PageHeader title=form.name.clone() lead="Details, documents and access of one collection." />
        <p><a href="/admin/collections">"← Collections"</a>" · "<a href=view_href>"View as developers see it"</a></p>
        <UploadOutcome />
        <section class="card" aria-labelledby="details-heading">
            <h2 id="details-heading">"Details"</h2>
            <ActionForm action=save attr:class="stack-form" attr:novalidate="true">
                <input type="hidden" name="current_slug" value=current_slug.clone() />
                <div class="field-row">
                    <Field id="collection-name" name="name" label="Name" required=true value=form.name.clone() error=error("name") />
                    <Field id="collection-slug" name="slug" label="Slug (in addresses)" required=true value=form.slug.to_string() error=error("slug") />
                </div>
                <Field id="collection-summary" name="summary" label="Summary" value=form.summary.clone() error=error("summary") />
                <Field id="collection-description" name="description" label="Description (Markdown)" kind="textarea" value=form.description.clone() error=error("description") />
                <Field id="collection-tags" name="tags" label="Tags" hint="Separated by commas, like payments, cards." value=form.tags.join(", ") error=error("tags") />
                <div class="field-row">
                    <div class="field">
                        <label for="collection-status">"Status"</label>
                        <select id="collection-status" name="status">
                            <option value="draft" selected=!form.published>"Draft (admins only)"</option>
                            <option value="published" selected=form.published>"Published"</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="collection-visibility">"Visibility"</label>
                        <select id="collection-visibility" name="visibility">
                            <option value="listed" selected=form.listed>"Listed in Discover"</option>
                            <option value="hidden" selected=!form.listed>"Hidden: only organizations with access"</option>
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <Field id="collection-sandbox" name="sandbox_url" label="Sandbox base URL" kind="url" value=form.sandbox_url.clone().unwrap_or_default() error=error("sandbox_url") />
                    <Field id="collection-production" name="production_url" label="Production base URL" kind="url" value=form.production_url.clone().unwrap_or_default() error=error("production_url") />
                </div>
                <Field id="collection-logo" name="logo_url" label="Logo address (optional)" kind="url" value=form.logo_url.clone().unwrap_or_default() error=error("logo_url") />
                <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                    {move || error_outside(&answer(), &fields)}
                </p>
                <p class="notice notice--ok" role="status" hidden=move || saved().is_none()>{saved}</p>
                <button class="button" type="submit" disabled=move || save.pending().get()>"Save details"</button>
            </ActionForm>
        </section>
        <crate::access::GrantsPanel slug=grants_slug organizations current=access />
        <section class="card" aria-labelledby="versions-heading">
            <h2 id="versions-heading">"Document versions"</h2>
            <ul class="session-list">
                {settings.versions.into_iter().map(|version| {
                    let download = format!("/api/v1/collections/{slug_for_versions}/openapi.json?version={}", version.number);
                    let warnings = version.warnings.len();
                    view! {
                        <li class="session-list__item" data-testid="version">
                            <p class="session-list__device">{format!("#{} · API version {} · {} operations", version.number, version.api_version, version.operations)}</p>
                            <p class="session-list__meta">
                                {format!("Imported {}", version.published_at)}
                                {version.source.map(|s| format!(" from {s}"))}
                                " · "<a href=download download>"Download"</a>
                            </p>
                            {(warnings > 0).then(|| view! {
                                <details class="warnings">
                                    <summary>{format!("{warnings} warning{}", if warnings == 1 { "" } else { "s" })}</summary>
                                    <ul>{version.warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                                </details>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3>"Replace the document"</h3>
            <p>"The new document becomes the current version; earlier ones stay downloadable."</p>
            <DocumentForm action=replace_action button="Upload new version" />
        </section>
    }
}
