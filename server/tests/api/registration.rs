//! Self-registration: off by default; when on, requests wait for an admin's decision.

use crate::helpers::{TestApp, eventually, invalid, mailbox, unique_email};
use crate::on_both_engines;

fn join_form<'a>(email: &'a str, name: &'a str) -> [(&'a str, &'a str); 4] {
    [
        ("email", email),
        ("display_name", name),
        ("company", "Example Ltd"),
        ("reason", "We want to build a payments integration."),
    ]
}

async fn pending(app: &TestApp, admin: &str, count: usize) -> Vec<serde_json::Value> {
    eventually(&format!("{count} pending request(s)"), || async {
        let overview = app.call_json("admin-registrations", Some(admin), &[]).await;
        let list = overview["pending"].as_array().cloned().unwrap_or_default();
        (list.len() == count).then_some(list)
    })
    .await
}

on_both_engines!(
    requests_to_join_are_refused_while_self_registration_is_off,
    |app: TestApp| async move {
        let address = unique_email("hopeful");
        let info = app.call_json("session-info", None, &[]).await;
        assert_eq!(info["self_registration"], false);
        let refused = app
            .call_with("request-account", None, &join_form(&address, "Hope Ful"))
            .await;
        assert_eq!(refused.status(), 403);
        let body = refused.text().await.expect("body");
        assert!(body.contains("does not take requests to join"), "{body}");
        let page = app.get("/register").await.text().await.expect("page");
        assert!(page.contains("does not take requests to join"), "{page}");
    }
);

on_both_engines!(
    an_approved_request_gets_a_sign_in_link_and_a_rejected_one_does_not,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (_, member) = app.signed_in(&unique_email("member"), false).await;
        let refused = app
            .call_with(
                "admin-set-self-registration",
                Some(&member),
                &[("open", "true")],
            )
            .await;
        assert_eq!(refused.status(), 403);
        app.call_json(
            "admin-set-self-registration",
            Some(&admin),
            &[("open", "true")],
        )
        .await;
        assert_eq!(
            app.call_json("session-info", None, &[]).await["self_registration"],
            true
        );
        let page = app.get("/sign-in").await.text().await.expect("page");
        assert!(
            page.contains("href=\"/register\""),
            "the sign-in page offers it"
        );

        let (field, _) = invalid(
            app.call_with("request-account", None, &join_form("nope", "Ada"))
                .await,
        )
        .await;
        assert_eq!(field, "email");
        let ada = unique_email("ada");
        let (field, _) = invalid(
            app.call_with("request-account", None, &join_form(&ada, " "))
                .await,
        )
        .await;
        assert_eq!(field, "display_name");

        app.call_json("request-account", None, &join_form(&ada, "Ada Lovelace"))
            .await;
        let list = pending(&app, &admin, 1).await;
        assert_eq!(list[0]["email"], ada.as_str());
        assert_eq!(list[0]["company"], "Example Ltd");
        // Asking twice does not queue twice.
        app.call_json("request-account", None, &join_form(&ada, "Ada Lovelace"))
            .await;
        let bob = unique_email("bob");
        app.call_json("request-account", None, &join_form(&bob, "Bob"))
            .await;
        let list = pending(&app, &admin, 2).await;
        // Nobody in the queue can sign in yet.
        app.request_link(&ada).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(mailbox().messages_for(&ada).await.is_empty());

        let organization = app.organization("Newcomers").await;
        let ada_id = list[0]["id"].as_str().expect("id").to_owned();
        let bob_id = list[1]["id"].as_str().expect("id").to_owned();
        let refused = app
            .call_with(
                "admin-decide-registration",
                Some(&member),
                &[("registration_id", &ada_id), ("approve", "true")],
            )
            .await;
        assert_eq!(refused.status(), 403);
        app.call_json(
            "admin-decide-registration",
            Some(&admin),
            &[
                ("registration_id", &ada_id),
                ("approve", "true"),
                ("organization_id", &organization.id.to_string()),
            ],
        )
        .await;
        app.call_json(
            "admin-decide-registration",
            Some(&admin),
            &[("registration_id", &bob_id), ("approve", "false")],
        )
        .await;
        let (field, message) = invalid(
            app.call_with(
                "admin-decide-registration",
                Some(&admin),
                &[("registration_id", &bob_id), ("approve", "true")],
            )
            .await,
        )
        .await;
        assert_eq!(field, "registration_id");
        assert!(message.contains("already been decided"), "{message}");
        pending(&app, &admin, 0).await;

        let token = app.token_from_mail(&ada, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);
        let email = app::types::Email::parse(&ada).expect("email");
        let person = server::directory::find_user_by_email(&app.portal.db, &email)
            .await
            .expect("query")
            .expect("account created");
        assert_eq!(person.display_name, "Ada Lovelace");
        let rejection = &mailbox().wait_for(&bob, 1).await[0];
        assert!(
            rejection["text"]
                .as_str()
                .unwrap_or_default()
                .contains("did not approve")
        );
        app.request_link(&bob).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(
            mailbox().messages_for(&bob).await.len(),
            1,
            "no sign-in link"
        );
        assert_eq!(app.audit_count("registration.requested").await, 2);
        assert_eq!(app.audit_count("registration.approved").await, 1);
        assert_eq!(app.audit_count("registration.rejected").await, 1);
    }
);

on_both_engines!(
    people_who_may_sign_in_get_a_link_instead_of_a_queue_entry,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        app.call_json(
            "admin-set-self-registration",
            Some(&admin),
            &[("open", "true")],
        )
        .await;
        let known = unique_email("known");
        app.signed_in(&known, false).await;
        app.call_json("request-account", None, &join_form(&known, "Known"))
            .await;
        app.token_from_mail(&known, 1).await;
        pending(&app, &admin, 0).await;
    }
);
