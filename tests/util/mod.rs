//! Shared test helpers: a temporary workspace with a copy of the sample
//! corpus (or hand-made files), and `newsdex` commands pointed at it with the
//! environment the tool reads cleared. `corpora` reads `../shared/corpora/`
//! (with its skip rule), `json` reads `--json` output back, `ranks` tallies
//! known-item figures, `http` and `client` talk to `newsdex serve`.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub mod client;
pub mod corpora;
pub mod http;
pub mod json;
pub mod ranks;

/// A temporary workspace: `corpus/` for articles and `index/` for the index.
pub struct Env {
    dir: Root,
}

/// Where a workspace lives: a fresh temp dir, or a fixed folder under
/// cargo's target tmp dir for the workspace shared by read-only tests.
enum Root {
    Temp(TempDir),
    Fixed(PathBuf),
}

impl Env {
    /// An empty workspace with an empty `corpus/` folder.
    pub fn empty() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("corpus")).unwrap();
        Env {
            dir: Root::Temp(dir),
        }
    }

    /// A copy of `sample_corpus/` indexed once per test run and shared by
    /// the tests that only search it (indexing it in every test would
    /// dominate the suite's time). Tests must not change it.
    pub fn indexed_sample() -> &'static Env {
        use std::sync::OnceLock;
        static SHARED: OnceLock<Env> = OnceLock::new();
        SHARED.get_or_init(|| {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("shared-sample");
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("corpus")).unwrap();
            let env = Env {
                dir: Root::Fixed(dir),
            };
            copy_dir(&repo_path("sample_corpus"), &env.corpus());
            env.index_corpus();
            env
        })
    }

    /// A workspace whose `corpus/` is a copy of `sample_corpus/`.
    pub fn with_sample() -> Env {
        let env = Env::empty();
        copy_dir(&repo_path("sample_corpus"), &env.corpus());
        env
    }

    /// The workspace root.
    pub fn root(&self) -> &Path {
        match &self.dir {
            Root::Temp(t) => t.path(),
            Root::Fixed(p) => p,
        }
    }

    /// The article folder.
    pub fn corpus(&self) -> PathBuf {
        self.root().join("corpus")
    }

    /// The index directory.
    pub fn index(&self) -> PathBuf {
        self.root().join("index")
    }

    /// Writes a file under `corpus/`, creating folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.corpus().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }

    /// `newsdex --index <index> ARGS...`, run in the workspace.
    pub fn cmd(&self, args: &[&str]) -> Command {
        Command::from_std(self.process(args))
    }

    /// The same command as [`Env::cmd`], as a `std::process::Command` (for
    /// a process that runs on, such as `serve`).
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = newsdex_at(&self.index(), args);
        cmd.current_dir(self.root());
        cmd
    }

    /// Runs a command and returns its output, whatever the status.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run newsdex")
    }

    /// Indexes `corpus/` and asserts success; returns the JSON summary.
    pub fn index_corpus(&self) -> Value {
        let out = self.run(&["--json", "index", "corpus"]);
        assert_status(&out, 0);
        serde_json::from_slice(&out.stdout).expect("index --json prints one JSON object")
    }

    /// Runs `search --json` and returns the parsed hits.
    pub fn search_json(&self, args: &[&str]) -> (i32, Vec<Value>) {
        let mut all = vec!["--json", "search"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        (out.status.code().unwrap_or(-1), json::hits_of(&out))
    }
}

/// The columns of the page's export and of `search --csv` (before its
/// snippet), as `hit_rows::COLUMNS` gives them.
pub const EXPORT_COLUMNS: [&str; 13] = [
    "rank",
    "id",
    "title",
    "date",
    "source",
    "section",
    "byline",
    "url",
    "path",
    "line",
    "people",
    "every_word",
    "matched",
];

/// `newsdex --index INDEX ARGS...`, with the environment variables the
/// tool reads cleared.
pub fn newsdex_at(index: &Path, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"));
    cmd.env_remove("NEWSDEX_INDEX")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .arg("--index")
        .arg(index)
        .args(args);
    cmd
}

/// A path inside the repository.
pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A path inside `../shared`, if it exists on this machine (silently; a
/// test that needs it calls [`corpora::corpus`], which says it is skipped).
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let p = repo_path("../shared").join(rel);
    p.exists().then_some(p)
}

/// Recursively copies a folder.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Stdout as a string.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Stderr as a string.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts an exit status, showing both streams when it differs.
pub fn assert_status(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "expected exit {code}\n--- stdout\n{}\n--- stderr\n{}",
        stdout(out),
        stderr(out)
    );
}

/// A JSON array of strings (a hit's `people` or `copies`, a `notices`
/// list) as `&str`s; panics on anything else.
pub fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_else(|| panic!("not a string: {s}")))
        .collect()
}

/// The highlighted parts of a JSON hit's snippet, as text.
pub fn marked(hit: &Value) -> Vec<String> {
    let snippet = hit["snippet"].as_str().unwrap();
    hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let (a, b) = (
                h[0].as_u64().unwrap() as usize,
                h[1].as_u64().unwrap() as usize,
            );
            snippet.chars().skip(a).take(b - a).collect()
        })
        .collect()
}

/// A small deterministic generator (xorshift), so generated test inputs are
/// the same on every run.
pub struct Rng(pub u64);

impl Rng {
    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
