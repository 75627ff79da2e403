//! Hostile input through the real CLI: script and data links, a `%` before a Georgian letter,
//! directives whose attributes hold Markdown, control characters, huge numbers, deep
//! nesting, oversized files, self-check limits and themes outside the site. Every case runs
//! `build` and `check` on a copy of `tests/fixtures/hostile-base` that was built once, and
//! asserts the exit code, the message with file:line:column and hint, plain words (no Rust
//! type names, no panic), and that the previous output is byte for byte intact.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use support::{Fixture, Run, build, campaign, fixture, tree};

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
    dir: Fixture,
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
fn script_addresses_in_raw_html_are_errors_with_their_place() {
    let site = good_site();
    site.write(
        "content/about.en.md",
        page(
            "About us",
            "Text <a href=\"javascript:alert(1)\">x</a> here.\n\n<div><a class='b' HREF='&#106;avascript&colon;x'>y</a></div>\n\n<img src=\"VBScript:x\" alt=\"\">",
        ),
    );
    site.fails(&[
        "error: the address `javascript:...` would run a program in the reader's browser\n  --> content/about.en.md:6:15\n",
        "  --> content/about.en.md:8:25\n",
        "error: the address `vbscript:...` would run a program in the reader's browser\n  --> content/about.en.md:10:11\n",
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
            &format!("{{{{< video youtube=\"dQw4w9WgXcQ\" title=\"{title}\" >}}}}\n\n`{{{{< code >}}}}` and \\{{{{< escaped\n\n```\n{{{{< block >}}}}\n```\n\n<!-- {{{{< video youtube=\"dQw4w9WgXcQ\" >}}}}\n{{{{< later >}}}} -->\n\nput aside <!-- {{{{< video >}}}} --> inline"),
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

#[test]
fn control_characters_are_errors_with_line_and_column() {
    let site = good_site();
    site.write(
        "content/about.en.md",
        "---\ntitle: About\u{0} us\ndescription: About us\n---\n\nText\u{0}with a NUL.\n",
    );
    site.write(
        "content/news/sale.en.md",
        "---\ntitle: Discount\ndescription: Discount\n---\n\nA line\u{b}break from Word.\n",
    );
    site.fails(&[
        "error: the text contains 2 invisible control characters, the first one here (U+0000)\n  --> content/about.en.md:2:13\n    |\n  2 | title: About\u{2400} us\n    |             ^\n  = hint: delete it: it is invisible in most editors",
        "error: the text contains an invisible control character (U+000B)\n  --> content/news/sale.en.md:6:7\n",
        "  = hint: this is a line break pasted from Word: delete it and press Enter instead",
    ]);

    let site = good_site();
    let config = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    site.write(
        "site.yaml",
        config.replace("en: Test site", "en: Test\u{1b} site"),
    );
    site.fails(&[
        "error: the text contains an invisible control character (U+001B)\n  --> site.yaml:3:11\n",
    ]);
}

#[test]
fn huge_numbers_are_plain_words() {
    let site = good_site();
    site.write(
        "content/about.en.md",
        "---\ntitle: About us\ndescription: About us\nweight: 123456789012345678901234567890\nphone: -99999999999999999999999\n---\n\nText.\n",
    );
    site.fails(&[
        "error: the number `123456789012345678901234567890` in `weight` is too large\n  --> content/about.en.md:4:9\n",
        "  = hint: if it is not a number to count with (a phone, account or ID number), put it in quotes: \"...\"",
    ]);
}

#[test]
fn deep_nesting_fails_fast_and_large_yaml_is_refused() {
    let site = good_site();
    site.write(
        "content/about.en.md",
        format!(
            "---\ntitle: About us\ndescription: About us\nextra: {}\n---\n\nText.\n",
            "[".repeat(64_000)
        ),
    );
    let started = std::time::Instant::now();
    site.fails(&[
        "error: the YAML is nested more than 64 levels deep\n  --> content/about.en.md:4:71\n",
        "  = hint: check for `[` or `{` that are never closed",
    ]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );

    let site = good_site();
    let mut nested = String::from("---\ntitle: About us\ndescription: About us\nextra:\n");
    for depth in 1..100 {
        nested.push_str(&format!("{}k{depth}:\n", "  ".repeat(depth)));
    }
    site.write("content/about.en.md", nested + "---\n\nText.\n");
    site.fails(&[
        "error: the YAML is nested more than 64 levels deep\n  --> content/about.en.md:68:",
    ]);

    let site = good_site();
    let big = format!(
        "---\ntitle: About us\ndescription: About us\nextra: \"{}\"\n---\n\nText.\n",
        "x".repeat(5 * 1024 * 1024)
    );
    site.write("content/about.en.md", big);
    site.fails(&[
        "error: the YAML is too large: 6 MB, more than the 4 MB campaign reads\n  --> content/about.en.md:2\n",
    ]);
}

#[test]
fn templates_that_include_each_other_are_named_with_their_line() {
    let site = good_site();
    site.write("templates/a.html", "<p>A</p>\n{% include \"b.html\" %}\n");
    site.write("templates/b.html", "B {% include \"a.html\" %}\n");
    site.write(
        "content/about.en.md",
        "---\ntitle: About us\ndescription: About us\ntemplate: a.html\n---\n\nText.\n",
    );
    site.fails(&[
        "error: the templates include each other in a circle: a.html → b.html → a.html\n  --> templates/a.html:2:4\n",
        "  = hint: remove one of these `{% include %}` lines",
    ]);
}

/// A self-check whose questions form one chain of `n`, each with a second answer that ends.
fn chain(n: usize) -> String {
    let mut out = String::from(
        "path: check\ntitle: {ka: \"ა\", en: \"A\"}\nintro: {ka: \"ა\", en: \"A\"}\nfirst: q0\nquestions:\n",
    );
    for i in 0..n {
        let next = if i + 1 < n {
            format!("q{}", i + 1)
        } else {
            "end".into()
        };
        out.push_str(&format!(
            "  - id: q{i}\n    question: {{ka: \"კ?\", en: \"Q?\"}}\n    answers:\n      - label: {{ka: \"კი\", en: \"Yes\"}}\n        next: {next}\n      - label: {{ka: \"არა\", en: \"No\"}}\n        next: no\n"
        ));
    }
    out.push_str("outcomes:\n  - id: end\n    kind: eligible\n    title: {ka: \"ა\", en: \"A\"}\n    body: {ka: \"ა\", en: \"A\"}\n  - id: no\n    kind: not-eligible\n    title: {ka: \"ა\", en: \"A\"}\n    body: {ka: \"ა\", en: \"A\"}\n");
    out
}

#[test]
fn self_check_size_limits_are_plain_errors() {
    let site = good_site();
    site.write("content/self-check.yaml", chain(999));
    let started = std::time::Instant::now();
    site.fails(&[
        "error: the self-check has 999 questions, more than the 200 it may have\n  --> content/self-check.yaml:5\n",
    ]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );

    let site = good_site();
    site.write("content/self-check.yaml", chain(60));
    site.fails(&[
        "error: the longest way through the self-check asks 60 questions, more than the 50 allowed\n  --> content/self-check.yaml:4\n",
    ]);

    let site = good_site();
    site.write("content/self-check.yaml", chain(50));
    site.builds_with(&[]);
}

#[test]
fn a_theme_is_a_name_under_themes_and_nothing_outside_the_site_is_read() {
    // A folder beside the site with a theme in it, and a secret to leak.
    let site = good_site();
    let outside = tempfile::tempdir().expect("temp dir");
    let theme = outside.path().join("elsewhere");
    std::fs::create_dir_all(theme.join("static")).expect("mkdir");
    std::fs::create_dir_all(theme.join("templates")).expect("mkdir");
    std::fs::write(theme.join("static/secret.txt"), "TOP-SECRET").expect("write");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    let line = config.lines().count() + 1;
    for value in [
        "../../elsewhere".to_string(),
        theme.display().to_string(),
        "themes/../../elsewhere".to_string(),
        "..".to_string(),
    ] {
        site.write("site.yaml", format!("{config}theme: {value}\n"));
        site.fails(&[
            &format!("error: `{value}` is not the name of a theme: a theme is a folder under themes/\n  --> site.yaml:{line}:8\n"),
            "  = hint: write only the folder's name, like `theme: campaign` for themes/campaign/",
        ]);
    }
    // A theme folder that is a link to somewhere else is not read either.
    #[cfg(unix)]
    {
        std::fs::create_dir_all(site.root().join("themes")).expect("mkdir");
        std::os::unix::fs::symlink(&theme, site.root().join("themes/linked")).expect("link");
        site.write("site.yaml", format!("{config}theme: linked\n"));
        let b = site.fails(&[
            "warning: this is a link to a file or folder outside the site folder, so it is left out\n  --> themes/linked/static\n",
        ]);
        assert!(!b.stderr.contains("TOP-SECRET"));
    }
    let leaked = tree(&site.root().join("public"))
        .into_iter()
        .any(|(_, bytes)| bytes.windows(10).any(|w| w == b"TOP-SECRET"));
    assert!(!leaked, "a file from outside the site was published");
}

#[test]
fn json_in_script_elements_escapes_markup() {
    let site = fixture("site-content");
    let page = site.path().join("content/help/alpha.en.md");
    let text = std::fs::read_to_string(&page).expect("alpha.en.md");
    std::fs::write(
        &page,
        text.replacen(
            "email:",
            "address: \"Rustaveli Ave 1 <!--<script></script> & co\"\nemail:",
            1,
        ),
    )
    .expect("write");
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(site.path().join("public/en/help/alpha/index.html"))
        .expect("the organisation page");
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD");
    let json = &html[start + 35..];
    let json = &json[..json.find("</script>").expect("end of the JSON-LD")];
    assert!(
        !json.contains(['<', '>', '&']),
        "markup characters in the JSON-LD: {json}"
    );
    assert!(
        json.contains(r"Rustaveli Ave 1 \u003c!--\u003cscript\u003e\u003c/script\u003e \u0026 co")
    );
}

#[test]
fn a_menu_entry_to_nowhere_names_its_line() {
    let site = good_site();
    let config = std::fs::read_to_string(site.root().join("site.yaml")).expect("site.yaml");
    site.write(
        "site.yaml",
        config.replace("  - /news/", "  - /news/\n  - /nowhere/"),
    );
    let line = config
        .lines()
        .position(|l| l == "  - /news/")
        .expect("menu")
        + 2;
    site.fails(&[&format!(
        "error: the menu entry `/nowhere/` points to a page that does not exist\n  --> site.yaml:{line}\n"
    )]);
}
