//! Hostile input through the real CLI: script and data links, a `%` before a Georgian letter,
//! directives whose attributes hold Markdown, control characters, huge numbers, deep
//! nesting, oversized files, self-check limits and themes outside the site. Every case runs
//! `build` and `check` on a copy of `tests/fixtures/hostile-base` that was built once, and
//! asserts the exit code, the message with file:line:column and hint, plain words (no Rust
//! type names, no panic), and that the previous output is byte for byte intact.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use support::{Run, build, campaign, fixture, tree};

/// Words that must never reach an editor: Rust's own, and a crash.
const NOT_FOR_EDITORS: &[&str] = &[
    "panicked",
    "u128",
    "i128",
    "u64",
    "i64",
    "usize",
    "f64",
    "String",
    "Option<",
    "Error {",
    "RUST_BACKTRACE",
];

/// A good site that was built once: the output every failed build must leave alone.
struct Site {
    dir: tempfile::TempDir,
    before: Vec<(String, Vec<u8>)>,
}

fn good_site() -> Site {
    let dir = fixture("hostile-base");
    let r = build(dir.path());
    assert_eq!(r.code, 0, "the base site builds: {}", r.stderr);
    let before = tree(&dir.path().join("public"));
    Site { dir, before }
}

impl Site {
    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write");
    }

    fn check(&self) -> Run {
        let root = self.root().to_str().expect("utf-8 path");
        campaign(&["check", "--root", root])
    }

    /// `build` and `check` both fail and print every one of `expected`; the output is as
    /// it was. Returns the build's run.
    fn fails(&self, expected: &[&str]) -> Run {
        let b = build(self.root());
        assert_eq!(b.code, 1, "build must fail:\n{}{}", b.stdout, b.stderr);
        plain(&b.stderr);
        for e in expected {
            assert!(b.stderr.contains(e), "build says no {e:?}:\n{}", b.stderr);
        }
        assert!(
            b.stderr.contains("the previous output was left as it was"),
            "{}",
            b.stderr
        );
        assert!(
            tree(&self.root().join("public")) == self.before,
            "the previous output changed"
        );
        let c = self.check();
        assert_eq!(c.code, 1, "check must fail:\n{}{}", c.stdout, c.stderr);
        let all = format!("{}{}", c.stdout, c.stderr);
        plain(&all);
        for e in expected {
            assert!(all.contains(e), "check says no {e:?}:\n{all}");
        }
        b
    }

    /// `build` and `check` succeed; the warnings in `expected` are printed.
    fn builds_with(&self, expected: &[&str]) -> Run {
        let b = build(self.root());
        assert_eq!(b.code, 0, "build must succeed:\n{}", b.stderr);
        plain(&b.stderr);
        for e in expected {
            assert!(b.stderr.contains(e), "build says no {e:?}:\n{}", b.stderr);
        }
        let c = self.check();
        assert_eq!(c.code, 0, "check must succeed:\n{}{}", c.stdout, c.stderr);
        b
    }
}

/// No crash and no Rust words in what editors read.
fn plain(text: &str) {
    for word in NOT_FOR_EDITORS {
        assert!(!text.contains(word), "{word:?} shown to an editor:\n{text}");
    }
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndescription: {title}\n---\n\n{body}\n")
}

#[test]
fn script_links_and_images_are_errors_with_their_place() {
    let site = good_site();
    site.write(
        "content/about.en.md",
        page(
            "About us",
            "See [x](javascript:alert(1)), [y](< JaVa\tScript:alert(2)>), ![i](VBScript:x).\n\n<javascript:alert(3)>",
        ),
    );
    site.fails(&[
        "error: the address `javascript:...` would run a program in the reader's browser\n  --> content/about.en.md:6:5\n",
        "  --> content/about.en.md:6:31\n",
        "error: the address `vbscript:...` would run a program in the reader's browser\n  --> content/about.en.md:6:61\n",
        "  --> content/about.en.md:8:1\n",
        "  = hint: link to a page or a web address (https://...) instead",
    ]);
}

#[test]
fn data_links_are_a_warning() {
    let site = good_site();
    site.write(
        "content/about.en.md",
        page("About us", "Open [this](data:text/html,hello)."),
    );
    site.builds_with(&[
        "warning: the link is a `data:` address: the file it opens is written into the page itself\n  --> content/about.en.md:6:6\n",
    ]);
}

#[test]
fn a_percent_sign_before_a_georgian_letter_is_a_broken_link_not_a_crash() {
    let site = good_site();
    site.write(
        "content/about.ka.md",
        page("ჩვენ შესახებ", "[x](/news/50%-ფასდაკლება/) და [y](50%ფ)"),
    );
    site.fails(&[
        "error: the link `/news/50%-ფასდაკლება/` points to a page that does not exist\n  --> content/about.ka.md:6:1\n",
        "error: the link `50%ფ` points to a page that does not exist\n  --> content/about.ka.md:6:31\n",
    ]);
}

#[test]
fn directive_attributes_hold_any_text_and_stray_openings_are_errors() {
    let site = good_site();
    let title = "A *bold* `code` <b>tag</b> [link](/nowhere/) title";
    site.write(
        "content/about.en.md",
        page(
            "About us",
            &format!("{{{{< video youtube=\"dQw4w9WgXcQ\" title=\"{title}\" >}}}}\n\n`{{{{< code >}}}}` and \\{{{{< escaped\n\n```\n{{{{< block >}}}}\n```"),
        ),
    );
    site.builds_with(&[]);
    let html =
        std::fs::read_to_string(site.root().join("public/en/about/index.html")).expect("the page");
    assert!(
        html.contains("title=\"A *bold* `code` &lt;b&gt;tag&lt;/b&gt; [link](/nowhere/) title\""),
        "{html}"
    );
    assert!(!html.contains("{{&lt; video"), "{html}");

    let site = good_site();
    site.write(
        "content/about.en.md",
        page(
            "About us",
            "Text with {{< video youtube=\"dQw4w9WgXcQ\" title=\"x\" >}} inside.\n\n- {{< video youtube=\"dQw4w9WgXcQ\" title=\"*y*\" >}}\n\n{{< video youtube=\"dQw4w9WgXcQ\" title=\"w\" >}}\nand text after\n\n{{< video youtube=\"dQw4w9WgXcQ\" title=\"open\"\n\n{{< video *t*=\"x\" >}}",
        ),
    );
    site.fails(&[
        "error: `{{<` starts a directive, but this one is not alone in its paragraph, so it would be published as text\n  --> content/about.en.md:6:11\n",
        "  --> content/about.en.md:8:3\n",
        "error: the directive is not alone in its paragraph: text follows it on the next line\n  --> content/about.en.md:10:1\n",
        "error: the directive is not closed: it should end with >}}\n  --> content/about.en.md:13:1\n",
        "error: `*t*` is not an attribute name: write key=\"value\" pairs separated by spaces\n  --> content/about.en.md:15:1\n",
        "  = hint: write a directive alone in its paragraph (an empty line before and after)",
    ]);
}
