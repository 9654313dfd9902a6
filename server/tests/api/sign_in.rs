//! Sign-in by email link, with a real SMTP server receiving the mail.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use server::entities::{audit_event, authorized_email, invitation, membership, session, user};

use crate::helpers::{TestApp, mailbox, unique_email};
use crate::on_both_engines;

async fn active_user(app: &TestApp, name: &str) -> String {
    let address = unique_email(name);
    let email = app::types::Email::parse(&address).expect("email");
    server::directory::create_user(&app.portal.db, &app.clock, &email, false)
        .await
        .expect("user");
    address
}

fn session_cookie(response: &reqwest::Response) -> String {
    let set_cookie = response
        .headers()
        .get("set-cookie")
        .expect("a session cookie")
        .to_str()
        .expect("ascii");
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    set_cookie.split(';').next().expect("pair").to_owned()
}

async fn viewer_email(app: &TestApp, cookie: &str) -> Option<String> {
    let info: serde_json::Value = app
        .call("session-info", Some(cookie))
        .await
        .json()
        .await
        .expect("json");
    info["viewer"]["email"].as_str().map(str::to_owned)
}

on_both_engines!(
    a_known_user_signs_in_from_the_email,
    |app: TestApp| async move {
        let address = active_user(&app, "ada").await;
        let response = app.request_link(&address).await;
        assert_eq!(response.status(), 202);
        let token = app.token_from_mail(&address, 1).await;

        let mail = &mailbox().messages_for(&address).await[0];
        assert_eq!(mail["subject"], "Your sign-in link for Portico");
        assert!(
            mail["html"]
                .as_str()
                .expect("html part")
                .contains("/auth/magic?token=")
        );

        // Opening the link (as a mail scanner would) changes nothing.
        let page = app.get(&format!("/auth/magic?token={token}")).await;
        assert_eq!(page.status(), 200);
        assert!(page.text().await.expect("html").contains("Continue"));

        let response = app.validate(&token).await;
        assert_eq!(response.status(), 200);
        let cookie = session_cookie(&response);
        assert_eq!(
            viewer_email(&app, &cookie).await.as_deref(),
            Some(address.as_str())
        );
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["redirect"], "/apis");

        let events = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("auth.signed_in"))
            .all(&app.portal.db)
            .await
            .expect("events");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].actor_label, address);
        assert_eq!(events[0].client_addr.as_deref(), Some("127.0.0.1"));
    }
);

on_both_engines!(
    every_address_gets_the_same_answer,
    |app: TestApp| async move {
        let known = active_user(&app, "known").await;
        let unknown = unique_email("stranger");
        let suspended = active_user(&app, "suspended").await;
        user::Entity::update_many()
            .col_expr(
                user::Column::Status,
                sea_orm::sea_query::Expr::value(user::STATUS_SUSPENDED),
            )
            .filter(user::Column::Email.eq(suspended.as_str()))
            .exec(&app.portal.db)
            .await
            .expect("suspend");

        let mut bodies = Vec::new();
        for address in [&known, &unknown, &suspended] {
            let response = app.request_link(address).await;
            assert_eq!(response.status(), 202);
            bodies.push(response.text().await.expect("body"));
        }
        assert!(
            bodies.windows(2).all(|pair| pair[0] == pair[1]),
            "{bodies:?}"
        );

        mailbox().wait_for(&known, 1).await;
        // The refusals are decided off the request path too; give them time to (not) send.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(mailbox().messages_for(&unknown).await.is_empty());
        assert!(mailbox().messages_for(&suspended).await.is_empty());
        let refused = app.audit_count("auth.link_refused").await;
        assert_eq!(refused, 2);
    }
);

on_both_engines!(bad_input_is_explained, |app: TestApp| async move {
    let response = app.request_link("not an email").await;
    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["error"], "invalid");
    assert_eq!(
        body["message"],
        "An email address looks like name@example.com."
    );

    let response = app
        .client
        .post(app.url("/api/v1/developer-portal/request-link"))
        .header("content-type", "application/json")
        .body("{\"mail\": 1}")
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 422);

    let response = app.validate("").await;
    assert_eq!(response.status(), 401);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["error"], "token_unknown");
});

on_both_engines!(
    links_work_once_and_not_after_expiry,
    |app: TestApp| async move {
        let address = active_user(&app, "grace").await;
        app.request_link(&address).await;
        let token = app.token_from_mail(&address, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);

        let replay = app.validate(&token).await;
        assert_eq!(replay.status(), 401);
        let body: serde_json::Value = replay.json().await.expect("json");
        assert_eq!(body["error"], "token_used");

        app.request_link(&address).await;
        let token = app.token_from_mail(&address, 2).await;
        app.clock.advance(chrono::Duration::minutes(11));
        let late = app.validate(&token).await;
        let body: serde_json::Value = late.json().await.expect("json");
        assert_eq!(body["error"], "token_expired");

        // A tampered token is unknown, whatever it looks like.
        let mut tampered = token.clone();
        let last = if tampered.ends_with('0') { '1' } else { '0' };
        tampered.pop();
        tampered.push(last);
        let body: serde_json::Value = app.validate(&tampered).await.json().await.expect("json");
        assert_eq!(body["error"], "token_unknown");

        let rejected = app.audit_count("auth.link_rejected").await;
        assert_eq!(rejected, 3);
    }
);

on_both_engines!(
    fifty_concurrent_redemptions_give_one_session,
    |app: TestApp| async move {
        let address = active_user(&app, "race").await;
        app.request_link(&address).await;
        let token = app.token_from_mail(&address, 1).await;
        let attempts = (0..50).map(|_| {
            let client = app.client.clone();
            let url = app.url("/api/v1/developer-portal/validate-token");
            let token = token.clone();
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&serde_json::json!({ "token": token }))
                    .send()
                    .await
                    .expect("POST")
                    .status()
                    .as_u16()
            })
        });
        let mut statuses = Vec::new();
        for attempt in attempts {
            statuses.push(attempt.await.expect("task"));
        }
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "{statuses:?}"
        );
        assert!(
            statuses.iter().all(|s| *s == 200 || *s == 401),
            "{statuses:?}"
        );
        assert_eq!(
            session::Entity::find()
                .count(&app.portal.db)
                .await
                .expect("count"),
            1
        );
    }
);

on_both_engines!(link_requests_are_rate_limited, |app: TestApp| async move {
    let address = unique_email("eager");
    for _ in 0..5 {
        assert_eq!(app.request_link(&address).await.status(), 202);
    }
    let refused = app.request_link(&address).await;
    assert_eq!(refused.status(), 429);
    let retry_after: u64 = refused
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=3600).contains(&retry_after), "{retry_after}");

    // Per client address: 20 an hour, whatever the addresses. The refused request above never
    // reached the address counter, so 15 more fit.
    for n in 0..15 {
        assert_eq!(
            app.request_link(&unique_email(&format!("spray{n}")))
                .await
                .status(),
            202,
            "request {n}"
        );
    }
    assert_eq!(
        app.request_link(&unique_email("one-too-many"))
            .await
            .status(),
        429
    );

    // A new window starts after the hour.
    app.clock.advance(chrono::Duration::hours(1));
    assert_eq!(app.request_link(&address).await.status(), 202);
});

on_both_engines!(cross_site_posts_are_refused, |app: TestApp| async move {
    let (_, cookie) = app.signed_in(&unique_email("victim"), false).await;
    for (header, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let response = app
            .client
            .post(app.url("/auth/sign-out"))
            .header("cookie", &cookie)
            .header(header, value)
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), 403, "{header}");
    }
    assert!(
        viewer_email(&app, &cookie).await.is_some(),
        "still signed in"
    );

    let same_site = app
        .client
        .post(app.url("/auth/sign-out"))
        .header("cookie", &cookie)
        .header("origin", app.url(""))
        .send()
        .await
        .expect("POST");
    assert_eq!(same_site.status(), 303);
    assert!(viewer_email(&app, &cookie).await.is_none(), "signed out");
});

on_both_engines!(
    the_link_page_form_signs_in_without_javascript,
    |app: TestApp| async move {
        let address = active_user(&app, "nojs").await;
        app.request_link(&address).await;
        let token = app.token_from_mail(&address, 1).await;
        let response = app
            .client
            .post(app.url("/auth/magic"))
            .form(&[("token", token.as_str())])
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), 303);
        assert_eq!(
            response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok()),
            Some("/apis")
        );
        let cookie = session_cookie(&response);
        assert!(viewer_email(&app, &cookie).await.is_some());

        let again = app
            .client
            .post(app.url("/auth/magic"))
            .form(&[("token", token.as_str())])
            .send()
            .await
            .expect("POST");
        assert_eq!(
            again
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok()),
            Some("/auth/magic?error=token_used")
        );
        let page = app
            .get("/auth/magic?error=token_used")
            .await
            .text()
            .await
            .expect("html");
        assert!(page.contains("This link has already been used"));
        assert!(page.contains("href=\"/sign-in\""));
    }
);

on_both_engines!(
    invitations_create_the_account_on_first_sign_in,
    |app: TestApp| async move {
        let (_, _) = app.signed_in(&unique_email("inviter"), true).await;
        let organization = app.organization("Invited Org").await;
        let address = unique_email("newcomer");
        let invitation_id = uuid::Uuid::now_v7();
        invitation::ActiveModel {
            id: Set(invitation_id),
            email: Set(address.clone()),
            organization_id: Set(organization.id),
            role: Set(membership::ROLE_ADMIN.to_owned()),
            invited_by: Set(None),
            created_at: Set(app.clock_now()),
            expires_at: Set(app.clock_now() + chrono::Duration::days(7)),
            accepted_at: Set(None),
            revoked_at: Set(None),
        }
        .insert(&app.portal.db)
        .await
        .expect("invitation");

        app.request_link(&address).await;
        let token = app.token_from_mail(&address, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);

        let person = user::Entity::find()
            .filter(user::Column::Email.eq(address.as_str()))
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("account created");
        let role = membership::Entity::find_by_id((person.id, organization.id))
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("membership")
            .role;
        assert_eq!(role, membership::ROLE_ADMIN);
        let accepted = invitation::Entity::find_by_id(invitation_id)
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("invitation");
        assert!(accepted.accepted_at.is_some());
    }
);

on_both_engines!(
    authorized_emails_follow_the_portal_access_switch,
    |app: TestApp| async move {
        let organization = app.organization("Client Co").await;
        let address = unique_email("client");
        authorized_email::ActiveModel {
            organization_id: Set(organization.id),
            email: Set(address.clone()),
            created_at: Set(app.clock_now()),
        }
        .insert(&app.portal.db)
        .await
        .expect("authorized");

        app.request_link(&address).await;
        let token = app.token_from_mail(&address, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);

        // With portal access off, the same address (now a member) gets no more links.
        server::entities::organization::ActiveModel {
            id: Set(organization.id),
            portal_access: Set(false),
            ..Default::default()
        }
        .update(&app.portal.db)
        .await
        .expect("switch off");
        app.request_link(&address).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert_eq!(mailbox().messages_for(&address).await.len(), 1);
    }
);

on_both_engines!(idle_sessions_end, |app: TestApp| async move {
    let (_, cookie) = app.signed_in(&unique_email("idle"), false).await;
    app.clock.advance(chrono::Duration::hours(11));
    assert!(
        viewer_email(&app, &cookie).await.is_some(),
        "11 hours idle is fine"
    );
    app.clock.advance(chrono::Duration::hours(11));
    assert!(
        viewer_email(&app, &cookie).await.is_some(),
        "activity resets the idle timer"
    );
    app.clock.advance(chrono::Duration::hours(13));
    assert!(
        viewer_email(&app, &cookie).await.is_none(),
        "13 idle hours end it"
    );
});

mod dev_outbox {
    use super::*;
    use crate::helpers::Engine;

    #[tokio::test]
    async fn without_smtp_mail_lands_in_the_dev_outbox() {
        let app = TestApp::spawn_with(Engine::Sqlite, |settings| settings.smtp_url = None)
            .await
            .expect("sqlite always runs");
        let address = active_user(&app, "outbox").await;
        app.request_link(&address).await;
        let mut page = String::new();
        for _ in 0..50 {
            page = app.get("/dev/outbox").await.text().await.expect("html");
            if page.contains(&address) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(page.contains(&address), "{page}");
        assert!(page.contains("/auth/magic?token="));
    }

    #[tokio::test]
    async fn with_smtp_there_is_no_outbox() {
        let app = TestApp::spawn(Engine::Sqlite)
            .await
            .expect("sqlite always runs");
        assert_eq!(app.get("/dev/outbox").await.status(), 404);
    }
}

on_both_engines!(
    sign_out_everywhere_ends_every_session,
    |app: TestApp| async move {
        let address = active_user(&app, "many").await;
        let mut cookies = Vec::new();
        for n in 1..=2 {
            app.request_link(&address).await;
            let token = app.token_from_mail(&address, n).await;
            cookies.push(session_cookie(&app.validate(&token).await));
        }
        let sessions: Vec<serde_json::Value> = app
            .call("my-sessions", Some(&cookies[0]))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(sessions.len(), 2);
        assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);

        let response = app
            .client
            .post(app.url("/auth/sign-out-everywhere"))
            .header("cookie", &cookies[0])
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), 303);
        for cookie in &cookies {
            assert!(viewer_email(&app, cookie).await.is_none());
        }
        assert_eq!(
            app.call("my-sessions", Some(&cookies[1])).await.status(),
            401
        );
        let events = app.audit_count("auth.signed_out_everywhere").await;
        assert_eq!(events, 1);
    }
);

on_both_engines!(the_profile_page_lists_sessions, |app: TestApp| async move {
    let (_, cookie) = app.signed_in(&unique_email("profile"), false).await;
    let html = app
        .get_as("/profile", &cookie)
        .await
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("Signed-in browsers") && html.contains("This browser"),
        "{html}"
    );
    let anonymous = app.get("/profile").await.text().await.expect("html");
    assert!(anonymous.contains("to see your profile"));
});
