//! Schemathesis against the management API's served OpenAPI document, with an admin token: it
//! generates valid and invalid calls for every operation and fails on any server error, any
//! answer that the document does not describe, and any call that works without the token.
//! Storage plays no part in what it checks, so this runs on SQLite only.

use std::path::PathBuf;
use std::time::Duration;

use crate::helpers::{Engine, TestApp, unique_email};

fn schemathesis() -> PathBuf {
    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tools/python/bin/schemathesis");
    assert!(
        binary.exists(),
        "schemathesis is not installed: run scripts/setup --test (it installs it in tools/python)"
    );
    binary
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_management_api_answers_as_its_document_says() {
    let binary = schemathesis();
    let Some(app) = TestApp::spawn(Engine::Sqlite).await else {
        return;
    };
    let (_, cookie) = app.signed_in(&unique_email("root"), true).await;
    let token = app.admin_token(&cookie).await;
    // It keeps a cache of what it found in its working folder; not in the source tree.
    let scratch = tempfile::tempdir().expect("temp dir");
    let run = tokio::process::Command::new(binary)
        .current_dir(scratch.path())
        .args([
            "run",
            &app.url("/api/v1/openapi.json"),
            "--header",
            &format!("Authorization: Bearer {token}"),
            "--checks",
            "all",
            // "Every schema-valid call succeeds" cannot hold for rules a schema does not express
            // (a document that is a real OpenAPI description, a domain that is not a public mail
            // service, a request that is still pending); those answer 422 as documented.
            "--exclude-checks",
            "positive_data_acceptance",
            "--max-examples",
            "15",
            "--seed",
            "1",
            "--no-color",
            "--suppress-health-check",
            "all",
        ])
        .env("SCHEMATHESIS_HOOKS", "")
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(600), run)
        .await
        .expect("schemathesis finished within 10 minutes")
        .expect("schemathesis ran");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "schemathesis failed:\n{report}");
    // It really ran the operations (a document it could not read would test nothing).
    assert!(
        report.contains("passed") && !report.contains("0 operations"),
        "{report}"
    );
}
