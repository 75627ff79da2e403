//! Georgian written in Mtavruli capitals (ᲐᲑᲒ), in the front matter or the text: it shouts,
//! and older phones show it as boxes.

use super::PageLint;
use crate::diagnostics::{Diagnostic, line_col};
use crate::model::Page;
use crate::render::body::Rendered;

/// Byte offset of the first Mtavruli capital (U+1C90–U+1CBF, UTF-8 `E1 B2 90`–`E1 B2 BF`).
fn first_mtavruli(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"\xE1\xB2")
        .find(|&i| bytes.get(i + 2).is_some_and(|b| (0x90..=0xBF).contains(b)))
}

/// Warns about the first Mtavruli capital of the front matter and of the text.
pub struct Mtavruli;

impl PageLint for Mtavruli {
    fn check(&self, p: &Page, _r: &Rendered, out: &mut Vec<Diagnostic>) {
        let fm_end = p.body_start.min(p.text.len());
        scan(p, &p.text[..fm_end], 1, out);
        scan(p, p.body(), p.body_line, out);
    }
}

fn scan(p: &Page, text: &str, base_line: usize, out: &mut Vec<Diagnostic>) {
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
}

#[cfg(test)]
mod tests {
    use super::first_mtavruli;

    #[test]
    fn finds_the_first_mtavruli_capital_only() {
        assert_eq!(first_mtavruli("აბგ ǲ x"), None);
        assert_eq!(first_mtavruli("ab ᲐᲑ"), Some(3));
        assert_eq!(first_mtavruli("ᲿᲐ"), Some(0));
        // U+1CC0 (after the block) and U+1C8F are not Mtavruli.
        assert_eq!(first_mtavruli("\u{1CC0}\u{1C8F}"), None);
    }
}
