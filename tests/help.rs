//! Help that teaches (`search --help`, `index --help`), shell completions
//! and the man page (issue #14).

use crate::util::{assert_status, stdout, Env};

/// Item 16: help that teaches, completions and a man page.
#[test]
fn help_completions_and_man_page() {
    let env = Env::empty();
    let help = stdout(&env.run(&["search", "--help"]));
    for want in [
        "Query syntax:",
        "\"door to door\"",
        "person:\"Tony Blair\"",
        "--csv",
    ] {
        assert!(help.contains(want), "{want} in {help}");
    }
    let help = stdout(&env.run(&["index", "--help"]));
    assert!(help.contains("Formats") && help.contains(".sgm"), "{help}");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = env.run(&["completions", shell]);
        assert_status(&out, 0);
        assert!(stdout(&out).contains("newsdex"), "{shell}");
        assert!(
            stdout(&out).contains("serve"),
            "{shell} completes subcommands"
        );
    }
    let out = env.run(&["completions", "tcsh"]);
    assert_status(&out, 2);
    let man = stdout(&env.run(&["man"]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH newsdex"),
        "{man}"
    );
    assert!(man.contains("search") && man.contains("serve"));
}
