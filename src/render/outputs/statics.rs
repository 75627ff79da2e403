//! Static files and theme assets, copied as they are (their camera data already removed);
//! stylesheets and scripts also under their content-hashed names.

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::render::assets::AssetNames;
use crate::write::Sink;

/// Copies `static/` and the theme's assets.
pub struct Statics;

impl Step for Statics {
    fn name(&self) -> &'static str {
        "static files"
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, _diags: &mut Vec<Diagnostic>) {
        let hashed = AssetNames::for_build(&cx.site.config, &cx.src.statics);
        for s in cx.src.statics.iter().chain(&cx.src.assets) {
            // Markdown beside static files is a video transcript, shown inside its page.
            if !s.out.ends_with(".md") {
                out.put_shared(s.out.clone(), s.bytes.clone());
            }
        }
        // Stylesheets and scripts also under their hashed names, which pages link.
        for s in &cx.src.statics {
            if let Some(name) = hashed.output_of(&s.out) {
                out.put_shared(name.to_string(), s.bytes.clone());
            }
        }
    }
}
