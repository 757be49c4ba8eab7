//! One module per subcommand, each with a `run` function. This is the glue
//! between the command line and the library: it checks arguments, calls the
//! library, and hands the data to `crate::output`.

mod duplicates;
mod export;
mod facets;
mod index;
mod search;
mod serve;
mod show;
mod stats;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;

use anyhow::anyhow;
use newsdex::dates::parse_period;
use newsdex::query::Criteria;

use crate::cli::{Cli, ColorWhen, Command, FilterArgs};
use crate::output::Output;
use newsdex::store::Store;

/// How a successful run ended, as grep reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found or done (exit 0).
    Success,
    /// A search found nothing (exit 1).
    NoMatch,
    /// The run completed but with problems `--strict` makes fatal (exit 2).
    Failed,
    /// Stopped by Ctrl-C after committing what was done (exit 130).
    Interrupted,
}

/// Settings every command shares, checked from the raw arguments.
pub struct Context {
    /// The index directory.
    pub store: Store,
    /// The form results are printed in.
    pub out: Output,
}

impl Context {
    fn from_cli(cli: &Cli) -> Context {
        let dir = cli
            .index
            .clone()
            .unwrap_or_else(|| PathBuf::from(".newsdex"));
        let color = match cli.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
        Context {
            store: Store::at(dir),
            out: if cli.json {
                Output::Json
            } else {
                Output::Text { color }
            },
        }
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    let ctx = Context::from_cli(&cli);
    let dir = ctx.store.path();
    if dir.exists() && !dir.is_dir() {
        return Err(anyhow!(
            "--index {} is a file, not an index folder: give a folder (it is made if missing)",
            dir.display()
        ));
    }
    match cli.command {
        Command::Index(args) => index::run(&ctx, &args.dirs, &args.write, args.lang.clone(), false),
        Command::Rebuild(args) => index::run(&ctx, &[], &args, None, true),
        Command::Search(args) => search::run(&ctx, &args),
        Command::Stats => stats::run(&ctx),
        Command::Show(args) => show::run(&ctx, &args.key),
        Command::Export(args) => export::run(&ctx, &args),
        Command::People(args) => facets::count(&ctx, &args, newsdex::facets::Facet::Person),
        Command::Sources(args) => facets::count(&ctx, &args, newsdex::facets::Facet::Source),
        Command::Bylines(args) => facets::count(&ctx, &args, newsdex::facets::Facet::Byline),
        Command::Timeline(args) => facets::timeline(&ctx, &args),
        Command::Duplicates(args) => duplicates::run(&ctx, &args),
        Command::Serve(args) => serve::run(&ctx, &args),
        Command::Completions(args) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut cmd, "newsdex", &mut std::io::stdout());
            Ok(Outcome::Success)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
            Ok(Outcome::Success)
        }
    }
}

/// The query words and filters of a command, checked: what to match.
pub fn criteria(words: &[String], filters: &FilterArgs) -> Result<Criteria> {
    let period = |flag: &str, value: &Option<String>| -> Result<Option<_>> {
        value
            .as_deref()
            .map(|v| {
                parse_period(v).ok_or_else(|| {
                    anyhow!(
                        "invalid {flag} value `{v}`: give a date like 2016-05-03, 3 May 2016, 2016-05, May 2016 or 2016"
                    )
                })
            })
            .transpose()
    };
    Ok(Criteria {
        query: words.join(" "),
        since: period("--since", &filters.since)?.map(|(start, _)| start),
        until: period("--until", &filters.until)?.map(|(_, end)| end),
        sections: filters.section.clone(),
        people: filters.person.clone(),
        languages: filters.lang.clone(),
        any_words: false,
        all_words: false,
        exact: false,
        all_copies: filters.all_copies,
    })
}
