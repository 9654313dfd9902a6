//! Turning parts of a document into what a reference page shows: schema trees, parameters,
//! bodies, responses, examples and code samples. Every walk is bounded (depth, node count,
//! reference trail), so recursive or enormous schemas render quickly and never loop.

use app::catalog::{
    AuthScheme, BodyEntry, MediaEntry, ParameterEntry, ParameterInput, ResponseEntry, SchemaNode,
    ServerEntry,
};
use app::t;
use serde_json::{Map, Value};

use super::{Document, OperationRef, resolve_local};
use crate::markdown;

/// A tree stops growing after this many nodes per operation…
const MAX_NODES: usize = 600;
/// …and below this depth.
const MAX_DEPTH: usize = 12;
/// Examples made from schemas stop at this depth.
const MAX_EXAMPLE_DEPTH: usize = 8;
/// Examples longer than this are cut (with a note) to keep pages light.
const MAX_EXAMPLE_CHARS: usize = 6_000;

/// A parameter's enum longer than this is offered as free text (a select of thousands helps
/// nobody).
const MAX_CHOICES: usize = 200;
/// A request body's schema is resolved for validation up to this many nodes; beyond, any value
/// passes that part.
const MAX_VALIDATION_NODES: usize = 2_000;
const MAX_VALIDATION_DEPTH: usize = 12;

pub struct Renderer<'a> {
    pub document: &'a Document,
}

fn ref_name(reference: &str) -> &str {
    reference.rsplit('/').next().unwrap_or(reference)
}

fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn short(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        text
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Pretty JSON, cut when very long.
fn show_example(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    if text.len() > MAX_EXAMPLE_CHARS {
        let mut end = MAX_EXAMPLE_CHARS;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}\n{}", &text[..end], t!("catalog-example-cut"))
    } else {
        text
    }
}

struct Trees<'a> {
    root: &'a Value,
    nodes: usize,
}

impl Trees<'_> {
    fn node(
        &mut self,
        schema: &Value,
        name: Option<String>,
        required: bool,
        depth: usize,
        trail: &mut Vec<String>,
    ) -> SchemaNode {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return SchemaNode {
                name,
                type_label: type_label(schema),
                required,
                description: None,
                constraints: Vec::new(),
                children: Vec::new(),
                note: Some(t!("catalog-schema-more-not-shown")),
            };
        }
        let mut node = SchemaNode {
            name,
            type_label: String::new(),
            required,
            description: None,
            constraints: Vec::new(),
            children: Vec::new(),
            note: None,
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let label = ref_name(reference).to_owned();
            if trail.iter().any(|seen| seen == reference) {
                node.type_label = label.clone();
                node.note = Some(t!("catalog-schema-recursive", name = &label));
                return node;
            }
            let Some(target) = resolve_local(self.root, reference) else {
                node.type_label = t!("catalog-schema-unresolved", reference = reference);
                return node;
            };
            trail.push(reference.to_owned());
            let mut inner = self.node(target, node.name.take(), required, depth + 1, trail);
            trail.pop();
            if inner.type_label == "object" {
                inner.type_label = format!("object ({label})");
            }
            if let Some(description) = text(schema, "description") {
                inner.description = Some(short(description, 500));
            }
            return inner;
        }
        node.description = text(schema, "description")
            .or_else(|| text(schema, "title"))
            .map(|d| short(d, 500));
        node.constraints = constraints(schema);
        if depth >= MAX_DEPTH {
            node.type_label = type_label(schema);
            node.note = Some(t!("catalog-schema-nested-deeper"));
            return node;
        }
        for keyword in ["oneOf", "anyOf"] {
            if let Some(variants) = schema.get(keyword).and_then(Value::as_array) {
                node.type_label = if keyword == "oneOf" {
                    t!("catalog-schema-one-of")
                } else {
                    t!("catalog-schema-any-of")
                };
                for (index, variant) in variants.iter().enumerate() {
                    if self.nodes >= MAX_NODES {
                        node.note = Some(t!("catalog-schema-more-options"));
                        break;
                    }
                    let name = variant
                        .get("$ref")
                        .and_then(Value::as_str)
                        .map(|r| ref_name(r).to_owned())
                        .unwrap_or_else(|| {
                            t!("catalog-schema-option", number = (index + 1).to_string())
                        });
                    node.children
                        .push(self.node(variant, Some(name), false, depth + 1, trail));
                }
                return node;
            }
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            // All parts apply at once: show their fields together.
            node.type_label = "object".to_owned();
            for part in parts {
                let part_node = self.node(part, None, false, depth + 1, trail);
                if node.description.is_none() {
                    node.description = part_node.description;
                }
                if part_node.children.is_empty() && part_node.type_label != "object" {
                    node.type_label = part_node.type_label;
                }
                node.children.extend(part_node.children);
                node.constraints.extend(part_node.constraints);
                if part_node.note.is_some() {
                    node.note = part_node.note;
                }
            }
            return node;
        }
        node.type_label = type_label(schema);
        if let Some(items) = schema.get("items") {
            let item = self.node(items, None, false, depth + 1, trail);
            node.type_label = t!("catalog-schema-array-of", items = item.type_label);
            node.children = item.children;
            node.note = item.note;
            return node;
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            let required_names: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|names| names.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if node.type_label.is_empty() || node.type_label == "any" {
                node.type_label = "object".to_owned();
            }
            for (property, property_schema) in properties {
                if self.nodes >= MAX_NODES {
                    node.note = Some(t!("catalog-schema-more-fields"));
                    break;
                }
                let required = required_names.contains(&property.as_str());
                node.children.push(self.node(
                    property_schema,
                    Some(property.clone()),
                    required,
                    depth + 1,
                    trail,
                ));
            }
        }
        if let Some(extra) = schema.get("additionalProperties").filter(|v| v.is_object())
            && self.nodes < MAX_NODES
        {
            node.children.push(self.node(
                extra,
                Some(t!("catalog-schema-any-name")),
                false,
                depth + 1,
                trail,
            ));
        }
        node
    }
}

fn type_label(schema: &Value) -> String {
    let mut types: Vec<String> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    if types.is_empty() {
        types.push(
            if schema.get("properties").is_some() {
                "object"
            } else {
                "any"
            }
            .to_owned(),
        );
    }
    if schema.get("nullable") == Some(&Value::Bool(true)) && !types.iter().any(|t| t == "null") {
        types.push("null".to_owned());
    }
    let mut label = types.join(t!("catalog-schema-or").as_str());
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        label = format!("{label} ({format})");
    }
    label
}

/// A constraint's words, with its value (`minimum 1`, `at least 3 characters`).
fn constraint_label(key: &str, value: String) -> String {
    match key {
        "default" => t!("catalog-constraint-default", value = value),
        "minimum" => t!("catalog-constraint-minimum", value = value),
        "maximum" => t!("catalog-constraint-maximum", value = value),
        "minLength" => t!("catalog-constraint-min-length", value = value),
        "maxLength" => t!("catalog-constraint-max-length", value = value),
        "minItems" => t!("catalog-constraint-min-items", value = value),
        "maxItems" => t!("catalog-constraint-max-items", value = value),
        "pattern" => t!("catalog-constraint-pattern", value = value),
        "multipleOf" => t!("catalog-constraint-multiple-of", value = value),
        "exclusiveMinimum" => t!("catalog-constraint-greater-than", value = value),
        "exclusiveMaximum" => t!("catalog-constraint-less-than", value = value),
        _ => format!("{key} {value}"),
    }
}

/// A flag's words (`read-only`).
fn flag_label(key: &str) -> String {
    match key {
        "readOnly" => t!("catalog-constraint-read-only"),
        "writeOnly" => t!("catalog-constraint-write-only"),
        "deprecated" => t!("catalog-constraint-deprecated"),
        "uniqueItems" => t!("catalog-constraint-unique-items"),
        _ => key.to_owned(),
    }
}

fn constraints(schema: &Value) -> Vec<String> {
    let mut list = Vec::new();
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let shown: Vec<String> = values.iter().take(12).map(scalar).collect();
        let more = if values.len() > 12 { ", …" } else { "" };
        list.push(t!(
            "catalog-constraint-one-of",
            values = format!("{}{more}", shown.join(", "))
        ));
    }
    if let Some(value) = schema.get("const") {
        list.push(t!("catalog-constraint-always", value = scalar(value)));
    }
    for key in [
        "default",
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "pattern",
        "multipleOf",
    ] {
        if let Some(value) = schema.get(key) {
            list.push(constraint_label(key, scalar(value)));
        }
    }
    for key in ["exclusiveMinimum", "exclusiveMaximum"] {
        if let Some(value) = schema.get(key).filter(|v| v.is_number()) {
            list.push(constraint_label(key, value.to_string()));
        }
    }
    for key in ["readOnly", "writeOnly", "deprecated", "uniqueItems"] {
        if schema.get(key) == Some(&Value::Bool(true)) {
            list.push(flag_label(key));
        }
    }
    list
}

/// `schema` with its local references replaced by what they point at, so it stands on its own.
/// A reference that recurses, or anything past the depth and node budgets, becomes `{}` (any
/// value): the copy is for checking a body before sending, where letting a part through is
/// better than refusing a valid body.
pub fn resolved_schema(root: &Value, schema: &Value) -> Value {
    let mut budget = MAX_VALIDATION_NODES;
    resolve_into(root, schema, 0, &mut Vec::new(), &mut budget)
}

fn resolve_into(
    root: &Value,
    schema: &Value,
    depth: usize,
    trail: &mut Vec<String>,
    budget: &mut usize,
) -> Value {
    if depth > MAX_VALIDATION_DEPTH || *budget == 0 {
        return Value::Object(Map::new());
    }
    *budget -= 1;
    match schema {
        Value::Object(map) => {
            if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                if trail.iter().any(|seen| seen == reference) {
                    return Value::Object(Map::new());
                }
                let Some(target) = resolve_local(root, reference) else {
                    return Value::Object(Map::new());
                };
                trail.push(reference.to_owned());
                let mut resolved = resolve_into(root, target, depth + 1, trail, budget);
                trail.pop();
                // OpenAPI 3.1 lets keywords sit beside a `$ref` (`nullable` does in practice):
                // they add to what it points at.
                if let Value::Object(resolved) = &mut resolved {
                    for (key, value) in map {
                        if key != "$ref"
                            && !matches!(
                                key.as_str(),
                                "description" | "example" | "examples" | "title"
                            )
                        {
                            resolved.insert(key.clone(), value.clone());
                        }
                    }
                }
                return resolved;
            }
            let mut out = Map::new();
            for (key, value) in map {
                let resolved = match (key.as_str(), value) {
                    ("properties" | "patternProperties", Value::Object(named)) => Value::Object(
                        named
                            .iter()
                            .map(|(name, schema)| {
                                (
                                    name.clone(),
                                    resolve_into(root, schema, depth + 1, trail, budget),
                                )
                            })
                            .collect(),
                    ),
                    ("allOf" | "anyOf" | "oneOf", Value::Array(schemas)) => Value::Array(
                        schemas
                            .iter()
                            .map(|schema| resolve_into(root, schema, depth + 1, trail, budget))
                            .collect(),
                    ),
                    ("items" | "additionalProperties" | "not", schema @ Value::Object(_)) => {
                        resolve_into(root, schema, depth + 1, trail, budget)
                    }
                    // Documentation does not take part in checking.
                    ("description" | "example" | "examples" | "title" | "xml", _) => continue,
                    _ => value.clone(),
                };
                out.insert(key.clone(), resolved);
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

/// An example value for `schema`: its own example or default when it has one, else made up
/// from its type.
pub fn example_from_schema(root: &Value, schema: &Value) -> Value {
    let mut budget = MAX_EXAMPLE_VALUES;
    build_example(root, schema, 0, &mut Vec::new(), &mut budget)
}

/// An example made from a schema has at most this many values, however wide the schema.
const MAX_EXAMPLE_VALUES: usize = 400;

fn build_example(
    root: &Value,
    schema: &Value,
    depth: usize,
    trail: &mut Vec<String>,
    budget: &mut usize,
) -> Value {
    if *budget == 0 {
        return Value::Null;
    }
    *budget -= 1;
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        if depth >= MAX_EXAMPLE_DEPTH || trail.iter().any(|seen| seen == reference) {
            return Value::Null;
        }
        let Some(target) = resolve_local(root, reference) else {
            return Value::Null;
        };
        trail.push(reference.to_owned());
        let value = build_example(root, target, depth + 1, trail, budget);
        trail.pop();
        return value;
    }
    for key in ["example", "default", "const"] {
        if let Some(value) = schema.get(key) {
            return value.clone();
        }
    }
    if let Some(first) = schema
        .get("examples")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    {
        return first.clone();
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    {
        return first.clone();
    }
    if depth >= MAX_EXAMPLE_DEPTH {
        return Value::Null;
    }
    for keyword in ["oneOf", "anyOf"] {
        if let Some(first) = schema
            .get(keyword)
            .and_then(Value::as_array)
            .and_then(|v| v.first())
        {
            return build_example(root, first, depth + 1, trail, budget);
        }
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts {
            match build_example(root, part, depth + 1, trail, budget) {
                Value::Object(fields) => merged.extend(fields),
                other if merged.is_empty() && parts.len() == 1 => return other,
                _ => {}
            }
        }
        return Value::Object(merged);
    }
    let kind = match schema.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ if schema.get("items").is_some() => "array",
        _ => "",
    };
    match kind {
        "object" => {
            let mut fields = Map::new();
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (name, property) in properties.iter().take(25) {
                    if property.get("writeOnly") == Some(&Value::Bool(true)) {
                        continue;
                    }
                    fields.insert(
                        name.clone(),
                        build_example(root, property, depth + 1, trail, budget),
                    );
                }
            }
            Value::Object(fields)
        }
        "array" => {
            let item = schema
                .get("items")
                .map(|items| build_example(root, items, depth + 1, trail, budget))
                .unwrap_or(Value::Null);
            Value::Array(vec![item])
        }
        "integer" => Value::from(0),
        "number" => Value::from(0.0),
        "boolean" => Value::Bool(true),
        "string" => Value::String(
            match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => "2026-01-31T12:00:00Z",
                Some("date") => "2026-01-31",
                Some("time") => "12:00:00",
                Some("email") => "user@example.com",
                Some("uuid") => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                Some("uri") | Some("url") => "https://example.com",
                Some("ipv4") => "192.0.2.1",
                Some("byte") => "U3dhZ2dlciByb2Nrcw==",
                _ => "string",
            }
            .to_owned(),
        ),
        _ => Value::Null,
    }
}

fn is_json(media_type: &str) -> bool {
    let media_type = media_type.to_ascii_lowercase();
    media_type.contains("json") || media_type == "*/*"
}

impl Renderer<'_> {
    fn root(&self) -> &Value {
        &self.document.root
    }

    /// Follows one `$ref` (and a chain of them), or gives the value itself.
    fn deref<'v>(&'v self, value: &'v Value) -> &'v Value {
        let mut current = value;
        for _ in 0..8 {
            match current.get("$ref").and_then(Value::as_str) {
                Some(reference) => match resolve_local(self.root(), reference) {
                    Some(target) => current = target,
                    None => return current,
                },
                None => return current,
            }
        }
        current
    }

    fn tree(&self, trees: &mut Trees<'_>, schema: &Value) -> SchemaNode {
        trees.node(schema, None, false, 0, &mut Vec::new())
    }

    /// The try-it field for a parameter's schema.
    fn input(&self, schema: &Value, example: Option<&str>) -> ParameterInput {
        let schema = self.deref(schema);
        let kind = match schema.get("type") {
            Some(Value::String(kind)) => kind.clone(),
            Some(Value::Array(kinds)) => kinds
                .iter()
                .filter_map(Value::as_str)
                .find(|kind| *kind != "null")
                .unwrap_or("string")
                .to_owned(),
            _ => "string".to_owned(),
        };
        let choices = schema
            .get("enum")
            .and_then(Value::as_array)
            .map(|values| {
                values
                    .iter()
                    .filter(|v| !v.is_null())
                    .take(MAX_CHOICES)
                    .map(scalar)
                    .collect()
            })
            .unwrap_or_default();
        ParameterInput {
            kind,
            choices,
            initial: schema
                .get("default")
                .filter(|v| !v.is_null())
                .map(scalar)
                .or_else(|| example.map(str::to_owned)),
        }
    }

    pub fn servers(&self, sandbox: Option<&str>, production: Option<&str>) -> Vec<ServerEntry> {
        let mut entries = Vec::new();
        for (label, url) in [
            (t!("environment-sandbox"), sandbox),
            (t!("environment-production"), production),
        ] {
            if let Some(url) = url {
                entries.push(ServerEntry {
                    label,
                    url: url.to_owned(),
                });
            }
        }
        if !entries.is_empty() {
            return entries;
        }
        if self.document.swagger2 {
            if let Some(host) = self.root().get("host").and_then(Value::as_str) {
                let scheme = self
                    .root()
                    .get("schemes")
                    .and_then(Value::as_array)
                    .and_then(|s| s.first())
                    .and_then(Value::as_str)
                    .unwrap_or("https");
                let base = self
                    .root()
                    .get("basePath")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                entries.push(ServerEntry {
                    label: t!("catalog-server"),
                    url: format!("{scheme}://{host}{base}"),
                });
            }
        } else if let Some(servers) = self.root().get("servers").and_then(Value::as_array) {
            for server in servers.iter().take(10) {
                if let Some(url) = text(server, "url") {
                    entries.push(ServerEntry {
                        label: text(server, "description").unwrap_or_else(|| t!("catalog-server")),
                        url,
                    });
                }
            }
        }
        entries
    }

    pub fn auth_schemes(&self) -> Vec<AuthScheme> {
        let schemes = if self.document.swagger2 {
            self.root().get("securityDefinitions")
        } else {
            self.root().pointer("/components/securitySchemes")
        };
        let Some(schemes) = schemes.and_then(Value::as_object) else {
            return Vec::new();
        };
        schemes
            .iter()
            .map(|(name, scheme)| {
                let scheme = self.deref(scheme);
                let kind = match scheme.get("type").and_then(Value::as_str).unwrap_or("") {
                    "apiKey" => t!(
                        "catalog-auth-api-key",
                        location = text(scheme, "in").unwrap_or_else(|| "header".to_owned()),
                        name = text(scheme, "name").unwrap_or_default()
                    ),
                    "http" => match text(scheme, "scheme") {
                        Some(kind) => t!("catalog-auth-http", scheme = kind),
                        None => t!("catalog-auth-http-unnamed"),
                    },
                    "basic" => t!("catalog-auth-http-basic"),
                    "oauth2" => "OAuth 2.0".to_owned(),
                    "openIdConnect" => "OpenID Connect".to_owned(),
                    "mutualTLS" => t!("catalog-auth-mutual-tls"),
                    other => other.to_owned(),
                };
                AuthScheme {
                    name: name.clone(),
                    kind: kind.trim().to_owned(),
                    description: text(scheme, "description")
                        .map(|d| short(d, 500))
                        .unwrap_or_default(),
                }
            })
            .collect()
    }

    /// The parameters that apply: the path item's, overridden by the operation's.
    fn parameters(&self, operation: &OperationRef) -> Vec<&Value> {
        let item = self
            .root()
            .get("paths")
            .and_then(|paths| paths.get(&operation.path));
        let mut list: Vec<&Value> = Vec::new();
        let sources = [
            item.and_then(|item| item.get("parameters")),
            item.and_then(|item| item.get(&operation.method))
                .and_then(|op| op.get("parameters")),
        ];
        for source in sources.into_iter().flatten() {
            for parameter in source.as_array().into_iter().flatten() {
                let parameter = self.deref(parameter);
                let key = (text(parameter, "name"), text(parameter, "in"));
                list.retain(|existing| (text(existing, "name"), text(existing, "in")) != key);
                list.push(parameter);
            }
        }
        list
    }

    fn media_entry(
        &self,
        trees: &mut Trees<'_>,
        media_type: &str,
        schema: Option<&Value>,
        explicit_example: Option<&Value>,
        request: bool,
    ) -> MediaEntry {
        let example = explicit_example
            .cloned()
            .or_else(|| schema.map(|s| example_from_schema(self.root(), s)))
            .filter(|e| !e.is_null() || explicit_example.is_some());
        MediaEntry {
            validation: schema
                .filter(|_| request && is_json(media_type))
                .map(|s| resolved_schema(self.root(), s)),
            media_type: media_type.to_owned(),
            schema: schema.map(|s| self.tree(trees, s)),
            example: example.map(|e| {
                if is_json(media_type) {
                    show_example(&e)
                } else {
                    short(scalar(&e), MAX_EXAMPLE_CHARS)
                }
            }),
        }
    }

    /// An OpenAPI 3 media type object's example: `example`, or the first of `examples`.
    fn media_example<'v>(&'v self, media: &'v Value) -> Option<&'v Value> {
        media.get("example").or_else(|| {
            media
                .get("examples")
                .and_then(Value::as_object)
                .and_then(|examples| examples.values().next())
                .map(|example| self.deref(example))
                .and_then(|example| example.get("value"))
        })
    }

    fn contents(&self, trees: &mut Trees<'_>, holder: &Value, request: bool) -> Vec<MediaEntry> {
        holder
            .get("content")
            .and_then(Value::as_object)
            .map(|content| {
                content
                    .iter()
                    .take(6)
                    .map(|(media_type, media)| {
                        self.media_entry(
                            trees,
                            media_type,
                            media.get("schema"),
                            self.media_example(media),
                            request,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn media_types(&self, operation: &Value, key: &str) -> Vec<String> {
        operation
            .get(key)
            .or_else(|| self.root().get(key))
            .and_then(Value::as_array)
            .map(|types| {
                types
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .filter(|types: &Vec<String>| !types.is_empty())
            .unwrap_or_else(|| vec!["application/json".to_owned()])
    }

    /// Everything an operation page shows but the heading.
    pub fn operation(&self, operation: &OperationRef) -> RenderedOperation {
        let null = Value::Null;
        let value = self.document.operation_value(operation).unwrap_or(&null);
        let mut trees = Trees {
            root: self.root(),
            nodes: 0,
        };
        let mut parameters = Vec::new();
        let mut body_parameters: Vec<&Value> = Vec::new();
        for parameter in self.parameters(operation) {
            let location = text(parameter, "in").unwrap_or_default();
            if self.document.swagger2 && (location == "body" || location == "formData") {
                body_parameters.push(parameter);
                continue;
            }
            // Swagger 2.0 puts the type on the parameter itself.
            let schema = parameter.get("schema").unwrap_or(parameter);
            let example = parameter
                .get("example")
                .or_else(|| schema.get("example"))
                .map(scalar);
            parameters.push(ParameterEntry {
                name: text(parameter, "name").unwrap_or_default(),
                required: parameter.get("required") == Some(&Value::Bool(true))
                    || location == "path",
                deprecated: parameter.get("deprecated") == Some(&Value::Bool(true)),
                location,
                input: self.input(schema, example.as_deref()),
                schema: self.tree(&mut trees, schema),
                description_html: markdown::to_html(
                    &text(parameter, "description").unwrap_or_default(),
                ),
                example,
            });
        }
        let request_body = if self.document.swagger2 {
            self.swagger2_body(&mut trees, value, &body_parameters)
        } else {
            value.get("requestBody").map(|body| {
                let body = self.deref(body);
                BodyEntry {
                    required: body.get("required") == Some(&Value::Bool(true)),
                    description_html: markdown::to_html(
                        &text(body, "description").unwrap_or_default(),
                    ),
                    contents: self.contents(&mut trees, body, true),
                }
            })
        };
        let mut responses = Vec::new();
        if let Some(map) = value.get("responses").and_then(Value::as_object) {
            for (status, response) in map.iter().take(30) {
                let response = self.deref(response);
                let contents = if self.document.swagger2 {
                    let produces = self.media_types(value, "produces");
                    match response.get("schema") {
                        Some(schema) => {
                            let example =
                                response.get("examples").and_then(|e| e.get(&produces[0]));
                            vec![self.media_entry(
                                &mut trees,
                                &produces[0],
                                Some(schema),
                                example,
                                false,
                            )]
                        }
                        None => Vec::new(),
                    }
                } else {
                    self.contents(&mut trees, response, false)
                };
                responses.push(ResponseEntry {
                    status: status.clone(),
                    description_html: markdown::to_html(
                        &text(response, "description").unwrap_or_default(),
                    ),
                    contents,
                });
            }
        }
        let security = value
            .get("security")
            .or_else(|| self.root().get("security"))
            .and_then(Value::as_array)
            .map(|requirements| {
                requirements
                    .iter()
                    .filter_map(Value::as_object)
                    .flat_map(|requirement| requirement.keys().cloned())
                    .collect()
            })
            .unwrap_or_default();
        RenderedOperation {
            description_html: markdown::to_html(&text(value, "description").unwrap_or_default()),
            parameters,
            request_body,
            responses,
            security,
        }
    }

    fn swagger2_body(
        &self,
        trees: &mut Trees<'_>,
        operation: &Value,
        parameters: &[&Value],
    ) -> Option<BodyEntry> {
        if let Some(body) = parameters
            .iter()
            .find(|p| text(p, "in").as_deref() == Some("body"))
        {
            let consumes = self.media_types(operation, "consumes");
            return Some(BodyEntry {
                required: body.get("required") == Some(&Value::Bool(true)),
                description_html: markdown::to_html(&text(body, "description").unwrap_or_default()),
                contents: vec![self.media_entry(
                    trees,
                    &consumes[0],
                    body.get("schema"),
                    None,
                    true,
                )],
            });
        }
        if parameters.is_empty() {
            return None;
        }
        // Form fields become the properties of one object schema.
        let mut properties = Map::new();
        let mut required = Vec::new();
        for field in parameters {
            let name = text(field, "name").unwrap_or_default();
            if field.get("required") == Some(&Value::Bool(true)) {
                required.push(Value::String(name.clone()));
            }
            properties.insert(name, (*field).clone());
        }
        let schema =
            serde_json::json!({ "type": "object", "properties": properties, "required": required });
        let media_type = self
            .media_types(operation, "consumes")
            .into_iter()
            .find(|t| t.contains("form"))
            .unwrap_or_else(|| "application/x-www-form-urlencoded".to_owned());
        Some(BodyEntry {
            required: !required.is_empty(),
            description_html: String::new(),
            contents: vec![self.media_entry(trees, &media_type, Some(&schema), None, true)],
        })
    }
}

/// An operation's rendered parts.
pub struct RenderedOperation {
    pub description_html: String,
    pub parameters: Vec<ParameterEntry>,
    pub request_body: Option<BodyEntry>,
    pub responses: Vec<ResponseEntry>,
    pub security: Vec<String>,
}
