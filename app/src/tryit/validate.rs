//! Checks a request body against its JSON schema before it is sent, in words a person can act
//! on. It covers what documents use most (types, required properties, enums, lengths, ranges,
//! items, combinations); anything it does not know passes, since the API has the last word and
//! the console lets people send anyway.

use serde_json::Value;

use crate::t;

/// Problems reported at most, so a wildly wrong body does not fill the page.
const MAX_PROBLEMS: usize = 20;
/// Nesting followed at most; a deeper body is not checked further down.
const MAX_DEPTH: usize = 32;

/// The problems with `text` as a body for `schema`: empty when it is fine.
pub fn check_body(schema: &Value, text: &str) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return vec![t!(
                "tryit-body-not-json",
                reason = error_reason(&error),
                line = error.line(),
                column = error.column()
            )];
        }
    };
    let mut problems = Vec::new();
    check(schema, &value, "", 0, &mut problems);
    problems.truncate(MAX_PROBLEMS);
    problems
}

fn error_reason(error: &serde_json::Error) -> String {
    // serde_json ends its message with the position, which the caller words itself.
    let message = error.to_string();
    message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned()
}

fn place(pointer: &str) -> String {
    if pointer.is_empty() {
        t!("tryit-body-place")
    } else {
        format!("`{pointer}`")
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn has_type(value: &Value, wanted: &str) -> bool {
    match (wanted, value) {
        ("integer", Value::Number(n)) => {
            n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        ("number", Value::Number(_)) => true,
        (wanted, value) => kind_of(value) == wanted,
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

fn number(schema: &Value, key: &str) -> Option<f64> {
    schema.get(key).and_then(Value::as_f64)
}

fn check(schema: &Value, value: &Value, pointer: &str, depth: usize, out: &mut Vec<String>) {
    if depth > MAX_DEPTH || out.len() >= MAX_PROBLEMS || !schema.is_object() {
        return;
    }
    let here = place(pointer);
    let mut types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if schema.get("nullable") == Some(&Value::Bool(true)) && !types.is_empty() {
        types.push("null");
    }
    if !types.is_empty() && !types.iter().any(|t| has_type(value, t)) {
        out.push(t!(
            "tryit-body-wrong-type",
            here = &here,
            expected = types.join(format!(" {} ", t!("tryit-body-type-or")).as_str()),
            actual = kind_of(value)
        ));
        return;
    }
    if let Some(choices) = schema.get("enum").and_then(Value::as_array)
        && !choices.contains(value)
    {
        let list: Vec<String> = choices.iter().take(10).map(shown).collect();
        out.push(t!(
            "tryit-body-not-in-enum",
            here = &here,
            choices = list.join(", ")
        ));
    }
    if let Some(constant) = schema.get("const")
        && constant != value
    {
        out.push(t!(
            "tryit-body-not-const",
            here = &here,
            value = shown(constant)
        ));
    }
    match value {
        Value::String(text) => {
            let length = text.chars().count() as f64;
            if number(schema, "minLength").is_some_and(|min| length < min) {
                out.push(t!(
                    "tryit-body-min-length",
                    here = &here,
                    limit = schema["minLength"].to_string()
                ));
            }
            if number(schema, "maxLength").is_some_and(|max| length > max) {
                out.push(t!(
                    "tryit-body-max-length",
                    here = &here,
                    limit = schema["maxLength"].to_string()
                ));
            }
        }
        Value::Number(n) => {
            let n = n.as_f64().unwrap_or_default();
            let exclusive = |key: &str| schema.get(key) == Some(&Value::Bool(true));
            if let Some(min) = number(schema, "minimum")
                && (n < min || (exclusive("exclusiveMinimum") && n <= min))
            {
                out.push(t!(
                    "tryit-body-minimum",
                    here = &here,
                    limit = schema["minimum"].to_string()
                ));
            }
            if let Some(max) = number(schema, "maximum")
                && (n > max || (exclusive("exclusiveMaximum") && n >= max))
            {
                out.push(t!(
                    "tryit-body-maximum",
                    here = &here,
                    limit = schema["maximum"].to_string()
                ));
            }
            if number(schema, "exclusiveMinimum").is_some_and(|min| n <= min) {
                out.push(t!(
                    "tryit-body-greater-than",
                    here = &here,
                    limit = schema["exclusiveMinimum"].to_string()
                ));
            }
            if number(schema, "exclusiveMaximum").is_some_and(|max| n >= max) {
                out.push(t!(
                    "tryit-body-less-than",
                    here = &here,
                    limit = schema["exclusiveMaximum"].to_string()
                ));
            }
        }
        Value::Array(items) => {
            let count = items.len() as f64;
            if number(schema, "minItems").is_some_and(|min| count < min) {
                out.push(t!(
                    "tryit-body-min-items",
                    here = &here,
                    limit = schema["minItems"].to_string()
                ));
            }
            if number(schema, "maxItems").is_some_and(|max| count > max) {
                out.push(t!(
                    "tryit-body-max-items",
                    here = &here,
                    limit = schema["maxItems"].to_string()
                ));
            }
            if let Some(item_schema) = schema.get("items") {
                for (index, item) in items.iter().enumerate() {
                    check(
                        item_schema,
                        item,
                        &format!("{pointer}/{index}"),
                        depth + 1,
                        out,
                    );
                }
            }
        }
        Value::Object(fields) => {
            if let Some(required) = schema.get("required").and_then(Value::as_array) {
                for name in required.iter().filter_map(Value::as_str) {
                    if !fields.contains_key(name) {
                        out.push(t!("tryit-body-missing-property", here = &here, name = name));
                    }
                }
            }
            let properties = schema.get("properties").and_then(Value::as_object);
            for (name, field) in fields {
                let field_pointer = format!("{pointer}/{name}");
                match properties.and_then(|p| p.get(name)) {
                    Some(field_schema) => {
                        check(field_schema, field, &field_pointer, depth + 1, out)
                    }
                    None => match schema.get("additionalProperties") {
                        Some(Value::Bool(false)) => out.push(t!(
                            "tryit-body-extra-property",
                            here = &here,
                            name = name.as_str()
                        )),
                        Some(extra @ Value::Object(_)) => {
                            check(extra, field, &field_pointer, depth + 1, out)
                        }
                        _ => {}
                    },
                }
            }
        }
        Value::Bool(_) | Value::Null => {}
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            check(part, value, pointer, depth + 1, out);
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(choices) = schema.get(key).and_then(Value::as_array) {
            let fits = choices.iter().any(|choice| {
                let mut problems = Vec::new();
                check(choice, value, pointer, depth + 1, &mut problems);
                problems.is_empty()
            });
            if !fits && !choices.is_empty() {
                out.push(t!(
                    "tryit-body-no-shape",
                    here = &here,
                    count = choices.len()
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pet() -> Value {
        json!({
            "type": "object",
            "required": ["name", "age"],
            "additionalProperties": false,
            "properties": {
                "name": {"type": "string", "minLength": 2, "maxLength": 5},
                "age": {"type": "integer", "minimum": 0, "maximum": 30},
                "kind": {"enum": ["cat", "dog"]},
                "tags": {"type": "array", "maxItems": 2, "items": {"type": "string"}},
                "owner": {"type": ["string", "null"]},
                "price": {"type": "number", "exclusiveMinimum": 0}
            }
        })
    }

    #[test]
    fn a_good_body_passes() {
        let body = r#"{"name": "Rex", "age": 3, "kind": "dog", "tags": ["a"], "owner": null, "price": 2.5}"#;
        assert_eq!(check_body(&pet(), body), Vec::<String>::new());
        assert!(
            check_body(&pet(), "   ").is_empty(),
            "no body, nothing to check"
        );
    }

    #[test]
    fn each_problem_is_named_where_it_is() {
        let body = r#"{"name": "R", "age": 3.5, "kind": "cow", "tags": ["a", 2, "c"], "price": 0, "extra": 1}"#;
        let problems = check_body(&pet(), body);
        for expected in [
            "`/name` should have at least 2 characters.",
            "`/age` should be integer, not number.",
            "`/kind` should be one of \"cat\", \"dog\".",
            "`/tags` should have at most 2 items.",
            "`/tags/1` should be string, not integer.",
            "`/price` should be greater than 0.",
            "The body does not take a property `extra`.",
        ] {
            assert!(
                problems.iter().any(|p| p == expected),
                "{expected} in {problems:?}"
            );
        }
        assert_eq!(
            check_body(&pet(), "{}"),
            [
                "The body is missing the required property `name`.",
                "The body is missing the required property `age`."
            ]
        );
        assert_eq!(
            check_body(&pet(), "[]"),
            ["The body should be object, not array."]
        );
    }

    #[test]
    fn broken_json_says_where() {
        let problems = check_body(&pet(), "{\n  \"name\": \"Rex\",\n}");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("This is not valid JSON"),
            "{problems:?}"
        );
        assert!(problems[0].contains("line 3"), "{problems:?}");
    }

    #[test]
    fn combinations_and_unknown_keywords() {
        let schema = json!({
            "oneOf": [{"type": "string"}, {"type": "object", "required": ["id"]}],
            "x-whatever": true,
            "format": "uuid"
        });
        assert!(check_body(&schema, "\"a\"").is_empty());
        assert!(check_body(&schema, "{\"id\": 1}").is_empty());
        assert_eq!(
            check_body(&schema, "5"),
            ["The body matches none of the 2 shapes the API accepts here."]
        );
        let all = json!({"allOf": [{"required": ["a"]}, {"required": ["b"]}]});
        assert_eq!(check_body(&all, "{\"a\": 1}").len(), 1);
        // OpenAPI 3.0's nullable.
        let nullable = json!({"type": "string", "nullable": true});
        assert!(check_body(&nullable, "null").is_empty());
    }

    #[test]
    fn a_flood_of_problems_is_cut() {
        let schema = json!({"type": "array", "items": {"type": "string"}});
        let body = serde_json::to_string(&vec![1; 500]).expect("json");
        assert_eq!(check_body(&schema, &body).len(), MAX_PROBLEMS);
    }
}
