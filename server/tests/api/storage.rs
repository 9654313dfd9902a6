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
