//! Schema, demo data and the audit trail.

use sea_orm::{EntityTrait, PaginatorTrait};
use server::demo::{self, Seeded};
use server::entities::{audit_event, membership, organization, user};

use crate::on_both_engines;

on_both_engines!(
    demo_data_is_seeded_once,
    |app: crate::helpers::TestApp| async move {
        let db = &app.portal.db;
        assert_eq!(
            demo::seed(db, &app.clock).await.expect("seed"),
            Seeded::Fresh
        );
        assert_eq!(
            demo::seed(db, &app.clock).await.expect("seed again"),
            Seeded::AlreadyPopulated
        );
        let users = user::Entity::find().all(db).await.expect("users");
        let mut emails: Vec<_> = users.iter().map(|u| u.email.as_str()).collect();
        emails.sort_unstable();
        assert_eq!(emails, [demo::DEMO_ADMIN, demo::DEMO_DEVELOPER]);
        let admin = users
            .iter()
            .find(|u| u.email == demo::DEMO_ADMIN)
            .expect("admin");
        assert!(admin.is_admin);
        assert_eq!(
            organization::Entity::find().count(db).await.expect("count"),
            1
        );
        assert_eq!(
            membership::Entity::find().count(db).await.expect("count"),
            2
        );
        let events = audit_event::Entity::find().all(db).await.expect("events");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].action, "demo.seeded");
    }
);

on_both_engines!(
    demo_data_never_lands_in_a_used_database,
    |app: crate::helpers::TestApp| async move {
        app.signed_in("ada@example.com", false).await;
        assert_eq!(
            demo::seed(&app.portal.db, &app.clock).await.expect("seed"),
            Seeded::AlreadyPopulated
        );
        assert_eq!(
            user::Entity::find()
                .count(&app.portal.db)
                .await
                .expect("count"),
            1
        );
    }
);

on_both_engines!(
    emails_are_unique,
    |app: crate::helpers::TestApp| async move {
        let email = app::types::Email::parse("ada@example.com").expect("email");
        server::directory::create_user(&app.portal.db, &app.clock, &email, false)
            .await
            .expect("first");
        let again = server::directory::create_user(&app.portal.db, &app.clock, &email, false).await;
        assert!(
            again.is_err(),
            "the database refuses a second account for one address"
        );
    }
);

on_both_engines!(
    migrations_can_run_again,
    |app: crate::helpers::TestApp| async move {
        server::db::migrate(&app.portal.db)
            .await
            .expect("second run is a no-op");
    }
);

on_both_engines!(
    deleting_a_user_removes_their_sessions,
    |app: crate::helpers::TestApp| async move {
        use server::entities::session;
        let (person, _) = app.signed_in("ada@example.com", false).await;
        assert_eq!(
            session::Entity::find()
                .count(&app.portal.db)
                .await
                .expect("count"),
            1
        );
        user::Entity::delete_by_id(person.id)
            .exec(&app.portal.db)
            .await
            .expect("delete");
        assert_eq!(
            session::Entity::find()
                .count(&app.portal.db)
                .await
                .expect("count"),
            0
        );
    }
);

on_both_engines!(
    session_tokens_are_stored_only_as_hashes,
    |app: crate::helpers::TestApp| async move {
        use server::entities::session;
        let (_, cookie) = app.signed_in("ada@example.com", false).await;
        let token = cookie.split_once('=').expect("cookie").1;
        let stored = session::Entity::find()
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("row");
        assert_ne!(stored.id_hash, token);
        assert_eq!(stored.id_hash, server::auth::hash_token(token));
    }
);

on_both_engines!(
    grants_made_before_environments_cover_both,
    |app: crate::helpers::TestApp| async move {
        use migrations::{Migrator, MigratorTrait};
        use sea_orm::ConnectionTrait;
        use sea_orm::sea_query::{Alias, Query};
        use server::entities::access_grant;
        let db = &app.portal.db;
        let organization = app.organization("Early Adopters").await;
        let imported = app
            .portal
            .catalog
            .import(
                None,
                include_str!("../../demo/payments.yaml").to_owned(),
                None,
            )
            .await
            .expect("import");
        // A grant of today survives the way down and back up.
        let today = app.organization("Today's Org").await;
        for environment in app::types::Environment::ALL {
            server::access::grants::put(
                db,
                &app.clock,
                imported.collection.id,
                today.id,
                environment,
                &server::access::grants::GrantOrigin {
                    source: "admin",
                    request_id: None,
                    granted_by: None,
                    expires_at: None,
                },
            )
            .await
            .expect("grant");
        }
        // Back to the schema before access requests, with a grant as it was stored then.
        let migrations = Migrator::migrations();
        let access = migrations
            .iter()
            .position(|m| m.name() == "m20261125_000001_access_requests")
            .expect("the access requests migration");
        let steps = u32::try_from(migrations.len() - access).expect("a few");
        Migrator::down(db, Some(steps)).await.expect("down");
        let insert = Query::insert()
            .into_table(Alias::new("collection_grants"))
            .columns(["collection_id", "organization_id", "source", "granted_at"].map(Alias::new))
            .values_panic([
                imported.collection.id.into(),
                organization.id.into(),
                "admin".into(),
                app.clock_now().into(),
            ])
            .to_owned();
        db.execute(&insert).await.expect("old grant");
        Migrator::up(db, None).await.expect("up again");
        for organization in [organization.id, today.id] {
            let environments = server::access::grants::environments(
                db,
                imported.collection.id,
                organization,
                app.clock_now(),
            )
            .await
            .expect("grants");
            assert_eq!(environments, app::types::Environment::ALL);
        }
        assert_eq!(
            access_grant::Entity::find()
                .all(db)
                .await
                .expect("grants")
                .len(),
            4
        );
    }
);
