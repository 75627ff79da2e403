//! Text pasted from Word or decoded with the wrong encoding: bookmarks, tracked changes,
//! broken quotes and accents, runs of non-breaking spaces.

use super::PageLint;
use crate::diagnostics::{Diagnostic, line_col};
use crate::model::Page;
use crate::render::body::Rendered;

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

/// Warns about traces of Word and of wrong encodings, once per kind, where each first appears.
pub struct Pasted;

impl PageLint for Pasted {
    fn check(&self, p: &Page, _r: &Rendered, out: &mut Vec<Diagnostic>) {
        let body = p.body();
        for (start, kind) in artefacts(body) {
            let what = describe(kind);
            let (l, c) = line_col(body, start);
            out.push(
                Diagnostic::warning("pasted-text", format!("the text contains {what}"))
                    .in_file(&p.file)
                    .at(l + p.body_line - 1, c)
                    .with_source(&p.text)
                    .with_hint("this usually comes from pasting from Word: retype or delete it")
                    .tr("pasted-text", &[("kind", kind)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LEAD_BYTES, WORD_ARTEFACTS, artefacts, describe};

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
}
