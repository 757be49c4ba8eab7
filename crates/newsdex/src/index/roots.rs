//! Which folders a run walks, and under which root: the folders given on
//! the command line mapped to roots recorded in the manifest (adding new
//! ones), or every recorded root; missing roots are reported, or dropped
//! with `--prune`. Talks to the [`Manifest`] only; the walk itself is
//! `changes.rs`'s.

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;

use super::Report;
use crate::error::{Error, Result};
use crate::manifest::{Manifest, Root};

/// One folder to walk, and the root it belongs to.
#[derive(Debug, Clone)]
pub(super) struct Scope {
    pub(super) label: Arc<str>,
    /// The root's language from `index --lang`, for every article under it.
    pub(super) language: Option<Arc<str>>,
    /// The recorded root (a folder inside it when only that is walked).
    pub(super) root: PathBuf,
    pub(super) scope: PathBuf,
}

impl Scope {
    /// The whole of a recorded root.
    pub(super) fn whole(root: &Root) -> Scope {
        Scope {
            label: Arc::from(&*root.label),
            language: root.language.as_deref().map(Arc::from),
            root: root.path.clone(),
            scope: root.path.clone(),
        }
    }
}

/// Scopes for every recorded root; missing ones are reported, and dropped
/// from the manifest only with `prune`.
pub(super) fn recorded_scopes(
    manifest: &mut Manifest,
    prune: bool,
    report: &mut Report,
) -> Vec<Scope> {
    let mut scopes = Vec::new();
    let mut kept = Vec::new();
    for root in std::mem::take(&mut manifest.roots) {
        if root.path.exists() {
            scopes.push(Scope::whole(&root));
            kept.push(root);
        } else if prune {
            report.pruned_roots.push(root.path.clone());
        } else {
            report.missing_roots.push(root.path.clone());
            kept.push(root);
        }
    }
    manifest.roots = kept;
    scopes
}

/// The recorded roots a rebuild reads: those that still exist. A missing
/// one is dropped (and reported) with `prune`; without, the rebuild stops
/// rather than lose its articles.
pub(super) fn kept_for_rebuild(
    old: &Manifest,
    prune: bool,
    report: &mut Report,
) -> Result<Vec<Root>> {
    let mut kept = Vec::new();
    for root in &old.roots {
        if root.path.exists() {
            kept.push(root.clone());
        } else if prune {
            report.pruned_roots.push(root.path.clone());
        } else {
            let articles: u64 = old
                .files
                .values()
                .filter(|f| *f.root == *root.label)
                .map(|f| f.articles)
                .sum();
            return Err(Error::BadRoot {
                path: root.path.clone(),
                reason: format!(
                    "source folder no longer exists; rebuilding would drop its {articles} articles. Restore it, or pass --prune to drop them"
                ),
            });
        }
    }
    Ok(kept)
}

/// Maps the folders given on the command line to roots: inside a recorded
/// root, it is that root (only the sub-folder is walked); otherwise it is a
/// new root, which absorbs any recorded roots inside it. A `language`
/// (`index --lang`) is recorded on the roots given, which must be whole
/// roots; a root whose language changes has every file read again.
pub(super) fn resolve_roots(
    manifest: &mut Manifest,
    dirs: &[PathBuf],
    language: Option<&str>,
) -> Result<Vec<Scope>> {
    let mut scopes: Vec<Scope> = Vec::new();
    for dir in dirs {
        let abs = fs::canonicalize(dir).map_err(|e| Error::BadRoot {
            path: dir.clone(),
            reason: match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                _ => e.to_string(),
            },
        })?;
        if let Some(i) = manifest.roots.iter().position(|r| abs.starts_with(&r.path)) {
            if let Some(lang) = language {
                set_language(manifest, i, &abs, dir, lang)?;
            }
            let root = &manifest.roots[i];
            scopes.push(Scope {
                label: Arc::from(&*root.label),
                language: root.language.as_deref().map(Arc::from),
                root: root.path.clone(),
                scope: abs,
            });
            continue;
        }
        manifest.roots.retain(|r| !r.path.starts_with(&abs));
        let label = manifest.new_label(&abs);
        manifest.roots.push(Root {
            path: abs.clone(),
            label: label.clone(),
            language: language.map(String::from),
        });
        scopes.retain(|s| !s.scope.starts_with(&abs));
        scopes.push(Scope {
            label: Arc::from(label),
            language: language.map(Arc::from),
            root: abs.clone(),
            scope: abs,
        });
    }
    Ok(scopes)
}

/// Records `lang` on recorded root `i`, given as `dir` (`abs`): an error
/// for a folder inside the root; when it changes, the root's files are
/// marked to be read again (their fingerprints forgotten).
fn set_language(
    manifest: &mut Manifest,
    i: usize,
    abs: &std::path::Path,
    dir: &std::path::Path,
    lang: &str,
) -> Result<()> {
    let root = &manifest.roots[i];
    if abs != root.path {
        return Err(Error::BadRoot {
            path: dir.to_path_buf(),
            reason: format!(
                "--lang applies to a whole source folder: give {} itself, or leave --lang out",
                root.path.display()
            ),
        });
    }
    if root.language.as_deref() == Some(lang) {
        return Ok(());
    }
    let label = root.label.clone();
    manifest.roots[i].language = Some(lang.to_string());
    for rec in manifest.files.values_mut() {
        if *rec.root == *label {
            rec.mtime_ns = -1;
            rec.hash = 0;
        }
    }
    Ok(())
}
