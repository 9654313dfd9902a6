//! The gateway's key check from a warm cache: parse the presented token (prefix, checksum),
//! hash it, find the key, check its state, address rules, environment and grant.
//!
//!   cargo bench -p server --bench key_check

use std::sync::Arc;
use std::time::Duration;

use app::types::{Environment, Slug};
use chrono::{TimeZone, Utc};
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use sea_orm::{ActiveModelTrait, Database, Set};
use server::access::grants::{self, GrantOrigin};
use server::clock::ManualClock;
use server::entities::api_key;
use server::gateway::{Cache, Gateway};
use server::keys::token::ApiKeyToken;

fn key_check(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let folder = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
            .single()
            .expect("date"),
    );
    let (gateway, token) = runtime.block_on(async {
        let url = format!("sqlite://{}/bench.db?mode=rwc", folder.path().display());
        let db = Database::connect(&url).await.expect("connect");
        server::db::migrate(&db).await.expect("migrate");
        let organization = server::directory::create_organization(
            &db,
            &clock,
            "Bench Org",
            &Slug::parse("bench-org").expect("slug"),
        )
        .await
        .expect("organization");
        let catalog = server::catalog::Catalog::new(db.clone(), Arc::new(clock.clone()));
        let imported = catalog
            .import(None, include_str!("../demo/payments.yaml").to_owned(), None)
            .await
            .expect("import");
        server::entities::collection::ActiveModel {
            id: Set(imported.collection.id),
            published: Set(true),
            sandbox_url: Set(Some("http://127.0.0.1:9/v2".to_owned())),
            ..Default::default()
        }
        .update(&db)
        .await
        .expect("publish");
        grants::put(
            &db,
            &clock,
            imported.collection.id,
            organization.id,
            Environment::Sandbox,
            &GrantOrigin {
                source: "admin",
                request_id: None,
                granted_by: None,
                expires_at: None,
            },
        )
        .await
        .expect("grant");
        let token = ApiKeyToken::generate(Environment::Sandbox);
        api_key::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            organization_id: Set(organization.id),
            created_by: Set(None),
            name: Set("bench".to_owned()),
            environment: Set("sandbox".to_owned()),
            prefix: Set(token.display_prefix()),
            secret_hash: Set(hex::encode(token.hash())),
            previous_hash: Set(None),
            previous_expires_at: Set(None),
            // A realistic rule set: an office range and a blocked address.
            allowed_ips: Set("192.0.2.0/24\n2001:db8::/48\n127.0.0.0/8".to_owned()),
            blocked_ips: Set("192.0.2.13".to_owned()),
            active: Set(true),
            expires_at: Set(None),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            last_used_at: Set(None),
        }
        .insert(&db)
        .await
        .expect("key");
        // Fresh for longer than the measurement, so every check below is a warm one.
        let gateway =
            Gateway::with_freshness(db, Arc::new(clock.clone()), Duration::from_secs(3600));
        let client = "127.0.0.1".parse().ok();
        gateway
            .authorize(Some(token.expose()), "payments-api", "sandbox", client)
            .await
            .map(|_| ())
            .map_err(|refusal| refusal.denial)
            .expect("the key works");
        (gateway, token.expose().to_owned())
    });
    let client = "127.0.0.1".parse().ok();
    c.bench_function("key check, warm cache", |b| {
        b.iter(|| {
            let presented = ApiKeyToken::parse(black_box(&token)).expect("well formed");
            match gateway.authorize_cached(
                &presented.hash(),
                black_box("payments-api"),
                "sandbox",
                client,
            ) {
                Cache::Hit(Ok(authorized)) => black_box(authorized.collection_id),
                _ => panic!("the cache went cold"),
            }
        })
    });
}

criterion_group!(benches, key_check);
criterion_main!(benches);
