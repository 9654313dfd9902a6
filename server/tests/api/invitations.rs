//! Admin: inviting people into organizations, resending and revoking invitations.

use sea_orm::EntityTrait;
use server::entities::{membership, user};

use crate::helpers::{TestApp, invalid, mailbox, unique_email};
use crate::on_both_engines;

async fn membership_role(app: &TestApp, email: &str, organization: uuid::Uuid) -> Option<String> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let person = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&app.portal.db)
        .await
        .expect("query")?;
    membership::Entity::find_by_id((person.id, organization))
        .one(&app.portal.db)
        .await
        .expect("query")
        .map(|m| m.role)
}

async fn invite(app: &TestApp, admin: &str, organization_id: &str, email: &str) {
    app.call_json(
        "admin-invite",
        Some(admin),
        &[
            ("organization_id", organization_id),
            ("email", email),
            ("role", "member"),
        ],
    )
    .await;
}

/// The id of the pending invitation to `email`, if it is listed.
async fn pending_id(app: &TestApp, admin: &str, email: &str) -> Option<String> {
    let list = app.call_json("admin-invitations", Some(admin), &[]).await;
    list.as_array()
        .expect("list")
        .iter()
        .find(|row| row["email"] == email)
        .map(|row| row["id"].as_str().expect("id").to_owned())
}

on_both_engines!(
    an_invited_person_signs_in_from_the_invitation_mail,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let (_, member) = app.signed_in(&unique_email("member"), false).await;
        let organization = app.organization("Acme Partners").await;
        let org_id = organization.id.to_string();
        let invitee = unique_email("invitee");

        let refused = app
            .call_with(
                "admin-invite",
                Some(&member),
                &[
                    ("organization_id", &org_id),
                    ("email", &invitee),
                    ("role", "admin"),
                ],
            )
            .await;
        assert_eq!(refused.status(), 403);

        let unknown_org = uuid::Uuid::new_v4().to_string();
        for (organization_id, email, role, field) in [
            (org_id.as_str(), "not-an-email", "member", "email"),
            (org_id.as_str(), invitee.as_str(), "owner", "role"),
            ("", invitee.as_str(), "member", "organization_id"),
            (
                unknown_org.as_str(),
                invitee.as_str(),
                "member",
                "organization_id",
            ),
        ] {
            let answer = app
                .call_with(
                    "admin-invite",
                    Some(&admin),
                    &[
                        ("organization_id", organization_id),
                        ("email", email),
                        ("role", role),
                    ],
                )
                .await;
            let (named, message) = invalid(answer).await;
            assert_eq!(named, field, "{email} {role}: {message}");
            assert!(!message.is_empty());
        }
        assert!(mailbox().messages_for(&invitee).await.is_empty());

        let outcome = app
            .call_json(
                "admin-invite",
                Some(&admin),
                &[
                    ("organization_id", &org_id),
                    ("email", &invitee.to_uppercase()),
                    ("role", "admin"),
                ],
            )
            .await;
        assert_eq!(outcome, "Invited");
        let again = app
            .call_with(
                "admin-invite",
                Some(&admin),
                &[
                    ("organization_id", &org_id),
                    ("email", &invitee),
                    ("role", "member"),
                ],
            )
            .await;
        let (field, message) = invalid(again).await;
        assert_eq!(field, "email");
        assert!(message.contains("already has an invitation"), "{message}");

        let pending = app.call_json("admin-invitations", Some(&admin), &[]).await;
        let pending = pending.as_array().expect("list");
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0]["email"], invitee.as_str());
        assert_eq!(pending[0]["organization"], "Acme Partners");
        assert_eq!(pending[0]["role"], "admin");
        assert_eq!(pending[0]["expired"], false);

        let mail = &mailbox().wait_for(&invitee, 1).await[0];
        assert!(
            mail["subject"]
                .as_str()
                .unwrap_or_default()
                .contains("Acme Partners"),
            "{mail}"
        );
        let token = app.token_from_mail(&invitee, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200);
        assert_eq!(
            membership_role(&app, &invitee, organization.id)
                .await
                .as_deref(),
            Some(membership::ROLE_ADMIN)
        );
        let pending = app.call_json("admin-invitations", Some(&admin), &[]).await;
        assert_eq!(
            pending,
            serde_json::json!([]),
            "accepted invitations leave the list"
        );
        assert_eq!(app.audit_count("invitation.created").await, 1);
        assert_eq!(app.audit_count("invitation.accepted").await, 1);
    }
);

on_both_engines!(
    revoked_invitations_stop_working_and_expired_ones_can_be_resent,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let organization = app.organization("Client Co").await;
        let org_id = organization.id.to_string();
        // Revoked: the link already sent stops working.
        let revoked = unique_email("revoked");
        invite(&app, &admin, &org_id, &revoked).await;
        let token = app.token_from_mail(&revoked, 1).await;
        let id = pending_id(&app, &admin, &revoked).await.expect("pending");
        app.call_json(
            "admin-revoke-invitation",
            Some(&admin),
            &[("invitation_id", &id)],
        )
        .await;
        let refused = app.validate(&token).await;
        assert_eq!(refused.status(), 403);
        assert_eq!(pending_id(&app, &admin, &revoked).await, None);
        let gone = app
            .call_with(
                "admin-resend-invitation",
                Some(&admin),
                &[("invitation_id", &id)],
            )
            .await;
        assert_eq!(gone.status(), 404);
        assert_eq!(app.audit_count("invitation.revoked").await, 1);

        // Expired: listed as such; resending gives a new link that works.
        let late = unique_email("late");
        invite(&app, &admin, &org_id, &late).await;
        let first = app.token_from_mail(&late, 1).await;
        app.clock.advance(chrono::Duration::days(8));
        // Sessions idle out over a week: a fresh admin carries on.
        let (_, admin) = app.signed_in(&unique_email("root-again"), true).await;
        let list = app.call_json("admin-invitations", Some(&admin), &[]).await;
        assert_eq!(list[0]["expired"], true);
        assert_eq!(
            app.validate(&first).await.status(),
            401,
            "the first link expired"
        );
        let id = pending_id(&app, &admin, &late)
            .await
            .expect("still pending");
        app.call_json(
            "admin-resend-invitation",
            Some(&admin),
            &[("invitation_id", &id)],
        )
        .await;
        let second = app.token_from_mail(&late, 2).await;
        assert_eq!(app.validate(&second).await.status(), 200);
        assert_eq!(
            membership_role(&app, &late, organization.id)
                .await
                .as_deref(),
            Some(membership::ROLE_MEMBER)
        );
        assert_eq!(app.audit_count("invitation.resent").await, 1);
    }
);

on_both_engines!(
    inviting_someone_with_an_account_adds_them_at_once,
    |app: TestApp| async move {
        let (_, admin) = app.signed_in(&unique_email("root"), true).await;
        let address = unique_email("existing");
        app.signed_in(&address, false).await;
        let organization = app.organization("Second Org").await;
        let org_id = organization.id.to_string();
        let outcome = app
            .call_json(
                "admin-invite",
                Some(&admin),
                &[
                    ("organization_id", &org_id),
                    ("email", &address),
                    ("role", "member"),
                ],
            )
            .await;
        assert_eq!(outcome, "Added");
        assert_eq!(
            membership_role(&app, &address, organization.id)
                .await
                .as_deref(),
            Some(membership::ROLE_MEMBER)
        );
        let mail = &mailbox().wait_for(&address, 1).await[0];
        assert!(
            mail["subject"]
                .as_str()
                .unwrap_or_default()
                .contains("Second Org")
        );
        let again = app
            .call_with(
                "admin-invite",
                Some(&admin),
                &[
                    ("organization_id", &org_id),
                    ("email", &address),
                    ("role", "member"),
                ],
            )
            .await;
        let (field, message) = invalid(again).await;
        assert_eq!(field, "email");
        assert!(message.contains("already a member"), "{message}");
    }
);
