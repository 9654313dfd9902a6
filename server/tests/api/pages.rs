//! Server-rendered pages and the server functions behind them.

use crate::on_both_engines;

on_both_engines!(
    home_page_renders_the_frame,
    |app: crate::helpers::TestApp| async move {
        let response = app.get("/").await;
        assert_eq!(response.status(), 200);
        let html = response.text().await.expect("html");
        assert!(html.contains("<html lang=\"en\""), "lang on html");
        assert!(html.contains("Skip to main content"));
        assert!(html.contains(">Portico<"), "portal name in the header");
        assert!(html.contains("href=\"/apis\"") && html.contains("href=\"/discover\""));
        assert!(
            !html.contains("href=\"/admin\""),
            "no admin link for anonymous visitors"
        );
        assert!(html.contains("href=\"/sign-in\""));
        assert!(html.contains("<title>Welcome · Portico</title>"), "{html}");
        assert_eq!(html.matches("<h1").count(), 1, "one h1 per page");
        // The hydration script is referenced so the page comes alive in the browser.
        assert!(html.contains("/pkg/portico.js"));
    }
);

on_both_engines!(
    placeholder_pages_explain_themselves,
    |app: crate::helpers::TestApp| async move {
        for (path, title, says) in [
            ("/sign-in", "Sign in", "Email me a sign-in link"),
            (
                "/apis",
                "My APIs",
                "Please <a href=\"/sign-in\">sign in</a>",
            ),
            (
                "/discover",
                "Discover",
                "Please <a href=\"/sign-in\">sign in</a>",
            ),
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status(), 200, "{path}");
            let html = response.text().await.expect("html");
            assert!(
                html.contains(&format!("<title>{title} · Portico</title>")),
                "{path}"
            );
            assert!(html.contains(says), "{path} should say {says}");
        }
    }
);

on_both_engines!(
    unknown_pages_are_404,
    |app: crate::helpers::TestApp| async move {
        let response = app.get("/no/such/page").await;
        assert_eq!(response.status(), 404);
        assert!(
            response
                .text()
                .await
                .expect("html")
                .contains("Page not found")
        );
    }
);

on_both_engines!(
    the_status_server_function_round_trips,
    |app: crate::helpers::TestApp| async move {
        app.signed_in("ada@example.com", false).await;
        let response = app.call("system-status", None).await;
        assert_eq!(response.status(), 200);
        let status: serde_json::Value = response.json().await.expect("json");
        assert_eq!(status["database"], app.portal.system.engine);
        assert_eq!(status["users"], 1);
        assert_eq!(status["organizations"], 1);
        assert_eq!(status["version"], env!("CARGO_PKG_VERSION"));
    }
);

on_both_engines!(
    admins_see_the_admin_link_and_developers_do_not,
    |app: crate::helpers::TestApp| async move {
        let (_, admin) = app.signed_in("root@example.com", true).await;
        let (_, developer) = app.signed_in("dev@example.com", false).await;

        let html = app.get_as("/", &admin).await.text().await.expect("html");
        assert!(html.contains("href=\"/admin\""));
        assert!(html.contains("Root"), "the admin's name is shown");

        let html = app
            .get_as("/", &developer)
            .await
            .text()
            .await
            .expect("html");
        assert!(!html.contains("href=\"/admin\""));
        assert!(html.contains("Dev"));
    }
);

on_both_engines!(
    admin_server_functions_check_the_caller,
    |app: crate::helpers::TestApp| async move {
        let (_, admin) = app.signed_in("root@example.com", true).await;
        let (_, developer) = app.signed_in("dev@example.com", false).await;

        let anonymous = app.call("admin-overview", None).await;
        assert_eq!(anonymous.status(), 401);
        let error: serde_json::Value = anonymous.json().await.expect("json error");
        assert_eq!(error, serde_json::json!("Unauthenticated"));

        let forbidden = app.call("admin-overview", Some(&developer)).await;
        assert_eq!(forbidden.status(), 403);

        let allowed = app.call("admin-overview", Some(&admin)).await;
        assert_eq!(allowed.status(), 200);
        let overview: serde_json::Value = allowed.json().await.expect("json");
        assert_eq!(overview["users"], 2);

        // A forged or stale cookie is simply nobody.
        let forged = app
            .call("admin-overview", Some("portico_session=deadbeef"))
            .await;
        assert_eq!(forged.status(), 401);
    }
);

on_both_engines!(
    sessions_end_with_their_lifetime_and_with_suspension,
    |app: crate::helpers::TestApp| async move {
        use sea_orm::{ActiveModelTrait, Set};
        use server::entities::user;

        let (person, cookie) = app.signed_in("ada@example.com", true).await;
        assert_eq!(
            app.call("admin-overview", Some(&cookie)).await.status(),
            200
        );

        user::ActiveModel {
            id: Set(person.id),
            status: Set(user::STATUS_SUSPENDED.to_owned()),
            ..Default::default()
        }
        .update(&app.portal.db)
        .await
        .expect("suspend");
        assert_eq!(
            app.call("admin-overview", Some(&cookie)).await.status(),
            401
        );

        let (_, cookie) = app.signed_in("grace@example.com", true).await;
        app.clock.advance(chrono::Duration::days(31));
        assert_eq!(
            app.call("admin-overview", Some(&cookie)).await.status(),
            401
        );
    }
);

on_both_engines!(
    the_admin_page_guards_itself,
    |app: crate::helpers::TestApp| async move {
        let html = app.get("/admin").await.text().await.expect("html");
        assert!(
            html.contains("sign in"),
            "anonymous visitors are asked to sign in"
        );
        assert!(!html.contains("data-testid=\"stat\""));

        let (_, admin) = app.signed_in("root@example.com", true).await;
        let html = app
            .get_as("/admin", &admin)
            .await
            .text()
            .await
            .expect("html");
        assert!(
            html.contains("data-testid=\"stat\""),
            "admins see the overview"
        );
    }
);
