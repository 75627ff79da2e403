//! Addresses and anchors from titles in other scripts, through the real CLI: `slug:` and
//! headings in Russian, Ukrainian, Arabic and Persian give readable, non-empty Latin slugs
//! (romanised by the any_ascii crate; Georgian keeps its national romanisation), and
//! `campaign new` makes a file name from a Russian or Arabic title.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::*;

#[test]
fn other_scripts_give_non_empty_addresses_and_anchors() {
    let site = fixture("site-basic");
    let pages = [
        ("ru", "Медицинская помощь", "meditsinskaya-pomoshch"),
        ("uk", "Допомога з житлом", "dopomoga-z-zhitlom"),
        ("ar", "مساعدة طبية", "msdh-tbyh"),
        ("fa", "کمک پزشکی", "kmk-pzshky"),
    ];
    for (i, (_, title, _)) in pages.iter().enumerate() {
        let text =
            format!("---\ntitle: \"{title}\"\nslug: \"{title}\"\n---\n\n## {title}\n\nText.\n");
        std::fs::write(site.path().join(format!("content/p{i}.ka.md")), text).unwrap();
    }
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (lang, _, slug) in pages {
        let page = site.path().join(format!("public/{slug}/index.html"));
        assert!(page.is_file(), "{lang}: no page at /{slug}/");
        let html = std::fs::read_to_string(page).unwrap();
        assert!(
            html.contains(&format!("<h2 id=\"{slug}\"")),
            "{lang}: {html}"
        );
    }
}

#[test]
fn new_makes_a_file_name_from_a_russian_or_arabic_title() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert_eq!(campaign(&["init", site.to_str().unwrap()]).code, 0);
    let root = site.to_str().unwrap();
    for (title, file) in [
        ("Новости программы", "novosti-programmy"),
        ("أخبار البرنامج", "khbr-lbrnmj"),
    ] {
        let r = campaign(&["new", "news", title, "--root", root]);
        assert_eq!(r.code, 0, "{title}: {}", r.stderr);
        assert!(
            site.join(format!("content/news/{file}.ka.md")).is_file(),
            "{title}: {}",
            r.stdout
        );
    }
}
