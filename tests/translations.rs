//! Outdated translations (issue 17, parts 5 and 6): on the bundled site as shipped, editing a
//! Georgian page makes its English page "may be out of date" in `build`, `check` and the
//! preview; `campaign translated` clears it; `check --translations` and the preview's
//! overview list every page × language; a site without `translations.yaml` gets one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use support::serve::{eventually, serve};
use support::{bundled_copy, campaign, fixture, read};

const WARNING: &str = "warning: the English page may be out of date: the Georgian page changed after it was translated\n  --> content/about.en.md\n  = hint: see what changed in content/about.ka.md, bring this page up to date, then run `campaign translated content/about.en.md`\n";

fn at(site: &Path, args: &[&str]) -> support::Run {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--root", site.to_str().expect("utf-8")]);
    campaign(&all)
}

fn append(site: &Path, rel: &str, text: &str) {
    let path = site.join(rel);
    let mut old = std::fs::read_to_string(&path).expect("read");
    old.push_str(text);
    std::fs::write(path, old).expect("write");
}

fn build_to(site: &Path, out: &Path) -> support::Run {
    at(site, &["build", "--output", out.to_str().expect("utf-8")])
}

#[test]
fn editing_a_georgian_page_outdates_its_english_page_until_marked() {
    let fx = bundled_copy();
    let site = fx.path();
    let out = fx.beside().join("out");
    let shipped = read(site, "translations.yaml");
    // As shipped: every translation up to date, and building changes nothing in the record.
    let first = build_to(site, &out);
    assert!(first.ok(), "{}", first.stderr);
    assert!(!first.stderr.contains("out of date"), "{}", first.stderr);
    assert_eq!(read(site, "translations.yaml"), shipped);

    // Dates and blank lines are not text: nothing to translate.
    append(site, "content/about.ka.md", "\n\n");
    let date = read(site, "content/news/_index.ka.md");
    std::fs::write(
        site.join("content/news/_index.ka.md"),
        date.replacen("---\n", "---\nweight: 7\n", 1),
    )
    .expect("write");
    assert!(!at(site, &["check"]).stderr.contains("out of date"));

    // A new sentence is.
    append(site, "content/about.ka.md", "ახალი წინადადება.\n");
    let check = at(site, &["check"]);
    assert!(check.ok(), "{}", check.stderr);
    assert_eq!(
        check.stderr.matches("out of date").count(),
        1,
        "{}",
        check.stderr
    );
    assert!(check.stderr.contains(WARNING), "{}", check.stderr);
    let build = build_to(site, &out);
    assert!(build.stderr.contains(WARNING), "{}", build.stderr);
    let ka = at(site, &["--lang", "ka", "check"]);
    assert!(
        ka.stderr.contains("გაფრთხილება: ინგლისური თარგმანი შეიძლება მოძველებულია: ქართული გვერდი შეიცვალა მას შემდეგ, რაც ის ითარგმნა\n  --> content/about.en.md\n"),
        "{}",
        ka.stderr
    );
    let table = at(site, &["check", "--translations"]).stdout;
    let row = table
        .lines()
        .find(|l| l.trim_start().starts_with("about "))
        .expect("about row");
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        ["about", "✓", "!"]
    );
    assert!(
        table.contains("en: 21 translated, 0 missing, 1 may be out of date"),
        "{table}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&at(site, &["check", "--format", "json"]).stdout).expect("json");
    assert_eq!(json["outdated"][0]["file"], "content/about.en.md");
    assert_eq!(json["outdated"][0]["source"], "content/about.ka.md");

    // Marked up to date: the warning is gone; the record changed in that one line.
    let marked = campaign(&[
        "translated",
        "--root",
        site.to_str().expect("utf-8"),
        "content/about.en.md",
    ]);
    assert!(marked.ok(), "{}", marked.stderr);
    assert_eq!(
        marked.stdout,
        "up to date: content/about.en.md (with content/about.ka.md as it is now)\n"
    );
    assert!(!at(site, &["check"]).stderr.contains("out of date"));
    let now = read(site, "translations.yaml");
    let changed: Vec<&str> = now
        .lines()
        .zip(shipped.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a)
        .collect();
    assert_eq!(changed.len(), 1, "{now}");
    assert!(changed[0].starts_with("\"content/about.en.md\": "));
}

#[test]
fn only_translations_can_be_marked_and_nothing_is_written_on_a_mistake() {
    let fx = bundled_copy();
    let site = fx.path();
    let shipped = read(site, "translations.yaml");
    for (file, hint) in [
        (
            "content/about.ka.md",
            "this is the page the translations are made from; name a translation: content/about.en.md",
        ),
        ("content/nowhere.en.md", "or use --all"),
    ] {
        let r = at(site, &["translated", file]);
        assert_eq!(r.code, 1, "{file}: {}", r.stderr);
        assert!(
            r.stderr.starts_with(&format!(
                "error: {file} is not a translation of a page in the site's first language\n"
            )) && r.stderr.contains(hint),
            "{}",
            r.stderr
        );
    }
    assert_eq!(read(site, "translations.yaml"), shipped);
    // From inside the site folder, a path from there works too; --all marks everything.
    append(site, "content/about.ka.md", "ახალი.\n");
    append(site, "content/eligibility.ka.md", "ახალი.\n");
    assert_eq!(
        at(site, &["check"]).stderr.matches("out of date").count(),
        2
    );
    let here = support::campaign_in(&site.join("content"), &["translated", "about.en.md"]);
    assert!(here.ok(), "{}", here.stderr);
    assert_eq!(
        at(site, &["check"]).stderr.matches("out of date").count(),
        1
    );
    assert!(at(site, &["translated", "--all"]).ok());
    assert!(!at(site, &["check"]).stderr.contains("out of date"));
}

#[test]
fn a_site_without_a_record_gets_one_from_its_first_build_not_from_check() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let _ = std::fs::remove_file(site.join("translations.yaml"));
    assert!(at(site, &["check"]).ok());
    assert!(!site.join("translations.yaml").exists(), "check wrote");
    let out = fx.beside().join("out");
    assert!(build_to(site, &out).ok());
    let record = read(site, "translations.yaml");
    assert!(record.contains("\"content/about.en.md\": \""), "{record}");
    // A second build is the no-change shortcut: writing the record changed no input.
    let again = build_to(site, &out);
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
    append(site, "content/about.ka.md", "More.\n");
    assert!(at(site, &["check"]).stderr.contains("out of date"));
}

#[test]
fn a_broken_record_is_a_warning_at_its_line_and_is_never_written_over() {
    let fx = bundled_copy();
    let site = fx.path();
    let broken = "\"content/about.en.md\": \"x\"\n\"content/eligibility.en.md\": [1, 2]\n";
    std::fs::write(site.join("translations.yaml"), broken).expect("write");
    let r = build_to(site, &fx.beside().join("out"));
    assert!(r.ok(), "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: campaign cannot read this file, so it cannot tell which translations are out of date\n  --> translations.yaml:2"),
        "{}",
        r.stderr
    );
    assert_eq!(read(site, "translations.yaml"), broken);
    assert_eq!(at(site, &["translated", "--all"]).code, 1);
    assert_eq!(read(site, "translations.yaml"), broken);
}

#[test]
fn the_preview_shows_the_notice_on_the_page_and_the_overview() {
    let fx = bundled_copy();
    let site = fx.path();
    let server = serve(site, &[]);
    let port = server.port;
    assert_eq!(
        server.wait_output("Translations, page by page"),
        format!("  Translations, page by page: http://127.0.0.1:{port}/__campaign/translations")
    );
    assert!(!server.get("/en/about/").text().contains("campaign-notice"));
    append(site, "content/about.ka.md", "ახალი წინადადება.\n");
    eventually("the notice", || {
        server
            .get("/en/about/")
            .text()
            .contains("id=\"campaign-notice\"")
    });
    let page = server.get("/en/about/").text();
    assert!(
        page.contains(
            "the English page may be out of date: the Georgian page changed after it was translated"
        ),
        "{page}"
    );
    assert!(!server.get("/about/").text().contains("campaign-notice"));
    // In the editor's language when the browser asks for Georgian.
    let ka = server
        .request(
            "GET",
            "/en/about/",
            &[("Accept-Language", "ka-GE,ka;q=0.9")],
        )
        .text();
    assert!(
        ka.contains("<aside id=\"campaign-notice\" role=\"status\" lang=\"ka\" dir=\"ltr\">")
            && ka.contains("ინგლისური თარგმანი შეიძლება მოძველებულია: ქართული გვერდი შეიცვალა მას შემდეგ, რაც ის ითარგმნა")
            && ka.contains(">ყველა თარგმანი</a>"),
        "{ka}"
    );
    let overview = server
        .request(
            "GET",
            "/__campaign/translations",
            &[("Accept-Language", "ka")],
        )
        .text();
    assert!(overview.contains("<h1>თარგმანები</h1>"), "{overview}");
    assert!(
        overview.contains("<td class=\"outdated\"><a href=\"/en/about/\">!</a></td>"),
        "{overview}"
    );
    // Marked while the preview runs: the notice goes away by itself.
    assert!(at(site, &["translated", "content/about.en.md"]).ok());
    eventually("the notice to go", || {
        !server.get("/en/about/").text().contains("campaign-notice")
    });
}
