//! The self-check through the real binary: flow errors as editors see them, and the generated
//! page graph (every answer link resolves to a page; every path ends at an outcome).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use support::{
    assert_transcript, attrs, between, build_to_temp, bundled, expected, file_of, fixture,
    fixture_path, hrefs_of_class, resolve,
};

/// Building the fixture `name` fails with exactly its `expected-stderr`, and writes nothing.
fn failed_with_its_transcript(name: &str) {
    let site = fixture(name);
    let b = build_to_temp(site.path());
    assert_eq!(b.code, 1, "{name} should fail:\n{}", b.stderr);
    assert_transcript(expected(name, "expected-stderr"), &b.stderr);
    assert!(!b.out.exists(), "a failed build writes nothing");
}

#[test]
fn resolves_relative_links() {
    assert_eq!(resolve("/en/check/q/1/", "../2/"), "/en/check/q/2/");
    assert_eq!(resolve("/check/", "q/"), "/check/q/");
    assert_eq!(resolve("/check/r/1/", "../../../help/#x"), "/help/");
    assert_eq!(resolve("/a/", "../"), "/");
    assert_eq!(resolve("/a/b/", "../../style.css"), "/style.css");
}

#[test]
fn flow_mistakes_are_reported_with_file_line_and_hint() {
    failed_with_its_transcript("selfcheck-errors");
}

#[test]
fn a_cycle_is_reported_where_it_closes() {
    failed_with_its_transcript("selfcheck-cycle");
}

#[test]
fn an_outcome_nobody_can_reach_is_reported() {
    failed_with_its_transcript("selfcheck-unreachable");
}

#[test]
fn a_broken_link_in_an_outcome_points_into_the_yaml() {
    failed_with_its_transcript("selfcheck-badlink");
}

#[test]
fn a_page_at_the_check_address_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = fixture_path("selfcheck-site");
    for f in [
        "site.yaml",
        "content/_index.ka.md",
        "content/_index.en.md",
        "content/help/_index.ka.md",
        "content/help/_index.en.md",
        "content/self-check.yaml",
    ] {
        let to = tmp.path().join(f);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(src.join(f), &to).expect("copy");
    }
    std::fs::write(
        tmp.path().join("content/check.ka.md"),
        "---\ntitle: სხვა\n---\n",
    )
    .expect("write");
    let b = build_to_temp(tmp.path());
    assert_eq!(b.code, 1, "{}", b.stderr);
    assert!(
        b.stderr.contains(
            "error: the self-check's page /check/ has the same address as content/check.ka.md\n  --> content/self-check.yaml:2\n"
        ),
        "{}",
        b.stderr
    );
}

/// What a walk over one language's self-check found.
#[derive(Debug, Default)]
struct Walk {
    /// Site paths of question pages.
    questions: BTreeSet<String>,
    /// Outcome site path → kind.
    outcomes: BTreeMap<String, String>,
}

fn read(out: &Path, site_path: &str) -> String {
    let f = file_of(out, site_path);
    std::fs::read_to_string(&f).unwrap_or_else(|_| {
        panic!(
            "{site_path} links to a page that was not generated ({})",
            f.display()
        )
    })
}

/// Walk from the start page of the self-check at `root` (`/check/`), following every
/// answer link, and check every page on the way.
fn walk(out: &Path, root: &str, other_root: &str) -> Walk {
    let start = read(out, root);
    assert!(!start.contains("noindex"), "the start page may be indexed");
    let first = hrefs_of_class(&start, "button-start");
    assert_eq!(first.len(), 1, "one Start button");
    let mut todo = vec![resolve(root, first[0])];
    let mut w = Walk::default();
    while let Some(url) = todo.pop() {
        let rest = url.strip_prefix(root).expect("stays under the root");
        assert!(
            rest == "q/"
                || (rest.len() > 3
                    && (rest.starts_with("q/") || rest.starts_with("r/"))
                    && rest.ends_with('/')
                    && rest[2..rest.len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '-')),
            "{url} is not a neutral address"
        );
        let html = read(out, &url);
        assert!(
            html.contains("<meta name=\"robots\" content=\"noindex\">"),
            "{url} must not be indexed"
        );
        assert!(
            !html.contains("<script>") && !html.contains("<script type"),
            "{url} has an inline script"
        );
        let check = between(&html, "<div class=\"check\"", "</main>");
        // Every link inside the self-check resolves to a generated file.
        for href in attrs(check, "href") {
            if href.contains("://") {
                continue;
            }
            let target = resolve(&url, href);
            assert!(
                file_of(out, &target).is_file(),
                "{url}: the link {href} goes to {target}, which was not generated"
            );
        }
        // The language switcher keeps the reader's place.
        let switch = between(&html, "class=\"lang-switch\"", "</nav>");
        let other: Vec<String> = attrs(switch, "href")
            .into_iter()
            .map(|h| resolve(&url, h))
            .collect();
        assert_eq!(other, vec![format!("{other_root}{rest}")], "{url}");
        assert_eq!(
            hrefs_of_class(check, "back-link").len(),
            1,
            "{url} has a back link"
        );
        assert!(
            check.contains("class=\"check-again\""),
            "{url}: start again"
        );
        let answers = hrefs_of_class(check, "check-answer");
        if url.contains("/q/") {
            assert!(!answers.is_empty(), "{url}: a question without answers");
            assert!(
                check.contains("<legend class=\"check-legend\"><h1"),
                "{url}: the question is the legend's h1"
            );
            w.questions.insert(url.clone());
            todo.extend(answers.iter().map(|h| resolve(&url, h)));
        } else {
            assert!(answers.is_empty(), "{url}: an outcome with answers");
            let kind = between(check, "data-kind=\"", "\"");
            assert!(!kind.is_empty(), "{url}: an outcome page without a kind");
            w.outcomes.insert(url.clone(), kind.to_string());
        }
        // "Your answers": one row per answer given, each with a Change link.
        let given = rest[2..]
            .trim_end_matches('/')
            .split('-')
            .filter(|s| !s.is_empty())
            .count();
        assert_eq!(
            check.matches("<dd class=\"check-change\"><a href=").count(),
            given,
            "{url}: one Change link per answer"
        );
    }
    // No page is left out of the graph.
    for dir in ["q", "r"] {
        let base = file_of(out, root).parent().expect("dir").join(dir);
        for e in walkdir(&base) {
            let rel = e
                .strip_prefix(file_of(out, root).parent().expect("dir"))
                .expect("under root")
                .parent()
                .expect("folder")
                .to_string_lossy()
                .replace('\\', "/");
            let url = format!("{root}{rel}/");
            assert!(
                w.questions.contains(&url) || w.outcomes.contains_key(&url),
                "{url} was generated but no answer leads to it"
            );
        }
    }
    w
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else if p.file_name().is_some_and(|n| n == "index.html") {
            out.push(p);
        }
    }
    out
}

#[test]
fn every_answer_path_of_the_fixture_reaches_an_outcome() {
    let site = fixture("selfcheck-site");
    let b = build_to_temp(site.path());
    assert!(b.ok(), "{}", b.stderr);
    for (root, other) in [("/check/", "/en/check/"), ("/en/check/", "/check/")] {
        let w = walk(&b.out, root, other);
        assert_eq!(w.questions.len(), 4, "{:?}", w.questions);
        let kinds: Vec<(&str, &str)> = w
            .outcomes
            .iter()
            .map(|(u, k)| (u.strip_prefix(root).unwrap_or(u), k.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("r/1-1-1/", "eligible"),
                ("r/1-1-2/", "refer"),
                ("r/1-2-1/", "eligible"),
                ("r/1-2-2/", "refer"),
                ("r/2/", "not-eligible"),
                ("r/3/", "unsure"),
            ]
        );
        // The eligible outcome links the regional help list (`help:` in the file).
        let html = read(&b.out, &format!("{root}r/1-1-1/"));
        assert!(
            html.contains("<a class=\"button\" href=\"../../../help/\">"),
            "{html}"
        );
        // Markdown links in the body resolve relative to the page, anchors included.
        assert!(html.contains("href=\"../../../help/#"), "{html}");
    }
    // Links to the self-check from Markdown pages resolve.
    let home = read(&b.out, "/en/");
    assert!(home.contains("<a href=\"check/\">Check</a>"), "{home}");
    assert!(home.contains("<a href=\"check/q/\">"), "{home}");
    // The JSON form of the flow is written per language.
    for lang_root in ["check", "en/check"] {
        let json =
            std::fs::read_to_string(b.out.join(lang_root).join("flow.json")).expect("flow.json");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["questions"].as_array().map(Vec::len), Some(3));
        assert_eq!(v["outcomes"].as_array().map(Vec::len), Some(4));
        assert_eq!(v["first"], 0);
    }
}

#[test]
fn every_answer_path_of_the_bundled_site_reaches_an_outcome() {
    let b = bundled();
    for (root, other) in [("/check/", "/en/check/"), ("/en/check/", "/check/")] {
        let w = walk(&b.out, root, other);
        assert_eq!(w.questions.len(), 7);
        assert_eq!(w.outcomes.len(), 15);
        let count = |k: &str| w.outcomes.values().filter(|v| *v == k).count();
        assert_eq!(
            (
                count("eligible"),
                count("not-eligible"),
                count("unsure"),
                count("refer")
            ),
            (2, 5, 7, 1)
        );
    }
    // The home page's button leads to the self-check.
    let home = read(&b.out, "/");
    assert!(
        home.contains("href=\"check/\""),
        "the home page links the self-check"
    );
    // The script is small, plain and private.
    let js = std::fs::read_to_string(b.out.join("check.js")).expect("check.js");
    assert!(js.len() < 12_000, "check.js is {} bytes", js.len());
    for word in [
        "localStorage",
        "sessionStorage",
        "document.cookie",
        "XMLHttpRequest",
        "sendBeacon",
        "eval(",
    ] {
        assert!(!js.contains(word), "check.js uses {word}");
    }
}

/// One typo in a `next:` of the bundled site is one error: the pages linking to the
/// self-check (28 links) are not reported as broken on top of it.
#[test]
fn one_typo_in_the_flow_is_one_error() {
    let site = support::bundled_copy();
    let file = site.path().join("content/self-check.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("next: centre"));
    std::fs::write(&file, text.replacen("next: centre", "next: centr", 1)).unwrap();
    let b = build_to_temp(site.path());
    assert_eq!(b.code, 1, "{}", b.stderr);
    let errors: Vec<&str> = b
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .collect();
    assert_eq!(
        errors,
        [
            "error: answer 1 of the question `status` leads to `centr`, which is not a question or an outcome"
        ],
        "{}",
        b.stderr
    );
}

/// The self-check's start page is in the sitemap in every language (its question and
/// outcome pages, which say `noindex`, are not).
#[test]
fn the_start_page_is_in_the_sitemap() {
    let site = support::bundled_copy();
    let out = site.beside().join("public");
    let r = support::campaign(&[
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        "https://example.ge/campaign/",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let xml = support::read(&out, "sitemap.xml");
    let entry = between(
        &xml,
        "<loc>https://example.ge/campaign/check/</loc>",
        "</url>",
    );
    assert!(
        entry.contains(r#"<xhtml:link rel="alternate" hreflang="en" href="https://example.ge/campaign/en/check/"/>"#),
        "{entry}"
    );
    assert!(xml.contains("<loc>https://example.ge/campaign/en/check/</loc>"));
    assert!(!xml.contains("/check/q/") && !xml.contains("/check/r/"));
}
