//! A `newsdex serve` process on an ephemeral loopback port, stopped when
//! dropped; requests go through `client`.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Stdio};

use serde_json::Value;

pub use super::client::{request, Response};
use super::Env;

/// A running `newsdex serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts `newsdex serve --addr 127.0.0.1:0 --quiet EXTRA...` on the
    /// workspace's index and waits until it prints its URL.
    pub fn start(env: &Env, extra: &[&str]) -> Server {
        Server::spawn(env.process(&Server::args(extra)))
    }

    /// Starts `newsdex serve` on the index at `index` (a shared corpus's).
    pub fn start_at(index: &Path, extra: &[&str]) -> Server {
        Server::spawn(super::newsdex_at(index, &Server::args(extra)))
    }

    fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["serve", "--addr", "127.0.0.1:0", "--quiet"];
        args.extend_from_slice(extra);
        args
    }

    fn spawn(mut command: std::process::Command) -> Server {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start newsdex serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        if line.is_empty() {
            let mut err = String::new();
            child.stderr.take().unwrap().read_to_string(&mut err).ok();
            panic!("newsdex serve printed no URL; stderr: {err}");
        }
        let addr = line
            .trim()
            .strip_prefix("http://")
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Response {
        request(&self.addr, "GET", path, &[], None)
    }

    /// `GET path`, asserting the status, returning the JSON body.
    pub fn json(&self, path: &str, status: u16) -> Value {
        let res = self.get(path);
        assert_eq!(res.status, status, "GET {path}: {}", res.body);
        assert!(
            res.header("content-type")
                .is_some_and(|c| c.starts_with("application/json")),
            "GET {path} is JSON: {:?}",
            res.headers
        );
        res.json()
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Percent-encodes all but the unreserved characters, for a query value
/// or a path segment (`Tony%20Blair`).
pub fn url_encode(s: &str) -> String {
    encode(s, "")
}

/// [`url_encode`] keeping `/`: an article id in a path (the route takes
/// the rest of the path).
pub fn url_encode_path(s: &str) -> String {
    encode(s, "/")
}

fn encode(s: &str, keep: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) || keep.as_bytes().contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
