//! Heading levels: the title is the page's `<h1>`; the body may go only one level deeper at a
//! time (screen-reader users navigate by heading levels).

use super::PageLint;
use crate::diagnostics::Diagnostic;
use crate::model::Page;
use crate::render::body::Rendered;

/// Warns about each heading that skips a level.
pub struct Headings;

impl PageLint for Headings {
    fn check(&self, p: &Page, r: &Rendered, out: &mut Vec<Diagnostic>) {
        let mut prev = 1u8;
        for h in &r.headings {
            if h.level > prev + 1 {
                let use_ = "#".repeat(prev as usize + 1);
                out.push(
                    Diagnostic::warning(
                        "heading-skip",
                        format!("this heading skips from level {prev} to level {}", h.level),
                    )
                    .in_file(&p.file)
                    .at_line(h.line)
                    .with_source(&p.text)
                    .with_hint(format!(
                        "use {use_} (screen-reader users navigate by heading levels)"
                    ))
                    .tr(
                        "heading-skip",
                        &[
                            ("from", &prev.to_string()),
                            ("to", &h.level.to_string()),
                            ("use", &use_),
                        ],
                    ),
                );
            }
            prev = h.level;
        }
    }
}
