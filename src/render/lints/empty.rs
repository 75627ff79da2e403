//! A page with no text under its front matter.

use super::PageLint;
use crate::diagnostics::Diagnostic;
use crate::model::{Kind, Page};
use crate::render::body::Rendered;

/// Warns about a page (not a section or the home page) without text.
pub struct Empty;

impl PageLint for Empty {
    fn check(&self, p: &Page, _r: &Rendered, out: &mut Vec<Diagnostic>) {
        if p.kind == Kind::Page && p.body().trim().is_empty() {
            out.push(
                Diagnostic::warning("empty-page", "this page has no text")
                    .in_file(&p.file)
                    .with_hint(
                        "write the page's text under the front matter, or mark it `draft: true`",
                    )
                    .tr("empty-page", &[]),
            );
        }
    }
}
