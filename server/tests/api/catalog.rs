//! The catalog: importing documents, the access rules (pages, server functions, downloads),
//! Discover's search, and editing collections.

use crate::helpers::{TestApp, invalid, unique_email};
use crate::on_both_engines;

const PAYMENTS: &str = include_str!("../../demo/payments.yaml");

impl TestApp {
    /// Posts an upload form as the admin pages do; returns where it sends the browser.
    pub async fn upload(&self, path: &str, cookie: &str, document: &str) -> String {
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::text(document.to_owned()).file_name("openapi.yaml"),
            )
            .text("url", "");
        let response = self
            .client
            .post(self.url(path))
            .header("cookie", cookie)
            .multipart(form)
            .send()
            .await
            .expect("upload");
        assert_eq!(response.status(), 303, "uploads answer with a redirect");
        response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned()
    }

    pub async fn publish(&self, admin: &str, slug: &str, visibility: &str) {
        self.call_json(
            "admin-update-collection",
            Some(admin),
            &[
                ("current_slug", slug),
                ("name", "Payments API"),
                ("slug", slug),
                ("summary", "Take card payments."),
                ("tags", "payments, cards"),
                ("visibility", visibility),
                ("status", "published"),
                ("sandbox_url", "https://sandbox.payments.example.com/v2"),
            ],
        )
        .await;
    }
}

async fn organization_of(app: &TestApp, user: uuid::Uuid) -> String {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    server::entities::membership::Entity::find()
        .filter(server::entities::membership::Column::UserId.eq(user))
        .one(&app.portal.db)
        .await
        .expect("query")
        .expect("membership")
        .organization_id
        .to_string()
}

on_both_engines!(
    hidden_collections_are_visible_only_to_organizations_with_access,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (alice, alice_cookie) = app.signed_in(&unique_email("alice"), false).await;
        let (_, bob_cookie) = app.signed_in(&unique_email("bob"), false).await;
        let location = app
            .upload("/admin/collections/import", &admin, PAYMENTS)
            .await;
        assert_eq!(location, "/admin/collections/payments-api?imported=1");
        let slug = "payments-api";
        let read = |cookie: &str| {
            let cookie = cookie.to_owned();
            let app = &app;
            async move {
                (
                    app.call_with("collection", Some(&cookie), &[("slug", slug)])
                        .await
                        .status()
                        .as_u16(),
                    app.call_with(
                        "operation",
                        Some(&cookie),
                        &[("slug", slug), ("operation_id", "createPayment")],
                    )
                    .await
                    .status()
                    .as_u16(),
                    app.get_as(&format!("/api/v1/collections/{slug}/openapi.yaml"), &cookie)
                        .await
                        .status()
                        .as_u16(),
                    app.get_as(&format!("/apis/{slug}"), &cookie)
                        .await
                        .status()
                        .as_u16(),
                )
            }
        };
        assert_eq!(
            read(&alice_cookie).await,
            (404, 404, 404, 404),
            "drafts are for admins"
        );
        assert_eq!(read(&admin).await, (200, 200, 200, 200));

        app.publish(&admin, slug, "hidden").await;
        assert_eq!(
            read(&alice_cookie).await,
            (404, 404, 404, 404),
            "hidden without access"
        );
        let discover = app.call_json("discover", Some(&alice_cookie), &[]).await;
        assert_eq!(discover["cards"], serde_json::json!([]));

        let org = organization_of(&app, alice.id).await;
        app.call_json(
            "admin-grant-access",
            Some(&admin),
            &[
                ("slug", slug),
                ("organization_id", &org),
                ("sandbox", "true"),
                ("production", "true"),
            ],
        )
        .await;
        let (field, _) = invalid(
            app.call_with(
                "admin-grant-access",
                Some(&admin),
                &[
                    ("slug", slug),
                    ("organization_id", &org),
                    ("sandbox", "true"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(field, "organization_id", "granting twice is explained");
        assert_eq!(read(&alice_cookie).await, (200, 200, 200, 200));
        assert_eq!(
            read(&bob_cookie).await,
            (404, 404, 404, 404),
            "another organization sees nothing"
        );
        let mine = app.call_json("my-apis", Some(&alice_cookie), &[]).await;
        assert_eq!(mine[0]["slug"], slug);
        assert_eq!(mine[0]["operations"], 4);
        assert_eq!(mine[0]["tags"], serde_json::json!(["payments", "cards"]));
        let download = app
            .get_as(
                &format!("/api/v1/collections/{slug}/openapi.yaml"),
                &alice_cookie,
            )
            .await;
        assert_eq!(
            download.text().await.expect("body"),
            PAYMENTS,
            "the document as published"
        );
        let json: serde_json::Value = app
            .get_as(
                &format!("/api/v1/collections/{slug}/openapi.json"),
                &alice_cookie,
            )
            .await
            .json()
            .await
            .expect("converted to JSON");
        assert_eq!(json["info"]["title"], "Payments API");
        assert_eq!(
            app.get(&format!("/api/v1/collections/{slug}/openapi.json"))
                .await
                .status(),
            401
        );

        // Listed: everyone signed in may read and discover it, without access.
        app.publish(&admin, slug, "listed").await;
        assert_eq!(read(&bob_cookie).await, (200, 200, 200, 200));
        let found = app
            .call_json("discover", Some(&bob_cookie), &[("query", "refund")])
            .await;
        assert_eq!(
            found["cards"][0]["slug"], slug,
            "found by an operation's summary"
        );
        assert_eq!(found["cards"][0]["has_access"], false);
        let found = app
            .call_json(
                "discover",
                Some(&bob_cookie),
                &[("query", "/payments/{paymentid}")],
            )
            .await;
        assert_eq!(
            found["cards"].as_array().map(Vec::len),
            Some(1),
            "found by a path"
        );
        for nothing in ["no such thing", "100%", "_"] {
            let none = app
                .call_json("discover", Some(&bob_cookie), &[("query", nothing)])
                .await;
            assert_eq!(none["cards"], serde_json::json!([]), "{nothing}");
        }
        let tagged = app
            .call_json("discover", Some(&bob_cookie), &[("tag", "cards")])
            .await;
        assert_eq!(tagged["cards"].as_array().map(Vec::len), Some(1));
        assert_eq!(tagged["tags"], serde_json::json!(["cards", "payments"]));
        let discover_alice = app.call_json("discover", Some(&alice_cookie), &[]).await;
        assert_eq!(
            discover_alice["cards"],
            serde_json::json!([]),
            "what you have is not in Discover"
        );
    }
);

on_both_engines!(
    operation_pages_render_on_the_server_with_their_details,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        app.upload("/admin/collections/import", &admin, PAYMENTS)
            .await;
        app.publish(&admin, "payments-api", "listed").await;
        let (_, dev) = app.signed_in(&unique_email("dev"), false).await;
        let page = app
            .get_as("/apis/payments-api/operations/createPayment", &dev)
            .await;
        assert_eq!(page.status(), 200);
        let html = page.text().await.expect("html");
        for expected in [
            "Create a payment",
            "Idempotency-Key",
            "card_token",
            "curl -X POST",
            // Calls go through the gateway, in the viewer's environment.
            "/gateway/payments-api/sandbox/payments",
            "X-API-Key: $PORTICO_API_KEY",
            "422",
        ] {
            assert!(html.contains(expected), "the page shows {expected}");
        }
        let overview = app
            .get_as("/apis/payments-api", &dev)
            .await
            .text()
            .await
            .expect("html");
        assert!(overview.contains("/apis/payments-api/operations/refundPayment"));
        assert!(
            overview.contains("<strong>charge cards</strong>"),
            "the description is rendered"
        );
        let missing = app.get_as("/apis/payments-api/operations/nope", &dev).await;
        assert_eq!(missing.status(), 404);
    }
);

on_both_engines!(
    broken_documents_are_refused_with_a_reason_and_nothing_is_written,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (_, dev) = app.signed_in(&unique_email("dev"), false).await;
        let location = app
            .upload(
                "/admin/collections/import",
                &admin,
                "{\"openapi\": \"3.0.0\",\n \"paths\": [}",
            )
            .await;
        assert!(
            location.starts_with("/admin/collections?error="),
            "{location}"
        );
        assert!(location.contains("line+2"), "{location}");
        let location = app
            .upload("/admin/collections/import", &admin, "title: not openapi")
            .await;
        assert!(location.contains("not+an+OpenAPI+document"), "{location}");
        assert_eq!(
            app.call_json("admin-collections", Some(&admin), &[]).await,
            serde_json::json!([])
        );

        let refused = app
            .client
            .post(app.url("/admin/collections/import"))
            .header("cookie", &dev)
            .multipart(reqwest::multipart::Form::new().text("url", "https://example.com/x.yaml"))
            .send()
            .await
            .expect("post");
        assert_eq!(refused.status(), 403, "developers cannot import");

        // A new version keeps the old one downloadable.
        app.upload("/admin/collections/import", &admin, PAYMENTS)
            .await;
        let newer = PAYMENTS.replace("version: 2.3.0", "version: 2.4.0");
        let location = app
            .upload("/admin/collections/payments-api/document", &admin, &newer)
            .await;
        assert_eq!(location, "/admin/collections/payments-api?imported=1");
        let settings = app
            .call_json(
                "admin-collection",
                Some(&admin),
                &[("slug", "payments-api")],
            )
            .await;
        assert_eq!(settings["versions"][0]["api_version"], "2.4.0");
        assert_eq!(settings["versions"][1]["api_version"], "2.3.0");
        let old = app
            .get_as(
                "/api/v1/collections/payments-api/openapi.yaml?version=1",
                &admin,
            )
            .await
            .text()
            .await
            .expect("old version");
        assert_eq!(old, PAYMENTS);
        let bad = app
            .upload(
                "/admin/collections/payments-api/document",
                &admin,
                "openapi: 9",
            )
            .await;
        assert!(
            bad.starts_with("/admin/collections/payments-api?error="),
            "{bad}"
        );
        let settings = app
            .call_json(
                "admin-collection",
                Some(&admin),
                &[("slug", "payments-api")],
            )
            .await;
        assert_eq!(
            settings["versions"].as_array().map(Vec::len),
            Some(2),
            "a refused document adds no version"
        );
        assert_eq!(app.audit_count("collection.imported").await, 1);
        assert_eq!(app.audit_count("collection.document_replaced").await, 1);
    }
);

on_both_engines!(
    collection_details_are_checked_field_by_field,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        app.upload("/admin/collections/import", &admin, PAYMENTS)
            .await;
        app.upload("/admin/collections/import", &admin, PAYMENTS)
            .await;
        let rows = app.call_json("admin-collections", Some(&admin), &[]).await;
        let slugs: Vec<&str> = rows
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|r| r["slug"].as_str())
            .collect();
        assert_eq!(
            slugs,
            ["payments-api", "payments-api-2"],
            "imports never collide"
        );
        let base = [
            ("current_slug", "payments-api-2"),
            ("name", "Payments"),
            ("slug", "payments-v2"),
            ("visibility", "listed"),
            ("status", "draft"),
        ];
        for (field, value) in [
            ("name", " "),
            ("slug", "Bad Slug"),
            ("slug", "payments-api"),
            ("visibility", "public"),
            ("sandbox_url", "ftp://x"),
            ("tags", &"x".repeat(41)),
        ] {
            let mut form: Vec<(&str, &str)> =
                base.iter().filter(|(k, _)| *k != field).copied().collect();
            form.push((field, value));
            let (named, message) = invalid(
                app.call_with("admin-update-collection", Some(&admin), &form)
                    .await,
            )
            .await;
            assert_eq!(named, field, "{value}: {message}");
        }
        let saved = app
            .call_json("admin-update-collection", Some(&admin), &base)
            .await;
        assert_eq!(saved, "payments-v2");
        let (_, dev) = app.signed_in(&unique_email("dev"), false).await;
        assert_eq!(
            app.call_with("admin-update-collection", Some(&dev), &base)
                .await
                .status(),
            403
        );
    }
);
