//! The real export samples in `../shared/corpora/exports/` (issue #23),
//! read as the indexer reads them ([`crate::ingest::parse_file`]: the
//! layout found by content, then its parser). Per layout: how many
//! documents each sample gives, and the headline, source, date and byline
//! of its first and last document, exactly. Skipped with a note where
//! `../shared` is absent; under CI that fails ([`crate::testdata::shared`]).

use chrono::SecondsFormat;

use super::Layout;
use crate::article::Draft;
use crate::ingest::{parse_file, Format, ParsedFile};

/// What a document should give: headline, source, date (RFC 3339, UTC)
/// and byline.
type Fields<'a> = [Option<&'a str>; 4];

/// Reads `corpora/exports/<rel>` as the indexer does; `None` where the
/// shared corpora are absent.
fn read(rel: &str) -> Option<(Format, ParsedFile)> {
    let path = crate::testdata::shared()?.join("corpora/exports").join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (format, parsed) = parse_file(&path, &bytes, 64 << 20).expect("an article format");
    Some((format, parsed.unwrap_or_else(|e| panic!("{rel}: {e}"))))
}

fn fields(d: &Draft) -> [Option<String>; 4] {
    [
        d.title.clone(),
        d.source.clone(),
        d.date.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
        d.byline.clone(),
    ]
}

/// Checks a sample's layout, document and problem counts, and its first
/// and last documents; returns what it gave for further checks.
fn check(
    rel: &str,
    layout: Layout,
    (documents, problems): (usize, usize),
    first: Fields<'_>,
    last: Fields<'_>,
) -> Option<ParsedFile> {
    let (format, parsed) = read(rel)?;
    assert_eq!(format, Format::Export(layout), "{rel}");
    assert_eq!(parsed.drafts.len(), documents, "{rel}: documents");
    assert_eq!(
        parsed.problems.len(),
        problems,
        "{rel}: {:?}",
        parsed.problems
    );
    let owned = |f: Fields<'_>| f.map(|v| v.map(str::to_string));
    assert_eq!(fields(&parsed.drafts[0]), owned(first), "{rel}: first");
    let end = parsed.drafts.last().unwrap();
    assert_eq!(fields(end), owned(last), "{rel}: last");
    for d in &parsed.drafts {
        assert!(!d.body.is_empty(), "{rel}: {:?} has no body", d.title);
    }
    Some(parsed)
}

/// No body holds a field label, cover or furniture line.
fn no_furniture(parsed: &ParsedFile, rel: &str) {
    const LEFT_OUT: &[&str] = &[
        "BYLINE:",
        "LENGTH:",
        "SECTION:",
        "LOAD-DATE:",
        "LANGUAGE:",
        "PUBLICATION-TYPE:",
        "Load-Date:",
        "Byline:",
        "Length:",
        "Download Request",
        "DOCUMENTS",
        "End of Document",
        "Copyright 20",
        "Numéro de document",
        "Job Number",
        "Classification",
    ];
    for d in &parsed.drafts {
        for s in LEFT_OUT {
            assert!(
                !d.body.contains(s),
                "{rel}: {s:?} in the body of {:?}",
                d.title
            );
        }
    }
}

#[test]
fn lexisnexis_academic_text() {
    let rel = "lexisnexis/LexisNexisTools/sample.TXT";
    let Some(p) = check(
        rel,
        Layout::LexisNexisText,
        (10, 0),
        [
            Some("Lorem ipsum dolor sit amet"),
            Some("Guardian.com"),
            Some("2010-01-11T00:00:00Z"),
            Some("Andrew Sparrow"),
        ],
        [
            Some("Wikipedia"),
            Some("DAILY MAIL (London)"),
            Some("2010-01-09T00:00:00Z"),
            None,
        ],
    ) else {
        return;
    };
    no_furniture(&p, rel);
    let d = &p.drafts[7];
    assert_eq!(d.title.as_deref(), Some("PRISONER OF HIS OWN CABINET"));
    assert_eq!(d.byline.as_deref(), Some("Stephen Pollard"));
    assert_eq!(d.line, 704);
    let d = &p.drafts[2];
    assert_eq!(d.section.as_deref(), Some("FEATURES"));
    assert_eq!(d.language.as_deref(), Some("ENGLISH"));
    assert_eq!(
        p.drafts[4].title.as_deref(),
        Some(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Etiam lacinia \
             elementum sapien?; eget aliquet ex finibus ut."
        )
    );
}

#[test]
fn nexis_uni_docx() {
    let rel = "lexisnexis/LexisNexisTools/sample.DOCX";
    let Some(p) = check(
        rel,
        Layout::Docx,
        (10, 0),
        [
            Some("Lorem ipsum dolor sit amet"),
            Some("The Guardian(London)"),
            Some("2019-07-01T09:20:00Z"),
            Some("Mattha Busby (now), Andrew Sparrow (earlier)"),
        ],
        [
            Some("What is Wikipedia"),
            Some("The Guardian(London)"),
            Some("2019-07-02T11:27:00Z"),
            Some("Tom Kibasi"),
        ],
    ) else {
        return;
    };
    no_furniture(&p, rel);
    assert_eq!(p.drafts[9].section.as_deref(), Some("OPINION"));
    assert_eq!(p.drafts[6].language.as_deref(), Some("ENGLISH"));
    // A Word file without the export layout is one plain article.
    let Some((format, p)) = read("lexisnexis/LexisNexisTools/test.DOCX") else {
        return;
    };
    assert_eq!(format, Format::Export(Layout::Docx));
    assert_eq!(p.drafts.len(), 1);
    assert_eq!(p.drafts[0].title.as_deref(), Some("LexisNexis Uni Test"));
}

#[test]
fn lexis_advance_docx() {
    let rel = "lexisnexis/tm.plugin.lexisnexis/lexisnexis_advance_test_en.docx";
    let Some(p) = check(
        rel,
        Layout::Docx,
        (2, 0),
        [
            Some("Article one title"),
            Some("Times of India (Electronic Edition)"),
            Some("2019-12-10T00:00:00Z"),
            Some("journalist@example.invalid"),
        ],
        [
            Some("Article two headline"),
            Some("Irish Independent"),
            Some("2019-12-10T00:00:00Z"),
            Some("Journalist One; Journalist Two"),
        ],
    ) else {
        return;
    };
    no_furniture(&p, rel);
    assert_eq!(p.drafts[0].section.as_deref(), Some("TIMES BUSINESS"));
    assert_eq!(p.drafts[1].language.as_deref(), Some("ENGLISH"));
    // The graphic's caption is not text.
    assert!(!p.drafts[1].body.contains("Mi bibendum"));
    assert!(p.drafts[1]
        .body
        .ends_with("Arcu vitae elementum curabitur vitae nunc sed ;"));
}

/// A tm.plugin.lexisnexis HTML sample checked as [`check`] does, with no
/// field label or furniture in its bodies.
fn check_html(
    file: &str,
    counts: (usize, usize),
    first: Fields<'_>,
    last: Fields<'_>,
) -> Option<ParsedFile> {
    let rel = format!("lexisnexis/tm.plugin.lexisnexis/{file}");
    let parsed = check(&rel, Layout::LexisNexisHtml, counts, first, last)?;
    no_furniture(&parsed, &rel);
    Some(parsed)
}

#[test]
fn lexisnexis_html_english_and_french() {
    let Some(p) = check_html(
        "lexisnexis_test_en.html",
        (2, 0),
        [
            Some("Heading One"),
            Some("Some Newspaper"),
            Some("1991-12-19T00:00:00Z"),
            Some("Paper Author"),
        ],
        [
            Some("First part; Second part"),
            Some("Some Newspaper"),
            Some("1993-01-28T00:00:00Z"),
            None,
        ],
    ) else {
        return;
    };
    assert_eq!(p.drafts[0].section.as_deref(), Some("Section 5"));
    let Some(p) = check_html(
        "lexisnexis_test_fr.html",
        (3, 0),
        [
            Some("Title of first article"),
            Some("My newpaper"),
            Some("2013-04-12T00:00:00Z"),
            None,
        ],
        [
            Some("\" A quoted title \""),
            Some("My newpaper"),
            Some("2013-03-10T00:00:00Z"),
            None,
        ],
    ) else {
        return;
    };
    let d = &p.drafts[1];
    assert_eq!(d.byline.as_deref(), Some("Author 2"));
    assert_eq!(d.section.as_deref(), Some("ECONOMIE - ENTREPRISES"));
    assert_eq!(d.language.as_deref(), Some("ENGLISH"));
    assert!(d.body.starts_with("Introduction to article\n\nSome text."));
    let date = [
        Some("A Headline"),
        Some("Daily Mail (London)"),
        Some("2008-07-26T00:00:00Z"),
        None,
    ];
    check_html("lexisnexis_test_date.html", (1, 0), date, date);
}

/// The Daily Planet samples' header: its date line has a time.
fn planet<'a>(title: Option<&'a str>, byline: Option<&'a str>) -> Fields<'a> {
    [
        title,
        Some("The Daily Planet"),
        Some("2018-12-31T10:50:00Z"),
        byline,
    ]
}

#[test]
fn lexisnexis_html_edge_cases() {
    let lorem = Some(
        "Lorem ipsum dolor sit amet, consectetuer adipiscing elit. Phasellus hendrerit; \
         Pellentesque aliquet nibh nec urna. In nisi neque, aliquet vel, dapibus id, mattis \
         vel, nisi. Sed pretium, ligula sollicitudin laoreet viverra, tortor libero sodales \
         leo, eget blandit nunc tortor eu nibh. Nullam mollis.",
    );
    let lane = planet(lorem, Some("Lois Lane"));
    let Some(p) = check_html("lexisnexis_test_extra_lines.html", (1, 0), lane, lane) else {
        return;
    };
    assert!(!p.drafts[0].body.contains("MATP"));
    assert_eq!(p.drafts[0].section.as_deref(), Some("Foreign news"));
    let p = check_html(
        "lexisnexis_test_multipart_main_texts.html",
        (1, 0),
        lane,
        lane,
    );
    let body = &p.unwrap().drafts[0].body;
    assert!(
        body.contains("Ut convallis, sem sit amet interdum"),
        "{body}"
    );
    assert!(body.ends_with("Find out more here."), "{body}");
    let bare = planet(None, None);
    check_html("lexisnexis_test_no_headings.html", (1, 0), bare, bare);
    // The second document is LexisNexis' error page; the first's body is a
    // table, a row a line.
    let table = [
        None,
        Some("The Daily Planet"),
        Some("2018-12-31T00:00:00Z"),
        None,
    ];
    let p = check_html("lexisnexis_test_copyright_error.html", (1, 1), table, table).unwrap();
    assert!(p.drafts[0].body.starts_with("Rank Bank City"));
    assert!(p.problems[0].reason.contains("We are sorry"));
    // A graphic with no text: reported, not indexed.
    let (_, p) = read("lexisnexis/tm.plugin.lexisnexis/lexisnexis_test_no_content.html").unwrap();
    assert!(p.drafts.is_empty());
    assert_eq!(p.problems.len(), 1);
    assert!(p.problems[0].reason.contains("METROPOLIS BANK SPORTSBALL"));
}

#[test]
fn factiva_html() {
    let rel = "factiva/factiva_test.html";
    let Some(p) = check(
        rel,
        Layout::FactivaHtml,
        (2, 0),
        [
            Some("Test 1"),
            Some("Test newspaper"),
            Some("2011-12-29T15:32:00Z"),
            None,
        ],
        [
            Some("Test 2"),
            Some("Ouest France"),
            Some("2011-12-29T00:00:00Z"),
            None,
        ],
    ) else {
        return;
    };
    let d = &p.drafts[0];
    assert_eq!(d.language.as_deref(), Some("Français"));
    assert_eq!(
        d.body,
        "First head paragraph, with a few non-ASCII characters: à la française.\n\n\
         Second head paragraph.\n\nThird paragraph.\n\nFourth and last paragraph."
    );
    assert_eq!(p.drafts[1].section.as_deref(), Some("Infolocale"));
    for d in &p.drafts {
        for code in [
            "FRANCE-TEST",
            "Document TESTFR",
            "gcat",
            "Reuters Limited",
            "mots",
        ] {
            assert!(!d.body.contains(code), "{code} in {:?}", d.body);
        }
    }
}

#[test]
fn factiva_xml() {
    let Some(p) = check(
        "factiva/factiva_test.xml",
        Layout::FactivaXml,
        (3, 0),
        [
            Some("TEST - first test article"),
            Some("My Newspaper"),
            Some("2012-01-09T01:35:58Z"),
            None,
        ],
        [
            Some("TEST - third test article"),
            Some("My Newspaper"),
            Some("2012-05-06T01:07:06Z"),
            None,
        ],
    ) else {
        return;
    };
    assert_eq!(p.drafts[1].language.as_deref(), Some("FR"));
    assert_eq!(
        p.drafts[0].body,
        "This is the lead paragraph of the first test article.\n\n\
         This is the body of the first test article."
    );
    // Reuters-21578 in Factiva XML: 19 articles (the file says count="20").
    let Some(p) = check(
        "factiva/reut21578-factiva.xml",
        Layout::FactivaXml,
        (19, 0),
        [
            Some("DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES"),
            Some("Reuters-21578"),
            Some("1987-02-26T00:00:00Z"),
            None,
        ],
        [
            Some("ARGENTINE OIL PRODUCTION DOWN IN JANUARY 1987"),
            Some("Reuters-21578"),
            Some("1987-03-02T00:00:00Z"),
            None,
        ],
    ) else {
        return;
    };
    assert!(p.drafts[0].body.starts_with(
        "Diamond Shamrock Corp said that effective today it had cut its contract prices \
         for crude oil by 1.50 dlrs a barrel.\n\nThe reduction brings"
    ));
}

#[test]
fn europresse() {
    let Some(p) = check(
        "europresse/europresse_test1.html",
        Layout::Europresse,
        (3, 0),
        [
            Some("A heading: some text"),
            Some("l'Humanité"),
            Some("2013-10-05T00:00:00Z"),
            None,
        ],
        [
            Some("Heading"),
            Some("Magazine 1, no. 5968"),
            Some("2012-10-04T00:00:00Z"),
            Some("Author Name"),
        ],
    ) else {
        return;
    };
    no_furniture(&p, "europresse_test1.html");
    assert_eq!(p.drafts[1].byline.as_deref(), Some("Second Author"));
    assert_eq!(p.drafts[0].section.as_deref(), Some("Politique"));
    assert_eq!(p.drafts[2].body, "This is a test: a test");
    let Some(p) = check(
        "europresse/europresse_test2.html",
        Layout::Europresse,
        (4, 0),
        [
            Some("Title"),
            Some("Newspaper"),
            Some("2006-03-14T00:00:00Z"),
            Some("Author"),
        ],
        [
            Some("Title"),
            Some("Newspaper"),
            Some("2006-03-13T00:00:00Z"),
            Some("Author"),
        ],
    ) else {
        return;
    };
    no_furniture(&p, "europresse_test2.html");
    assert_eq!(p.drafts[1].byline.as_deref(), Some("Ariane Chemin"));
    assert_eq!(p.drafts[3].section.as_deref(), Some("Dernière heure"));
    assert_eq!(p.drafts[3].body, "Text.\n\nText.");
}

/// Every sample cut short at twenty points reads without panicking: what
/// comes back is a parse or a reason.
#[test]
fn cut_samples_never_panic() {
    let Some(root) = crate::testdata::shared() else {
        return;
    };
    let dir = root.join("corpora/exports");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.unwrap();
        // Factiva XML has no extension of its own: `.xml` is known by content.
        let xml = entry.path().extension().is_some_and(|e| e == "xml");
        if xml || crate::ingest::Format::from_extension(entry.path()).is_some() {
            files.push(entry.into_path());
        }
    }
    assert!(files.len() >= 17, "{files:?}");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        for k in 0..20 {
            let cut = bytes.len() * k / 20;
            let _ = parse_file(&path, &bytes[..cut], 64 << 20);
        }
    }
}
