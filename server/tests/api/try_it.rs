//! The try-it console's server function: calls made by Portico through its gateway with an
//! organization's key, against an upstream started by the test; whose keys count, what cannot be
//! reached, and the limits.

use serde_json::{Value, json};

use crate::gateway::upstream;
use crate::helpers::{Engine, TestApp, invalid, unique_email};
use crate::on_both_engines;

const SLUG: &str = "payments-api";

impl TestApp {
    /// Sends a call from the console, the way the browser does (JSON).
    async fn try_call(&self, cookie: Option<&str>, call: Value) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url("/rpc/try-it"))
            .json(&json!({ "call": call }));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("POST try-it")
    }

    async fn try_ok(&self, cookie: &str, call: Value) -> Value {
        let response = self.try_call(Some(cookie), call).await;
        let status = response.status();
        let body = response.text().await.expect("body");
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).expect("json")
    }
}

fn call(operation: &str, key_id: &str, parameters: Value, body: Option<&str>) -> Value {
    json!({
        "slug": SLUG,
        "operation_id": operation,
        "environment": "sandbox",
        "key_id": key_id,
        "parameters": parameters,
        "content_type": body.map(|_| "application/json"),
        "body": body,
    })
}

fn echo_of(result: &Value) -> Value {
    serde_json::from_str(result["body"]["Text"].as_str().expect("text body")).expect("echo")
}

on_both_engines!(
    the_console_calls_through_the_gateway_with_the_organizations_key,
    |app: TestApp| async move {
        let setup = app.gateway_setup(upstream().await).await;
        let (key_id, token) = app.key(&setup.dev, "sandbox", "", "").await;

        let offered = app
            .call_json("try-it-setup", Some(&setup.dev), &[("slug", SLUG)])
            .await;
        assert_eq!(offered["environments"], json!(["sandbox", "production"]));
        assert_eq!(offered["keys"][0]["id"], key_id);
        assert!(
            !offered.to_string().contains(&token[9..]),
            "the token is never sent back"
        );
        assert!(
            offered["gateway_url"]
                .as_str()
                .expect("url")
                .ends_with("/gateway/payments-api")
        );

        let body = r#"{"amount": 1999, "currency": "EUR", "card_token": "tok_visa"}"#;
        let result = app
            .try_ok(
                &setup.dev,
                call(
                    "createPayment",
                    &key_id,
                    json!([{"location": "header", "name": "Idempotency-Key", "value": "k-1"}]),
                    Some(body),
                ),
            )
            .await;
        assert_eq!(result["status"], 200);
        assert_eq!(result["target"], "/payments");
        assert!(result["truncated"] == false);
        assert!(
            result["headers"]
                .as_array()
                .expect("headers")
                .iter()
                .any(|h| h[0] == "x-upstream" && h[1] == "echo")
        );
        let echo = echo_of(&result);
        assert_eq!(echo["method"], "POST");
        assert_eq!(echo["path"], "/v2/payments");
        assert_eq!(echo["body"], body);
        let headers = &echo["headers"];
        assert_eq!(headers["x-portico-key-id"], key_id);
        assert_eq!(headers["idempotency-key"], "k-1");
        assert_eq!(headers["content-type"], "application/json");
        assert!(headers.get("cookie").is_none(), "no session upstream");
        assert!(headers.get("x-api-key").is_none());

        // A path value is one segment: what would add a query stays in it, and what would climb
        // out of the base URL (or hide a slash) is refused, as the gateway refuses it.
        let result = app
            .try_ok(
                &setup.dev,
                call(
                    "getPayment",
                    &key_id,
                    json!([{"location": "path", "name": "paymentId", "value": "a b?x=1#y"}]),
                    None,
                ),
            )
            .await;
        assert_eq!(echo_of(&result)["path"], "/v2/payments/a%20b%3Fx%3D1%23y");
        assert_eq!(echo_of(&result)["query"], Value::Null);
        for climb in ["..", "../admin"] {
            let refused = app
                .try_call(
                    Some(&setup.dev),
                    call(
                        "getPayment",
                        &key_id,
                        json!([{"location": "path", "name": "paymentId", "value": climb}]),
                        None,
                    ),
                )
                .await;
            let (field, message) = invalid(refused).await;
            assert_eq!(field, "parameters");
            assert!(message.contains(".."), "{message}");
        }

        // Query values are encoded; parameters the operation does not declare are refused.
        let result = app
            .try_ok(
                &setup.dev,
                call(
                    "listPayments",
                    &key_id,
                    json!([{"location": "query", "name": "status", "value": "a&b"}]),
                    None,
                ),
            )
            .await;
        assert_eq!(echo_of(&result)["query"], "status=a%26b");
        let (field, message) = invalid(
            app.try_call(
                Some(&setup.dev),
                call(
                    "listPayments",
                    &key_id,
                    json!([{"location": "header", "name": "Host", "value": "evil.test"}]),
                    None,
                ),
            )
            .await,
        )
        .await;
        assert_eq!(field, "parameters");
        assert!(
            message.contains("`Host` is not a header parameter"),
            "{message}"
        );
        let (field, _) = invalid(
            app.try_call(
                Some(&setup.dev),
                call(
                    "createPayment",
                    &key_id,
                    json!([{"location": "header", "name": "Idempotency-Key", "value": "a\r\nX-Evil: 1"}]),
                    Some("{}"),
                ),
            )
            .await,
        )
        .await;
        assert_eq!(field, "parameters");
        let (field, message) = invalid(
            app.try_call(
                Some(&setup.dev),
                call("getPayment", &key_id, json!([]), None),
            )
            .await,
        )
        .await;
        assert_eq!(field, "parameters");
        assert!(message.contains("paymentId"), "{message}");

        // The call counts in the key's usage like any gateway call.
        let calls: u64 = app
            .calls()
            .await
            .iter()
            .filter(|row| row.key_id.map(|k| k.to_string()) == Some(key_id.clone()))
            .map(|row| row.calls as u64)
            .sum();
        assert!(calls >= 4, "{calls}");

        // Not signed in: nothing.
        assert_eq!(
            app.try_call(None, call("listPayments", &key_id, json!([]), None))
                .await
                .status(),
            401
        );
    }
);

on_both_engines!(
    only_the_organizations_keys_for_the_environment_work,
    |app: TestApp| async move {
        let setup = app.gateway_setup(upstream().await).await;
        let (sandbox_key, _) = app.key(&setup.dev, "sandbox", "", "").await;
        let (production_key, _) = app.key(&setup.dev, "production", "", "").await;
        let (_, bob) = app.signed_in(&unique_email("bob"), false).await;
        let (bobs_key, _) = app.key(&bob, "sandbox", "", "").await;

        // Another organization's key, even with its id: as if it did not exist.
        let (field, _) = invalid(
            app.try_call(
                Some(&setup.dev),
                call("listPayments", &bobs_key, json!([]), None),
            )
            .await,
        )
        .await;
        assert_eq!(field, "key_id");
        let (field, _) = invalid(
            app.try_call(
                Some(&setup.dev),
                call("listPayments", "not-a-uuid", json!([]), None),
            )
            .await,
        )
        .await;
        assert_eq!(field, "key_id");
        // Bob's organization has no access: refused before any key is looked at.
        let refused = app
            .try_call(Some(&bob), call("listPayments", &bobs_key, json!([]), None))
            .await;
        assert_eq!(refused.status(), 403);
        assert!(
            refused
                .text()
                .await
                .expect("body")
                .contains("request access")
        );
        let offered = app
            .call_json("try-it-setup", Some(&bob), &[("slug", SLUG)])
            .await;
        assert_eq!(offered["environments"], json!([]));
        assert_eq!(offered["keys"], json!([]), "no key of bob's may call it");

        // The other environment's key.
        let (field, message) = invalid(
            app.try_call(
                Some(&setup.dev),
                call("listPayments", &production_key, json!([]), None),
            )
            .await,
        )
        .await;
        assert_eq!(field, "key_id");
        assert!(message.contains("production"), "{message}");

        // A deactivated key is refused by the gateway's own checks.
        app.call_json(
            "set-api-key-active",
            Some(&setup.dev),
            &[("key_id", &sandbox_key), ("active", "false")],
        )
        .await;
        let refused = app
            .try_call(
                Some(&setup.dev),
                call("listPayments", &sandbox_key, json!([]), None),
            )
            .await;
        assert_eq!(refused.status(), 403);
        assert!(refused.text().await.expect("body").contains("deactivated"));

        // The profile: both environments to choose from, saved for the person.
        let session = app.call_json("session-info", Some(&setup.dev), &[]).await;
        assert_eq!(
            session["profile"],
            json!({"current": "sandbox", "choices": ["sandbox", "production"]})
        );
        app.call_json(
            "set-profile",
            Some(&setup.dev),
            &[("environment", "production")],
        )
        .await;
        let session = app.call_json("session-info", Some(&setup.dev), &[]).await;
        assert_eq!(session["profile"]["current"], "production");
        let (field, _) = invalid(
            app.call_with("set-profile", Some(&bob), &[("environment", "production")])
                .await,
        )
        .await;
        assert_eq!(field, "environment", "bob has no production access");
        let (field, _) = invalid(
            app.call_with("set-profile", Some(&bob), &[("environment", "staging")])
                .await,
        )
        .await;
        assert_eq!(field, "environment");
    }
);

/// This machine's name, which its hosts file maps to a loopback address: a host name (not an
/// address) that leads into a private network.
fn private_host_name() -> String {
    let name = std::fs::read_to_string("/etc/hostname")
        .map(|text| text.trim().to_owned())
        .unwrap_or_default();
    let resolves_privately = std::net::ToSocketAddrs::to_socket_addrs(&(name.as_str(), 80))
        .map(|mut addresses| addresses.any(|a| a.ip().is_loopback()))
        .unwrap_or(false);
    assert!(
        resolves_privately,
        "this test needs the machine's host name ({name:?}) to resolve to a loopback address"
    );
    name
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_hold_and_private_networks_stay_out_of_reach() {
    let app = TestApp::spawn_with(Engine::Sqlite, |settings| {
        settings.try_it_timeout = chrono::Duration::seconds(1);
    })
    .await
    .expect("sqlite");
    crate::helpers::within_time_limit(async {
        let upstream = upstream().await;
        let setup = app.gateway_setup(upstream).await;
        let (key_id, _) = app.key(&setup.dev, "sandbox", "", "").await;
        let get = |id: &str| {
            call(
                "getPayment",
                &key_id,
                json!([{"location": "path", "name": "paymentId", "value": id}]),
                None,
            )
        };

        // Too slow: a clear message, after the time limit.
        let started = std::time::Instant::now();
        let slow = app.try_call(Some(&setup.dev), get("slow")).await;
        assert_eq!(slow.status(), 502);
        assert!(
            slow.text()
                .await
                .expect("body")
                .contains("did not answer in time")
        );
        assert!(started.elapsed() < std::time::Duration::from_millis(2500));

        // Too big: the first megabyte, and a note that it was cut.
        let big = app.try_ok(&setup.dev, get("big")).await;
        assert_eq!(big["truncated"], true);
        assert_eq!(big["received_bytes"], 1024 * 1024);

        // A body above the limit is not sent.
        let huge = format!("\"{}\"", "x".repeat(300 * 1024));
        let (field, message) = invalid(
            app.try_call(
                Some(&setup.dev),
                call("createPayment", &key_id, json!([]), Some(&huge)),
            )
            .await,
        )
        .await;
        assert_eq!(field, "body");
        assert!(message.contains("256 KB"), "{message}");

        // A base URL whose host name leads to a private address is refused; one that names a
        // private address itself (the upstream above, on 127.0.0.1) is what the admin meant.
        let host = private_host_name();
        app.point_at(&setup.admin, &format!("http://{host}:{}", upstream.port()))
            .await;
        // The gateway trusts what it read of a collection for under a second.
        tokio::time::sleep(server::gateway::FRESH_FOR).await;
        let refused = app.try_call(Some(&setup.dev), get("pay_1")).await;
        assert_eq!(refused.status(), 403);
        assert!(
            refused
                .text()
                .await
                .expect("body")
                .contains("private network address"),
            "SSRF through a host name"
        );
        app.point_at(&setup.admin, &format!("http://{upstream}"))
            .await;
        tokio::time::sleep(server::gateway::FRESH_FOR).await;
        let result = app.try_ok(&setup.dev, get("pay_1")).await;
        assert_eq!(result["status"], 200);

        // Per person and minute: 30 calls, then a wait.
        let mut statuses = Vec::new();
        for _ in 0..30 {
            let status = app
                .try_call(Some(&setup.dev), get("pay_1"))
                .await
                .status()
                .as_u16();
            statuses.push(status);
        }
        assert!(statuses.contains(&429), "{statuses:?}");
        let limited = app.try_call(Some(&setup.dev), get("pay_1")).await;
        assert_eq!(limited.status(), 429);
        // Another person is not held back by it.
        let (_, other) = app.colleague(setup.dev_id, "carol", "member").await;
        let result = app.try_ok(&other, get("pay_1")).await;
        assert_eq!(result["status"], 200);
    })
    .await;
}
