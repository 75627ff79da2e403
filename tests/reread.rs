//! Page bodies are not held between reading the site and rendering it (issue 21): the render
//! reads each body again. What it reads must be what was read first: a page saved in
//! between is an error naming its file, never a page with old front matter and a new body.
//! `serve` reads bodies again too, and builds again when a page changed during a build.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use campaign::media::Media;
use campaign::model::ModelOptions;
use campaign::write::Sink;
use std::sync::Arc;

const PAGE: &str = "content/about.en.md";

/// Read the bundled site, then (after `between`) model and render it into memory; the
/// messages and the English about page's HTML, when it was written.
fn render_after(between: impl FnOnce(&std::path::Path)) -> (Vec<String>, Option<String>) {
    let site = support::bundled_copy();
    let src = campaign::load::load(site.path());
    between(site.path());
    let opts = ModelOptions {
        drafts: false,
        today: campaign::date::Date::today_tbilisi(),
    };
    let (model, diags) = campaign::model::build(&src, &opts);
    assert!(!campaign::diagnostics::has_errors(&diags), "{diags:?}");
    let model = model.unwrap();
    let media = Arc::new(Media::new(src.published_files()));
    let sink = Sink::memory();
    let (diags, _) = campaign::render::render(&model, &src, &media, &sink, false, true);
    let html = sink
        .into_output()
        .unwrap()
        .get("en/about/index.html")
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    let messages = diags
        .iter()
        .filter(|d| d.severity == campaign::diagnostics::Severity::Error)
        .map(|d| {
            format!(
                "{}: {}: {}",
                d.file.as_deref().unwrap_or(""),
                d.code,
                d.message
            )
        })
        .collect();
    (messages, html)
}

/// Save the page with a sentence added at its end.
fn add_a_sentence(root: &std::path::Path) {
    let path = root.join(PAGE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text + "\nA sentence added during the build.\n").unwrap();
}

#[test]
fn the_body_read_again_is_the_body_of_the_page_as_read() {
    let (errors, html) = render_after(|_| {});
    assert!(errors.is_empty(), "{errors:?}");
    let text = support::read(support::repo(), PAGE);
    let body = text.split("\n---\n").nth(1).unwrap();
    // A sentence of the page's own body is on its page, so the body was read again.
    let sentence = body
        .lines()
        .find(|l| l.len() > 40 && !l.starts_with(['#', '-', '*', '|', '[', '!', '{']))
        .unwrap();
    let words: Vec<&str> = sentence.split_whitespace().take(4).collect();
    let html = html.unwrap();
    assert!(
        html.contains(&words.join(" ")),
        "{:?} not in the page",
        words.join(" ")
    );
}

#[test]
fn a_page_saved_between_reading_and_rendering_is_an_error_naming_it() {
    let (errors, _) = render_after(add_a_sentence);
    assert_eq!(
        errors,
        vec![format!(
            "{PAGE}: changed-during-build: the file changed while the site was being built"
        )]
    );
}
