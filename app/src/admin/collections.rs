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
use crate::t;

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
            t!("collections-web-address", label = label),
        )),
    }
}

impl CollectionForm {
    /// These settings checked as the admin form checks them (for settings that arrive as JSON).
    pub fn checked(&self) -> Result<CollectionForm, AppError> {
        CollectionForm::parse(
            &self.name,
            self.slug.as_str(),
            &self.summary,
            &self.description,
            &self.tags.join(","),
            self.logo_url.as_deref().unwrap_or_default(),
            if self.listed { "listed" } else { "hidden" },
            if self.published { "published" } else { "draft" },
            self.sandbox_url.as_deref().unwrap_or_default(),
            self.production_url.as_deref().unwrap_or_default(),
        )
    }

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
            return Err(AppError::invalid("name", t!("collections-name-length")));
        }
        let slug = crate::types::Slug::parse(slug)
            .map_err(|e| AppError::invalid("slug", e.to_string()))?;
        let summary = summary.trim();
        if summary.chars().count() > 300 {
            return Err(AppError::invalid(
                "summary",
                t!("collections-summary-too-long"),
            ));
        }
        if description.chars().count() > 50_000 {
            return Err(AppError::invalid(
                "description",
                t!("collections-description-too-long"),
            ));
        }
        let mut tag_list: Vec<String> = Vec::new();
        for tag in tags.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if tag.chars().count() > 40 {
                return Err(AppError::invalid(
                    "tags",
                    t!("collections-tag-too-long", tag = tag),
                ));
            }
            if !tag_list.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                tag_list.push(tag.to_owned());
            }
        }
        if tag_list.len() > 12 {
            return Err(AppError::invalid("tags", t!("collections-too-many-tags")));
        }
        let listed = match visibility {
            "listed" => true,
            "hidden" => false,
            _ => {
                return Err(AppError::invalid(
                    "visibility",
                    t!("collections-choose-visibility"),
                ));
            }
        };
        let published = match status {
            "published" => true,
            "draft" => false,
            _ => return Err(AppError::invalid("status", t!("collections-choose-status"))),
        };
        Ok(CollectionForm {
            name: name.to_owned(),
            slug,
            summary: summary.to_owned(),
            description: description.trim().to_owned(),
            tags: tag_list,
            logo_url: web_url(logo_url, "logo_url", &t!("collections-the-logo"))?,
            listed,
            published,
            sandbox_url: web_url(
                sandbox_url,
                "sandbox_url",
                &t!("collections-the-sandbox-url"),
            )?,
            production_url: web_url(
                production_url,
                "production_url",
                &t!("collections-the-production-url"),
            )?,
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
                <label for=file_id.clone()>{t!("collections-document-label")}</label>
                <p class="field__hint" id=format!("{file_id}-hint")>{t!("collections-document-hint")}</p>
                <input id=file_id.clone() name="file" type="file" accept=".json,.yaml,.yml,application/json,application/yaml" aria-describedby=format!("{file_id}-hint") />
            </div>
            <div class="field">
                <label for=url_id.clone()>{t!("collections-document-address")}</label>
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
            <p class="notice notice--ok" role="status">{t!("collections-imported")}</p>
        })}
    }
}

#[component]
pub fn CollectionsAdminPage() -> impl IntoView {
    let collections = Resource::new(|| (), |_| load_collections());
    view! {
        <PageHeader title=t!("collections-title") lead=t!("collections-lead") />
        <p><a href="/admin">{t!("collections-back-to-admin")}</a></p>
        <UploadOutcome />
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{t!("collections-add")}</h2>
            <p>{t!("collections-add-lead")}</p>
            <DocumentForm action="/admin/collections/import".to_owned() button=t!("collections-import") />
        </section>
        <h2>{t!("collections-all")}</h2>
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || collections.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! {
                    <EmptyState title=t!("collections-empty") message=t!("collections-empty-message") />
                }.into_any(),
                Ok(list) => view! {
                    <div class="table-wrap" role="region" aria-label=t!("collections-title") tabindex="0">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{t!("collections-column-name")}</th>
                                <th scope="col">{t!("collections-column-status")}</th>
                                <th scope="col">{t!("collections-column-operations")}</th>
                                <th scope="col">{t!("collections-column-organizations")}</th>
                                <th scope="col">{t!("collections-column-updated")}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|row| view! {
                                    <tr data-testid="collection-row">
                                        <td><a href=format!("/admin/collections/{}", row.slug)>{row.name}</a></td>
                                        <td>
                                            <span class="status" class:status--off=!row.published>{if row.published { t!("collections-published") } else { t!("collections-draft") }}</span>
                                            {(!row.listed).then(|| t!("collections-hidden"))}
                                        </td>
                                        <td>{t!("collections-row-operations", operations = row.operations.to_string(), version = &row.api_version, count = row.versions)}</td>
                                        <td>{row.organizations}</td>
                                        <td>{row.updated_at}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
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
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || settings.get().map(|result| match result {
                Ok(settings) => {
                    let organizations = organizations.get().and_then(Result::ok).unwrap_or_default();
                    view! { <CollectionEditor settings organizations access /> }.into_any()
                }
                Err(error) => view! {
                    <PageHeader title=t!("collections-collection") />
                    <LoadError error purpose=t!("load-admin-purpose") />
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
    let saved = move || matches!(answer(), Some(Ok(_))).then(|| t!("collections-saved"));
    let form = settings.form;
    let view_href = format!("/apis/{current_slug}");
    let replace_action = format!("/admin/collections/{current_slug}/document");
    let slug_for_versions = current_slug.clone();
    view! {
        <PageHeader title=form.name.clone() lead=t!("collections-editor-lead") />
        <p><a href="/admin/collections">{t!("collections-back")}</a>" · "<a href=view_href>{t!("collections-view-as-developer")}</a></p>
        <UploadOutcome />
        <section class="card" aria-labelledby="details-heading">
            <h2 id="details-heading">{t!("collections-details")}</h2>
            <ActionForm action=save attr:class="stack-form" attr:novalidate="true">
                <input type="hidden" name="current_slug" value=current_slug.clone() />
                <div class="field-row">
                    <Field id="collection-name" name="name" label=t!("collections-field-name") required=true value=form.name.clone() error=error("name") />
                    <Field id="collection-slug" name="slug" label=t!("collections-field-slug") required=true value=form.slug.to_string() error=error("slug") />
                </div>
                <Field id="collection-summary" name="summary" label=t!("collections-field-summary") value=form.summary.clone() error=error("summary") />
                <Field id="collection-description" name="description" label=t!("collections-field-description") kind="textarea" value=form.description.clone() error=error("description") />
                <Field id="collection-tags" name="tags" label=t!("collections-field-tags") hint=t!("collections-field-tags-hint") value=form.tags.join(", ") error=error("tags") />
                <div class="field-row">
                    <div class="field">
                        <label for="collection-status">{t!("collections-column-status")}</label>
                        <select id="collection-status" name="status">
                            <option value="draft" selected=!form.published>{t!("collections-status-draft")}</option>
                            <option value="published" selected=form.published>{t!("collections-published")}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="collection-visibility">{t!("collections-visibility")}</label>
                        <select id="collection-visibility" name="visibility">
                            <option value="listed" selected=form.listed>{t!("collections-visibility-listed")}</option>
                            <option value="hidden" selected=!form.listed>{t!("collections-visibility-hidden")}</option>
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <Field id="collection-sandbox" name="sandbox_url" label=t!("collections-field-sandbox-url") kind="url" value=form.sandbox_url.clone().unwrap_or_default() error=error("sandbox_url") />
                    <Field id="collection-production" name="production_url" label=t!("collections-field-production-url") kind="url" value=form.production_url.clone().unwrap_or_default() error=error("production_url") />
                </div>
                <Field id="collection-logo" name="logo_url" label=t!("collections-field-logo") kind="url" value=form.logo_url.clone().unwrap_or_default() error=error("logo_url") />
                <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                    {move || error_outside(&answer(), &fields)}
                </p>
                <p class="notice notice--ok" role="status" hidden=move || saved().is_none()>{saved}</p>
                <button class="button" type="submit" disabled=move || save.pending().get()>{t!("collections-save")}</button>
            </ActionForm>
        </section>
        <crate::access::GrantsPanel slug=grants_slug organizations current=access />
        <section class="card" aria-labelledby="versions-heading">
            <h2 id="versions-heading">{t!("collections-versions")}</h2>
            <ul class="session-list">
                {settings.versions.into_iter().map(|version| {
                    let download = format!("/api/v1/collections/{slug_for_versions}/openapi.json?version={}", version.number);
                    let warnings = version.warnings.len();
                    view! {
                        <li class="session-list__item" data-testid="version">
                            <p class="session-list__device">{t!("collections-version-line", number = version.number.to_string(), version = &version.api_version, operations = version.operations.to_string())}</p>
                            <p class="session-list__meta">
                                {t!("collections-version-imported", at = &version.published_at)}
                                {version.source.map(|source| t!("collections-version-source", source = source))}
                                " · "<a href=download download>{t!("collections-download")}</a>
                            </p>
                            {(warnings > 0).then(|| view! {
                                <details class="warnings">
                                    <summary>{t!("collections-warnings", count = warnings)}</summary>
                                    <ul>{version.warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                                </details>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3>{t!("collections-replace")}</h3>
            <p>{t!("collections-replace-lead")}</p>
            <DocumentForm action=replace_action button=t!("collections-upload-version") />
        </section>
    }
}
