//! The `newsdex` binary: parse arguments, run, map the result to an exit
//! status (0 found/done, 1 nothing found, 2 error), as grep does.

use std::process::ExitCode;

mod cli;
mod commands;
mod hit_json;
mod hit_rows;
mod output;
mod serve;

use clap::Parser;
use cli::Cli;
use commands::Outcome;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NoMatch) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(err) => {
            // `newsdex search ... | head` closes the pipe early: not an error.
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdex: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
