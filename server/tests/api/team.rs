//! Teams: an organization admin (not a portal admin) invites people, changes roles and removes
//! members of their own organization, and nothing of anyone else's.

use sea_orm::{ActiveModelTrait, Set};
use server::entities::membership;

use crate::helpers::{TestApp, invalid, unique_email};
use crate::on_both_engines;

on_both_engines!(
    organization_admins_run_their_own_team,
    |app: TestApp| async move {
        let (lead, lead_cookie) = app.signed_in(&unique_email("lead"), false).await;
        let (organization, member_cookie) = app.colleague(lead.id, "member", "member").await;
        membership::ActiveModel {
            user_id: Set(lead.id),
            organization_id: Set(organization),
            role: Set(membership::ROLE_ADMIN.to_owned()),
            ..Default::default()
        }
        .update(&app.portal.db)
        .await
        .expect("lead is the organization's admin");
        let (_, outsider) = app.signed_in(&unique_email("outsider"), false).await;
        let organization_id = organization.to_string();

        // Everyone sees their team; only its admin may change it.
        let teams = app.call_json("teams", Some(&lead_cookie), &[]).await;
        assert_eq!(teams.as_array().map(Vec::len), Some(1));
        assert_eq!(teams[0]["can_manage"], true);
        assert_eq!(teams[0]["members"].as_array().map(Vec::len), Some(2));
        let seen_by_member = app.call_json("teams", Some(&member_cookie), &[]).await;
        assert_eq!(seen_by_member[0]["can_manage"], false);
        let member_id = seen_by_member[0]["members"]
            .as_array()
            .expect("members")
            .iter()
            .find(|m| m["is_you"] == true)
            .expect("the member")["user_id"]
            .as_str()
            .expect("id")
            .to_owned();

        let invite = |cookie: String, email: String| {
            let organization_id = organization_id.clone();
            let app = &app;
            async move {
                app.call_with(
                    "team-invite",
                    Some(&cookie),
                    &[
                        ("organization_id", &organization_id),
                        ("email", &email),
                        ("role", "member"),
                    ],
                )
                .await
            }
        };
        let newcomer = unique_email("newcomer");
        assert_eq!(
            invite(member_cookie.clone(), newcomer.clone())
                .await
                .status(),
            403
        );
        assert_eq!(
            invite(outsider.clone(), newcomer.clone()).await.status(),
            404
        );
        let (field, _) = invalid(invite(lead_cookie.clone(), "not-an-address".into()).await).await;
        assert_eq!(field, "email");
        let invited = invite(lead_cookie.clone(), newcomer.clone()).await;
        assert_eq!(invited.status(), 200);
        let teams = app.call_json("teams", Some(&lead_cookie), &[]).await;
        let invitation = &teams[0]["invitations"][0];
        assert_eq!(invitation["email"], newcomer.as_str());
        crate::helpers::mailbox().wait_for(&newcomer, 1).await;

        // An invitation of another organization is not theirs to revoke.
        let invitation_id = invitation["id"].as_str().expect("id").to_owned();
        let foreign = app
            .call_with(
                "team-revoke-invitation",
                Some(&outsider),
                &[
                    ("organization_id", &organization_id),
                    ("invitation_id", &invitation_id),
                ],
            )
            .await;
        assert_eq!(foreign.status(), 404);
        app.call_json(
            "team-revoke-invitation",
            Some(&lead_cookie),
            &[
                ("organization_id", &organization_id),
                ("invitation_id", &invitation_id),
            ],
        )
        .await;
        let teams = app.call_json("teams", Some(&lead_cookie), &[]).await;
        assert_eq!(teams[0]["invitations"], serde_json::json!([]));

        // Roles: a made-up one is refused, and the organization keeps an admin.
        let lead_id = lead.id.to_string();
        let set_role = |cookie: String, user: String, role: &'static str| {
            let organization_id = organization_id.clone();
            let app = &app;
            async move {
                app.call_with(
                    "team-set-role",
                    Some(&cookie),
                    &[
                        ("organization_id", &organization_id),
                        ("user_id", &user),
                        ("role", role),
                    ],
                )
                .await
            }
        };
        let (field, _) =
            invalid(set_role(lead_cookie.clone(), member_id.clone(), "owner").await).await;
        assert_eq!(field, "role");
        assert_eq!(
            set_role(lead_cookie.clone(), lead_id.clone(), "member")
                .await
                .status(),
            409,
            "the last admin cannot step down"
        );
        assert_eq!(
            set_role(member_cookie.clone(), lead_id.clone(), "member")
                .await
                .status(),
            403
        );
        assert_eq!(
            set_role(lead_cookie.clone(), member_id.clone(), "admin")
                .await
                .status(),
            200
        );
        assert_eq!(app.audit_count("membership.role_changed").await, 1);
        let teams = app.call_json("teams", Some(&member_cookie), &[]).await;
        assert_eq!(teams[0]["can_manage"], true, "the member is an admin now");
        assert_eq!(
            set_role(lead_cookie.clone(), member_id.clone(), "member")
                .await
                .status(),
            200
        );

        // Removing someone signs them out when they have no other way in.
        let removed = app
            .call_with(
                "team-remove-member",
                Some(&lead_cookie),
                &[
                    ("organization_id", &organization_id),
                    ("user_id", &member_id),
                ],
            )
            .await;
        assert_eq!(removed.status(), 200);
        assert_eq!(app.audit_count("membership.removed").await, 1);
        assert_eq!(
            app.call("my-sessions", Some(&member_cookie)).await.status(),
            401
        );
        let teams = app.call_json("teams", Some(&lead_cookie), &[]).await;
        assert_eq!(teams[0]["members"].as_array().map(Vec::len), Some(1));
        let again = app
            .call_with(
                "team-remove-member",
                Some(&lead_cookie),
                &[
                    ("organization_id", &organization_id),
                    ("user_id", &member_id),
                ],
            )
            .await;
        assert_eq!(again.status(), 404);
    }
);
