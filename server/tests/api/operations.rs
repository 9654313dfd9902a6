//! Health, readiness, request ids, compression, caching and security headers.

use crate::on_both_engines;

on_both_engines!(healthz_says_ok, |app: crate::helpers::TestApp| async move {
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["status"], "ok");
});

on_both_engines!(
    readyz_checks_the_database,
    |app: crate::helpers::TestApp| async move {
        let response = app.get("/readyz").await;
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["status"], "ready");
        assert_eq!(body["database"], app.portal.system.engine);

        // With the database gone, the probe says so instead of hanging or crashing.
        app.portal.db.clone().close().await.expect("close pool");
        let response = app.get("/readyz").await;
        assert_eq!(response.status(), 503);
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["status"], "unavailable");
    }
);

on_both_engines!(
    every_response_carries_a_request_id,
    |app: crate::helpers::TestApp| async move {
        let first = app.get("/healthz").await;
        let second = app.get("/healthz").await;
        let id = |r: &reqwest::Response| {
            r.headers()
                .get("x-request-id")
                .expect("x-request-id")
                .to_str()
                .expect("ascii")
                .to_owned()
        };
        assert_ne!(id(&first), id(&second));

        // An id set by a proxy in front is kept, so logs line up across hops.
        let response = app
            .client
            .get(app.url("/healthz"))
            .header("x-request-id", "from-the-proxy-42")
            .send()
            .await
            .expect("GET");
        assert_eq!(id(&response), "from-the-proxy-42");
    }
);

on_both_engines!(
    pages_are_compressed_when_asked,
    |app: crate::helpers::TestApp| async move {
        for encoding in ["br", "gzip"] {
            let response = app
                .client
                .get(app.url("/"))
                .header("accept-encoding", encoding)
                .send()
                .await
                .expect("GET");
            assert_eq!(response.status(), 200);
            assert_eq!(
                response
                    .headers()
                    .get("content-encoding")
                    .map(|v| v.to_str().unwrap_or_default()),
                Some(encoding)
            );
        }
        let plain = app.get("/").await;
        assert!(plain.headers().get("content-encoding").is_none());
    }
);

on_both_engines!(
    security_headers_are_set,
    |app: crate::helpers::TestApp| async move {
        let response = app.get("/").await;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(header("x-frame-options").as_deref(), Some("DENY"));
        assert_eq!(header("referrer-policy").as_deref(), Some("same-origin"));
    }
);

mod assets {
    use crate::helpers::{Engine, TestApp};

    #[tokio::test]
    async fn bundle_files_are_revalidated_without_hashes() {
        let app = TestApp::spawn(Engine::Sqlite)
            .await
            .expect("sqlite always runs");
        let response = app.get("/pkg/portico.css").await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-cache")
        );
        assert!(
            response
                .text()
                .await
                .expect("body")
                .contains("color: black")
        );
    }

    #[tokio::test]
    async fn missing_bundle_files_are_404() {
        let app = TestApp::spawn(Engine::Sqlite)
            .await
            .expect("sqlite always runs");
        assert_eq!(app.get("/pkg/nope.js").await.status(), 404);
    }

    #[tokio::test]
    async fn public_files_are_served_from_the_site_root() {
        let app = TestApp::spawn(Engine::Sqlite)
            .await
            .expect("sqlite always runs");
        let response = app.get("/favicon.svg").await;
        assert_eq!(response.status(), 200);
        assert!(response.text().await.expect("body").contains("<svg"));
    }
}
