//! Admin: listing, suspending and reactivating people, and who may do it.

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
    let people: Vec<serde_json::Value> = app
        .call("admin-people", Some(&admin))
        .await
        .json()
        .await
        .expect("json");
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
