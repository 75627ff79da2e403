//! The search index and the A–Z through the real CLI, without a browser: a long list goes on
//! one page per letter, and a stand-in (a page shown in a language it is not written in) is
//! found in its own language only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::*;

use std::path::Path;

/// The text of every `<a>` in the `a-z-pages` lists of an HTML file.
fn a_to_z_titles(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for list in html.split("<ul class=\"a-z-pages\">").skip(1) {
        let list = list.split("</ul>").next().unwrap_or("");
        for a in list.split("<a ").skip(1) {
            let text = a.split_once('>').unwrap().1.split("</a>").next().unwrap();
            out.push(text.to_string());
        }
    }
    out
}

/// Every file of the index of `lang`, as one text.
fn index_text(out: &Path, lang: &str) -> String {
    let mut all = String::new();
    for e in walkdir::WalkDir::new(out.join("search/data").join(lang)) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            all += &std::fs::read_to_string(e.path()).unwrap();
        }
    }
    all
}

#[test]
fn a_long_a_to_z_goes_on_a_page_per_letter_and_stand_ins_stay_in_their_language() {
    let site = fixture("site-content");
    append_site_yaml(site.path(), "search: true\n");
    let letters = ["Apple", "Birch", "Cedar", "Daisy", "Elder", "Fern", "Grape"];
    let mut written = Vec::new();
    for n in 0..320 {
        let title = format!("{} note {n}", letters[n % letters.len()]);
        std::fs::write(
            site.path().join(format!("content/help/note-{n}.en.md")),
            format!("---\ntitle: {title}\n---\n\nA note about quinces number {n}.\n"),
        )
        .unwrap();
        written.push(title);
    }
    let r = build_to_temp(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.out;

    // English has more than 300 pages: its search page links one page per letter, and those
    // pages together list every English page once.
    let home = std::fs::read_to_string(out.join("en/search/index.html")).unwrap();
    assert!(
        a_to_z_titles(&home).is_empty(),
        "no list on the search page itself"
    );
    let mut listed = Vec::new();
    for n in 0..letters.len() {
        assert!(home.contains(&format!("a-z/{}/", n + 1)), "letter {n}");
    }
    for e in std::fs::read_dir(out.join("en/search/a-z")).unwrap() {
        let page = std::fs::read_to_string(e.unwrap().path().join("index.html")).unwrap();
        listed.extend(a_to_z_titles(&page));
    }
    for t in &written {
        assert_eq!(listed.iter().filter(|x| *x == t).count(), 1, "{t} once");
    }
    assert!(
        listed.iter().any(|t| t == "Alpha"),
        "the fixture's own pages too: {listed:?}"
    );

    // Georgian has few pages of its own: one list on the search page, not the English notes'
    // stand-ins' words in its index; English finds them.
    assert!(index_text(out, "en").contains("/en/help/note-7/"));
    let ka = index_text(out, "ka");
    assert!(
        !ka.contains("note-7"),
        "a stand-in is not in the Georgian index"
    );
    assert!(!ka.contains("quince"));
}

/// An old address (`aliases:`) may not take the search page's: the build stops with one
/// message, where a redirect would otherwise have been written over by the search page.
#[test]
fn an_alias_may_not_take_the_search_pages_address() {
    let site = fixture("site-content");
    append_site_yaml(site.path(), "search: true\n");
    let alpha = site.path().join("content/help/alpha.en.md");
    let text = std::fs::read_to_string(&alpha).unwrap();
    std::fs::write(
        &alpha,
        text.replacen(
            "title: Alpha\n",
            "title: Alpha\naliases: [/en/search/]\n",
            1,
        ),
    )
    .unwrap();
    let r = build_to_temp(site.path());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("the alias `/en/search/` is the address of another page"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("error:").count(), 1, "{}", r.stderr);
}

#[test]
fn a_build_to_disk_writes_the_index_a_build_in_memory_holds() {
    // On disk, each term keeps only its best pages as the pages are counted; in memory (what
    // `serve` renders single pages of again), every page keeps its terms. One index either way.
    use campaign::pipeline::{self, BuildOptions};
    let site = bundled_copy();
    let out = tempfile::tempdir().unwrap();
    let options = |output| BuildOptions {
        today: campaign::date::Date::new(2026, 11, 23).unwrap(),
        base_url: Some("https://example.ge/".into()),
        output,
        ..Default::default()
    };
    let memory = pipeline::build(site.path(), &options(None));
    let held = memory.output.as_ref().expect("in memory");
    let disk = pipeline::build(site.path(), &options(Some(out.path().join("public"))));
    assert!(disk.output.is_none());
    let mut files = 0;
    for (path, bytes) in held.iter().filter(|(p, _)| p.starts_with("search/data/")) {
        let written = std::fs::read(out.path().join("public").join(path)).unwrap();
        assert!(written == *bytes, "{path} differs");
        files += 1;
    }
    let shards = held
        .iter()
        .filter(|(p, _)| p.starts_with("search/data/ka/t/"))
        .count();
    assert!(
        files > 20 && shards > 0,
        "{files} files, {shards} Georgian shards"
    );
}
