//! The terms-of-use gate: publish, refuse until accepted, accept, ask again for a new version.

use crate::helpers::{TestApp, invalid, unique_email};
use crate::on_both_engines;

on_both_engines!(
    nothing_works_until_the_current_terms_are_accepted,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (_, member) = app.signed_in(&unique_email("member"), false).await;
        assert_eq!(app.call("my-sessions", Some(&member)).await.status(), 200);

        let version = app
            .call_json(
                "admin-publish-terms",
                Some(&admin),
                &[(
                    "markdown",
                    "# Terms\n\nBe *fair*. <script>alert(1)</script>",
                )],
            )
            .await;
        assert_eq!(version, 1);
        assert_eq!(
            app.call("my-sessions", Some(&admin)).await.status(),
            200,
            "the author has accepted what they published"
        );

        let refused = app.call("my-sessions", Some(&member)).await;
        assert_eq!(refused.status(), 403);
        assert!(
            refused
                .text()
                .await
                .expect("body")
                .contains("TermsNotAccepted")
        );
        let page = app.get_as("/profile", &member).await;
        assert_eq!(page.status(), 302);
        assert_eq!(
            page.headers()["location"].to_str().expect("location"),
            "/terms?next=%2Fprofile"
        );
        let terms = app.get_as("/terms", &member).await;
        assert_eq!(terms.status(), 200);
        let html = terms.text().await.expect("html");
        assert!(html.contains("<em>fair</em>"), "markdown rendered");
        assert!(html.contains("&lt;script&gt;"), "raw HTML shown as text");
        assert!(
            !html.contains("<script>alert(1)"),
            "no script from markdown"
        );
        assert!(html.contains("Accept and continue"));

        let (field, message) = invalid(
            app.call_with("accept-terms", Some(&member), &[("version", "2")])
                .await,
        )
        .await;
        assert_eq!(field, "version");
        assert!(message.contains("newer version"), "{message}");
        assert_eq!(
            app.call_with("accept-terms", None, &[("version", "1")])
                .await
                .status(),
            401
        );
        app.call_json("accept-terms", Some(&member), &[("version", "1")])
            .await;
        assert_eq!(app.call("my-sessions", Some(&member)).await.status(), 200);
        assert_eq!(app.get_as("/profile", &member).await.status(), 200);
        assert_eq!(app.audit_count("terms.accepted").await, 1);

        // Non-admins cannot publish; the same text twice is no new version.
        assert_eq!(
            app.call_with("admin-publish-terms", Some(&member), &[("markdown", "x")])
                .await
                .status(),
            403
        );
        let (field, _) = invalid(
            app.call_with(
                "admin-publish-terms",
                Some(&admin),
                &[(
                    "markdown",
                    "# Terms\n\nBe *fair*. <script>alert(1)</script>",
                )],
            )
            .await,
        )
        .await;
        assert_eq!(field, "markdown");

        // A new version asks again; withdrawing the terms lets everyone through.
        let version = app
            .call_json(
                "admin-publish-terms",
                Some(&admin),
                &[("markdown", "# Terms v2")],
            )
            .await;
        assert_eq!(version, 2);
        assert_eq!(app.call("my-sessions", Some(&member)).await.status(), 403);
        let history = app
            .call_json("admin-terms-history", Some(&admin), &[])
            .await;
        assert_eq!(history[0]["version"], 2);
        assert_eq!(history[0]["acceptances"], 1, "only the author so far");
        assert_eq!(history[1]["acceptances"], 2);
        app.call_json("admin-publish-terms", Some(&admin), &[("markdown", "  ")])
            .await;
        assert_eq!(app.call("my-sessions", Some(&member)).await.status(), 200);
        let status = app.call_json("terms", None, &[]).await;
        assert_eq!(status["current"], serde_json::Value::Null);
    }
);
