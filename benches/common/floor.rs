//! The floor: the minimal tantivy program of issue #6, which newsdex's
//! indexing and search are measured against.
//!
//! Indexing reads every `.txt` file under the corpus in one thread with a
//! trivial split (first line the title, the rest the body) and adds title
//! and body as stored text with tantivy's English stemming analyzer
//! (`en_stem`) and positions, as issue #26 defines the floor, with
//! tantivy's default writer threads and the given heap, one commit. Search
//! opens the index, runs the query over title and body (all words
//! required), and prints the top 10 with a body snippet each.

use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

/// Indexes the corpus into `out` (a new folder).
pub fn index(corpus: &Path, out: &Path, heap: usize) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let title = b.add_text_field("title", text.clone());
    let body = b.add_text_field("body", text);
    std::fs::create_dir_all(out).expect("create floor index folder");
    let index = Index::create_in_dir(out, b.build()).expect("create floor index");
    let mut writer: IndexWriter = index.writer(heap).expect("floor writer");
    let files = walkdir::WalkDir::new(corpus)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"));
    for entry in files {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let (t, rest) = text.split_once('\n').unwrap_or((&text, ""));
        writer
            .add_document(doc!(title => t, body => rest))
            .expect("add document");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merges");
}

/// Runs one query and prints the top 10 with snippets.
pub fn search(dir: &Path, query: &str) {
    let index = Index::open_in_dir(dir).expect("open floor index");
    let schema = index.schema();
    let title = schema.get_field("title").expect("title");
    let body = schema.get_field("body").expect("body");
    let reader = index.reader().expect("reader");
    let searcher = reader.searcher();
    let mut parser = QueryParser::for_index(&index, vec![title, body]);
    parser.set_conjunction_by_default();
    let query = parser.parse_query(query).expect("floor query parses");
    let top = searcher
        .search(&query, &TopDocs::with_limit(10).order_by_score())
        .expect("search");
    let mut snippets = SnippetGenerator::create(&searcher, &*query, body).expect("snippets");
    snippets.set_max_num_chars(200);
    let mut out = String::new();
    for (score, addr) in top {
        let d: TantivyDocument = searcher.doc(addr).expect("doc");
        let t = d.get_first(title).and_then(|v| v.as_str()).unwrap_or("");
        let s = snippets.snippet_from_doc(&d);
        out.push_str(&format!("{score:.2} {t}\n    {}\n", s.to_html()));
    }
    print!("{out}");
}
