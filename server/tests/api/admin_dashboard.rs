//! The admin dashboard: its counts follow the data, and the chart adds the gateway's per-minute
//! usage up per hour over exactly the last seven days.

use chrono::{DurationRound, TimeDelta};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::entities::{gateway_usage, user};

use crate::helpers::{Engine, TestApp, unique_email};

async fn overview(app: &TestApp, admin: &str) -> serde_json::Value {
    app.call_json("admin-overview", Some(admin), &[]).await
}

fn count(value: &serde_json::Value, field: &str) -> u64 {
    value[field]
        .as_u64()
        .unwrap_or_else(|| panic!("{field} in {value}"))
}

async fn usage(app: &TestApp, minute: chrono::DateTime<chrono::Utc>, status: i32, calls: i64) {
    gateway_usage::Entity::insert(gateway_usage::ActiveModel {
        minute: Set(minute),
        status: Set(status),
        outcome: Set(if status < 400 { "ok" } else { "refused" }.to_owned()),
        calls: Set(calls),
        latency_total_us: Set(calls * 1000),
        latency_max_us: Set(1000),
        ..Default::default()
    })
    .exec_without_returning(&app.portal.db)
    .await
    .expect("usage row");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_counts_and_charts_what_happened() {
    for engine in [Engine::Sqlite, Engine::Postgres] {
        let Some(app) = TestApp::spawn(engine).await else {
            continue;
        };
        crate::helpers::within_time_limit(async {
            let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
            let (_, developer) = app.signed_in(&unique_email("dev"), false).await;
            assert_eq!(
                app.call("admin-overview", Some(&developer)).await.status(),
                403
            );
            assert_eq!(app.call("admin-overview", None).await.status(), 401);
            let before = overview(&app, &admin).await;
            let hours = before["hours"].as_array().expect("hours");
            assert_eq!(hours.len(), 7 * 24);
            let now = app.clock_now();
            let this_hour = now.duration_trunc(TimeDelta::hours(1)).expect("hour");
            assert_eq!(
                hours.last().expect("last")["hour"],
                this_hour.format("%Y-%m-%d %H:00").to_string(),
                "the chart ends with the current hour"
            );

            // Someone seen 40 days ago counts as a user, not as an active one; someone seen
            // yesterday counts as both.
            let (stale, _) = app.signed_in(&unique_email("stale"), false).await;
            user::ActiveModel {
                id: Set(stale.id),
                last_seen_at: Set(Some(now - TimeDelta::days(40))),
                ..Default::default()
            }
            .update(&app.portal.db)
            .await
            .expect("seen long ago");
            let (recent, _) = app.signed_in(&unique_email("recent"), false).await;
            user::ActiveModel {
                id: Set(recent.id),
                last_seen_at: Set(Some(now - TimeDelta::days(1))),
                ..Default::default()
            }
            .update(&app.portal.db)
            .await
            .expect("seen recently");

            // Calls an hour ago, thirty hours ago, and eight days ago (outside the chart).
            let an_hour_ago = this_hour - TimeDelta::hours(1) + TimeDelta::minutes(7);
            usage(&app, an_hour_ago, 200, 5).await;
            usage(&app, an_hour_ago + TimeDelta::minutes(1), 502, 2).await;
            usage(&app, now - TimeDelta::hours(30), 200, 7).await;
            usage(&app, now - TimeDelta::hours(30), 401, 1).await;
            usage(&app, now - TimeDelta::days(8), 200, 100).await;

            let after = overview(&app, &admin).await;
            assert_eq!(count(&after, "users"), count(&before, "users") + 2);
            assert_eq!(
                count(&after, "active_users"),
                count(&before, "active_users") + 1
            );
            assert_eq!(count(&after, "calls_24h"), count(&before, "calls_24h") + 7);
            assert_eq!(
                count(&after, "errors_24h"),
                count(&before, "errors_24h") + 2
            );
            let hours = after["hours"].as_array().expect("hours");
            let total = |field: &str| hours.iter().map(|h| count(h, field)).sum::<u64>();
            assert_eq!(total("calls"), 15, "eight days ago is outside the chart");
            assert_eq!(total("errors"), 3);
            let previous = &hours[hours.len() - 2];
            assert_eq!(
                previous["hour"],
                (this_hour - TimeDelta::hours(1))
                    .format("%Y-%m-%d %H:00")
                    .to_string()
            );
            assert_eq!(
                (count(previous, "calls"), count(previous, "errors")),
                (7, 2)
            );

            // The page draws it, with the sentence screen readers get.
            let page = app
                .get_as("/admin", &admin)
                .await
                .text()
                .await
                .expect("page");
            assert!(
                page.contains("data-testid=\"calls-chart\""),
                "chart on the page"
            );
            assert!(
                page.contains("15 calls and 3 errors in the last 7 days"),
                "described in words"
            );
        })
        .await;
    }
}
