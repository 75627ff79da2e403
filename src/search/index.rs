//! One language's index files: term shards (`t/<n>.js`: each term's best pages), page
//! records in chunks (`p/<n>.js`: address, title, section, the start of the text) and a meta
//! file saying how many shards there are. Each file is a script calling
//! `campaignSearch.<kind>(...)`, so that it loads from `file://` as well as over HTTP.

use super::best::{Best, pack, unpack};
use super::terms::PageTerms;
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
    /// Its terms.
    pub terms: &'a PageTerms,
}

/// FNV-1a (32 bits) of a term's UTF-8 bytes: which shard holds it (the client computes it
/// the same way).
pub fn shard_hash(term: &str) -> u32 {
    term.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The index files of language `lang` (paths relative to its data folder, and text).
/// Each term's best pages come from `best` when given (kept while the pages were counted,
/// numbered in the language: [`in_language`]), else from the entries' terms.
pub fn files(
    lang: &str,
    entries: &[Entry<'_>],
    names: &[Box<str>],
    best: Option<Vec<Best>>,
) -> Vec<(String, String)> {
    let postings = match best {
        Some(best) => Postings { best },
        None => Postings::of(entries, names.len()),
    };
    let mut bytes = 0;
    for (t, name) in names.iter().enumerate() {
        let n = postings.of_term(t).len();
        if n > 0 {
            bytes += name.len() + 6 + n * 9;
        }
    }
    let shards = (bytes / SHARD_BYTES).max(1).next_power_of_two();
    let mut by_shard: Vec<Vec<usize>> = vec![Vec::new(); shards];
    for (t, name) in names.iter().enumerate() {
        if !postings.of_term(t).is_empty() {
            by_shard[(shard_hash(name) as usize) & (shards - 1)].push(t);
        }
    }
    let mut out = Vec::with_capacity(shards + entries.len() / CHUNK + 2);
    for (n, mut terms) in by_shard.into_iter().enumerate() {
        terms.sort_unstable_by(|&a, &b| names[a].cmp(&names[b]));
        let mut s = call("t", lang, SHARD_BYTES * 2);
        let _ = write!(s, "{n},{{");
        for (k, &t) in terms.iter().enumerate() {
            if k > 0 {
                s.push(',');
            }
            push_json(&mut s, &names[t]);
            s.push_str(":[");
            let mut num = itoa::Buffer::new();
            for (j, &key) in postings.of_term(t).iter().enumerate() {
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
        out.push((format!("t/{n}.js"), s));
    }
    for (n, chunk) in entries.chunks(CHUNK).enumerate() {
        let mut s = call("p", lang, CHUNK * 256);
        let _ = write!(s, "{n},[");
        for (k, e) in chunk.iter().enumerate() {
            s.push_str(if k > 0 { ",[" } else { "[" });
            for (j, field) in [e.url, e.title, e.section, &e.terms.excerpt]
                .iter()
                .enumerate()
            {
                if j > 0 {
                    s.push(',');
                }
                push_json(&mut s, field);
            }
            s.push(']');
        }
        s.push_str("]);\n");
        out.push((format!("p/{n}.js"), s));
    }
    let mut meta = call("m", lang, 64);
    let _ = writeln!(
        meta,
        "{{\"shards\":{shards},\"chunk\":{CHUNK},\"pages\":{}}});",
        entries.len()
    );
    out.push(("meta.js".to_string(), meta));
    out
}

/// Each term's best pages (page number in the language, weight), best first.
struct Postings {
    /// Per term: its best postings ([`pack`]ed), the best first.
    best: Vec<Best>,
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

impl Postings {
    /// Every page's terms, each term's list cut to its best pages as it grows.
    fn of(entries: &[Entry<'_>], terms: usize) -> Postings {
        let mut best: Vec<Best> = std::iter::repeat_with(Best::default).take(terms).collect();
        for (page, e) in entries.iter().enumerate() {
            for (&t, &w) in e.terms.terms.iter().zip(e.terms.weights.iter()) {
                if let Some(b) = best.get_mut(t as usize) {
                    b.push(pack(page as u32, w));
                }
            }
        }
        for b in &mut best {
            b.done();
        }
        Postings { best }
    }

    /// The best pages of term `t`.
    fn of_term(&self, t: usize) -> &[u64] {
        self.best.get(t).map_or(&[], |b| &b.keys)
    }
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
        let pages: Vec<PageTerms> = (0..60)
            .map(|i| PageTerms {
                terms: vec![0, 1].into(),
                weights: vec![i as u16, 1].into(),
                excerpt: "x".into(),
            })
            .collect();
        let entries: Vec<Entry> = pages
            .iter()
            .map(|t| Entry {
                url: "/a/",
                title: "A \"q\"",
                section: "",
                terms: t,
            })
            .collect();
        let files = files("ka", &entries, &names, None);
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
