//! sitemap.xml with hreflang alternates (only when the site's address is known) and robots.txt.
//! A site with more addresses than one sitemap may hold (50,000, or 50 MB) gets its addresses
//! in `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` becomes the index that lists them.

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
            for (name, xml) in sitemap(site, LIMITS) {
                out.put(name, xml.into_bytes());
            }
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

/// How much one sitemap file may hold (the protocol's limits: sitemaps.org).
#[derive(Clone, Copy)]
struct Limits {
    urls: usize,
    bytes: usize,
}

/// 50,000 addresses and 50 MiB, uncompressed.
const LIMITS: Limits = Limits {
    urls: 50_000,
    bytes: 50 * 1024 * 1024,
};

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// The sitemap files (name, text): `sitemap.xml` alone, or, past `limits`, the parts and
/// `sitemap.xml` as their index.
fn sitemap(site: &Site, limits: Limits) -> Vec<(String, String)> {
    let groups = groups(site);
    let count: usize = groups.iter().map(Vec::len).sum();
    let urls = groups.iter().flat_map(|group| {
        group.iter().map(move |e| {
            let mut one = String::new();
            url_entry(&mut one, e, group, site);
            one
        })
    });
    let mut parts = split(urls, count, limits);
    if parts.len() == 1 {
        return vec![("sitemap.xml".into(), parts.remove(0))];
    }
    let c = &site.config;
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut files = Vec::with_capacity(parts.len() + 1);
    for (n, xml) in parts.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let loc = escape(&c.absolute(&format!("/{name}")).unwrap_or_default());
        let _ = writeln!(index, "  <sitemap>\n    <loc>{loc}</loc>\n  </sitemap>");
        files.push((name, xml));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}

/// `<url>` entries (`count` of them) as sitemaps, each within `limits`; always one at least.
fn split(urls: impl Iterator<Item = String>, count: usize, limits: Limits) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = urlset(count.min(limits.urls));
    let mut n = 0;
    for one in urls {
        let full = cur.len() + one.len() + URLSET_CLOSE.len() > limits.bytes;
        if n > 0 && (n == limits.urls || full) {
            cur.push_str(URLSET_CLOSE);
            parts.push(std::mem::replace(&mut cur, urlset(limits.urls)));
            n = 0;
        }
        cur.push_str(&one);
        n += 1;
    }
    cur.push_str(URLSET_CLOSE);
    parts.push(cur);
    parts
}

/// The start of a sitemap, with room for about `urls` addresses.
fn urlset(urls: usize) -> String {
    let mut xml = String::with_capacity(URLSET_OPEN.len() + urls * 400);
    xml.push_str(URLSET_OPEN);
    xml
}

/// Every page, then the self-check's start page, each with its translations.
fn groups(site: &Site) -> Vec<Vec<Entry<'_>>> {
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
    groups
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

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(n: usize) -> impl Iterator<Item = String> {
        (0..n).map(|i| format!("  <url><loc>https://x.ge/{i:03}/</loc></url>\n"))
    }

    #[test]
    fn parts_hold_at_most_the_limits() {
        let roomy = Limits {
            urls: 5,
            bytes: 1 << 20,
        };
        assert_eq!(split(urls(5), 5, roomy).len(), 1);
        let parts = split(urls(11), 11, roomy);
        let counts: Vec<usize> = parts.iter().map(|p| p.matches("<url>").count()).collect();
        assert_eq!(counts, [5, 5, 1]);
        // By size: the opening, three addresses and the close fit exactly.
        let one = urls(1).next().unwrap_or_default().len();
        let bytes = URLSET_OPEN.len() + 3 * one + URLSET_CLOSE.len();
        let tight = Limits { urls: 100, bytes };
        let parts = split(urls(7), 7, tight);
        let counts: Vec<usize> = parts.iter().map(|p| p.matches("<url>").count()).collect();
        assert_eq!(counts, [3, 3, 1]);
        assert!(
            parts
                .iter()
                .all(|p| p.len() <= bytes && p.ends_with(URLSET_CLOSE))
        );
        let tighter = Limits {
            urls: 100,
            bytes: bytes - 1,
        };
        assert_eq!(split(urls(7), 7, tighter).len(), 4);
        assert_eq!(
            split(urls(0), 0, roomy),
            [format!("{URLSET_OPEN}{URLSET_CLOSE}")]
        );
    }
}
