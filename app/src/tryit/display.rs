//! How a response is shown: what its status means, and its body laid out for reading.

use crate::t;

/// The status's name and what it usually means for the caller. The HTTP reason phrases stay
/// as they are; what they mean is in the reader's language.
pub fn status_meaning(status: u16) -> String {
    named_status(status).unwrap_or_else(|| match status / 100 {
        1 => t!("tryit-status-1xx"),
        2 => t!("tryit-status-2xx"),
        3 => t!("tryit-status-3xx"),
        4 => t!("tryit-status-4xx"),
        _ => t!("tryit-status-5xx"),
    })
}

fn named_status(status: u16) -> Option<String> {
    Some(match status {
        200 => t!("tryit-status-200"),
        201 => t!("tryit-status-201"),
        202 => t!("tryit-status-202"),
        204 => t!("tryit-status-204"),
        301 | 302 | 303 | 307 | 308 => t!("tryit-status-redirect"),
        304 => "Not modified.".to_owned(),
        400 => t!("tryit-status-400"),
        401 => t!("tryit-status-401"),
        403 => t!("tryit-status-403"),
        404 => t!("tryit-status-404"),
        405 => "Method not allowed.".to_owned(),
        406 => t!("tryit-status-406"),
        408 => "Request timeout.".to_owned(),
        409 => t!("tryit-status-409"),
        410 => "Gone.".to_owned(),
        413 => "Payload too large.".to_owned(),
        415 => t!("tryit-status-415"),
        422 => t!("tryit-status-422"),
        429 => t!("tryit-status-429"),
        500 => t!("tryit-status-500"),
        501 => "Not implemented.".to_owned(),
        502 => t!("tryit-status-502"),
        503 => t!("tryit-status-503"),
        504 => t!("tryit-status-504"),
        _ => return None,
    })
}

/// How a body is laid out, from its content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Json,
    Xml,
    Text,
}

pub fn layout_of(content_type: &str) -> Layout {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence.ends_with("json") || essence.ends_with("+json") {
        Layout::Json
    } else if essence.ends_with("xml") {
        Layout::Xml
    } else {
        Layout::Text
    }
}

/// The body laid out for reading; text that does not parse as its type is shown as it is.
pub fn pretty(layout: Layout, text: &str) -> String {
    match layout {
        Layout::Json => serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|value| serde_json::to_string_pretty(&value).ok())
            .unwrap_or_else(|| text.to_owned()),
        // Large documents are shown as they came: laying them out is not worth the wait.
        Layout::Xml if text.len() <= MAX_XML_LAYOUT_BYTES => {
            indent_xml(text).unwrap_or_else(|| text.to_owned())
        }
        Layout::Xml => text.to_owned(),
        Layout::Text => text.to_owned(),
    }
}

const MAX_XML_LAYOUT_BYTES: usize = 256 * 1024;
/// Indentation stops growing here, so deep nesting cannot blow up the output.
const MAX_XML_INDENT: usize = 32;

/// One element per line, indented by depth; an element holding only text stays on one line.
/// Markup it does not understand (an unclosed `<`) gives `None`.
fn indent_xml(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut depth: usize = 0;
    let mut rest = text.trim();
    while !rest.is_empty() {
        if let Some(tag_start) = rest.strip_prefix('<') {
            let end = tag_start.find('>')?;
            let tag = &rest[..end + 2];
            rest = rest[end + 2..].trim_start();
            let closing = tag.starts_with("</");
            let standalone = tag.ends_with("/>") || tag.starts_with("<?") || tag.starts_with("<!");
            if closing {
                depth = depth.saturating_sub(1);
            }
            // An element holding only text stays on one line: <name>Rex</name>.
            let inline = !closing && !standalone && !rest.starts_with('<') && {
                let text_end = rest.find('<').unwrap_or(rest.len());
                rest[text_end..].starts_with("</")
            };
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&"  ".repeat(depth.min(MAX_XML_INDENT)));
            out.push_str(tag);
            if inline {
                let text_end = rest.find('<').unwrap_or(rest.len());
                out.push_str(rest[..text_end].trim());
                rest = &rest[text_end..];
                if let Some(close_end) = rest.find('>') {
                    out.push_str(&rest[..=close_end]);
                    rest = rest[close_end + 1..].trim_start();
                }
            } else if !closing && !standalone {
                depth += 1;
            }
        } else {
            let text_end = rest.find('<').unwrap_or(rest.len());
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&"  ".repeat(depth.min(MAX_XML_INDENT)));
            out.push_str(rest[..text_end].trim());
            rest = &rest[text_end..];
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_indented_and_broken_json_kept() {
        assert_eq!(
            pretty(Layout::Json, "{\"a\":[1]}"),
            "{\n  \"a\": [\n    1\n  ]\n}"
        );
        assert_eq!(pretty(Layout::Json, "{nope"), "{nope");
    }

    #[test]
    fn xml_is_indented_by_depth() {
        let xml = "<?xml version=\"1.0\"?><pets><pet id=\"1\"><name>Rex</name><tags/></pet></pets>";
        assert_eq!(
            pretty(Layout::Xml, xml),
            "<?xml version=\"1.0\"?>\n<pets>\n  <pet id=\"1\">\n    <name>Rex</name>\n    <tags/>\n  </pet>\n</pets>"
        );
        assert_eq!(pretty(Layout::Xml, "<a>unclosed <b"), "<a>unclosed <b");
        // Deep nesting indents no further than the limit.
        let deep = "<a>".repeat(1000);
        let laid_out = pretty(Layout::Xml, &deep);
        assert!(
            laid_out
                .lines()
                .all(|line| line.len() <= 2 * MAX_XML_INDENT + 3)
        );
    }

    #[test]
    fn content_types_choose_the_layout() {
        assert_eq!(layout_of("application/json; charset=utf-8"), Layout::Json);
        assert_eq!(layout_of("application/problem+json"), Layout::Json);
        assert_eq!(layout_of("text/xml"), Layout::Xml);
        assert_eq!(layout_of("text/plain"), Layout::Text);
    }

    #[test]
    fn every_status_has_a_meaning() {
        for status in [200, 201, 204, 302, 404, 418, 429, 503, 599] {
            assert!(!status_meaning(status).is_empty());
        }
        assert!(status_meaning(418).contains("refused"));
    }
}
