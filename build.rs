//! Links the `newsdex` binary as a fixed-address executable (not PIE).
//!
//! A position-independent executable is relocated by the dynamic loader
//! at every start: about 47,000 pointers in 900 KB of tables (trait
//! vtables, string tables), each page copied and written, which was a
//! quarter of a one-word search's page faults and about 0.4 ms of every
//! process. The code is still compiled position-independent; only the
//! link fixes its address, so nothing is relocated at start. Linux only
//! (other systems keep their default).

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
