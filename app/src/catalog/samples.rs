//! Ready-to-paste calls in curl, JavaScript (fetch) and Python (requests). The docs pages and the
//! try-it console both describe a call as a `SampleCall` and render it here, so quoting lives in
//! one place. Everything in a call may come from a document or a form: it is quoted for each
//! language, never pasted.

use super::CodeSample;

/// A header's value: text as it is, or a secret read from an environment variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SampleValue {
    Literal(String),
    /// `prefix` followed by the variable's value (`Bearer ` + `$TOKEN`).
    Secret {
        prefix: &'static str,
        variable: &'static str,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleCall {
    pub method: String,
    /// The full address, query included.
    pub url: String,
    pub headers: Vec<(String, SampleValue)>,
    pub body: Option<String>,
}

/// A single-quoted shell word: safe to paste whatever the text holds.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// A double-quoted shell word in which only `$variable` expands.
fn shell_with_variable(before: &str, variable: &str) -> String {
    let mut quoted = String::from("\"");
    for c in before.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    format!("{quoted}${variable}\"")
}

/// A JSON string literal, which is also a valid JavaScript and Python string literal.
fn string_literal(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

pub fn code_samples(call: &SampleCall) -> Vec<CodeSample> {
    let method = call.method.to_uppercase();
    vec![
        CodeSample {
            language: "curl".to_owned(),
            code: curl(call, &method),
        },
        CodeSample {
            language: "JavaScript".to_owned(),
            code: javascript(call, &method),
        },
        CodeSample {
            language: "Python".to_owned(),
            code: python(call, &method),
        },
    ]
}

fn curl(call: &SampleCall, method: &str) -> String {
    let mut curl = format!("curl -X {method} {}", shell_quote(&call.url));
    for (name, value) in &call.headers {
        let word = match value {
            SampleValue::Literal(value) => shell_quote(&format!("{name}: {value}")),
            SampleValue::Secret { prefix, variable } => {
                shell_with_variable(&format!("{name}: {prefix}"), variable)
            }
        };
        curl.push_str(&format!(" \\\n  -H {word}"));
    }
    if let Some(body) = &call.body {
        curl.push_str(&format!(" \\\n  --data-raw {}", shell_quote(body)));
    }
    curl
}

/// A header value as an expression, reading secrets with `reader`.
fn expression(value: &SampleValue, reader: &dyn Fn(&str) -> String) -> String {
    match value {
        SampleValue::Literal(value) => string_literal(value),
        SampleValue::Secret {
            prefix: "",
            variable,
        } => reader(variable),
        SampleValue::Secret { prefix, variable } => {
            format!("{} + {}", string_literal(prefix), reader(variable))
        }
    }
}

fn javascript(call: &SampleCall, method: &str) -> String {
    let mut code = format!(
        "const response = await fetch({}, {{\n  method: {},",
        string_literal(&call.url),
        string_literal(method)
    );
    if !call.headers.is_empty() {
        let headers: Vec<String> = call
            .headers
            .iter()
            .map(|(name, value)| {
                format!(
                    "    {}: {},",
                    string_literal(name),
                    expression(value, &|variable| format!("process.env.{variable}"))
                )
            })
            .collect();
        code.push_str(&format!("\n  headers: {{\n{}\n  }},", headers.join("\n")));
    }
    if let Some(body) = &call.body {
        code.push_str(&format!("\n  body: {},", string_literal(body)));
    }
    code.push_str("\n});\nconsole.log(response.status, await response.text());");
    code
}

fn python(call: &SampleCall, method: &str) -> String {
    let mut code = format!(
        "import os\nimport requests\n\nresponse = requests.request(\n    {},\n    {},",
        string_literal(method),
        string_literal(&call.url)
    );
    if !call.headers.is_empty() {
        let headers: Vec<String> = call
            .headers
            .iter()
            .map(|(name, value)| {
                format!(
                    "        {}: {},",
                    string_literal(name),
                    expression(value, &|variable| format!(
                        "os.environ[{}]",
                        string_literal(variable)
                    ))
                )
            })
            .collect();
        code.push_str(&format!(
            "\n    headers={{\n{}\n    }},",
            headers.join("\n")
        ));
    }
    if let Some(body) = &call.body {
        code.push_str(&format!("\n    data={},", string_literal(body)));
    }
    code.push_str("\n)\nprint(response.status_code, response.text)");
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call() -> SampleCall {
        SampleCall {
            method: "post".to_owned(),
            url: "https://portal.test/gateway/pay/sandbox/a'b?x=$(id)".to_owned(),
            headers: vec![
                (
                    "X-API-Key".to_owned(),
                    SampleValue::Secret {
                        prefix: "",
                        variable: "PORTICO_API_KEY",
                    },
                ),
                (
                    "X-Note".to_owned(),
                    SampleValue::Literal("it's \"$HOME\"".to_owned()),
                ),
            ],
            body: Some("{\"a\": \"'\\n\"}".to_owned()),
        }
    }

    #[test]
    fn curl_quotes_everything_and_expands_only_the_secret() {
        let curl = &code_samples(&call())[0].code;
        assert!(
            curl.starts_with(
                "curl -X POST 'https://portal.test/gateway/pay/sandbox/a'\\''b?x=$(id)'"
            ),
            "{curl}"
        );
        assert!(
            curl.contains("-H \"X-API-Key: $PORTICO_API_KEY\""),
            "{curl}"
        );
        assert!(curl.contains("-H 'X-Note: it'\\''s \"$HOME\"'"), "{curl}");
        assert!(
            curl.contains("--data-raw '{\"a\": \"'\\''\\n\"}'"),
            "{curl}"
        );
    }

    #[test]
    fn a_secret_with_a_prefix_keeps_the_prefix_literal() {
        let mut call = call();
        call.headers = vec![(
            "Authorization".to_owned(),
            SampleValue::Secret {
                prefix: "Bearer \"$",
                variable: "TOKEN",
            },
        )];
        let samples = code_samples(&call);
        assert!(
            samples[0]
                .code
                .contains("-H \"Authorization: Bearer \\\"\\$$TOKEN\""),
            "{}",
            samples[0].code
        );
        assert!(
            samples[1]
                .code
                .contains("\"Bearer \\\"$\" + process.env.TOKEN"),
            "{}",
            samples[1].code
        );
        assert!(
            samples[2]
                .code
                .contains("\"Bearer \\\"$\" + os.environ[\"TOKEN\"]"),
            "{}",
            samples[2].code
        );
    }

    #[test]
    fn javascript_and_python_use_string_literals() {
        let samples = code_samples(&call());
        let javascript = &samples[1].code;
        assert!(
            javascript.contains("fetch(\"https://portal.test/gateway/pay/sandbox/a'b?x=$(id)\""),
            "{javascript}"
        );
        assert!(
            javascript.contains("\"X-API-Key\": process.env.PORTICO_API_KEY,"),
            "{javascript}"
        );
        assert!(
            javascript.contains("body: \"{\\\"a\\\": \\\"'\\\\n\\\"}\","),
            "{javascript}"
        );
        let python = &samples[2].code;
        assert!(
            python.contains("\"X-API-Key\": os.environ[\"PORTICO_API_KEY\"],"),
            "{python}"
        );
        assert!(
            python.contains("\"X-Note\": \"it's \\\"$HOME\\\"\","),
            "{python}"
        );
    }
}
