//! `TestApp`: one running Portico per test, each with a database of its own.

use std::net::SocketAddr;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use leptos::config::LeptosOptions;
use sea_orm::{ConnectionTrait, Database};
use server::Portal;
use server::clock::ManualClock;
use server::directory::{add_membership, create_organization, create_user};
use server::entities::{membership, user};
use server::settings::Settings;
use tokio::sync::oneshot;

/// An address no other test uses: all tests in the process share one mailbox.
pub fn unique_email(name: &str) -> String {
    format!(
        "{name}-{}@example.com",
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs the test body once per engine: `on_both_engines!(name, |app| async move { … });`
#[macro_export]
macro_rules! on_both_engines {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let Some(app) =
                    $crate::helpers::TestApp::spawn($crate::helpers::Engine::Sqlite).await
                else {
                    return;
                };
                $crate::helpers::within_time_limit(($body)(app)).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(app) =
                    $crate::helpers::TestApp::spawn($crate::helpers::Engine::Postgres).await
                else {
                    return;
                };
                $crate::helpers::within_time_limit(($body)(app)).await;
            }
        }
    };
}

/// Runs a test body, failing it (instead of hanging the whole run) after three minutes.
pub async fn within_time_limit(body: impl std::future::Future<Output = ()>) {
    if tokio::time::timeout(std::time::Duration::from_secs(180), body)
        .await
        .is_err()
    {
        panic!("the test did not finish within 3 minutes");
    }
}

pub struct TestApp {
    pub address: SocketAddr,
    pub portal: Arc<Portal>,
    pub clock: ManualClock,
    pub client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    _database: TestDatabase,
}

enum TestDatabase {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs inside the test's runtime, which cannot block; a short-lived thread with a
            // runtime of its own can.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                // Bounded, so a stuck server can never hang the test run.
                let _ = runtime.block_on(tokio::time::timeout(
                    std::time::Duration::from_secs(20),
                    async {
                        if let Ok(db) = Database::connect(&admin_url).await {
                            let _ = db
                                .execute_unprepared(&format!(
                                    "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                                ))
                                .await;
                            let _ = db.close().await;
                        }
                    },
                ));
            })
            .join();
        }
    }
}

/// The PostgreSQL server to create test databases on, if the PostgreSQL leg should run.
pub fn postgres_url() -> Option<String> {
    match std::env::var("PORTICO_TEST_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("PORTICO_REQUIRE_POSTGRES").is_err(),
                "PORTICO_REQUIRE_POSTGRES is set but PORTICO_TEST_POSTGRES_URL is not: the PostgreSQL leg must run"
            );
            eprintln!("PostgreSQL leg skipped: PORTICO_TEST_POSTGRES_URL is not set");
            None
        }
    }
}

fn database_url_on(server_url: &str, name: &str) -> String {
    let mut url = url::Url::parse(server_url).expect("PORTICO_TEST_POSTGRES_URL is a URL");
    url.set_path(&format!("/{name}"));
    url.to_string()
}

impl TestApp {
    pub async fn spawn(engine: Engine) -> Option<TestApp> {
        Self::spawn_with(engine, |_| {}).await
    }

    /// Starts Portico after `adjust` has changed its settings.
    pub async fn spawn_with(engine: Engine, adjust: impl FnOnce(&mut Settings)) -> Option<TestApp> {
        // Server logs go to the test's captured output, shown when it fails.
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("PORTICO_TEST_LOG")
                    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
            )
            .try_init();
        let (database_url, database) = match engine {
            Engine::Sqlite => {
                let folder = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}/portico.db?mode=rwc", folder.path().display());
                (url, TestDatabase::Sqlite(folder))
            }
            Engine::Postgres => {
                let admin_url = postgres_url()?;
                let name = format!("portico_test_{}", uuid::Uuid::new_v4().simple());
                let admin = Database::connect(&admin_url)
                    .await
                    .expect("connect to PORTICO_TEST_POSTGRES_URL");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .expect("create test database");
                admin.close().await.expect("close admin connection");
                (
                    database_url_on(&admin_url, &name),
                    TestDatabase::Postgres { admin_url, name },
                )
            }
        };

        // Bind first, so the portal's base URL (links in mail, the trusted origin) is the real one.
        let listener = server::bind("127.0.0.1:0".parse().expect("address"))
            .await
            .expect("bind");
        let address = listener.local_addr().expect("local address");
        let smtp_url = mailbox().smtp_url();
        let secret_key = {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(rand::random::<[u8; 32]>())
        };
        let mut settings = Settings::load(|name| match name {
            "DATABASE_URL" => Some(database_url.clone()),
            "LEPTOS_SITE_ADDR" => Some(address.to_string()),
            "PORTICO_SMTP_URL" => Some(smtp_url.clone()),
            "PORTICO_SECRET_KEY" => Some(secret_key.clone()),
            _ => None,
        })
        .expect("test settings are valid");
        adjust(&mut settings);

        let clock = ManualClock::new(
            Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
                .single()
                .expect("date"),
        );
        let portal = Arc::new(
            Portal::open(settings, Arc::new(clock.clone()))
                .await
                .expect("portal opens"),
        );
        let leptos = LeptosOptions::builder()
            .output_name("portico")
            .site_root(site_root())
            .site_addr(address)
            .build();
        let router = portal.router(leptos);
        let (shutdown, stopped) = oneshot::channel::<()>();
        tokio::spawn(server::serve(listener, router, async {
            let _ = stopped.await;
        }));

        Some(TestApp {
            address,
            portal,
            clock,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                // A request that never gets an answer fails its test, naming the address.
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .expect("client"),
            shutdown: Some(shutdown),
            _database: database,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    /// Loads a page the way a browser navigates to it.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("accept", BROWSER_ACCEPT)
            .send()
            .await
            .expect("GET")
    }

    pub async fn get_as(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("accept", BROWSER_ACCEPT)
            .header("cookie", cookie)
            .send()
            .await
            .expect("GET")
    }

    /// Calls a server function without arguments, the way the browser does.
    pub async fn call(&self, endpoint: &str, cookie: Option<&str>) -> reqwest::Response {
        self.call_with(endpoint, cookie, &[]).await
    }

    /// Calls a server function with form-encoded arguments, the way the browser does.
    pub async fn call_with(
        &self,
        endpoint: &str,
        cookie: Option<&str>,
        arguments: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(&format!("/rpc/{endpoint}")))
            .form(arguments);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("POST")
    }

    /// A new organization with portal access and a unique slug.
    pub async fn organization(&self, name: &str) -> server::entities::organization::Model {
        let slug = app::types::Slug::parse(&format!(
            "org-{}",
            &uuid::Uuid::new_v4().simple().to_string()[..12]
        ))
        .expect("slug");
        create_organization(&self.portal.db, &self.clock, name, &slug)
            .await
            .expect("organization")
    }

    /// A user in a fresh organization, signed in; returns the cookie header to send.
    pub async fn signed_in(&self, address: &str, is_admin: bool) -> (user::Model, String) {
        let db = &self.portal.db;
        let clock = &self.clock;
        let email = app::types::Email::parse(address).expect("test email");
        let person = create_user(db, clock, &email, is_admin)
            .await
            .expect("user");
        let organization = self.organization("Test Org").await;
        add_membership(
            db,
            clock,
            person.id,
            organization.id,
            membership::ROLE_MEMBER,
        )
        .await
        .expect("membership");
        let token = self
            .portal
            .sessions
            .start(db, person.id, Some("integration test".into()), None, None)
            .await
            .expect("session");
        let cookie = format!("{}={}", self.portal.sessions.cookie_name(), token.expose());
        (person, cookie)
    }
}

/// The `Accept` header of a browser's navigation (Leptos answers redirects with 302 only then).
const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// Asserts a validation error (422) and returns the field it names and its message.
pub async fn invalid(response: reqwest::Response) -> (String, String) {
    assert_eq!(response.status(), 422, "expected a validation error");
    let error: serde_json::Value = response.json().await.expect("json error");
    (
        error["Invalid"]["field"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        error["Invalid"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

/// Polls `check` (every 100 ms, 10 seconds at most) until it gives a value: for work that
/// happens after the answer, off the request path.
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..100 {
        if let Some(value) = check().await {
            return value;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

impl TestApp {
    /// Calls a server function and reads its JSON answer, asserting success.
    pub async fn call_json(
        &self,
        endpoint: &str,
        cookie: Option<&str>,
        arguments: &[(&str, &str)],
    ) -> serde_json::Value {
        let response = self.call_with(endpoint, cookie, arguments).await;
        let status = response.status();
        let body = response.text().await.expect("body");
        assert_eq!(status, 200, "{endpoint}: {body}");
        serde_json::from_str(&body).unwrap_or(serde_json::Value::Null)
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        use server::clock::Clock;
        self.clock.now()
    }

    /// How many audit events with `action` were recorded.
    pub async fn audit_count(&self, action: &str) -> u64 {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        use server::entities::audit_event;
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(action))
            .count(&self.portal.db)
            .await
            .expect("count audit events")
    }

    pub async fn post_json(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .expect("POST")
    }

    pub async fn request_link(&self, email: &str) -> reqwest::Response {
        self.post_json(
            "/api/v1/developer-portal/request-link",
            serde_json::json!({ "email": email }),
        )
        .await
    }

    pub async fn validate(&self, token: &str) -> reqwest::Response {
        self.post_json(
            "/api/v1/developer-portal/validate-token",
            serde_json::json!({ "token": token }),
        )
        .await
    }

    /// Waits for the next sign-in mail to `email` and returns the token in its link.
    pub async fn token_from_mail(&self, email: &str, nth: usize) -> String {
        let messages = mailbox().wait_for(email, nth).await;
        let text = messages[nth - 1]["text"]
            .as_str()
            .expect("text part")
            .to_owned();
        let link = text
            .split_whitespace()
            .find(|word| word.contains("/auth/magic?token="))
            .unwrap_or_else(|| panic!("no link in {text}"));
        assert!(link.starts_with(&self.url("/auth/magic?token=")), "{link}");
        link.rsplit_once("token=").expect("token").1.to_owned()
    }
}

/// A real SMTP server (nodemailer's smtp-server, `end2end/mailbox.mjs`), one per test process.
pub struct Mailbox {
    smtp_port: u16,
    starttls_port: u16,
    smtps_port: u16,
    http_port: u16,
    _process: std::sync::Mutex<std::process::Child>,
}

pub fn mailbox() -> &'static Mailbox {
    static MAILBOX: std::sync::OnceLock<Mailbox> = std::sync::OnceLock::new();
    MAILBOX.get_or_init(|| {
        use std::io::BufRead;
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/mailbox.mjs");
        let mut child = std::process::Command::new("node")
            .arg(script)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start the test SMTP server (node end2end/mailbox.mjs; run scripts/setup --test first)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("mailbox announces its ports");
        let ports: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|_| panic!("mailbox did not start (npm packages missing? run scripts/setup --test): {line}"));
        Mailbox {
            smtp_port: ports["smtp"].as_u64().expect("smtp port") as u16,
            starttls_port: ports["starttls"].as_u64().expect("starttls port") as u16,
            smtps_port: ports["smtps"].as_u64().expect("smtps port") as u16,
            http_port: ports["http"].as_u64().expect("http port") as u16,
            _process: std::sync::Mutex::new(child),
        }
    })
}

impl Mailbox {
    pub fn smtp_url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.smtp_port)
    }

    /// SMTP that upgrades to TLS with STARTTLS (certificate from the test CA).
    pub fn starttls_url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=required", self.starttls_port)
    }

    /// SMTP inside TLS from the first byte (certificate from the test CA).
    pub fn smtps_url(&self) -> String {
        format!("smtps://127.0.0.1:{}", self.smtps_port)
    }

    /// The test CA that signed the TLS listeners' certificate.
    pub fn ca_file() -> std::path::PathBuf {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/tls/ca.pem").into()
    }

    pub async fn messages_for(&self, email: &str) -> Vec<serde_json::Value> {
        reqwest::get(format!(
            "http://127.0.0.1:{}/messages?to={}",
            self.http_port, email
        ))
        .await
        .expect("mailbox answers")
        .json()
        .await
        .expect("mailbox json")
    }

    /// Waits until `email` has at least `count` messages (10 seconds at most).
    pub async fn wait_for(&self, email: &str, count: usize) -> Vec<serde_json::Value> {
        for _ in 0..100 {
            let messages = self.messages_for(email).await;
            if messages.len() >= count {
                return messages;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("{email} did not receive {count} message(s)");
    }
}

/// A second Portico process on the same database (another node behind a load balancer).
pub struct Sibling {
    pub address: SocketAddr,
    /// Kept for as long as the sibling serves.
    _portal: Arc<Portal>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl Sibling {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }
}

impl Drop for Sibling {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

impl TestApp {
    pub async fn sibling(&self) -> Sibling {
        let listener = server::bind("127.0.0.1:0".parse().expect("address"))
            .await
            .expect("bind");
        let address = listener.local_addr().expect("local address");
        let portal = Arc::new(
            Portal::open(self.portal.settings.clone(), Arc::new(self.clock.clone()))
                .await
                .expect("second portal opens"),
        );
        let leptos = LeptosOptions::builder()
            .output_name("portico")
            .site_root(site_root())
            .site_addr(address)
            .build();
        let router = portal.router(leptos);
        let (shutdown, stopped) = oneshot::channel::<()>();
        tokio::spawn(server::serve(listener, router, async {
            let _ = stopped.await;
        }));
        Sibling {
            address,
            _portal: portal,
            shutdown: Some(shutdown),
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

/// A site root with a stand-in bundle, so asset serving can be tested without building WASM.
fn site_root() -> String {
    let root = std::env::temp_dir().join("portico-test-site");
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).expect("site folder");
    std::fs::write(
        pkg.join("portico.css"),
        "body { color: black; }\n".repeat(200),
    )
    .expect("css");
    std::fs::write(
        root.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .expect("favicon");
    root.display().to_string()
}
