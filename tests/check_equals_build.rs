//! `check` ≡ `build`: over every failing fixture and the mistakes only a full build used to
//! find (a missing share image, an alias onto a file, a cut-off image), both give the same
//! verdict and the same messages, each naming the content file and line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use std::path::Path;
use support::*;

/// Build (into a folder beside the site) and check `root`: (build, check).
fn both(root: &Path) -> (Run, Run) {
    let r = root.to_str().expect("utf-8");
    let out = root.with_extension("out");
    let b = campaign(&[
        "build",
        "--root",
        r,
        "--output",
        out.to_str().expect("utf-8"),
    ]);
    let c = campaign(&["check", "--root", r]);
    (b, c)
}

/// The messages of a run: stderr without `build`'s closing line.
fn messages(r: &Run) -> String {
    r.stderr
        .lines()
        .filter(|l| !l.starts_with("build failed: "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn assert_same(name: &str, root: &Path) -> (Run, Run) {
    let (b, c) = both(root);
    assert_eq!(b.code, 1, "{name}: build should fail: {}", b.stderr);
    assert_eq!(c.code, 1, "{name}: check should fail: {}", c.stderr);
    assert_eq!(messages(&b), messages(&c), "{name}: build and check differ");
    assert!(!messages(&b).is_empty(), "{name}");
    (b, c)
}

#[test]
fn every_failing_fixture_gives_the_same_verdict_and_messages() {
    for name in [
        "site-errors",
        "site-template-error",
        "selfcheck-badlink",
        "selfcheck-cycle",
        "selfcheck-errors",
        "selfcheck-unreachable",
        "serve-broken",
        "site-posters",
    ] {
        let site = fixture(name);
        assert_same(name, site.path());
    }
}

/// A copy of site-media with `edit` applied.
fn media_site(edit: impl FnOnce(&Path)) -> Fixture {
    let site = fixture("site-media");
    edit(site.path());
    site
}

fn set_front(root: &Path, file: &str, from: &str, to: &str) {
    let p = root.join(file);
    let text = std::fs::read_to_string(&p).expect("read");
    assert!(text.contains(from), "{file} lacks {from}");
    std::fs::write(p, text.replace(from, to)).expect("write");
}

#[test]
fn a_missing_share_image_is_found_by_both_at_its_line() {
    let site = media_site(|root| {
        set_front(
            root,
            "content/_index.en.md",
            "image: /images/wide.jpg",
            "image: /images/gone.jpg",
        );
    });
    let (b, _) = assert_same("share image", site.path());
    assert!(
        b.stderr.starts_with("error: the share image `/images/gone.jpg` does not exist\n  --> content/_index.en.md:3\n"),
        "{}",
        b.stderr
    );
    assert_eq!(
        b.stderr.matches("gone.jpg` does not exist").count(),
        1,
        "one message"
    );
    // Without base_url too (the share tags are not written then, the mistake is still one).
    let yaml = read(site.path(), "site.yaml").replace("base_url: https://example.ge/\n", "");
    std::fs::write(site.path().join("site.yaml"), yaml).expect("write");
    let (b, _) = assert_same("share image without base_url", site.path());
    assert!(b.stderr.contains("content/_index.en.md:3"), "{}", b.stderr);
}

#[test]
fn an_alias_onto_a_file_is_found_by_both_at_its_line() {
    let site = media_site(|root| {
        set_front(
            root,
            "content/_index.en.md",
            "title: Home\n",
            "title: Home\naliases: [/style.css]\n",
        );
    });
    let (b, _) = assert_same("alias", site.path());
    assert!(
        b.stderr.starts_with("error: the alias `/style.css` is the address of the file `/style.css`\n  --> content/_index.en.md:3\n"),
        "{}",
        b.stderr
    );
}

#[test]
fn a_cut_off_image_is_found_by_both() {
    let site = media_site(|root| {
        let whole = std::fs::read(root.join("static/images/wide.jpg")).expect("read");
        std::fs::write(
            root.join("static/images/wide.jpg"),
            &whole[..whole.len() / 2],
        )
        .expect("write");
    });
    let (b, _) = assert_same("cut image", site.path());
    assert!(
        b.stderr.contains("--> content/_index.en.md:"),
        "{}",
        b.stderr
    );
}

#[test]
fn a_self_check_too_long_for_file_names_is_found_by_both() {
    // 60 questions one after the other: addresses one answer number per question deep.
    let site = fixture("selfcheck-site");
    let path = site.path().join("content/self-check.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    let mut questions = String::from("first: q0\nquestions:\n");
    for i in 0..60 {
        let next = if i + 1 < 60 {
            format!("q{}", i + 1)
        } else {
            "one".into()
        };
        questions.push_str(&format!(
            "  - id: q{i}\n    question: {{ka: \"კითხვა {i}?\", en: \"Question {i}?\"}}\n    answers:\n      - label: {{ka: \"დიახ\", en: \"Yes\"}}\n        next: {next}\n      - label: {{ka: \"არა\", en: \"No\"}}\n        next: stop\n"
        ));
    }
    let start = text.find("first:").expect("first:");
    let rest = text.find("questions:\n").expect("questions:") + "questions:\n".len();
    std::fs::write(
        &path,
        format!("{}{questions}{}", &text[..start], &text[rest..]),
    )
    .expect("write");
    let (b, _) = assert_same("long self-check", site.path());
    assert!(
        b.stderr.contains("more than the 50 allowed"),
        "{}",
        b.stderr
    );
    assert!(
        b.stderr.contains("--> content/self-check.yaml:"),
        "{}",
        b.stderr
    );
    assert!(!b.stderr.contains("too long"), "{}", b.stderr);
}
