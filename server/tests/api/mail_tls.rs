//! Mail over TLS: implicit TLS (smtps) and STARTTLS against a real SMTP server whose certificate
//! comes from a private CA, trusted through `PORTICO_SMTP_CA_FILE`. Storage plays no part here,
//! so these run on SQLite only.

use server::settings::Secret;

use crate::helpers::{Engine, Mailbox, TestApp, mailbox, unique_email};

async fn portal_mailing_through(url: String, trust_test_ca: bool) -> TestApp {
    TestApp::spawn_with(Engine::Sqlite, move |settings| {
        settings.smtp_url = Some(Secret::new(url));
        settings.smtp_ca_file = trust_test_ca.then(Mailbox::ca_file);
    })
    .await
    .expect("SQLite is always available")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_links_arrive_over_smtps_and_starttls() {
    for url in [mailbox().smtps_url(), mailbox().starttls_url()] {
        let app = portal_mailing_through(url.clone(), true).await;
        let address = unique_email("tls");
        app.signed_in(&address, false).await;
        assert_eq!(app.request_link(&address).await.status(), 202);
        let token = app.token_from_mail(&address, 1).await;
        assert_eq!(app.validate(&token).await.status(), 200, "{url}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_untrusted_certificate_stops_the_mail() {
    let app = portal_mailing_through(mailbox().smtps_url(), false).await;
    let address = unique_email("untrusted");
    app.signed_in(&address, false).await;
    assert_eq!(app.request_link(&address).await.status(), 202);
    // The first attempt and the first retry (after 1 s) both fail the TLS handshake.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert!(mailbox().messages_for(&address).await.is_empty());
}
