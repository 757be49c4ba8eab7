//! Reading `--json` output back: one JSON value a line (ripgrep's
//! `tests/json.rs`), hits among them, their ids and counts.

use std::collections::BTreeSet;
use std::process::Output;

use serde_json::Value;

use super::stdout;

/// Every line of a command's stdout, parsed; panics on a line that is not
/// JSON.
pub fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// The hits of `search --json` output: a `{"total":0,"suggestion":..}` line
/// is not a hit.
pub fn hits_of(out: &Output) -> Vec<Value> {
    json_lines(out)
        .into_iter()
        .filter(|v| v.get("rank").is_some())
        .collect()
}

/// The ids of the hits among `lines`, in order.
pub fn ids(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .filter(|v| v.get("rank").is_some())
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

/// The ids of the hits among `lines`, as a set (to compare searches that
/// rank the same articles differently).
pub fn id_set(lines: &[Value]) -> BTreeSet<String> {
    ids(lines).into_iter().collect()
}

/// The file names (last path segment) of each line's `key` (`id` or
/// `path`), sorted: which files a search found, whatever their order.
pub fn file_names(lines: &[Value], key: &str) -> Vec<String> {
    let mut names: Vec<String> = lines
        .iter()
        .map(|v| {
            let value = v[key]
                .as_str()
                .unwrap_or_else(|| panic!("{key} missing in {v}"));
            value.rsplit('/').next().unwrap_or(value).to_string()
        })
        .collect();
    names.sort();
    names
}

/// A whole-number field of a JSON object (an `index --json` summary's
/// counts); panics naming it when it is missing.
pub fn n(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}
