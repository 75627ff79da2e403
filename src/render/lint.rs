//! Content lints: problems that do not stop a build but should be fixed before publishing
//! (skipped heading levels, empty pages, text pasted from Word, Mtavruli capitals, http links).

use super::markdown::Rendered;
use crate::diagnostics::{Diagnostic, line_col};
use crate::model::{Kind, Page};

/// Traces that text was pasted from Word or passed through a wrong encoding.
const WORD_ARTEFACTS: &[(&str, &str)] = &[
    ("[bookmark:", "a Word bookmark marker"),
    ("_GoBack", "a Word bookmark marker"),
    (
        "â€",
        "broken quotation marks (text decoded with the wrong encoding)",
    ),
    (
        "Ã©",
        "broken accented letters (text decoded with the wrong encoding)",
    ),
    (
        "Ã¡",
        "broken accented letters (text decoded with the wrong encoding)",
    ),
    (
        "\u{FFFD}",
        "a replacement character (text decoded with the wrong encoding)",
    ),
    ("\u{00A0}\u{00A0}", "a run of non-breaking spaces"),
    ("{++", "tracked-change marks"),
    ("{--", "tracked-change marks"),
    ("[Deleted:", "tracked-change marks"),
    ("[Inserted:", "tracked-change marks"),
    ("[Comment", "a Word comment"),
];

/// Lint one page after its Markdown was rendered.
pub fn page(p: &Page, r: &Rendered) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let body = p.body();
    let at = |offset: usize| {
        let (l, c) = line_col(body, offset);
        (l + p.body_line - 1, c)
    };
    // Headings: the title is the page's <h1>; the body may only go one level deeper at a time.
    let mut prev = 1u8;
    for h in &r.headings {
        if h.level > prev + 1 {
            out.push(
                Diagnostic::warning(
                    "heading-skip",
                    format!("this heading skips from level {prev} to level {}", h.level),
                )
                .in_file(&p.file)
                .at_line(h.line)
                .with_source(&p.text)
                .with_hint(format!(
                    "use {} (screen-reader users navigate by heading levels)",
                    "#".repeat(prev as usize + 1)
                )),
            );
        }
        prev = h.level;
    }
    if p.kind == Kind::Page && body.trim().is_empty() {
        out.push(
            Diagnostic::warning("empty-page", "this page has no text")
                .in_file(&p.file)
                .with_hint(
                    "write the page's text under the front matter, or mark it `draft: true`",
                ),
        );
    }
    let mut said: Vec<&str> = Vec::new();
    for (pat, what) in WORD_ARTEFACTS {
        if said.contains(what) {
            continue;
        }
        if let Some(i) = body.find(pat) {
            said.push(what);
            let (l, c) = at(i);
            out.push(
                Diagnostic::warning("pasted-text", format!("the text contains {what}"))
                    .in_file(&p.file)
                    .at(l, c)
                    .with_source(&p.text)
                    .with_hint("this usually comes from pasting from Word: retype or delete it"),
            );
        }
    }
    let scan_mtavruli = |text: &str, base_line: usize, out: &mut Vec<Diagnostic>| {
        if let Some(i) = text.find(|c: char| ('\u{1C90}'..='\u{1CBF}').contains(&c)) {
            let (l, c) = line_col(text, i);
            out.push(
                Diagnostic::warning("mtavruli", "the text is written in Mtavruli capitals (ᲐᲑᲒ)")
                    .in_file(&p.file)
                    .at(l + base_line - 1, c)
                    .with_source(&p.text)
                    .with_hint("write Georgian in ordinary letters (აბგ): capitals shout, and older phones show them as boxes"),
            );
        }
    };
    let fm_end = p.body_start.min(p.text.len());
    scan_mtavruli(&p.text[..fm_end], 1, &mut out);
    scan_mtavruli(body, p.body_line, &mut out);
    for (url, line) in &r.external {
        if url.starts_with("http://") {
            out.push(
                Diagnostic::warning(
                    "http-link",
                    format!("the link `{url}` is not secure (http)"),
                )
                .in_file(&p.file)
                .at_line(*line)
                .with_source(&p.text)
                .with_hint("use the https:// address if the site has one"),
            );
        }
    }
    out
}
