//! `newsdex index` and `newsdex rebuild`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Context, Outcome};
use crate::cli::WriteArgs;
use newsdex::index::{self, Options, Progress};

/// The library's progress reports drawn as an indicatif bar: the bar in
/// bytes (so that one large web archive moves it as it is read), the
/// files handled in its message.
struct Bar {
    bar: ProgressBar,
    /// "indexing" or "rebuilding".
    verb: &'static str,
    files: AtomicU64,
    files_total: AtomicU64,
}

impl Bar {
    fn show_files(&self) {
        self.bar.set_message(format!(
            "{} {}/{} files",
            self.verb,
            self.files.load(Ordering::Relaxed),
            self.files_total.load(Ordering::Relaxed)
        ));
    }
}

impl Progress for Bar {
    fn start(&self, files: u64, bytes: u64) {
        self.files_total.store(files, Ordering::Relaxed);
        self.bar.set_length(bytes);
        self.show_files();
    }
    fn advance(&self, files: u64, bytes: u64) {
        self.bar.inc(bytes);
        if files > 0 {
            self.files.fetch_add(files, Ordering::Relaxed);
            self.show_files();
        }
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
    fn stop_requested(&self) -> bool {
        STOP.load(Ordering::Relaxed)
    }
}

/// Set by the first Ctrl-C.
static STOP: AtomicBool = AtomicBool::new(false);

/// The first Ctrl-C asks the run to stop and commit what it has; a second
/// one quits at once (what was committed before stays, as after a crash).
fn stop_on_ctrl_c(rebuild: bool) {
    let _ = ctrlc::set_handler(move || {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        if rebuild {
            eprintln!(
                "\nnewsdex: stopping: the old index stays as it is (Ctrl-C again to quit now)"
            );
        } else {
            eprintln!(
                "\nnewsdex: stopping: committing what is indexed so far (Ctrl-C again to quit now)"
            );
        }
    });
}

/// Runs an index update (or a rebuild) and prints its summary.
pub fn run(
    ctx: &Context,
    dirs: &[PathBuf],
    args: &WriteArgs,
    language: Option<String>,
    rebuild: bool,
) -> Result<Outcome> {
    let opts = Options {
        memory_bytes: (args.memory as usize) << 20,
        max_file_size: args.max_file_size << 20,
        prune: args.prune,
        language,
    };
    let bar = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(0).with_style(
            ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {bytes}/{total_bytes} ({eta} left)",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    };
    let progress = Bar {
        bar,
        verb: if rebuild { "rebuilding" } else { "indexing" },
        files: AtomicU64::new(0),
        files_total: AtomicU64::new(0),
    };
    progress.show_files();
    stop_on_ctrl_c(rebuild);
    let report = if rebuild {
        index::rebuild(&ctx.store, &opts, &progress)?
    } else {
        index::update(&ctx.store, dirs, &opts, &progress)?
    };
    let verb = if rebuild { "rebuilt" } else { "indexed" };
    ctx.out.report(&report, verb, args.quiet, args.verbose)?;
    if report.interrupted {
        return Ok(Outcome::Interrupted);
    }
    if args.strict && !report.skipped.is_empty() {
        ctx.out.notice(format_args!(
            "error: {} file(s) or record(s) skipped and --strict was given",
            report.skipped.len()
        ));
        return Ok(Outcome::Failed);
    }
    Ok(Outcome::Success)
}
