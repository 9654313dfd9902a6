//! Markdown written by admins (terms of use, collection descriptions), rendered to HTML that is
//! safe to put in a page: raw HTML is shown as text and links may only lead to web or mail
//! addresses, so no script can ride along.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Whether a link target is harmless: relative, or http(s) or mailto.
fn safe_url(url: &str) -> bool {
    let url = url.trim();
    match url.find(':') {
        // A colon after a slash, `?` or `#` is part of a relative path, not a scheme.
        Some(colon) if !url[..colon].contains(['/', '?', '#']) => {
            let scheme = url[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::Borrowed("#"),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::Borrowed(""),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let out = to_html(
            "# Terms\n\nUse the *API* [fairly](https://example.com/fair).\n\n- one\n- two\n",
        );
        assert!(out.contains("<h1>Terms</h1>"), "{out}");
        assert!(out.contains("<em>API</em>"), "{out}");
        assert!(
            out.contains("<a href=\"https://example.com/fair\">fairly</a>"),
            "{out}"
        );
        assert!(out.contains("<li>one</li>"), "{out}");
    }

    #[test]
    fn raw_html_and_script_links_are_defused() {
        let out = to_html(
            "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> \
             [click](javascript:alert(1)) [ok](/docs) ![x](data:image/png;base64,AA) \
             [mail](mailto:a@b.com) [odd](JaVaScRiPt:alert(1))",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img src=x"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(!out.to_lowercase().contains("javascript:"), "{out}");
        assert!(!out.contains("data:image"), "{out}");
        assert!(out.contains("href=\"/docs\""), "{out}");
        assert!(out.contains("href=\"mailto:a@b.com\""), "{out}");
    }

    #[test]
    fn relative_paths_with_colons_are_not_schemes() {
        assert!(safe_url("/a:b"));
        assert!(safe_url("?q=a:b"));
        assert!(safe_url("https://x.test"));
        assert!(!safe_url(" vbscript:x"));
    }
}
