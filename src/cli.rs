//! Command-line arguments (clap derive types only). Checking and turning
//! them into typed settings happens in `crate::commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Full-text search for news archives: index a folder of articles, then
/// search it with ranked snippets.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, about, max_term_width = 100)]
pub struct Cli {
    /// Index directory [default: $NEWSDEX_INDEX, else ./.newsdex]
    #[arg(long, global = true, value_name = "DIR", env = "NEWSDEX_INDEX")]
    pub index: Option<PathBuf>,

    /// Print machine-readable JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// When to use colour (also honours NO_COLOR)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// What to do
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and NO_COLOR is unset
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index article files under DIRs (only new and changed files are read)
    Index(IndexArgs),
    /// Search the index and print ranked matches with snippets
    Search(SearchArgs),
    /// Re-read every recorded source folder into a fresh index, then swap it in
    Rebuild(WriteArgs),
    /// Show figures about the index
    Stats,
    /// Show one stored article in full, by id or source path
    Show(ShowArgs),
    /// Print stored articles as JSON Lines (all, or those a query and
    /// filters match)
    Export(ExportArgs),
    /// List the people most mentioned in the archive, or in the articles a
    /// query matches (who appears alongside whom)
    People(PeopleArgs),
    /// List the sources (publications) with most articles, in the archive
    /// or among those a query matches
    Sources(PeopleArgs),
    /// List the bylines with most articles, in the archive or among those
    /// a query matches
    Bylines(PeopleArgs),
    /// Count the articles a query matches per month (or week, year)
    Timeline(TimelineArgs),
    /// List the stories the archive holds more than one copy of (exact
    /// and near copies), largest first, so the copies can be cleaned up
    Duplicates(DuplicatesArgs),
    /// Serve a search page and a JSON API over HTTP (loopback by default)
    Serve(ServeArgs),
    /// Print a shell completion script (e.g. `newsdex completions bash >
    /// ~/.local/share/bash-completion/completions/newsdex`)
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `newsdex man | man -l -`
    Man,
}

/// `newsdex duplicates`.
#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    /// Only list copies at least this similar to the story's first article
    /// (0 to 1; 1 lists exact copies only)
    #[arg(long, value_name = "S", default_value_t = 0.0, value_parser = similarity)]
    pub min_similarity: f32,

    /// Number of stories to list
    #[arg(long, short = 'n', value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
}

/// A similarity between 0 and 1.
fn similarity(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        Ok(_) => Err("must be between 0 and 1, e.g. 0.8".to_string()),
        Err(e) => Err(format!("{e}: give a number between 0 and 1, e.g. 0.8")),
    }
}

/// `newsdex completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The query syntax, for `search --help`.
const SYNTAX: &str = "\
Query syntax:
  corbyn housing            every word (AND is implied; `corbyn AND housing` too)
  corbyn OR khan            either word
  blair -brown              not brown (NOT brown); quote a query starting with -
  \"door to door\"            the exact phrase; \"corbyn khan\"~10 within 10 words
  camp*  corbin~1           prefix; within one edit (~2 for two)
  title:budget body:tax     a word in the headline / the text
  section:politics          a section; also source:, byline:
  person:\"Tony Blair\"       articles naming him, also as \"Mr Blair\"
  date:2016-05  date:[2016-01 TO 2016-03]
  (a OR b) AND c            grouping

Examples:
  newsdex search '\"door to door\"'
  newsdex search --person \"Sadiq Khan\" --since 2016 mayor
  newsdex search --section politics --sort newest budget
  newsdex search --csv economy > economy.csv";

/// The formats, for `index --help`.
const FORMATS: &str = "\
Formats (chosen by extension, checked against the content):
  .txt .text       plain text: headline on the first line; dateline, byline;
                   or a header block (Title:, Date:, Byline:, Source: ...);
                   HTML or JSON saved as .txt is read as such
  .html .htm       article pages: metadata from meta tags and JSON-LD, the
                   body by readability-style scoring
  .json            an article object, an array, or an object wrapping one
  .jsonl .ndjson   JSON Lines, one article a line
  .sgm .sgml       Reuters-21578 SGML, many articles a file
  .gz .zst         any of the above, compressed
Text in UTF-8, UTF-16 with a BOM, or Windows-1252 is decoded. README,
LICENSE, COPYING and other project files are passed over unless they are
articles (--verbose lists every file passed over). Re-running only reads
new and changed files; deleted files lose their articles.";

/// `newsdex serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Only this machine can connect by default;
    /// give e.g. 0.0.0.0:7878 to let the newsroom's network in, or port 0
    /// for any free port
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:7878")]
    pub addr: std::net::SocketAddr,

    /// Let pages from this one origin call the API (sends CORS headers),
    /// e.g. https://desk.example.org
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,

    /// Longest a request may take before it is answered with an error
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,

    /// Do not log requests on stderr
    #[arg(long, short)]
    pub quiet: bool,
}

/// Filters every command that selects articles takes (`search`, `people`,
/// `sources`, `bylines`, `timeline`, `export`).
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only articles that mention this person, e.g. "Sadiq Khan" (repeat
    /// for several; mentions such as "Mr Khan" count and are marked)
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,

    /// Only articles dated on or after DATE (e.g. 2016-05-01)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only articles dated on or before DATE (the whole day counts)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only articles in this section (repeat for several)
    #[arg(long, value_name = "NAME")]
    pub section: Vec<String>,

    /// Only articles in this language: a code or name such as de, ja,
    /// German (repeat for several)
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub lang: Vec<String>,

    /// Show and count every copy of a story (by default a story the
    /// archive holds several copies of is shown and counted once)
    #[arg(long)]
    pub all_copies: bool,
}

impl FilterArgs {
    /// Whether any filter is given.
    pub fn any(&self) -> bool {
        !self.person.is_empty()
            || self.since.is_some()
            || self.until.is_some()
            || !self.section.is_empty()
            || !self.lang.is_empty()
    }
}

/// `newsdex people`, `sources` and `bylines`.
#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// Only count articles matching this query (default: all)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Number of values to list
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N", value_parser = at_least_one)]
    pub limit: usize,

    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// `newsdex export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only articles matching this query (default: all)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// `newsdex timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only count articles matching this query (default: all)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Width of each bar
    #[arg(long, value_enum, default_value_t = PeriodArg::Month)]
    pub by: PeriodArg,

    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Periods for `timeline --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// ISO weeks
    Week,
    /// Calendar months
    Month,
    /// Calendar years
    Year,
}

/// Options shared by `index` and `rebuild`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Memory budget in MB: tantivy's writer heap, and an eighth (at least
    /// 8 MB) for files being parsed and articles waiting to be indexed
    #[arg(long, value_name = "MB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(16..=65536))]
    pub memory: u64,

    /// Skip files larger than this many MB. Web archives (WARC, ARC, WET)
    /// and zip or tar archives are read as streams, whatever their size:
    /// for them the limit holds for each record or member
    #[arg(long, value_name = "MB", default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_file_size: u64,

    /// Forget recorded source folders that no longer exist, and their articles
    #[arg(long)]
    pub prune: bool,

    /// Exit with an error (status 2) if any file or record was skipped
    #[arg(long)]
    pub strict: bool,

    /// Print no progress bar or summary (errors are still printed)
    #[arg(long, short)]
    pub quiet: bool,

    /// List every file passed over (README, LICENSE, images ...) with the
    /// reason, not just the counts
    #[arg(long, short, conflicts_with = "quiet")]
    pub verbose: bool,
}

/// `newsdex index`.
#[derive(Debug, Args)]
#[command(after_help = FORMATS)]
pub struct IndexArgs {
    /// Folders (or files) of articles; none means every recorded folder
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// The language of every article in these folders (`de`, `German`,
    /// `ja` ...), over what the files say and what detection finds;
    /// recorded with the folders, so `rebuild` keeps it
    #[arg(long, value_name = "LANG", value_parser = parse_language, requires = "dirs")]
    pub lang: Option<String>,

    /// Options shared with `rebuild`.
    #[command(flatten)]
    pub write: WriteArgs,
}

/// `newsdex search`.
#[derive(Debug, Args)]
#[command(after_help = SYNTAX)]
pub struct SearchArgs {
    /// The query: words (all required), OR, -word, "phrase", field:value.
    /// Quote a query that starts with `-`, or put `--` before it
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N", value_parser = at_least_one)]
    pub limit: usize,

    /// Skip the first N hits (for paging)
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Length of each snippet passage in characters
    #[arg(long, default_value_t = 200, value_name = "N", value_parser = clap::value_parser!(u64).range(20..=5000))]
    pub snippet_chars: u64,

    /// Only articles with every word: never fall back to closest matches
    #[arg(long)]
    pub all_words: bool,

    /// Search the query as typed, never a spelling correction instead
    /// (quoting the query does the same)
    #[arg(long)]
    pub exact: bool,

    /// Passages per hit, best first (0: headlines only)
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=20))]
    pub snippets: u64,

    /// Print CSV for spreadsheets: rank, date, section, source, byline,
    /// title, id, path, url, snippet
    #[arg(long)]
    pub csv: bool,

    /// Order of hits
    #[arg(long, value_enum, default_value_t = SortBy::Relevance)]
    pub sort: SortBy,
}

/// Orders for `search --sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    /// Best match first (BM25, headline weighted)
    Relevance,
    /// Most recent first
    Newest,
    /// Oldest first
    Oldest,
    /// Best match first, with a boost for recent articles
    Recent,
}

/// `newsdex show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id (as search prints it), source file path, or PATH:LINE
    /// (the article of that file holding that line)
    #[arg(value_name = "ID|PATH")]
    pub key: String,
}

/// A count of 1 or more (`--limit 0` would show nothing and report
/// "no matches" for a query that has some).
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// `--lang`: a language name or code, as an ISO 639-1 code.
fn parse_language(s: &str) -> Result<String, String> {
    let code = newsdex::article::language_code(s);
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()) {
        Ok(code)
    } else {
        Err(format!(
            "`{s}` is not a language newsdex knows: give an ISO 639-1 code such as de, fr, ja"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn limits_are_at_least_one() {
        for args in [
            ["newsdex", "search", "--limit", "0", "economy"],
            ["newsdex", "people", "--limit", "0", "economy"],
        ] {
            let err = Cli::try_parse_from(args).unwrap_err().to_string();
            assert!(err.contains("must be at least 1"), "{err}");
        }
        assert!(Cli::try_parse_from(["newsdex", "search", "-n", "1", "economy"]).is_ok());
    }
}
