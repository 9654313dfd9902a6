//! Admin: the dashboard. Counts at a glance and a server-rendered chart of the gateway's calls
//! and errors per hour over the last seven days.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::t;

/// The chart covers this many hours, oldest first, ending with the current hour.
pub const CHART_HOURS: usize = 7 * 24;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HourlyCalls {
    /// The start of the hour, `YYYY-MM-DD HH:00` in UTC.
    pub hour: String,
    pub calls: u64,
    /// Calls answered with a 4xx or 5xx status (refused by the gateway or failed upstream).
    pub errors: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOverview {
    pub users: u64,
    /// Active accounts seen in the last 30 days.
    pub active_users: u64,
    pub organizations: u64,
    pub published_collections: u64,
    pub pending_requests: u64,
    /// Switched on and not expired.
    pub active_keys: u64,
    pub calls_24h: u64,
    pub errors_24h: u64,
    pub hours: Vec<HourlyCalls>,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait DashboardService: Send + Sync {
    async fn overview(&self) -> Result<AdminOverview, AppError>;
}

#[server(prefix = "/rpc", endpoint = "admin-overview")]
pub async fn load_admin_overview() -> Result<AdminOverview, AppError> {
    crate::auth::require_admin().await?;
    crate::services::services()?.dashboard.overview().await
}

/// The counts, each linking to where it can be acted on.
#[component]
pub fn DashboardCounts(overview: AdminOverview) -> impl IntoView {
    let locale = crate::i18n::current();
    let count = move |n: u64| crate::i18n::format_count(locale, n);
    let tiles = [
        (
            t!("admin-stat-users"),
            overview.users,
            t!(
                "admin-stat-users-active",
                count = count(overview.active_users)
            ),
            Some("/admin/people"),
        ),
        (
            t!("admin-stat-organizations"),
            overview.organizations,
            String::new(),
            Some("/admin/organizations"),
        ),
        (
            t!("admin-stat-collections"),
            overview.published_collections,
            String::new(),
            Some("/admin/collections"),
        ),
        (
            t!("admin-stat-pending"),
            overview.pending_requests,
            if overview.pending_requests == 0 {
                t!("admin-stat-pending-none")
            } else {
                t!("admin-stat-pending-some")
            },
            Some("/admin/requests"),
        ),
        (
            t!("admin-stat-keys"),
            overview.active_keys,
            String::new(),
            None,
        ),
        (
            t!("admin-stat-calls"),
            overview.calls_24h,
            t!(
                "admin-chart-errors-count",
                count = overview.errors_24h,
                shown = count(overview.errors_24h)
            ),
            None,
        ),
    ];
    view! {
        <ul class="stat-grid" aria-label=t!("admin-stat-label")>
            {tiles.into_iter().map(|(label, value, note, href)| view! {
                <li class="stat card" data-testid="stat">
                    <span class="stat__value">{count(value)}</span>
                    {match href {
                        Some(href) => view! { <a class="stat__label" href=href>{label}</a> }.into_any(),
                        None => view! { <span class="stat__label">{label}</span> }.into_any(),
                    }}
                    {(!note.is_empty()).then(|| view! { <span class="stat__note">{note}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

const WIDTH: u64 = 840;
const HEIGHT: u64 = 180;

/// Gateway calls (bars) and errors (red bars in front) per hour; a sentence describes it for
/// screen readers, and a table per day holds the numbers.
#[component]
pub fn CallsChart(hours: Vec<HourlyCalls>) -> impl IntoView {
    let peak = hours.iter().map(|h| h.calls).max().unwrap_or(0);
    let total: u64 = hours.iter().map(|h| h.calls).sum();
    let errors: u64 = hours.iter().map(|h| h.errors).sum();
    let busiest = hours
        .iter()
        .filter(|h| h.calls > 0)
        .max_by_key(|h| h.calls)
        .map(|h| h.hour.clone());
    let locale = crate::i18n::current();
    let count = move |n: u64| crate::i18n::format_count(locale, n);
    let calls_text = move |n: u64| t!("admin-chart-calls-count", count = n, shown = count(n));
    let description = match busiest {
        Some(hour) => t!(
            "admin-chart-description",
            calls = calls_text(total),
            errors = t!(
                "admin-chart-errors-count",
                count = errors,
                shown = count(errors)
            ),
            hour = hour,
            peak = calls_text(peak)
        ),
        None => t!("admin-chart-no-calls"),
    };
    let bar_width = WIDTH / (CHART_HOURS as u64).max(1);
    let scale = move |value: u64| {
        if peak == 0 {
            0
        } else {
            (value * (HEIGHT - 20)).div_ceil(peak)
        }
    };
    let bars = hours.iter().enumerate().map(|(index, hour)| {
        let x = index as u64 * bar_width;
        let calls = scale(hour.calls);
        let failed = scale(hour.errors);
        view! {
            <g>
                <rect class="chart__calls" x=x y=HEIGHT - calls width=bar_width height=calls />
                <rect class="chart__errors" x=x y=HEIGHT - failed width=bar_width height=failed />
            </g>
        }
    }).collect_view();
    // A label under the first hour of each day.
    let days = hours
        .iter()
        .enumerate()
        .filter(|(index, h)| h.hour.ends_with("00:00") && (*index as u64) * bar_width + 60 <= WIDTH)
        .map(|(index, hour)| {
            let x = index as u64 * bar_width;
            let label = hour.hour.get(5..10).unwrap_or_default().to_owned();
            view! {
                <line class="chart__tick" x1=x x2=x y1=0 y2=HEIGHT />
                <text class="chart__label" x=x + 3 y=HEIGHT + 20>{label}</text>
            }
        })
        .collect_view();
    let mut per_day: Vec<(String, u64, u64)> = Vec::new();
    for hour in &hours {
        let day = hour.hour.get(0..10).unwrap_or_default().to_owned();
        match per_day.last_mut() {
            Some((last, calls, errors)) if *last == day => {
                *calls += hour.calls;
                *errors += hour.errors;
            }
            _ => per_day.push((day, hour.calls, hour.errors)),
        }
    }
    view! {
        <figure class="chart card">
            <figcaption id="calls-chart-title"><h2>{t!("admin-chart-title")}</h2></figcaption>
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {WIDTH} {}", HEIGHT + 26)
                role="img"
                aria-labelledby="calls-chart-title calls-chart-desc"
                data-testid="calls-chart"
            >
                <desc id="calls-chart-desc">{description.clone()}</desc>
                {days}
                {bars}
                <line class="chart__axis" x1=0 x2=WIDTH y1=HEIGHT y2=HEIGHT />
            </svg>
            <p class="chart__legend">
                <span class="chart__key chart__key--calls" aria-hidden="true"></span>" "{t!("admin-chart-key-calls")}" "
                <span class="chart__key chart__key--errors" aria-hidden="true"></span>" "{t!("admin-chart-key-errors")}" · "
                {description}
            </p>
            <details>
                <summary>{t!("admin-chart-per-day")}</summary>
                <div class="table-wrap" role="region" aria-label=t!("admin-chart-per-day-label") tabindex="0">
                    <table class="table">
                        <thead><tr><th scope="col">{t!("admin-chart-day")}</th><th scope="col">{t!("admin-chart-calls")}</th><th scope="col">{t!("admin-chart-errors")}</th></tr></thead>
                        <tbody>
                            {per_day.into_iter().map(|(day, calls, errors)| view! {
                                <tr><td>{day}</td><td>{count(calls)}</td><td>{count(errors)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
