//! `campaign`: a fast bilingual static-site generator for public information campaigns.
//!
//! Parses the command line, picks the language of campaign's own messages and runs the
//! command ([`campaign::commands`]), whose exit code it returns.

use campaign::cli::Cli;
use campaign::commands;
use campaign::messages::Lang;
use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system's allocator (not on Windows): faster for the many small
/// strings of a build (issue 21; measured in bench/results.md).
#[cfg(not(windows))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_env_or_system(|k| std::env::var(k).ok(), system_locale));
    commands::run(cli.command, lang)
}

/// The system's language on Windows and macOS (their settings, not environment variables).
#[cfg(any(windows, target_os = "macos"))]
fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// Elsewhere the environment variables are the system's language.
#[cfg(not(any(windows, target_os = "macos")))]
fn system_locale() -> Option<String> {
    None
}
