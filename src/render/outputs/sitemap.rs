//! sitemap.xml with hreflang alternates (only when the site's address is known) and robots.txt.

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::html::escape;
use crate::write::Sink;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Writes sitemap.xml and robots.txt.
pub struct Sitemap;

impl Step for Sitemap {
    fn name(&self) -> &'static str {
        "sitemap"
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
        let site = cx.site;
        let c = &site.config;
        // sitemap.xml and robots.txt need absolute addresses.
        let mut robots = String::from("User-agent: *\nAllow: /\n");
        if c.base_url.is_some() {
            let mut by_key: BTreeMap<&str, Vec<&crate::model::Page>> = BTreeMap::new();
            for p in &site.pages {
                by_key.entry(p.key.as_str()).or_default().push(p);
            }
            let mut xml = String::with_capacity(site.pages.len() * 400);
            xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
            for group in by_key.values() {
                for p in group {
                    let loc = c.absolute(&p.url).unwrap_or_default();
                    let _ = write!(xml, "  <url>\n    <loc>{}</loc>\n", escape(&loc));
                    if let Some(d) = p.front.updated.or(p.front.date) {
                        let _ = writeln!(xml, "    <lastmod>{}</lastmod>", d.iso());
                    }
                    if group.len() > 1 {
                        for t in group {
                            let href = c.absolute(&t.url).unwrap_or_default();
                            let _ = writeln!(
                                xml,
                                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                                t.lang,
                                escape(&href)
                            );
                        }
                        if let Some(d) = group.iter().find(|t| t.lang == c.default_lang()) {
                            let _ = writeln!(
                                xml,
                                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                                escape(&c.absolute(&d.url).unwrap_or_default())
                            );
                        }
                    }
                    xml.push_str("  </url>\n");
                }
            }
            xml.push_str("</urlset>\n");
            out.put("sitemap.xml".into(), xml.into_bytes());
            let _ = writeln!(
                robots,
                "Sitemap: {}",
                c.absolute("/sitemap.xml").unwrap_or_default()
            );
        } else {
            diags.push(
            Diagnostic::note("no-base-url", "no sitemap.xml was written and feeds carry relative addresses, because the site's address is not known")
                .in_file(crate::config::CONFIG_FILE)
                .with_hint("set `base_url: https://...` in site.yaml, or pass `--base-url` to `campaign build`"),
        );
        }
        out.put("robots.txt".into(), robots.into_bytes());
    }
}
