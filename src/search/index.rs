//! One language's index files: term shards (`t/<n>.js`: each term's best pages), page
//! records in chunks (`p/<n>.js`: address, title, section, the start of the text) and a meta
//! file saying how many shards there are. Each file is a script calling
//! `campaignSearch.<kind>(...)`, so that it loads from `file://` as well as over HTTP.
//! [`files`] writes them all; `serve` writes single ones again ([`super::live`]).

use super::best::{Best, pack, unpack};
use std::fmt::Write;

/// Pages per page-record chunk.
pub const CHUNK: usize = 8;
/// Bytes a shard is aimed at.
const SHARD_BYTES: usize = 3 * 1024;

/// A page of the language, as the index shows it.
pub struct Entry<'a> {
    /// Site path.
    pub url: &'a str,
    /// Title.
    pub title: &'a str,
    /// The title of its section (empty for the home page and sections).
    pub section: &'a str,
    /// The start of its text.
    pub excerpt: &'a str,
}

/// FNV-1a (32 bits) of a term's UTF-8 bytes: which shard holds it (the client computes it
/// the same way).
pub fn shard_hash(term: &str) -> u32 {
    term.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// What a term listing `pages` pages adds to the shards' size, roughly (none when it lists
/// none: it is left out).
pub fn term_bytes(name: &str, pages: usize) -> usize {
    match pages {
        0 => 0,
        n => name.len() + 6 + n * 9,
    }
}

/// How many shards the terms of a language go in, given their [`term_bytes`] in all: a
/// power of two, so that the client finds a term's shard from its hash.
pub fn shard_count(bytes: usize) -> usize {
    (bytes / SHARD_BYTES).max(1).next_power_of_two()
}

/// Which shard a term goes in, of `shards`.
pub fn shard_of(name: &str, shards: usize) -> usize {
    (shard_hash(name) as usize) & (shards - 1)
}

/// The terms of each shard, sorted by name.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Per shard: its terms' numbers, sorted by name.
    pub by_shard: Vec<Vec<u32>>,
}

impl Layout {
    /// The shards of the terms that list pages (`listed`: a term's best pages), and their
    /// [`term_bytes`] in all.
    pub fn of<'k>(names: &[Box<str>], listed: impl Fn(usize) -> &'k [u64]) -> (Layout, usize) {
        let mut bytes = 0;
        for (t, name) in names.iter().enumerate() {
            bytes += term_bytes(name, listed(t).len());
        }
        let shards = shard_count(bytes);
        let mut by_shard: Vec<Vec<u32>> = vec![Vec::new(); shards];
        for (t, name) in names.iter().enumerate() {
            if !listed(t).is_empty() {
                by_shard[shard_of(name, shards)].push(t as u32);
            }
        }
        for terms in &mut by_shard {
            terms.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        }
        (Layout { by_shard }, bytes)
    }

    /// How many shards there are.
    pub fn shards(&self) -> usize {
        self.by_shard.len()
    }
}

/// The index files of language `lang` (paths relative to its data folder, and text), each
/// term's best pages (numbered in the language, the best first) given by `listed`.
pub fn files<'k>(
    lang: &str,
    entries: &[Entry<'_>],
    names: &[Box<str>],
    listed: impl Fn(usize) -> &'k [u64] + Copy,
) -> Vec<(String, String)> {
    let (layout, _) = Layout::of(names, listed);
    let mut out = Vec::with_capacity(layout.shards() + entries.len() / CHUNK + 2);
    for (n, terms) in layout.by_shard.iter().enumerate() {
        out.push(shard(lang, n, terms, names, listed));
    }
    for (n, chunk) in entries.chunks(CHUNK).enumerate() {
        out.push(chunk_file(lang, n, chunk));
    }
    out.push(meta(lang, layout.shards(), entries.len()));
    out
}

/// Shard `n`: its `terms` (sorted by name), each with its best pages.
pub fn shard<'k>(
    lang: &str,
    n: usize,
    terms: &[u32],
    names: &[Box<str>],
    listed: impl Fn(usize) -> &'k [u64],
) -> (String, String) {
    let mut s = call("t", lang, SHARD_BYTES * 2);
    let _ = write!(s, "{n},{{");
    let mut num = itoa::Buffer::new();
    for (k, &t) in terms.iter().enumerate() {
        let t = t as usize;
        if k > 0 {
            s.push(',');
        }
        push_json(&mut s, names.get(t).map_or("", |n| n));
        s.push_str(":[");
        for (j, &key) in listed(t).iter().enumerate() {
            if j > 0 {
                s.push(',');
            }
            let (page, w) = unpack(key);
            s.push_str(num.format(page));
            s.push(',');
            s.push_str(num.format(w));
        }
        s.push(']');
    }
    s.push_str("});\n");
    (format!("t/{n}.js"), s)
}

/// Page-record chunk `n`: the records of its pages.
pub fn chunk_file(lang: &str, n: usize, chunk: &[Entry<'_>]) -> (String, String) {
    let mut s = call("p", lang, CHUNK * 256);
    let _ = write!(s, "{n},[");
    for (k, e) in chunk.iter().enumerate() {
        s.push_str(if k > 0 { ",[" } else { "[" });
        for (j, field) in [e.url, e.title, e.section, e.excerpt].iter().enumerate() {
            if j > 0 {
                s.push(',');
            }
            push_json(&mut s, field);
        }
        s.push(']');
    }
    s.push_str("]);\n");
    (format!("p/{n}.js"), s)
}

/// The meta file: how many shards and pages.
pub fn meta(lang: &str, shards: usize, pages: usize) -> (String, String) {
    let mut meta = call("m", lang, 64);
    let _ = writeln!(
        meta,
        "{{\"shards\":{shards},\"chunk\":{CHUNK},\"pages\":{pages}}});"
    );
    ("meta.js".to_string(), meta)
}

/// Best pages numbered in the site made numbered in the language: `numbers` are the site
/// numbers of the language's pages, in order (so the order of the postings stays).
pub fn in_language(mut best: Vec<Best>, numbers: &[u32]) -> Vec<Best> {
    for b in &mut best {
        b.keys.retain_mut(|k| {
            let (page, w) = unpack(*k);
            match numbers.binary_search(&page) {
                Ok(n) => {
                    *k = pack(n as u32, w);
                    true
                }
                Err(_) => false,
            }
        });
    }
    best
}

/// The start of a call to the client's loader `f` for `lang`: `campaignSearch.f("lang",`.
fn call(f: &str, lang: &str, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    out.push_str("campaignSearch.");
    out.push_str(f);
    out.push('(');
    push_json(&mut out, lang);
    out.push(',');
    out
}

/// Append `s` as a JSON string, escaped as serde_json does (quote, backslash, control
/// characters), without looking at each character when none needs it.
fn push_json(out: &mut String, s: &str) {
    out.push('"');
    if !needs_escape(s.as_bytes()) {
        out.push_str(s);
    } else {
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
    }
    out.push('"');
}

/// Whether `b` has a quote, a backslash or a control character, eight bytes at a time.
fn needs_escape(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Whether a byte of `x` is below `n` (at most 0x80): no false answer either way.
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH != 0;
    let (chunks, rest) = b.as_chunks::<8>();
    chunks.iter().any(|c| {
        let x = u64::from_le_bytes(*c);
        below(x, 0x20) || below(x ^ (ONES * 0x22), 1) || below(x ^ (ONES * 0x5c), 1)
    }) || rest.iter().any(|&b| b == b'"' || b == b'\\' || b < 0x20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_found_at_every_place() {
        for len in 0..20 {
            for at in 0..len {
                for c in [b'"', b'\\', 0, 0x1f] {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    assert!(needs_escape(&b), "{len} {at} {c}");
                }
            }
            assert!(!needs_escape(&vec![0xe1; len]));
            assert!(!needs_escape(&vec![b' '; len]));
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        for s in [
            "",
            "plain ქართული",
            "q\"b\\s",
            "a\nb\rc\td\u{8}e\u{c}f\u{1}g\u{1f}",
            "\u{7f}\u{2028}</script>",
        ] {
            let mut json = String::new();
            push_json(&mut json, s);
            assert_eq!(json, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn terms_go_to_their_shard_with_their_best_pages() {
        let names: Vec<Box<str>> = vec!["a".into(), "ბ".into()];
        // Term "a" weighs i on page i, "ბ" 1 on every page.
        let mut best = [Best::default(), Best::default()];
        for i in 0..60u32 {
            best[0].push(pack(i, i as u16));
            best[1].push(pack(i, 1));
        }
        best.iter_mut().for_each(Best::done);
        let entries: Vec<Entry> = (0..60)
            .map(|_| Entry {
                url: "/a/",
                title: "A \"q\"",
                section: "",
                excerpt: "x",
            })
            .collect();
        let files = files("ka", &entries, &names, |t| &best[t].keys);
        let meta = files.iter().find(|f| f.0 == "meta.js").unwrap();
        assert!(meta.1.contains("\"shards\":1,\"chunk\":8,\"pages\":60"));
        let shard = &files.iter().find(|f| f.0 == "t/0.js").unwrap().1;
        assert!(shard.starts_with("campaignSearch.t(\"ka\",0,{\"a\":[59,59,58,58,"));
        assert!(
            shard.contains(",12,12]") && !shard.contains(",11,11"),
            "{shard}"
        );
        assert!(shard.contains("\"ბ\":[0,1,1,1,2,1,"), "{shard}");
        assert_eq!(files.iter().filter(|f| f.0.starts_with("p/")).count(), 8);
        assert_eq!(shard_hash("a"), 0xe40c292c);
    }
}
