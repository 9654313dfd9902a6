//! Languages: the page's, the switcher's, a person's saved one (their mail and their next
//! sign-in follow it) and the request's for plain endpoints.

use app::i18n::{Locale, translate};
use sea_orm::EntityTrait;
use server::entities::user;

use crate::helpers::{TestApp, mailbox, unique_email};
use crate::on_both_engines;

impl TestApp {
    async fn saved_locale(&self, id: uuid::Uuid) -> Option<String> {
        user::Entity::find_by_id(id)
            .one(&self.portal.db)
            .await
            .expect("query")
            .expect("person")
            .locale
    }

    async fn choose_language(
        &self,
        cookie: Option<&str>,
        lang: &str,
        next: &str,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url("/language"))
            .form(&[("lang", lang), ("next", next)]);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("POST /language")
    }
}

fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

on_both_engines!(
    pages_speak_the_language_of_the_request,
    |app: TestApp| async move {
        let german = app
            .client
            .get(app.url("/"))
            .header("accept-language", "de-CH, de;q=0.9, en;q=0.5")
            .send()
            .await
            .expect("GET /");
        let html = german.text().await.expect("html");
        assert!(html.contains("<html lang=\"de\""), "{}", &html[..200]);
        assert!(
            html.contains(&translate(Locale::De, "home-title", &[])),
            "German home page"
        );
        // The cookie wins over the header.
        let english = app
            .client
            .get(app.url("/"))
            .header("accept-language", "de")
            .header("cookie", "portico_lang=en")
            .send()
            .await
            .expect("GET /")
            .text()
            .await
            .expect("html");
        assert!(english.contains("<html lang=\"en\""));
        assert!(english.contains("Welcome"));
        // Plain endpoints answer in it too.
        let refused = app
            .client
            .get(app.url("/api/v1/admin/organizations"))
            .header("accept-language", "de")
            .send()
            .await
            .expect("GET");
        assert_eq!(refused.status(), 401);
        let body: serde_json::Value = refused.json().await.expect("json");
        assert_eq!(
            body["message"],
            translate(Locale::De, "error-unauthenticated", &[])
        );
    }
);

on_both_engines!(
    the_switcher_remembers_the_language_in_the_browser_and_for_the_person,
    |app: TestApp| async move {
        let (person, cookie) = app.signed_in(&unique_email("lang"), false).await;
        assert_eq!(app.saved_locale(person.id).await, None);
        let switched = app.choose_language(Some(&cookie), "de", "/keys?x=1").await;
        assert_eq!(switched.status(), 303);
        assert_eq!(switched.headers()["location"], "/keys?x=1");
        assert!(
            set_cookies(&switched)
                .iter()
                .any(|c| c.starts_with("portico_lang=de;") && c.contains("Max-Age=31536000")),
            "{:?}",
            set_cookies(&switched)
        );
        assert_eq!(app.saved_locale(person.id).await.as_deref(), Some("de"));

        // Nowhere but this portal, and nothing for a language we do not speak.
        for next in ["https://evil.test/", "//evil.test", "/\\evil.test", "/\tx"] {
            let away = app.choose_language(None, "en", next).await;
            assert_eq!(away.headers()["location"], "/", "{next:?}");
        }
        let unknown = app.choose_language(Some(&cookie), "klingon", "/apis").await;
        assert_eq!(unknown.headers()["location"], "/apis");
        assert!(set_cookies(&unknown).is_empty());
        assert_eq!(app.saved_locale(person.id).await.as_deref(), Some("de"));

        // The next sign-in link is in German, whatever the browser asking for it prefers, and
        // signing in with it puts that browser in German.
        let address = person.email.clone();
        app.request_link(&address).await;
        let messages = mailbox().wait_for(&address, 1).await;
        assert_eq!(
            messages[0]["subject"],
            translate(
                Locale::De,
                "mail-sign-in-subject",
                &[("portal", "Portico".into())]
            )
        );
        let token = app.token_from_mail(&address, 1).await;
        let signed_in = app.validate(&token).await;
        assert_eq!(signed_in.status(), 200);
        assert!(
            set_cookies(&signed_in)
                .iter()
                .any(|c| c.starts_with("portico_lang=de;")),
            "{:?}",
            set_cookies(&signed_in)
        );
    }
);

on_both_engines!(
    a_first_sign_in_saves_the_language_of_its_browser,
    |app: TestApp| async move {
        let (person, _) = app.signed_in(&unique_email("first"), false).await;
        // Without a saved language, the link (sent after the answer, by a task of its own) is
        // in the language of the browser that asked for it.
        app.client
            .post(app.url("/api/v1/developer-portal/request-link"))
            .header("accept-language", "de-AT, en;q=0.5")
            .json(&serde_json::json!({ "email": person.email }))
            .send()
            .await
            .expect("POST");
        let messages = mailbox().wait_for(&person.email, 1).await;
        assert_eq!(
            messages[0]["subject"],
            translate(
                Locale::De,
                "mail-sign-in-subject",
                &[("portal", "Portico".into())]
            )
        );
        let token = app.token_from_mail(&person.email, 1).await;
        let signed_in = app
            .client
            .post(app.url("/api/v1/developer-portal/validate-token"))
            .header("accept-language", "de-AT")
            .json(&serde_json::json!({ "token": token }))
            .send()
            .await
            .expect("POST");
        assert_eq!(signed_in.status(), 200);
        assert_eq!(app.saved_locale(person.id).await.as_deref(), Some("de"));
    }
);
