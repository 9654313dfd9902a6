//! Branding: saved by admins, checked (an accent that makes text unreadable is refused with the
//! figures), and applied to pages and emails at once.

use crate::helpers::{TestApp, mailbox, unique_email};
use crate::on_both_engines;

on_both_engines!(
    branding_applies_to_pages_and_mail_without_a_restart,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (_, developer) = app.signed_in(&unique_email("dev"), false).await;
        let form = |accent: &'static str| {
            vec![
                ("portal_name", "Acme Developer Hub"),
                ("accent", accent),
                ("logo_url", "https://cdn.acme.test/logo.svg"),
                (
                    "footer_links",
                    "Status | https://status.acme.test\nSupport | /support",
                ),
                (
                    "home_message",
                    "Welcome to Acme.\n\nAsk #api-help for anything.",
                ),
            ]
        };
        assert_eq!(
            app.call_with("admin-save-branding", Some(&developer), &form("#1a5e20"))
                .await
                .status(),
            403
        );
        // Unreadable: refused with the figures, and nothing saved.
        let (field, message) = crate::helpers::invalid(
            app.call_with("admin-save-branding", Some(&admin), &form("#ffcc00"))
                .await,
        )
        .await;
        assert_eq!(field, "accent");
        assert!(
            message.contains(":1") && message.contains("4.5:1"),
            "{message}"
        );
        assert_eq!(
            app.call_json("session-info", None, &[]).await["portal_name"],
            "Portico"
        );

        app.call_json("admin-save-branding", Some(&admin), &form("#1A5E20"))
            .await;
        let info = app.call_json("session-info", None, &[]).await;
        assert_eq!(info["portal_name"], "Acme Developer Hub");
        assert_eq!(info["branding"]["accent"], "#1a5e20");
        assert_eq!(app.audit_count("branding.changed").await, 1);

        let home = app.get("/").await.text().await.expect("html");
        for expected in [
            "Acme Developer Hub",
            "--color-accent: #1a5e20",
            "https://cdn.acme.test/logo.svg",
            "https://status.acme.test",
            "Ask #api-help for anything.",
        ] {
            assert!(home.contains(expected), "{expected} on the home page");
        }

        // Mail carries the new name too.
        let address = unique_email("mail");
        app.signed_in(&address, false).await;
        app.request_link(&address).await;
        let mail = mailbox().wait_for(&address, 1).await;
        assert!(
            mail[0].to_string().contains("Acme Developer Hub"),
            "{}",
            mail[0]
        );
    }
);
