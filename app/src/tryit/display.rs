//! How a response is shown: what its status means, and its body laid out for reading.

/// The status's name and what it usually means for the caller.
pub fn status_meaning(status: u16) -> &'static str {
    named_status(status).unwrap_or(match status / 100 {
        1 => "Informational.",
        2 => "Success.",
        3 => "Redirect.",
        4 => "The API refused the call.",
        _ => "The API failed.",
    })
}

fn named_status(status: u16) -> Option<&'static str> {
    Some(match status {
        200 => "OK: the call worked.",
        201 => "Created: the call made something new.",
        202 => "Accepted: the API will finish the work later.",
        204 => "No content: the call worked and there is nothing to show.",
        301 | 302 | 303 | 307 | 308 => {
            "Redirect: the API points elsewhere (the console does not follow redirects)."
        }
        304 => "Not modified.",
        400 => "Bad request: the API did not accept the parameters or the body.",
        401 => "Unauthorized: the key was missing, unknown or not valid.",
        403 => "Forbidden: the key may not make this call (access, environment or address).",
        404 => "Not found: nothing at this address (check the path parameters).",
        405 => "Method not allowed.",
        406 => "Not acceptable: the API cannot answer in the format asked for.",
        408 => "Request timeout.",
        409 => "Conflict: the call clashes with the current state.",
        410 => "Gone.",
        413 => "Payload too large.",
        415 => "Unsupported media type: the API does not take this content type.",
        422 => "Unprocessable: the body is well formed but not acceptable.",
        429 => "Too many requests: wait a moment before calling again.",
        500 => "Internal server error: the API failed.",
        501 => "Not implemented.",
        502 => "Bad gateway: the API could not be reached.",
        503 => "Service unavailable: the API is down or overloaded.",
        504 => "Gateway timeout: the API did not answer in time.",
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
