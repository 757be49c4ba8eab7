//! The files a walk passes over, grouped for the summaries: by reason,
//! then by extension (`not an article format: .pdf 12, .md 3`), so that
//! nothing is dropped without a word (issue #23). Printing is the front
//! end's; this gives the data, and `index --json` each file's extension.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{IgnoreReason, Ignored};

impl Ignored {
    /// The file's extension, as the summaries group the files passed
    /// over: `.pdf`, `.md`, `(none)`.
    pub fn extension(&self) -> String {
        match self.path.extension() {
            Some(e) => format!(".{}", e.to_string_lossy().to_lowercase()),
            None => "(none)".to_string(),
        }
    }
}

impl Serialize for Ignored {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Ignored", 3)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("reason", &self.reason)?;
        st.serialize_field("extension", &self.extension())?;
        st.end()
    }
}

/// The files passed over, counted by reason and then by extension, most
/// common first: what the index summary says of them (`not an article
/// format: .pdf 12, .md 3`).
pub fn ignored_by_extension(ignored: &[Ignored]) -> Vec<(IgnoreReason, Vec<(String, usize)>)> {
    let mut by: BTreeMap<IgnoreReason, BTreeMap<String, usize>> = Default::default();
    for i in ignored {
        *by.entry(i.reason)
            .or_default()
            .entry(i.extension())
            .or_default() += 1;
    }
    let mut out: Vec<(IgnoreReason, Vec<(String, usize)>)> = by
        .into_iter()
        .map(|(reason, exts)| {
            let mut exts: Vec<(String, usize)> = exts.into_iter().collect();
            exts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (reason, exts)
        })
        .collect();
    let total = |e: &[(String, usize)]| e.iter().map(|(_, n)| n).sum::<usize>();
    out.sort_by(|a, b| total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::ingest::walk;

    /// Issue #23, item 5: datasets are walked (CSV, TSV, archives, a
    /// `<doc>` collection under any name), and what is passed over is
    /// counted by reason and extension.
    #[test]
    fn walk_reads_datasets_and_groups_what_it_passes_over() {
        let dir = tempfile::tempdir().unwrap();
        let files: &[(&str, &[u8])] = &[
            ("a.csv", b"title,text\nA,a\n"),
            ("b.tsv", b"title\ttext\nB,b\n"),
            ("c.zip", b"PK\x05\x06"),
            ("d.tar.zst", b""),
            ("e.tgz", b""),
            ("news.dat", b"<doclist>\n<doc>\n<url>x</url>"),
            ("la010189", b"<DOC>\n<DOCNO> LA010189-0001 </DOCNO>"),
            ("fr940104.0", b"<DOC>\n<DOCNO> FR940104-0-00001 </DOCNO>"),
            ("index.dat", b"\x00\x01\x02 binary"),
            ("scan.pdf", b"%PDF-1.4"),
            ("notes.md", b"# notes"),
            ("more.md", b"# more"),
            ("Makefile", b"all:"),
            ("README", b"About this corpus."),
        ];
        for (name, bytes) in files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let mut read = Vec::new();
        let w = walk(dir.path(), Path::new("/nonexistent"), |e| read.push(e.rel));
        assert_eq!(
            read,
            [
                "a.csv",
                "b.tsv",
                "c.zip",
                "d.tar.zst",
                "e.tgz",
                "fr940104.0",
                "la010189",
                "news.dat"
            ]
        );
        let grouped = ignored_by_extension(&w.ignored);
        let ext = |v: &[(&str, usize)]| {
            v.iter()
                .map(|(e, n)| (e.to_string(), *n))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            grouped,
            [
                (
                    IgnoreReason::NotArticleFormat,
                    ext(&[(".md", 2), ("(none)", 1), (".dat", 1), (".pdf", 1)])
                ),
                (IgnoreReason::ProjectFile, ext(&[("(none)", 1)])),
            ]
        );
        let json = serde_json::to_value(&w.ignored[0]).unwrap();
        assert_eq!(json["extension"], "(none)");
        assert_eq!(json["reason"], "not an article format");
    }
}
