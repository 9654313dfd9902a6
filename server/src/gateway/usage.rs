//! Usage figures: each gateway call is recorded (time, key, status, latency, outcome) without
//! slowing the call. Calls queue in memory and a writer stores them in batches.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::entities::{api_key, gateway_call};

/// Calls waiting to be written; beyond this, new ones are counted and dropped rather than
/// slowing the gateway down.
const QUEUE: usize = 20_000;
/// Rows per insert.
const BATCH: usize = 500;

enum Message {
    Call(Box<gateway_call::ActiveModel>),
    Used(Uuid, DateTime<Utc>),
    Flush(oneshot::Sender<()>),
}

pub struct Usage {
    sender: mpsc::Sender<Message>,
    dropped: AtomicU64,
}

impl Usage {
    /// Starts the writer; it stops when the `Usage` is dropped.
    pub fn start(db: DatabaseConnection) -> Usage {
        let (sender, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(write(db, receiver));
        Usage {
            sender,
            dropped: AtomicU64::new(0),
        }
    }

    pub fn record(&self, call: gateway_call::ActiveModel) {
        if self.sender.try_send(Message::Call(Box::new(call))).is_err() {
            let dropped = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
            if dropped.is_power_of_two() {
                tracing::warn!(
                    dropped,
                    "gateway usage records dropped: the database is behind"
                );
            }
        }
    }

    /// Notes that a key was used (written at most once a minute per key by the caller).
    pub fn touch(&self, key: Uuid, at: DateTime<Utc>) {
        let _ = self.sender.try_send(Message::Used(key, at));
    }

    /// Waits until everything recorded so far is stored.
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.sender.send(Message::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }
}

async fn write(db: DatabaseConnection, mut receiver: mpsc::Receiver<Message>) {
    let mut messages = Vec::with_capacity(BATCH);
    while receiver.recv_many(&mut messages, BATCH).await > 0 {
        let mut calls = Vec::new();
        let mut flushes = Vec::new();
        for message in messages.drain(..) {
            match message {
                Message::Call(call) => calls.push(*call),
                Message::Used(key, at) => {
                    let updated = api_key::Entity::update_many()
                        .col_expr(api_key::Column::LastUsedAt, Expr::value(at))
                        .filter(api_key::Column::Id.eq(key))
                        .exec(&db)
                        .await;
                    if let Err(error) = updated {
                        tracing::warn!(%error, "could not note when a key was last used");
                    }
                }
                Message::Flush(done) => flushes.push(done),
            }
        }
        if !calls.is_empty()
            && let Err(error) = gateway_call::Entity::insert_many(calls)
                .exec_without_returning(&db)
                .await
        {
            tracing::warn!(%error, "could not store gateway usage records");
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}
