//! Printable posters (`<page address>poster/`): with the site's address known, every page of
//! the bundled site's services section and the self-check's start page get one in both
//! languages, linked from the page; in real headless Chromium each poster's QR code, read by
//! `zbarimg` (Debian's zbar-tools) from a screenshot, is the page's absolute address, and the
//! poster prints on one A4 page. Without the address no poster is written and one note says
//! so; `posters:` in site.yaml chooses the pages, and its mistakes are errors. axe and the Nu
//! checker read the posters in tests/accessibility.rs and tests/quality.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::*;

use fantoccini::wd::PrintConfiguration;
use std::path::Path;
use support::browser::{Driver, serve};

/// The address the bundled site is built for, under a sub-path.
const BASE: &str = "https://example.ge/campaign/";

/// The pages that must have a poster, as site paths: every page of `content/services/` in
/// both languages, read from the folder itself, and the self-check's start page, from `path:`
/// in content/self-check.yaml.
fn expected_pages(site: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(site.join("content/services")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        let (stem, prefix) = match (name.strip_suffix(".ka.md"), name.strip_suffix(".en.md")) {
            (Some(stem), _) => (stem.to_string(), "/"),
            (_, Some(stem)) => (stem.to_string(), "/en/"),
            _ => continue,
        };
        let page = if stem == "_index" {
            String::new()
        } else {
            format!("{stem}/")
        };
        out.push(format!("{prefix}services/{page}"));
    }
    let check: serde_yaml::Value =
        serde_yaml::from_str(&read(site, "content/self-check.yaml")).unwrap();
    let path = check["path"].as_str().expect("the self-check's path:");
    out.push(format!("/{path}/"));
    out.push(format!("/en/{path}/"));
    out.sort();
    out
}

/// The pages whose poster was written (`<page>/poster/index.html`), as site paths.
fn poster_pages(out: &Path) -> Vec<String> {
    let mut pages: Vec<String> = tree(out)
        .into_iter()
        .filter_map(|(rel, _)| {
            rel.strip_suffix("poster/index.html")
                .map(|page| format!("/{page}"))
        })
        .collect();
    pages.sort();
    pages
}

/// Whether any folder of the output is called `poster`.
fn has_poster_folder(out: &Path) -> bool {
    tree(out)
        .iter()
        .any(|(rel, _)| rel.split('/').rev().skip(1).any(|d| d == "poster"))
}

/// A fresh copy of the bundled site, `edit`ed, and its build with `options`.
fn bundled_build(edit: impl FnOnce(&Path), options: &[&str]) -> (Fixture, Built) {
    let site = bundled_copy();
    edit(site.path());
    let b = build_to_temp_with(site.path(), options);
    (site, b)
}

#[test]
fn the_services_pages_and_the_self_check_get_posters_linked_from_their_pages() {
    let (site, b) = bundled_build(|_| {}, &["--base-url", BASE]);
    assert!(b.ok(), "{}", b.stderr);
    let expected = expected_pages(site.path());
    assert_eq!(expected.len(), 12, "{expected:?}");
    for check in ["/check/", "/en/check/"] {
        assert!(
            file_of(&b.out, check).is_file(),
            "{check} is the self-check"
        );
    }
    assert_eq!(poster_pages(&b.out), expected);
    for page in &expected {
        let poster = read(&b.out, &format!("{}poster/index.html", &page[1..]));
        let address = format!("{BASE}{}", &page[1..]);
        assert!(poster.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(
            poster.contains(&format!(
                "<p class=\"poster-address\" dir=\"ltr\">{address}</p>"
            )),
            "{page}: the address is printed under the code"
        );
        assert!(
            !poster.contains("<img"),
            "{page}: the code is inside the page"
        );
        let svg = between(&poster, "<svg", ">");
        assert!(
            svg.contains("role=\"img\"") && svg.contains(&address),
            "{page}: the code is an image named by its address: {svg}"
        );
    }
    // Each page links its poster, hidden in print; no other page links one.
    for (rel, bytes) in tree(&b.out) {
        let Some(dir) = rel.strip_suffix("index.html") else {
            continue;
        };
        let page = format!("/{dir}");
        let html = String::from_utf8_lossy(&bytes);
        let want = usize::from(expected.contains(&page) && !page.ends_with("/poster/"));
        assert_eq!(
            html.matches("class=\"poster-link\"").count(),
            want,
            "{page}"
        );
        let link = "<p class=\"poster-link\"><a href=\"poster/\">";
        assert_eq!(html.matches(link).count(), want, "{page}");
    }
    // Posters print on A4; the link to one is left out of printouts.
    let css = read(&b.out, "style.css");
    assert!(css.contains("@page poster { size: A4;"));
    let print = between(&css, "@media print {", "}");
    assert!(print.contains(".poster-link,"), "{print}");
    assert!(!read(&b.out, "sitemap.xml").contains("/poster/"));
}

/// The number of pages of a PDF (Chromium writes its page objects uncompressed).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
        .count()
}

#[tokio::test]
async fn each_poster_s_code_reads_as_its_page_address_and_prints_on_one_a4_page() {
    assert!(
        Path::new("/usr/bin/zbarimg").is_file(),
        "zbarimg is missing: install Debian's zbar-tools (`apt-get install zbar-tools`; bash .ci/run does it)"
    );
    let (site, b) = bundled_build(|_| {}, &["--base-url", BASE]);
    assert!(b.ok(), "{}", b.stderr);
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let server = serve(b.out.clone());
    let profile = tempfile::tempdir().expect("profile dir");
    let shots = tempfile::tempdir().expect("screenshots dir");
    let c = driver
        .session(true, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    c.set_window_size(1000, 1600).await.expect("window size");
    let mut read_codes = Vec::new();
    for (n, page) in expected_pages(site.path()).iter().enumerate() {
        c.goto(&format!("{}{}poster/", server.base, &page[1..]))
            .await
            .expect("open the poster");
        let png = shots.path().join(format!("{n}.png"));
        std::fs::write(&png, c.screenshot().await.expect("screenshot")).unwrap();
        let zbar = std::process::Command::new("/usr/bin/zbarimg")
            .args(["--quiet", "--raw"])
            .arg(&png)
            .output()
            .expect("run zbarimg");
        let text = String::from_utf8_lossy(&zbar.stdout).trim_end().to_string();
        assert_eq!(text, format!("{BASE}{}", &page[1..]), "{page}: {zbar:?}");
        let pdf = c.print(PrintConfiguration::default()).await.expect("print");
        assert_eq!(
            pdf_pages(&pdf),
            1,
            "{page}: the poster prints on one A4 page"
        );
        read_codes.push(text);
    }
    c.close().await.expect("close the session");
    println!("{} posters read: {read_codes:?}", read_codes.len());
}

#[test]
fn without_base_url_no_poster_is_written_and_one_note_says_so() {
    let (_site, b) = bundled_build(|_| {}, &[]);
    assert!(b.ok(), "{}", b.stderr);
    assert!(!has_poster_folder(&b.out), "no poster/ folder anywhere");
    for (rel, bytes) in tree(&b.out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("class=\"poster-link\""),
            "{rel} links a poster that was not written"
        );
    }
    assert_eq!(b.stderr.matches("note:").count(), 1, "{}", b.stderr);
    let note: String = b
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with("note:"))
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_transcript(transcript("posters-no-base-url.stderr"), &note);
}

#[test]
fn posters_in_site_yaml_choose_the_pages() {
    let set = |list: &'static str| move |site: &Path| append_site_yaml(site, list);
    // A section's address covers its pages; the self-check only when listed.
    let (_site, b) = bundled_build(set("posters: [/help/]\n"), &["--base-url", BASE]);
    assert!(b.ok(), "{}", b.stderr);
    let pages = poster_pages(&b.out);
    assert!(
        pages.contains(&"/help/".to_string()) && pages.contains(&"/en/help/tolerant/".to_string())
    );
    assert!(
        pages
            .iter()
            .all(|p| p.starts_with("/help/") || p.starts_with("/en/help/"))
    );
    // None at all: the note does not mention posters.
    let (_site, b) = bundled_build(set("posters: []\n"), &["--base-url", BASE]);
    assert!(b.ok() && !has_poster_folder(&b.out), "{}", b.stderr);
    let (_site, b) = bundled_build(set("posters: []\n"), &[]);
    assert!(b.ok() && !b.stderr.contains("poster"), "{}", b.stderr);
}

#[test]
fn a_poster_entry_leading_nowhere_and_a_poster_on_a_page_s_address_are_errors() {
    let site = fixture("site-posters");
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert!(!site.path().join("public").exists());
    assert_transcript(
        expected("site-posters", "expected-stderr"),
        &normalise(&r.stderr, site.path()),
    );
}
