//! Campaign content types through the CLI: regional directory, organisations' contact cards and
//! errors, courses with schedules and RFC 5545 calendars, paginated news with Atom feeds,
//! JSON-LD and Open Graph.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::*;

fn built() -> Fixture {
    let site = fixture("site-content");
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    site
}

#[test]
fn directory_lists_regions_sorted_in_each_language_with_their_organisations() {
    let site = built();
    let out = site.path().join("public");
    let ids = |html: &str| -> Vec<String> {
        html.match_indices("<section class=\"region\" id=\"")
            .map(|(i, m)| html[i + m.len()..].split('"').next().unwrap().to_string())
            .collect()
    };
    // ა გ თ კ in Georgian; A G K T in English.
    assert_eq!(
        ids(&read(&out, "help/index.html")),
        ["adjara", "guria", "tbilisi", "kakheti"]
    );
    assert_eq!(
        ids(&read(&out, "en/help/index.html")),
        ["adjara", "guria", "kakheti", "tbilisi"]
    );
    let en = read(&out, "en/help/index.html");
    let kakheti = &en[en.find("id=\"kakheti\"").unwrap()..];
    assert!(
        kakheti[..kakheti.find("</section>").unwrap()].contains(r#"<a href="alpha/">Alpha</a>"#)
    );
    assert!(
        en.contains(r##"<a href="#tbilisi">Tbilisi</a>"##),
        "every region has an anchor to link to"
    );
}

#[test]
fn contact_cards_use_international_tel_links_and_say_when_details_are_missing() {
    let site = built();
    let out = site.path().join("public");
    let ka = read(&out, "help/alpha/index.html");
    assert!(ka.contains(r#"<a href="tel:+995322000000" dir="ltr">+995 32 2 00 00 00</a>"#));
    assert!(ka.contains(r#"<a href="mailto:info@alpha.example.ge" dir="ltr">"#));
    let en = read(&out, "en/help/alpha/index.html");
    assert!(
        en.contains(r#"<a href="tel:+995322000000" dir="ltr">032 200 00 00</a>"#),
        "a local number gets +995"
    );
    assert!(
        read(&out, "en/help/beta/index.html").contains("Contact details will be published soon.")
    );
    let r = build(site.path());
    assert!(r.stderr.contains("warning: this organisation has no contact details yet; the page says they will be published soon\n  --> content/help/beta.ka.md\n"));
    assert!(r.stderr.contains(
        "warning: no organisation serves the region `guria` (გურია)\n  --> content/regions.yaml\n"
    ));
}

#[test]
fn malformed_contacts_and_unknown_regions_are_errors_with_lines() {
    let site = fixture("site-content");
    std::fs::write(
        site.path().join("content/help/beta.ka.md"),
        "---\ntitle: ბეტა\nregions: [adjara, svaneti]\nphone: call us\nemail: info-at-beta\nwebsite: beta.ge\n---\n\nბეტა.\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert_transcript(transcript("malformed-contacts.stderr"), &r.stderr);
}

/// Check RFC 5545 rules: CRLF everywhere, lines of at most 75 octets, folding keeps UTF-8 whole.
fn unfold(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn courses_get_rfc5545_calendars_and_georgian_dates() {
    let site = built();
    let out = site.path().join("public");
    let ics = read(&out, "courses/georgian/calendar.ics");
    let lines = unfold(&ics);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.contains(&"TZID:Asia/Tbilisi".to_string()));
    assert!(lines.contains(&"TZOFFSETTO:+0400".to_string()));
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
    assert!(lines.contains(&"DTSTART;TZID=Asia/Tbilisi:20250303T023000".to_string()));
    assert!(
        lines.contains(&"DTSTAMP:20250302T223000Z".to_string()),
        "UTC stamp crosses midnight"
    );
    assert!(
        lines.contains(&"SUMMARY:ქართული ენა\\, დამწყებთათვის\\; ჯგუფი 1".to_string()),
        "commas and semicolons escaped, folded text intact"
    );
    assert!(
        lines.contains(&"UID:20250307T1000-courses-georgian-ka@campaign".to_string()),
        "stable UIDs"
    );
    // A weekly rule expands to its sessions.
    let en = unfold(&read(&out, "en/courses/georgian/calendar.ics"));
    assert_eq!(
        en.iter().filter(|l| l.starts_with("DTSTART;")).count(),
        4,
        "Mon+Fri for two weeks"
    );
    let page = read(&out, "courses/georgian/index.html");
    assert!(
        page.contains(
            "<time datetime=\"2025-03-07T10:00+04:00\">პარასკევი, 7 მარტი 2025, 10:00–12:00</time>"
        ),
        "{page}"
    );
    assert!(
        page.contains(r#"<a class="button" href="calendar.ics" download>კალენდარში დამატება</a>"#)
    );
    // No schedule: "to be announced", no calendar file.
    assert!(read(&out, "en/courses/culture/index.html").contains("Dates to be announced."));
    assert!(!out.join("en/courses/culture/calendar.ics").exists());
}

#[test]
fn a_list_size_that_is_not_a_whole_number_is_an_error_on_its_line() {
    let site = fixture("site-content");
    let news = site.path().join("content/news");
    std::fs::write(
        news.join("_index.en.md"),
        "---\ntitle: News\npaginate_by: ten\n---\n",
    )
    .unwrap();
    std::fs::write(
        news.join("_index.ka.md"),
        "---\ntitle: სიახლეები\npaginate_by: -5\n---\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert_transcript(transcript("paginate-by.stderr"), &r.stderr);
    let r = run(command()
        .args(["build", "--lang", "ka", "--root"])
        .arg(site.path()));
    assert_eq!(r.code, 1);
    assert_transcript(transcript("paginate-by-ka.stderr"), &r.stderr);
}

#[test]
fn a_long_list_goes_on_pages_of_fifty_unless_the_section_says() {
    let site = fixture("site-content");
    let news = site.path().join("content/news");
    // English says nothing: pages of 50. Georgian asks for one page (`paginate_by: 0`).
    std::fs::write(news.join("_index.en.md"), "---\ntitle: news-en\n---\n").unwrap();
    std::fs::write(
        news.join("_index.ka.md"),
        "---\ntitle: news-ka\npaginate_by: 0\n---\n",
    )
    .unwrap();
    for i in 10..70 {
        for lang in ["ka", "en"] {
            std::fs::write(
                news.join(format!("more-{i}.{lang}.md")),
                format!(
                    "---\ntitle: more {i} {lang}\ndate: 2024-01-{:02}\ndescription: d\n---\n\ntext\n",
                    i % 28 + 1
                ),
            )
            .unwrap();
        }
    }
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.path().join("public");
    let items = |rel: &str| read(&out, rel).matches("<li class=\"card\"").count();
    // 63 items: 50 on the first page, 13 on the second.
    assert_eq!(items("en/news/index.html"), 50);
    assert!(read(&out, "en/news/index.html").contains(r#"<a href="page/2/" rel="next">"#));
    assert_eq!(items("en/news/page/2/index.html"), 13);
    assert!(!out.join("en/news/page/3").exists());
    assert_eq!(items("news/index.html"), 63);
    assert!(!out.join("news/page/2").exists());
    // From a USB stick (`--portable`, file://): the pager's links name the files.
    let portable = site.path().join("portable");
    let r = run(command()
        .args(["build", "--portable", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&portable));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = read(&portable, "en/news/index.html");
    assert!(
        first.contains(r#"<a href="page/2/index.html" rel="next">"#),
        "{first}"
    );
    let second = read(&portable, "en/news/page/2/index.html");
    assert!(
        second.contains(r#"<a href="../../index.html" rel="prev">"#),
        "{second}"
    );
}

#[test]
fn news_is_paginated_newest_first_with_a_valid_atom_feed_per_language() {
    let site = built();
    let out = site.path().join("public");
    let first = read(&out, "en/news/index.html");
    let (a, b) = (
        first.find("item 3 en").unwrap(),
        first.find("item 2 en").unwrap(),
    );
    assert!(a < b, "newest first");
    assert!(!first.contains("item 1 en"));
    assert!(first.contains(r#"<a href="page/2/" rel="next">"#));
    assert!(read(&out, "en/news/page/2/index.html").contains("item 1 en"));
    for feed in ["news/atom.xml", "en/news/atom.xml"] {
        let xml = read(&out, feed);
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut names = Vec::new();
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(e)) => {
                    names.push(String::from_utf8_lossy(e.name().as_ref()).into_owned())
                }
                Ok(_) => {}
                Err(e) => panic!("{feed} is not well-formed: {e}"),
            }
        }
        for required in ["feed", "title", "id", "updated", "author", "entry"] {
            assert!(
                names.iter().any(|n| n == required),
                "{feed} lacks <{required}>"
            );
        }
        assert_eq!(names.iter().filter(|n| *n == "entry").count(), 3);
        assert!(
            xml.contains(
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.ge/"
            ),
            "absolute URLs from base_url"
        );
        assert!(xml.contains("<summary>item 3</summary>"));
    }
    let page = read(&out, "en/help/beta/index.html");
    assert!(page.contains(r#"<link rel="alternate" type="application/atom+xml" title="News (Atom feed)" href="../../news/atom.xml">"#), "every page links its language's feed");
}

#[test]
fn json_ld_parses_and_open_graph_tags_are_present() {
    let site = built();
    let out = site.path().join("public");
    let jsonld = |html: &str| -> serde_json::Value {
        let start = html
            .find(r#"<script type="application/ld+json">"#)
            .expect("JSON-LD")
            + r#"<script type="application/ld+json">"#.len();
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
    };
    let org = jsonld(&read(&out, "help/alpha/index.html"));
    assert_eq!(org["@type"], "NGO");
    assert_eq!(org["contactPoint"]["telephone"], "+995322000000");
    assert_eq!(org["areaServed"][0]["name"], "თბილისი");
    let course = jsonld(&read(&out, "en/courses/georgian/index.html"));
    assert_eq!(course["@type"], "Course");
    assert_eq!(course["hasCourseInstance"][0]["@type"], "CourseInstance");
    assert_eq!(
        course["hasCourseInstance"][0]["startDate"],
        "2025-03-03T10:00:00+04:00"
    );
    let news = jsonld(&read(&out, "news/item-1/index.html"));
    assert_eq!(news["@type"], "NewsArticle");
    let page = read(&out, "news/item-1/index.html");
    for tag in [
        r#"<meta property="og:title" content="item 1 ka">"#,
        r#"<meta property="og:locale" content="ka_GE">"#,
        r#"<meta property="og:locale:alternate" content="en_US">"#,
        r#"<meta property="og:url" content="https://example.ge/news/item-1/">"#,
        r#"<meta property="og:image" content="https://example.ge/share.png">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#"<meta property="og:type" content="article">"#,
    ] {
        assert!(page.contains(tag), "missing {tag}");
    }
}

#[test]
fn publish_and_expiry_dates_schedule_pages() {
    let site = fixture("site-content");
    std::fs::write(
        site.path().join("content/news/future.en.md"),
        "---\ntitle: Future\npublish_date: 2999-01-01\n---\n\nLater.\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/news/past.en.md"),
        "---\ntitle: Past\nexpiry_date: 2000-01-01\n---\n\nOver.\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!site.path().join("public/en/news/future").exists());
    assert!(!site.path().join("public/en/news/past").exists());
    let r = campaign(&["build", "--drafts", "--root", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(
        site.path()
            .join("public/en/news/future/index.html")
            .is_file()
    );
}

/// The JSON-LD object of a built page, if it has one.
fn json_ld(out: &std::path::Path, rel: &str) -> Option<serde_json::Value> {
    let html = read(out, rel);
    let start = html.find(r#"<script type="application/ld+json">"#)? + 35;
    let end = start + html[start..].find("</script>")?;
    Some(serde_json::from_str(&html[start..end]).unwrap())
}

#[test]
fn a_page_declares_its_type_or_takes_its_sections() {
    let site = fixture("site-types");
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = site.path().join("public");
    // `type: organisation` without `regions:` is still an organisation (contact card, NGO).
    let centre = json_ld(&out, "en/help/centre/index.html").expect("organisation JSON-LD");
    assert_eq!(centre["@type"], "NGO");
    assert_eq!(centre["contactPoint"]["telephone"], "+995322000000");
    // Opening hours are shown on the contact card, with the label in the page's language.
    assert!(
        read(&out, "en/help/centre/index.html")
            .contains("<dt>Opening hours</dt><dd>Mon–Fri 10:00–18:00</dd>")
    );
    assert!(
        read(&out, "help/centre/index.html")
            .contains("<dt>სამუშაო საათები</dt><dd>Mon–Fri 10:00–18:00</dd>")
    );
    // `type: page` wins over the keys a page has: a map listing regions is no organisation.
    assert!(json_ld(&out, "en/help/map/index.html").is_none());
    assert!(!read(&out, "en/help/index.html").contains("Map of the regions"));
    // `page_type: course` on a section makes its pages courses, with their calendars.
    let welding = json_ld(&out, "en/jobs/welding/index.html").expect("course JSON-LD");
    assert_eq!(welding["@type"], "Course");
    assert_eq!(
        welding["hasCourseInstance"][0]["location"]["name"],
        "Tbilisi, 12 Tamarashvili St"
    );
    assert!(out.join("jobs/welding/calendar.ics").is_file());
    // A dated page that says `type: page` is not a news item.
    assert!(json_ld(&out, "en/notes/plain/index.html").is_none());
}

#[test]
fn an_unknown_type_is_an_error_at_its_line() {
    let site = fixture("site-types");
    let page = site.path().join("content/notes/plain.en.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("type: page", "type: job-offer")).unwrap();
    let section = site.path().join("content/jobs/_index.ka.md");
    let text = std::fs::read_to_string(&section).unwrap();
    std::fs::write(&section, text.replace("page_type: course", "page_type: 5")).unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "error: `job-offer` is not a content type\n  --> content/notes/plain.en.md:4\n"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("= hint: write `type:` as one of: page, organisation, course, news")
    );
    // The section's mistake is reported once, at the section, not once per page.
    assert_eq!(
        r.stderr
            .matches("error: `5` is not a content type\n  --> content/jobs/_index.ka.md:3")
            .count(),
        1,
        "{}",
        r.stderr
    );
    assert!(!site.path().join("public").exists());
}
