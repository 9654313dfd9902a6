//! Every email, in plain text and HTML, in the recipient's language (`mail.ftl`).

use super::Mail;
use app::i18n::Locale;
use app::t_in;
use app::types::{Email, Environment};

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

fn html_page(locale: Locale, portal: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><body style=\"font-family:system-ui,sans-serif;color:#1a1d29;max-width:32rem;margin:2rem auto;line-height:1.5\">\
         <p style=\"font-weight:700;font-size:1.1rem\">{portal}</p>{body}</body></html>",
        lang = locale.tag(),
        portal = escape_html(portal)
    )
}

/// A button in a message: its words and where it leads.
struct Action<'a> {
    label: String,
    link: &'a str,
}

/// Every email has the same shape: a greeting, a few paragraphs, perhaps one button (with its
/// address spelled out for mail readers that show no buttons), and a closing note, all in the
/// recipient's language.
fn compose(
    to: &Email,
    locale: Locale,
    portal: &str,
    subject: String,
    paragraphs: &[String],
    action: Option<Action<'_>>,
    note: String,
) -> Mail {
    let hello = t_in!(locale, "mail-hello");
    let mut text = format!("{hello}\n\n");
    let mut body = format!("<p>{}</p>", escape_html(&hello));
    for paragraph in paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
        body.push_str(&format!("<p>{}</p>", escape_html(paragraph)));
    }
    if let Some(Action { label, link }) = action {
        text.push_str(&format!("{label}:\n{link}\n\n"));
        body.push_str(&format!(
            "<p><a href=\"{link}\" style=\"display:inline-block;padding:.6rem 1.2rem;background:#3346d3;color:#fff;border-radius:.5rem;text-decoration:none;font-weight:600\">{label}</a></p>\
             <p style=\"color:#4a5068;font-size:.9rem\">{paste}</p>",
            paste = escape_html(&t_in!(locale, "mail-or-paste", link = link)),
            link = escape_html(link),
            label = escape_html(&label),
        ));
    }
    text.push_str(&note);
    text.push('\n');
    body.push_str(&format!(
        "<p style=\"color:#4a5068;font-size:.9rem\">{}</p>",
        escape_html(&note)
    ));
    Mail {
        to: to.clone(),
        subject,
        text,
        html: html_page(locale, portal, &body),
    }
}

pub fn sign_in_link(
    to: &Email,
    locale: Locale,
    portal: &str,
    link: &str,
    valid_minutes: i64,
) -> Mail {
    compose(
        to,
        locale,
        portal,
        t_in!(locale, "mail-sign-in-subject", portal = portal),
        &[t_in!(
            locale,
            "mail-sign-in-body",
            portal = portal,
            minutes = valid_minutes
        )],
        Some(Action {
            label: t_in!(locale, "mail-sign-in-action", portal = portal),
            link,
        }),
        t_in!(locale, "mail-sign-in-note"),
    )
}

/// Who invites whom into which organization, for the two invitation mails.
pub struct Invitation<'a> {
    pub portal: &'a str,
    pub organization: &'a str,
    pub inviter: &'a str,
    pub link: &'a str,
    pub valid_days: i64,
}

/// An invitation into an organization; the link signs the invitee in and creates the account.
pub fn invitation(to: &Email, locale: Locale, invitation: &Invitation<'_>) -> Mail {
    let Invitation {
        portal,
        organization,
        inviter,
        link,
        valid_days,
    } = *invitation;
    compose(
        to,
        locale,
        portal,
        t_in!(
            locale,
            "mail-invitation-subject",
            organization = organization,
            portal = portal
        ),
        &[
            t_in!(
                locale,
                "mail-invitation-body",
                inviter = inviter,
                organization = organization,
                portal = portal
            ),
            t_in!(locale, "mail-invitation-link", days = valid_days),
        ],
        Some(Action {
            label: t_in!(locale, "mail-invitation-action"),
            link,
        }),
        t_in!(locale, "mail-invitation-note"),
    )
}

/// Someone with an account was added to one more organization.
pub fn added_to_organization(to: &Email, locale: Locale, invitation: &Invitation<'_>) -> Mail {
    let Invitation {
        portal,
        organization,
        inviter,
        link,
        valid_days,
    } = *invitation;
    compose(
        to,
        locale,
        portal,
        t_in!(
            locale,
            "mail-added-subject",
            organization = organization,
            portal = portal
        ),
        &[
            t_in!(
                locale,
                "mail-added-body",
                inviter = inviter,
                organization = organization,
                portal = portal
            ),
            t_in!(locale, "mail-added-link", days = valid_days),
        ],
        Some(Action {
            label: t_in!(locale, "mail-sign-in-action", portal = portal),
            link,
        }),
        t_in!(locale, "mail-added-note"),
    )
}

/// A request to join was approved; the link signs the new member in.
pub fn registration_approved(
    to: &Email,
    locale: Locale,
    portal: &str,
    link: &str,
    valid_days: i64,
) -> Mail {
    compose(
        to,
        locale,
        portal,
        t_in!(
            locale,
            "mail-registration-approved-subject",
            portal = portal
        ),
        &[
            t_in!(locale, "mail-registration-approved-body", portal = portal),
            t_in!(locale, "mail-registration-approved-link", days = valid_days),
        ],
        Some(Action {
            label: t_in!(locale, "mail-sign-in-action", portal = portal),
            link,
        }),
        t_in!(locale, "mail-registration-approved-note"),
    )
}

pub fn registration_rejected(to: &Email, locale: Locale, portal: &str) -> Mail {
    compose(
        to,
        locale,
        portal,
        t_in!(
            locale,
            "mail-registration-rejected-subject",
            portal = portal
        ),
        &[t_in!(
            locale,
            "mail-registration-rejected-body",
            portal = portal
        )],
        None,
        t_in!(locale, "mail-registration-rejected-note"),
    )
}

/// What the access mails say about one request.
pub struct AccessRequestMail<'a> {
    pub portal: &'a str,
    pub collection: &'a str,
    pub organization: &'a str,
    pub requester: &'a str,
    pub environments: &'a [Environment],
}

/// A new access request, for an admin who asked to hear of them.
pub fn access_requested(
    to: &Email,
    locale: Locale,
    request: &AccessRequestMail<'_>,
    reason: &str,
    inbox_link: &str,
) -> Mail {
    let AccessRequestMail {
        portal,
        collection,
        organization,
        requester,
        environments,
    } = request;
    compose(
        to,
        locale,
        portal,
        t_in!(
            locale,
            "mail-access-requested-subject",
            requester = *requester,
            collection = *collection
        ),
        &[
            t_in!(
                locale,
                "mail-access-requested-body",
                requester = *requester,
                organization = *organization,
                environments = Environment::describe_in(locale, environments),
                collection = *collection,
                portal = *portal
            ),
            t_in!(locale, "mail-their-reason", reason = reason),
        ],
        Some(Action {
            label: t_in!(locale, "mail-access-requested-action"),
            link: inbox_link,
        }),
        t_in!(locale, "mail-access-requested-note"),
    )
}

/// A request was approved; `until` is the last day of access, if there is one.
pub fn access_approved(
    to: &Email,
    locale: Locale,
    request: &AccessRequestMail<'_>,
    note: Option<&str>,
    until: Option<(i32, u32, u32)>,
    docs_link: &str,
) -> Mail {
    let AccessRequestMail {
        portal,
        collection,
        organization,
        environments,
        ..
    } = request;
    let environments = Environment::describe_in(locale, environments);
    let mut paragraphs = vec![match until {
        Some((year, month, day)) => t_in!(
            locale,
            "mail-access-approved-body-until",
            collection = *collection,
            organization = *organization,
            environments = environments,
            day = app::i18n::format_date(locale, year, month, day)
        ),
        None => t_in!(
            locale,
            "mail-access-approved-body",
            collection = *collection,
            organization = *organization,
            environments = environments
        ),
    }];
    if let Some(note) = note {
        paragraphs.push(t_in!(locale, "mail-admin-note", note = note));
    }
    compose(
        to,
        locale,
        portal,
        t_in!(
            locale,
            "mail-access-approved-subject",
            collection = *collection
        ),
        &paragraphs,
        Some(Action {
            label: t_in!(
                locale,
                "mail-access-approved-action",
                collection = *collection
            ),
            link: docs_link,
        }),
        t_in!(locale, "mail-access-note"),
    )
}

pub fn access_rejected(
    to: &Email,
    locale: Locale,
    request: &AccessRequestMail<'_>,
    reason: &str,
    requests_link: &str,
) -> Mail {
    let AccessRequestMail {
        portal, collection, ..
    } = request;
    compose(
        to,
        locale,
        portal,
        t_in!(
            locale,
            "mail-access-rejected-subject",
            collection = *collection
        ),
        &[
            t_in!(
                locale,
                "mail-access-rejected-body",
                collection = *collection
            ),
            t_in!(locale, "mail-their-reason", reason = reason),
            t_in!(locale, "mail-access-rejected-again"),
        ],
        Some(Action {
            label: t_in!(locale, "mail-access-rejected-action"),
            link: requests_link,
        }),
        t_in!(locale, "mail-access-note"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn the_sign_in_mail_carries_the_link_in_both_parts() {
        let to = Email::parse("ada@example.com").expect("email");
        let mail = sign_in_link(
            &to,
            Locale::En,
            "Acme <Dev> Portal",
            "http://p.test/auth/magic?token=abc",
            10,
        );
        assert_eq!(mail.subject, "Your sign-in link for Acme <Dev> Portal");
        assert!(mail.text.contains("http://p.test/auth/magic?token=abc"));
        assert!(mail.text.contains("10 minutes"));
        assert!(
            mail.html
                .contains("href=\"http://p.test/auth/magic?token=abc\"")
        );
        assert!(mail.html.contains("Acme &lt;Dev&gt; Portal"));
        assert!(!mail.html.contains("<Dev>"));
    }

    #[test]
    fn mail_speaks_the_recipients_language() {
        let to = Email::parse("ada@example.com").expect("email");
        let mail = sign_in_link(&to, Locale::De, "Acme", "http://p.test/x", 10);
        assert_eq!(mail.subject, "Ihr Anmeldelink für Acme");
        assert!(mail.text.starts_with("Guten Tag,"), "{}", mail.text);
        assert!(
            mail.text.contains("in den nächsten 10 Minuten"),
            "{}",
            mail.text
        );
        assert!(mail.html.contains("<html lang=\"de\">"));
        let request = AccessRequestMail {
            portal: "Acme",
            collection: "Payments",
            organization: "Globex",
            requester: "Ada",
            environments: &[Environment::Sandbox, Environment::Production],
        };
        let approved = access_approved(
            &to,
            Locale::De,
            &request,
            None,
            Some((2027, 3, 9)),
            "http://p.test/apis/payments",
        );
        assert!(
            approved.text.contains("bis einschließlich 9. März 2027"),
            "{}",
            approved.text
        );
        assert!(
            approved.text.contains("Sandbox und Produktion"),
            "{}",
            approved.text
        );
    }
}
