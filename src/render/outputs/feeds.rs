//! The Atom feed of each language's news section (the 50 newest items).

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::model::Page;
use crate::render::feed;
use crate::write::Sink;

/// Writes the feeds.
pub struct Feeds;

impl Step for Feeds {
    fn name(&self) -> &'static str {
        "feeds"
    }

    /// An entry's summary is the page's first paragraph when it has no `description:`.
    fn reads_bodies(&self) -> bool {
        true
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, _diags: &mut Vec<Diagnostic>) {
        let site = cx.site;
        for (lang, f) in &site.feeds {
            let section = &site.pages[f.section];
            let key = (section.key.clone(), lang.clone());
            let mut entries: Vec<&Page> = site
                .children
                .get(&key)
                .map(|v| v.iter().map(|&j| &site.pages[j]).collect())
                .unwrap_or_default();
            entries.sort_by_key(|p| std::cmp::Reverse(p.front.date));
            entries.truncate(50);
            let title = format!(
                "{} — {}",
                section.front.title,
                site.config.title.get(lang, site.config.default_lang())
            );
            let summary = |p: &Page| {
                p.front.description.clone().unwrap_or_else(|| {
                    site.by_url
                        .get(p.url.as_str())
                        .and_then(|r| r.page())
                        .map(|j| cx.summaries[j].to_string())
                        .unwrap_or_default()
                })
            };
            let xml = feed::atom(
                &site.config,
                lang,
                &title,
                section,
                &entries,
                &f.url,
                &summary,
            );
            out.put(f.url.trim_start_matches('/').to_string(), xml.into_bytes());
        }
    }
}
