//! The `check` report: diagnostics grouped by file, the table of untranslated pages, the summary.

use crate::diagnostics;
use crate::messages::Messages;
use crate::pipeline::Build;
use std::fmt::Write as _;

/// The text report (diagnostics go to stderr, this to stdout).
pub fn summary_text(b: &Build, words: &Messages) -> String {
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
        let _ = writeln!(
            out,
            "{}",
            words.word("report-untranslated", &[], || {
                "Pages missing a translation:".into()
            })
        );
        let page = words.word("report-page", &[], || "page".into());
        let yes = words.word("report-yes", &[], || "yes".into());
        let _ = writeln!(
            out,
            "  {:<width$}  {}",
            page,
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
                .map(|(_, f)| format!("{:<3}", if f.is_some() { yes.as_str() } else { "—" }))
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
    let (es, ws, pages) = (e.to_string(), w.to_string(), langs.join(", "));
    let line = words.word(
        "report-summary",
        &[("errors", &es), ("warnings", &ws), ("pages", &pages)],
        || {
            format!(
                "{e} {}, {w} {}; pages: {pages}",
                if e == 1 { "error" } else { "errors" },
                if w == 1 { "warning" } else { "warnings" },
            )
        },
    );
    let _ = writeln!(out, "{line}");
    out
}
