//! How the audit log viewer pages through a million events, on SQLite and on PostgreSQL.
//!
//!   cargo bench -p server --bench audit_log            (SQLite, and PostgreSQL when
//!                                                       PORTICO_TEST_POSTGRES_URL is set)
//!   PORTICO_BENCH_EVENTS=200000 cargo bench …          (fewer events)
//!
//! Prints, per engine and filter, the median and 95th percentile of 25 page loads (50 events,
//! newest first) through the same service the admin page calls.

use std::time::{Duration, Instant};

use app::admin::{AuditFilter, AuditLogService};
use chrono::{TimeZone, Utc};
use sea_orm::{ConnectionTrait, Database, EntityTrait, Set};
use server::audit::log::AuditLog;
use server::entities::audit_event;

const ACTIONS: [&str; 10] = [
    "auth.signed_in",
    "auth.link_sent",
    "auth.signed_out",
    "access.requested",
    "access.approved",
    "collection.updated",
    "collection.granted",
    "user.suspended",
    "invitation.created",
    "terms.accepted",
];

async fn fill(db: &sea_orm::DatabaseConnection, events: usize) {
    let start = Utc
        .with_ymd_and_hms(2025, 11, 25, 0, 0, 0)
        .single()
        .expect("date");
    // Spread over a year, oldest first (as the log grows).
    let step = 365 * 24 * 3600 * 1000 / events as i64;
    let chunk = 1000;
    let mut n = 0;
    while n < events {
        let rows: Vec<audit_event::ActiveModel> = (n..(n + chunk).min(events))
            .map(|i| audit_event::ActiveModel {
                occurred_at: Set(start + chrono::Duration::milliseconds(step * i as i64)),
                actor_id: Set(None),
                actor_label: Set(format!("user{}@example.com", i % 1000)),
                action: Set(ACTIONS[i % ACTIONS.len()].to_owned()),
                target_type: Set(Some("collection".to_owned())),
                target_id: Set(Some(format!("target-{}", i % 10_000))),
                client_addr: Set(Some("192.0.2.1".to_owned())),
                details: Set(Some(serde_json::json!({ "n": i }))),
                ..Default::default()
            })
            .collect();
        audit_event::Entity::insert_many(rows)
            .exec(db)
            .await
            .expect("insert events");
        n += chunk;
    }
}

fn filter(pairs: &[(&str, &str)]) -> AuditFilter {
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or_default()
    };
    AuditFilter::parse(
        get("actor"),
        get("action"),
        get("target"),
        get("from"),
        get("to"),
        get("before"),
    )
    .expect("valid filter")
}

async fn measure(log: &AuditLog, label: &str, filter: &AuditFilter) {
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..25 {
        let started = Instant::now();
        let page = log.page(filter).await.expect("page");
        times.push(started.elapsed());
        rows = page.events.len();
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {label:<44} {:>8.2} ms  {:>8.2} ms  {rows:>3} rows",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100])
    );
}

async fn run(engine: &str, url: &str, events: usize) {
    let db = Database::connect(url).await.expect("connect");
    server::db::migrate(&db).await.expect("migrate");
    let started = Instant::now();
    fill(&db, events).await;
    println!(
        "{engine}: {events} events inserted in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if engine == "PostgreSQL" {
        db.execute_unprepared("ANALYZE audit_events")
            .await
            .expect("analyze");
    } else {
        db.execute_unprepared("ANALYZE").await.expect("analyze");
    }
    let log = AuditLog { db };
    let middle = (events / 2).to_string();
    println!(
        "  {:<44} {:>11}  {:>11}",
        "page of 50, newest first", "median", "p95"
    );
    measure(&log, "no filter, first page", &filter(&[])).await;
    measure(
        &log,
        "no filter, page in the middle (before=)",
        &filter(&[("before", &middle)]),
    )
    .await;
    measure(
        &log,
        "action (1 in 10)",
        &filter(&[("action", "access.approved")]),
    )
    .await;
    measure(
        &log,
        "action, page in the middle",
        &filter(&[("action", "access.approved"), ("before", &middle)]),
    )
    .await;
    measure(
        &log,
        "actor (1 in 1,000)",
        &filter(&[("actor", "user7@example.com")]),
    )
    .await;
    measure(
        &log,
        "target (1 in 10,000)",
        &filter(&[("target", "target-42")]),
    )
    .await;
    measure(
        &log,
        "one day, recent",
        &filter(&[("from", "2026-11-01"), ("to", "2026-11-01")]),
    )
    .await;
    measure(
        &log,
        "one day, a year ago",
        &filter(&[("from", "2025-11-26"), ("to", "2025-11-26")]),
    )
    .await;
    measure(
        &log,
        "action and a month",
        &filter(&[
            ("action", "user.suspended"),
            ("from", "2026-03-01"),
            ("to", "2026-03-31"),
        ]),
    )
    .await;
    measure(
        &log,
        "no match (unknown action)",
        &filter(&[("action", "nothing.here")]),
    )
    .await;
}

#[tokio::main]
async fn main() {
    let events: usize = std::env::var("PORTICO_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let folder = tempfile::tempdir().expect("temp dir");
    let sqlite = format!("sqlite://{}/bench.db?mode=rwc", folder.path().display());
    run("SQLite", &sqlite, events).await;
    if let Ok(server_url) = std::env::var("PORTICO_TEST_POSTGRES_URL") {
        let name = format!("portico_bench_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(&server_url).await.expect("connect");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create");
        let mut url = url::Url::parse(&server_url).expect("url");
        url.set_path(&format!("/{name}"));
        run("PostgreSQL", url.as_str(), events).await;
        admin
            .execute_unprepared(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
            .await
            .expect("drop");
    }
}
