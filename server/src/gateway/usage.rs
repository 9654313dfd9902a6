//! Usage figures: every gateway call (and forward-auth check) is counted per minute, key,
//! collection, status and outcome, with its latency, without slowing the call. Counting is a map
//! update in memory; a writer stores the tallies once a second. (A row per call would cost more
//! than the call at thousands of calls a second, and grow the database by billions of rows a day.)

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::types::Environment;
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::entities::{api_key, gateway_usage};

/// How often tallies are written.
const WRITE_EVERY: Duration = Duration::from_secs(1);

/// What one call is counted under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bucket {
    /// Minutes since the Unix epoch.
    pub minute: i64,
    pub key_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub collection_id: Option<Uuid>,
    pub environment: Option<Environment>,
    pub status: u16,
    /// `ok`, `authorized`, or why the call was refused or failed.
    pub outcome: &'static str,
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    calls: u64,
    latency_total_us: u64,
    latency_max_us: u64,
    last_client: Option<IpAddr>,
}

type Tallies = Arc<Mutex<HashMap<Bucket, Tally>>>;

enum Message {
    Used(Uuid, DateTime<Utc>),
    Flush(oneshot::Sender<()>),
}

pub struct Usage {
    tallies: Tallies,
    sender: mpsc::Sender<Message>,
}

impl Usage {
    /// Starts the writer; it writes what is left and stops when the `Usage` is dropped.
    pub fn start(db: DatabaseConnection) -> Usage {
        let tallies = Tallies::default();
        let (sender, receiver) = mpsc::channel(1024);
        tokio::spawn(write(db, tallies.clone(), receiver));
        Usage { tallies, sender }
    }

    pub fn record(&self, bucket: Bucket, latency: Duration, client: Option<IpAddr>) {
        let latency = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
        let Ok(mut tallies) = self.tallies.lock() else {
            return;
        };
        let tally = tallies.entry(bucket).or_default();
        tally.calls += 1;
        tally.latency_total_us = tally.latency_total_us.saturating_add(latency);
        tally.latency_max_us = tally.latency_max_us.max(latency);
        if client.is_some() {
            tally.last_client = client;
        }
    }

    /// Notes that a key was used (the caller sends it at most once a minute per key).
    pub fn touch(&self, key: Uuid, at: DateTime<Utc>) {
        let _ = self.sender.try_send(Message::Used(key, at));
    }

    /// Waits until everything counted so far is stored.
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.sender.send(Message::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }
}

/// The minute `at` falls in, as `Bucket::minute`.
pub fn minute_of(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(60)
}

async fn write(db: DatabaseConnection, tallies: Tallies, mut receiver: mpsc::Receiver<Message>) {
    let mut every = tokio::time::interval(WRITE_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = every.tick() => store(&db, &tallies).await,
            message = receiver.recv() => match message {
                Some(Message::Used(key, at)) => {
                    let updated = api_key::Entity::update_many()
                        .col_expr(api_key::Column::LastUsedAt, Expr::value(at))
                        .filter(api_key::Column::Id.eq(key))
                        .exec(&db)
                        .await;
                    if let Err(error) = updated {
                        tracing::warn!(%error, "could not note when a key was last used");
                    }
                }
                Some(Message::Flush(done)) => {
                    store(&db, &tallies).await;
                    let _ = done.send(());
                }
                None => {
                    store(&db, &tallies).await;
                    return;
                }
            },
        }
    }
}

async fn store(db: &DatabaseConnection, tallies: &Tallies) {
    let taken = match tallies.lock() {
        Ok(mut tallies) => std::mem::take(&mut *tallies),
        Err(_) => return,
    };
    if taken.is_empty() {
        return;
    }
    let rows: Vec<gateway_usage::ActiveModel> = taken
        .into_iter()
        .map(|(bucket, tally)| gateway_usage::ActiveModel {
            minute: Set(Utc
                .timestamp_opt(bucket.minute * 60, 0)
                .single()
                .unwrap_or_default()),
            key_id: Set(bucket.key_id),
            organization_id: Set(bucket.organization_id),
            collection_id: Set(bucket.collection_id),
            environment: Set(bucket.environment.map(|e| e.as_str().to_owned())),
            status: Set(i32::from(bucket.status)),
            outcome: Set(bucket.outcome.to_owned()),
            calls: Set(i64::try_from(tally.calls).unwrap_or(i64::MAX)),
            latency_total_us: Set(i64::try_from(tally.latency_total_us).unwrap_or(i64::MAX)),
            latency_max_us: Set(i64::try_from(tally.latency_max_us).unwrap_or(i64::MAX)),
            last_client_addr: Set(tally.last_client.map(|c| c.to_string())),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(500) {
        if let Err(error) = gateway_usage::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await
        {
            tracing::warn!(%error, "could not store gateway usage figures");
        }
    }
}
