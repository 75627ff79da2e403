//! Static files and theme assets, copied as they are (their camera data already removed);
//! stylesheets and scripts also under their content-hashed names.

use super::{Context, Step};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load::Sources;
use crate::render::assets::AssetNames;
use crate::write::Sink;
use std::sync::Arc;

/// Copies `static/` and the theme's assets.
pub struct Statics;

impl Step for Statics {
    fn name(&self) -> &'static str {
        "static files"
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, _diags: &mut Vec<Diagnostic>) {
        for (path, bytes) in files(&cx.site.config, cx.src) {
            out.put_shared(path, bytes);
        }
    }
}

/// The static files and theme assets by output path, stylesheets and scripts also under
/// their hashed names (which pages link).
pub fn files(config: &Config, src: &Sources) -> Vec<(String, Arc<Vec<u8>>)> {
    let hashed = AssetNames::for_build(config, &src.statics);
    let mut files = Vec::new();
    for s in src.statics.iter().chain(&src.assets) {
        // Markdown beside static files is a video transcript, shown inside its page.
        if !s.out.ends_with(".md") {
            files.push((s.out.clone(), s.bytes.clone()));
        }
    }
    for s in &src.statics {
        if let Some(name) = hashed.output_of(&s.out) {
            files.push((name.to_string(), s.bytes.clone()));
        }
    }
    files
}
