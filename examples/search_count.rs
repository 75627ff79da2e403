//! What counting a page's search terms costs, alone: the part of the search index that grows
//! with every word of every page (issue 18).
//!
//! `cargo run --release --example search_count -- <site-root> [rounds]`
//!
//! Reads the bodies of every `content/**/*.{ka,en}.md` page (front matter skipped; the
//! Markdown as it is, a little longer than the plain text a build counts), then, on one
//! thread and `rounds` times (default 7) with a new extractor each time, counts every page's
//! terms the way a clean build does: the pages of one language together, each term keeping
//! its best pages. Prints the median and the fastest round, and nanoseconds per word (a word
//! being a run of non-space characters). One thread, no output, no other work: steadier on
//! a busy machine than a whole build.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campaign::search::{Extractor, Interner};
use std::time::Instant;
use walkdir::WalkDir;

/// A page as the counting sees it.
struct Page {
    lang: &'static str,
    title: String,
    body: String,
}

fn read(root: &str) -> Vec<Page> {
    let mut pages = Vec::new();
    for e in WalkDir::new(format!("{root}/content")).sort_by_file_name() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy();
        let lang = match () {
            _ if name.ends_with(".ka.md") => "ka",
            _ if name.ends_with(".en.md") => "en",
            _ => continue,
        };
        let text = std::fs::read_to_string(e.path()).unwrap();
        let mut parts = text.splitn(3, "---\n");
        parts.next();
        let front = parts.next().unwrap_or("");
        let body = parts.next().unwrap_or("").to_string();
        let title = front
            .lines()
            .find_map(|l| l.strip_prefix("title:"))
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .to_string();
        pages.push(Page { lang, title, body });
    }
    pages.sort_by_key(|p| p.lang);
    pages
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args
        .next()
        .expect("usage: search_count <site-root> [rounds]");
    let rounds: usize = args.next().map_or(7, |r| r.parse().unwrap());
    let pages = read(&root);
    let words: usize = pages
        .iter()
        .map(|p| p.body.split_ascii_whitespace().count())
        .sum();
    let bytes: usize = pages.iter().map(|p| p.body.len()).sum();
    println!(
        "{} pages, {} words, {:.0} MB of Markdown",
        pages.len(),
        words,
        bytes as f64 / 1e6
    );
    let mut times = Vec::new();
    for _ in 0..rounds {
        let names = Interner::default();
        let mut x = Extractor::default();
        let t0 = Instant::now();
        for (i, p) in pages.iter().enumerate() {
            std::hint::black_box(x.page(p.lang, &p.title, &p.body, &names, Some(i as u32)));
        }
        times.push(t0.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "{rounds} rounds: median {median:.3} s, fastest {:.3} s, {:.1} ns a word",
        times[0],
        median * 1e9 / words as f64
    );
}
