//! Links to `http://` addresses: not secure, and often the site has an https one.

use super::PageLint;
use crate::diagnostics::Diagnostic;
use crate::model::Page;
use crate::render::body::Rendered;

/// Warns about each external `http://` link.
pub struct HttpLinks;

impl PageLint for HttpLinks {
    fn check(&self, p: &Page, r: &Rendered, out: &mut Vec<Diagnostic>) {
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
    }
}
