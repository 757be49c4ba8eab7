//! Word files (`.docx`): bytes to the text of their paragraphs, in
//! document order. A `.docx` is a zip archive (the `zip` crate, deflate
//! only) whose `word/document.xml` holds the text as `<w:p>` paragraphs
//! of `<w:t>` runs, read as a stream of events (quick-xml). A `<w:tab/>`
//! is a tab, a `<w:br/>` or `<w:cr/>` a line break (`\n`); deleted text
//! (`<w:delText>`) and field codes (`<w:instrText>`) are not text. A
//! paragraph inside another (a text box) comes out before the one that
//! holds it. Headers, footers and footnotes are left out: Nexis puts its
//! page furniture there.
//!
//! The XML is expanded at most to the caller's limit (`--max-file-size`),
//! so a zip bomb is refused with a reason; a document that breaks off
//! keeps the paragraphs read before the break.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::xml_reference;

/// The paragraphs of a Word file, empty ones included. `Err` says why the
/// bytes are no Word document (not a zip, no `word/document.xml`, larger
/// than `limit` once expanded).
pub fn paragraphs(bytes: &[u8], limit: u64) -> Result<Vec<String>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (not a zip archive: {e})"))?;
    let mut file = archive
        .by_name("word/document.xml")
        .map_err(|_| "not a Word document (no word/document.xml in the zip)".to_string())?;
    let mut raw = Vec::new();
    (&mut file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut raw)
        .map_err(|e| format!("reading word/document.xml: {e}"))?;
    if raw.len() as u64 > limit {
        return Err(format!(
            "word/document.xml expands to more than {limit} bytes (raise --max-file-size to read it)"
        ));
    }
    let xml = String::from_utf8_lossy(&raw);
    Ok(document_paragraphs(&xml))
}

/// The paragraphs of a `word/document.xml`.
pub fn document_paragraphs(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut out = Vec::new();
    // The open paragraphs, innermost last.
    let mut open: Vec<String> = Vec::new();
    let mut in_text = false;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let current = open.last_mut();
        match event {
            Event::Start(e) => match e.local_name().as_ref() as &str {
                "p" => open.push(String::new()),
                "t" => in_text = true,
                name => push_mark(current, name),
            },
            Event::Empty(e) => match e.local_name().as_ref() as &str {
                "p" => out.push(String::new()),
                name => push_mark(current, name),
            },
            Event::End(e) => match e.local_name().as_ref() as &str {
                "p" => out.extend(open.pop()),
                "t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = current {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if in_text => {
                if let Some(p) = current {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let (Some(p), Some(s)) = (current, xml_reference(&r)) {
                    p.push_str(&s);
                }
            }
            _ => {}
        }
    }
    // A document cut short: what was read of its open paragraphs.
    out.extend(open.into_iter().rev().filter(|p| !p.is_empty()));
    out
}

/// The character a `<w:tab/>` or a line break stands for, added to the
/// open paragraph.
fn push_mark(paragraph: Option<&mut String>, name: &str) {
    if let Some(p) = paragraph {
        match name {
            "tab" => p.push('\t'),
            "br" | "cr" => p.push('\n'),
            _ => {}
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::io::Write;

    /// A `.docx` (a zip with `word/document.xml`) holding `paragraphs`.
    pub(in crate::ingest::exports) fn docx(paragraphs: &[&str]) -> Vec<u8> {
        let body: String = paragraphs
            .iter()
            .map(|p| {
                let runs: Vec<String> = p
                    .split('\n')
                    .map(|line| format!("<w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r>"))
                    .collect();
                format!("<w:p>{}</w:p>", runs.join("<w:r><w:br/></w:r>"))
            })
            .collect();
        let xml = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn paragraphs_runs_tabs_breaks_and_references() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>Fish </w:t></w:r><w:r><w:t>&amp; chips</w:t><w:tab/><w:t>&#233;</w:t></w:r></w:p>
            <w:p/>
            <w:p><w:r><w:br/><w:t>End of Document</w:t></w:r></w:p>
            <w:p><w:r><w:instrText>PAGE</w:instrText><w:delText>gone</w:delText><w:t>kept</w:t></w:r></w:p>
            <w:p><w:r><w:t>cut sh"#;
        assert_eq!(
            document_paragraphs(xml),
            ["Fish & chips\té", "", "\nEnd of Document", "kept", "cut sh"]
        );
    }

    #[test]
    fn zip_errors_and_limits() {
        let bytes = docx(&["Title", "Line one\nline two"]);
        assert_eq!(
            paragraphs(&bytes, 1 << 20).unwrap(),
            ["Title", "Line one\nline two"]
        );
        assert!(paragraphs(&bytes, 10)
            .unwrap_err()
            .contains("--max-file-size"));
        assert!(paragraphs(b"not a zip", 1 << 20)
            .unwrap_err()
            .contains("not a zip"));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("other.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        let other = zip.finish().unwrap().into_inner();
        assert!(paragraphs(&other, 1 << 20)
            .unwrap_err()
            .contains("no word/document.xml"));
    }
}
