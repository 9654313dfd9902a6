//! Single sign-on against a real OpenID provider (npm `oidc-provider`, started once for the
//! test run): the whole code flow as a browser goes through it, just-in-time accounts, linking,
//! invitations, group mapping, and the refusals (unverified email, foreign domain, no account,
//! suspended, cancelled, wrong or replayed state, another browser, forged ID tokens), signing
//! out at the provider too, and providers added, tested and switched in the admin pages.

use std::collections::HashMap;

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use server::entities::{membership, user, user_identity};

use crate::helpers::{Engine, TestApp, unique_email};

/// The test identity provider: one process for the whole run.
pub struct IdentityProvider {
    pub issuer: String,
    _process: std::sync::Mutex<std::process::Child>,
}

pub fn identity_provider() -> &'static IdentityProvider {
    static PROVIDER: std::sync::OnceLock<IdentityProvider> = std::sync::OnceLock::new();
    PROVIDER.get_or_init(IdentityProvider::start)
}

impl IdentityProvider {
    /// A provider process of its own (for a test that changes the provider, like rotating keys).
    pub fn start() -> IdentityProvider {
        use std::io::BufRead;
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/oidc/provider.mjs");
        let mut child = std::process::Command::new("node")
            .arg(script)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the test identity provider (node end2end/oidc/provider.mjs)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the provider announces its issuer");
        let started: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|_| {
            panic!("identity provider did not start (npm packages missing? run scripts/setup --test): {line}")
        });
        IdentityProvider {
            issuer: started["issuer"].as_str().expect("issuer").to_owned(),
            _process: std::sync::Mutex::new(child),
        }
    }
}

fn providers() -> Vec<app::admin::ProviderConfig> {
    providers_at(&identity_provider().issuer)
}

/// Three providers on the same issuer: `corp` makes accounts just in time (into `sso-corp`) and
/// maps groups; `strict` makes none; `nogroups` maps groups but does not ask for them (so the
/// tokens carry none).
fn providers_at(issuer: &str) -> Vec<app::admin::ProviderConfig> {
    let json = serde_json::json!([
        {
            "slug": "corp", "name": "Corp ID", "issuer": issuer,
            "client_id": "portico", "client_secret": "portico-test-secret",
            "scopes": ["openid", "email", "profile", "groups"],
            "allowed_domains": ["sso.test"],
            "jit": true, "organization": "sso-corp", "role": "member", "enforce_sso": true,
            "groups_claim": "groups",
            "group_organizations": { "developers": "sso-developers", "ops": "sso-ops" },
            "admin_groups": ["portico-admins"]
        },
        {
            "slug": "strict", "name": "Strict ID", "issuer": issuer,
            "client_id": "portico", "client_secret": "portico-test-secret",
            "allowed_domains": ["sso.test"]
        },
        {
            "slug": "nogroups", "name": "No Groups ID", "issuer": issuer,
            "client_id": "portico", "client_secret": "portico-test-secret",
            "allowed_domains": ["sso.test"],
            "groups_claim": "groups",
            "group_organizations": { "developers": "sso-developers" },
            "admin_groups": ["portico-admins"]
        }
    ]);
    server::auth::sso::parse_providers(&json.to_string()).expect("test providers")
}

async fn spawn_with_providers(engine: Engine) -> Option<TestApp> {
    let app = TestApp::spawn_with(engine, |settings| settings.oidc_providers = providers()).await?;
    for slug in ["sso-corp", "sso-developers", "sso-ops"] {
        server::directory::create_organization(
            &app.portal.db,
            &app.clock,
            slug,
            &app::types::Slug::parse(slug).expect("slug"),
        )
        .await
        .expect("organization");
    }
    Some(app)
}

/// Cookies by name, as a browser keeps them for one site (paths and expiry do not matter here).
#[derive(Default)]
struct Jar(HashMap<String, String>);

impl Jar {
    fn take(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie") {
            let Some((pair, _)) = value
                .to_str()
                .unwrap_or_default()
                .split_once(';')
                .or(Some((value.to_str().unwrap_or_default(), "")))
            else {
                continue;
            };
            if let Some((name, value)) = pair.split_once('=') {
                if value.is_empty() {
                    self.0.remove(name.trim());
                } else {
                    self.0.insert(name.trim().to_owned(), value.to_owned());
                }
            }
        }
    }

    fn header(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A browser going through a sign-in: Portico's cookies and the provider's, kept apart.
struct Browser<'a> {
    app: &'a TestApp,
    issuer: String,
    portico: Jar,
    provider: Jar,
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

impl<'a> Browser<'a> {
    fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            issuer: identity_provider().issuer.clone(),
            portico: Jar::default(),
            provider: Jar::default(),
        }
    }

    async fn get(&mut self, url: &str) -> reqwest::Response {
        let ours = url.starts_with(&self.app.url(""));
        let jar = if ours {
            &mut self.portico
        } else {
            &mut self.provider
        };
        let response = self
            .app
            .client
            .get(url)
            .header("cookie", jar.header())
            .send()
            .await
            .expect("GET");
        jar.take(&response);
        response
    }

    async fn post_provider(&mut self, url: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let response = self
            .app
            .client
            .post(url)
            .header("cookie", self.provider.header())
            .form(form)
            .send()
            .await
            .expect("POST");
        self.provider.take(&response);
        response
    }

    /// Starts at Portico's login for `provider`, signs in at the provider as `login` (or cancels
    /// there with `None`), and returns the callback address the provider sends the browser to.
    async fn through_provider(&mut self, provider: &str, login: Option<&str>) -> String {
        let started = self
            .get(
                &self
                    .app
                    .url(&format!("/auth/oidc/{provider}/login?next=/apis")),
            )
            .await;
        assert_eq!(started.status(), 303, "login redirects to the provider");
        let mut next = location(&started);
        assert!(next.contains("code_challenge_method=S256"), "{next}");
        assert!(next.contains("nonce=") && next.contains("state="), "{next}");
        let issuer = self.issuer.clone();
        for _ in 0..10 {
            if next.starts_with(&self.app.url("")) {
                return next;
            }
            let url = if next.starts_with('/') {
                format!("{issuer}{next}")
            } else {
                next.clone()
            };
            let response = self.get(&url).await;
            if response.status().is_redirection() {
                next = location(&response);
                continue;
            }
            let page = response.text().await.expect("page");
            let response = match (login, page.contains("name=\"login\"")) {
                (None, _) => self.get(&format!("{url}/abort")).await,
                (Some(login), true) => {
                    self.post_provider(
                        &url,
                        &[("prompt", "login"), ("login", login), ("password", "any")],
                    )
                    .await
                }
                (Some(_), false) => self.post_provider(&url, &[("prompt", "consent")]).await,
            };
            next = location(&response);
        }
        panic!("the provider never sent the browser back");
    }

    /// The whole sign-in; the address Portico sends the browser to at the end.
    async fn sign_in(&mut self, provider: &str, login: &str) -> String {
        let callback = self.through_provider(provider, Some(login)).await;
        let finished = self.get(&callback).await;
        assert_eq!(finished.status(), 303);
        location(&finished)
    }

    fn session_cookie(&self) -> String {
        let name = self.app.portal.sessions.cookie_name();
        format!(
            "{name}={}",
            self.portico.0.get(name).expect("session cookie")
        )
    }
}

async fn viewer(app: &TestApp, cookie: &str) -> serde_json::Value {
    app.call_json("session-info", Some(cookie), &[]).await["viewer"].clone()
}

async fn user_by_email(app: &TestApp, email: &str) -> Option<user::Model> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&app.portal.db)
        .await
        .expect("query")
}

async fn organizations_of(app: &TestApp, user_id: uuid::Uuid) -> Vec<String> {
    let mut slugs: Vec<String> = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .find_also_related(server::entities::organization::Entity)
        .all(&app.portal.db)
        .await
        .expect("memberships")
        .into_iter()
        .filter_map(|(_, o)| o.map(|o| o.slug))
        .collect();
    slugs.sort();
    slugs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_sign_in_makes_the_account_just_in_time() {
    for engine in [Engine::Sqlite, Engine::Postgres] {
        let Some(app) = spawn_with_providers(engine).await else {
            continue;
        };
        crate::helpers::within_time_limit(async {
            let session_info = app.call_json("session-info", None, &[]).await;
            assert_eq!(
                session_info["sso_providers"],
                serde_json::json!([
                    {"slug": "corp", "name": "Corp ID"},
                    {"slug": "strict", "name": "Strict ID"},
                    {"slug": "nogroups", "name": "No Groups ID"}
                ])
            );

            // Her domain signs in through the provider: the email field sends her there, no link.
            let step = app
                .call_json("request-sign-in-link", None, &[("email", "alice@sso.test")])
                .await;
            assert_eq!(
                step,
                serde_json::json!({"UseProvider": {"slug": "corp", "name": "Corp ID"}})
            );
            let step = app
                .call_json(
                    "request-sign-in-link",
                    None,
                    &[("email", "someone@elsewhere.test")],
                )
                .await;
            assert_eq!(step, serde_json::json!("LinkSent"));

            let mut browser = Browser::new(&app);
            assert_eq!(browser.sign_in("corp", "alice").await, "/apis");
            let cookie = browser.session_cookie();
            let me = viewer(&app, &cookie).await;
            assert_eq!(me["email"], "alice@sso.test");
            assert_eq!(me["display_name"], "Alice Example");
            assert_eq!(me["is_admin"], false);
            let alice = user_by_email(&app, "alice@sso.test").await.expect("alice");
            // The configured organization, and the one her `developers` group maps to.
            assert_eq!(
                organizations_of(&app, alice.id).await,
                ["sso-corp", "sso-developers"]
            );
            assert_eq!(app.audit_count("user.provisioned").await, 1);

            // Again: the same account, found by issuer and subject.
            let mut again = Browser::new(&app);
            again.sign_in("corp", "alice").await;
            assert_eq!(
                viewer(&app, &again.session_cookie()).await["id"],
                alice.id.to_string()
            );
            assert_eq!(
                user_identity::Entity::find()
                    .count(&app.portal.db)
                    .await
                    .expect("count"),
                1
            );
            assert_eq!(app.audit_count("user.provisioned").await, 1);

            // A group mapped to the admin role makes a portal admin, and taking it away undoes it.
            let mut carol = Browser::new(&app);
            carol.sign_in("corp", "carol").await;
            assert_eq!(
                viewer(&app, &carol.session_cookie()).await["is_admin"],
                true
            );
            assert_eq!(app.audit_count("user.role_from_provider").await, 1);
            // A token without the groups claim changes nothing (it is not "no groups").
            let mut carol = Browser::new(&app);
            carol.sign_in("nogroups", "carol").await;
            assert_eq!(
                viewer(&app, &carol.session_cookie()).await["is_admin"],
                true
            );
            let mut alice_again = Browser::new(&app);
            alice_again.sign_in("nogroups", "alice").await;
            assert_eq!(
                organizations_of(&app, alice.id).await,
                ["sso-corp", "sso-developers"]
            );
            assert_eq!(app.audit_count("user.role_from_provider").await, 1);

            // Once her organizations lose portal access, she is not let in any more.
            for organization in server::entities::organization::Entity::find()
                .all(&app.portal.db)
                .await
                .expect("organizations")
            {
                server::entities::organization::ActiveModel {
                    id: Set(organization.id),
                    portal_access: Set(false),
                    ..Default::default()
                }
                .update(&app.portal.db)
                .await
                .expect("switch off");
            }
            let mut shut_out = Browser::new(&app);
            assert_eq!(
                shut_out.sign_in("corp", "alice").await,
                "/sign-in?sso_error=not_allowed&provider=corp"
            );
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_say_why_and_create_nothing() {
    let app = spawn_with_providers(Engine::Sqlite).await.expect("sqlite");
    crate::helpers::within_time_limit(async {
        let users_before = user::Entity::find()
            .count(&app.portal.db)
            .await
            .expect("count");
        for (provider, login, reason) in [
            ("corp", "bob", "unverified_email"),
            ("corp", "dave", "domain_not_allowed"),
            ("strict", "alice", "no_account"),
        ] {
            let mut browser = Browser::new(&app);
            let landed = browser.sign_in(provider, login).await;
            assert_eq!(
                landed,
                format!("/sign-in?sso_error={reason}&provider={provider}"),
                "{login} through {provider}"
            );
            assert!(
                !browser
                    .portico
                    .0
                    .contains_key(app.portal.sessions.cookie_name()),
                "no session for {login}"
            );
        }
        assert_eq!(
            user::Entity::find()
                .count(&app.portal.db)
                .await
                .expect("count"),
            users_before
        );
        assert_eq!(app.audit_count("auth.sso_failed").await, 3);

        // Cancelled at the provider.
        let mut browser = Browser::new(&app);
        let callback = browser.through_provider("corp", None).await;
        assert!(callback.contains("error=access_denied"), "{callback}");
        assert_eq!(
            location(&browser.get(&callback).await),
            "/sign-in?sso_error=denied&provider=corp"
        );

        // The callback works once, in the browser that started it, with its own state.
        let mut browser = Browser::new(&app);
        let callback = browser.through_provider("corp", Some("alice")).await;
        let tampered = callback.replace("state=", "state=x");
        assert_eq!(
            location(&browser.get(&tampered).await),
            "/sign-in?sso_error=expired&provider=corp"
        );
        let mut elsewhere = Browser::new(&app);
        assert_eq!(
            location(&elsewhere.get(&callback).await),
            "/sign-in?sso_error=expired&provider=corp",
            "another browser cannot finish it"
        );
        assert_eq!(
            location(&browser.get(&callback).await),
            "/sign-in?sso_error=expired&provider=corp",
            "a flow someone tried to finish is gone"
        );
        let mut browser = Browser::new(&app);
        let callback = browser.through_provider("corp", Some("alice")).await;
        assert_eq!(location(&browser.get(&callback).await), "/apis");
        assert_eq!(
            location(&browser.get(&callback).await),
            "/sign-in?sso_error=expired&provider=corp",
            "replayed"
        );

        // An unknown provider.
        let unknown = app
            .client
            .get(app.url("/auth/oidc/nope/login"))
            .send()
            .await
            .expect("GET");
        assert_eq!(
            location(&unknown),
            "/sign-in?sso_error=unknown_provider&provider=nope"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn existing_accounts_and_invitations() {
    let app = spawn_with_providers(Engine::Sqlite).await.expect("sqlite");
    crate::helpers::within_time_limit(async {
        // An account with the same verified address of an allowed domain is linked (and audited).
        let (frank, _) = app.signed_in("frank@sso.test", false).await;
        let mut browser = Browser::new(&app);
        browser.sign_in("strict", "frank").await;
        assert_eq!(
            viewer(&app, &browser.session_cookie()).await["id"],
            frank.id.to_string()
        );
        assert_eq!(app.audit_count("auth.sso_linked").await, 1);

        // The address handed on to someone new at the provider does not hand on the account.
        let mut newcomer = Browser::new(&app);
        assert_eq!(
            newcomer.sign_in("strict", "henry").await,
            "/sign-in?sso_error=cannot_link&provider=strict"
        );

        // Group mapping leaves memberships it did not make: Frank was put into ops by hand.
        let ops = server::entities::organization::Entity::find()
            .filter(server::entities::organization::Column::Slug.eq("sso-ops"))
            .one(&app.portal.db)
            .await
            .expect("query")
            .expect("sso-ops");
        server::directory::add_membership(&app.portal.db, &app.clock, frank.id, ops.id, "member")
            .await
            .expect("membership");
        let mut browser = Browser::new(&app);
        browser.sign_in("corp", "frank").await;
        assert!(
            organizations_of(&app, frank.id)
                .await
                .contains(&"sso-ops".to_owned())
        );

        // A suspended account stays out.
        let (grace, _) = app.signed_in("grace@sso.test", false).await;
        user::ActiveModel {
            id: Set(grace.id),
            status: Set(user::STATUS_SUSPENDED.to_owned()),
            ..Default::default()
        }
        .update(&app.portal.db)
        .await
        .expect("suspend");
        let mut browser = Browser::new(&app);
        assert_eq!(
            browser.sign_in("corp", "grace").await,
            "/sign-in?sso_error=suspended&provider=corp"
        );

        // Invited: the invitation's organization, even where accounts are not made just in time.
        let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
        let organization = app.organization("Invited Org").await;
        app.call_json(
            "admin-invite",
            Some(&admin),
            &[
                ("organization_id", &organization.id.to_string()),
                ("email", "erin@sso.test"),
                ("role", "member"),
            ],
        )
        .await;
        let mut browser = Browser::new(&app);
        browser.sign_in("strict", "erin").await;
        let erin = user_by_email(&app, "erin@sso.test").await.expect("erin");
        assert_eq!(organizations_of(&app, erin.id).await, [organization.slug]);
    })
    .await;
}

/// A provider that rotates its signing key: the next sign-in carries a key id Portico has not
/// seen, and Portico reads the keys again (once; a second rotation within the minute is refused
/// until the minute is over, so a flood of made-up key ids cannot hammer the provider).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_signing_key_is_fetched_once() {
    let provider = IdentityProvider::start();
    let issuer = provider.issuer.clone();
    let app = TestApp::spawn_with(Engine::Sqlite, |settings| {
        settings.oidc_providers = providers_at(&issuer)
    })
    .await
    .expect("sqlite");
    crate::helpers::within_time_limit(async {
        let (_, _) = app.signed_in("frank@sso.test", false).await;
        let sign_in = || async {
            let mut browser = Browser::new(&app);
            browser.issuer = issuer.clone();
            browser.sign_in("strict", "frank").await
        };
        let rotate = || async {
            let rotated = app
                .client
                .post(format!("{issuer}/test/rotate-keys"))
                .send()
                .await
                .expect("rotate");
            assert_eq!(rotated.status(), 204);
        };
        assert_eq!(sign_in().await, "/apis");
        rotate().await;
        assert_eq!(sign_in().await, "/apis", "the new key is fetched");
        rotate().await;
        assert_eq!(
            sign_in().await,
            "/sign-in?sso_error=invalid_token&provider=strict",
            "keys are read again at most once a minute"
        );
    })
    .await;
    drop(provider);
}

/// ID tokens changed on their way (by the provider's test hook, after it signed the real one):
/// each is refused, and nobody is signed in or created.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_id_tokens_are_refused() {
    let provider = IdentityProvider::start();
    let issuer = provider.issuer.clone();
    let app = TestApp::spawn_with(Engine::Sqlite, |settings| {
        settings.oidc_providers = providers_at(&issuer)
    })
    .await
    .expect("sqlite");
    crate::helpers::within_time_limit(async {
        for organization in ["sso-corp", "sso-developers", "sso-ops"] {
            server::directory::create_organization(
                &app.portal.db,
                &app.clock,
                organization,
                &app::types::Slug::parse(organization).expect("slug"),
            )
            .await
            .expect("organization");
        }
        for kind in [
            "other-audience",
            "expired",
            "wrong-nonce",
            "wrong-issuer",
            "alg-none",
            "foreign-key",
        ] {
            let mut browser = Browser::new(&app);
            browser.issuer = issuer.clone();
            let callback = browser.through_provider("corp", Some("alice")).await;
            let armed = app
                .client
                .post(format!("{issuer}/test/forge-next-id-token?kind={kind}"))
                .send()
                .await
                .expect("arm the forgery");
            assert_eq!(armed.status(), 204);
            let finished = browser.get(&callback).await;
            assert_eq!(
                location(&finished),
                "/sign-in?sso_error=invalid_token&provider=corp",
                "{kind}"
            );
            assert!(
                !browser
                    .portico
                    .0
                    .contains_key(app.portal.sessions.cookie_name()),
                "no session with a token that is {kind}"
            );
        }
        assert!(user_by_email(&app, "alice@sso.test").await.is_none());
        assert_eq!(app.audit_count("auth.sso_failed").await, 6);
        // The same sign-in without a forgery goes through.
        let mut browser = Browser::new(&app);
        browser.issuer = issuer.clone();
        assert_eq!(browser.sign_in("corp", "alice").await, "/apis");
    })
    .await;
    drop(provider);
}

/// Signing out of a session that came from a provider with an end-session endpoint offers to
/// sign out there too, and that leads to the provider's own sign-out page, which accepts the
/// way back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_offers_the_providers_sign_out() {
    let app = spawn_with_providers(Engine::Sqlite).await.expect("sqlite");
    crate::helpers::within_time_limit(async {
        let mut browser = Browser::new(&app);
        browser.sign_in("corp", "alice").await;
        let signed_out = app
            .client
            .post(app.url("/auth/sign-out"))
            .header("cookie", browser.session_cookie())
            .send()
            .await
            .expect("sign out");
        assert_eq!(
            location(&signed_out),
            "/sign-in?signed_out=1&provider_logout=corp"
        );
        assert_eq!(
            viewer(&app, &browser.session_cookie()).await,
            serde_json::Value::Null,
            "the Portico session is over"
        );
        let onward = browser.get(&app.url("/auth/oidc/corp/logout")).await;
        let to = location(&onward);
        let issuer = &identity_provider().issuer;
        assert!(
            to.starts_with(&format!(
                "{issuer}/session/end?client_id=portico&post_logout_redirect_uri="
            )),
            "{to}"
        );
        let confirm = browser.get(&to).await;
        assert_eq!(confirm.status(), 200, "the provider accepts the request");

        // A session from an email link signs out of Portico only.
        let (_, cookie) = app.signed_in(&unique_email("linked"), false).await;
        let signed_out = app
            .client
            .post(app.url("/auth/sign-out"))
            .header("cookie", cookie)
            .send()
            .await
            .expect("sign out");
        assert_eq!(location(&signed_out), "/sign-in?signed_out=1");
    })
    .await;
}

/// An admin adds a provider in the portal, tests it, switches it on, and people sign in with
/// it; the secret is stored sealed and never shown; settings' providers are read-only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_add_test_and_switch_providers() {
    for engine in [Engine::Sqlite, Engine::Postgres] {
        let Some(app) = spawn_with_providers(engine).await else {
            continue;
        };
        crate::helpers::within_time_limit(async {
            let issuer = identity_provider().issuer.clone();
            let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
            let (_, developer) = app.signed_in(&unique_email("dev"), false).await;
            let form = |secret: &'static str| {
                vec![
                    ("slug", "acme"),
                    ("name", "Acme SSO"),
                    ("issuer", issuer.as_str()),
                    ("client_id", "portico"),
                    ("client_secret", secret),
                    ("scopes", "openid email profile"),
                    ("allowed_domains", "sso.test"),
                    ("jit", "on"),
                    ("organization", "sso-corp"),
                    ("role", "member"),
                ]
            };
            // Only admins.
            let refused = app
                .call_with("admin-save-identity-provider", Some(&developer), &form("x"))
                .await;
            assert_eq!(refused.status(), 403);
            assert_eq!(
                app.call("admin-identity-providers", Some(&developer))
                    .await
                    .status(),
                403
            );
            // Bad input is named at its field and saves nothing.
            let mut bad = form("portico-test-secret");
            bad[2] = ("issuer", "http://login.example.com");
            let (field, _) = crate::helpers::invalid(
                app.call_with("admin-save-identity-provider", Some(&admin), &bad)
                    .await,
            )
            .await;
            assert_eq!(field, "issuer");
            let mut bad = form("portico-test-secret");
            bad[8] = ("organization", "no-such-org");
            let (field, _) = crate::helpers::invalid(
                app.call_with("admin-save-identity-provider", Some(&admin), &bad)
                    .await,
            )
            .await;
            assert_eq!(field, "organization");
            let mut bad = form("portico-test-secret");
            bad[0] = ("slug", "corp");
            let (field, _) = crate::helpers::invalid(
                app.call_with("admin-save-identity-provider", Some(&admin), &bad)
                    .await,
            )
            .await;
            assert_eq!(field, "slug", "settings already have corp");

            // Added with a wrong secret: stored sealed, off, and the test says what is wrong.
            let slug = app
                .call_json(
                    "admin-save-identity-provider",
                    Some(&admin),
                    &form("wrong-secret"),
                )
                .await;
            assert_eq!(slug, "acme");
            let stored = server::entities::identity_provider::Entity::find_by_id("acme".to_owned())
                .one(&app.portal.db)
                .await
                .expect("query")
                .expect("stored");
            assert!(stored.sealed_secret.starts_with("v1."));
            assert_eq!(
                app.portal.sso.open_secret(&stored).as_deref(),
                Some("wrong-secret"),
                "sealed, and only the portal's key opens it"
            );
            assert!(!stored.config.contains("wrong-secret"));
            assert!(!stored.enabled);
            let editor = app
                .call_json("admin-identity-provider", Some(&admin), &[("slug", "acme")])
                .await;
            assert!(!editor.to_string().contains("wrong-secret"), "{editor}");
            assert_eq!(editor["config"]["issuer"], issuer.as_str());
            let session_info = app.call_json("session-info", None, &[]).await;
            assert!(!session_info["sso_providers"].to_string().contains("acme"));
            let report = app
                .call_json(
                    "admin-test-identity-provider",
                    Some(&admin),
                    &[("slug", "acme")],
                )
                .await;
            let failed: Vec<&str> = report
                .as_array()
                .expect("checks")
                .iter()
                .filter(|c| c["ok"] == false)
                .filter_map(|c| c["label"].as_str())
                .collect();
            assert_eq!(failed, ["Client id and secret"], "{report}");

            // The right secret: every check passes. Leaving the secret empty keeps it.
            let mut fixed = form("portico-test-secret");
            fixed.push(("current_slug", "acme"));
            app.call_json("admin-save-identity-provider", Some(&admin), &fixed)
                .await;
            let mut kept = form("");
            kept.push(("current_slug", "acme"));
            kept[1] = ("name", "Acme Single Sign-On");
            app.call_json("admin-save-identity-provider", Some(&admin), &kept)
                .await;
            let report = app
                .call_json(
                    "admin-test-identity-provider",
                    Some(&admin),
                    &[("slug", "acme")],
                )
                .await;
            assert!(
                report
                    .as_array()
                    .expect("checks")
                    .iter()
                    .all(|c| c["ok"] == true),
                "{report}"
            );

            // On: a button on the sign-in page, and people sign in with it (just in time).
            app.call_json(
                "admin-enable-identity-provider",
                Some(&admin),
                &[("slug", "acme"), ("enabled", "true")],
            )
            .await;
            let session_info = app.call_json("session-info", None, &[]).await;
            assert!(
                session_info["sso_providers"]
                    .as_array()
                    .expect("providers")
                    .contains(&serde_json::json!({"slug": "acme", "name": "Acme Single Sign-On"}))
            );
            let mut browser = Browser::new(&app);
            assert_eq!(browser.sign_in("acme", "erin").await, "/apis");
            assert_eq!(
                viewer(&app, &browser.session_cookie()).await["email"],
                "erin@sso.test"
            );
            let list = app
                .call_json("admin-identity-providers", Some(&admin), &[])
                .await;
            let acme = list
                .as_array()
                .expect("rows")
                .iter()
                .find(|r| r["slug"] == "acme")
                .expect("acme listed")
                .clone();
            assert_eq!(acme["accounts"], 1);
            assert_eq!(acme["source"], "Portal");
            assert!(
                list.as_array()
                    .expect("rows")
                    .iter()
                    .any(|r| r["slug"] == "corp" && r["source"] == "Settings")
            );

            // Settings' providers cannot be changed here.
            let mut declared = form("x");
            declared.push(("current_slug", "corp"));
            let refused = app
                .call_with("admin-save-identity-provider", Some(&admin), &declared)
                .await;
            assert_eq!(refused.status(), 403);
            let refused = app
                .call_with(
                    "admin-delete-identity-provider",
                    Some(&admin),
                    &[("slug", "corp")],
                )
                .await;
            assert_eq!(refused.status(), 403);

            // Off: no button, no sign-in; on again.
            let switch = |on: &'static str| {
                let admin = admin.clone();
                let app = &app;
                async move {
                    app.call_json(
                        "admin-enable-identity-provider",
                        Some(&admin),
                        &[("slug", "acme"), ("enabled", on)],
                    )
                    .await;
                }
            };
            switch("false").await;
            let session_info = app.call_json("session-info", None, &[]).await;
            assert!(!session_info["sso_providers"].to_string().contains("acme"));
            let off = app
                .client
                .get(app.url("/auth/oidc/acme/login"))
                .send()
                .await
                .expect("GET");
            assert_eq!(
                location(&off),
                "/sign-in?sso_error=unknown_provider&provider=acme"
            );
            switch("true").await;

            // A new issuer or client id needs the secret again: the kept one goes nowhere new.
            let mut elsewhere = form("");
            elsewhere.push(("current_slug", "acme"));
            elsewhere[2] = ("issuer", "https://login.elsewhere.test");
            let (field, _) = crate::helpers::invalid(
                app.call_with("admin-save-identity-provider", Some(&admin), &elsewhere)
                    .await,
            )
            .await;
            assert_eq!(field, "client_secret");

            // A new slug: the accounts made through it follow, and the secret is sealed anew.
            let mut renamed = form("");
            renamed.push(("current_slug", "acme"));
            renamed[0] = ("slug", "acme-sso");
            assert_eq!(
                app.call_json("admin-save-identity-provider", Some(&admin), &renamed)
                    .await,
                "acme-sso"
            );
            let erin = user_identity::Entity::find()
                .filter(user_identity::Column::Provider.eq("acme-sso"))
                .count(&app.portal.db)
                .await
                .expect("count");
            assert_eq!(erin, 1);
            let mut browser = Browser::new(&app);
            assert_eq!(browser.sign_in("acme-sso", "erin").await, "/apis");

            // Deleted: gone.
            app.call_json(
                "admin-delete-identity-provider",
                Some(&admin),
                &[("slug", "acme-sso")],
            )
            .await;
            let session_info = app.call_json("session-info", None, &[]).await;
            assert!(!session_info["sso_providers"].to_string().contains("acme"));
            let gone = app
                .client
                .get(app.url("/auth/oidc/acme-sso/login"))
                .send()
                .await
                .expect("GET");
            assert_eq!(
                location(&gone),
                "/sign-in?sso_error=unknown_provider&provider=acme-sso"
            );
            for (action, times) in [
                ("identity_provider.added", 1),
                ("identity_provider.enabled", 2),
                ("identity_provider.disabled", 1),
                ("identity_provider.changed", 3),
                ("identity_provider.deleted", 1),
            ] {
                assert_eq!(app.audit_count(action).await, times, "{action}");
            }
        })
        .await;
    }
}

/// A provider that makes no accounts still lets in people of a domain that joins an
/// organization automatically (their address verified by the provider).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verified_address_of_an_auto_join_domain_gets_an_account() {
    let app = spawn_with_providers(Engine::Sqlite).await.expect("sqlite");
    crate::helpers::within_time_limit(async {
        let (_, admin) = app.signed_in(&unique_email("admin"), true).await;
        let mut refused = Browser::new(&app);
        assert_eq!(
            refused.sign_in("strict", "alice").await,
            "/sign-in?sso_error=no_account&provider=strict"
        );
        let organization = app.organization("Sso Test Inc").await;
        app.call_json(
            "admin-add-organization-domain",
            Some(&admin),
            &[
                ("organization_id", &organization.id.to_string()),
                ("domain", "sso.test"),
            ],
        )
        .await;
        let mut browser = Browser::new(&app);
        assert_eq!(browser.sign_in("strict", "alice").await, "/apis");
        let alice = user_by_email(&app, "alice@sso.test").await.expect("alice");
        assert_eq!(organizations_of(&app, alice.id).await, [organization.slug]);
        // An unverified address of the domain is still refused.
        let mut bob = Browser::new(&app);
        assert_eq!(
            bob.sign_in("strict", "bob").await,
            "/sign-in?sso_error=unverified_email&provider=strict"
        );
    })
    .await;
}
