//! Admin: the audit log, filtered and paged (newest first), and exported as CSV.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::layout::{EmptyState, LoadError, PageHeader};
use crate::t;
use crate::types::CalendarDate;

/// Every action the portal records, for the filter's suggestions. A server test keeps this list
/// complete.
pub const AUDIT_ACTIONS: &[&str] = &[
    "access.approved",
    "access.auto_approved",
    "access.rejected",
    "access.requested",
    "access.withdrawn",
    "api_token.created",
    "api_token.revoked",
    "audit.exported",
    "auth.link_refused",
    "auth.link_rejected",
    "auth.link_sent",
    "auth.signed_in",
    "auth.signed_out",
    "auth.signed_out_everywhere",
    "auth.sso_failed",
    "auth.sso_linked",
    "branding.changed",
    "collection.auto_approve_changed",
    "collection.document_replaced",
    "collection.grant_expired",
    "collection.grant_revoked",
    "collection.granted",
    "collection.imported",
    "collection.published",
    "collection.unpublished",
    "collection.updated",
    "configuration.exported",
    "configuration.imported",
    "demo.seeded",
    "identity_provider.added",
    "identity_provider.changed",
    "identity_provider.deleted",
    "identity_provider.disabled",
    "identity_provider.enabled",
    "invitation.accepted",
    "invitation.created",
    "invitation.resent",
    "invitation.revoked",
    "key.created",
    "key.deactivated",
    "key.deleted",
    "key.reactivated",
    "key.refreshed",
    "membership.from_provider",
    "membership.removed",
    "membership.role_changed",
    "organization.archived",
    "organization.authorized_email_added",
    "organization.authorized_email_removed",
    "organization.created",
    "organization.domain_added",
    "organization.domain_removed",
    "organization.environments_changed",
    "organization.member_added",
    "organization.portal_access_off",
    "organization.portal_access_on",
    "organization.renamed",
    "registration.approved",
    "registration.rejected",
    "registration.requested",
    "settings.self_registration_off",
    "settings.self_registration_on",
    "terms.accepted",
    "terms.published",
    "terms.withdrawn",
    "user.admin_removed",
    "user.joined_by_authorized_email",
    "user.made_admin",
    "user.provisioned",
    "user.reactivated",
    "user.role_from_provider",
    "user.sessions_ended",
    "user.suspended",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    /// "collection 0193…", when the event is about something.
    pub target: Option<String>,
    pub client_addr: Option<String>,
    /// The event's details as compact JSON.
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditPage {
    pub events: Vec<AuditRow>,
    /// The id to page on from (`before=`), when older events match.
    pub next_before: Option<i64>,
}

/// What to show of the log. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// Who acted: an email address, or `system`.
    pub actor: String,
    pub action: String,
    /// The id of what the event is about.
    pub target: String,
    pub from: Option<CalendarDate>,
    /// The last day included.
    pub to: Option<CalendarDate>,
    /// Only events older than this id (the next page).
    pub before: Option<i64>,
}

impl AuditFilter {
    pub fn parse(
        actor: &str,
        action: &str,
        target: &str,
        from: &str,
        to: &str,
        before: &str,
    ) -> Result<Self, AppError> {
        let bounded = |value: &str, field: &str| {
            let value = value.trim();
            if value.chars().count() > 254 || value.chars().any(char::is_control) {
                let message = match field {
                    "actor" => t!("audit-invalid-actor"),
                    "action" => t!("audit-invalid-action"),
                    _ => t!("audit-invalid-target"),
                };
                Err(AppError::invalid(field, message))
            } else {
                Ok(value.to_owned())
            }
        };
        let date = |value: &str, field: &str| match value.trim() {
            "" => Ok(None),
            value => CalendarDate::parse(value)
                .map(Some)
                .map_err(|e| AppError::invalid(field, e.to_string())),
        };
        let filter = AuditFilter {
            actor: bounded(actor, "actor")?.to_lowercase(),
            action: bounded(action, "action")?,
            target: bounded(target, "target")?,
            from: date(from, "from")?,
            to: date(to, "to")?,
            before: match before.trim() {
                "" => None,
                value => Some(
                    value
                        .parse::<i64>()
                        .ok()
                        .filter(|id| *id > 0)
                        .ok_or_else(|| AppError::invalid("before", t!("audit-invalid-before")))?,
                ),
            },
        };
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            return Err(AppError::invalid("to", t!("audit-dates-swapped")));
        }
        Ok(filter)
    }

    /// The filter as a query string (without `before`), for links and the CSV export.
    pub fn query(&self) -> String {
        let pairs = [
            ("actor", self.actor.clone()),
            ("action", self.action.clone()),
            ("target", self.target.clone()),
            ("from", self.from.map(|d| d.to_string()).unwrap_or_default()),
            ("to", self.to.map(|d| d.to_string()).unwrap_or_default()),
        ];
        pairs
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| format!("{key}={}", escape_query_value(value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-encodes everything but unreserved characters. (The router's own escaping calls into
/// the browser, which a unit test does not have.)
fn escape_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait AuditLogService: Send + Sync {
    /// One page of matching events, newest first.
    async fn page(&self, filter: &AuditFilter) -> Result<AuditPage, AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-audit-log")]
pub async fn load_audit_log(
    #[server(default)] actor: String,
    #[server(default)] action: String,
    #[server(default)] target: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] before: String,
) -> Result<AuditPage, AppError> {
    crate::auth::require_admin().await?;
    let filter = AuditFilter::parse(&actor, &action, &target, &from, &to, &before)?;
    crate::services::services()?.audit.page(&filter).await
}

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = use_query_map();
    let read = move |key: &str| query.read().get(key).unwrap_or_default();
    let arguments = move || {
        [
            read("actor"),
            read("action"),
            read("target"),
            read("from"),
            read("to"),
            read("before"),
        ]
    };
    let page = Resource::new(arguments, |[actor, action, target, from, to, before]| {
        load_audit_log(actor, action, target, from, to, before)
    });
    let filter = move || {
        let [actor, action, target, from, to, _] = arguments();
        AuditFilter::parse(&actor, &action, &target, &from, &to, "").unwrap_or_default()
    };
    // Read inside a Transition (below), so the server and the browser render it alike.
    let field_error = move |field: &'static str| {
        move || match page.get() {
            Some(Err(AppError::Invalid {
                field: Some(name),
                message,
            })) if name == field => Some(message),
            _ => None,
        }
    };
    view! {
        <PageHeader title=t!("audit-title") lead=t!("audit-lead") />
        <p><a href="/admin">{t!("audit-back-admin")}</a></p>
        <form class="filters" method="get" action="/admin/audit" aria-label=t!("audit-filter-label")>
            <div class="field">
                <label for="audit-actor">{t!("audit-filter-actor")}</label>
                <input id="audit-actor" name="actor" type="text" value=read("actor") aria-describedby="audit-actor-error" />
                <p id="audit-actor-error" class="field__error" role="alert"><Transition fallback=|| ()>{field_error("actor")}</Transition></p>
            </div>
            <div class="field">
                <label for="audit-action">{t!("audit-filter-action")}</label>
                <input id="audit-action" name="action" type="text" list="audit-actions" value=read("action") />
                <datalist id="audit-actions">
                    {AUDIT_ACTIONS.iter().map(|action| view! { <option value=*action></option> }).collect_view()}
                </datalist>
            </div>
            <div class="field">
                <label for="audit-target">{t!("audit-filter-target")}</label>
                <input id="audit-target" name="target" type="text" value=read("target") />
            </div>
            <div class="field">
                <label for="audit-from">{t!("audit-filter-from")}</label>
                <input id="audit-from" name="from" type="date" value=read("from") aria-describedby="audit-from-error" />
                <p id="audit-from-error" class="field__error" role="alert"><Transition fallback=|| ()>{field_error("from")}</Transition></p>
            </div>
            <div class="field">
                <label for="audit-to">{t!("audit-filter-to")}</label>
                <input id="audit-to" name="to" type="date" value=read("to") aria-describedby="audit-to-error" />
                <p id="audit-to-error" class="field__error" role="alert"><Transition fallback=|| ()>{field_error("to")}</Transition></p>
            </div>
            <div class="button-row">
                <button class="button button--secondary" type="submit">{t!("audit-filter")}</button>
                <a class="button button--secondary" href=move || format!("/admin/audit.csv?{}", filter().query()) download>{t!("audit-export")}</a>
            </div>
        </form>
        <Transition fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) if page.events.is_empty() => view! {
                    <EmptyState title=t!("audit-empty-title") message=t!("audit-empty-message") />
                }.into_any(),
                Ok(page) => {
                    let query = filter().query();
                    let newer = (!read("before").is_empty()).then(|| format!("/admin/audit?{query}"));
                    let older = page.next_before.map(|id| {
                        if query.is_empty() { format!("/admin/audit?before={id}") } else { format!("/admin/audit?{query}&before={id}") }
                    });
                    view! {
                        <AuditTable events=page.events />
                        <nav class="pager" aria-label=t!("audit-pages")>
                            {newer.map(|href| view! { <a href=href>{t!("audit-newest")}</a> })}
                            {older.map(|href| view! { <a href=href>{t!("audit-older")}</a> })}
                        </nav>
                    }.into_any()
                }
                Err(AppError::Invalid { .. }) => view! {
                    <p class="notice notice--error" role="alert">{t!("audit-check-filters")}</p>
                }.into_any(),
                Err(error) => view! { <LoadError error purpose=t!("load-admin-purpose") /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn AuditTable(events: Vec<AuditRow>) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-label=t!("audit-events-label") tabindex="0">
            <table class="table">
                <thead><tr>
                    <th scope="col">{t!("audit-col-when")}</th>
                    <th scope="col">{t!("audit-col-who")}</th>
                    <th scope="col">{t!("audit-col-action")}</th>
                    <th scope="col">{t!("audit-col-target")}</th>
                    <th scope="col">{t!("audit-col-from")}</th>
                    <th scope="col">{t!("audit-col-details")}</th>
                </tr></thead>
                <tbody>
                    {events.into_iter().map(|event| view! {
                        <tr data-testid="audit-row">
                            <td>{event.at}</td>
                            <td>{event.actor}</td>
                            <td><code>{event.action}</code></td>
                            <td>{event.target.unwrap_or_default()}</td>
                            <td>{event.client_addr.unwrap_or_default()}</td>
                            <td class="details"><code>{event.details}</code></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_checked_and_round_trip_through_the_address() {
        let filter = AuditFilter::parse(
            " Admin@Portico.test ",
            "access.approved",
            "",
            "2026-11-01",
            "2026-11-30",
            "120",
        )
        .expect("valid");
        assert_eq!(filter.actor, "admin@portico.test");
        assert_eq!(filter.before, Some(120));
        assert_eq!(
            filter.query(),
            "actor=admin%40portico.test&action=access.approved&from=2026-11-01&to=2026-11-30"
        );
        let field = |result: Result<AuditFilter, AppError>| match result {
            Err(AppError::Invalid {
                field: Some(field), ..
            }) => field,
            other => panic!("expected a field error, got {other:?}"),
        };
        assert_eq!(
            field(AuditFilter::parse("", "", "", "yesterday", "", "")),
            "from"
        );
        assert_eq!(
            field(AuditFilter::parse(
                "",
                "",
                "",
                "2026-11-30",
                "2026-11-01",
                ""
            )),
            "to"
        );
        assert_eq!(
            field(AuditFilter::parse("", "", "", "", "", "-5")),
            "before"
        );
        assert_eq!(field(AuditFilter::parse("", "", "", "", "", "x")), "before");
        assert_eq!(
            field(AuditFilter::parse(&"a".repeat(300), "", "", "", "", "")),
            "actor"
        );
        assert_eq!(AuditFilter::default().query(), "");
        assert_eq!(escape_query_value("a b&c=ü"), "a%20b%26c%3D%C3%BC");
    }

    #[test]
    fn the_action_list_is_sorted_and_unique() {
        let mut sorted = AUDIT_ACTIONS.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, AUDIT_ACTIONS);
    }
}
