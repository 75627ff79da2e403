//! Content lints: problems that do not stop a build but should be fixed before publishing
//! (skipped heading levels, empty pages, text pasted from Word, Mtavruli capitals, http links).

use super::body::Rendered;
use crate::diagnostics::{Diagnostic, line_col};
use crate::model::{Kind, Page};

/// Traces that text was pasted from Word or passed through a wrong encoding: (pattern,
/// kind). The kind names the message in the catalogues (`pasted-text` in
/// `messages/ka.ftl`) and in [`describe`].
const WORD_ARTEFACTS: &[(&str, &str)] = &[
    ("[bookmark:", "bookmark"),
    ("_GoBack", "bookmark"),
    ("â€", "quotes"),
    ("Ã©", "accents"),
    ("Ã¡", "accents"),
    ("\u{FFFD}", "replacement"),
    ("\u{00A0}\u{00A0}", "nbsp"),
    ("{++", "tracked"),
    ("{--", "tracked"),
    ("[Deleted:", "tracked"),
    ("[Inserted:", "tracked"),
    ("[Comment", "comment"),
];

/// What a kind of artefact is, in English.
fn describe(kind: &str) -> &'static str {
    match kind {
        "bookmark" => "a Word bookmark marker",
        "quotes" => "broken quotation marks (text decoded with the wrong encoding)",
        "accents" => "broken accented letters (text decoded with the wrong encoding)",
        "replacement" => "a replacement character (text decoded with the wrong encoding)",
        "nbsp" => "a run of non-breaking spaces",
        "tracked" => "tracked-change marks",
        _ => "a Word comment",
    }
}

/// The first bytes of the patterns in [`WORD_ARTEFACTS`], in two groups of three for
/// `memchr3`: a page is scanned twice with SIMD for these bytes, and only the few places
/// found are compared with the patterns (Georgian text, three bytes a letter, has none of
/// them, so this is many times faster than comparing every pattern everywhere).
const LEAD_BYTES: [[u8; 3]; 2] = [[b'[', b'_', b'{'], [0xC2, 0xC3, 0xEF]];

/// Byte offset of the first Mtavruli capital (U+1C90–U+1CBF, UTF-8 `E1 B2 90`–`E1 B2 BF`).
fn first_mtavruli(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"\xE1\xB2")
        .find(|&i| bytes.get(i + 2).is_some_and(|b| (0x90..=0xBF).contains(b)))
}

/// The first place of each kind of Word artefact in `text`, in the order they appear:
/// (byte offset, kind).
fn artefacts(text: &str) -> Vec<(usize, &'static str)> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for [a, b, c] in LEAD_BYTES {
        for i in memchr::memchr3_iter(a, b, c, bytes) {
            let rest = &bytes[i..];
            for (pat, kind) in WORD_ARTEFACTS {
                if rest.starts_with(pat.as_bytes()) {
                    match found.iter_mut().find(|(_, k)| k == kind) {
                        Some(seen) => seen.0 = seen.0.min(i),
                        None => found.push((i, kind)),
                    }
                }
            }
        }
    }
    found.sort_unstable();
    found
}

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
                ))
                .tr(
                    "heading-skip",
                    &[
                        ("from", &prev.to_string()),
                        ("to", &h.level.to_string()),
                        ("use", &"#".repeat(prev as usize + 1)),
                    ],
                ),
            );
        }
        prev = h.level;
    }
    if p.kind == Kind::Page && body.trim().is_empty() {
        out.push(
            Diagnostic::warning("empty-page", "this page has no text")
                .in_file(&p.file)
                .with_hint("write the page's text under the front matter, or mark it `draft: true`")
                .tr("empty-page", &[]),
        );
    }
    for (start, kind) in artefacts(body) {
        let what = describe(kind);
        let (l, c) = at(start);
        out.push(
            Diagnostic::warning("pasted-text", format!("the text contains {what}"))
                .in_file(&p.file)
                .at(l, c)
                .with_source(&p.text)
                .with_hint("this usually comes from pasting from Word: retype or delete it")
                .tr("pasted-text", &[("kind", kind)]),
        );
    }
    let scan_mtavruli = |text: &str, base_line: usize, out: &mut Vec<Diagnostic>| {
        if let Some(i) = first_mtavruli(text) {
            let (l, c) = line_col(text, i);
            out.push(
                Diagnostic::warning("mtavruli", "the text is written in Mtavruli capitals (ᲐᲑᲒ)")
                    .in_file(&p.file)
                    .at(l + base_line - 1, c)
                    .with_source(&p.text)
                    .with_hint("write Georgian in ordinary letters (აბგ): capitals shout, and older phones show them as boxes")
                    .tr("mtavruli", &[]),
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
                .with_hint("use the https:// address if the site has one")
                .tr("http-link", &[("url", url)]),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{LEAD_BYTES, WORD_ARTEFACTS, artefacts, describe, first_mtavruli};

    #[test]
    fn every_kind_has_its_own_description() {
        let mut kinds: Vec<&str> = WORD_ARTEFACTS.iter().map(|(_, k)| *k).collect();
        kinds.dedup();
        let mut whats: Vec<&str> = kinds.iter().map(|k| describe(k)).collect();
        whats.sort_unstable();
        whats.dedup();
        assert_eq!(kinds.len(), whats.len());
    }

    #[test]
    fn every_artefact_pattern_starts_with_a_lead_byte() {
        for (pat, _) in WORD_ARTEFACTS {
            assert!(
                LEAD_BYTES.as_flattened().contains(&pat.as_bytes()[0]),
                "{pat}"
            );
        }
    }

    #[test]
    fn finds_each_kind_of_word_artefact_once() {
        let text = "a [bookmark: _GoBack] b _GoBack c â€œquotedâ€ Ã© \u{FFFD} \
                    x\u{00A0}\u{00A0}y {++added++} [Deleted: old] [Comment 1]";
        let kinds: Vec<&str> = artefacts(text)
            .into_iter()
            .map(|(_, k)| describe(k))
            .collect();
        assert_eq!(
            kinds,
            [
                "a Word bookmark marker",
                "broken quotation marks (text decoded with the wrong encoding)",
                "broken accented letters (text decoded with the wrong encoding)",
                "a replacement character (text decoded with the wrong encoding)",
                "a run of non-breaking spaces",
                "tracked-change marks",
                "a Word comment",
            ]
        );
        assert_eq!(artefacts(text)[0].0, 2);
        assert!(artefacts("plain text, ordinary quotes “ ” and a single\u{00A0}space").is_empty());
    }

    #[test]
    fn finds_the_first_mtavruli_capital_only() {
        assert_eq!(first_mtavruli("აბგ ǲ x"), None);
        assert_eq!(first_mtavruli("ab ᲐᲑ"), Some(3));
        assert_eq!(first_mtavruli("ᲿᲐ"), Some(0));
        // U+1CC0 (after the block) and U+1C8F are not Mtavruli.
        assert_eq!(first_mtavruli("\u{1CC0}\u{1C8F}"), None);
    }
}
