//! OpenAPI documents (3.0, 3.1 and Swagger 2.0, JSON or YAML): parsing them without ever
//! panicking, indexing their operations, and listing what is odd about them.
//!
//! The document is kept as a JSON value and read where needed, rather than forced into a strict
//! model: real-world documents bend the specification in many small ways, and a portal should
//! show what it can instead of refusing the whole document.

mod render;
#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashSet};

use app::t;
use serde_json::{Map, Value};

pub use render::{Renderer, example_from_schema};

/// The largest document we take (GitHub's is 13 MB; Microsoft Graph's beta, the largest in the
/// APIs.guru directory, 45 MB).
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// At most this many warnings are listed one by one.
const MAX_WARNINGS: usize = 50;

pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }
}

/// Why a document cannot be imported, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

/// One operation, as the navigation and search need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationRef {
    /// Stable, URL-safe: the operationId when there is one.
    pub id: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub deprecated: bool,
}

/// A parsed document and its index.
#[derive(Debug, Clone)]
pub struct Document {
    pub root: Value,
    pub format: Format,
    pub swagger2: bool,
    pub title: String,
    pub api_version: String,
    pub summary: String,
    pub description: String,
    pub operations: Vec<OperationRef>,
    pub warnings: Vec<String>,
}

/// Escapes one JSON pointer segment (RFC 6901).
pub fn pointer_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Follows a local reference (`#/components/schemas/Pet`) in `root`.
pub fn resolve_local<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    let decoded = percent_decode(pointer);
    root.pointer(&decoded)
}

/// References may be percent-encoded (`#/paths/~1pets%7Bid%7D`).
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads text as JSON (when it starts with `{`) or YAML, with the line and column of a syntax
/// error.
pub fn parse_value(text: &str) -> Result<(Value, Format), ImportError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError(t!(
            "catalog-import-too-large",
            size = format!("{:.1}", text.len() as f64 / 1_048_576.0),
            limit = (MAX_DOCUMENT_BYTES / 1_048_576).to_string()
        )));
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err(ImportError(t!("catalog-import-empty")));
    }
    if trimmed.starts_with('{') {
        return serde_json::from_str(trimmed)
            .map(|value| (value, Format::Json))
            .map_err(|e| {
                ImportError(t!(
                    "catalog-import-invalid-json",
                    reason = json_reason(&e),
                    line = e.line().to_string(),
                    column = e.column().to_string()
                ))
            });
    }
    let yaml: serde_yaml::Value = serde_yaml::from_str(trimmed).map_err(|e| {
        let place = e
            .location()
            .map(|l| {
                t!(
                    "catalog-import-place",
                    line = l.line().to_string(),
                    column = l.column().to_string()
                )
            })
            .unwrap_or_default();
        let reason = e.to_string();
        let reason = reason.split(" at line ").next().unwrap_or(&reason);
        ImportError(t!(
            "catalog-import-invalid-yaml",
            reason = reason,
            place = place
        ))
    })?;
    Ok((yaml_to_json(yaml), Format::Yaml))
}

fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_owned()
}

/// YAML allows keys that JSON does not (numbers, booleans: `200:` under `responses`); they
/// become their text.
fn yaml_to_json(value: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map(Value::Number)
                    .unwrap_or(Value::Null)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(mapping) => {
            let mut map = Map::with_capacity(mapping.len());
            for (key, value) in mapping {
                let key = match key {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    Y::Null => "null".to_owned(),
                    other => serde_yaml::to_string(&other)
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                };
                map.insert(key, yaml_to_json(value));
            }
            Value::Object(map)
        }
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn text_at(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// A URL-safe operation id: letters, digits, `.`, `_` and `-`.
fn id_from(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').chars().take(120).collect()
}

/// The first sentence of a description, for a one-line summary.
pub fn first_sentence(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .unwrap_or_default();
    let sentence = match line.find(". ") {
        Some(end) => &line[..=end],
        None => line,
    };
    sentence.chars().take(300).collect()
}

const KNOWN_FORMATS: [&str; 30] = [
    "int32",
    "int64",
    "float",
    "double",
    "byte",
    "binary",
    "date",
    "date-time",
    "time",
    "duration",
    "password",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uri-template",
    "uuid",
    "json-pointer",
    "relative-json-pointer",
    "regex",
    "int8",
    "int16",
    "uint8",
    "decimal",
];

struct Warnings {
    list: Vec<String>,
    more: usize,
}

impl Warnings {
    fn add(&mut self, warning: String) {
        if self.list.len() < MAX_WARNINGS {
            self.list.push(warning);
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            self.list
                .push(t!("catalog-warning-more", count = self.more));
        }
        self.list
    }
}

/// Walks every value, checking references and formats. Iterative, so no document is too deep.
fn check_references_and_formats(root: &Value, warnings: &mut Warnings) {
    let mut unknown_formats = BTreeSet::new();
    let mut stack: Vec<(&Value, String)> = vec![(root, String::new())];
    let mut reported = HashSet::new();
    while let Some((value, pointer)) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    if reference.starts_with('#') {
                        if resolve_local(root, reference).is_none()
                            && reported.insert(reference.clone())
                        {
                            warnings.add(t!(
                                "catalog-warning-reference-missing",
                                reference = reference,
                                pointer = &pointer
                            ));
                        }
                    } else if reported.insert(reference.clone()) {
                        warnings.add(t!(
                            "catalog-warning-reference-external",
                            reference = reference,
                            pointer = &pointer
                        ));
                    }
                }
                if let Some(Value::String(format)) = map.get("format")
                    && map.contains_key("type")
                    && !KNOWN_FORMATS.contains(&format.as_str())
                {
                    unknown_formats.insert(format.clone());
                }
                for (key, child) in map {
                    if child.is_object() || child.is_array() {
                        stack.push((child, format!("{pointer}/{}", pointer_segment(key))));
                    }
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    if child.is_object() || child.is_array() {
                        stack.push((child, format!("{pointer}/{index}")));
                    }
                }
            }
            _ => {}
        }
    }
    if !unknown_formats.is_empty() {
        let list: Vec<_> = unknown_formats.into_iter().take(20).collect();
        warnings.add(t!(
            "catalog-warning-unknown-formats",
            formats = list.join(", ")
        ));
    }
}

/// Parses and indexes a document. Errors are for documents we cannot show at all; everything
/// else is a warning.
pub fn parse(text: &str) -> Result<Document, ImportError> {
    let (root, format) = parse_value(text)?;
    let Some(top) = root.as_object() else {
        return Err(ImportError(t!("catalog-import-not-object")));
    };
    let swagger2 = match (top.get("openapi"), top.get("swagger")) {
        (Some(Value::String(version)), _) if version.starts_with("3.") => false,
        (Some(version), _) => {
            return Err(ImportError(t!(
                "catalog-import-openapi-unsupported",
                version = version
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| version.to_string())
            )));
        }
        (None, Some(version))
            if version.as_str() == Some("2.0") || version.as_f64() == Some(2.0) =>
        {
            true
        }
        (None, Some(version)) => {
            return Err(ImportError(t!(
                "catalog-import-swagger-unsupported",
                version = version.to_string()
            )));
        }
        (None, None) => {
            return Err(ImportError(t!("catalog-import-not-openapi")));
        }
    };
    let mut warnings = Warnings {
        list: Vec::new(),
        more: 0,
    };
    let info = top.get("info").cloned().unwrap_or(Value::Null);
    if !info.is_object() {
        warnings.add(t!("catalog-warning-no-info"));
    }
    let title = Some(text_at(&info, "title"))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Untitled API".to_owned());
    let api_version = Some(text_at(&info, "version"))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "unversioned".to_owned())
        .chars()
        .take(100)
        .collect();
    let description = text_at(&info, "description");
    let summary = Some(text_at(&info, "summary"))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| first_sentence(&description));

    let operations = match top.get("paths") {
        None => Vec::new(),
        Some(Value::Object(paths)) => index_operations(paths, &mut warnings),
        Some(_) => {
            return Err(ImportError(t!("catalog-import-paths-not-object")));
        }
    };
    if operations.is_empty() {
        warnings.add(t!("catalog-warning-no-operations"));
    }
    check_references_and_formats(&root, &mut warnings);
    Ok(Document {
        root,
        format,
        swagger2,
        title,
        api_version,
        summary,
        description,
        operations,
        warnings: warnings.finish(),
    })
}

fn index_operations(paths: &Map<String, Value>, warnings: &mut Warnings) -> Vec<OperationRef> {
    let mut operations = Vec::new();
    let mut taken = HashSet::new();
    for (path, item) in paths {
        let pointer = format!("/paths/{}", pointer_segment(path));
        let Some(item) = item.as_object() else {
            warnings.add(t!(
                "catalog-warning-path-not-object",
                path = path,
                pointer = &pointer
            ));
            continue;
        };
        if item.contains_key("$ref") {
            warnings.add(t!(
                "catalog-warning-path-reference",
                path = path,
                pointer = &pointer
            ));
        }
        for method in METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            let Some(operation) = operation.as_object() else {
                warnings.add(t!(
                    "catalog-warning-operation-not-object",
                    method = method,
                    upper = method.to_uppercase(),
                    path = path,
                    pointer = &pointer
                ));
                continue;
            };
            let base = operation
                .get("operationId")
                .and_then(Value::as_str)
                .map(id_from)
                .filter(|id| !id.is_empty())
                .unwrap_or_else(|| id_from(&format!("{method}-{path}")));
            let mut id = if base.is_empty() {
                method.to_owned()
            } else {
                base
            };
            if !taken.insert(id.clone()) {
                let mut n = 2;
                while !taken.insert(format!("{id}-{n}")) {
                    n += 1;
                }
                warnings.add(t!(
                    "catalog-warning-duplicate-id",
                    id = &id,
                    method = method.to_uppercase(),
                    path = path,
                    alias = format!("{id}-{n}")
                ));
                id = format!("{id}-{n}");
            }
            let summary = Some(text_at(&Value::Object(operation.clone()), "summary"))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| {
                    first_sentence(
                        operation
                            .get("description")
                            .and_then(Value::as_str)
                            .unwrap_or_default(),
                    )
                });
            let tags = operation
                .get("tags")
                .and_then(Value::as_array)
                .map(|tags| {
                    tags.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            operations.push(OperationRef {
                id,
                method: method.to_owned(),
                path: path.clone(),
                summary,
                tags,
                deprecated: operation.get("deprecated") == Some(&Value::Bool(true)),
            });
        }
    }
    operations
}

impl Document {
    /// The operation object behind an index entry.
    pub fn operation_value(&self, operation: &OperationRef) -> Option<&Value> {
        self.root
            .get("paths")?
            .get(&operation.path)?
            .get(&operation.method)
    }

    /// Lower-case text that search looks through: ids, paths and summaries.
    pub fn search_text(&self) -> String {
        let mut text = String::new();
        for operation in &self.operations {
            text.push_str(&operation.id.to_lowercase());
            text.push(' ');
            text.push_str(&operation.path.to_lowercase());
            text.push(' ');
            text.push_str(&operation.summary.to_lowercase());
            text.push('\n');
        }
        text
    }

    /// Operations grouped by their first tag, in the order tags are declared (then first seen);
    /// untagged ones last.
    pub fn groups(&self) -> Vec<(String, Vec<&OperationRef>)> {
        let mut order: Vec<String> = self
            .root
            .get("tags")
            .and_then(Value::as_array)
            .map(|tags| {
                tags.iter()
                    .filter_map(|tag| tag.get("name").and_then(Value::as_str))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        for operation in &self.operations {
            if let Some(tag) = operation.tags.first()
                && !order.contains(tag)
            {
                order.push(tag.clone());
            }
        }
        let mut groups: Vec<(String, Vec<&OperationRef>)> =
            order.into_iter().map(|tag| (tag, Vec::new())).collect();
        let mut untagged = Vec::new();
        for operation in &self.operations {
            match operation
                .tags
                .first()
                .and_then(|tag| groups.iter_mut().find(|(name, _)| name == tag))
            {
                Some((_, list)) => list.push(operation),
                None => untagged.push(operation),
            }
        }
        groups.retain(|(_, list)| !list.is_empty());
        if !untagged.is_empty() {
            groups.push((t!("catalog-other-operations"), untagged));
        }
        groups
    }
}
