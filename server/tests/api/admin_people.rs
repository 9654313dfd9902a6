//! Admin: listing, suspending and reactivating people, and who may do it.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::TestApp;
use crate::on_both_engines;

on_both_engines!(only_admins_list_people, |app: TestApp| async move {
    let (_, admin) = app.signed_in("root@example.com", true).await;
    let (_, developer) = app.signed_in("dev@example.com", false).await;
    assert_eq!(app.call("admin-people", None).await.status(), 401);
    assert_eq!(
        app.call("admin-people", Some(&developer)).await.status(),
        403
    );
    let list: serde_json::Value = app
        .call("admin-people", Some(&admin))
        .await
        .json()
        .await
        .expect("json");
    let people = list["people"].as_array().expect("people");
    assert_eq!(list["total"], 2);
    let emails: Vec<_> = people
        .iter()
        .map(|p| p["email"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(emails, ["dev@example.com", "root@example.com"]);
    assert_eq!(people[0]["organizations"], serde_json::json!(["Test Org"]));

    let page = app
        .get_as("/admin/people", &admin)
        .await
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("dev@example.com") && page.contains("Suspend Dev"),
        "{page}"
    );
});

on_both_engines!(
    suspension_ends_sessions_and_reactivation_allows_sign_in,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in("root@example.com", true).await;
        let address = crate::helpers::unique_email("dev");
        let (developer, developer_cookie) = app.signed_in(&address, false).await;
        let id = developer.id.to_string();

        // Developers cannot suspend anyone.
        let refused = app
            .call_with(
                "admin-set-suspended",
                Some(&developer_cookie),
                &[("person_id", &id), ("suspended", "true")],
            )
            .await;
        assert_eq!(refused.status(), 403);

        let done = app
            .call_with(
                "admin-set-suspended",
                Some(&admin),
                &[("person_id", &id), ("suspended", "true")],
            )
            .await;
        assert_eq!(done.status(), 200);
        assert_eq!(
            app.call("my-sessions", Some(&developer_cookie))
                .await
                .status(),
            401,
            "session ended"
        );
        app.request_link(&address).await;
        // The refusal is decided off the request path; let it happen before reactivating.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;

        let done = app
            .call_with(
                "admin-set-suspended",
                Some(&admin),
                &[("person_id", &id), ("suspended", "false")],
            )
            .await;
        assert_eq!(done.status(), 200);
        app.request_link(&address).await;
        // Only the request after reactivation produced a mail.
        let token = app.token_from_mail(&address, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);

        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        use server::entities::audit_event;
        for action in ["user.suspended", "user.reactivated"] {
            let count = audit_event::Entity::find()
                .filter(audit_event::Column::Action.eq(action))
                .filter(audit_event::Column::ActorLabel.eq("root@example.com"))
                .count(&app.portal.db)
                .await
                .expect("count");
            assert_eq!(count, 1, "{action}");
        }
    }
);

on_both_engines!(bad_suspensions_are_explained, |app: TestApp| async move {
    let (admin_user, admin) = app.signed_in("root@example.com", true).await;
    let myself = admin_user.id.to_string();
    let response = app
        .call_with(
            "admin-set-suspended",
            Some(&admin),
            &[("person_id", &myself), ("suspended", "true")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let error: serde_json::Value = response.json().await.expect("json");
    assert_eq!(error["Invalid"]["message"], "You cannot suspend yourself.");

    for bad in ["not-a-uuid", &uuid::Uuid::new_v4().to_string()] {
        let response = app
            .call_with(
                "admin-set-suspended",
                Some(&admin),
                &[("person_id", bad), ("suspended", "true")],
            )
            .await;
        assert_eq!(response.status(), 404, "{bad}");
    }
    let response = app
        .call_with(
            "admin-set-suspended",
            Some(&admin),
            &[("person_id", &myself), ("suspended", "perhaps")],
        )
        .await;
    assert_eq!(
        response.status(),
        422,
        "unparsable arguments are bad input, not a crash"
    );
});

/// Everyone matching what is asked: part of a name or address, organization, role, status and
/// sign-in method, alone and together.
async fn found(app: &TestApp, admin: &str, filter: &[(&str, &str)]) -> Vec<String> {
    let arguments: Vec<(String, &str)> = filter
        .iter()
        .map(|(name, value)| (format!("filter[{name}]"), *value))
        .collect();
    let arguments: Vec<(&str, &str)> = arguments.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let list = app.call_json("admin-people", Some(admin), &arguments).await;
    list["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| p["email"].as_str().unwrap_or_default().to_owned())
        .collect()
}

on_both_engines!(
    people_are_found_by_filters_and_admins_change_roles_and_sessions,
    |app: TestApp| async move {
        use sea_orm::{ActiveModelTrait, Set};
        let (root, admin) = app.signed_in("root@example.com", true).await;
        let (ada, ada_cookie) = app.signed_in("ada.lovelace@example.com", false).await;
        let (grace, _) = app.signed_in("grace@elsewhere.test", false).await;
        server::entities::user::ActiveModel {
            id: Set(grace.id),
            status: Set(server::entities::user::STATUS_SUSPENDED.to_owned()),
            ..Default::default()
        }
        .update(&app.portal.db)
        .await
        .expect("suspend");
        server::entities::user_identity::ActiveModel {
            issuer: Set("https://id.example.com".to_owned()),
            subject: Set("ada".to_owned()),
            user_id: Set(ada.id),
            provider: Set("corp".to_owned()),
            created_at: Set(app.clock_now()),
            last_sign_in_at: Set(None),
        }
        .insert(&app.portal.db)
        .await
        .expect("identity");
        let ada_org = server::entities::membership::Entity::find()
            .filter(server::entities::membership::Column::UserId.eq(ada.id))
            .find_also_related(server::entities::organization::Entity)
            .one(&app.portal.db)
            .await
            .expect("query")
            .and_then(|(_, o)| o)
            .expect("organization");

        let everyone = [
            "ada.lovelace@example.com",
            "grace@elsewhere.test",
            "root@example.com",
        ];
        assert_eq!(found(&app, &admin, &[]).await, everyone);
        assert_eq!(
            found(&app, &admin, &[("q", "LOVELACE")]).await,
            ["ada.lovelace@example.com"]
        );
        assert_eq!(
            found(&app, &admin, &[("q", "Grace")]).await,
            ["grace@elsewhere.test"],
            "by name"
        );
        assert_eq!(
            found(&app, &admin, &[("organization", &ada_org.slug)]).await,
            ["ada.lovelace@example.com"]
        );
        assert_eq!(
            found(&app, &admin, &[("role", "admin")]).await,
            ["root@example.com"]
        );
        assert_eq!(
            found(&app, &admin, &[("status", "suspended")]).await,
            ["grace@elsewhere.test"]
        );
        assert_eq!(
            found(&app, &admin, &[("method", "sso")]).await,
            ["ada.lovelace@example.com"]
        );
        assert_eq!(
            found(&app, &admin, &[("method", "email"), ("status", "active")]).await,
            ["root@example.com"]
        );
        assert!(found(&app, &admin, &[("q", "nobody")]).await.is_empty());
        let page = app
            .get_as("/admin/people?q=lovelace", &admin)
            .await
            .text()
            .await
            .expect("html");
        assert!(
            page.contains("1 of 3 people"),
            "the page filters from its address"
        );

        // The admin role: given, audited, and never taken from oneself.
        let ada_id = ada.id.to_string();
        let refused = app
            .call_with(
                "admin-set-portal-admin",
                Some(&ada_cookie),
                &[("person_id", &ada_id), ("admin", "true")],
            )
            .await;
        assert_eq!(refused.status(), 403);
        app.call_json(
            "admin-set-portal-admin",
            Some(&admin),
            &[("person_id", &ada_id), ("admin", "true")],
        )
        .await;
        assert_eq!(
            app.call_json("session-info", Some(&ada_cookie), &[]).await["viewer"]["is_admin"],
            true
        );
        let (field, message) = crate::helpers::invalid(
            app.call_with(
                "admin-set-portal-admin",
                Some(&admin),
                &[("person_id", &root.id.to_string()), ("admin", "false")],
            )
            .await,
        )
        .await;
        assert_eq!(field, "person_id");
        assert!(message.contains("your own admin role"), "{message}");
        app.call_json(
            "admin-set-portal-admin",
            Some(&admin),
            &[("person_id", &ada_id), ("admin", "false")],
        )
        .await;
        assert_eq!(app.audit_count("user.made_admin").await, 1);
        assert_eq!(app.audit_count("user.admin_removed").await, 1);
        let missing = app
            .call_with(
                "admin-set-portal-admin",
                Some(&admin),
                &[("person_id", "not-a-uuid"), ("admin", "true")],
            )
            .await;
        assert_eq!(missing.status(), 404);

        // Ending someone's sessions signs them out everywhere.
        let ended = app
            .call_json(
                "admin-end-sessions",
                Some(&admin),
                &[("person_id", &ada_id)],
            )
            .await;
        assert_eq!(ended, 1);
        assert_eq!(
            app.call("my-sessions", Some(&ada_cookie)).await.status(),
            401
        );
        assert_eq!(app.audit_count("user.sessions_ended").await, 1);
    }
);

on_both_engines!(
    a_persons_page_shows_memberships_sessions_and_events,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in("root@example.com", true).await;
        let (ada, ada_cookie) = app.signed_in("ada.lovelace@example.com", false).await;
        let id = ada.id.to_string();
        assert_eq!(
            app.call_with("admin-person", Some(&ada_cookie), &[("person_id", &id)])
                .await
                .status(),
            403
        );
        assert_eq!(
            app.call_with("admin-person", Some(&admin), &[("person_id", "nobody")])
                .await
                .status(),
            404
        );
        app.call_json(
            "admin-set-portal-admin",
            Some(&admin),
            &[("person_id", &id), ("admin", "true")],
        )
        .await;
        let details = app
            .call_json("admin-person", Some(&admin), &[("person_id", &id)])
            .await;
        assert_eq!(details["person"]["email"], "ada.lovelace@example.com");
        let memberships = details["memberships"].as_array().expect("memberships");
        assert_eq!(memberships.len(), 1, "{memberships:?}");
        assert_eq!(memberships[0]["organization"], "Test Org");
        assert_eq!(memberships[0]["role"], "member");
        assert!(memberships[0]["organization_id"].as_str().is_some());
        assert_eq!(details["sessions"].as_array().expect("sessions").len(), 1);
        let actions: Vec<&str> = details["events"]
            .as_array()
            .expect("events")
            .iter()
            .filter_map(|e| e["action"].as_str())
            .collect();
        assert_eq!(actions, ["user.made_admin"], "what was done to her account");
        let page = app
            .get_as(&format!("/admin/people/{id}"), &admin)
            .await
            .text()
            .await
            .expect("html");
        assert!(page.contains("Ada Lovelace") && page.contains("user.made_admin"));
    }
);
