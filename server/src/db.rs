//! Opening the database, keeping its schema current, and asking whether it is there.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use crate::StartError;
use crate::settings::DatabaseUrl;

/// Opens a pool on `url`. For SQLite, the file's folder is created and WAL is switched on, so
/// readers never wait for the writer.
pub async fn connect(url: &DatabaseUrl) -> Result<DatabaseConnection, StartError> {
    let fail = |reason: String| StartError::Database {
        url: url.redacted(),
        reason,
    };
    let mut options = ConnectOptions::new(url.connection_string().to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if let DatabaseUrl::Sqlite { file, .. } = url {
        if let Some(folder) = file
            .as_ref()
            .and_then(|f| f.parent())
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(|e| {
                fail(format!(
                    "cannot create the folder {}: {e}",
                    folder.display()
                ))
            })?;
        }
        options.max_connections(8).map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
        });
    } else {
        options.max_connections(16);
    }
    Database::connect(options)
        .await
        .map_err(|e| fail(describe_connect_error(&e.to_string())))
}

/// sqlx's messages are accurate but terse; say what the operator should check.
fn describe_connect_error(message: &str) -> String {
    if message.contains("Connection refused") {
        format!("nothing is listening there (is the server running?): {message}")
    } else if message.contains("timed out") || message.contains("PoolTimedOut") {
        format!("no answer within 5 seconds (wrong host or firewall?): {message}")
    } else {
        message.to_owned()
    }
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`): a deferred transaction that reads before it writes fails, whatever the busy
/// timeout, when another connection commits in between. Other engines ignore the mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), StartError> {
    Migrator::up(db, None)
        .await
        .map_err(|e| StartError::Migration(e.to_string()))
}
