//! What an editor writes in Markdown is what readers get (issue 19, item 7, in part):
//! e-mail autolinks, image titles, markup and line breaks inside alternative text, heading ids
//! across line breaks, and code in the page's description.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::*;

/// Build a one-language site whose home page body is `body`; the home page's HTML.
fn home_with(body: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("site.yaml"), "title: T\nlanguages: [en]\n").unwrap();
    std::fs::write(
        root.join("content/_index.en.md"),
        format!("---\ntitle: Home\n---\n\n{body}\n"),
    )
    .unwrap();
    let r = build(root);
    assert!(r.ok(), "{}", r.stderr);
    read(&root.join("public"), "index.html")
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
