//! The self-check through the real binary: flow errors as editors see them, and the generated
//! page graph (every answer link resolves to a page; every path ends at an outcome).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Built, attrs, between, build, file_of, fixture, hrefs_of_class, resolve};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn failed_with(name: &str, expected: &str) {
    let b = build(&fixture(name));
    assert_eq!(b.code, Some(1), "{name} should fail:\n{}", b.stderr);
    assert_eq!(b.stderr, expected, "{name}");
    assert!(!b.out.exists(), "a failed build writes nothing");
}

#[test]
fn flow_mistakes_are_reported_with_file_line_and_hint() {
    failed_with(
        "selfcheck-errors",
        "error: the self-check does not say which question comes first
  --> content/self-check.yaml:1
    |
  1 | # Mistakes an editor can make; the build must report each with its line.
  = hint: add `first: <id>` with the id of the first question
error: the question `one` has no question text in English (en)
  --> content/self-check.yaml:7
    |
  7 |     question:
  = hint: add `en: ...` with the text under `question:`
error: answer 2 of the question `one` leads to `nowhere`, which is not a question or an outcome
  --> content/self-check.yaml:13
     |
  13 |         next: nowhere
  = hint: use one of: one, two, stop
error: the question `two` has no answers
  --> content/self-check.yaml:16
     |
  16 |     answers: []
  = hint: add `answers:` with at least one `- label: ...` and `next: ...`
error: the outcome `stop` has the kind `maybe`, which is not one the self-check knows
  --> content/self-check.yaml:19
     |
  19 |     kind: maybe
  = hint: use one of: eligible, not-eligible, unsure, refer
error: the id `two` is used twice: also on line 14
  --> content/self-check.yaml:22
     |
  22 |   - id: two
  = hint: give every question and outcome its own id
build failed: 6 errors, 0 warnings; the previous output was left as it was
",
    );
}

#[test]
fn a_cycle_is_reported_where_it_closes() {
    failed_with(
        "selfcheck-cycle",
        "error: the answers go round in a circle: `one` → `two` → `one`
  --> content/self-check.yaml:19
     |
  19 |         next: one
  = hint: every answer must lead on to a later question or to an outcome; change this `next:`
build failed: 1 error, 0 warnings; the previous output was left as it was
",
    );
}

#[test]
fn an_outcome_nobody_can_reach_is_reported() {
    failed_with(
        "selfcheck-unreachable",
        "error: nobody can reach the outcome `forgotten`: no answer leads to it from the first question
  --> content/self-check.yaml:18
     |
  18 |   - id: forgotten
  = hint: point an answer's `next:` at `forgotten`, or remove the outcome
build failed: 1 error, 0 warnings; the previous output was left as it was
",
    );
}

#[test]
fn a_broken_link_in_an_outcome_points_into_the_yaml() {
    failed_with(
        "selfcheck-badlink",
        "error: the link `/rules/` points to a page that does not exist
  --> content/self-check.yaml:19:14
     |
  19 |         Read [the rules](/rules/) first.
     |              ^
  = hint: write site addresses like `/services/medical-care/` or file paths like `services/medical-care.en.md`; check the spelling
build failed: 1 error, 0 warnings; the previous output was left as it was
",
    );
}

#[test]
fn a_page_at_the_check_address_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = fixture("selfcheck-site");
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
    let b = build(tmp.path());
    assert_eq!(b.code, Some(1), "{}", b.stderr);
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
fn walk(b: &Built, root: &str, other_root: &str) -> Walk {
    let out = &b.out;
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
    let b = build(&fixture("selfcheck-site"));
    assert!(b.ok, "{}", b.stderr);
    for (root, other) in [("/check/", "/en/check/"), ("/en/check/", "/check/")] {
        let w = walk(&b, root, other);
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
    let b = build(&common::bundled());
    assert!(b.ok, "{}", b.stderr);
    for (root, other) in [("/check/", "/en/check/"), ("/en/check/", "/check/")] {
        let w = walk(&b, root, other);
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
