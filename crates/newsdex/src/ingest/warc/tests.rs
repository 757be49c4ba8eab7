//! Web archives made by hand: each record type, chunked bodies, gzip
//! per record and whole, ARC and WET, and damaged records between good
//! ones.

use super::*;
use crate::ingest::{parse_bytes, Format};
use std::io::Write;
use std::path::Path;

const PAGE: &str = "<html><head><title>Flood warning issued</title>\
    <meta property=\"article:published_time\" content=\"2016-05-03T10:04:00Z\"></head>\
    <body><article><p>The river rose overnight and the town council met at dawn.</p></article></body></html>";

/// A WARC record with the given type, URI, extra header lines and block.
fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2024-05-18T01:58:10Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\n{headers}\r\n{body}").into_bytes()
}

fn html_response(uri: &str) -> Vec<u8> {
    let block = http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", PAGE);
    record("response", uri, &block)
}

/// `data` as one gzip member.
pub(super) fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// Every record type, one article.
fn archive() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", "", b"software: test\r\n"),
        record(
            "request",
            "http://a.com/flood",
            b"GET /flood HTTP/1.1\r\n\r\n",
        ),
        html_response("<http://a.com/flood>"),
        record("metadata", "http://a.com/flood", b"fetchTimeMs: 12\r\n"),
        record("revisit", "http://a.com/flood", &http("200 OK", "", "")),
        record(
            "response",
            "http://a.com/old",
            &http("301 Moved", "Location: /\r\n", ""),
        ),
        record(
            "response",
            "http://a.com/gone",
            &http("404 Not Found", "Content-Type: text/html\r\n", PAGE),
        ),
        record(
            "response",
            "http://a.com/logo.png",
            &http("200 OK", "Content-Type: image/png\r\n", "\u{89}PNG"),
        ),
    ]
}

fn read_all(bytes: &[u8]) -> (Vec<Draft>, Vec<Problem>, Skipped) {
    let mut articles = Articles::new(bytes);
    let (mut drafts, mut problems) = (Vec::new(), Vec::new());
    for item in articles.by_ref() {
        match item {
            Ok(d) => drafts.push(d),
            Err(p) => problems.push(p),
        }
    }
    (drafts, problems, articles.skipped().clone())
}

#[test]
fn each_record_type_is_an_article_or_counted() {
    let bytes = archive().concat();
    let (drafts, problems, skipped) = read_all(&bytes);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(drafts.len(), 1);
    let d = &drafts[0];
    assert_eq!(d.title.as_deref(), Some("Flood warning issued"));
    assert_eq!(
        d.url.as_deref(),
        Some("http://a.com/flood"),
        "wget's <...> taken off"
    );
    assert_eq!(d.date.unwrap().to_rfc3339(), "2016-05-03T10:04:00+00:00");
    assert_eq!(d.crawled.unwrap().to_rfc3339(), "2024-05-18T01:58:10+00:00");
    assert!(d.body.contains("river rose overnight"));
    for kind in [
        "warcinfo",
        "request",
        "metadata",
        "revisit",
        "redirect",
        "error status",
        "not HTML",
    ] {
        assert_eq!(skipped.get(kind), 1, "{kind}: {skipped:?}");
    }
    assert_eq!(skipped.total(), 7);
}

#[test]
fn a_page_without_a_date_gets_none_not_the_crawl_date() {
    let page = "<html><head><title>Council meets</title></head><body><p>The council met.</p></body></html>";
    let block = http("200 OK", "Content-Type: text/html\r\n", page);
    let (drafts, _, _) = read_all(&record("response", "http://a.com/x", &block));
    assert_eq!(drafts[0].date, None);
    assert!(drafts[0].crawled.is_some());
    // The date in the target URI's path counts as the page's.
    let (drafts, _, _) = read_all(&record("response", "http://a.com/2019/04/28/x", &block));
    assert_eq!(
        drafts[0].date.unwrap().to_rfc3339(),
        "2019-04-28T00:00:00+00:00"
    );
}

#[test]
fn chunked_and_gzip_encoded_bodies() {
    let mut body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    let gz = gzip(PAGE.as_bytes());
    let (a, b) = gz.split_at(gz.len() / 2);
    for chunk in [a, b] {
        body.extend(format!("{:x}\r\n", chunk.len()).as_bytes());
        body.extend(chunk);
        body.extend(b"\r\n");
    }
    body.extend(b"0\r\n\r\n");
    let (drafts, problems, _) = read_all(&record("response", "http://a.com/c", &body));
    assert!(problems.is_empty());
    assert_eq!(drafts[0].title.as_deref(), Some("Flood warning issued"));
}

#[test]
fn gzip_per_record_and_whole_read_alike() {
    let records = archive();
    let plain = read_all(&records.concat());
    let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let whole = gzip(&records.concat());
    for bytes in [per_record, whole] {
        let got = read_all(&bytes);
        assert_eq!(got.0, plain.0);
        assert_eq!(got.2, plain.2);
    }
}

#[test]
fn a_damaged_record_keeps_the_ones_around_it() {
    let good = html_response("http://a.com/1");
    // A length too long runs into the next record; one too short leaves
    // bytes before it; a header with no length; a file cut short.
    let block = http("200 OK", "Content-Type: text/html\r\n", PAGE);
    let with_length = |n: usize| {
        let r = record("response", "http://a.com/x", &block);
        let s = String::from_utf8(r).unwrap();
        s.replace(
            &format!("Content-Length: {}", block.len()),
            &format!("Content-Length: {n}"),
        )
        .into_bytes()
    };
    let long = with_length(block.len() + 40);
    let short = with_length(block.len() - 2);
    let bad_header = b"WARC/1.0\r\nWARC-Type: response\r\n\r\n".to_vec();
    let cut = html_response("http://a.com/cut");
    let bytes = [
        &good[..],
        &long,
        &good,
        &short,
        &good,
        &bad_header,
        &good,
        &cut[..cut.len() - 30],
    ]
    .concat();
    let (drafts, problems, _) = read_all(&bytes);
    assert_eq!(drafts.len(), 4, "{problems:#?}");
    let offsets: Vec<u64> = problems.iter().map(|p| p.at.offset).collect();
    let starts = |n: usize| {
        [&good[..], &long, &good, &short, &good, &bad_header, &good][..n]
            .iter()
            .map(|r| r.len() as u64)
            .sum::<u64>()
    };
    assert_eq!(offsets, [starts(1), starts(3), starts(5), starts(7)]);
    assert!(
        problems[0].reason.contains("runs into the next record"),
        "{}",
        problems[0].reason
    );
    assert!(problems[1]
        .reason
        .contains("does not end where a record starts"));
    assert!(problems[2].reason.contains("no valid Content-Length"));
    assert!(problems[3].reason.contains("truncated"));
    assert!(problems[0]
        .reason
        .starts_with(&format!("WARC record at byte {}", starts(1))));
    // A length far too long reaches the end of the file, over the
    // records after it: they are given back.
    let bytes = [with_length(block.len() * 10), good.clone(), good.clone()].concat();
    let (drafts, problems, _) = read_all(&bytes);
    assert_eq!((drafts.len(), problems.len()), (2, 1), "{problems:#?}");
}

#[test]
fn a_corrupt_gzip_member_is_reported_at_its_offset() {
    let good = gzip(&html_response("http://a.com/1"));
    let mut bad = gzip(&html_response("http://a.com/2"));
    let n = bad.len();
    bad[20..n - 8].fill(0xaa);
    let bytes = [&good[..], &bad, &good].concat();
    let (drafts, problems, _) = read_all(&bytes);
    assert_eq!(drafts.len(), 2, "{problems:#?}");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].at.member, Some(good.len() as u64));
    assert!(
        problems[0].reason.contains("damaged gzip data"),
        "{}",
        problems[0].reason
    );
    // A file cut inside its last member keeps the records before it.
    let cut = [&good[..], &good[..good.len() / 2]].concat();
    let (drafts, problems, _) = read_all(&cut);
    assert_eq!((drafts.len(), problems.len()), (1, 1));
    // Cut inside the gzip trailer: the record itself is whole and kept;
    // the damage is still reported.
    let cut = [&good[..], &good[..good.len() - 4]].concat();
    let (drafts, problems, _) = read_all(&cut);
    assert_eq!((drafts.len(), problems.len()), (2, 1));
}

#[test]
fn arc_files() {
    let filedesc_block = "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n";
    let page = http("200 OK", "Content-Type: text/html\r\n", PAGE);
    let mut arc = format!(
        "filedesc://test.arc 0.0.0.0 20140216050221 text/plain {}\n{filedesc_block}\n",
        filedesc_block.len()
    )
    .into_bytes();
    arc.extend(
        format!(
            "http://a.com/x y 1.2.3.4 20140216050221 text/html {}\n",
            page.len()
        )
        .as_bytes(),
    );
    arc.extend(&page);
    arc.extend(b"\n");
    let (drafts, problems, skipped) = read_all(&arc);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(drafts[0].url.as_deref(), Some("http://a.com/x y"));
    assert_eq!(
        drafts[0].crawled.unwrap().to_rfc3339(),
        "2014-02-16T05:02:21+00:00"
    );
    assert_eq!(skipped.get("warcinfo"), 1);
    assert_eq!(drafts[0].line, 5);
}

#[test]
fn wet_conversion_records_are_plain_text() {
    let text = "Flood warning issued\nThe river rose overnight.\nThe council met at dawn.";
    let mut rec = record("conversion", "http://a.com/flood", text.as_bytes());
    rec.splice(10..10, *b"WARC-Identified-Content-Language: eng,fra\r\n");
    let (drafts, _, _) = read_all(&rec);
    let d = &drafts[0];
    assert_eq!(d.title.as_deref(), Some("Flood warning issued"));
    assert!(d.body.contains("council met at dawn"));
    assert_eq!(d.url.as_deref(), Some("http://a.com/flood"));
    assert_eq!(d.language.as_deref(), Some("eng"));
    assert_eq!(d.date, None);
}

#[test]
fn oversized_records_are_left_out() {
    let bytes = [
        html_response("http://a.com/1"),
        html_response("http://a.com/2"),
    ]
    .concat();
    let mut articles = Articles::new(&bytes[..]).max_block(100);
    assert_eq!(articles.by_ref().count(), 0);
    assert_eq!(articles.skipped().get("oversized"), 2);
}

#[test]
fn the_ingester_detects_and_reads_web_archives() {
    let p = Path::new;
    let bytes = archive().concat();
    for name in [
        "a.warc",
        "a.warc.gz",
        "a.arc",
        "a.arc.gz",
        "a.wet.gz",
        "a.warc.wat.gz",
    ] {
        assert_eq!(
            Format::from_extension(p(name)),
            Some(Format::Warc),
            "{name}"
        );
    }
    assert_eq!(Format::detect(p("crawl.txt"), &bytes), Some(Format::Warc));
    assert_eq!(
        Format::detect(p("crawl.txt"), &gzip(&bytes)),
        Some(Format::Warc)
    );
    assert_eq!(
        Format::detect(p("x.txt"), b"filedesc://x.arc 0.0.0.0 2014 text/plain 0\n"),
        Some(Format::Warc)
    );
    let parsed = parse_bytes(&gzip(&bytes), Format::Warc).unwrap();
    assert_eq!(parsed.drafts.len(), 1);
    assert!(parsed.skipped.contains(&("request".to_string(), 1)));
    // Metadata alone (a WAT file) is a web archive with no article.
    let wat = record("metadata", "http://a.com/", b"{}");
    assert!(parse_bytes(&wat, Format::Warc).unwrap().drafts.is_empty());
    assert!(parse_bytes(b"Headline\n\nBody", Format::Warc).is_err());
    assert_eq!(
        parse_bytes(b" \n", Format::Warc).unwrap_err(),
        "empty file (no text)"
    );
}
