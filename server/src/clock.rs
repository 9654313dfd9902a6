//! Time as a parameter, so expiry can be tested without sleeping.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until a test moves it.
#[derive(Clone)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock(Arc::new(Mutex::new(start)))
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The first moment after `day` (midnight UTC): something "until" that day ends there.
pub fn end_of_day(day: app::types::CalendarDate) -> Option<DateTime<Utc>> {
    chrono::NaiveDate::from_ymd_opt(day.year, day.month, day.day)?
        .succ_opt()?
        .and_hms_opt(0, 0, 0)
        .map(|at| at.and_utc())
}

/// The last day before `end` (an `end_of_day`), as people read it.
pub fn last_day(end: DateTime<Utc>) -> String {
    (end - Duration::seconds(1)).format("%Y-%m-%d").to_string()
}

/// A point in time as pages show it: to the minute, in UTC, the same on every page.
pub fn shown(at: DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    app::i18n::format_date_time(
        app::i18n::current(),
        (at.year(), at.month(), at.day()),
        (at.hour(), at.minute()),
    )
}
