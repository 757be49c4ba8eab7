//! `newsdex index` and `newsdex rebuild`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Context, Outcome};
use crate::cli::WriteArgs;
use crate::index::{self, Options};
use crate::output::Printer;

/// Runs an index update (or a rebuild) and prints its summary.
pub fn run(ctx: &Context, dirs: &[PathBuf], args: &WriteArgs, rebuild: bool) -> Result<Outcome> {
    let opts = Options {
        memory_bytes: (args.memory as usize) << 20,
        max_file_size: args.max_file_size << 20,
        prune: args.prune,
    };
    let progress = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(0).with_style(
            ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {pos}/{len} files ({eta} left)",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        bar.set_message(if rebuild { "rebuilding" } else { "indexing" });
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    };
    let report = if rebuild {
        index::rebuild(&ctx.store, &opts, &progress)?
    } else {
        index::update(&ctx.store, dirs, &opts, &progress)?
    };
    if ctx.json {
        let mut p = ctx.printer();
        p.json_line(&report)?;
        p.flush()?;
    } else if !args.quiet {
        let verb = if rebuild { "rebuilt" } else { "indexed" };
        Printer::new(std::io::stderr().lock(), false).report_text(&report, verb)?;
    }
    if args.strict && !report.skipped.is_empty() {
        eprintln!(
            "newsdex: error: {} file(s) or record(s) skipped and --strict was given",
            report.skipped.len()
        );
        return Ok(Outcome::Failed);
    }
    Ok(Outcome::Success)
}
