//! Static files and theme assets, copied as they are (their camera data already removed).

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::write::Sink;

/// Copies `static/` and the theme's assets.
pub struct Statics;

impl Step for Statics {
    fn name(&self) -> &'static str {
        "static files"
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, _diags: &mut Vec<Diagnostic>) {
        for s in cx.src.statics.iter().chain(&cx.src.assets) {
            // Markdown beside static files is a video transcript, shown inside its page.
            if !s.out.ends_with(".md") {
                out.put_shared(s.out.clone(), s.bytes.clone());
            }
        }
    }
}
