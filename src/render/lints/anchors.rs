//! Links to anchors (`/page/#id`) that the target page does not have, from every page and
//! from the self-check's texts.

use super::{SiteFacts, SiteLint};
use crate::diagnostics::Diagnostic;
use crate::render::body::AnchorRef;
use std::collections::{HashMap, HashSet};

/// Errors for links to missing anchors.
pub struct Anchors;

impl SiteLint for Anchors {
    fn check(&self, cx: &SiteFacts<'_>, out: &mut Vec<Diagnostic>) {
        let site = cx.site;
        // The anchors of the pages that links point into, only (few, on most sites): a
        // table of every page's anchors would cost `serve` most of an edit on a large site.
        let wanted: HashSet<&str> = cx
            .pages
            .iter()
            .flat_map(|f| &f.anchors)
            .chain(cx.check_anchors)
            .map(|a| a.url.as_str())
            .collect();
        let ids: HashMap<&str, HashSet<&str>> = match wanted.is_empty() {
            true => HashMap::new(),
            false => site
                .pages
                .iter()
                .zip(&cx.pages)
                .filter(|(p, _)| wanted.contains(p.url.as_str()))
                .map(|(p, f)| (p.url.as_str(), f.ids.iter().map(String::as_str).collect()))
                .collect(),
        };
        for (p, f) in site.pages.iter().zip(&cx.pages) {
            // The whole text (for the source line) is read again only for a page in error.
            let text = || p.whole().map(|w| w.text.clone()).unwrap_or(p.text.clone());
            anchor_errors(&f.anchors, &ids, &p.file, text, out);
        }
        if let Some(tf) = site.data.get(crate::model::selfcheck::flow::FILE) {
            anchor_errors(cx.check_anchors, &ids, &tf.file, || tf.text.clone(), out);
        }
    }
}

/// Error messages for links to anchors (`/page/#id`) that the target page does not have.
fn anchor_errors(
    anchors: &[AnchorRef],
    ids: &HashMap<&str, HashSet<&str>>,
    file: &str,
    text: impl Fn() -> std::sync::Arc<str>,
    diags: &mut Vec<Diagnostic>,
) {
    for a in anchors {
        if let Some(set) = ids.get(a.url.as_str())
            && !set.contains(a.anchor.as_str())
            && !a.anchor.starts_with("fn-")
        {
            diags.push(
                Diagnostic::error("broken-anchor", format!("the link points to #{} on {}, but that page has no heading with that anchor", a.anchor, a.url))
                    .in_file(file)
                    .at(a.line, a.column)
                    .with_source(&text())
                    .with_hint("anchors are made from headings: `## Who can get it` → #who-can-get-it; check the heading's spelling")
                    .tr("broken-anchor", &[("anchor", &a.anchor), ("url", &a.url)]),
            );
        }
    }
}
