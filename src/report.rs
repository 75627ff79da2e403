//! The `check` report: diagnostics grouped by file, the table of untranslated pages, the summary.

use crate::diagnostics;
use crate::messages::Messages;
use crate::model::outdated::Status;
use crate::pipeline::Build;
use std::fmt::Write as _;

/// The text report (diagnostics go to stderr, this to stdout): the untranslated pages,
/// then one summary line.
pub fn summary_text(b: &Build, words: &Messages) -> String {
    let mut out = untranslated_table(b, words);
    let _ = writeln!(out, "{}", summary_line(b, words));
    out
}

/// `check --translations`: every page × language (translated, missing, maybe out of date),
/// a count per language, then the summary line.
pub fn translations_text(b: &Build, words: &Messages) -> String {
    let t = &b.translations;
    let title = words.word("report-translations", &[], || {
        "Translations (✓ translated, — missing, ! may be out of date):".into()
    });
    let rows = t.rows.iter().map(|r| {
        (
            r.page.as_str(),
            r.statuses.iter().map(|s| mark(*s)).collect(),
        )
    });
    let mut out = table(&title, &t.langs, rows.collect(), words);
    for (i, lang) in t.langs.iter().enumerate() {
        let count = |want: Status| {
            t.rows
                .iter()
                .filter(|r| r.statuses.get(i) == Some(&want))
                .count()
                .to_string()
        };
        let (done, missing, old) = (
            count(Status::Translated),
            count(Status::Missing),
            count(Status::Outdated),
        );
        let line = words.word(
            "report-translations-count",
            &[
                ("code", lang),
                ("done", &done),
                ("missing", &missing),
                ("old", &old),
            ],
            || format!("{lang}: {done} translated, {missing} missing, {old} may be out of date"),
        );
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "{}", summary_line(b, words));
    out
}

/// A cell of the overview.
fn mark(s: Status) -> &'static str {
    match s {
        Status::Translated => "✓",
        Status::Missing => "—",
        Status::Outdated => "!",
    }
}

/// The table of pages missing a translation, one column per language (empty when none).
fn untranslated_table(b: &Build, words: &Messages) -> String {
    let rows = &b.untranslated;
    let Some((_, first)) = rows.first() else {
        return String::new();
    };
    let langs: Vec<String> = first.iter().map(|(l, _)| l.clone()).collect();
    let title = words.word("report-untranslated", &[], || {
        "Pages missing a translation:".into()
    });
    let yes = words.word("report-yes", &[], || "yes".into());
    let rows = rows
        .iter()
        .map(|(key, row)| {
            let cells = row
                .iter()
                .map(|(_, f)| if f.is_some() { yes.as_str() } else { "—" })
                .collect();
            (key.as_str(), cells)
        })
        .collect();
    table(&title, &langs, rows, words)
}

/// A title, then a page column and one column per language, a row per page.
fn table(title: &str, langs: &[String], rows: Vec<(&str, Vec<&str>)>, words: &Messages) -> String {
    let mut out = String::new();
    let width = rows
        .iter()
        .map(|(page, _)| page.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let page = words.word("report-page", &[], || "page".into());
    let heads: Vec<String> = langs.iter().map(|l| format!("{l:<3}")).collect();
    let _ = writeln!(out, "{title}");
    let _ = writeln!(out, "  {:<width$}  {}", page, heads.join(" ").trim_end());
    for (name, cells) in rows {
        let cells: Vec<String> = cells.iter().map(|c| format!("{c:<3}")).collect();
        let _ = writeln!(out, "  {:<width$}  {}", name, cells.join(" ").trim_end());
    }
    out
}

/// `0 errors, 2 warnings; pages: 22 ka, 22 en`.
fn summary_line(b: &Build, words: &Messages) -> String {
    let (e, w) = diagnostics::count(&b.diagnostics);
    let langs: Vec<String> = b
        .pages_per_lang
        .iter()
        .map(|(l, n)| format!("{n} {l}"))
        .collect();
    let (es, ws, pages) = (e.to_string(), w.to_string(), langs.join(", "));
    words.word(
        "report-summary",
        &[("errors", &es), ("warnings", &ws), ("pages", &pages)],
        || {
            format!(
                "{e} {}, {w} {}; pages: {pages}",
                if e == 1 { "error" } else { "errors" },
                if w == 1 { "warning" } else { "warnings" },
            )
        },
    )
}
