//! The audit log: who did what to what, when, from where.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::clock::Clock;
use crate::entities::audit_event;
use crate::error::DomainError;

/// One event to record. Build it with `AuditEvent::new` and the `with_*` methods.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub actor_id: Option<Uuid>,
    pub actor_label: String,
    pub action: &'static str,
    pub target: Option<(&'static str, String)>,
    pub client_addr: Option<String>,
    pub details: Option<serde_json::Value>,
}

impl AuditEvent {
    pub fn new(actor_label: impl Into<String>, action: &'static str) -> Self {
        AuditEvent {
            actor_id: None,
            actor_label: actor_label.into(),
            action,
            target: None,
            client_addr: None,
            details: None,
        }
    }

    /// An event done by the signed-in `viewer`.
    pub fn by_viewer(viewer: &app::auth::Viewer, action: &'static str) -> Self {
        let event = AuditEvent::new(viewer.email.clone(), action);
        match Uuid::parse_str(&viewer.id) {
            Ok(id) => event.by(id),
            Err(_) => event,
        }
    }

    pub fn by(mut self, actor_id: Uuid) -> Self {
        self.actor_id = Some(actor_id);
        self
    }

    pub fn on(mut self, target_type: &'static str, target_id: impl ToString) -> Self {
        self.target = Some((target_type, target_id.to_string()));
        self
    }

    pub fn from_addr(mut self, client: Option<std::net::IpAddr>) -> Self {
        self.client_addr = client.map(|addr| addr.to_string());
        self
    }

    pub fn with_details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }

    /// Writes the event on `db`, which may be a transaction: the event then lands together with
    /// the change it describes, or not at all.
    pub async fn record(
        self,
        db: &impl ConnectionTrait,
        clock: &dyn Clock,
    ) -> Result<(), DomainError> {
        let (target_type, target_id) = self.target.unzip();
        audit_event::ActiveModel {
            occurred_at: Set(clock.now()),
            actor_id: Set(self.actor_id),
            actor_label: Set(self.actor_label),
            action: Set(self.action.to_owned()),
            target_type: Set(target_type.map(str::to_owned)),
            target_id: Set(target_id),
            client_addr: Set(self.client_addr),
            details: Set(self.details),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok(())
    }
}

/// The audit log as admins read it: filtered, paged newest first by id (so a page costs the same
/// at the millionth event as at the first), and exported as CSV.
pub mod log {
    use app::admin::{AuditFilter, AuditLogService, AuditPage, AuditRow};
    use app::error::AppError;
    use chrono::{DateTime, NaiveDate, Utc};
    use sea_orm::{
        ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    };

    use crate::entities::audit_event;
    use crate::error::DomainError;

    /// Events per page of the viewer.
    pub const AUDIT_PAGE_SIZE: u64 = 50;

    pub struct AuditLog {
        pub db: DatabaseConnection,
    }

    fn midnight(day: app::types::CalendarDate, days_later: u64) -> Option<DateTime<Utc>> {
        NaiveDate::from_ymd_opt(day.year, day.month, day.day)?
            .checked_add_days(chrono::Days::new(days_later))?
            .and_hms_opt(0, 0, 0)
            .map(|at| at.and_utc())
    }

    /// The events `filter` matches (ignoring its page), newest first.
    pub fn matching(filter: &AuditFilter) -> Select<audit_event::Entity> {
        let mut query = audit_event::Entity::find();
        if !filter.actor.is_empty() {
            query = query.filter(audit_event::Column::ActorLabel.eq(&filter.actor));
        }
        if !filter.action.is_empty() {
            query = query.filter(audit_event::Column::Action.eq(&filter.action));
        }
        if !filter.target.is_empty() {
            query = query.filter(audit_event::Column::TargetId.eq(&filter.target));
        }
        if let Some(from) = filter.from.and_then(|day| midnight(day, 0)) {
            query = query.filter(audit_event::Column::OccurredAt.gte(from));
        }
        if let Some(to) = filter.to.and_then(|day| midnight(day, 1)) {
            query = query.filter(audit_event::Column::OccurredAt.lt(to));
        }
        query.order_by_desc(audit_event::Column::Id)
    }

    /// Up to `limit` matching events older than `before`.
    pub async fn batch(
        db: &DatabaseConnection,
        filter: &AuditFilter,
        before: Option<i64>,
        limit: u64,
    ) -> Result<Vec<audit_event::Model>, DomainError> {
        let mut query = matching(filter);
        if let Some(before) = before {
            query = query.filter(audit_event::Column::Id.lt(before));
        }
        Ok(query.limit(limit).all(db).await?)
    }

    /// An event as the audit pages show it.
    pub fn row(event: audit_event::Model) -> AuditRow {
        AuditRow {
            id: event.id,
            at: event
                .occurred_at
                .format("%Y-%m-%d %H:%M:%S UTC")
                .to_string(),
            actor: event.actor_label,
            action: event.action,
            target: match (event.target_type, event.target_id) {
                (Some(kind), Some(id)) => Some(format!("{kind} {id}")),
                (None, Some(id)) => Some(id),
                _ => None,
            },
            client_addr: event.client_addr,
            details: event.details.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    #[async_trait::async_trait]
    impl AuditLogService for AuditLog {
        async fn page(&self, filter: &AuditFilter) -> Result<AuditPage, AppError> {
            let mut events = batch(&self.db, filter, filter.before, AUDIT_PAGE_SIZE + 1).await?;
            let more = events.len() as u64 > AUDIT_PAGE_SIZE;
            events.truncate(AUDIT_PAGE_SIZE as usize);
            Ok(AuditPage {
                next_before: if more {
                    events.last().map(|e| e.id)
                } else {
                    None
                },
                events: events.into_iter().map(row).collect(),
            })
        }
    }

    /// One CSV field. Quotes what needs quoting, and defuses text a spreadsheet would run as a
    /// formula (a leading `=`, `+`, `-`, `@`, tab or carriage return).
    pub fn csv_field(value: &str) -> String {
        let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{value}")
        } else {
            value.to_owned()
        };
        if value.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value
        }
    }

    pub const CSV_HEADER: &str =
        "id,occurred_at,actor,action,target_type,target_id,client_addr,details\r\n";

    pub fn csv_line(event: &audit_event::Model) -> String {
        let fields = [
            event.id.to_string(),
            event.occurred_at.to_rfc3339(),
            event.actor_label.clone(),
            event.action.clone(),
            event.target_type.clone().unwrap_or_default(),
            event.target_id.clone().unwrap_or_default(),
            event.client_addr.clone().unwrap_or_default(),
            event
                .details
                .as_ref()
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ];
        let mut line = fields
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",");
        line.push_str("\r\n");
        line
    }

    #[derive(Clone)]
    pub struct ExportState {
        pub db: DatabaseConnection,
        pub sessions: std::sync::Arc<crate::auth::Sessions>,
        pub clock: std::sync::Arc<dyn crate::clock::Clock>,
    }

    pub fn routes(state: ExportState) -> axum::Router {
        axum::Router::new()
            .route("/admin/audit.csv", axum::routing::get(export))
            .with_state(state)
    }

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct ExportQuery {
        actor: String,
        action: String,
        target: String,
        from: String,
        to: String,
    }

    /// Events per database round trip while exporting.
    const EXPORT_BATCH: u64 = 1000;

    /// `GET /admin/audit.csv?…`: every event the filter matches, newest first, streamed in
    /// batches so a large export never sits in memory. The export is itself audited.
    async fn export(
        axum::extract::State(state): axum::extract::State<ExportState>,
        headers: axum::http::HeaderMap,
        crate::web::ClientAddr(client): crate::web::ClientAddr,
        axum::extract::Query(query): axum::extract::Query<ExportQuery>,
    ) -> Result<axum::response::Response, crate::error::ApiError> {
        use app::auth::SessionService;
        use axum::response::IntoResponse;
        let admin = app::auth::admitted_admin(state.sessions.viewer(&headers).await?)?;
        let filter = AuditFilter::parse(
            &query.actor,
            &query.action,
            &query.target,
            &query.from,
            &query.to,
            "",
        )?;
        super::AuditEvent::by_viewer(&admin, "audit.exported")
            .from_addr(client)
            .with_details(serde_json::json!({ "filter": filter.query() }))
            .record(&state.db, state.clock.as_ref())
            .await?;
        let db = state.db.clone();
        let rows = futures_util::stream::unfold(
            (Some(CSV_HEADER.to_owned()), None::<i64>, false),
            move |(header, before, done)| {
                let (db, filter) = (db.clone(), filter.clone());
                async move {
                    if let Some(header) = header {
                        return Some((Ok::<_, std::io::Error>(header), (None, before, done)));
                    }
                    if done {
                        return None;
                    }
                    match batch(&db, &filter, before, EXPORT_BATCH).await {
                        Ok(events) if events.is_empty() => None,
                        Ok(events) => {
                            let last = events.last().map(|e| e.id);
                            let finished = (events.len() as u64) < EXPORT_BATCH;
                            let chunk: String = events.iter().map(csv_line).collect();
                            Some((Ok(chunk), (None, last, finished)))
                        }
                        Err(error) => {
                            // The answer has started; all we can do is end it short, and say so.
                            tracing::error!(%error, "audit export stopped");
                            Some((
                                Err(std::io::Error::other("the export stopped early")),
                                (None, before, true),
                            ))
                        }
                    }
                }
            },
        );
        let filename = format!(
            "attachment; filename=\"portico-audit-{}.csv\"",
            state.clock.now().format("%Y%m%d-%H%M%S")
        );
        Ok((
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "text/csv; charset=utf-8".to_owned(),
                ),
                (axum::http::header::CONTENT_DISPOSITION, filename),
                (axum::http::header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            axum::body::Body::from_stream(rows),
        )
            .into_response())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn csv_fields_are_quoted_and_formulas_defused() {
            assert_eq!(csv_field("plain"), "plain");
            assert_eq!(csv_field("a,b"), "\"a,b\"");
            assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
            assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
            assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
            assert_eq!(csv_field("+1"), "'+1");
            assert_eq!(csv_field("@sum"), "'@sum");
            assert_eq!(csv_field(""), "");
        }
    }
}
