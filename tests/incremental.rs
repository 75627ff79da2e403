//! `serve` renders only the edited pages when an edit touches nothing but Markdown bodies.
//! These tests hold every such rebuild to the result of a full build of the same files:
//! the same output, byte for byte, and the same messages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use campaign::date::Date;
use campaign::pipeline::{self, Build, BuildOptions};
use campaign::session::Session;
use std::path::{Path, PathBuf};
use support::bundled_copy;

fn today() -> Date {
    Date::new(2026, 11, 23).expect("date")
}

fn options() -> BuildOptions {
    BuildOptions {
        today: today(),
        base_url: Some("http://127.0.0.1:4717/".into()),
        // What a session builds (`serve`'s preview, without the offline worker), so that the
        // full builds compared with it are the same kind of build.
        preview: true,
        ..Default::default()
    }
}

/// A session over the site, after its first (full) build.
fn session(root: &Path) -> Session {
    let mut s = Session::new(root.to_path_buf(), options());
    let first = s.build(&[], today());
    assert!(!first.incremental);
    assert!(!first.failed(), "{:#?}", first.diagnostics);
    // `serve` keeps its text files deflated: the site in memory is much smaller than the
    // files it serves.
    let out = first.output.as_ref().expect("output");
    let served: usize = out.iter().map(|(_, bytes)| bytes.len()).sum();
    assert!(out.is_packed() && out.held_bytes() * 3 < served * 2);
    s
}

/// Replace the first `from` by `to` in a site file.
fn edit(root: &Path, rel: &str, from: &str, to: &str) -> PathBuf {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "`{from}` in {rel}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    PathBuf::from(rel)
}

/// Rebuild after `changed` and compare with a full build of the same files.
fn rebuild_and_compare(s: &mut Session, root: &Path, changed: &[PathBuf]) -> Build {
    let inc = s.build(changed, today());
    let full = pipeline::build(root, &options());
    assert_eq!(inc.diagnostics, full.diagnostics, "messages differ");
    assert_eq!(inc.failed(), full.failed());
    let files = |b: &Build| {
        let mut v: Vec<String> = b.outdated.iter().map(|o| o.file.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(files(&inc), files(&full), "outdated translations differ");
    assert_eq!(
        *inc.translations, *full.translations,
        "the overview differs"
    );
    if !full.failed() {
        assert_eq!(inc.files_written, full.files_written);
    }
    match (&inc.output, &full.output) {
        (Some(a), Some(b)) => {
            assert_eq!(a.paths(), b.paths(), "the same files");
            for path in b.paths() {
                if a.get(path) != b.get(path) {
                    let text = |o: &campaign::write::Output| {
                        o.get(path)
                            .map(|b| String::from_utf8_lossy(&b).into_owned())
                            .unwrap_or_default()
                    };
                    let (a, b) = (text(a), text(b));
                    let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                    let end = |s: &str| s.len().min(at + 300);
                    panic!(
                        "{path} differs from a full build at byte {at}:\nincremental: {}\nfull:        {}",
                        a.get(at.saturating_sub(100)..end(&a)).unwrap_or(&a),
                        b.get(at.saturating_sub(100)..end(&b)).unwrap_or(&b),
                    );
                }
            }
        }
        (None, None) => {}
        _ => panic!("one build has output, the other not"),
    }
    inc
}

fn page(b: &Build, path: &str) -> String {
    let out = b.output.as_ref().expect("output");
    String::from_utf8(out.get(path).expect(path).to_vec()).expect("utf-8")
}

#[test]
fn body_edits_render_only_their_pages_and_equal_a_full_build() {
    let dir = bundled_copy();
    let root = dir.path();
    let mut s = session(root);

    // A sentence in an English page.
    let rel = edit(
        root,
        "content/services/medical-care.en.md",
        "\n## ",
        "\nA sentence added by an editor.\n\n## ",
    );
    let b = rebuild_and_compare(&mut s, root, &[rel]);
    assert!(b.incremental, "a body edit renders only its page");
    assert!(
        page(&b, "en/services/medical-care/index.html").contains("A sentence added by an editor.")
    );

    // Two pages at once, one of them Georgian saved with Windows line ends.
    let ka = "content/services/medical-care.ka.md";
    let text = std::fs::read_to_string(root.join(ka)).expect("read");
    std::fs::write(
        root.join(ka),
        format!("{text}\nბოლო აბზაცი.\n").replace('\n', "\r\n"),
    )
    .expect("write");
    let other = edit(
        root,
        "content/about.en.md",
        "\n## ",
        "\n## A new heading\n\nText.\n\n## ",
    );
    let b = rebuild_and_compare(&mut s, root, &[PathBuf::from(ka), other]);
    assert!(b.incremental);
    assert!(page(&b, "services/medical-care/index.html").contains("ბოლო აბზაცი."));
    assert!(page(&b, "en/about/index.html").contains("id=\"a-new-heading\""));
}

#[test]
fn a_georgian_edit_outdates_its_translation_until_undone_and_a_page_message_comes_and_goes() {
    let dir = bundled_copy();
    let root = dir.path();
    let mut s = session(root);
    let ka = "content/about.ka.md";
    let original = std::fs::read_to_string(root.join(ka)).expect("read");
    let outdated = |b: &Build| b.outdated.iter().any(|o| o.file == "content/about.en.md");

    // A new sentence, and a link the lints warn about (a message of that page only).
    std::fs::write(
        root.join(ka),
        format!(
            "{original}
ახალი წინადადება [ბმული](http://example.org/).
"
        ),
    )
    .expect("write");
    let b = rebuild_and_compare(&mut s, root, &[PathBuf::from(ka)]);
    assert!(b.incremental);
    assert!(outdated(&b), "{:#?}", b.outdated);
    assert!(b.diagnostics.iter().any(|d| d.file.as_deref() == Some(ka)));

    // Undone: up to date again, and the page's message gone.
    std::fs::write(root.join(ka), &original).expect("write");
    let b = rebuild_and_compare(&mut s, root, &[PathBuf::from(ka)]);
    assert!(b.incremental);
    assert!(!outdated(&b), "{:#?}", b.outdated);
    assert!(!b.diagnostics.iter().any(|d| d.file.as_deref() == Some(ka)));
}

#[test]
fn a_page_with_a_video_poster_stays_incremental_until_its_images_change() {
    let dir = bundled_copy();
    let root = dir.path();
    let mut s = session(root);
    let rel = "content/news/awareness-training-2018.en.md";

    // Text around the video: the same images as before, so only this page is made again.
    let changed = edit(
        root,
        rel,
        "## More information",
        "An added line.\n\n## More information",
    );
    let b = rebuild_and_compare(&mut s, root, &[changed]);
    assert!(b.incremental, "the page asks for the same images");
    assert!(page(&b, "en/news/awareness-training-2018/index.html").contains("An added line."));

    // The poster dropped: other images than before, so everything is built.
    let changed = edit(root, rel, " poster=\"/images/sample-poster.jpg\"", "");
    let b = rebuild_and_compare(&mut s, root, &[changed]);
    assert!(!b.incremental, "the images asked for changed");
}

#[test]
fn a_summary_change_rewrites_the_feed() {
    let dir = bundled_copy();
    let root = dir.path();
    // A news item without a description: its first paragraph is its summary in the feed.
    edit(
        root,
        "content/news/awareness-training-2018.en.md",
        "description: \"In 2018, training participants learned about the State Program on Reintegration Assistance to Returned Georgian Migrants.\"\n",
        "",
    );
    let mut s = session(root);
    let before = pipeline::build(root, &options());
    let feed_before = page(&before, "en/news/atom.xml").to_string();
    let rel = edit(
        root,
        "content/news/awareness-training-2018.en.md",
        "In 2018, staff of the Migration",
        "Edited: in 2018, staff of the Migration",
    );
    let b = rebuild_and_compare(&mut s, root, &[rel]);
    assert!(b.incremental);
    let feed = page(&b, "en/news/atom.xml");
    assert_ne!(feed, feed_before);
    assert!(feed.contains("Edited: in 2018"));
}

#[test]
fn a_summary_change_rewrites_the_poster_of_that_page() {
    let dir = bundled_copy();
    let root = dir.path();
    // A service without a description: its poster shows its first paragraph.
    edit(
        root,
        "content/services/medical-care.en.md",
        "description: \"The programme provides medical care and medicines for migrants who have come back to Georgia.\"\n",
        "",
    );
    let mut s = session(root);
    let rel = edit(
        root,
        "content/services/medical-care.en.md",
        "People who have come back to Georgia and who meet",
        "Edited: people who have come back to Georgia and who meet",
    );
    // Only the edited page's poster is made again (the comparison holds every other poster
    // to a full build), and it shows the new first paragraph.
    let b = rebuild_and_compare(&mut s, root, &[rel]);
    assert!(b.incremental);
    let poster = page(&b, "en/services/medical-care/poster/index.html");
    assert!(
        poster.contains("Edited: people who have come back"),
        "{poster}"
    );
}

#[test]
fn broken_and_healed_anchors_across_pages_match_a_full_build() {
    let dir = bundled_copy();
    let root = dir.path();
    let mut s = session(root);
    // about links to a heading of medical-care ...
    let about = edit(
        root,
        "content/about.en.md",
        "\n## ",
        "\nSee [who can get it](/services/medical-care/#who-gets-it).\n\n## ",
    );
    let b = rebuild_and_compare(&mut s, root, &[about]);
    assert!(b.incremental);
    assert!(b.failed(), "the anchor does not exist yet");
    assert!(b.output.is_none());
    let codes: Vec<&str> = b.diagnostics.iter().map(|d| d.code.as_ref()).collect();
    assert!(codes.contains(&"broken-anchor"), "{codes:?}");

    // ... which gets that heading: the error on the other page goes away.
    let med = edit(
        root,
        "content/services/medical-care.en.md",
        "\n## ",
        "\n## Who gets it\n\nText.\n\n## ",
    );
    let b = rebuild_and_compare(&mut s, root, &[med]);
    assert!(b.incremental);
    assert!(!b.failed(), "{:#?}", b.diagnostics);

    // Renaming the heading breaks the link again.
    let med = edit(
        root,
        "content/services/medical-care.en.md",
        "## Who gets it",
        "## Who may get it",
    );
    let b = rebuild_and_compare(&mut s, root, &[med]);
    assert!(b.incremental);
    assert!(b.failed());
}

#[test]
fn other_changes_build_everything() {
    let dir = bundled_copy();
    let root = dir.path();
    let mut s = session(root);

    // Front matter.
    let rel = edit(
        root,
        "content/services/medical-care.en.md",
        "title: \"",
        "title: \"Edited ",
    );
    let b = rebuild_and_compare(&mut s, root, &[rel]);
    assert!(!b.incremental, "a title shows in lists and menus");

    // A new image in the body: images are shared between pages.
    let rel = edit(
        root,
        "content/about.en.md",
        "\n## ",
        "\n![A sample poster](/images/sample-poster.jpg)\n\n## ",
    );
    let b = rebuild_and_compare(&mut s, root, &[rel]);
    assert!(!b.incremental, "new images need the image pass");

    // A template.
    let rel = edit(
        root,
        "themes/default/templates/page.html",
        "{% endblock meta %}",
        "<!-- x -->{% endblock meta %}",
    );
    let b = rebuild_and_compare(&mut s, root, &[rel]);
    assert!(!b.incremental);

    // A page that is gone.
    std::fs::remove_file(root.join("content/about.en.md")).expect("remove");
    let b = rebuild_and_compare(&mut s, root, &[PathBuf::from("content/about.en.md")]);
    assert!(!b.incremental);

    // After full builds, body edits are incremental again.
    let rel = edit(
        root,
        "content/services/medical-care.en.md",
        "\n## ",
        "\nMore.\n\n## ",
    );
    let b = rebuild_and_compare(&mut s, root, &[rel]);
    assert!(b.incremental);
}
