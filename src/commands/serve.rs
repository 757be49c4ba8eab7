//! `newsdex serve`: the search page and JSON API on an address.

use anyhow::{anyhow, Result};

use super::{Context, Outcome};
use crate::cli::ServeArgs;
use crate::serve::{self, Config, Limits};

/// Serves the index until Ctrl-C.
pub fn run(ctx: &Context, args: &ServeArgs) -> Result<Outcome> {
    let cors = args
        .cors
        .as_deref()
        .map(|origin| {
            let ok = (origin.starts_with("http://") || origin.starts_with("https://"))
                && !origin.ends_with('/');
            origin
                .parse()
                .ok()
                .filter(|_| ok)
                .ok_or_else(|| {
                    anyhow!(
                        "invalid --cors value `{origin}`: give one origin such as https://desk.example.org (scheme and host, no path)"
                    )
                })
        })
        .transpose()?;
    let config = Config {
        addr: args.addr,
        cors,
        limits: Limits {
            timeout: std::time::Duration::from_secs(args.timeout),
            ..Limits::default()
        },
        log: !args.quiet,
    };
    let out = ctx.out;
    serve::run(ctx.store.clone(), config, |addr| {
        out.serving(ctx.store.path(), addr);
    })?;
    Ok(Outcome::Success)
}
