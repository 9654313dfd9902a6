//! Access requests end to end: asking, deciding (once, even when two admins click together),
//! grants per environment, revocation and expiry, auto-approval, mail, and who may do what.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::{access_grant, membership};

use crate::helpers::{TestApp, invalid, mailbox, unique_email};
use crate::on_both_engines;

const PAYMENTS: &str = include_str!("../../demo/payments.yaml");
const SLUG: &str = "payments-api";
const REASON: &str = "We are building the checkout of our web shop and need to take card payments.";

impl TestApp {
    /// The demo payments document, imported and published as `payments-api`.
    pub async fn published(&self, admin: &str, visibility: &str) {
        self.upload("/admin/collections/import", admin, PAYMENTS)
            .await;
        self.publish(admin, SLUG, visibility).await;
    }

    /// Someone else in the organization `of` belongs to (by user id), signed in.
    pub async fn colleague(&self, of: uuid::Uuid, name: &str, role: &str) -> (uuid::Uuid, String) {
        let organization = membership::Entity::find()
            .filter(membership::Column::UserId.eq(of))
            .one(&self.portal.db)
            .await
            .expect("query")
            .expect("membership")
            .organization_id;
        let email = app::types::Email::parse(&unique_email(name)).expect("email");
        let person = server::directory::create_user(&self.portal.db, &self.clock, &email, false)
            .await
            .expect("user");
        server::directory::add_membership(
            &self.portal.db,
            &self.clock,
            person.id,
            organization,
            role,
        )
        .await
        .expect("membership");
        let token = self
            .portal
            .sessions
            .start(&self.portal.db, person.id, None, None, None)
            .await
            .expect("session");
        (
            organization,
            format!("{}={}", self.portal.sessions.cookie_name(), token.expose()),
        )
    }

    pub async fn ask(
        &self,
        cookie: &str,
        environments: &[&str],
        reason: &str,
    ) -> reqwest::Response {
        let mut arguments = vec![("slug", SLUG), ("reason", reason)];
        for environment in environments {
            arguments.push((environment, "true"));
        }
        self.call_with("request-access", Some(cookie), &arguments)
            .await
    }

    /// The pending requests in the admin inbox.
    pub async fn inbox(&self, admin: &str) -> Vec<serde_json::Value> {
        self.call_json("admin-access-inbox", Some(admin), &[]).await["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub async fn decide(
        &self,
        admin: &str,
        request_id: &str,
        decision: &str,
        note: &str,
        expires_on: &str,
    ) -> reqwest::Response {
        self.call_with(
            "admin-decide-request",
            Some(admin),
            &[
                ("request_id", request_id),
                ("decision", decision),
                ("note", note),
                ("expires_on", expires_on),
            ],
        )
        .await
    }

    pub async fn my_api_slugs(&self, cookie: &str) -> Vec<String> {
        self.call_json("my-apis", Some(cookie), &[])
            .await
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|card| card["slug"].as_str().map(str::to_owned))
            .collect()
    }

    pub async fn notices(&self, cookie: &str) -> serde_json::Value {
        self.call_json("session-info", Some(cookie), &[]).await["notices"].clone()
    }
}

on_both_engines!(
    an_approved_request_gives_the_whole_organization_access,
    |app: TestApp| async move {
        let admin_email = unique_email("admin");
        let (_, admin) = app.signed_in(&admin_email, true).await;
        app.published(&admin, "listed").await;
        let alice_email = unique_email("alice");
        let (alice, alice_cookie) = app.signed_in(&alice_email, false).await;
        let (_, carol) = app
            .colleague(alice.id, "carol", membership::ROLE_MEMBER)
            .await;

        let discover = app.call_json("discover", Some(&alice_cookie), &[]).await;
        assert_eq!(discover["cards"][0]["slug"], SLUG);
        assert_eq!(discover["cards"][0]["has_access"], false);
        assert_eq!(discover["cards"][0]["request_pending"], false);

        // Bad input is explained on its field, and nothing is stored.
        let (field, _) = invalid(app.ask(&alice_cookie, &[], REASON).await).await;
        assert_eq!(field, "environments");
        let (field, message) = invalid(app.ask(&alice_cookie, &["sandbox"], "pls").await).await;
        assert_eq!(field, "reason");
        assert!(message.contains("sentence"), "{message}");
        let unknown = app
            .call_with(
                "request-access",
                Some(&alice_cookie),
                &[("slug", "nope"), ("sandbox", "true"), ("reason", REASON)],
            )
            .await;
        assert_eq!(unknown.status(), 404);
        assert!(app.inbox(&admin).await.is_empty());

        let asked = app
            .ask(&alice_cookie, &["sandbox", "production"], REASON)
            .await;
        assert_eq!(asked.status(), 200);
        assert_eq!(
            asked.json::<serde_json::Value>().await.expect("json"),
            "Pending"
        );
        let again = app.ask(&carol, &["sandbox"], REASON).await;
        assert_eq!(again.status(), 409, "one pending request per organization");
        assert!(again.text().await.expect("body").contains("already asked"));

        let discover = app.call_json("discover", Some(&alice_cookie), &[]).await;
        assert_eq!(discover["cards"][0]["request_pending"], true);
        assert_eq!(app.notices(&admin).await["pending_approvals"], 1);

        let mail = &mailbox().wait_for(&admin_email, 1).await[0];
        assert!(
            mail["subject"]
                .as_str()
                .expect("subject")
                .contains("asks for access to Payments API"),
            "{mail}"
        );
        assert!(mail["text"].as_str().expect("text").contains(REASON));

        let inbox = app.inbox(&admin).await;
        assert_eq!(inbox.len(), 1);
        let request = &inbox[0]["request"];
        assert_eq!(request["requester_email"], alice_email);
        assert_eq!(
            request["environments"],
            serde_json::json!(["sandbox", "production"])
        );
        assert_eq!(inbox[0]["history"], serde_json::json!([]));
        assert_eq!(inbox[0]["grants"], serde_json::json!([]));
        let id = request["id"].as_str().expect("id").to_owned();

        let (field, _) = invalid(app.decide(&admin, &id, "approve", "", "2026-11-22").await).await;
        assert_eq!(field, "expires_on", "a last day in the past");
        let (field, _) = invalid(app.decide(&admin, &id, "approve", "", "soon").await).await;
        assert_eq!(field, "expires_on");
        let decided = app
            .decide(&admin, &id, "approve", "Welcome aboard.", "")
            .await;
        assert_eq!(decided.status(), 200);
        let twice = app
            .decide(&admin, &id, "reject", "Changed my mind.", "")
            .await;
        assert_eq!(twice.status(), 409);
        let message = twice.text().await.expect("body");
        assert!(
            message.contains("already approved") && message.contains(&admin_email),
            "says who decided: {message}"
        );

        assert_eq!(
            app.my_api_slugs(&carol).await,
            [SLUG],
            "the whole organization"
        );
        assert_eq!(app.my_api_slugs(&alice_cookie).await, [SLUG]);
        assert_eq!(app.notices(&admin).await["pending_approvals"], 0);
        assert_eq!(app.notices(&alice_cookie).await["unseen_decisions"], 1);
        assert_eq!(
            app.notices(&carol).await["unseen_decisions"],
            0,
            "the notice is for the requester"
        );
        let mine = app.call_json("my-requests", Some(&alice_cookie), &[]).await;
        assert_eq!(mine[0]["status"], "approved");
        assert_eq!(mine[0]["decision_note"], "Welcome aboard.");
        assert_eq!(mine[0]["decided_by"], admin_email);
        assert_eq!(
            app.notices(&alice_cookie).await["unseen_decisions"],
            0,
            "seen now"
        );

        let mail = &mailbox().wait_for(&alice_email, 1).await[0];
        assert_eq!(mail["subject"], "Access to Payments API approved");
        assert!(
            mail["text"]
                .as_str()
                .expect("text")
                .contains("Welcome aboard.")
        );

        let grants = access_grant::Entity::find()
            .all(&app.portal.db)
            .await
            .expect("grants");
        assert_eq!(grants.len(), 2, "one grant per environment");
        assert!(
            grants
                .iter()
                .all(|g| g.source == "request" && g.expires_at.is_none())
        );
        assert_eq!(app.audit_count("access.requested").await, 1);
        assert_eq!(app.audit_count("access.approved").await, 1);
        assert_eq!(app.audit_count("collection.granted").await, 1);

        // The organization has both environments now: asking again is explained.
        let (field, message) = invalid(app.ask(&carol, &["production"], REASON).await).await;
        assert_eq!(field, "environments");
        assert!(
            message.contains("already has Production access"),
            "{message}"
        );
    }
);

on_both_engines!(
    a_rejection_gives_its_reason_and_the_developer_may_ask_again,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
        app.published(&admin, "listed").await;
        let alice_email = unique_email("alice");
        let (alice, alice_cookie) = app.signed_in(&alice_email, false).await;
        let (_, bob) = app.signed_in(&unique_email("bob"), false).await;
        let (_, carol) = app
            .colleague(alice.id, "carol", membership::ROLE_MEMBER)
            .await;
        let (_, org_admin) = app
            .colleague(alice.id, "olga", membership::ROLE_ADMIN)
            .await;

        assert_eq!(
            app.ask(&alice_cookie, &["production"], REASON)
                .await
                .status(),
            200
        );
        let id = app.inbox(&admin).await[0]["request"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let (field, _) = invalid(app.decide(&admin, &id, "reject", "  ", "").await).await;
        assert_eq!(field, "note", "a rejection needs a reason");
        assert_eq!(
            app.decide(
                &admin,
                &id,
                "reject",
                "Production needs a signed contract.",
                ""
            )
            .await
            .status(),
            200
        );
        let mine = app.call_json("my-requests", Some(&alice_cookie), &[]).await;
        assert_eq!(mine[0]["status"], "rejected");
        assert_eq!(
            mine[0]["decision_note"],
            "Production needs a signed contract."
        );
        assert!(app.my_api_slugs(&alice_cookie).await.is_empty());
        let mail = &mailbox().wait_for(&alice_email, 1).await[0];
        assert!(
            mail["text"]
                .as_str()
                .expect("text")
                .contains("Production needs a signed contract."),
            "{mail}"
        );

        // Asking again is fine; then it can be withdrawn by the right people only.
        assert_eq!(
            app.ask(&alice_cookie, &["sandbox"], REASON).await.status(),
            200
        );
        let mine = app.call_json("my-requests", Some(&alice_cookie), &[]).await;
        let second = mine[0]["id"].as_str().expect("id").to_owned();
        assert_eq!(mine[0]["can_withdraw"], true);
        assert_eq!(
            mine[1]["can_withdraw"], false,
            "decided ones cannot be withdrawn"
        );
        let carol_view = app.call_json("my-requests", Some(&carol), &[]).await;
        assert_eq!(
            carol_view.as_array().map(Vec::len),
            Some(2),
            "the organization's requests"
        );
        assert_eq!(carol_view[0]["can_withdraw"], false, "not hers");
        let withdraw = |cookie: String| {
            let app = &app;
            let id = second.clone();
            async move {
                app.call_with("withdraw-request", Some(&cookie), &[("request_id", &id)])
                    .await
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(
            withdraw(bob.clone()).await,
            404,
            "another organization's request"
        );
        assert_eq!(withdraw(carol.clone()).await, 403);
        assert_eq!(
            app.call_with(
                "withdraw-request",
                Some(&alice_cookie),
                &[("request_id", "garbage")]
            )
            .await
            .status(),
            404
        );
        assert_eq!(
            withdraw(org_admin.clone()).await,
            200,
            "an organization admin may"
        );
        assert_eq!(
            withdraw(alice_cookie.clone()).await,
            409,
            "already withdrawn"
        );
        assert_eq!(app.audit_count("access.withdrawn").await, 1);
        assert!(app.inbox(&admin).await.is_empty());
        let all = app
            .call_json("admin-access-inbox", Some(&admin), &[("status", "all")])
            .await;
        assert_eq!(all["items"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            all["items"][0]["history"].as_array().map(Vec::len),
            Some(1),
            "each shows the other as history"
        );
    }
);

on_both_engines!(
    two_admins_deciding_at_once_make_one_decision,
    |app: TestApp| async move {
        let (_, first) = app.signed_in(&unique_email("first"), true).await;
        let (_, second) = app.signed_in(&unique_email("second"), true).await;
        app.published(&first, "listed").await;
        let (_, alice) = app.signed_in(&unique_email("alice"), false).await;
        app.ask(&alice, &["sandbox"], REASON).await;
        let id = app.inbox(&first).await[0]["request"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let mut calls = Vec::new();
        for round in 0..6 {
            let (admin, decision, note) = if round % 2 == 0 {
                (first.clone(), "approve", "")
            } else {
                (second.clone(), "reject", "Not for you.")
            };
            let url = app.url("/rpc/admin-decide-request");
            let client = app.client.clone();
            let id = id.clone();
            calls.push(tokio::spawn(async move {
                client
                    .post(url)
                    .header("cookie", admin)
                    .form(&[
                        ("request_id", id.as_str()),
                        ("decision", decision),
                        ("note", note),
                    ])
                    .send()
                    .await
                    .expect("POST")
                    .status()
                    .as_u16()
            }));
        }
        let mut statuses = Vec::new();
        for call in calls {
            statuses.push(call.await.expect("task"));
        }
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409, 409, 409, 409, 409], "{statuses:?}");
        let decided = app
            .call_json("admin-access-inbox", Some(&first), &[("status", "all")])
            .await["items"][0]["request"]["status"]
            .clone();
        let grants = access_grant::Entity::find()
            .all(&app.portal.db)
            .await
            .expect("grants")
            .len();
        assert_eq!(
            grants,
            if decided == "approved" { 1 } else { 0 },
            "the grant follows the one decision ({decided})"
        );
        assert_eq!(
            app.audit_count("access.approved").await + app.audit_count("access.rejected").await,
            1
        );
    }
);

on_both_engines!(
    revocation_and_expiry_take_effect_at_once,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
        app.published(&admin, "hidden").await;
        let (alice, alice_cookie) = app.signed_in(&unique_email("alice"), false).await;
        let organization = membership::Entity::find()
            .filter(membership::Column::UserId.eq(alice.id))
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("membership")
            .organization_id
            .to_string();
        let reads = |cookie: String| {
            let app = &app;
            async move {
                (
                    app.call_with("collection", Some(&cookie), &[("slug", SLUG)])
                        .await
                        .status()
                        .as_u16(),
                    app.get_as(&format!("/api/v1/collections/{SLUG}/openapi.json"), &cookie)
                        .await
                        .status()
                        .as_u16(),
                )
            }
        };
        assert_eq!(reads(alice_cookie.clone()).await, (404, 404));
        let grant = |environments: &'static [&'static str]| {
            let app = &app;
            let admin = admin.clone();
            let organization = organization.clone();
            async move {
                let mut arguments =
                    vec![("slug", SLUG), ("organization_id", organization.as_str())];
                for environment in environments {
                    arguments.push((environment, "true"));
                }
                app.call_with("admin-grant-access", Some(&admin), &arguments)
                    .await
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(grant(&[]).await, 422, "an environment is needed");
        assert_eq!(grant(&["sandbox", "production"]).await, 200);
        assert_eq!(reads(alice_cookie.clone()).await, (200, 200));
        let revoke = |environment: &'static str| {
            let app = &app;
            let admin = admin.clone();
            let organization = organization.clone();
            async move {
                app.call_with(
                    "admin-revoke-access",
                    Some(&admin),
                    &[
                        ("slug", SLUG),
                        ("organization_id", organization.as_str()),
                        ("environment", environment),
                    ],
                )
                .await
                .status()
                .as_u16()
            }
        };
        assert_eq!(revoke("production").await, 200);
        assert_eq!(
            reads(alice_cookie.clone()).await,
            (200, 200),
            "sandbox remains"
        );
        assert_eq!(revoke("moon").await, 422);
        assert_eq!(revoke("sandbox").await, 200);
        assert_eq!(revoke("sandbox").await, 404, "nothing left to revoke");
        assert_eq!(
            reads(alice_cookie.clone()).await,
            (404, 404),
            "revoked at once"
        );
        assert_eq!(app.audit_count("collection.grant_revoked").await, 2);

        // A grant through today (the test clock stands at 2026-11-23 09:00 UTC), on a listed
        // collection (anyone reads its docs; access shows in My APIs).
        app.publish(&admin, SLUG, "listed").await;
        assert_eq!(
            app.ask(&alice_cookie, &["sandbox"], REASON).await.status(),
            200
        );
        let id = app.inbox(&admin).await[0]["request"]["id"]
            .as_str()
            .expect("id")
            .to_owned();
        assert_eq!(
            app.decide(&admin, &id, "approve", "", "2026-11-23")
                .await
                .status(),
            200
        );
        let access = app
            .call_json("admin-collection-access", Some(&admin), &[("slug", SLUG)])
            .await;
        assert_eq!(access["grants"][0]["expires_at"], "2026-11-23");
        assert_eq!(app.my_api_slugs(&alice_cookie).await, [SLUG]);
        // (Steps shorter than the session's idle timeout, so alice stays signed in.)
        app.clock.advance(chrono::Duration::hours(10));
        assert_eq!(
            app.my_api_slugs(&alice_cookie).await,
            [SLUG],
            "still the last day"
        );
        app.clock.advance(chrono::Duration::hours(6));
        assert!(
            app.my_api_slugs(&alice_cookie).await.is_empty(),
            "ended at midnight, before any sweep"
        );
        let overview = app
            .call_json("collection", Some(&alice_cookie), &[("slug", SLUG)])
            .await;
        assert_eq!(overview["card"]["has_access"], false);
        assert_eq!(
            app.portal
                .access
                .sweep_expired_grants()
                .await
                .expect("sweep"),
            1
        );
        assert_eq!(
            app.portal
                .access
                .sweep_expired_grants()
                .await
                .expect("sweep"),
            0
        );
        assert_eq!(app.audit_count("collection.grant_expired").await, 1);
    }
);

on_both_engines!(
    a_collection_can_approve_sandbox_requests_by_itself,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
        app.published(&admin, "listed").await;
        app.call_json(
            "admin-set-auto-approve",
            Some(&admin),
            &[("slug", SLUG), ("sandbox", "true")],
        )
        .await;
        let (_, alice) = app.signed_in(&unique_email("alice"), false).await;
        let asked = app.ask(&alice, &["sandbox"], REASON).await;
        assert_eq!(
            asked.json::<serde_json::Value>().await.expect("json"),
            "Approved"
        );
        assert_eq!(app.my_api_slugs(&alice).await, [SLUG]);
        let mine = app.call_json("my-requests", Some(&alice), &[]).await;
        assert_eq!(mine[0]["status"], "approved");
        assert!(
            mine[0]["decided_by"]
                .as_str()
                .expect("decided by")
                .contains("automatically")
        );
        assert_eq!(app.audit_count("access.auto_approved").await, 1);
        let grant = access_grant::Entity::find()
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("grant");
        assert_eq!(
            (grant.environment.as_str(), grant.source.as_str()),
            ("sandbox", "auto")
        );

        // Production is not covered by the rule: it waits for an admin.
        let asked = app.ask(&alice, &["production"], REASON).await;
        assert_eq!(
            asked.json::<serde_json::Value>().await.expect("json"),
            "Pending"
        );
        assert_eq!(app.inbox(&admin).await.len(), 1);
    }
);

on_both_engines!(
    bulk_decisions_skip_what_others_decided,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
        app.published(&admin, "listed").await;
        for name in ["ann", "ben", "cid"] {
            let (_, cookie) = app.signed_in(&unique_email(name), false).await;
            assert_eq!(app.ask(&cookie, &["sandbox"], REASON).await.status(), 200);
        }
        let ids: Vec<String> = app
            .inbox(&admin)
            .await
            .iter()
            .map(|item| item["request"]["id"].as_str().expect("id").to_owned())
            .collect();
        assert_eq!(ids.len(), 3);
        app.decide(&admin, &ids[1], "approve", "", "").await;
        let (field, _) = invalid(
            app.call_with(
                "admin-decide-requests",
                Some(&admin),
                &[("request_ids[0]", &ids[0]), ("decision", "reject")],
            )
            .await,
        )
        .await;
        assert_eq!(field, "note", "bulk rejection needs a reason too");
        let outcome = app
            .call_json(
                "admin-decide-requests",
                Some(&admin),
                &[
                    ("request_ids[0]", &ids[0]),
                    ("request_ids[1]", &ids[1]),
                    ("request_ids[2]", &ids[2]),
                    ("decision", "reject"),
                    ("note", "We are full this quarter."),
                ],
            )
            .await;
        assert_eq!(outcome["decided"], 2);
        assert_eq!(outcome["skipped"].as_array().map(Vec::len), Some(1));
        assert!(
            outcome["skipped"][0]
                .as_str()
                .expect("reason")
                .contains("already approved")
        );
        assert!(app.inbox(&admin).await.is_empty());
        assert_eq!(app.audit_count("access.rejected").await, 2);
    }
);

on_both_engines!(
    admins_choose_whether_mail_tells_them,
    |app: TestApp| async move {
        let quiet_email = unique_email("quiet");
        let (_, quiet) = app.signed_in(&quiet_email, true).await;
        let loud_email = unique_email("loud");
        let (_, loud) = app.signed_in(&loud_email, true).await;
        assert_eq!(
            app.call_json("request-notifications", Some(&quiet), &[])
                .await,
            true,
            "on unless turned off"
        );
        app.call_json("set-request-notifications", Some(&quiet), &[])
            .await;
        assert_eq!(
            app.call_json("request-notifications", Some(&quiet), &[])
                .await,
            false
        );
        app.published(&loud, "listed").await;
        let (_, alice) = app.signed_in(&unique_email("alice"), false).await;
        app.ask(&alice, &["sandbox"], REASON).await;
        mailbox().wait_for(&loud_email, 1).await;
        // The mails go out together; give a stray one a moment to arrive.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(mailbox().messages_for(&quiet_email).await.is_empty());
    }
);

/// A request stays, and is decided, even when no mail can be sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_failure_loses_neither_request_nor_decision() {
    let app = TestApp::spawn_with(crate::helpers::Engine::Sqlite, |settings| {
        // Nothing listens on port 1.
        settings.smtp_url = Some(server::settings::Secret::new(
            "smtp://127.0.0.1:1".to_owned(),
        ));
    })
    .await
    .expect("sqlite");
    let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
    app.published(&admin, "listed").await;
    let (_, alice) = app.signed_in(&unique_email("alice"), false).await;
    assert_eq!(app.ask(&alice, &["sandbox"], REASON).await.status(), 200);
    let inbox = app.inbox(&admin).await;
    assert_eq!(inbox.len(), 1);
    let id = inbox[0]["request"]["id"].as_str().expect("id").to_owned();
    assert_eq!(
        app.decide(&admin, &id, "approve", "", "").await.status(),
        200
    );
    assert_eq!(app.my_api_slugs(&alice).await, [SLUG]);
}

on_both_engines!(who_may_do_what_with_access, |app: TestApp| async move {
    let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
    app.published(&admin, "listed").await;
    let (alice, alice_cookie) = app.signed_in(&unique_email("alice"), false).await;
    let (_, bob) = app.signed_in(&unique_email("bob"), false).await;
    let secret_reason = "Alice builds a secret project that nobody else may read about.";
    app.ask(&alice_cookie, &["sandbox"], secret_reason).await;
    let id = app.inbox(&admin).await[0]["request"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let organization = membership::Entity::find()
        .filter(membership::Column::UserId.eq(alice.id))
        .one(&app.portal.db)
        .await
        .expect("query")
        .expect("membership")
        .organization_id
        .to_string();

    // Admin-only server functions: (endpoint, arguments that would succeed for an admin).
    let admin_only: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("admin-access-inbox", vec![]),
        ("admin-collection-access", vec![("slug", SLUG)]),
        ("admin-set-auto-approve", vec![("slug", SLUG)]),
        ("admin-audit-log", vec![]),
        ("request-notifications", vec![]),
        ("set-request-notifications", vec![("enabled", "true")]),
        (
            "admin-grant-access",
            vec![
                ("slug", SLUG),
                ("organization_id", &organization),
                ("production", "true"),
            ],
        ),
        (
            "admin-revoke-access",
            vec![
                ("slug", SLUG),
                ("organization_id", &organization),
                ("environment", "production"),
            ],
        ),
        (
            "admin-decide-request",
            vec![("request_id", &id), ("decision", "approve")],
        ),
        // Succeeds with "already decided" among the skipped.
        (
            "admin-decide-requests",
            vec![("request_ids[0]", &id), ("decision", "approve")],
        ),
    ];
    for (endpoint, arguments) in &admin_only {
        for (who, cookie, expected) in [
            ("anonymous", None, 401),
            ("alice", Some(alice_cookie.as_str()), 403),
            ("bob", Some(bob.as_str()), 403),
        ] {
            let status = app.call_with(endpoint, cookie, arguments).await.status();
            assert_eq!(status, expected, "{endpoint} as {who}");
        }
    }
    // The request is untouched by all those refusals; the admin still sees it pending…
    assert_eq!(app.inbox(&admin).await.len(), 1);
    // …and the admin may do each of them (in this order, each succeeds).
    for (endpoint, arguments) in &admin_only {
        let response = app.call_with(endpoint, Some(&admin), arguments).await;
        let status = response.status();
        let body = response.text().await.expect("body");
        assert_eq!(status, 200, "{endpoint} as admin: {body}");
    }

    // Developers' functions: signed in only, and only their organization's requests.
    for endpoint in [
        "my-requests",
        "access-request-form",
        "request-access",
        "withdraw-request",
    ] {
        let status = app
            .call_with(endpoint, None, &[("slug", SLUG), ("request_id", &id)])
            .await
            .status();
        assert_eq!(status, 401, "{endpoint} as anonymous");
    }
    let bobs = app.call_json("my-requests", Some(&bob), &[]).await;
    assert_eq!(
        bobs,
        serde_json::json!([]),
        "bob sees none of alice's organization"
    );
    let alices = app.call_json("my-requests", Some(&alice_cookie), &[]).await;
    assert_eq!(alices[0]["id"], id);

    // Pages: the reason shows to the admin only.
    for path in ["/admin/requests?status=all", "/requests"] {
        for (who, cookie) in [("anonymous", None), ("bob", Some(bob.as_str()))] {
            let html = match cookie {
                Some(cookie) => app.get_as(path, cookie).await,
                None => app.get(path).await,
            }
            .text()
            .await
            .expect("html");
            assert!(!html.contains(secret_reason), "{path} as {who}");
        }
    }
    let html = app
        .get_as("/admin/requests?status=all", &admin)
        .await
        .text()
        .await
        .expect("html");
    assert!(html.contains(secret_reason), "the admin's inbox");
    let html = app
        .get_as("/requests", &alice_cookie)
        .await
        .text()
        .await
        .expect("html");
    assert!(html.contains(secret_reason), "alice's own requests");

    // The CSV export.
    for (who, cookie, expected) in [
        ("anonymous", None, 401),
        ("bob", Some(bob.as_str()), 403),
        ("admin", Some(admin.as_str()), 200),
    ] {
        let mut request = app.client.get(app.url("/admin/audit.csv"));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let status = request.send().await.expect("GET").status();
        assert_eq!(status, expected, "audit export as {who}");
    }
});
