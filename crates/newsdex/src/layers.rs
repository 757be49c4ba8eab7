//! The layer rule, checked: a module imports only from the modules below
//! it. [`ORDER`] lists the library's top-level modules from the bottom up,
//! grouped in the layers `docs/ARCHITECTURE.md` describes; the test reads
//! every source file's `crate::` paths (test code and comments left out)
//! and fails on any that points to a module listed after its own, or to a
//! module the list does not know. So no import cycle can form between
//! top-level modules, and a new module has to be given its place.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The top-level modules, bottom layer first. Within a layer a module may
/// use the ones listed before it.
const ORDER: &[&[&str]] = &[
    // Foundations: text helpers, hashing, languages (detection, scripts,
    // folding, stemmers), the error types, date parsing.
    &["text", "hashing", "language", "error", "dates"],
    // Analysis of one text, no index: names, topics, near-duplicate sketch.
    &["people", "meaning", "sketch"],
    // The plain data type every parser produces and the index takes.
    &["article"],
    // From files to articles: parsers, then the analysis step.
    &["ingest", "annotate"],
    // The tantivy index: fields, term queries, the manifest and index
    // directory, segment merges, story assignment.
    &["schema", "terms", "manifest", "store", "merges", "stories"],
    // Across the archive: surname links read from the index; the indexer.
    &["person_links", "index"],
    // Query language: parse, compile, filters.
    &["query"],
    // Answers: passages, counts, the search itself, index statistics, a
    // person's page.
    &["snippet", "facets", "search", "stats", "person_profile"],
];

/// Files that are not part of the layered library: the crate root and the
/// test-only modules.
const EXEMPT: &[&str] = &["lib", "layers", "testdata"];

fn rank(module: &str) -> Option<usize> {
    ORDER
        .iter()
        .flat_map(|layer| layer.iter())
        .position(|m| *m == module)
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether the file is a module its parent declares under `#[cfg(test)]`
/// (an evaluation, a fixture): test code may reach anywhere.
fn test_only(path: &Path) -> bool {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let dir = path.parent().unwrap();
    let parent = if name == "mod" {
        return false;
    } else if dir.join("mod.rs").is_file() {
        dir.join("mod.rs")
    } else {
        dir.with_extension("rs")
    };
    let Ok(text) = fs::read_to_string(parent) else {
        return false;
    };
    text.contains(&format!("#[cfg(test)]\nmod {name};"))
}

/// The source without comments and without its `#[cfg(test)]` modules.
fn production_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod ") && next.ends_with('{'))
        {
            // Test modules end the file (clippy's items_after_test_module).
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules a piece of code names through `crate::`,
/// including each item of a `crate::{a, b::c}` group.
fn imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // `newsdex_crate::` or the like
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.insert(ident(group[start..i].trim()));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(ident(group[start..i].trim()));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.remove("");
    found
}

/// The top-level module a source file belongs to.
fn module_of(src: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn every_import_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for path in &files {
        let module = module_of(&src, path);
        if EXEMPT.contains(&module.as_str()) || test_only(path) {
            continue;
        }
        seen.insert(module.clone());
        let Some(own) = rank(&module) else {
            wrong.push(format!(
                "{}: module `{module}` has no place in layers::ORDER",
                path.display()
            ));
            continue;
        };
        let code = production_code(&fs::read_to_string(path).unwrap());
        for target in imports(&code) {
            if target == module || target == "self" {
                continue;
            }
            match rank(&target) {
                Some(r) if r < own => {}
                Some(_) => wrong.push(format!(
                    "{}: `{module}` imports `crate::{target}`, which sits above it",
                    path.display()
                )),
                None if EXEMPT.contains(&target.as_str()) => wrong.push(format!(
                    "{}: `{module}` imports `crate::{target}`, which is test-only or the root",
                    path.display()
                )),
                // An item of lib.rs itself (none today) or a macro path.
                None => wrong.push(format!(
                    "{}: `{module}` imports `crate::{target}`, which layers::ORDER does not list",
                    path.display()
                )),
            }
        }
    }
    for layer in ORDER {
        for m in *layer {
            if !seen.contains(*m) {
                wrong.push(format!(
                    "layers::ORDER lists `{m}`, which has no source file"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "layer rule broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_reader_finds_grouped_and_nested_imports() {
    let code = "use crate::{a::{B, C}, d, e::F};\nlet x = crate::g::h();\nmy_crate::z();";
    let got: Vec<String> = imports(code).into_iter().collect();
    assert_eq!(got, ["a", "d", "e", "g"]);
    let code = "fn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::zz;\n}\n";
    assert!(imports(&production_code(code)).is_empty());
    assert!(imports(&production_code("// crate::x\n")).is_empty());
}
