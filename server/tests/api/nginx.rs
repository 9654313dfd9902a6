//! A real nginx (Debian's) in front of an API, asking Portico through `auth_request` whether each
//! call's key may pass. Storage plays no part here, so this runs on SQLite only.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::helpers::{Engine, TestApp};

/// nginx in the foreground with a configuration of the test's; stopped when dropped.
struct Nginx {
    process: Child,
    port: u16,
    _folder: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn nginx_binary() -> &'static str {
    let found = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|path| std::path::Path::new(path).exists());
    found.expect("nginx is not installed: run scripts/setup --test (it installs Debian's nginx)")
}

async fn start_nginx(portico: SocketAddr, upstream: SocketAddr) -> Nginx {
    let folder = tempfile::tempdir().expect("temp dir");
    let dir = folder.path().display().to_string();
    let port = free_port();
    let config = format!(
        r#"worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
daemon off;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location /payments/ {{
      auth_request /_portico;
      auth_request_set $portico_key $upstream_http_x_portico_key_id;
      auth_request_set $portico_org $upstream_http_x_portico_org;
      proxy_set_header X-Portico-Key-Id $portico_key;
      proxy_set_header X-Portico-Org $portico_org;
      proxy_pass http://{upstream}/v2/;
    }}
    location = /_portico {{
      internal;
      proxy_pass http://{portico}/api/v1/gateway/authorize;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-URI $request_uri;
      proxy_set_header X-Original-Method $request_method;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Portico-Collection payments-api;
      proxy_set_header X-Portico-Environment sandbox;
    }}
  }}
}}
"#
    );
    let path = folder.path().join("nginx.conf");
    std::fs::write(&path, config).expect("write nginx.conf");
    // Held by the guard from the start, so nginx is stopped (and waited for) on every path.
    let nginx = Nginx {
        process: Command::new(nginx_binary())
            .args(["-p", &dir, "-e", &format!("{dir}/error.log"), "-c"])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nginx"),
        port,
        _folder: folder,
    };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return nginx;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let log = std::fs::read_to_string(format!("{dir}/error.log")).unwrap_or_default();
    panic!("nginx did not start: {log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nginx_lets_through_only_what_portico_authorizes() {
    // nginx calls the authorize endpoint from loopback and forwards the client's address.
    let app = TestApp::spawn_with(Engine::Sqlite, |settings| {
        settings.trusted_proxies = app::keys::CidrList::parse("127.0.0.1").expect("cidr");
    })
    .await
    .expect("sqlite");
    let upstream = crate::gateway::upstream().await;
    let setup = app.gateway_setup(upstream).await;
    let (key_id, token) = app.key(&setup.dev, "sandbox", "", "").await;
    let (_, production) = app.key(&setup.dev, "production", "", "").await;
    let (_, blocked) = app.key(&setup.dev, "sandbox", "", "127.0.0.1").await;
    let nginx = start_nginx(app.address, upstream).await;
    let call = |token: Option<&str>| {
        let mut request = app
            .client
            .post(format!(
                "http://127.0.0.1:{}/payments/charges?x=1",
                nginx.port
            ))
            .body("{\"amount\":5}");
        if let Some(token) = token {
            request = request.header("x-api-key", token.to_owned());
        }
        request.send()
    };
    let through = call(Some(&token)).await.expect("call");
    assert_eq!(through.status(), 200);
    let echo: serde_json::Value = through.json().await.expect("json");
    assert_eq!(echo["path"], "/v2/charges");
    assert_eq!(echo["method"], "POST");
    assert_eq!(echo["body"], "{\"amount\":5}");
    assert_eq!(echo["headers"]["x-portico-key-id"], key_id.as_str());
    assert_eq!(call(None).await.expect("call").status(), 401);
    assert_eq!(
        call(Some("ptc_test_nonsense"))
            .await
            .expect("call")
            .status(),
        401
    );
    assert_eq!(call(Some(&production)).await.expect("call").status(), 403);
    assert_eq!(call(Some(&blocked)).await.expect("call").status(), 403);
    let calls = app.calls().await;
    assert!(calls.iter().filter(|c| c.outcome == "authorized").count() >= 1);
    assert!(calls.iter().any(|c| c.outcome == "blocked_address"));
}
