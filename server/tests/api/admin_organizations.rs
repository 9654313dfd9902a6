//! Admin: organizations' portal access and authorized emails.

use crate::helpers::{TestApp, unique_email};
use crate::on_both_engines;

on_both_engines!(
    turning_portal_access_off_ends_member_sessions,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let member_address = unique_email("member");
        let (member, member_cookie) = app.signed_in(&member_address, false).await;
        let organizations: Vec<serde_json::Value> = app
            .call("admin-organizations", Some(&admin))
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(organizations.len(), 2, "one per signed-in test user");
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let membership = server::entities::membership::Entity::find()
            .filter(server::entities::membership::Column::UserId.eq(member.id))
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("membership");
        let organization_id = membership.organization_id.to_string();

        let refused = app
            .call_with(
                "admin-set-portal-access",
                Some(&member_cookie),
                &[("organization_id", &organization_id), ("enabled", "false")],
            )
            .await;
        assert_eq!(refused.status(), 403);

        let done = app
            .call_with(
                "admin-set-portal-access",
                Some(&admin),
                &[("organization_id", &organization_id), ("enabled", "false")],
            )
            .await;
        assert_eq!(done.status(), 200);
        assert_eq!(
            app.call("my-sessions", Some(&member_cookie)).await.status(),
            401,
            "member signed out"
        );
        assert_eq!(
            app.call("my-sessions", Some(&admin)).await.status(),
            200,
            "admins keep their session"
        );

        // No link while access is off; one after it is back on.
        app.request_link(&member_address).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let done = app
            .call_with(
                "admin-set-portal-access",
                Some(&admin),
                &[("organization_id", &organization_id), ("enabled", "true")],
            )
            .await;
        assert_eq!(done.status(), 200);
        app.request_link(&member_address).await;
        let token = app.token_from_mail(&member_address, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);
        assert_eq!(
            crate::helpers::mailbox()
                .messages_for(&member_address)
                .await
                .len(),
            1
        );
    }
);

on_both_engines!(
    authorized_emails_are_managed_with_clear_errors,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let organization = app.organization("Client Co").await;
        let id = organization.id.to_string();
        let address = unique_email("client");

        let added = app
            .call_with(
                "admin-add-authorized-email",
                Some(&admin),
                &[("organization_id", &id), ("email", &address.to_uppercase())],
            )
            .await;
        assert_eq!(added.status(), 200);
        let again = app
            .call_with(
                "admin-add-authorized-email",
                Some(&admin),
                &[("organization_id", &id), ("email", &address)],
            )
            .await;
        assert_eq!(again.status(), 422);
        let error: serde_json::Value = again.json().await.expect("json");
        assert!(
            error["Invalid"]["message"]
                .as_str()
                .unwrap_or_default()
                .contains("already on this organization's list")
        );

        let bad = app
            .call_with(
                "admin-add-authorized-email",
                Some(&admin),
                &[("organization_id", &id), ("email", "nope")],
            )
            .await;
        assert_eq!(bad.status(), 422);
        let missing = app
            .call_with(
                "admin-add-authorized-email",
                Some(&admin),
                &[("organization_id", "x"), ("email", &unique_email("a"))],
            )
            .await;
        assert_eq!(missing.status(), 404);

        let listed: Vec<serde_json::Value> = app
            .call("admin-organizations", Some(&admin))
            .await
            .json()
            .await
            .expect("json");
        let client = listed
            .iter()
            .find(|o| o["name"] == "Client Co")
            .expect("listed");
        assert_eq!(client["authorized_emails"], serde_json::json!([address]));

        // The authorized address can now sign in and joins the organization.
        app.request_link(&address).await;
        let token = app.token_from_mail(&address, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);

        let removed = app
            .call_with(
                "admin-remove-authorized-email",
                Some(&admin),
                &[("organization_id", &id), ("email", &address)],
            )
            .await;
        assert_eq!(removed.status(), 200);
        let removed_again = app
            .call_with(
                "admin-remove-authorized-email",
                Some(&admin),
                &[("organization_id", &id), ("email", &address)],
            )
            .await;
        assert_eq!(removed_again.status(), 404);

        let page = app
            .get_as("/admin/organizations", &admin)
            .await
            .text()
            .await
            .expect("html");
        assert!(
            page.contains("Client Co") && page.contains("Turn portal access off"),
            "{page}"
        );
    }
);

on_both_engines!(
    admins_add_organizations_with_slugs_from_their_names,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (_, developer) = app.signed_in(&unique_email("dev"), false).await;
        assert_eq!(
            app.call_with(
                "admin-create-organization",
                Some(&developer),
                &[("name", "Acme")]
            )
            .await
            .status(),
            403
        );
        let acme = app
            .call_json(
                "admin-create-organization",
                Some(&admin),
                &[("name", "Acme Payments, Inc.")],
            )
            .await;
        assert_eq!(acme["slug"], "acme-payments-inc");
        assert_eq!(acme["portal_access"], true);
        // A name whose slug is taken gets the next free one; the same name again is refused.
        let similar = app
            .call_json(
                "admin-create-organization",
                Some(&admin),
                &[("name", "Acme Payments Inc")],
            )
            .await;
        assert_eq!(similar["slug"], "acme-payments-inc-2");
        for (name, why) in [
            ("Acme Payments, Inc.", "already exists"),
            ("  ", "Enter a name"),
            ("!!", "two letters or digits"),
        ] {
            let (field, message) = crate::helpers::invalid(
                app.call_with("admin-create-organization", Some(&admin), &[("name", name)])
                    .await,
            )
            .await;
            assert_eq!(field, "name");
            assert!(message.contains(why), "{name}: {message}");
        }
        let listed: Vec<serde_json::Value> = app
            .call("admin-organizations", Some(&admin))
            .await
            .json()
            .await
            .expect("json");
        assert!(listed.iter().any(|o| o["name"] == "Acme Payments, Inc."));
        assert_eq!(app.audit_count("organization.created").await, 2);
    }
);

on_both_engines!(
    people_of_a_domain_join_on_first_sign_in_until_the_organization_is_archived,
    |app: TestApp| async move {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (_, developer) = app.signed_in(&unique_email("dev"), false).await;
        let client = app.organization("Client Co").await;
        let other = app.organization("Other Co").await;
        let domain = format!("{}.test", &uuid::Uuid::new_v4().simple().to_string()[..10]);
        let add = |organization: &str, domain: &str, cookie: &str| {
            let organization = organization.to_owned();
            let domain = domain.to_owned();
            let cookie = cookie.to_owned();
            let app = &app;
            async move {
                app.call_with(
                    "admin-add-organization-domain",
                    Some(&cookie),
                    &[("organization_id", &organization), ("domain", &domain)],
                )
                .await
            }
        };
        let client_id = client.id.to_string();
        assert_eq!(add(&client_id, &domain, &developer).await.status(), 403);
        for (bad, why) in [
            ("gmail.com", "public email service"),
            ("not a domain", "like example.com"),
        ] {
            let (field, message) =
                crate::helpers::invalid(add(&client_id, bad, &admin).await).await;
            assert_eq!(field, "domain");
            assert!(message.contains(why), "{bad}: {message}");
        }
        assert_eq!(
            add(&client_id, &format!("@{}", domain.to_uppercase()), &admin)
                .await
                .status(),
            200
        );
        let (field, message) =
            crate::helpers::invalid(add(&other.id.to_string(), &domain, &admin).await).await;
        assert_eq!(field, "domain");
        assert!(message.contains("Client Co"), "{message}");

        // Someone new of that domain signs in with a link and is a member of Client Co.
        let newcomer = format!("newcomer@{domain}");
        assert_eq!(app.request_link(&newcomer).await.status(), 202);
        let token = app.token_from_mail(&newcomer, 1).await;
        let signed_in = app.validate(&token).await;
        assert_eq!(signed_in.status(), 200);
        let cookie = signed_in
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .expect("session cookie")
            .to_owned();
        let person = server::entities::user::Entity::find()
            .filter(server::entities::user::Column::Email.eq(&newcomer))
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("account made");
        let membership = server::entities::membership::Entity::find()
            .filter(server::entities::membership::Column::UserId.eq(person.id))
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("membership");
        assert_eq!(membership.organization_id, client.id);
        assert_eq!(membership.role, "member");

        // Archived: gone from the list, its domain free, its only-member signed out.
        app.call_json(
            "admin-archive-organization",
            Some(&admin),
            &[("organization_id", &client_id)],
        )
        .await;
        assert_eq!(app.call("my-sessions", Some(&cookie)).await.status(), 401);
        let listed: Vec<serde_json::Value> = app
            .call("admin-organizations", Some(&admin))
            .await
            .json()
            .await
            .expect("json");
        assert!(listed.iter().all(|o| o["name"] != "Client Co"));
        assert_eq!(
            add(&other.id.to_string(), &domain, &admin).await.status(),
            200
        );
        for action in ["organization.domain_added", "organization.archived"] {
            assert!(app.audit_count(action).await >= 1, "{action}");
        }
    }
);

on_both_engines!(
    renaming_keeps_the_slug_and_refuses_a_taken_name,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let acme = app.organization("Acme").await;
        app.organization("Globex").await;
        let id = acme.id.to_string();
        for (name, why) in [("Globex", "already exists"), (" ", "Enter a name")] {
            let (field, message) = crate::helpers::invalid(
                app.call_with(
                    "admin-rename-organization",
                    Some(&admin),
                    &[("organization_id", &id), ("name", name)],
                )
                .await,
            )
            .await;
            assert_eq!(field, "name");
            assert!(message.contains(why), "{name}: {message}");
        }
        app.call_json(
            "admin-rename-organization",
            Some(&admin),
            &[("organization_id", &id), ("name", "Acme Payments")],
        )
        .await;
        let listed: Vec<serde_json::Value> = app
            .call("admin-organizations", Some(&admin))
            .await
            .json()
            .await
            .expect("json");
        let renamed = listed
            .iter()
            .find(|o| o["id"] == id.as_str())
            .expect("listed");
        assert_eq!(renamed["name"], "Acme Payments");
        assert_eq!(
            renamed["slug"],
            acme.slug.as_str(),
            "addresses keep working"
        );
        assert_eq!(app.audit_count("organization.renamed").await, 1);
    }
);
