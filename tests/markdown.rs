//! What an editor writes in Markdown is what readers get (issue 19, item 7, in part):
//! e-mail autolinks, image titles, markup and line breaks inside alternative text, heading ids
//! across line breaks, code in the page's description, and image and link addresses
//! percent-encoded as CommonMark writes them (the whole spec: `tests/commonmark.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::*;

/// Build a one-language site whose home page body is `body`; the home page's HTML.
fn home_with(body: &str) -> String {
    home_with_files(body, &[]).1
}

/// [`home_with`], with `files` (path in the site, text) beside; the site and the HTML.
fn home_with_files(body: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("site.yaml"), "title: T\nlanguages: [en]\n").unwrap();
    std::fs::write(
        root.join("content/_index.en.md"),
        format!("---\ntitle: Home\n---\n\n{body}\n"),
    )
    .unwrap();
    let r = build(root);
    assert!(r.ok(), "{}", r.stderr);
    let html = read(&root.join("public"), "index.html");
    (tmp, html)
}

#[test]
fn an_email_autolink_is_a_mailto_link_not_a_missing_page() {
    let html = home_with("Write to <info@example.ge>.");
    assert!(
        html.contains(r#"<a href="mailto:info@example.ge">info@example.ge</a>"#),
        "{html}"
    );
}

#[test]
fn an_image_keeps_its_title_and_its_alt_text_is_words_only() {
    let html = home_with(
        "![a *big*\nphoto with `code` and [a link](/x/)](https://example.org/p.png \"The title\")",
    );
    let img = between(&html, "<img ", ">");
    assert!(img.contains(r#"title="The title""#), "{img}");
    assert!(
        img.contains(r#"alt="a big photo with code and a link""#),
        "{img}"
    );
    assert!(
        !html.contains("<em></em>") && !html.contains("<a href=\"../x/\"></a>"),
        "{html}"
    );
}

#[test]
fn a_heading_over_two_lines_gets_an_id_with_both_words_and_code_stays_in_the_description() {
    let html = home_with("Use `campaign build` to publish.\n\nFoo\nbar\n===");
    assert!(html.contains(r#"<h1 id="foo-bar">"#), "{html}");
    assert!(
        html.contains(r#"<meta name="description" content="Use campaign build to publish.">"#),
        "{html}"
    );
}

const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#;

#[test]
fn image_and_link_addresses_are_encoded_and_still_lead_to_their_files() {
    let (site, html) = home_with_files(
        "![Plan](<plans/floor plan.svg>) ![სქემა](plans/სქემა.svg)\n\
         ![Map](<https://example.org/a b/რუკა.png>) ![Logo](https://example.org/a%20b.png)\n\n\
         [The plan](<plans/floor plan.svg>), [სქემა](plans/სქემა.svg), [sale](https://example.org/50%-off)",
        &[
            ("static/plans/floor plan.svg", SVG),
            ("static/plans/სქემა.svg", SVG),
        ],
    );
    let srcs = attrs(&html, "src");
    let local = [
        "plans/floor%20plan.svg",
        "plans/%E1%83%A1%E1%83%A5%E1%83%94%E1%83%9B%E1%83%90.svg",
    ];
    for want in local.iter().chain(&[
        "https://example.org/a%20b/%E1%83%A0%E1%83%A3%E1%83%99%E1%83%90.png",
        "https://example.org/a%20b.png",
    ]) {
        assert!(srcs.contains(want), "{want} not in {srcs:?}");
    }
    let hrefs = attrs(&html, "href");
    for want in local.iter().chain(&["https://example.org/50%25-off"]) {
        assert!(hrefs.contains(want), "{want} not in {hrefs:?}");
    }
    for address in local {
        let file = site
            .path()
            .join("public")
            .join(support::browser::percent_decode(address));
        assert!(file.is_file(), "{address} leads to no file");
    }
}
