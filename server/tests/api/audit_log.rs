//! The audit log viewer: paging newest first, filters, and the CSV export.

use server::audit::AuditEvent;

use crate::helpers::{TestApp, invalid, unique_email};
use crate::on_both_engines;

/// `count` events by `actor`, one a minute from the test clock's start.
async fn record(app: &TestApp, actor: &str, action: &'static str, count: usize) {
    for n in 0..count {
        AuditEvent::new(actor, action)
            .on("collection", format!("target-{n}"))
            .record(&app.portal.db, &app.clock)
            .await
            .expect("record");
        app.clock.advance(chrono::Duration::minutes(1));
    }
}

fn ids(page: &serde_json::Value) -> Vec<i64> {
    page["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect()
}

on_both_engines!(
    the_audit_log_pages_newest_first_and_filters,
    |app: TestApp| async move {
        let admin_email = unique_email("admin");
        let (_, admin) = app.signed_in(&admin_email, true).await;
        record(&app, "ops@example.com", "collection.updated", 70).await;
        record(&app, "=cmd|'/C calc'!A0", "user.suspended", 45).await;

        let first = app.call_json("admin-audit-log", Some(&admin), &[]).await;
        let first_ids = ids(&first);
        assert_eq!(first_ids.len(), 50);
        assert!(first_ids.windows(2).all(|w| w[0] > w[1]), "newest first");
        assert_eq!(first["events"][0]["action"], "user.suspended");
        let before = first["next_before"].as_i64().expect("more pages");
        let second = app
            .call_json(
                "admin-audit-log",
                Some(&admin),
                &[("before", &before.to_string())],
            )
            .await;
        let second_ids = ids(&second);
        assert_eq!(second_ids.len(), 50);
        assert!(
            second_ids[0] < *first_ids.last().expect("last"),
            "no overlap"
        );
        let before = second["next_before"].as_i64().expect("a third page");
        let third = app
            .call_json(
                "admin-audit-log",
                Some(&admin),
                &[("before", &before.to_string())],
            )
            .await;
        assert_eq!(ids(&third).len(), 15, "115 events in all");
        assert!(third["next_before"].is_null());

        let by_action = app
            .call_json(
                "admin-audit-log",
                Some(&admin),
                &[("action", "user.suspended")],
            )
            .await;
        assert_eq!(ids(&by_action).len(), 45);
        let by_actor = app
            .call_json(
                "admin-audit-log",
                Some(&admin),
                &[("actor", "OPS@example.com")],
            )
            .await;
        assert_eq!(ids(&by_actor).len(), 50, "a full page of the 70");
        let by_target = app
            .call_json("admin-audit-log", Some(&admin), &[("target", "target-3")])
            .await;
        assert_eq!(ids(&by_target).len(), 2, "one of each action");
        // The clock started 2026-11-23 09:00 and moved a minute per event: all on that day.
        let on_the_day = app
            .call_json(
                "admin-audit-log",
                Some(&admin),
                &[
                    ("from", "2026-11-23"),
                    ("to", "2026-11-23"),
                    ("action", "collection.updated"),
                ],
            )
            .await;
        assert_eq!(ids(&on_the_day).len(), 50);
        let day_after = app
            .call_json("admin-audit-log", Some(&admin), &[("from", "2026-11-24")])
            .await;
        assert!(ids(&day_after).is_empty());
        let (field, _) = invalid(
            app.call_with(
                "admin-audit-log",
                Some(&admin),
                &[("from", "2026-11-24"), ("to", "2026-11-23")],
            )
            .await,
        )
        .await;
        assert_eq!(field, "to");
        let (field, _) = invalid(
            app.call_with("admin-audit-log", Some(&admin), &[("before", "first")])
                .await,
        )
        .await;
        assert_eq!(field, "before");

        // The export has every matching event (more than a page), with formulas defused.
        let response = app
            .client
            .get(app.url("/admin/audit.csv?action=user.suspended"))
            .header("cookie", &admin)
            .send()
            .await
            .expect("GET");
        assert_eq!(response.status(), 200);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .expect("type")
                .starts_with("text/csv")
        );
        let csv = response.text().await.expect("csv");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "id,occurred_at,actor,action,target_type,target_id,client_addr,details"
        );
        assert_eq!(lines.len(), 46, "a header and 45 events");
        assert!(
            lines[1].contains(",'=cmd|'/C calc'!A0,user.suspended,collection,"),
            "{}",
            lines[1]
        );
        let everything = app
            .client
            .get(app.url("/admin/audit.csv"))
            .header("cookie", &admin)
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("csv");
        assert_eq!(
            everything.lines().count(),
            1 + 115 + 2,
            "both exports are in the log before the second one is read"
        );
        assert_eq!(app.audit_count("audit.exported").await, 2);
        let bad = app
            .client
            .get(app.url("/admin/audit.csv?from=someday"))
            .header("cookie", &admin)
            .send()
            .await
            .expect("GET");
        assert_eq!(bad.status(), 422);
    }
);

/// The areas audit actions belong to (the part before the dot).
const AREAS: [&str; 14] = [
    "access",
    "audit",
    "auth",
    "collection",
    "configuration",
    "demo",
    "invitation",
    "key",
    "membership",
    "organization",
    "registration",
    "settings",
    "terms",
    "user",
];

/// The action list the viewer suggests names every action the server records.
#[test]
fn every_recorded_action_is_listed_for_the_filter() {
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(source)];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("read dir") {
                stack.push(entry.expect("entry").path());
            }
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        // Actions are string literals like "access.approved": a known area, a dot, a verb.
        for action in text
            .split('"')
            .filter(|s| {
                s.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && a.chars().all(|c| c.is_ascii_lowercase())
                        && b.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            })
            .filter(|s| AREAS.contains(&s.split('.').next().unwrap_or_default()))
        {
            if !app::admin::AUDIT_ACTIONS.contains(&action) {
                missing.push(format!("{action} ({})", path.display()));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "add these to AUDIT_ACTIONS: {missing:?}"
    );
}
