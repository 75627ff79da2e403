//! The foundation through the real CLI: pairing, routes, links, drafts, aliases, slugs, BOM/CRLF,
//! Georgian file names, editor errors (exact text), atomic output, init, and the bundled site.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::*;

#[test]
fn basic_site_pairs_translations_and_routes_languages() {
    let site = fixture("site-basic");
    let r = build(site.path());
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let out = site.path().join("public");
    for f in [
        "index.html",
        "en/index.html",
        "services/index.html",
        "en/services/index.html",
        "services/medical-care/index.html",
        "en/services/medical-care/index.html",
        "about/index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "style.css",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    assert!(
        !out.join("en/about/index.html").exists(),
        "no English about page exists"
    );
    let ka = read(&out, "services/medical-care/index.html");
    assert!(ka.contains("<html lang=\"ka\">"));
    assert!(ka.contains("<meta charset=\"utf-8\">"));
    assert!(ka.contains(r#"<link rel="alternate" hreflang="en" href="https://example.ge/campaign/en/services/medical-care/">"#));
    assert!(ka.contains(r#"<link rel="alternate" hreflang="x-default" href="https://example.ge/campaign/services/medical-care/">"#));
    assert!(ka.contains(
        r#"<link rel="canonical" href="https://example.ge/campaign/services/medical-care/">"#
    ));
    // The switcher names the language in itself and links the translation, relatively.
    assert!(ka.contains(
        r#"<a href="../../en/services/medical-care/" lang="en" dir="ltr" hreflang="en">English</a>"#
    ));
    assert!(
        r.stdout.starts_with("built 11 pages (7 ka + 4 en), "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(" 5 warnings, in "), "{}", r.stdout);
}

#[test]
fn links_resolve_to_relative_urls_in_the_same_language() {
    let site = fixture("site-basic");
    assert_eq!(build(site.path()).code, 0);
    let out = site.path().join("public");
    let en = read(&out, "en/services/medical-care/index.html");
    // A file path to another language's file goes to this language's page.
    assert!(
        en.contains(r#"<a href="../temporary-housing/">housing</a>"#),
        "{en}"
    );
    // Only in Georgian: links there (with a warning).
    assert!(en.contains(r#"<a href="../../../about/">about</a>"#));
    // Georgian folder and file names are romanised in URLs.
    assert!(en.contains(r#"<a href="../../../siakhleebi/akhali-ambavi/">Georgian news</a>"#));
    let ka = read(&out, "services/medical-care/index.html");
    // A Georgian anchor written by an editor is romanised like the heading ids.
    assert!(
        ka.contains(r#"<a href="../temporary-housing/#vin-ighebs">ბინა</a>"#),
        "{ka}"
    );
    assert!(ka.contains(r#"<a href="../../about/">სახლი</a>"#));
}

#[test]
fn georgian_headings_get_romanised_unique_anchors_and_footnotes_are_prefixed() {
    let site = fixture("site-basic");
    assert_eq!(build(site.path()).code, 0);
    let ka = read(
        &site.path().join("public"),
        "services/medical-care/index.html",
    );
    assert!(
        ka.contains(r#"<h2 id="vis-sheudzlia-miighos">ვის შეუძლია მიიღოს</h2>"#),
        "{ka}"
    );
    assert!(ka.contains(r#"<h2 id="vis-sheudzlia-miighos-2">ვის შეუძლია მიიღოს</h2>"#));
    assert!(ka.contains(r##"<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>"##));
    assert!(ka.contains(r#"<div class="footnote" id="fn-1">"#));
    assert!(!ka.contains(r#"id="1""#));
}

#[test]
fn slugs_drafts_aliases_bom_crlf_and_site_template_overrides() {
    let site = fixture("site-basic");
    assert_eq!(build(site.path()).code, 0);
    let out = site.path().join("public");
    // `slug:` overrides the last URL part; the BOM + CRLF file is read silently.
    let housing = read(&out, "en/services/temporary-housing/index.html");
    assert!(housing.contains("<h1>Housing</h1>"));
    assert!(housing.contains("CRLF and BOM work."));
    assert!(!out.join("services/housing").exists());
    // Drafts are left out.
    assert!(!out.join("news").exists());
    // Aliases redirect, relatively.
    let alias = read(&out, "old/medical/index.html");
    assert!(
        alias.contains(
            r#"<meta http-equiv="refresh" content="0; url=../../services/medical-care/">"#
        ),
        "{alias}"
    );
    // A site template overrides the theme's, and dates read the Georgian way.
    let news = read(&out, "siakhleebi/akhali-ambavi/index.html");
    assert!(news.contains("site template override"));
    assert!(
        news.contains(r#"<p class="date">7 მარტი 2025</p>"#),
        "{news}"
    );
    // Section lists follow weight.
    let list = read(&out, "services/index.html");
    let a = list.find("საცხოვრისი").expect("housing listed");
    let b = list.find("სამედიცინო მომსახურება").expect("medical listed");
    assert!(a < b, "weight 10 comes before weight 20");
}

#[test]
fn drafts_flag_includes_drafts() {
    let site = fixture("site-basic");
    let r = campaign(&["build", "--root", site.path().to_str().unwrap(), "--drafts"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        site.path()
            .join("public/en/news/draft/index.html")
            .is_file()
    );
}

#[test]
fn missing_translation_is_a_warning_and_the_switcher_says_so() {
    let site = fixture("site-basic");
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_transcript(expected("site-basic", "expected-stderr"), &r.stderr);
    let about = read(&site.path().join("public"), "about/index.html");
    assert!(about.contains(r#"<li><a href="../en/" lang="en" dir="ltr" hreflang="en">English</a> <small class="not-translated" lang="en" dir="ltr">(not translated yet)</small></li>"#), "{about}");
}

#[test]
fn the_404_page_speaks_both_languages_and_works_at_any_address() {
    let site = fixture("site-basic");
    assert_eq!(build(site.path()).code, 0);
    let page = read(&site.path().join("public"), "404.html");
    assert!(page.contains("გვერდი ვერ მოიძებნა"));
    assert!(page.contains("Page not found"));
    let sheet = attrs(&page, "href")
        .into_iter()
        .find(|h| h.ends_with(".css"))
        .unwrap_or_default();
    assert!(
        sheet.starts_with("/campaign/style.")
            && site
                .path()
                .join("public")
                .join(&sheet["/campaign/".len()..])
                .is_file(),
        "{page}"
    );
    assert!(page.contains(r#"<a href="/campaign/en/">"#));
}

#[test]
fn sitemap_lists_hreflang_alternates() {
    let site = fixture("site-basic");
    assert_eq!(build(site.path()).code, 0);
    let map = read(&site.path().join("public"), "sitemap.xml");
    assert!(map.contains("<loc>https://example.ge/campaign/en/services/medical-care/</loc>"));
    assert!(map.contains(r#"<xhtml:link rel="alternate" hreflang="ka" href="https://example.ge/campaign/services/medical-care/"/>"#));
    let robots = read(&site.path().join("public"), "robots.txt");
    assert!(robots.contains("Sitemap: https://example.ge/campaign/sitemap.xml"));
}

#[test]
fn a_sitemap_past_fifty_thousand_addresses_is_split_under_an_index() {
    // 25,000 bilingual pages more: 50,011 addresses, one more than a sitemap may hold.
    let site = fixture("site-basic");
    let dir = site.path().join("content/services");
    for i in 0..25_000 {
        for lang in ["ka", "en"] {
            std::fs::write(
                dir.join(format!("bulk-{i}.{lang}.md")),
                format!("---\ntitle: Bulk {i}\n---\n"),
            )
            .unwrap();
        }
    }
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.path().join("public");
    let index = read(&out, "sitemap.xml");
    assert!(index.contains("<sitemapindex "), "{index}");
    assert!(!index.contains("<urlset"));
    let mut urls = 0;
    for n in 1..=2 {
        assert!(index.contains(&format!(
            "<loc>https://example.ge/campaign/sitemap-{n}.xml</loc>"
        )));
        let part = read(&out, &format!("sitemap-{n}.xml"));
        assert!(part.starts_with("<?xml") && part.ends_with("</urlset>\n"));
        let here = part.matches("<url>").count();
        assert!(here <= 50_000, "{here}");
        urls += here;
    }
    assert_eq!(urls, 50_011);
    assert!(!out.join("sitemap-3.xml").exists());
    let robots = read(&out, "robots.txt");
    assert!(robots.contains("Sitemap: https://example.ge/campaign/sitemap.xml"));
}

#[test]
fn every_editor_error_is_reported_with_file_line_and_hint() {
    let site = fixture("site-errors");
    // A file saved in a legacy encoding (not UTF-8).
    std::fs::write(
        site.path().join("content/latin1.ka.md"),
        b"---\ntitle: caf\xe9\n---\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert_transcript(expected("site-errors", "expected-stderr"), &r.stderr);
    assert!(
        !site.path().join("public").exists(),
        "nothing is written on errors"
    );
}

#[test]
fn template_errors_name_the_template_file_and_line() {
    let site = fixture("site-template-error");
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert_transcript(
        expected("site-template-error", "expected-stderr"),
        &r.stderr,
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = fixture("site-basic");
    std::fs::write(
        site.path().join("content/extra.ka.md"),
        "---\ntitle: დამატებითი\n---\n",
    )
    .unwrap();
    assert_eq!(build(site.path()).code, 0);
    let out = site.path().join("public");
    assert!(out.join("extra/index.html").is_file());
    let before = tree(&out);
    std::fs::write(
        site.path().join("content/about.ka.md"),
        "---\ntitle: [broken\n---\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert_eq!(tree(&out), before);
    // Files of removed pages do not linger after the next good build.
    std::fs::write(
        site.path().join("content/about.ka.md"),
        "---\ntitle: ჩვენ შესახებ\n---\n",
    )
    .unwrap();
    std::fs::remove_file(site.path().join("content/extra.ka.md")).unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!out.join("extra").exists());
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

#[test]
fn output_flag_and_missing_site_message() {
    let site = fixture("site-basic");
    let dest = tempfile::tempdir().unwrap();
    let target = dest.path().join("www");
    let r = campaign(&[
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(target.join("index.html").is_file());
    let empty = tempfile::tempdir().unwrap();
    let r = campaign_in(empty.path(), &["build"]);
    assert_eq!(r.code, 1);
    assert_transcript(transcript("build-without-site.stderr"), &r.stderr);
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let site = fixture("site-basic");
    let r = campaign(&[
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--base-url",
        "https://other.ge",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let home = read(&site.path().join("public"), "en/index.html");
    assert!(
        home.contains(r#"<link rel="canonical" href="https://other.ge/en/">"#),
        "{home}"
    );
}

#[test]
fn init_writes_a_site_that_builds_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("new-site");
    let r = campaign(&["init", site.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = build(&site);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.join("public/en/about/index.html").is_file());
    // A new site speaks for nobody yet: no ministry's name in its footer.
    let home = read(&site.join("public"), "en/index.html");
    assert!(
        !home.contains("Ministry") && !home.contains("site-footer"),
        "{home}"
    );
    // It refuses to write into a folder with files.
    let again = campaign(&["init", site.to_str().unwrap()]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already has files in it"));
}

#[test]
fn check_reports_without_writing() {
    let site = fixture("site-errors");
    let r = campaign(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .ends_with("6 errors, 3 warnings; pages: 4 ka, 1 en\n"),
        "{}",
        r.stdout
    );
    assert!(!site.path().join("public").exists());
    let ok = fixture("site-basic");
    let r = campaign(&["check", "--root", ok.path().to_str().unwrap()]);
    assert_eq!(r.code, 0);
    let strict = campaign(&["check", "--strict", "--root", ok.path().to_str().unwrap()]);
    assert_eq!(strict.code, 1, "warnings fail with --strict");
}

#[test]
fn bundled_site_builds_with_only_the_contact_warnings() {
    let b = bundled();
    let r = &b.run;
    let warnings: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    let contact = "warning: this organisation has no contact details yet; the page says they will be published soon";
    assert!(
        warnings.iter().all(|w| *w == contact),
        "unexpected warnings: {}",
        r.stderr
    );
    assert_eq!(warnings.len(), 10, "five organisations in two languages");
    for f in [
        "index.html",
        "en/index.html",
        "eligibility/index.html",
        "en/help/index.html",
        "integration-centre/georgian-language/index.html",
        "en/news/awareness-training-2018/index.html",
        "en/about/index.html",
    ] {
        assert!(b.out.join(f).is_file(), "{f}");
    }
    let help = read(&b.out, "en/help/index.html");
    assert!(help.contains(r#"<section class="region" id="kakheti""#));
    assert!(
        read(&b.out, "help/tolerant/index.html")
            .contains("საკონტაქტო ინფორმაცია მალე გამოქვეყნდება.")
    );
}

#[test]
fn an_unchanged_site_is_not_rebuilt_but_any_change_is() {
    let site = fixture("site-basic");
    let root = site.path().to_str().unwrap();
    let first = build(site.path());
    assert_eq!(first.code, 0, "{}", first.stderr);
    let out = site.path().join("public");
    let before = tree(&out);
    let again = build(site.path());
    assert_eq!(again.code, 0);
    assert!(
        again
            .stdout
            .starts_with("nothing changed since the last build: 11 pages, "),
        "{}",
        again.stdout
    );
    assert_eq!(
        again.stderr, first.stderr,
        "the same warnings are shown again"
    );
    assert_eq!(tree(&out), before);
    // --force builds anyway.
    let forced = campaign(&["build", "--force", "--root", root]);
    assert!(
        forced.stdout.starts_with("built 11 pages"),
        "{}",
        forced.stdout
    );
    // A changed page, other options, or a damaged output folder all rebuild.
    std::fs::write(
        site.path().join("content/about.ka.md"),
        "---\ntitle: ჩვენ შესახებ\n---\n\nახალი ტექსტი.\n",
    )
    .unwrap();
    let changed = build(site.path());
    assert!(
        changed.stdout.starts_with("built 11 pages"),
        "{}",
        changed.stdout
    );
    assert!(read(&out, "about/index.html").contains("ახალი ტექსტი."));
    let drafts = campaign(&["build", "--drafts", "--root", root]);
    assert!(
        drafts.stdout.starts_with("built 13 pages"),
        "{}",
        drafts.stdout
    );
    let plain = build(site.path());
    assert!(
        plain.stdout.starts_with("built 11 pages"),
        "{}",
        plain.stdout
    );
    std::fs::remove_file(out.join("robots.txt")).unwrap();
    let repaired = build(site.path());
    assert!(
        repaired.stdout.starts_with("built 11 pages"),
        "{}",
        repaired.stdout
    );
    assert!(out.join("robots.txt").is_file());
}

/// The harness's transcript check can fail: a different text is refused (or, with `BLESS=1`,
/// written), and temporary folders are shown as `[ROOT]`.
#[test]
fn transcripts_are_compared_exactly_and_temporary_folders_normalised() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("expected-stderr");
    std::fs::write(&file, "error: one\n").unwrap();
    assert_transcript(&file, "error: one\n");
    let other = std::panic::catch_unwind(|| assert_transcript(&file, "error: one \n"));
    if blessing() {
        assert!(other.is_ok());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "error: one \n");
    } else {
        assert!(other.is_err(), "a trailing space is a difference");
    }
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    assert_eq!(
        normalise(&format!("--> {}/content/a.md\n", site.display()), &site),
        "--> [ROOT]/content/a.md\n"
    );
    let named = std::panic::catch_unwind(|| {
        assert_transcript(&file, &format!("{}\n", site.display()));
    });
    assert!(
        named.is_err(),
        "a temporary folder in a transcript is refused"
    );
}

/// README's template example: `t(key="pages-count", count=3)` gives the plural in the
/// page's language.
#[test]
fn the_readme_example_of_t_with_a_plural_works() {
    let site = fixture("site-basic");
    std::fs::write(
        site.path().join("templates/index.html"),
        "<p>{{ t(key=\"pages-count\", count=3) }}|{{ t(key=\"pages-count\", count=1) }}</p>\n",
    )
    .unwrap();
    let b = build_to_temp(site.path());
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert_eq!(read(&b.out, "en/index.html"), "<p>3 pages|1 page</p>\n");
    assert_eq!(read(&b.out, "index.html"), "<p>3 გვერდი|1 გვერდი</p>\n");
}

/// The footer comes from site.yaml: its lines in the reader's language, and a link to a page
/// in the reader's language; a link to a page that does not exist is an error at its line.
#[test]
fn the_footer_is_the_sites_own_and_its_link_is_checked() {
    let b = bundled();
    let en = read(&b.out, "en/services/index.html");
    let footer = between(&en, "<footer class=\"site-footer\">", "</footer>");
    assert!(footer.contains("<p>LEPL IDPs, Eco-Migrants and Livelihood Provision Agency</p>"));
    assert!(
        footer.contains("<a href=\"../about/\">About the programmes</a>"),
        "{footer}"
    );
    let ka = read(&b.out, "services/index.html");
    assert!(
        between(&ka, "<footer class=\"site-footer\">", "</footer>")
            .contains("<a href=\"../about/\">პროგრამების შესახებ</a>")
    );

    let site = fixture("site-basic");
    let text = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    append_site_yaml(
        site.path(),
        "footer:\n  lines: [Campaign]\n  link: /who-we-are/\n",
    );
    let r = build(site.path());
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = text.lines().count() + 1;
    assert!(
        r.stderr.contains(&format!(
            "error: the footer link `/who-we-are/` points to a page that does not exist\n  --> site.yaml:{line}\n"
        )),
        "{}",
        r.stderr
    );
}

/// The home page offers the eligibility self-check only when the site has one (a new site
/// without `content/self-check.yaml` had a button leading to a missing `/check/`), and then
/// at the self-check's own address.
#[test]
fn the_home_page_links_the_self_check_only_when_there_is_one() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("site.yaml"), "title: T\nlanguages: [en]\n").unwrap();
    std::fs::write(
        root.join("content/_index.en.md"),
        "---\ntitle: Home\n---\n\nHello.\n",
    )
    .unwrap();
    let r = build(root);
    assert!(r.ok(), "{}", r.stderr);
    let home = read(&root.join("public"), "index.html");
    assert!(!home.contains("check/"), "{home}");
    let bundled = read(&support::bundled().out, "en/index.html");
    assert!(
        bundled.contains(r#"<a class="button" href="check/">"#),
        "{bundled}"
    );
}
