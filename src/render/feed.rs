//! Atom 1.0 feeds, one per language, for the news section.

use crate::config::Config;
use crate::html::escape;
use crate::model::{Page, route};
use std::fmt::Write as _;

/// A stable `urn:uuid:` made from text (FNV-1a), for Atom ids that need no domain.
pub fn urn(text: &str) -> String {
    let fnv = |seed: u64| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    let (a, b) = (fnv(0), fnv(0x9e37_79b9_7f4a_7c15));
    format!(
        "urn:uuid:{:08x}-{:04x}-5{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        ((b >> 48) & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// The feed of `section` (its pages newest first) in one language, at `feed_url`.
pub fn atom(
    config: &Config,
    lang: &str,
    title: &str,
    section: &Page,
    entries: &[&Page],
    feed_url: &str,
    summaries: &dyn Fn(&Page) -> String,
) -> String {
    let link = |url: &str| {
        config
            .absolute(url)
            .unwrap_or_else(|| route::relative(feed_url, url))
    };
    let id = |url: &str| config.absolute(url).unwrap_or_else(|| urn(url));
    let stamp = |p: &Page| {
        p.front
            .updated
            .or(p.front.date)
            .map(|d| format!("{}T00:00:00+04:00", d.iso()))
    };
    let updated = entries
        .iter()
        .filter_map(|p| stamp(p))
        .max()
        .unwrap_or_else(|| "2000-01-01T00:00:00+04:00".into());
    let mut x = String::with_capacity(1024 + entries.len() * 600);
    let _ = writeln!(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
    );
    let _ = writeln!(x, "  <title>{}</title>", escape(title));
    let _ = writeln!(x, "  <id>{}</id>", escape(&id(feed_url)));
    let _ = writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&link(feed_url))
    );
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&link(&section.url))
    );
    let _ = writeln!(x, "  <updated>{updated}</updated>");
    let _ = writeln!(
        x,
        "  <author><name>{}</name></author>",
        escape(&config.title.get(lang, config.default_lang()))
    );
    for p in entries {
        let when = stamp(p).unwrap_or_else(|| updated.clone());
        let _ = writeln!(x, "  <entry>");
        let _ = writeln!(x, "    <title>{}</title>", escape(&p.front.title));
        let _ = writeln!(x, "    <id>{}</id>", escape(&id(&p.url)));
        let _ = writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&link(&p.url))
        );
        let _ = writeln!(x, "    <updated>{when}</updated>");
        if let Some(d) = p.front.date {
            let _ = writeln!(x, "    <published>{}T00:00:00+04:00</published>", d.iso());
        }
        let _ = writeln!(x, "    <summary>{}</summary>", escape(&summaries(p)));
        let _ = writeln!(x, "  </entry>");
    }
    x.push_str("</feed>\n");
    x
}

#[cfg(test)]
mod tests {
    #[test]
    fn urns_are_stable_uuids() {
        let u = super::urn("/news/x/");
        assert_eq!(u, super::urn("/news/x/"));
        assert_ne!(u, super::urn("/en/news/x/"));
        assert_eq!(u.len(), "urn:uuid:".len() + 36);
    }
}
