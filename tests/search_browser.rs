//! Search in real Chromium on the bundled site, served over HTTP with the strict
//! Content-Security-Policy: every query of `tests/search/queries.tsv` (inflected Georgian,
//! Georgian typed in Latin letters, English) opened as a shared link (`?q=`) finds its page
//! among the first five results; a query typed into the box and sent updates the address;
//! results are marked and in the page's language first; with JavaScript off the search page
//! lists every page of its language from A to Z, and the header's search box leads there; from
//! `file://` (`--portable`) results load and their links open; the page passes axe with
//! results shown; in `campaign serve`, a page saved while the browser is open is found.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::{Client, Locator};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};
use support::browser::{CSP, Driver, serve_with_csp};

/// One line of the query set.
struct Query {
    lang: String,
    kind: String,
    text: String,
    page: String,
}

fn queries() -> Vec<Query> {
    let text = std::fs::read_to_string(support::repo().join("tests/search/queries.tsv"))
        .expect("tests/search/queries.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "four columns: {l}");
            Query {
                lang: f[0].into(),
                kind: f[1].into(),
                text: f[2].into(),
                page: f[3].into(),
            }
        })
        .collect()
}

/// What the results show: the status line, each result's path (from the site root, with
/// `index.html` dropped), its language and its marked words.
const RESULTS: &str = r##"
var status = document.getElementById("search-status");
var items = Array.prototype.slice.call(document.querySelectorAll("#search-results li"));
return {
  status: status ? status.textContent : null,
  url: location.href,
  data: performance.getEntriesByType("resource").map(function (e) { return new URL(e.name).pathname; })
    .filter(function (p) { return p.indexOf("/search/data/") === 0; }),
  results: items.map(function (li) {
    var a = li.querySelector("a");
    return {
      href: a.getAttribute("href"),
      path: new URL(a.href).pathname,
      lang: li.lang,
      marks: Array.prototype.map.call(li.querySelectorAll("mark"), function (m) { return m.textContent; })
    };
  })
};"##;

/// Wait until the search has answered (its status line says something); what it shows.
async fn answer(c: &Client) -> Value {
    let start = Instant::now();
    loop {
        let v = c.execute(RESULTS, vec![]).await.expect("results");
        if v["status"].as_str().is_some_and(|s| !s.is_empty()) {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no answer within 15 s: {v}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn search_page(lang: &str) -> &'static str {
    match lang {
        "en" => "en/search/",
        _ => "search/",
    }
}

/// The paths of the first five results, made comparable to the site paths of the query set
/// (under `root`, without `index.html`).
fn first_five(v: &Value, root: &str) -> Vec<String> {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .take(5)
        .map(|r| {
            let p = r["path"].as_str().unwrap();
            let p = p.strip_prefix(root).unwrap_or(p);
            format!("/{}", p.trim_end_matches("index.html"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn queries_find_their_pages_and_the_a_to_z_works_without_javascript() {
    let built = support::bundled();
    let server = serve_with_csp(built.out.clone(), CSP);
    let driver = Driver::start().expect("chromedriver");
    let profile = tempfile::tempdir().unwrap();
    let c = driver.session(true, profile.path()).await.expect("session");

    let mut missed = Vec::new();
    let mut heaviest = (0, String::new());
    let all = queries();
    for q in &all {
        let enc: String = url::form_urlencoded::byte_serialize(q.text.as_bytes()).collect();
        c.goto(&format!("{}{}?q={enc}", server.base, search_page(&q.lang)))
            .await
            .unwrap();
        let v = answer(&c).await;
        // What the query loaded of the index (the sizes of the files it asked for).
        let mut files: Vec<&str> = v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        files.sort_unstable();
        files.dedup();
        assert!(files.len() >= 3, "{v}");
        let bytes: u64 = files
            .iter()
            .map(|p| std::fs::metadata(built.out.join(&p[1..])).unwrap().len())
            .sum();
        if bytes > heaviest.0 {
            heaviest = (bytes, q.text.clone());
        }
        let five = first_five(&v, "/");
        if !five.contains(&q.page) {
            missed.push(format!("{} {} «{}»: {:?}", q.lang, q.kind, q.text, five));
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} queries missed their page:\n{}",
        missed.len(),
        all.len(),
        missed.join("\n")
    );
    assert!(
        heaviest.0 <= 30_000,
        "a query on the bundled site loads at most 30 KB of index: «{}» loaded {} bytes",
        heaviest.1,
        heaviest.0
    );

    // Results are marked, in the page's language first, and links are relative.
    c.goto(&format!("{}en/search/?q=migrants", server.base))
        .await
        .unwrap();
    let v = answer(&c).await;
    let results = v["results"].as_array().unwrap();
    assert!(results.len() >= 2, "{v}");
    assert_eq!(results[0]["lang"], "en", "{v}");
    assert!(
        results[0]["marks"].as_array().unwrap().iter().any(|m| m
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with("migrant")),
        "the matched word is marked: {v}"
    );
    assert!(
        results[0]["href"].as_str().unwrap().starts_with("../"),
        "{v}"
    );
    // With results and the More button shown, axe finds nothing.
    let found = support::axe::axe(&c, &support::axe::axe_source()).await;
    let problems = support::axe::lines("en/search/?q=migrants", &found);
    assert!(problems.is_empty(), "{problems:#?}");
    // Five at a time: "More results" shows the next five and moves the focus to the first.
    assert_eq!(results.len(), 5, "{v}");
    let more = c.find(Locator::Css("#search-more")).await.unwrap();
    assert!(more.is_displayed().await.unwrap(), "{v}");
    more.click().await.unwrap();
    let start = Instant::now();
    let after = loop {
        let w = c.execute(RESULTS, vec![]).await.unwrap();
        if w["results"].as_array().unwrap().len() > 5 {
            break w;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{w}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let shown = after["results"].as_array().unwrap();
    assert_eq!(&shown[..5], &results[..5], "the first five stay: {after}");
    let focused = c
        .execute(
            "return document.activeElement.getAttribute('href');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, shown[5]["href"], "{after}");

    // Typed into the box and sent: results, and an address to share.
    c.goto(&format!("{}search/", server.base)).await.unwrap();
    let input = c.find(Locator::Css("#search-q")).await.unwrap();
    input.send_keys("ენის\u{E007}").await.unwrap();
    let v = answer(&c).await;
    assert!(
        first_five(&v, "/").contains(&"/integration-centre/georgian-language/".to_string()),
        "{v}"
    );
    assert!(
        v["url"]
            .as_str()
            .unwrap()
            .ends_with("?q=%E1%83%94%E1%83%9C%E1%83%98%E1%83%A1"),
        "{v}"
    );
    // A word no page has says so.
    c.goto(&format!("{}search/?q=qwzxv", server.base))
        .await
        .unwrap();
    let v = answer(&c).await;
    assert!(v["results"].as_array().unwrap().is_empty(), "{v}");
    c.close().await.unwrap();

    // Without JavaScript: the header's box leads to the search page, which lists every page.
    let profile = tempfile::tempdir().unwrap();
    let c = driver
        .session(false, profile.path())
        .await
        .expect("session");
    for lang in ["ka", "en"] {
        let home = if lang == "en" { "en/" } else { "" };
        c.goto(&format!("{}{home}", server.base)).await.unwrap();
        let input = c.find(Locator::Css(".site-search input")).await.unwrap();
        input.send_keys("ენა\u{E007}").await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let url = c.current_url().await.unwrap();
        assert_eq!(url.path(), format!("/{}", search_page(lang)), "{url}");
        let titles: Vec<String> = c
            .execute(
                "return Array.prototype.map.call(document.querySelectorAll('.a-z-pages a'), function (a) { return a.textContent; });",
                vec![],
            )
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect();
        let expected = titles_in(&built.site, lang);
        let mut sorted = titles.clone();
        sorted.sort();
        assert_eq!(sorted, expected, "{lang}: the A–Z lists every page once");
    }
    c.close().await.unwrap();
}

/// The titles of every page of the bundled site in `lang`, sorted.
fn titles_in(site: &Path, lang: &str) -> Vec<String> {
    let mut titles = Vec::new();
    for e in walkdir::WalkDir::new(site.join("content")) {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().to_string();
        if !name.ends_with(&format!(".{lang}.md")) {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        let title = text
            .lines()
            .find_map(|l| l.strip_prefix("title: "))
            .unwrap()
            .trim_matches('"')
            .to_string();
        titles.push(title);
    }
    titles.sort();
    titles
}

#[tokio::test(flavor = "multi_thread")]
async fn results_load_and_open_from_file_when_portable() {
    let site = support::bundled_copy();
    let out = site.beside().join("portable");
    let run = support::campaign(&[
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--portable",
    ]);
    assert!(run.ok(), "{}", run.stderr);
    let driver = Driver::start().expect("chromedriver");
    let profile = tempfile::tempdir().unwrap();
    let c = driver.session(true, profile.path()).await.expect("session");
    let root = format!("{}/", out.display());
    c.goto(&format!("file://{root}en/search/index.html?q=medicines"))
        .await
        .unwrap();
    let v = answer(&c).await;
    let first = &v["results"][0];
    assert_eq!(
        first["path"],
        format!("{root}en/services/medical-care/index.html"),
        "{v}"
    );
    c.find(Locator::Css("#search-results a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let h1 = c
        .find(Locator::Css("main h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(h1, "Medical care and medicines");
    c.close().await.unwrap();
}

/// Open `url` again until the search shows a result at `path` (20 s at most).
async fn until_found(c: &Client, url: &str, path: &str) -> Value {
    let start = Instant::now();
    loop {
        c.goto(url).await.unwrap();
        let v = answer(c).await;
        if first_five(&v, "/").iter().any(|p| p == path) {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{path} not found at {url} within 20 s: {v}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn serve_finds_a_page_saved_and_a_word_added_while_the_browser_is_open() {
    let site = support::bundled_copy();
    let server = support::serve::serve(site.path(), &[]);
    let base = format!("http://127.0.0.1:{}/", server.port);
    let driver = Driver::start().expect("chromedriver");
    let profile = tempfile::tempdir().unwrap();
    let c = driver.session(true, profile.path()).await.expect("session");

    let url = format!("{base}en/search/?q=zanzibarite");
    c.goto(&url).await.unwrap();
    let v = answer(&c).await;
    assert!(v["results"].as_array().unwrap().is_empty(), "{v}");
    std::fs::write(
        site.path().join("content/news/zanzibarite.en.md"),
        "---\ntitle: \"A new page\"\n---\n\nZanzibarite is a word no other page has.\n",
    )
    .unwrap();
    until_found(&c, &url, "/en/news/zanzibarite/").await;

    // A body edit (rendered again on its own): its new word is found too.
    let about = site.path().join("content/about.en.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, format!("{text}\nQuokkas are welcome.\n")).unwrap();
    until_found(&c, &format!("{base}en/search/?q=quokka"), "/en/about/").await;
    c.close().await.unwrap();
}
