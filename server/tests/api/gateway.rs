//! API keys through the gateway and the forward-auth endpoint, against an upstream API started
//! by the test: what goes through, what is refused and why, and how fast changes count.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Uri};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::{api_key, gateway_usage, membership};

use crate::helpers::{TestApp, invalid, unique_email};
use crate::on_both_engines;

const SLUG: &str = "payments-api";

/// An upstream API that answers with what it received; `/slow…` takes 3 seconds, `/big…`
/// sends 2 MB.
pub async fn upstream() -> SocketAddr {
    async fn echo(
        method: Method,
        uri: Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> axum::response::Response {
        use axum::response::IntoResponse;
        // As received, still percent-encoded.
        let path = uri.path().trim_start_matches('/').to_owned();
        if path.ends_with("slow") {
            tokio::time::sleep(Duration::from_secs(3)).await;
        }
        if path.ends_with("big") {
            return vec![b'x'; 2 * 1024 * 1024].into_response();
        }
        let headers: serde_json::Map<String, serde_json::Value> = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().into()))
            .collect();
        (
            [("x-upstream", "echo")],
            axum::Json(serde_json::json!({
                "method": method.as_str(),
                "path": format!("/{path}"),
                "query": uri.query(),
                "headers": headers,
                "body": String::from_utf8_lossy(&body),
            })),
        )
            .into_response()
    }
    let router = axum::Router::new()
        .route("/", axum::routing::any(echo))
        .route("/{*path}", axum::routing::any(echo));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind upstream");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, router).await });
    address
}

pub struct Setup {
    pub admin: String,
    pub dev: String,
    pub dev_id: uuid::Uuid,
    pub organization: String,
}

impl TestApp {
    /// Payments published with its sandbox at `{upstream}/v2` and production at
    /// `{upstream}/prod`, granted in both environments to a developer's organization.
    pub async fn gateway_setup(&self, upstream: SocketAddr) -> Setup {
        let (_, admin) = self.signed_in(&unique_email("admin"), true).await;
        self.published(&admin, "listed").await;
        self.point_at(&admin, &format!("http://{upstream}")).await;
        let (dev, cookie) = self.signed_in(&unique_email("dev"), false).await;
        let organization = membership::Entity::find()
            .filter(membership::Column::UserId.eq(dev.id))
            .one(&self.portal.db)
            .await
            .expect("query")
            .expect("membership")
            .organization_id
            .to_string();
        self.call_json(
            "admin-grant-access",
            Some(&admin),
            &[
                ("slug", SLUG),
                ("organization_id", &organization),
                ("sandbox", "true"),
                ("production", "true"),
            ],
        )
        .await;
        Setup {
            admin,
            dev: cookie,
            dev_id: dev.id,
            organization,
        }
    }

    pub async fn point_at(&self, admin: &str, base: &str) {
        self.call_json(
            "admin-update-collection",
            Some(admin),
            &[
                ("current_slug", SLUG),
                ("name", "Payments API"),
                ("slug", SLUG),
                ("visibility", "listed"),
                ("status", "published"),
                ("sandbox_url", &format!("{base}/v2")),
                ("production_url", &format!("{base}/prod")),
            ],
        )
        .await;
    }

    /// Makes a key through the keys page's server function; returns (id, token).
    pub async fn key(
        &self,
        cookie: &str,
        environment: &str,
        allowed: &str,
        blocked: &str,
    ) -> (String, String) {
        let issued = self
            .call_json(
                "create-api-key",
                Some(cookie),
                &[
                    ("name", "test key"),
                    ("environment", environment),
                    ("allowed_ips", allowed),
                    ("blocked_ips", blocked),
                ],
            )
            .await;
        (
            issued["key"]["id"].as_str().expect("id").to_owned(),
            issued["token"].as_str().expect("token").to_owned(),
        )
    }

    async fn through(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut request = self.client.get(self.url(path));
        if let Some(token) = token {
            request = request.header("x-api-key", token);
        }
        request.send().await.expect("gateway call")
    }

    async fn status_through(&self, path: &str, token: &str) -> (u16, String) {
        let response = self.through(path, Some(token)).await;
        let status = response.status().as_u16();
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        (status, body["error"].as_str().unwrap_or("").to_owned())
    }

    /// The usage figures stored so far (after writing what is counted in memory).
    pub async fn calls(&self) -> Vec<gateway_usage::Model> {
        self.portal.gateway.usage.flush().await;
        gateway_usage::Entity::find()
            .all(&self.portal.db)
            .await
            .expect("calls")
    }
}

on_both_engines!(
    a_valid_key_reaches_the_api_with_its_identity,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let (key_id, token) = app.key(&setup.dev, "sandbox", "", "").await;

        let response = app
            .client
            .get(app.url("/gateway/payments-api/sandbox/payments/42?expand=refunds&x=1"))
            .header("x-api-key", &token)
            .header("cookie", format!("theme=dark; {}", setup.dev))
            .header("x-request-id", "trace-me")
            .send()
            .await
            .expect("call");
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["x-upstream"],
            "echo",
            "the upstream's headers come back"
        );
        let echo: serde_json::Value = response.json().await.expect("json");
        assert_eq!(echo["method"], "GET");
        assert_eq!(echo["path"], "/v2/payments/42");
        assert_eq!(echo["query"], "expand=refunds&x=1");
        let headers = &echo["headers"];
        assert_eq!(headers["x-portico-key-id"], key_id);
        assert!(
            headers["x-portico-org"]
                .as_str()
                .expect("org")
                .starts_with("org-")
        );
        assert!(
            headers.get("x-api-key").is_none(),
            "the key stays at the gateway"
        );
        assert_eq!(
            headers["cookie"], "theme=dark",
            "the portal session stays at the gateway"
        );
        assert_eq!(headers["x-request-id"], "trace-me");
        assert_eq!(headers["x-forwarded-for"], "127.0.0.1");

        // A body goes through as it is; Bearer works too and is not passed on.
        let response = app
            .client
            .post(app.url("/gateway/payments-api/sandbox/payments"))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(r#"{"amount":1250,"currency":"EUR"}"#)
            .send()
            .await
            .expect("call");
        assert_eq!(response.status(), 200);
        let echo: serde_json::Value = response.json().await.expect("json");
        assert_eq!(echo["method"], "POST");
        assert_eq!(echo["body"], r#"{"amount":1250,"currency":"EUR"}"#);
        assert!(echo["headers"].get("authorization").is_none());
        assert_eq!(echo["headers"]["content-type"], "application/json");

        // Large answers stream back whole.
        let big = app
            .through("/gateway/payments-api/sandbox/big", Some(&token))
            .await;
        assert_eq!(big.bytes().await.expect("body").len(), 2 * 1024 * 1024);

        let calls = app.calls().await;
        assert_eq!(
            calls.iter().map(|c| c.calls).sum::<i64>(),
            3,
            "every call counted"
        );
        assert!(calls.iter().all(|c| c.status == 200 && c.outcome == "ok"));
        assert!(
            calls
                .iter()
                .all(|c| c.key_id.map(|k| k.to_string()) == Some(key_id.clone()))
        );
        assert!(
            calls
                .iter()
                .all(|c| c.latency_total_us > 0 && c.latency_max_us > 0)
        );
        let overview = app.call_json("api-keys", Some(&setup.dev), &[]).await;
        assert_eq!(overview["keys"][0]["calls_24h"], 3, "usage per key");
        assert_eq!(overview["keys"][0]["failed_24h"], 0);
        let stored = api_key::Entity::find()
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("key");
        assert!(stored.last_used_at.is_some(), "last use noted");
        assert_ne!(stored.secret_hash, token, "only the hash is stored");
        assert_eq!(
            stored.secret_hash,
            hex_sha256(&token),
            "the hash is SHA-256"
        );
        let overview = app.call_json("api-keys", Some(&setup.dev), &[]).await;
        assert!(
            !overview.to_string().contains(&token),
            "the token is never shown again"
        );
    }
);

/// A GET written byte for byte, so the path arrives exactly as given; returns the status.
async fn raw_get(address: SocketAddr, path: &str, token: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nX-API-Key: {token}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    let text = String::from_utf8_lossy(&answer);
    text.split_whitespace()
        .nth(1)
        .and_then(|status| status.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text}"))
}

fn hex_sha256(text: &str) -> String {
    server::auth::hash_token(text)
}

on_both_engines!(
    refusals_say_why_and_are_recorded,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let (_, token) = app.key(&setup.dev, "sandbox", "", "").await;
        let path = "/gateway/payments-api/sandbox/payments";
        let missing = app.through(path, None).await;
        assert_eq!(missing.status(), 401);
        assert!(missing.headers().contains_key("www-authenticate"));
        let mut tampered = token.clone().into_bytes();
        tampered[12] = if tampered[12] == b'a' { b'b' } else { b'a' };
        let tampered = String::from_utf8(tampered).expect("ascii");
        let unknown = server::keys::token::ApiKeyToken::generate(app::types::Environment::Sandbox);
        for (token, status, error) in [
            ("not-a-key", 401, "malformed_key"),
            (tampered.as_str(), 401, "malformed_key"),
            (unknown.expose(), 401, "unknown_key"),
        ] {
            assert_eq!(
                app.status_through(path, token).await,
                (status, error.to_owned()),
                "{error}"
            );
        }
        let (_, production) = app.key(&setup.dev, "production", "", "").await;
        assert_eq!(
            app.status_through(path, &production).await,
            (403, "wrong_environment".to_owned())
        );
        assert_eq!(
            app.status_through("/gateway/payments-api/production/payments", &production)
                .await
                .0,
            200
        );
        assert_eq!(
            app.status_through("/gateway/payments-api/staging/x", &token)
                .await,
            (404, "unknown_environment".to_owned())
        );
        assert_eq!(
            app.status_through("/gateway/no-such-api/sandbox/x", &token)
                .await,
            (403, "no_access".to_owned())
        );
        // Another collection, published but not granted.
        let shipping = include_str!("../../demo/shipping.json");
        let location = app
            .upload("/admin/collections/import", &setup.admin, shipping)
            .await;
        let other = location
            .trim_start_matches("/admin/collections/")
            .split('?')
            .next()
            .expect("slug")
            .to_owned();
        app.call_json(
            "admin-update-collection",
            Some(&setup.admin),
            &[
                ("current_slug", &other),
                ("name", "Shipping"),
                ("slug", &other),
                ("visibility", "listed"),
                ("status", "published"),
                ("sandbox_url", &format!("http://{upstream}/ship")),
            ],
        )
        .await;
        assert_eq!(
            app.status_through(&format!("/gateway/{other}/sandbox/x"), &token)
                .await,
            (403, "no_access".to_owned()),
            "no grant"
        );
        // Sent as it is (HTTP clients would resolve the dots before sending).
        for climb in ["a/%2e%2e/%2e%2e/admin", "..%2Fadmin", "a/%2F/b"] {
            assert_eq!(
                raw_get(
                    app.address,
                    &format!("/gateway/payments-api/sandbox/{climb}"),
                    &token
                )
                .await,
                400,
                "{climb}"
            );
        }
        // Encoded characters reach the upstream still encoded.
        let echo: serde_json::Value = app
            .through(
                "/gateway/payments-api/sandbox/files/a%3Fb%20c",
                Some(&token),
            )
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(echo["path"], "/v2/files/a%3Fb%20c");
        assert_eq!(echo["query"], serde_json::Value::Null);
        let outcomes: Vec<String> = app.calls().await.into_iter().map(|c| c.outcome).collect();
        for expected in [
            "missing_key",
            "malformed_key",
            "unknown_key",
            "wrong_environment",
            "unknown_environment",
            "no_access",
            "bad_path",
            "ok",
        ] {
            assert!(
                outcomes.iter().any(|o| o == expected),
                "{expected} in {outcomes:?}"
            );
        }
    }
);

on_both_engines!(
    deactivated_expired_refreshed_and_deleted_keys,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let path = "/gateway/payments-api/sandbox/payments";
        let (id, token) = app.key(&setup.dev, "sandbox", "", "").await;
        let set_active = |active: &'static str| {
            let app = &app;
            let cookie = setup.dev.clone();
            let id = id.clone();
            async move {
                app.call_with(
                    "set-api-key-active",
                    Some(&cookie),
                    &[("key_id", &id), ("active", active)],
                )
                .await
                .status()
                .as_u16()
            }
        };
        assert_eq!(set_active("false").await, 200);
        assert_eq!(
            app.status_through(path, &token).await,
            (401, "key_deactivated".into())
        );
        assert_eq!(set_active("false").await, 409, "already deactivated");
        assert_eq!(set_active("true").await, 200);
        assert_eq!(app.status_through(path, &token).await.0, 200);

        // Refreshing without overlap: the old token stops at once.
        let refresh = |overlap: &'static str| {
            let app = &app;
            let cookie = setup.dev.clone();
            let id = id.clone();
            async move {
                app.call_json(
                    "refresh-api-key",
                    Some(&cookie),
                    &[("key_id", &id), ("overlap", overlap)],
                )
                .await["token"]
                    .as_str()
                    .expect("new token")
                    .to_owned()
            }
        };
        let second = refresh("none").await;
        assert_eq!(
            app.status_through(path, &token).await,
            (401, "unknown_key".into())
        );
        assert_eq!(app.status_through(path, &second).await.0, 200);
        // With an hour's overlap both work, until the overlap ends.
        let third = refresh("1h").await;
        assert_eq!(
            app.status_through(path, &second).await.0,
            200,
            "old one, in the overlap"
        );
        assert_eq!(app.status_through(path, &third).await.0, 200);
        app.clock.advance(chrono::Duration::minutes(61));
        assert_eq!(
            app.status_through(path, &second).await,
            (401, "unknown_key".into())
        );
        assert_eq!(app.status_through(path, &third).await.0, 200);

        // A key with a last day stops after it (today, here: the clock stands at 10:01).
        let issued = app
            .call_json(
                "create-api-key",
                Some(&setup.dev),
                &[
                    ("name", "until tonight"),
                    ("environment", "sandbox"),
                    (
                        "expires_on",
                        &app.clock_now().format("%Y-%m-%d").to_string(),
                    ),
                ],
            )
            .await;
        let short = issued["token"].as_str().expect("token").to_owned();
        app.clock.advance(chrono::Duration::hours(8));
        assert_eq!(
            app.status_through(path, &short).await.0,
            200,
            "18:01, still today"
        );
        // (The developer's session is kept alive by a visit; it would end after 12 idle hours.)
        app.call_json("api-keys", Some(&setup.dev), &[]).await;
        app.clock.advance(chrono::Duration::hours(8));
        assert_eq!(
            app.status_through(path, &short).await,
            (401, "key_expired".into())
        );
        let overview = app.call_json("api-keys", Some(&setup.dev), &[]).await;
        let states: Vec<&str> = overview["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .filter_map(|k| k["state"].as_str())
            .collect();
        assert!(
            states.contains(&"Expired") && states.contains(&"Active"),
            "{states:?}"
        );

        assert_eq!(
            app.call_with("delete-api-key", Some(&setup.dev), &[("key_id", &id)])
                .await
                .status(),
            200
        );
        assert_eq!(
            app.status_through(path, &third).await,
            (401, "unknown_key".into())
        );
        for action in [
            "key.created",
            "key.refreshed",
            "key.deactivated",
            "key.reactivated",
            "key.deleted",
        ] {
            assert!(app.audit_count(action).await >= 1, "{action} audited");
        }
    }
);

on_both_engines!(
    changes_reach_another_process_within_a_second,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let (id, token) = app.key(&setup.dev, "sandbox", "", "").await;
        let other = app.sibling().await;
        let path = "/gateway/payments-api/sandbox/payments";
        let status_there = |token: String| {
            let client = app.client.clone();
            let url = other.url(path);
            async move {
                client
                    .get(url)
                    .header("x-api-key", token)
                    .send()
                    .await
                    .expect("call")
                    .status()
                    .as_u16()
            }
        };
        // The other process has the key cached; each change below is made through this one.
        let until_refused = |what: &'static str| {
            let token = token.clone();
            let status_there = &status_there;
            async move {
                let started = Instant::now();
                loop {
                    let status = status_there(token.clone()).await;
                    if status != 200 {
                        let took = started.elapsed();
                        assert!(took <= Duration::from_millis(1100), "{what} took {took:?}");
                        return status;
                    }
                    assert!(
                        started.elapsed() < Duration::from_secs(3),
                        "{what} never counted"
                    );
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        };
        let until_allowed = || {
            let token = token.clone();
            let status_there = &status_there;
            async move {
                for _ in 0..60 {
                    if status_there(token.clone()).await == 200 {
                        return;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                panic!("never allowed again");
            }
        };
        assert_eq!(status_there(token.clone()).await, 200);

        app.call_json(
            "set-api-key-active",
            Some(&setup.dev),
            &[("key_id", &id), ("active", "false")],
        )
        .await;
        assert_eq!(until_refused("deactivation").await, 401);
        app.call_json(
            "set-api-key-active",
            Some(&setup.dev),
            &[("key_id", &id), ("active", "true")],
        )
        .await;
        until_allowed().await;

        app.call_json(
            "admin-revoke-access",
            Some(&setup.admin),
            &[
                ("slug", SLUG),
                ("organization_id", &setup.organization),
                ("environment", "sandbox"),
            ],
        )
        .await;
        assert_eq!(until_refused("revocation").await, 403);
        app.call_json(
            "admin-grant-access",
            Some(&setup.admin),
            &[
                ("slug", SLUG),
                ("organization_id", &setup.organization),
                ("sandbox", "true"),
            ],
        )
        .await;
        until_allowed().await;

        app.call_json(
            "admin-set-portal-access",
            Some(&setup.admin),
            &[
                ("organization_id", &setup.organization),
                ("enabled", "false"),
            ],
        )
        .await;
        assert_eq!(until_refused("organization switched off").await, 403);
        let _ = setup.dev_id;
    }
);

on_both_engines!(
    address_rules_and_trusted_proxies,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let path = "/gateway/payments-api/sandbox/payments";
        let (_, blocked) = app.key(&setup.dev, "sandbox", "", "127.0.0.0/8").await;
        assert_eq!(
            app.status_through(path, &blocked).await,
            (403, "blocked_address".into())
        );
        let (_, elsewhere) = app
            .key(&setup.dev, "sandbox", "10.0.0.0/8, 2001:db8::/32", "")
            .await;
        assert_eq!(
            app.status_through(path, &elsewhere).await,
            (403, "address_not_allowed".into())
        );
        let (_, here) = app.key(&setup.dev, "sandbox", "127.0.0.1", "").await;
        assert_eq!(app.status_through(path, &here).await.0, 200);
        let (_, both) = app
            .key(&setup.dev, "sandbox", "127.0.0.1", "127.0.0.1")
            .await;
        assert_eq!(
            app.status_through(path, &both).await,
            (403, "blocked_address".into()),
            "blocked wins"
        );

        // Not a trusted proxy: X-Forwarded-For is ignored.
        let (_, office) = app.key(&setup.dev, "sandbox", "203.0.113.0/24", "").await;
        let forwarded = app
            .client
            .get(app.url(path))
            .header("x-api-key", &office)
            .header("x-forwarded-for", "203.0.113.7")
            .send()
            .await
            .expect("call");
        assert_eq!(forwarded.status(), 403);

        // Bad rules are pointed out one by one, and nothing is made.
        let before = app.call_json("api-keys", Some(&setup.dev), &[]).await["keys"]
            .as_array()
            .map(Vec::len);
        let (field, message) = invalid(
            app.call_with(
                "create-api-key",
                Some(&setup.dev),
                &[
                    ("name", "bad"),
                    ("environment", "sandbox"),
                    ("allowed_ips", "10.0.0.1\n10.0.0.999, 10.1.0.0/99"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(field, "allowed_ips");
        assert!(
            message.contains("10.0.0.999") && message.contains("10.1.0.0/99"),
            "{message}"
        );
        let after = app.call_json("api-keys", Some(&setup.dev), &[]).await["keys"]
            .as_array()
            .map(Vec::len);
        assert_eq!(before, after);
    }
);

/// Behind a trusted proxy, the client is the address the proxy forwarded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trusted_proxy_names_the_client() {
    let app = TestApp::spawn_with(crate::helpers::Engine::Sqlite, |settings| {
        settings.trusted_proxies = app::keys::CidrList::parse("127.0.0.1/32").expect("cidr");
    })
    .await
    .expect("sqlite");
    let upstream = upstream().await;
    let setup = app.gateway_setup(upstream).await;
    let (_, office) = app.key(&setup.dev, "sandbox", "203.0.113.0/24", "").await;
    let call = |forwarded: &'static str| {
        app.client
            .get(app.url("/gateway/payments-api/sandbox/payments"))
            .header("x-api-key", &office)
            .header("x-forwarded-for", forwarded)
            .send()
    };
    let allowed = call("203.0.113.7").await.expect("call");
    assert_eq!(allowed.status(), 200);
    let echo: serde_json::Value = allowed.json().await.expect("json");
    assert_eq!(echo["headers"]["x-forwarded-for"], "203.0.113.7, 127.0.0.1");
    // A client cannot smuggle an address in front of what the proxy saw.
    assert_eq!(
        call("203.0.113.7, 198.51.100.9")
            .await
            .expect("call")
            .status(),
        403
    );
    assert_eq!(call("198.51.100.9").await.expect("call").status(), 403);
    let calls = app.calls().await;
    assert!(
        calls
            .iter()
            .any(|c| c.status == 200 && c.last_client_addr.as_deref() == Some("203.0.113.7"))
    );
}

/// Upstream failures are 502 (unreachable) and 504 (too slow), with a reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upstream_failures_are_explained() {
    let app = TestApp::spawn_with(crate::helpers::Engine::Sqlite, |settings| {
        settings.gateway_timeout = chrono::Duration::seconds(1);
    })
    .await
    .expect("sqlite");
    let upstream = upstream().await;
    let setup = app.gateway_setup(upstream).await;
    let (_, token) = app.key(&setup.dev, "sandbox", "", "").await;
    let started = Instant::now();
    assert_eq!(
        app.status_through("/gateway/payments-api/sandbox/slow", &token)
            .await,
        (504, "upstream_timeout".into())
    );
    assert!(started.elapsed() < Duration::from_millis(2500));
    // Nothing listens on port 9 of this machine.
    app.point_at(&setup.admin, "http://127.0.0.1:9").await;
    tokio::time::sleep(server::gateway::FRESH_FOR).await;
    assert_eq!(
        app.status_through("/gateway/payments-api/sandbox/x", &token)
            .await,
        (502, "upstream_unreachable".into())
    );
}

on_both_engines!(
    forward_auth_gives_the_gateways_decision,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let (key_id, token) = app.key(&setup.dev, "sandbox", "", "").await;
        let check = |uri: &'static str, token: Option<String>| {
            let mut request = app
                .client
                .get(app.url("/api/v1/gateway/authorize"))
                .header("x-original-uri", uri)
                .header("x-original-method", "POST");
            if let Some(token) = token {
                request = request.header("x-api-key", token);
            }
            request.send()
        };
        let allowed = check("/payments-api/sandbox/payments?x=1", Some(token.clone()))
            .await
            .expect("check");
        assert_eq!(allowed.status(), 200);
        assert_eq!(allowed.headers()["x-portico-key-id"], key_id.as_str());
        assert_eq!(allowed.headers()["x-portico-collection"], SLUG);
        assert_eq!(allowed.headers()["x-portico-environment"], "sandbox");
        assert_eq!(
            check("/payments-api/sandbox/x", None)
                .await
                .expect("check")
                .status(),
            401
        );
        assert_eq!(
            check("/payments-api/production/x", Some(token.clone()))
                .await
                .expect("check")
                .status(),
            403
        );
        // Envoy's ext_authz appends the original path to the service's.
        let envoy = app
            .client
            .post(app.url("/api/v1/gateway/authorize/gateway/payments-api/sandbox/payments"))
            .header("authorization", format!("Bearer {token}"))
            .send()
            .await
            .expect("check");
        assert_eq!(
            envoy.status(),
            200,
            "POST from an API client is not a cross-site form"
        );
        let calls = app.calls().await;
        assert_eq!(
            calls
                .iter()
                .filter(|c| c.outcome == "authorized")
                .map(|c| c.calls)
                .sum::<i64>(),
            2,
            "both allowed checks counted"
        );
    }
);

on_both_engines!(
    only_the_maker_and_organization_admins_change_a_key,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let (id, _) = app.key(&setup.dev, "sandbox", "", "").await;
        let (_, colleague) = app
            .colleague(setup.dev_id, "colleague", membership::ROLE_MEMBER)
            .await;
        let (_, org_admin) = app
            .colleague(setup.dev_id, "orgadmin", membership::ROLE_ADMIN)
            .await;
        let (_, stranger) = app.signed_in(&unique_email("stranger"), false).await;
        let seen = app.call_json("api-keys", Some(&colleague), &[]).await;
        assert_eq!(
            seen["keys"][0]["id"], id,
            "members see their organization's keys"
        );
        assert_eq!(seen["keys"][0]["can_change"], false);
        assert_eq!(
            app.call_json("api-keys", Some(&stranger), &[]).await["keys"],
            serde_json::json!([])
        );
        let deactivate = |cookie: String| {
            let app = &app;
            let id = id.clone();
            async move {
                app.call_with(
                    "set-api-key-active",
                    Some(&cookie),
                    &[("key_id", &id), ("active", "false")],
                )
                .await
                .status()
                .as_u16()
            }
        };
        assert_eq!(deactivate(stranger.clone()).await, 404);
        assert_eq!(deactivate(colleague.clone()).await, 403);
        assert_eq!(
            app.call_with("refresh-api-key", Some(&colleague), &[("key_id", &id)])
                .await
                .status(),
            403
        );
        assert_eq!(
            app.call_with("delete-api-key", Some(&stranger), &[("key_id", &id)])
                .await
                .status(),
            404
        );
        assert_eq!(deactivate(org_admin.clone()).await, 200);
        for endpoint in [
            "api-keys",
            "create-api-key",
            "refresh-api-key",
            "set-api-key-active",
            "delete-api-key",
        ] {
            assert_eq!(
                app.call_with(endpoint, None, &[("key_id", &id), ("active", "true")])
                    .await
                    .status(),
                401,
                "{endpoint} as anonymous"
            );
        }
        let (field, _) = invalid(
            app.call_with(
                "create-api-key",
                Some(&setup.dev),
                &[("name", " "), ("environment", "sandbox")],
            )
            .await,
        )
        .await;
        assert_eq!(field, "name");
        let (field, _) = invalid(
            app.call_with(
                "create-api-key",
                Some(&setup.dev),
                &[
                    ("name", "old"),
                    ("environment", "sandbox"),
                    ("expires_on", "2020-01-01"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(field, "expires_on");
        let (field, _) = invalid(
            app.call_with(
                "create-api-key",
                Some(&setup.dev),
                &[
                    ("name", "x"),
                    ("environment", "sandbox"),
                    ("organization_id", &uuid::Uuid::new_v4().to_string()),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(field, "organization_id", "only one's own organizations");
    }
);

on_both_engines!(
    an_organization_uses_only_the_environments_it_may,
    |app: TestApp| async move {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let (_, production_key) = app.key(&setup.dev, "production", "", "").await;
        let (_, sandbox_key) = app.key(&setup.dev, "sandbox", "", "").await;
        let production = "/gateway/payments-api/production/payments";
        let sandbox = "/gateway/payments-api/sandbox/payments";
        assert_eq!(app.status_through(production, &production_key).await.0, 200);

        // None at all is refused, and changes nothing.
        let none = app
            .call_with(
                "admin-set-organization-environments",
                Some(&setup.admin),
                &[("organization_id", &setup.organization)],
            )
            .await;
        let (field, message) = invalid(none).await;
        assert_eq!(field, "environments");
        assert!(message.contains("at least one"), "{message}");
        // Only a portal admin decides it.
        let refused = app
            .call_with(
                "admin-set-organization-environments",
                Some(&setup.dev),
                &[
                    ("organization_id", &setup.organization),
                    ("sandbox", "true"),
                ],
            )
            .await;
        assert_eq!(refused.status(), 403);

        app.call_json(
            "admin-set-organization-environments",
            Some(&setup.admin),
            &[
                ("organization_id", &setup.organization),
                ("sandbox", "true"),
            ],
        )
        .await;
        assert_eq!(
            app.audit_count("organization.environments_changed").await,
            1
        );
        let rows = app
            .call_json("admin-organizations", Some(&setup.admin), &[])
            .await;
        let row = rows
            .as_array()
            .expect("organizations")
            .iter()
            .find(|o| o["id"] == setup.organization.as_str())
            .expect("the organization")
            .clone();
        assert_eq!(row["environments"], serde_json::json!(["sandbox"]));

        // Its production access ended: the key is refused, sandbox goes on.
        crate::helpers::eventually("the production key to be refused", || {
            let token = production_key.clone();
            let app = &app;
            async move { (app.status_through(production, &token).await.0 == 403).then_some(()) }
        })
        .await;
        assert_eq!(app.status_through(sandbox, &sandbox_key).await.0, 200);

        // Production cannot come back through a grant, a request or a new key.
        let grant = app
            .call_with(
                "admin-grant-access",
                Some(&setup.admin),
                &[
                    ("slug", SLUG),
                    ("organization_id", &setup.organization),
                    ("production", "true"),
                ],
            )
            .await;
        let (field, message) = invalid(grant).await;
        assert_eq!(field, "environments");
        assert!(message.contains("may not use Production"), "{message}");
        let ask = app
            .ask(&setup.dev, &["production"], "We go live next week.")
            .await;
        let (field, message) = invalid(ask).await;
        assert_eq!(field, "environments");
        assert!(message.contains("may use Sandbox only"), "{message}");
        let key = app
            .call_with(
                "create-api-key",
                Some(&setup.dev),
                &[("name", "live"), ("environment", "production")],
            )
            .await;
        let (field, _) = invalid(key).await;
        assert_eq!(field, "environment");

        // Given back, production can be granted again.
        app.call_json(
            "admin-set-organization-environments",
            Some(&setup.admin),
            &[
                ("organization_id", &setup.organization),
                ("sandbox", "true"),
                ("production", "true"),
            ],
        )
        .await;
        app.call_json(
            "admin-grant-access",
            Some(&setup.admin),
            &[
                ("slug", SLUG),
                ("organization_id", &setup.organization),
                ("production", "true"),
            ],
        )
        .await;
        crate::helpers::eventually("the production key to work again", || {
            let token = production_key.clone();
            let app = &app;
            async move { (app.status_through(production, &token).await.0 == 200).then_some(()) }
        })
        .await;
    }
);
