//! `serve` on a large site shows pages before its first build is done: once the model is
//! ready, each page asked for is rendered on its own (`render::preview`), while the whole
//! render runs. These tests hold such pages to the whole build's, byte for byte, and check
//! what `serve` does meanwhile: the address comes early, pages and static files are
//! answered, anything else waits for the build, and the pages reload once it is published.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use campaign::date::Date;
use campaign::pipeline::BuildOptions;
use campaign::render::preview::Preview;
use campaign::session::Session;
use std::path::Path;
use support::bundled_copy;
use support::serve::{atomic_write, eventually, serve_with_env};

fn options() -> BuildOptions {
    BuildOptions {
        today: Date::new(2026, 11, 23).expect("date"),
        base_url: Some("http://127.0.0.1:4717/".into()),
        preview: true,
        ..Default::default()
    }
}

/// Add `n` news items in both languages (enough for the news list to run over pages).
fn add_news(root: &Path, n: usize) {
    let dir = root.join("content/news");
    for i in 0..n {
        for (lang, title, body) in [
            ("ka", "სიახლე", "მიგრანტებისთვის დახმარების შესახებ."),
            ("en", "News item", "About help for returned migrants."),
        ] {
            let text = format!(
                "---\ntitle: \"{title} {i}\"\ndescription: \"{title} {i}\"\ndate: 2020-01-{:02}\n---\n\n{body} {i}\n\n## {title}\n\n[{title}](/news/)\n",
                i % 28 + 1
            );
            std::fs::write(dir.join(format!("item-{i:05}.{lang}.md")), text).expect("write");
        }
    }
}

/// Every page and static file the preview offers is the whole build's file, byte for byte;
/// every page of the site is offered, later pages of a long list too.
fn preview_matches_the_whole_build(root: &Path) {
    let mut session = Session::new(root.to_path_buf(), options());
    let mut preview: Option<Preview> = None;
    let build = session.build_previewed(options().today, &mut |p| preview = Some(p));
    assert!(!build.failed(), "{:#?}", build.diagnostics);
    let preview = preview.expect("a preview, before the render");
    let out = build.output.as_ref().expect("output");
    let mut offered = 0;
    for path in out.paths() {
        if let Some(bytes) = preview.get(path) {
            offered += 1;
            if Some(&bytes) != out.get(path).as_ref() {
                panic!(
                    "{path} differs:\n--- preview\n{}\n--- whole build\n{}",
                    String::from_utf8_lossy(&bytes),
                    String::from_utf8_lossy(&out.get(path).unwrap_or_default())
                );
            }
        }
    }
    let pages: usize = build.pages_per_lang.iter().map(|(_, n)| n).sum();
    assert!(offered > pages, "{offered} files offered for {pages} pages");
    for page in [
        "index.html",
        "en/index.html",
        "en/news/index.html",
        "style.css",
    ] {
        assert!(preview.get(page).is_some(), "{page}");
    }
    // Only the whole build makes these.
    for other in [
        "sitemap.xml",
        "404.html",
        "en/news/feed.xml",
        "nothing/index.html",
    ] {
        assert!(preview.get(other).is_none(), "{other}");
    }
}

#[test]
fn preview_pages_are_the_whole_builds_pages() {
    let fx = bundled_copy();
    add_news(fx.path(), 60);
    // A static file at a page's address: the page wins, in the preview as in the build.
    let shadow = fx.path().join("static/en/about");
    std::fs::create_dir_all(&shadow).expect("mkdir");
    std::fs::write(shadow.join("index.html"), "STATIC-SHADOW").expect("write");
    preview_matches_the_whole_build(fx.path());
    assert!(fx.path().join("content/news/item-00059.en.md").exists());
    let mut session = Session::new(fx.path().to_path_buf(), options());
    let mut preview = None;
    session.build_previewed(options().today, &mut |p| preview = Some(p));
    let preview = preview.expect("preview");
    // 60 items and more: the list runs over two pages, and the second one is offered too.
    assert!(preview.get("en/news/page/2/index.html").is_some());
    assert!(preview.get("en/news/page/9/index.html").is_none());
    assert!(preview.has("en/news/page/2/index.html") && preview.has("style.css"));
    assert!(!preview.has("sitemap.xml") && !preview.has("en/news/page/x/index.html"));
}

#[test]
fn a_site_with_errors_has_no_preview() {
    let fx = bundled_copy();
    let about = fx.path().join("content/news/awareness-training-2018.en.md");
    let text = std::fs::read_to_string(&about).expect("read");
    std::fs::write(&about, text.replacen("date: 2018-06-15", "date: [", 1)).expect("write");
    let mut session = Session::new(fx.path().to_path_buf(), options());
    let mut previewed = false;
    let build = session.build_previewed(options().today, &mut |_| previewed = true);
    assert!(build.failed());
    assert!(!previewed, "pages of a site with errors are not previewed");
}

/// The token of the snapshot a served page belongs to (`data-state` of the reload script).
fn token(html: &str) -> String {
    let at = html.rfind("data-state=\"").expect("reload script") + "data-state=\"".len();
    html[at..].split('"').next().unwrap_or_default().to_string()
}

#[test]
fn serve_shows_pages_before_its_first_build_is_done() {
    let fx = bundled_copy();
    add_news(fx.path(), 60);
    // The first build waits after its preview until this file exists: what `serve` does
    // meanwhile is checked without racing the build.
    let go = tempfile::tempdir().expect("temp dir");
    let go = go.path().join("go");
    let server = serve_with_env(fx.path(), &[], &[("CAMPAIGN_HOLD_FIRST_BUILD", &go)]);
    let first = server.first.join("\n");
    assert!(
        !first.contains("Built "),
        "the address comes first:\n{first}"
    );
    let notice = server.wait_output("pages are made as you open them");
    assert!(notice.starts_with("  "), "{notice}");

    // Pages now, from the preview (the token of the snapshot before the first build).
    let home = server.get("/en/news/item-00059/");
    assert_eq!(home.status, 200);
    let early = home.text();
    assert!(early.contains("News item 59"), "{early}");
    assert!(
        token(&early).ends_with("-0"),
        "from the preview: {}",
        token(&early)
    );
    let list = server.get("/en/news/page/2/");
    assert_eq!(list.status, 200);
    assert!(token(&list.text()).ends_with("-0"));
    assert_eq!(server.get("/style.css").status, 200);
    // A page's address without its slash is sent to the folder, as after the build.
    let bare = server.get("/en/news");
    assert_eq!(bare.status, 308, "{:?}", bare.headers);

    // What only the whole build makes waits for it.
    let port = server.port;
    let waiting =
        std::thread::spawn(move || support::serve::http(port, "GET", "/sitemap.xml", &[], None));
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        !waiting.is_finished(),
        "the sitemap waits for the whole build"
    );
    // A save while the first build runs shows once it is done.
    let item = fx.path().join("content/news/item-00001.en.md");
    let text = std::fs::read_to_string(&item).expect("read");
    atomic_write(
        &item,
        &text.replace("About help", "SAVED-MEANWHILE about help"),
    );
    let mut events = server.events();
    std::fs::write(&go, "").expect("let the build go on");
    let sitemap = waiting.join().expect("the sitemap");
    assert_eq!(sitemap.status, 200);
    assert!(sitemap.text().contains("item-00059"));
    server.wait_output("Built ");
    // Open pages reload once, into the whole build.
    let token_now = events.expect("reload");
    assert!(token_now.ends_with("-1"), "{token_now}");
    let late = server.get("/en/news/item-00059/").text();
    assert!(token(&late).ends_with("-1"), "{}", token(&late));
    assert_eq!(early.replace(&token(&early), &token(&late)), late);
    eventually("the save made meanwhile", || {
        server
            .get("/en/news/item-00001/")
            .text()
            .contains("SAVED-MEANWHILE")
    });
}

#[test]
fn a_page_whose_template_fails_is_not_previewed() {
    let fx = bundled_copy();
    let about = fx.path().join("content/about.en.md");
    let text = std::fs::read_to_string(&about).expect("read");
    std::fs::write(
        &about,
        text.replacen("---\n", "---\ntemplate: nope.html\n", 1),
    )
    .expect("write");
    let mut session = Session::new(fx.path().to_path_buf(), options());
    let mut preview = None;
    let build = session.build_previewed(options().today, &mut |p| preview = Some(p));
    assert!(build.failed(), "the template is missing");
    let preview = preview.expect("the other pages are previewed");
    assert!(preview.get("en/about/index.html").is_none());
    assert!(preview.get("about/index.html").is_some());
}
