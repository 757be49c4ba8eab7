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
    /// Print every stored article as JSON Lines
    Export,
    /// List the people most mentioned in the archive, or in the articles a
    /// query matches (who appears alongside whom)
    People(PeopleArgs),
    /// Count the articles a query matches per month (or week, year)
    Timeline(TimelineArgs),
    /// Serve a search page and a JSON API over HTTP (loopback by default)
    Serve(ServeArgs),
}

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

/// `newsdex people`.
#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// Only count articles matching this query (default: all)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Number of people to list
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N", value_parser = at_least_one)]
    pub limit: usize,
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
    /// Writer memory budget in MB
    #[arg(long, value_name = "MB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(16..=65536))]
    pub memory: u64,

    /// Skip files larger than this many MB
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
}

/// `newsdex index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders (or files) of articles; none means every recorded folder
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// Options shared with `rebuild`.
    #[command(flatten)]
    pub write: WriteArgs,
}

/// `newsdex search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words (all required), OR, -word, "phrase", field:value.
    /// Quote a query that starts with `-`, or put `--` before it
    #[arg(value_name = "QUERY", required_unless_present = "person", num_args = 1..)]
    pub query: Vec<String>,

    /// Only articles that mention this person, e.g. "Sadiq Khan" (repeat
    /// for several; mentions such as "Mr Khan" count and are marked)
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,

    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N", value_parser = at_least_one)]
    pub limit: usize,

    /// Skip the first N hits (for paging)
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Only articles dated on or after DATE (e.g. 2016-05-01)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only articles dated on or before DATE (the whole day counts)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only articles in this section (repeat for several)
    #[arg(long, value_name = "NAME")]
    pub section: Vec<String>,

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

    /// Passages per hit, best first
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=20))]
    pub snippets: u64,

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
    /// Article id (as printed by search) or source file path
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
