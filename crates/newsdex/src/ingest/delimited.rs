//! CSV and TSV datasets: one article per row.
//!
//! The dialect is sniffed, since datasets are written every way: the quote
//! character (`"` or `'`) is the one found at the edges of fields, the
//! delimiter (`,` `;` tab `|`) the one that splits the first rows into the
//! same number of columns. Reading is the `csv` crate's (quoted delimiters,
//! doubled quotes, line breaks inside a field).
//!
//! A header row is recognised when its cells are names `super::fields`
//! knows (`headline`, `text`, `published` ... the keys JSON articles use),
//! and those columns fill the draft. A file without one (10kGNAD's
//! `label;text`) gets its columns guessed from the first rows: the body
//! from the column with the longest values, the section from a short one
//! whose values repeat, the date, URL and headline from columns whose
//! values all read as such. What was sniffed and guessed is said in
//! [`ParsedFile::notes`]. Each draft's `line` is where its row starts.

use ::csv::{ReaderBuilder, StringRecord};

use super::fields::{byline_text, date_text, looks_like_url, paragraphs, Field};
use super::{is_empty_record, ParsedFile, RecordProblem};
use crate::article::Draft;

/// Delimiters tried, in order of preference on a tie.
const DELIMITERS: &[u8] = b",;\t|";
/// How much of the file the sniffer reads.
const SNIFF_BYTES: usize = 64 * 1024;
/// How many rows the column guesser looks at.
const GUESS_ROWS: usize = 500;
/// A header cell longer than this is data, not a column name.
const MAX_HEADER_CELL: usize = 64;

/// Parses a CSV or TSV file. `Err` only when no row could be read at all.
pub fn parse(text: &str) -> Result<ParsedFile, String> {
    let (delimiter, quote) = sniff(text);
    let mut rows = Vec::new();
    let mut parsed = ParsedFile::default();
    // Lines are counted from each record's byte offset, past any line
    // break there: after a CRLF the csv crate starts the next record at
    // the `\n` (and its `Position::line` then says the line before).
    let (mut line, mut counted_to) = (1u64, 0usize);
    let mut line_at = |byte: u64| {
        let mut byte = (byte as usize).min(text.len());
        while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        line += text.as_bytes()[counted_to..byte.max(counted_to)]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = counted_to.max(byte);
        line
    };
    for result in reader(text, delimiter, quote).records() {
        match result {
            Ok(row) => {
                let line = line_at(row.position().map_or(0, |p| p.byte()));
                rows.push((line, row));
            }
            Err(err) => {
                let line = line_at(err.position().map_or(0, |p| p.byte()));
                parsed.problems.push(RecordProblem {
                    line,
                    reason: format!("unreadable row: {err}"),
                });
                break;
            }
        }
    }
    if rows.is_empty() {
        return Err("no CSV row found".to_string());
    }
    parsed.notes.push(format!(
        "sniffed: {}-separated, {} quotes",
        show(delimiter),
        show(quote)
    ));
    let (columns, skip_first) = match header_columns(&rows[0].1) {
        Some(columns) => (columns, true),
        None => (guess_columns(&rows), false),
    };
    parsed.notes.push(columns.note(skip_first, &rows[0].1));
    for (line, row) in rows.iter().skip(usize::from(skip_first)) {
        match columns.draft(row, *line) {
            Some(d) => parsed.drafts.push(d),
            None => parsed.problems.push(RecordProblem {
                line: *line,
                reason: "row with neither title nor body text".to_string(),
            }),
        }
    }
    Ok(parsed)
}

fn reader(text: &str, delimiter: u8, quote: u8) -> ::csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quote(quote)
        .from_reader(text.as_bytes())
}

/// A delimiter or quote byte as a note shows it.
fn show(b: u8) -> String {
    match b {
        b'\t' => "tab".to_string(),
        other => format!("`{}`", other as char),
    }
}

/// The delimiter and quote character of a file, from its first 64 KB.
fn sniff(text: &str) -> (u8, u8) {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let quote = sniff_quote(head);
    let truncated = end < text.len();
    let best = DELIMITERS
        .iter()
        .map(|&d| (d, consistency(head, d, quote, truncated)))
        .fold(
            None,
            |best: Option<(u8, (usize, f64, usize))>, (d, score)| match best {
                Some((_, b)) if !better(score, b) => best,
                _ => Some((d, score)),
            },
        );
    match best {
        Some((d, (columns, _, _))) if columns >= 2 => (d, quote),
        _ => (b',', quote),
    }
}

/// Whether `a` beats `b`: (columns, share of rows with that many, rows).
/// Two columns or more first, then the more consistent, then the more
/// columns.
fn better(a: (usize, f64, usize), b: (usize, f64, usize)) -> bool {
    let usable = |s: (usize, f64, usize)| s.0 >= 2;
    match (usable(a), usable(b)) {
        (true, false) => true,
        (false, _) => false,
        (true, true) => a.1 > b.1 + 1e-9 || ((a.1 - b.1).abs() < 1e-9 && a.0 > b.0),
    }
}

/// How the first 100 rows split with this delimiter: the most common
/// number of columns, the share of rows that have it, and the rows read.
/// The last row of a cut-off head is left out.
fn consistency(head: &str, delimiter: u8, quote: u8, truncated: bool) -> (usize, f64, usize) {
    let mut counts: Vec<usize> = reader(head, delimiter, quote)
        .records()
        .take(101)
        .map_while(Result::ok)
        .map(|r| r.len())
        .collect();
    if truncated || counts.len() > 100 {
        counts.pop();
    }
    if counts.is_empty() {
        return (0, 0.0, 0);
    }
    let mut tally = std::collections::BTreeMap::new();
    for &c in &counts {
        *tally.entry(c).or_insert(0usize) += 1;
    }
    let (&columns, &n) = tally.iter().max_by_key(|(c, n)| (**n, **c)).unwrap();
    (columns, n as f64 / counts.len() as f64, counts.len())
}

/// `'` when it sits at the edges of fields (after a line start or a
/// delimiter, before one or a line end) more often than `"`; else `"`.
fn sniff_quote(head: &str) -> u8 {
    let edges = |q: u8| {
        let b = head.as_bytes();
        let is_edge =
            |c: Option<&u8>| matches!(c, None | Some(b'\n' | b'\r' | b',' | b';' | b'\t' | b'|'));
        (0..b.len())
            .filter(|&i| b[i] == q)
            .filter(|&i| is_edge(i.checked_sub(1).and_then(|j| b.get(j))) || is_edge(b.get(i + 1)))
            .count()
    };
    if edges(b'\'') > edges(b'"') {
        b'\''
    } else {
        b'"'
    }
}

/// Which column fills which field, and how that was decided.
#[derive(Debug, Default)]
struct Columns {
    /// Column index per field, in [`Field::ALL`] order.
    at: [Option<usize>; 7],
    /// Columns guessed from their values rather than named by a header.
    guessed: bool,
}

impl Columns {
    fn get(&self, f: Field) -> Option<usize> {
        self.at[Field::ALL.iter().position(|x| *x == f).unwrap()]
    }

    fn set(&mut self, f: Field, col: usize) {
        self.at[Field::ALL.iter().position(|x| *x == f).unwrap()] = Some(col);
    }

    fn used(&self, col: usize) -> bool {
        self.at.contains(&Some(col))
    }

    /// One row to a draft; `None` when it has neither title nor body.
    fn draft(&self, row: &StringRecord, line: u64) -> Option<Draft> {
        let cell = |f: Field| {
            self.get(f)
                .and_then(|c| row.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let title = cell(Field::Title).map(|t| paragraphs(t).replace("\n\n", " "));
        let body = cell(Field::Body).map(paragraphs).unwrap_or_default();
        if is_empty_record(title.as_deref(), &body) {
            return None;
        }
        let date = cell(Field::Date).and_then(date_text);
        Some(Draft {
            title,
            body,
            date: date.map(|d| d.instant),
            utc_offset: date.and_then(|d| d.utc_offset),
            byline: cell(Field::Byline).and_then(byline_text),
            url: cell(Field::Url)
                .filter(|u| looks_like_url(u))
                .map(str::to_string),
            source: cell(Field::Source).map(str::to_string),
            section: cell(Field::Section).map(str::to_string),
            line,
            ..Draft::default()
        })
    }

    /// The note saying where each field came from.
    fn note(&self, header: bool, first: &StringRecord) -> String {
        let name = |c: usize| match (header, first.get(c)) {
            (true, Some(h)) => format!("\"{}\"", h.trim()),
            _ => format!("column {}", c + 1),
        };
        let mut parts: Vec<String> = Field::ALL
            .iter()
            .filter_map(|&f| {
                self.get(f)
                    .map(|c| format!("{} from {}", f.name(), name(c)))
            })
            .collect();
        if parts.is_empty() {
            parts.push("no column holds article text".to_string());
        }
        let lead = match (header, self.guessed) {
            (false, _) => "no header row",
            (true, false) => "header row",
            (true, true) => "header row names no text column, guessed",
        };
        let unread: Vec<String> = (0..first.len())
            .filter(|&c| header && !self.used(c))
            .map(name)
            .collect();
        let mut note = format!("{lead}: {}", parts.join(", "));
        if !unread.is_empty() {
            note.push_str(&format!("; not read: {}", unread.join(", ")));
        }
        note
    }
}

/// The columns a header row names, or `None` when the first row is not a
/// header: one of its cells is long, or none is a name [`Field::of`] knows.
/// A header naming neither a title nor a body column gets those guessed.
fn header_columns(first: &StringRecord) -> Option<Columns> {
    if first
        .iter()
        .any(|c| c.trim().chars().count() > MAX_HEADER_CELL)
    {
        return None;
    }
    let mut best: [Option<(usize, usize)>; 7] = [None; 7];
    for (col, cell) in first.iter().enumerate() {
        if let Some((f, rank)) = Field::of(cell) {
            let slot = &mut best[Field::ALL.iter().position(|x| *x == f).unwrap()];
            if slot.is_none_or(|(r, _)| rank < r) {
                *slot = Some((rank, col));
            }
        }
    }
    let mut columns = Columns::default();
    for (f, slot) in Field::ALL.iter().zip(best) {
        if let Some((_, col)) = slot {
            columns.set(*f, col);
        }
    }
    columns.at.iter().any(Option::is_some).then_some(columns)
}

/// What the first rows' values say about one column.
#[derive(Debug, Default, Clone)]
struct Stats {
    filled: usize,
    chars: usize,
    distinct: usize,
    dates: usize,
    urls: usize,
    spaced: usize,
    numbers: usize,
}

fn column_stats(rows: &[(u64, StringRecord)], col: usize) -> Stats {
    let mut seen = std::collections::HashSet::new();
    let mut s = Stats::default();
    for (_, row) in rows.iter().take(GUESS_ROWS) {
        let Some(v) = row.get(col).map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        s.filled += 1;
        s.chars += v.chars().count();
        s.distinct += usize::from(seen.insert(v));
        s.dates += usize::from(date_text(v).is_some());
        s.urls += usize::from(looks_like_url(v));
        s.spaced += usize::from(v.contains(' '));
        s.numbers += usize::from(v.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    }
    s
}

/// Columns guessed from the values of a file without a header row.
fn guess_columns(rows: &[(u64, StringRecord)]) -> Columns {
    let width = rows
        .iter()
        .take(GUESS_ROWS)
        .map(|(_, r)| r.len())
        .max()
        .unwrap_or(0);
    let stats: Vec<Stats> = (0..width).map(|c| column_stats(rows, c)).collect();
    let mean = |s: &Stats| s.chars as f64 / s.filled.max(1) as f64;
    let most = |n: usize, s: &Stats| s.filled > 0 && n * 10 >= s.filled * 9;
    let mut columns = Columns {
        guessed: true,
        ..Columns::default()
    };
    let body = (0..width).max_by(|&a, &b| mean(&stats[a]).total_cmp(&mean(&stats[b])));
    if let Some(body) = body.filter(|&b| stats[b].filled > 0) {
        columns.set(Field::Body, body);
    }
    let free = |columns: &Columns, c: usize| !columns.used(c);
    let pick = |columns: &Columns, ok: &dyn Fn(&Stats) -> bool| {
        (0..width).find(|&c| free(columns, c) && ok(&stats[c]))
    };
    if let Some(c) = pick(&columns, &|s| most(s.urls, s)) {
        columns.set(Field::Url, c);
    }
    if let Some(c) = pick(&columns, &|s| most(s.dates, s) && s.numbers < s.filled) {
        columns.set(Field::Date, c);
    }
    // A short label that repeats: a handful of values over many rows.
    let section = |s: &Stats| {
        s.filled >= 2 && mean(s) <= 40.0 && s.numbers < s.filled && s.distinct * 2 <= s.filled
    };
    if let Some(c) = pick(&columns, &section) {
        columns.set(Field::Section, c);
    }
    // A headline: short text of several words, (nearly) never repeated.
    let body_mean = columns.get(Field::Body).map_or(0.0, |b| mean(&stats[b]));
    let title = |s: &Stats| {
        most(s.spaced, s) && most(s.distinct, s) && mean(s) >= 10.0 && mean(s) * 3.0 < body_mean
    };
    if let Some(c) = pick(&columns, &title) {
        columns.set(Field::Title, c);
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(p: &ParsedFile) -> Vec<&str> {
        p.drafts.iter().filter_map(|d| d.title.as_deref()).collect()
    }

    #[test]
    fn header_row_maps_columns_like_json_keys() {
        let text = "id,Headline,published,author,text,link,category,bias\n\
            1,Mayor wins,2016-05-03,By Ann Lee,\"First, with a comma.\nSecond line.\",https://example.com/a,politics,0\n\
            2,\"Council \"\"cuts\"\" budget\",,,Body two,,local,1\n\
            3,,,,,,,2\n";
        let p = parse(text).unwrap();
        assert_eq!(titles(&p), ["Mayor wins", "Council \"cuts\" budget"]);
        let d = &p.drafts[0];
        assert_eq!(d.line, 2);
        assert_eq!(d.body, "First, with a comma.\n\nSecond line.");
        assert_eq!(d.date.unwrap().format("%F").to_string(), "2016-05-03");
        assert_eq!(d.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(d.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(d.section.as_deref(), Some("politics"));
        assert_eq!(p.drafts[1].line, 4);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 5);
        assert_eq!(p.notes[0], "sniffed: `,`-separated, `\"` quotes");
        assert_eq!(
            p.notes[1],
            "header row: title from \"Headline\", body from \"text\", date from \"published\", \
             byline from \"author\", url from \"link\", section from \"category\"; \
             not read: \"id\", \"bias\""
        );
    }

    #[test]
    fn the_best_named_column_wins() {
        let text = "title\tcontent\tcontent_original\nA\ttok .\tThe text.\n";
        let p = parse(text).unwrap();
        assert_eq!(p.drafts[0].body, "The text.");
        assert!(p.notes[0].contains("tab-separated"), "{:?}", p.notes);
        // Windows line ends.
        let p = parse("title,text\r\nA,a\r\nB,b\r\n").unwrap();
        let lines: Vec<u64> = p.drafts.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3]);
    }

    /// 10kGNAD's layout: `label;text`, `'` quotes, some rows unquoted, no
    /// header.
    #[test]
    fn no_header_body_from_the_longest_column_section_from_a_repeated_one() {
        let body =
            |s: &str| format!("{s} – Die Gewerkschaft sieht Handlungsbedarf; sagt sie, \"oft\".");
        let text = format!(
            "Wirtschaft;'{}'\nSport;{}\nWirtschaft;'{}'\nSport;'It''s {}'\n",
            body("Eins"),
            body("Zwei").replace(';', ","),
            body("Drei"),
            body("Vier")
        );
        let p = parse(&text).unwrap();
        assert_eq!(p.drafts.len(), 4);
        assert_eq!(p.notes[0], "sniffed: `;`-separated, `'` quotes");
        assert_eq!(
            p.notes[1],
            "no header row: body from column 2, section from column 1"
        );
        let d = &p.drafts[3];
        assert_eq!(d.section.as_deref(), Some("Sport"));
        assert!(d.body.starts_with("It's Vier – Die"), "{}", d.body);
        assert_eq!(d.title, None);
        assert_eq!(d.line, 4);
    }

    #[test]
    fn no_header_with_url_date_and_headline_columns() {
        let rows = [
            (
                "https://ex.com/1",
                "2020-01-02",
                "Flood warning issued today",
                "world",
            ),
            (
                "https://ex.com/2",
                "2020-01-03",
                "Council approves the budget",
                "local",
            ),
            (
                "https://ex.com/3",
                "2020-01-04",
                "Storm closes the coast road",
                "world",
            ),
            (
                "https://ex.com/4",
                "2020-01-05",
                "Mayor opens the new bridge",
                "local",
            ),
        ];
        let text: String = rows
            .iter()
            .map(|(u, d, t, s)| format!("{u}|{d}|{t}|{s}|{t}. {}\n", "Long text here. ".repeat(8)))
            .collect();
        let p = parse(&text).unwrap();
        assert_eq!(
            p.notes[1],
            "no header row: title from column 3, body from column 5, date from column 2, \
             url from column 1, section from column 4"
        );
        assert_eq!(titles(&p)[1], "Council approves the budget");
    }

    #[test]
    fn quote_and_delimiter_sniffing() {
        assert_eq!(sniff("a,b,c\n1,2,3\n"), (b',', b'"'));
        assert_eq!(sniff("a;b\n'x;y';2\n"), (b';', b'\''));
        // Commas inside unquoted tab-separated text do not win.
        assert_eq!(sniff("t\tx, y, z\nu\tv, w\n"), (b'\t', b'"'));
        assert_eq!(sniff("one column\nonly\n"), (b',', b'"'));
        assert!(parse("").is_err());
    }

    /// 10kGNAD's test set: 1,028 articles of DER STANDARD in 9 sections,
    /// read through `parse_file` as `index` reads it.
    #[test]
    fn real_10kgnad_csv() {
        let rel = "corpora/languages/de-10kgnad/test.csv";
        let Some((format, p)) = crate::testdata::parse_shared(rel) else {
            return;
        };
        assert_eq!(format, crate::ingest::Format::Csv);
        assert_eq!(p.drafts.len(), 1028);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(
            p.notes,
            [
                "sniffed: `;`-separated, `'` quotes",
                "no header row: body from column 2, section from column 1"
            ]
        );
        let mut sections = std::collections::BTreeMap::new();
        for d in &p.drafts {
            *sections.entry(d.section.clone().unwrap()).or_insert(0) += 1;
        }
        let want = [
            ("Etat", 67),
            ("Inland", 102),
            ("International", 151),
            ("Kultur", 54),
            ("Panorama", 168),
            ("Sport", 120),
            ("Web", 168),
            ("Wirtschaft", 141),
            ("Wissenschaft", 57),
        ];
        let got: Vec<(&str, i32)> = sections.iter().map(|(s, n)| (s.as_str(), *n)).collect();
        assert_eq!(got, want);
        let d = &p.drafts[0];
        assert_eq!(d.line, 1);
        assert!(d
            .body
            .starts_with("Die Gewerkschaft GPA-djp lanciert den \"All-in-Rechner\""));
        assert_eq!(p.drafts[1027].line, 1028);
    }
}
