//! `campaign`: a fast bilingual static-site generator for public information campaigns.
//!
//! Parses the command line, picks the language of campaign's own messages and runs the
//! command ([`campaign::commands`]), whose exit code it returns.

use campaign::cli::Cli;
use campaign::commands;
use campaign::messages::Lang;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()));
    commands::run(cli.command, lang)
}
