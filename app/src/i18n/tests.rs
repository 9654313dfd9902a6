//! The translation files against each other and against the code: every file parses, every
//! language has the same messages with the same arguments, and every message the code asks for
//! (with the arguments it gives) exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::{FILES, Locale, sources, translate};

/// Messages the formatting code looks up itself (`format.rs`): ids, or the start of ids (`-`).
const COMPUTED_IDS: [&str; 3] = ["month-", "date", "date-time"];

fn resources(locale: Locale) -> Vec<(&'static str, FluentResource)> {
    FILES
        .iter()
        .zip(sources(locale))
        .map(|(file, text)| {
            let resource =
                FluentResource::try_new(text.to_owned()).unwrap_or_else(|(_, errors)| {
                    panic!(
                        "locales/{}/{file}.ftl does not parse: {errors:?}",
                        locale.tag()
                    )
                });
            (*file, resource)
        })
        .collect()
}

fn variables_of_pattern(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, into);
        }
    }
}

fn variables_of_expression(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, into);
            for variant in variants {
                variables_of_pattern(&variant.value, into);
            }
        }
        ast::Expression::Inline(inline) => variables_of_inline(inline, into),
    }
}

fn variables_of_inline(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => {
            variables_of_expression(expression, into)
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                variables_of_inline(argument, into);
            }
        }
        _ => {}
    }
}

/// Every message of a language: id → (file, the variables it uses).
fn messages(locale: Locale) -> BTreeMap<String, (&'static str, BTreeSet<String>)> {
    let mut all = BTreeMap::new();
    for (file, resource) in resources(locale) {
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables_of_pattern(value, &mut variables);
                }
                assert!(
                    message.value.is_some(),
                    "{} in locales/{}/{file}.ftl has no text",
                    message.id.name,
                    locale.tag()
                );
                if let Some((other, _)) = all.insert(message.id.name.to_owned(), (file, variables))
                {
                    let tag = locale.tag();
                    panic!(
                        "{} is in both locales/{tag}/{other}.ftl and locales/{tag}/{file}.ftl",
                        message.id.name
                    );
                }
            }
        }
    }
    all
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let english = messages(Locale::En);
    assert!(!english.is_empty());
    for locale in Locale::ALL {
        let other = messages(locale);
        let missing: Vec<&String> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<&String> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            missing.is_empty(),
            "missing in {}: {missing:?}",
            locale.tag()
        );
        assert!(extra.is_empty(), "only in {}: {extra:?}", locale.tag());
        for (id, (file, variables)) in &english {
            let (other_file, other_variables) = &other[id];
            assert_eq!(
                file,
                other_file,
                "{id} lives in another file in {}",
                locale.tag()
            );
            assert_eq!(
                variables,
                other_variables,
                "{id} takes other arguments in {} than in English",
                locale.tag()
            );
        }
    }
}

/// A `t!` or `t_in!` call found in the code.
#[derive(Debug)]
struct Use {
    place: String,
    id: String,
    arguments: BTreeSet<String>,
}

fn rust_files(folder: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The text of a call from just after its `(` to its closing `)`, skipping string literals.
fn call_body(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (mut depth, mut i, mut in_string) = (0usize, 0usize, false);
    while i < bytes.len() {
        match (in_string, bytes[i]) {
            (true, b'\\') => i += 1,
            (true, b'"') => in_string = false,
            (false, b'"') => in_string = true,
            (false, b'(' | b'[' | b'{') => depth += 1,
            (false, b')' | b']' | b'}') if depth == 0 => return &text[..i],
            (false, b')' | b']' | b'}') => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    text
}

/// The top-level `name = ` arguments of a call body (after the id).
fn argument_names(rest: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let (mut depth, mut in_string, mut start) = (0usize, false, 0usize);
    let bytes = rest.as_bytes();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match (in_string, bytes[i]) {
            (true, b'\\') => i += 1,
            (true, b'"') => in_string = false,
            (false, b'"') => in_string = true,
            (false, b'(' | b'[' | b'{') => depth += 1,
            (false, b')' | b']' | b'}') => depth = depth.saturating_sub(1),
            (false, b',') if depth == 0 => {
                pieces.push(&rest[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    pieces.push(&rest[start..]);
    for piece in pieces {
        if let Some((name, _)) = piece.split_once('=') {
            let name = name.trim();
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                names.insert(name.to_owned());
            }
        }
    }
    names
}

fn uses() -> Vec<Use> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("../server/src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        // This file names the macros in strings of its own.
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read source");
        for (macro_name, skip_first) in [("t!(", false), ("t_in!(", true)] {
            let mut from = 0;
            while let Some(at) = text[from..].find(macro_name) {
                let start = from + at;
                from = start + macro_name.len();
                // `t!(` inside a longer name (`format!(`, `assert!(`): not ours.
                if text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    continue;
                }
                // Calls in comments (docs showing how to call) are not calls.
                let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
                if text[line_start..start].trim_start().starts_with("//") {
                    continue;
                }
                let body = call_body(&text[from..]);
                let body = if skip_first {
                    body.split_once(',')
                        .map(|(_, rest)| rest)
                        .unwrap_or_default()
                } else {
                    body
                };
                let body = body.trim_start();
                // The macros' own definitions and docs name `$id`, not a literal.
                let Some(literal) = body.strip_prefix('"') else {
                    continue;
                };
                let Some(end) = literal.find('"') else {
                    continue;
                };
                let line = text[..start].lines().count();
                found.push(Use {
                    place: format!("{}:{line}", file.display()),
                    id: literal[..end].to_owned(),
                    arguments: argument_names(&literal[end + 1..]),
                });
            }
        }
    }
    found
}

#[test]
fn every_message_the_code_uses_exists_with_the_arguments_it_is_given() {
    let english = messages(Locale::En);
    let uses = uses();
    assert!(uses.len() > 10, "the scan found the calls: {}", uses.len());
    let mut problems = Vec::new();
    for use_ in &uses {
        match english.get(&use_.id) {
            None => problems.push(format!("{}: no message {}", use_.place, use_.id)),
            Some((_, variables)) if *variables != use_.arguments => problems.push(format!(
                "{}: {} takes {variables:?}, the code gives {:?}",
                use_.place, use_.id, use_.arguments
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_is_used() {
    let used: BTreeSet<String> = uses().into_iter().map(|u| u.id).collect();
    let unused: Vec<String> = messages(Locale::En)
        .into_keys()
        .filter(|id| {
            !used.contains(id)
                && !COMPUTED_IDS
                    .iter()
                    .any(|c| id == c || (c.ends_with('-') && id.starts_with(c)))
        })
        .collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
}

#[test]
fn a_missing_message_shows_its_id_and_arguments_fill_in() {
    assert_eq!(
        translate(Locale::De, "no-such-message", &[]),
        "no-such-message"
    );
    assert_eq!(translate(Locale::En, "month-12", &[]), "Dec");
    assert_eq!(translate(Locale::De, "month-12", &[]), "Dez.");
}

#[test]
fn the_language_of_a_request() {
    assert_eq!(Locale::negotiate(None, None), Locale::En);
    assert_eq!(
        Locale::negotiate(None, Some("de-CH, de;q=0.9, en;q=0.8")),
        Locale::De
    );
    assert_eq!(
        Locale::negotiate(None, Some("fr-FR, en;q=0.5, de;q=0.7")),
        Locale::De
    );
    assert_eq!(Locale::negotiate(None, Some("de;q=0, en")), Locale::En);
    assert_eq!(Locale::negotiate(None, Some("fr, it")), Locale::En);
    assert_eq!(Locale::negotiate(None, Some(";;;,q=,de;q=abc")), Locale::De);
    assert_eq!(Locale::negotiate(Some("de"), Some("en-US")), Locale::De);
    assert_eq!(Locale::negotiate(Some("xx"), Some("de")), Locale::De);
    assert_eq!(Locale::parse("DE_at"), Some(Locale::De));
    assert_eq!(Locale::parse(""), None);
}
