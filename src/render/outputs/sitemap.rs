//! sitemap.xml with hreflang alternates (only when the site's address is known) and robots.txt.

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::html::escape;
use crate::model::Site;
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
            let xml = sitemap(site);
            out.put("sitemap.xml".into(), xml.into_bytes());
            let _ = writeln!(
                robots,
                "Sitemap: {}",
                c.absolute("/sitemap.xml").unwrap_or_default()
            );
        } else {
            // One note for everything the missing address costs.
            let posters = super::posters::any(cx);
            let not_written = if posters {
                "no sitemap.xml and no posters were written"
            } else {
                "no sitemap.xml was written"
            };
            diags.push(
                Diagnostic::note("no-base-url", format!("the site's address is not known, so {not_written}, feeds carry relative addresses, and the 404 page links to the root of the host (wrong if the site is served under a sub-path)"))
                    .in_file(crate::config::CONFIG_FILE)
                    .with_hint("set `base_url: https://...` in site.yaml, or pass `--base-url` to `campaign build`")
                    .tr("no-base-url", &[("posters", if posters { "yes" } else { "no" })]),
            );
        }
        out.put("robots.txt".into(), robots.into_bytes());
    }
}

/// One address of the sitemap: its translations (language, site URL) and last change.
struct Entry<'a> {
    lang: &'a str,
    url: String,
    lastmod: Option<String>,
}

/// sitemap.xml: every page, then the self-check's start page, each with its translations
/// as hreflang alternates.
fn sitemap(site: &Site) -> String {
    let mut by_key: BTreeMap<&str, Vec<Entry<'_>>> = BTreeMap::new();
    for p in &site.pages {
        by_key.entry(p.key.as_str()).or_default().push(Entry {
            lang: &p.lang,
            url: p.url.clone(),
            lastmod: p.front.updated.or(p.front.date).map(|d| d.iso()),
        });
    }
    let mut groups: Vec<Vec<Entry<'_>>> = by_key.into_values().collect();
    // The self-check's start page is indexed (its question and outcome pages are not).
    if let Some(check) = &site.self_check {
        let c = &site.config;
        groups.push(
            c.languages
                .iter()
                .map(|l| Entry {
                    lang: &l.code,
                    url: check.root(c, &l.code),
                    lastmod: None,
                })
                .collect(),
        );
    }
    let mut xml = String::with_capacity(site.pages.len() * 400);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for group in &groups {
        for e in group {
            url_entry(&mut xml, e, group, site);
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// One `<url>` with its alternates (when the page has translations).
fn url_entry(xml: &mut String, e: &Entry<'_>, group: &[Entry<'_>], site: &Site) {
    let c = &site.config;
    let abs = |url: &str| escape(&c.absolute(url).unwrap_or_default());
    let _ = write!(xml, "  <url>\n    <loc>{}</loc>\n", abs(&e.url));
    if let Some(d) = &e.lastmod {
        let _ = writeln!(xml, "    <lastmod>{d}</lastmod>");
    }
    if group.len() > 1 {
        for t in group {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                t.lang,
                abs(&t.url)
            );
        }
        if let Some(d) = group.iter().find(|t| t.lang == c.default_lang()) {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                abs(&d.url)
            );
        }
    }
    xml.push_str("  </url>\n");
}
