//! The `check` report: diagnostics grouped by file, the table of untranslated pages, the summary.

use crate::diagnostics;
use crate::pipeline::Build;
use std::fmt::Write as _;

/// The text report (diagnostics go to stderr, this to stdout).
pub fn summary_text(b: &Build) -> String {
    let mut out = String::new();
    if !b.untranslated.is_empty() {
        let langs: Vec<&str> = b.untranslated[0]
            .1
            .iter()
            .map(|(l, _)| l.as_str())
            .collect();
        let width = b
            .untranslated
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let _ = writeln!(out, "Pages missing a translation:");
        let _ = writeln!(
            out,
            "  {:<width$}  {}",
            "page",
            langs
                .iter()
                .map(|l| format!("{l:<3}"))
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end()
        );
        for (key, row) in &b.untranslated {
            let cells: Vec<String> = row
                .iter()
                .map(|(_, f)| format!("{:<3}", if f.is_some() { "yes" } else { "—" }))
                .collect();
            let _ = writeln!(out, "  {:<width$}  {}", key, cells.join(" ").trim_end());
        }
    }
    let (e, w) = diagnostics::count(&b.diagnostics);
    let langs: Vec<String> = b
        .pages_per_lang
        .iter()
        .map(|(l, n)| format!("{n} {l}"))
        .collect();
    let _ = writeln!(
        out,
        "{e} {}, {w} {}; pages: {}",
        if e == 1 { "error" } else { "errors" },
        if w == 1 { "warning" } else { "warnings" },
        langs.join(", ")
    );
    out
}
