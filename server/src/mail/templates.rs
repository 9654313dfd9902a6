//! The words of every email, in plain text and HTML.

use super::Mail;
use app::types::Email;

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

fn html_page(portal: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:system-ui,sans-serif;color:#1a1d29;max-width:32rem;margin:2rem auto;line-height:1.5\">\
         <p style=\"font-weight:700;font-size:1.1rem\">{portal}</p>{body}</body></html>",
        portal = escape_html(portal)
    )
}

/// A button in a message: its words and where it leads.
struct Action<'a> {
    label: String,
    link: &'a str,
}

/// Every email has the same shape: a greeting, a few paragraphs, perhaps one button (with its
/// address spelled out for mail readers that show no buttons), and a closing note.
fn compose(
    to: &Email,
    portal: &str,
    subject: String,
    paragraphs: &[String],
    action: Option<Action<'_>>,
    note: &str,
) -> Mail {
    let mut text = String::from("Hello,\n\n");
    let mut body = String::from("<p>Hello,</p>");
    for paragraph in paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
        body.push_str(&format!("<p>{}</p>", escape_html(paragraph)));
    }
    if let Some(Action { label, link }) = action {
        text.push_str(&format!("{label}:\n{link}\n\n"));
        body.push_str(&format!(
            "<p><a href=\"{link}\" style=\"display:inline-block;padding:.6rem 1.2rem;background:#3346d3;color:#fff;border-radius:.5rem;text-decoration:none;font-weight:600\">{label}</a></p>\
             <p style=\"color:#4a5068;font-size:.9rem\">Or paste this address into your browser: {link}</p>",
            link = escape_html(link),
            label = escape_html(&label),
        ));
    }
    text.push_str(note);
    text.push('\n');
    body.push_str(&format!(
        "<p style=\"color:#4a5068;font-size:.9rem\">{}</p>",
        escape_html(note)
    ));
    Mail {
        to: to.clone(),
        subject,
        text,
        html: html_page(portal, &body),
    }
}

pub fn sign_in_link(to: &Email, portal: &str, link: &str, valid_minutes: i64) -> Mail {
    compose(
        to,
        portal,
        format!("Your sign-in link for {portal}"),
        &[format!(
            "Use this link to sign in to {portal}. It works once, for the next {valid_minutes} minutes."
        )],
        Some(Action {
            label: format!("Sign in to {portal}"),
            link,
        }),
        "If you did not ask for this email, you can ignore it.",
    )
}

/// An invitation into an organization; the link signs the invitee in and creates the account.
pub fn invitation(
    to: &Email,
    portal: &str,
    organization: &str,
    inviter: &str,
    link: &str,
    valid_days: i64,
) -> Mail {
    compose(
        to,
        portal,
        format!("You are invited to {organization} on {portal}"),
        &[
            format!(
                "{inviter} invited you to join {organization} on {portal}, where you can find its APIs, read their documentation and create API keys."
            ),
            format!(
                "The link below signs you in. It works once, for the next {valid_days} days; after that, ask for a new sign-in link on the portal with this address."
            ),
        ],
        Some(Action {
            label: "Accept the invitation".to_owned(),
            link,
        }),
        "If you did not expect this invitation, you can ignore it.",
    )
}

/// Someone with an account was added to one more organization.
pub fn added_to_organization(
    to: &Email,
    portal: &str,
    organization: &str,
    inviter: &str,
    link: &str,
    valid_days: i64,
) -> Mail {
    compose(
        to,
        portal,
        format!("You now belong to {organization} on {portal}"),
        &[
            format!(
                "{inviter} added you to {organization} on {portal}. Its APIs are now listed for you."
            ),
            format!("The link below signs you in. It works once, for the next {valid_days} days."),
        ],
        Some(Action {
            label: format!("Sign in to {portal}"),
            link,
        }),
        "You are receiving this because an admin of the portal added your address.",
    )
}

/// A request to join was approved; the link signs the new member in.
pub fn registration_approved(to: &Email, portal: &str, link: &str, valid_days: i64) -> Mail {
    compose(
        to,
        portal,
        format!("Your {portal} account is ready"),
        &[
            format!("An admin approved your request to join {portal}."),
            format!(
                "The link below signs you in. It works once, for the next {valid_days} days; after that, ask for a new sign-in link on the portal."
            ),
        ],
        Some(Action {
            label: format!("Sign in to {portal}"),
            link,
        }),
        "If you did not ask to join, you can ignore this email.",
    )
}

pub fn registration_rejected(to: &Email, portal: &str) -> Mail {
    compose(
        to,
        portal,
        format!("Your request to join {portal}"),
        &[format!(
            "An admin reviewed your request to join {portal} and did not approve it. If you think this is a mistake, contact the people who run the portal."
        )],
        None,
        "You are receiving this because someone asked to join with this address.",
    )
}

/// What the access mails say about one request.
pub struct AccessRequestMail<'a> {
    pub portal: &'a str,
    pub collection: &'a str,
    pub organization: &'a str,
    pub requester: &'a str,
    /// "Sandbox and Production".
    pub environments: &'a str,
}

/// A new access request, for an admin who asked to hear of them.
pub fn access_requested(
    to: &Email,
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
        portal,
        format!("{requester} asks for access to {collection}"),
        &[
            format!(
                "{requester} of {organization} asks for {environments} access to {collection} on {portal}."
            ),
            format!("Their reason: {reason}"),
        ],
        Some(Action {
            label: "Decide in the portal".to_owned(),
            link: inbox_link,
        }),
        "You are receiving this because you asked for an email about each new access request. Turn it off on your profile page.",
    )
}

/// A request was approved; `until` is the last day of access, if there is one.
pub fn access_approved(
    to: &Email,
    request: &AccessRequestMail<'_>,
    note: Option<&str>,
    until: Option<&str>,
    docs_link: &str,
) -> Mail {
    let AccessRequestMail {
        portal,
        collection,
        organization,
        environments,
        ..
    } = request;
    let mut paragraphs = vec![format!(
        "Your request for {collection} was approved: {organization} now has {environments} access{}.",
        until.map(|day| format!(" until {day}")).unwrap_or_default()
    )];
    if let Some(note) = note {
        paragraphs.push(format!("A note from the admin: {note}"));
    }
    compose(
        to,
        portal,
        format!("Access to {collection} approved"),
        &paragraphs,
        Some(Action {
            label: format!("Open {collection}"),
            link: docs_link,
        }),
        "You are receiving this because you asked for access on the portal.",
    )
}

pub fn access_rejected(
    to: &Email,
    request: &AccessRequestMail<'_>,
    reason: &str,
    requests_link: &str,
) -> Mail {
    let AccessRequestMail {
        portal, collection, ..
    } = request;
    compose(
        to,
        portal,
        format!("Your request for {collection}"),
        &[
            format!("An admin reviewed your request for {collection} and did not approve it."),
            format!("Their reason: {reason}"),
            "You may ask again with more detail.".to_owned(),
        ],
        Some(Action {
            label: "See your requests".to_owned(),
            link: requests_link,
        }),
        "You are receiving this because you asked for access on the portal.",
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
}
