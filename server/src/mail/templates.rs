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

pub fn sign_in_link(to: &Email, portal: &str, link: &str, valid_minutes: i64) -> Mail {
    let subject = format!("Your sign-in link for {portal}");
    let text = format!(
        "Hello,\n\nUse this link to sign in to {portal}:\n\n{link}\n\n\
         It works once, for the next {valid_minutes} minutes. If you did not ask for it, you can ignore this email.\n"
    );
    let body = format!(
        "<p>Hello,</p><p>Use this button to sign in to {portal}. It works once, for the next {valid_minutes} minutes.</p>\
         <p><a href=\"{link}\" style=\"display:inline-block;padding:.6rem 1.2rem;background:#3346d3;color:#fff;border-radius:.5rem;text-decoration:none;font-weight:600\">Sign in to {portal}</a></p>\
         <p style=\"color:#4a5068;font-size:.9rem\">Or paste this address into your browser: {link}</p>\
         <p style=\"color:#4a5068;font-size:.9rem\">If you did not ask for this email, you can ignore it.</p>",
        portal = escape_html(portal),
        link = escape_html(link),
    );
    Mail {
        to: to.clone(),
        subject,
        text,
        html: html_page(portal, &body),
    }
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
