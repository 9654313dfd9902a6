//! The management API: admin API tokens (shown once, hashed, expiring, revocable, bound to their
//! admin), every route refused without one, and the portal run through it end to end.

use chrono::Duration;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use server::entities::admin_api_token;

use crate::helpers::{TestApp, unique_email};
use crate::on_both_engines;

const PAYMENTS: &str = include_str!("../../demo/payments.yaml");

impl TestApp {
    /// A new admin API token made by the admin signed in with `cookie`.
    pub async fn admin_token(&self, cookie: &str) -> String {
        let issued = self
            .call_json(
                "admin-create-api-token",
                Some(cookie),
                &[("name", "CI"), ("days", "30")],
            )
            .await;
        issued["token"].as_str().expect("token").to_owned()
    }

    /// A management API call with `token` (none: no Authorization header).
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("API call")
    }

    /// A management API call that must answer `status`; returns its JSON body (or null).
    pub async fn api_expect(
        &self,
        status: u16,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> Value {
        let response = self.api(method.clone(), path, Some(token), body).await;
        let got = response.status().as_u16();
        let text = response.text().await.expect("body");
        assert_eq!(got, status, "{method} {path}: {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }
}

/// Every operation of the served OpenAPI document, with its path made concrete.
async fn operations(app: &TestApp) -> Vec<(reqwest::Method, String)> {
    let document: Value = app
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .expect("document");
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        let concrete = path
            .replace("{environment}", "sandbox")
            .replace("{id}", "00000000-0000-0000-0000-000000000000")
            .replace(['{', '}'], "");
        for method in item.as_object().expect("item").keys() {
            let method =
                reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            operations.push((method, concrete.clone()));
        }
    }
    assert!(operations.len() >= 25, "{} operations", operations.len());
    operations
}

on_both_engines!(
    admin_api_tokens_are_shown_once_and_stop_when_they_should,
    |app: TestApp| async move {
        let (admin, cookie) = app.signed_in(&unique_email("root"), true).await;
        let (_, developer) = app.signed_in(&unique_email("dev"), false).await;

        // Only admins make tokens, with a name and one of the offered lifetimes.
        let refused = app
            .call_with(
                "admin-create-api-token",
                Some(&developer),
                &[("name", "x"), ("days", "30")],
            )
            .await;
        assert_eq!(refused.status(), 403);
        let (field, message) = crate::helpers::invalid(
            app.call_with(
                "admin-create-api-token",
                Some(&cookie),
                &[("name", " "), ("days", "30")],
            )
            .await,
        )
        .await;
        assert_eq!(
            (field.as_str(), message.as_str()),
            ("name", "Enter a name.")
        );
        let (field, _) = crate::helpers::invalid(
            app.call_with(
                "admin-create-api-token",
                Some(&cookie),
                &[("name", "CI"), ("days", "5")],
            )
            .await,
        )
        .await;
        assert_eq!(field, "days");

        let token = app.admin_token(&cookie).await;
        assert!(token.starts_with("ptc_admin_"), "{token}");
        // Only the hash is stored, and the list never shows the secret.
        let stored = admin_api_token::Entity::find()
            .all(&app.portal.db)
            .await
            .expect("tokens");
        assert_eq!(stored.len(), 1);
        assert_ne!(stored[0].secret_hash, token);
        assert!(!stored[0].secret_hash.contains(&token[10..]));
        let listed = app.call_json("admin-api-tokens", Some(&cookie), &[]).await;
        assert!(!listed.to_string().contains(&token[14..]), "{listed}");
        assert_eq!(listed[0]["state"], "active");
        assert_eq!(listed[0]["created_by"], admin.email);
        assert_eq!(app.audit_count("api_token.created").await, 1);

        let organizations = "/api/v1/admin/organizations";
        let get = reqwest::Method::GET;
        app.api_expect(200, get.clone(), organizations, &token, None)
            .await;
        let used = app.call_json("admin-api-tokens", Some(&cookie), &[]).await;
        assert!(used[0]["last_used_at"].is_string(), "last use recorded");

        // No token, a session cookie instead, a typo, another scheme: 401 with a challenge.
        let anonymous = app.api(get.clone(), organizations, None, None).await;
        assert_eq!(anonymous.status(), 401);
        assert_eq!(
            anonymous.headers()["www-authenticate"],
            "Bearer realm=\"portico-admin\""
        );
        let body: Value = anonymous.json().await.expect("json");
        assert_eq!(body["error"], "unauthenticated");
        assert_eq!(
            app.get_as(organizations, &cookie).await.status(),
            401,
            "the API takes tokens, not browser sessions"
        );
        let mut typo = token.clone().into_bytes();
        typo[12] = if typo[12] == b'a' { b'b' } else { b'a' };
        let typo = String::from_utf8(typo).expect("ascii");
        assert_eq!(
            app.api(get.clone(), organizations, Some(&typo), None)
                .await
                .status(),
            401
        );
        let basic = app
            .client
            .get(app.url(organizations))
            .header("authorization", format!("Basic {token}"))
            .send()
            .await
            .expect("GET");
        assert_eq!(basic.status(), 401);

        // A token acts for its admin only while they are one, and not while suspended.
        let (other_admin, other_cookie) = app.signed_in(&unique_email("other"), true).await;
        let others = app.admin_token(&other_cookie).await;
        app.call_json(
            "admin-set-portal-admin",
            Some(&cookie),
            &[
                ("person_id", &other_admin.id.to_string()),
                ("admin", "false"),
            ],
        )
        .await;
        let demoted = app
            .api(get.clone(), organizations, Some(&others), None)
            .await;
        assert_eq!(demoted.status(), 403);
        app.call_json(
            "admin-set-suspended",
            Some(&cookie),
            &[
                ("person_id", &other_admin.id.to_string()),
                ("suspended", "true"),
            ],
        )
        .await;
        assert_eq!(
            app.api(get.clone(), organizations, Some(&others), None)
                .await
                .status(),
            401
        );

        // Revoked: refused from the next call on, and listed as revoked.
        let id = listed[0]["id"].as_str().expect("id").to_owned();
        app.call_json(
            "admin-revoke-api-token",
            Some(&cookie),
            &[("token_id", &id)],
        )
        .await;
        assert_eq!(
            app.api(get.clone(), organizations, Some(&token), None)
                .await
                .status(),
            401
        );
        let tokens = app.call_json("admin-api-tokens", Some(&cookie), &[]).await;
        let revoked = tokens
            .as_array()
            .expect("list")
            .iter()
            .find(|t| t["id"] == id.as_str())
            .expect("still listed");
        assert_eq!(revoked["state"], "revoked");
        assert_eq!(app.audit_count("api_token.revoked").await, 1);

        // Expired: a fresh 30-day token stops after 30 days.
        let fresh = app.admin_token(&cookie).await;
        app.clock.advance(Duration::days(30) + Duration::seconds(1));
        assert_eq!(
            app.api(get, organizations, Some(&fresh), None)
                .await
                .status(),
            401
        );
    }
);

on_both_engines!(
    every_route_of_the_document_refuses_strangers_and_demoted_admins,
    |app: TestApp| async move {
        let (_, cookie) = app.signed_in(&unique_email("root"), true).await;
        let (demoted, demoted_cookie) = app.signed_in(&unique_email("was-admin"), true).await;
        let demoted_token = app.admin_token(&demoted_cookie).await;
        let token = app.admin_token(&cookie).await;
        app.call_json(
            "admin-set-portal-admin",
            Some(&cookie),
            &[("person_id", &demoted.id.to_string()), ("admin", "false")],
        )
        .await;
        for (method, path) in operations(&app).await {
            let body = Some(json!({}));
            let anonymous = app.api(method.clone(), &path, None, body.clone()).await;
            assert_eq!(anonymous.status(), 401, "{method} {path} without a token");
            let stranger = app
                .api(
                    method.clone(),
                    &path,
                    Some("ptc_admin_nonsense"),
                    body.clone(),
                )
                .await;
            assert_eq!(
                stranger.status(),
                401,
                "{method} {path} with a made-up token"
            );
            let refused = app
                .api(method.clone(), &path, Some(&demoted_token), body.clone())
                .await;
            assert_eq!(refused.status(), 403, "{method} {path} by a former admin");
            let admitted = app.api(method.clone(), &path, Some(&token), body).await;
            let status = admitted.status().as_u16();
            assert!(
                ![401, 403, 500].contains(&status),
                "{method} {path} by an admin answered {status}"
            );
            if status >= 400 {
                let error: Value = admitted.json().await.expect("JSON error body");
                assert!(error["error"].is_string(), "{method} {path}: {error}");
                assert!(error["message"].is_string(), "{method} {path}: {error}");
            }
        }
        // Nothing above changed anything: every call was refused or found nothing.
        assert_eq!(app.audit_count("organization.created").await, 0);
    }
);

on_both_engines!(
    the_portal_runs_through_the_management_api,
    |app: TestApp| async move {
        use reqwest::Method;
        let (_, cookie) = app.signed_in(&unique_email("root"), true).await;
        let token = app.admin_token(&cookie).await;

        // Organizations: add, rename, domains, authorized addresses, paging.
        let acme = app
            .api_expect(
                201,
                Method::POST,
                "/api/v1/admin/organizations",
                &token,
                Some(json!({ "name": "Acme Payments" })),
            )
            .await;
        assert_eq!(acme["slug"], "acme-payments");
        let acme_id = acme["id"].as_str().expect("id").to_owned();
        let acme_path = format!("/api/v1/admin/organizations/{acme_id}");
        let renamed = app
            .api_expect(
                200,
                Method::PATCH,
                &acme_path,
                &token,
                Some(json!({ "name": "Acme Pay" })),
            )
            .await;
        assert_eq!(
            (renamed["name"].as_str(), renamed["slug"].as_str()),
            (Some("Acme Pay"), Some("acme-payments"))
        );
        let bad = app
            .api_expect(
                422,
                Method::PATCH,
                &acme_path,
                &token,
                Some(json!({ "name": "Acme", "colour": "red" })),
            )
            .await;
        assert_eq!(bad["error"], "invalid");
        assert!(
            bad["message"].as_str().expect("message").contains("colour"),
            "{bad}"
        );
        let public = app
            .api_expect(
                422,
                Method::POST,
                &format!("{acme_path}/domains"),
                &token,
                Some(json!({ "domain": "gmail.com" })),
            )
            .await;
        assert_eq!(public["field"], "domain");
        app.api_expect(
            204,
            Method::POST,
            &format!("{acme_path}/domains"),
            &token,
            Some(json!({ "domain": "acme.example" })),
        )
        .await;
        app.api_expect(
            422,
            Method::POST,
            &format!("{acme_path}/authorized-emails"),
            &token,
            Some(json!({ "email": "not an address" })),
        )
        .await;
        let shown = app
            .api_expect(200, Method::GET, &acme_path, &token, None)
            .await;
        assert_eq!(shown["domains"], json!(["acme.example"]));
        let page = app
            .api_expect(
                200,
                Method::GET,
                "/api/v1/admin/organizations?per_page=1&page=2",
                &token,
                None,
            )
            .await;
        assert_eq!(
            (
                page["total"].as_u64(),
                page["items"].as_array().map(Vec::len)
            ),
            (Some(2), Some(1))
        );
        app.api_expect(
            422,
            Method::GET,
            "/api/v1/admin/organizations?per_page=500",
            &token,
            None,
        )
        .await;

        // Invitations and people.
        let invited_address = unique_email("invitee");
        let invited = app
            .api_expect(
                201,
                Method::POST,
                "/api/v1/admin/invitations",
                &token,
                Some(json!({ "email": invited_address, "organization_id": acme_id, "role": "admin" })),
            )
            .await;
        assert_eq!(invited["outcome"], "Invited");
        let pending = app
            .api_expect(200, Method::GET, "/api/v1/admin/invitations", &token, None)
            .await;
        assert_eq!(pending["items"][0]["email"], invited_address.as_str());
        let admins = app
            .api_expect(
                200,
                Method::GET,
                "/api/v1/admin/users?role=admin",
                &token,
                None,
            )
            .await;
        assert_eq!(admins["total"], 1);
        let (field, _) = {
            let wrong = app
                .api_expect(
                    422,
                    Method::GET,
                    "/api/v1/admin/users?role=owner",
                    &token,
                    None,
                )
                .await;
            (wrong["field"].clone(), ())
        };
        assert_eq!(field, "role");

        // A collection: imported from its document, published, granted, and requested.
        let imported = app
            .client
            .post(app.url("/api/v1/admin/collections"))
            .bearer_auth(&token)
            .header("content-type", "application/yaml")
            .body(PAYMENTS)
            .send()
            .await
            .expect("POST");
        assert_eq!(imported.status(), 201);
        let imported: Value = imported.json().await.expect("json");
        let slug = imported["slug"].as_str().expect("slug").to_owned();
        assert_eq!(imported["version"], 1);
        let not_a_document = app
            .api_expect(
                422,
                Method::POST,
                "/api/v1/admin/collections",
                &token,
                Some(json!({ "hello": "world" })),
            )
            .await;
        assert_eq!(not_a_document["error"], "invalid");
        let collection_path = format!("/api/v1/admin/collections/{slug}");
        let mut settings = app
            .api_expect(200, Method::GET, &collection_path, &token, None)
            .await["form"]
            .clone();
        settings["published"] = json!(true);
        settings["listed"] = json!(true);
        settings["sandbox_url"] = json!("ftp://nowhere");
        let refused = app
            .api_expect(
                422,
                Method::PUT,
                &collection_path,
                &token,
                Some(settings.clone()),
            )
            .await;
        assert_eq!(refused["field"], "sandbox_url");
        settings["sandbox_url"] = Value::Null;
        let saved = app
            .api_expect(200, Method::PUT, &collection_path, &token, Some(settings))
            .await;
        assert_eq!(saved["form"]["published"], true);

        let (developer, developer_cookie) = app.signed_in(&unique_email("dev"), false).await;
        let asked = app
            .ask(
                &developer_cookie,
                &["sandbox"],
                "We build the checkout of our web shop with it.",
            )
            .await;
        assert_eq!(
            asked.status(),
            200,
            "{}",
            asked.text().await.unwrap_or_default()
        );
        let requests = app
            .api_expect(
                200,
                Method::GET,
                "/api/v1/admin/access-requests",
                &token,
                None,
            )
            .await;
        assert_eq!(requests["total"], 1);
        assert_eq!(
            requests["items"][0]["requester_email"],
            developer.email.as_str()
        );
        let request_id = requests["items"][0]["id"].as_str().expect("id").to_owned();
        let no_reason = app
            .api_expect(
                422,
                Method::POST,
                &format!("/api/v1/admin/access-requests/{request_id}/reject"),
                &token,
                Some(json!({ "reason": "" })),
            )
            .await;
        assert_eq!(no_reason["field"], "note");
        app.api_expect(
            204,
            Method::POST,
            &format!("/api/v1/admin/access-requests/{request_id}/approve"),
            &token,
            Some(json!({ "note": "Welcome" })),
        )
        .await;
        let again = app
            .api_expect(
                409,
                Method::POST,
                &format!("/api/v1/admin/access-requests/{request_id}/approve"),
                &token,
                Some(json!({})),
            )
            .await;
        assert_eq!(again["error"], "conflict");
        app.api_expect(
            204,
            Method::POST,
            &format!("{collection_path}/grants"),
            &token,
            Some(json!({ "organization_id": acme_id, "environments": ["production"] })),
        )
        .await;
        let grants = app
            .api_expect(
                200,
                Method::GET,
                &format!("{collection_path}/grants"),
                &token,
                None,
            )
            .await;
        assert_eq!(
            grants["grants"].as_array().map(Vec::len),
            Some(2),
            "{grants}"
        );
        app.api_expect(
            204,
            Method::DELETE,
            &format!("{collection_path}/grants/{acme_id}/production"),
            &token,
            None,
        )
        .await;

        // A new version of the document.
        let version = app
            .client
            .put(app.url(&format!("{collection_path}/document")))
            .bearer_auth(&token)
            .body(PAYMENTS)
            .send()
            .await
            .expect("PUT");
        assert_eq!(version.status(), 200);
        let version: Value = version.json().await.expect("json");
        assert_eq!(version["version"], 2);

        // The audit log names the admin the token acts for.
        let events = app
            .api_expect(
                200,
                Method::GET,
                "/api/v1/admin/audit-events?action=organization.created",
                &token,
                None,
            )
            .await;
        assert_eq!(
            events["events"].as_array().map(Vec::len),
            Some(1),
            "{events}"
        );
        app.api_expect(
            422,
            Method::GET,
            "/api/v1/admin/audit-events?from=yesterday",
            &token,
            None,
        )
        .await;

        // Archiving ends the organization's listing.
        app.api_expect(204, Method::DELETE, &acme_path, &token, None)
            .await;
        app.api_expect(404, Method::GET, &acme_path, &token, None)
            .await;
    }
);

on_both_engines!(
    the_document_is_published_in_the_catalog_once_per_change,
    |app: TestApp| async move {
        let (_, cookie) = app.signed_in(&unique_email("root"), true).await;
        server::api::publish(&app.portal.catalog)
            .await
            .expect("published");
        server::api::publish(&app.portal.catalog)
            .await
            .expect("published again");
        let slug = server::api::COLLECTION_SLUG;
        let settings = app
            .call_json("admin-collection", Some(&cookie), &[("slug", slug)])
            .await;
        assert_eq!(settings["form"]["published"], true);
        assert_eq!(settings["form"]["listed"], false, "hidden from Discover");
        assert_eq!(
            settings["versions"].as_array().map(Vec::len),
            Some(1),
            "an unchanged document makes no new version"
        );
        // Admins read its reference like any other collection's.
        let (_, developer) = app.signed_in(&unique_email("dev"), false).await;
        let discover = app.call_json("discover", Some(&developer), &[]).await;
        assert!(!discover.to_string().contains(slug), "{discover}");
        let served = app
            .get("/api/v1/openapi.json")
            .await
            .text()
            .await
            .expect("text");
        let download = app
            .get_as(&format!("/api/v1/collections/{slug}/openapi.json"), &cookie)
            .await;
        assert_eq!(download.status(), 200);
        let published: Value = download.json().await.expect("json");
        let served: Value = serde_json::from_str(&served).expect("json");
        assert_eq!(published["paths"], served["paths"]);
    }
);

on_both_engines!(
    a_portal_is_set_up_from_another_ones_configuration,
    |app: TestApp| async move {
        use reqwest::Method;
        let (_, cookie) = app.signed_in(&unique_email("root"), true).await;
        let token = app.admin_token(&cookie).await;

        // The first portal: an organization with a domain, a published collection granted to
        // it, and an identity provider.
        let acme = app
            .api_expect(
                201,
                Method::POST,
                "/api/v1/admin/organizations",
                &token,
                Some(json!({ "name": "Acme" })),
            )
            .await;
        let acme_id = acme["id"].as_str().expect("id").to_owned();
        app.api_expect(
            204,
            Method::POST,
            &format!("/api/v1/admin/organizations/{acme_id}/domains"),
            &token,
            Some(json!({ "domain": "acme.example" })),
        )
        .await;
        let imported = app
            .client
            .post(app.url("/api/v1/admin/collections"))
            .bearer_auth(&token)
            .body(PAYMENTS)
            .send()
            .await
            .expect("POST");
        let slug = imported.json::<Value>().await.expect("json")["slug"]
            .as_str()
            .expect("slug")
            .to_owned();
        app.api_expect(
            204,
            Method::POST,
            &format!("/api/v1/admin/collections/{slug}/grants"),
            &token,
            Some(json!({ "organization_id": acme_id, "environments": ["sandbox"] })),
        )
        .await;
        app.api_expect(
            200,
            Method::PUT,
            "/api/v1/admin/identity-providers/corp",
            &token,
            Some(json!({
                "slug": "corp", "name": "Corp ID", "issuer": "https://id.example.com",
                "client_id": "portico", "client_secret": "s3cret-value",
                "scopes": ["openid", "email"], "allowed_domains": ["acme.example"],
                "groups_claim": "groups", "group_organizations": { "devs": "acme" },
            })),
        )
        .await;
        let exported = app
            .api_expect(200, Method::GET, "/api/v1/admin/config", &token, None)
            .await;
        assert!(!exported.to_string().contains("s3cret-value"), "no secrets");
        assert_eq!(exported["format"], 1);
        let acme_out = exported["organizations"]
            .as_array()
            .expect("organizations")
            .iter()
            .find(|o| o["slug"] == "acme")
            .expect("acme exported")
            .clone();
        assert_eq!(acme_out["domains"], json!(["acme.example"]));
        assert_eq!(
            exported["collections"][0]["grants"],
            json!([{ "organization": "acme", "environments": ["sandbox"] }])
        );

        // Back into the same portal, the export changes nothing; what would clash with it is
        // refused before anything is written.
        let same = app
            .api_expect(
                200,
                Method::PUT,
                "/api/v1/admin/config",
                &token,
                Some(exported.clone()),
            )
            .await;
        assert_eq!(same["changes"], json!([]), "{same}");
        let mut rival = exported.clone();
        rival["organizations"]
            .as_array_mut()
            .expect("organizations")
            .push(json!({ "slug": "rival", "name": "Rival", "domains": ["acme.example"] }));
        let refused = app
            .api_expect(
                422,
                Method::PUT,
                "/api/v1/admin/config",
                &token,
                Some(rival),
            )
            .await;
        assert!(
            refused["message"]
                .as_str()
                .expect("message")
                .contains("already joins people to Acme"),
            "{refused}"
        );
        let mut twice = exported.clone();
        twice["organizations"]
            .as_array_mut()
            .expect("organizations")
            .push(json!({ "slug": "acme-again", "name": "ACME" }));
        let refused = app
            .api_expect(
                422,
                Method::PUT,
                "/api/v1/admin/config",
                &token,
                Some(twice),
            )
            .await;
        assert!(
            refused["field"]
                .as_str()
                .expect("field")
                .ends_with("].name"),
            "one organization described twice: {refused}"
        );
        let mut repeated = exported.clone();
        let collection = repeated["collections"][0].clone();
        repeated["collections"]
            .as_array_mut()
            .expect("collections")
            .push(collection);
        let refused = app
            .api_expect(
                422,
                Method::PUT,
                "/api/v1/admin/config",
                &token,
                Some(repeated),
            )
            .await;
        assert_eq!(
            refused["field"], "collections[1].settings.slug",
            "{refused}"
        );
        let mut moved = exported.clone();
        moved["identity_providers"][0]["provider"]["issuer"] =
            json!("https://elsewhere.example.com");
        let refused = app
            .api_expect(
                422,
                Method::PUT,
                "/api/v1/admin/config",
                &token,
                Some(moved),
            )
            .await;
        assert_eq!(
            refused["field"], "identity_providers[0].client_secret",
            "a kept secret never goes to another issuer: {refused}"
        );
        let organizations = app
            .api_expect(
                200,
                Method::GET,
                "/api/v1/admin/organizations",
                &token,
                None,
            )
            .await;
        assert!(
            !organizations.to_string().contains("Rival"),
            "nothing was written: {organizations}"
        );

        // The second portal, empty but for its admin.
        let other = TestApp::spawn(crate::helpers::Engine::Sqlite)
            .await
            .expect("SQLite always runs");
        let (_, other_cookie) = other.signed_in(&unique_email("root"), true).await;
        let other_token = other.admin_token(&other_cookie).await;
        let organizations_before = other
            .api_expect(
                200,
                Method::GET,
                "/api/v1/admin/organizations",
                &other_token,
                None,
            )
            .await["total"]
            .clone();

        // A mistake anywhere changes nothing, and says where it is.
        let mut broken = exported.clone();
        broken["organizations"]
            .as_array_mut()
            .expect("organizations")
            .push(json!({ "slug": "gmail-fans", "name": "Gmail fans", "domains": ["gmail.com"] }));
        let refused = other
            .api_expect(
                422,
                Method::PUT,
                "/api/v1/admin/config",
                &other_token,
                Some(broken),
            )
            .await;
        assert!(
            refused["field"]
                .as_str()
                .expect("field")
                .ends_with("].domain"),
            "{refused}"
        );
        let secretless = other
            .api_expect(
                422,
                Method::PUT,
                "/api/v1/admin/config",
                &other_token,
                Some(exported.clone()),
            )
            .await;
        assert_eq!(
            secretless["field"], "identity_providers[0].client_secret",
            "{secretless}"
        );
        assert_eq!(
            other
                .api_expect(
                    200,
                    Method::GET,
                    "/api/v1/admin/organizations",
                    &other_token,
                    None
                )
                .await["total"],
            organizations_before,
            "nothing was written"
        );

        // A misspelt setting is refused, not dropped.
        let mut misspelt = exported.clone();
        misspelt["identity_providers"][0]["enabeld"] = json!(true);
        let refused = other
            .api(
                Method::PUT,
                "/api/v1/admin/config",
                Some(&other_token),
                Some(misspelt),
            )
            .await;
        assert_eq!(refused.status(), 422);

        // With the secret added, it imports, lists repeated entries once, and follows the
        // organization under the slug it gets here (its name makes the slug); a second import
        // changes nothing.
        let mut complete = exported.clone();
        complete["identity_providers"][0]["provider"]["client_secret"] = json!("s3cret-value");
        for organization in complete["organizations"]
            .as_array_mut()
            .expect("organizations")
        {
            if organization["slug"] == "acme" {
                organization["name"] = json!("Acme Europe");
                organization["domains"] = json!(["acme.example", "ACME.example"]);
                organization["authorized_emails"] = json!(["ops@partner.test", "OPS@partner.test"]);
            }
        }
        let report = other
            .api_expect(
                200,
                Method::PUT,
                "/api/v1/admin/config",
                &other_token,
                Some(complete.clone()),
            )
            .await;
        assert!(
            report["changes"]
                .as_array()
                .map(Vec::len)
                .unwrap_or_default()
                >= 4,
            "{report}"
        );
        let again = other
            .api_expect(
                200,
                Method::PUT,
                "/api/v1/admin/config",
                &other_token,
                Some(complete),
            )
            .await;
        assert_eq!(
            again["changes"],
            json!([]),
            "importing twice changes nothing"
        );
        let copied = other
            .api_expect(200, Method::GET, "/api/v1/admin/config", &other_token, None)
            .await;
        let acme_copy = copied["organizations"]
            .as_array()
            .expect("organizations")
            .iter()
            .find(|o| o["name"] == "Acme Europe")
            .expect("acme copied")
            .clone();
        assert_eq!(acme_copy["slug"], "acme-europe");
        assert_eq!(
            copied["identity_providers"][0]["provider"]["group_organizations"],
            json!({ "devs": "acme-europe" })
        );
        assert_eq!(acme_copy["domains"], acme_out["domains"]);
        assert_eq!(acme_copy["authorized_emails"], json!(["ops@partner.test"]));
        assert_eq!(
            copied["collections"][0]["settings"],
            exported["collections"][0]["settings"]
        );
        assert_eq!(
            copied["collections"][0]["grants"],
            json!([{ "organization": "acme-europe", "environments": ["sandbox"] }])
        );
        assert_eq!(
            copied["collections"][0]["document"],
            exported["collections"][0]["document"]
        );
        assert_eq!(
            copied["identity_providers"][0]["provider"]["issuer"],
            "https://id.example.com"
        );
        assert_eq!(copied["identity_providers"][0]["enabled"], false);
    }
);

on_both_engines!(
    members_roles_change_through_the_api_and_an_organization_keeps_an_admin,
    |app: TestApp| async move {
        use reqwest::Method;
        let (_, cookie) = app.signed_in(&unique_email("root"), true).await;
        let token = app.admin_token(&cookie).await;
        let (member, _) = app.signed_in(&unique_email("member"), false).await;
        let membership = {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            server::entities::membership::Entity::find()
                .filter(server::entities::membership::Column::UserId.eq(member.id))
                .one(&app.portal.db)
                .await
                .expect("query")
                .expect("membership")
        };
        let path = format!(
            "/api/v1/admin/organizations/{}/members/{}",
            membership.organization_id, member.id
        );
        let refused = app
            .api_expect(
                422,
                Method::PUT,
                &path,
                &token,
                Some(json!({ "role": "owner" })),
            )
            .await;
        assert_eq!(refused["field"], "role", "{refused}");
        app.api_expect(
            204,
            Method::PUT,
            &path,
            &token,
            Some(json!({ "role": "admin" })),
        )
        .await;
        let role = |app: &TestApp| {
            let app = app.portal.db.clone();
            async move {
                use sea_orm::EntityTrait;
                server::entities::membership::Entity::find_by_id((
                    membership.user_id,
                    membership.organization_id,
                ))
                .one(&app)
                .await
                .expect("query")
                .map(|m| m.role)
            }
        };
        assert_eq!(role(&app).await.as_deref(), Some("admin"));
        // The only admin stays one, and stays in.
        let kept = app
            .api_expect(
                409,
                Method::PUT,
                &path,
                &token,
                Some(json!({ "role": "member" })),
            )
            .await;
        assert!(
            kept["message"]
                .as_str()
                .expect("message")
                .contains("at least one organization admin"),
            "{kept}"
        );
        app.api_expect(409, Method::DELETE, &path, &token, None)
            .await;
        assert_eq!(role(&app).await.as_deref(), Some("admin"));
    }
);
