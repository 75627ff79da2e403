//! A right-to-left language, through the real CLI and in headless Chromium: `ar` added to
//! the content fixture (its default direction is `rtl`; `dir:` in site.yaml overrides it and a
//! wrong value is an error with its line). Arabic pages get `dir="rtl"`, other languages'
//! pages stay left-to-right, the language switcher marks each name with its direction, a
//! phone number and an e-mail address keep their order (`dir="ltr"`) and a postal address is
//! isolated (`<bdi>`) inside Arabic text. In Chromium the Arabic pages lay out from the right
//! (a title starts at the right edge of its column, a Georgian one at the left) and axe
//! finds nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use support::axe::{axe, axe_source, lines};
use support::browser::{Driver, serve};

/// The content fixture with Arabic added: region names, the home page and one organisation.
fn arabic_site() -> support::Fixture {
    let site = support::fixture("site-content");
    let root = site.path();
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let yaml = yaml.replace("languages: [ka, en]", "languages: [ka, en, ar]");
    std::fs::write(root.join("site.yaml"), yaml).unwrap();
    let regions = root.join("content/regions.yaml");
    let mut text = std::fs::read_to_string(&regions).unwrap();
    for (id, name) in [
        ("tbilisi", "تبليسي"),
        ("adjara", "أجاريا"),
        ("kakheti", "كاخيتي"),
        ("guria", "غوريا"),
    ] {
        text = text.replace(
            &format!("- id: {id}\n"),
            &format!("- id: {id}\n  ar: {name}\n"),
        );
    }
    std::fs::write(&regions, text).unwrap();
    let write = |rel: &str, text: &str| std::fs::write(root.join(rel), text).unwrap();
    write(
        "content/_index.ar.md",
        "---\ntitle: الصفحة الرئيسية\n---\n\nنص قصير عن البرنامج.\n",
    );
    write(
        "content/help/alpha.ar.md",
        "---\ntitle: ألفا\nname: ألفا\nregions: [tbilisi, kakheti]\nphone: \"032 200 00 00\"\nemail: info@alpha.example.ge\naddress: \"Rustaveli Ave 1, Tbilisi\"\n---\n\nنص قصير.\n",
    );
    site
}

fn html(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn arabic_pages_are_right_to_left_and_contacts_keep_their_order() {
    let site = arabic_site();
    let b = support::build_to_temp(site.path());
    assert!(b.ok(), "{}", b.stderr);
    let ar = html(&b.out, "ar/index.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    for rel in ["index.html", "en/index.html"] {
        let page = html(&b.out, rel);
        assert!(!page.contains("dir=\"rtl\">"), "{rel} is not right-to-left");
        assert!(
            page.contains("lang=\"ar\" dir=\"rtl\" hreflang=\"ar\""),
            "{rel}: the switcher's Arabic name is marked right-to-left"
        );
        assert!(page.contains("hreflang=\"ar\""), "{rel}");
    }
    let org = html(&b.out, "ar/help/alpha/index.html");
    assert!(org.contains("dir=\"rtl\""), "{org}");
    assert!(org.contains("dir=\"ltr\">032 200 00 00</a>"), "{org}");
    assert!(
        org.contains("dir=\"ltr\">info@alpha.example.ge</a>"),
        "{org}"
    );
    assert!(org.contains("<bdi>Rustaveli Ave 1, Tbilisi</bdi>"), "{org}");
    // The 404 page names every language in its own direction.
    assert!(html(&b.out, "404.html").contains("lang=\"ar\" dir=\"rtl\""));
}

#[test]
fn the_direction_can_be_set_and_a_wrong_one_is_an_error_with_its_line() {
    let site = arabic_site();
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let listed = "languages: [ka, en, {code: ar, dir: ltr}]";
    std::fs::write(&yaml, text.replace("languages: [ka, en, ar]", listed)).unwrap();
    let b = support::build_to_temp(site.path());
    assert!(b.ok(), "{}", b.stderr);
    assert!(html(&b.out, "ar/index.html").contains("<html lang=\"ar\">"));

    let text = std::fs::read_to_string(&yaml).unwrap();
    let wrong = "languages:\n  - ka\n  - en\n  - code: ar\n    dir: sideways\n";
    std::fs::write(&yaml, text.replace(&format!("{listed}\n"), wrong)).unwrap();
    let r = support::build(site.path());
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("the direction `sideways` of `ar` is neither `ltr` nor `rtl`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("site.yaml:"), "{}", r.stderr);
}

#[tokio::test]
async fn arabic_pages_lay_out_from_the_right_in_chromium() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let site = arabic_site();
    let b = support::build_to_temp(site.path());
    assert!(b.ok(), "{}", b.stderr);
    let server = serve(b.out.clone());
    let profile = tempfile::tempdir().unwrap();
    let c = driver
        .session(true, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // Where the page title's text starts and ends within its column.
    let probe = "var p = document.querySelector('main h1'); var r = document.createRange();\
                 r.selectNodeContents(p); var t = r.getBoundingClientRect(), b = p.getBoundingClientRect();\
                 return [getComputedStyle(document.body).direction, t.left - b.left, b.right - t.right];";
    let source = axe_source();
    let mut problems = Vec::new();
    for (path, dir) in [("", "ltr"), ("ar/", "rtl"), ("ar/help/alpha/", "rtl")] {
        c.goto(&format!("{}{path}", server.base)).await.unwrap();
        let v = c.execute(probe, vec![]).await.unwrap();
        assert_eq!(v[0], dir, "/{path}");
        let (gap_left, gap_right) = (v[1].as_f64().unwrap(), v[2].as_f64().unwrap());
        if dir == "rtl" {
            assert!(gap_right < 1.0 && gap_left > 20.0, "/{path}: {v}");
        } else {
            assert!(gap_left < 1.0 && gap_right > 20.0, "/{path}: {v}");
        }
        problems.extend(lines(&format!("/{path}"), &axe(&c, &source).await));
    }
    c.close().await.unwrap();
    assert!(problems.is_empty(), "axe:\n{}", problems.join("\n"));
}
