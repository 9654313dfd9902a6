//! The `portico` binary as an operator runs it: help, bad settings, migrate, admin, shutdown.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn portico(args: &[&str], env: &[(&str, &str)], folder: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_portico"))
        .args(args)
        .current_dir(folder)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LEPTOS_OUTPUT_NAME", "portico")
        .env("LEPTOS_HASH_FILES", "false")
        .env("PORTICO_LOG", "warn")
        .envs(env.iter().copied())
        .output()
        .expect("run portico")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn help_lists_commands_and_settings() {
    let folder = tempfile::tempdir().expect("temp dir");
    let output = portico(&["--help"], &[], folder.path());
    assert!(output.status.success());
    let text = stdout(&output);
    for expected in [
        "serve",
        "migrate",
        "admin",
        "DATABASE_URL",
        "PORTICO_BASE_URL",
        "sqlite://data/portico.db?mode=rwc",
    ] {
        assert!(
            text.contains(expected),
            "--help should mention {expected}:\n{text}"
        );
    }
}

#[test]
fn a_bad_setting_stops_the_start_with_one_line() {
    let folder = tempfile::tempdir().expect("temp dir");
    let output = portico(
        &["serve"],
        &[("DATABASE_URL", "mysql://localhost/portico")],
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("portico: DATABASE_URL: unknown database scheme 'mysql'"),
        "{text}"
    );
}

#[test]
fn an_unreachable_postgres_is_named() {
    let folder = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let output = portico(
        &["migrate"],
        &[(
            "DATABASE_URL",
            "postgres://portico:secret-password@127.0.0.1:1/portico",
        )],
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.starts_with("portico: DATABASE_URL: cannot open postgres://"),
        "{text}"
    );
    assert!(text.contains("127.0.0.1:1"), "{text}");
    assert!(
        !text.contains("secret-password"),
        "the password never prints: {text}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "gives up promptly"
    );
}

#[test]
fn a_port_in_use_is_named() {
    let folder = tempfile::tempdir().expect("temp dir");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let output = portico(&["serve"], &[("LEPTOS_SITE_ADDR", &addr)], folder.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(&format!(
            "LEPTOS_SITE_ADDR: cannot listen on {addr}: the port is already in use"
        )),
        "{text}"
    );
}

#[test]
fn migrate_creates_the_sqlite_database_and_can_run_twice() {
    let folder = tempfile::tempdir().expect("temp dir");
    for _ in 0..2 {
        let output = portico(&["migrate"], &[], folder.path());
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("SQLite database schema is up to date"));
    }
    assert!(
        folder.path().join("data/portico.db").exists(),
        "default database file"
    );
}

#[test]
fn admin_create_makes_and_promotes_admins() {
    let folder = tempfile::tempdir().expect("temp dir");
    let output = portico(
        &["admin", "create", "--email", "Ops@Example.com"],
        &[],
        folder.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("ops@example.com is now a portal admin"),
        "{text}"
    );
    assert!(
        text.contains("one-time link") && text.contains("/auth/magic?token="),
        "{text}"
    );

    let output = portico(
        &["admin", "create", "--email", "ops@example.com"],
        &[],
        folder.path(),
    );
    assert!(stdout(&output).contains("already a portal admin"));

    let output = portico(
        &["admin", "create", "--email", "not-an-email"],
        &[],
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--email: An email address looks like name@example.com."));
}

#[test]
fn serve_answers_then_stops_gracefully_on_sigterm() {
    let folder = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_portico"))
        .arg("serve")
        .current_dir(folder.path())
        .env("LEPTOS_OUTPUT_NAME", "portico")
        .env("LEPTOS_HASH_FILES", "false")
        .env("LEPTOS_SITE_ADDR", &addr)
        .env("PORTICO_DEMO", "1")
        .env("DATABASE_URL", "sqlite://data/portico.db?mode=rwc")
        .env("PORTICO_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn portico");

    let deadline = Instant::now() + Duration::from_secs(30);
    let mut ready = false;
    while Instant::now() < deadline {
        if let Ok(mut stream) = std::net::TcpStream::connect(&addr) {
            use std::io::{Read, Write};
            let _ =
                stream.write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            let mut response = String::new();
            let _ = stream.read_to_string(&mut response);
            if response.starts_with("HTTP/1.1 200") {
                ready = true;
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(ready, "portico did not become ready");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success(), "exit status {:?}", output.status);
    let out = stdout(&output);
    assert!(
        out.contains("Demo data is ready") && out.contains("admin@portico.test"),
        "{out}"
    );
    let logs = stdout(&output) + &stderr(&output);
    assert!(logs.contains("Portico stopped"), "{logs}");
    assert!(
        logs.contains("/readyz") && logs.contains("request_id"),
        "access log: {logs}"
    );
}

#[test]
fn a_portal_is_set_up_from_a_file_on_the_command_line() {
    let folder = tempfile::tempdir().expect("temp dir");
    let admin = portico(
        &["admin", "create", "--email", "ops@acme.test"],
        &[],
        folder.path(),
    );
    assert!(admin.status.success(), "{}", stderr(&admin));
    let file = folder.path().join("portal.json");
    std::fs::write(
        &file,
        r#"{"format": 1, "organizations": [
            {"slug": "acme", "name": "Acme", "domains": ["acme.test"], "environments": ["sandbox"]}
        ]}"#,
    )
    .expect("write");

    // Only an admin's name goes in the audit log.
    let stranger = portico(
        &[
            "config",
            "import",
            "portal.json",
            "--as",
            "nobody@acme.test",
        ],
        &[],
        folder.path(),
    );
    assert_eq!(stranger.status.code(), Some(1));
    assert!(
        stderr(&stranger).contains("is not an active portal admin"),
        "{}",
        stderr(&stranger)
    );

    let import = |name: &str| {
        portico(
            &["config", "import", name, "--as", "ops@acme.test"],
            &[],
            folder.path(),
        )
    };
    let first = import("portal.json");
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("Organization Acme added."),
        "{}",
        stdout(&first)
    );
    assert!(
        stdout(&first).contains("acme.test joins people to Acme."),
        "{}",
        stdout(&first)
    );
    let again = import("portal.json");
    assert!(
        stdout(&again).contains("Nothing needed to change"),
        "{}",
        stdout(&again)
    );

    // A broken file is named and changes nothing.
    std::fs::write(
        folder.path().join("broken.json"),
        r#"{"format": 1, "organizations": [{"slug": "x"}]}"#,
    )
    .expect("write");
    let broken = import("broken.json");
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("not a Portico configuration document"),
        "{}",
        stderr(&broken)
    );

    let export = portico(
        &["config", "export", "--as", "ops@acme.test"],
        &[],
        folder.path(),
    );
    assert!(export.status.success(), "{}", stderr(&export));
    let document: serde_json::Value = serde_json::from_slice(&export.stdout).expect("JSON");
    let acme = document["organizations"]
        .as_array()
        .expect("organizations")
        .iter()
        .find(|o| o["slug"] == "acme")
        .expect("acme")
        .clone();
    assert_eq!(acme["environments"], serde_json::json!(["sandbox"]));
    assert_eq!(acme["domains"], serde_json::json!(["acme.test"]));
}
