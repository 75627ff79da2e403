//! The accessibility gate: axe-core, injected through WebDriver into every page of the bundled
//! site in headless Chromium, reports no violation of the WCAG 2.0/2.1/2.2 A and AA rules —
//! with JavaScript on for every page, and with JavaScript off for the pages that load a script
//! or show a video (the self-check, the news item with the sample video). Posters exist only
//! when the site's address is known: a second build with one checks them and the pages that
//! link them.
//!
//! "JavaScript off" is emulated by serving those pages with `script-src 'none'`: with Chromium's
//! own switch (`--blink-settings=scriptEnabled=false`) WebDriver can still run a script in the
//! page, but timers never fire, so `axe.run` never settles. The theme has no `<noscript>`, so a
//! page whose scripts are blocked renders exactly as with scripting off.
//!
//! axe-core comes from npm: `npm install --ignore-scripts` in the repository root.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::{Client, Locator};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::axe::{axe, axe_source, lines};
use support::browser::{CSP_NO_SCRIPT, Driver, serve, serve_with_csp};

/// Every HTML page of the built site, as site paths (`/`, `/en/check/q/1/`, `/404.html`).
fn pages(out: &Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.expect("walk the output"))
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .expect("inside the output")
                .to_string_lossy()
                .replace('\\', "/");
            match rel.strip_suffix("index.html") {
                Some(dir) => format!("/{dir}"),
                None => format!("/{rel}"),
            }
        })
        .collect();
    pages.sort();
    pages
}

/// Whether scripts change what the reader gets: the page loads a script or shows a video.
fn scripts_matter(out: &Path, page: &str) -> bool {
    let html = std::fs::read_to_string(support::file_of(out, page)).expect("read page");
    html.contains("<script src=") || html.contains("<video")
}

/// Open `url` and wait until it has loaded (and, with scripts on, until the self-check's
/// script has taken over the page).
async fn open(c: &Client, url: &str, scripts: bool) {
    c.goto(url).await.expect("open page");
    let start = Instant::now();
    loop {
        let state = c
            .execute(
                "return [document.readyState, !!document.querySelector('.check[data-check-flow]'), document.documentElement.classList.contains('check-js')];",
                vec![],
            )
            .await
            .expect("page state");
        let complete = state[0] == "complete";
        let check = state[1] == true;
        let enhanced = state[2] == true;
        if !scripts {
            // A script the policy blocks still gets a timing entry, with no response.
            let fetched = c
                .execute(
                    "return performance.getEntriesByType('resource').filter(function (e) { return /\\.js(\\?|$)|flow\\.json/.test(e.name) && e.responseStatus !== 0; }).map(function (e) { return e.name + ' ' + e.responseStatus; });",
                    vec![],
                )
                .await
                .expect("resources");
            assert!(
                !enhanced && fetched == serde_json::json!([]),
                "{url}: a script ran although scripts are blocked ({fetched})"
            );
        }
        if complete && (!scripts || !check || enhanced) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{url} did not finish loading within 10 s: {state}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Run axe on every page in `pages` under `base`; the problems found.
async fn check_all(
    c: &Client,
    base: &str,
    pages: &[String],
    scripts: bool,
    source: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    for page in pages {
        open(
            c,
            &format!("{}{}", base, page.trim_start_matches('/')),
            scripts,
        )
        .await;
        let label = if scripts {
            page.clone()
        } else {
            format!("{page} [no JS]")
        };
        problems.extend(lines(&label, &axe(c, source).await));
    }
    problems
}

/// With scripts on, the self-check renders the next question and the outcome in place: check
/// the states it renders too, along one path to an outcome, in both languages.
async fn check_in_place_states(c: &Client, base: &str, source: &str) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut states = 0;
    for prefix in ["", "en/"] {
        let start = format!("{base}{prefix}check/");
        open(c, &start, true).await;
        c.execute("window.__samePage = 1; return 1;", vec![])
            .await
            .expect("mark the page");
        c.find(Locator::Css(".button-start"))
            .await
            .expect("the start button")
            .click()
            .await
            .expect("click");
        // "No" to the first question (status), then "Yes" to the rest: the longest path.
        for step in 0..12 {
            let url = c.current_url().await.expect("url").to_string();
            problems.extend(lines(&format!("{url} [in place]"), &axe(c, source).await));
            states += 1;
            let answers = c
                .find_all(Locator::Css(".check-answer"))
                .await
                .expect("answers");
            let Some(answer) = answers.get(if step == 0 { 1 } else { 0 }) else {
                break;
            };
            answer.click().await.expect("answer");
        }
        let same = c
            .execute("return window.__samePage === 1;", vec![])
            .await
            .expect("probe");
        assert_eq!(
            same,
            Value::Bool(true),
            "{start}: the self-check reloaded the page, so these were not in-place states"
        );
    }
    (states, problems)
}

fn report(problems: &[String]) -> String {
    format!(
        "axe-core found {} WCAG 2.2 A/AA problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    )
}

#[tokio::test]
async fn every_page_passes_axe_with_javascript_on_and_off() {
    let started = Instant::now();
    let source = axe_source();
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let b = support::bundled();
    let out: PathBuf = b.out.clone();
    let all = pages(&out);
    for must in ["/", "/en/", "/check/", "/en/check/", "/404.html"] {
        assert!(all.iter().any(|p| p == must), "{must} was not built");
    }
    assert!(
        all.iter().any(|p| p.starts_with("/check/q/"))
            && all.iter().any(|p| p.starts_with("/en/check/r/")),
        "the self-check's question and outcome pages were not built"
    );
    let scripted: Vec<String> = all
        .iter()
        .filter(|p| scripts_matter(&out, p))
        .cloned()
        .collect();
    assert!(
        scripted.iter().any(|p| p.starts_with("/check/"))
            && scripted.iter().any(|p| p.starts_with("/en/check/"))
            && scripted
                .iter()
                .any(|p| p.starts_with("/news/") && p != "/news/")
            && scripted
                .iter()
                .any(|p| p.starts_with("/en/news/") && p != "/en/news/"),
        "the self-check and the news item with the video should be checked without JavaScript too: {scripted:?}"
    );

    let mut problems = Vec::new();
    let profile = tempfile::tempdir().expect("profile dir");
    let c = driver
        .session(true, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    let t = Instant::now();
    let server = serve(out.clone());
    problems.extend(check_all(&c, &server.base, &all, true, &source).await);
    let (states, in_place) = check_in_place_states(&c, &server.base, &source).await;
    problems.extend(in_place);
    let js_on = t.elapsed();

    let t = Instant::now();
    let no_script = serve_with_csp(out.clone(), CSP_NO_SCRIPT);
    problems.extend(check_all(&c, &no_script.base, &scripted, false, &source).await);
    let js_off = t.elapsed();

    c.close().await.expect("close the session");
    println!(
        "axe-core: {} pages with JavaScript on ({:.1} s) and {states} states the self-check renders in place; {} pages with JavaScript off ({:.1} s); {:.1} s in all",
        all.len(),
        js_on.as_secs_f64(),
        scripted.len(),
        js_off.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "{}", report(&problems));
}

/// Posters are written only when the site's address is known: build the bundled site with one
/// and check every poster and every page that links to one.
#[tokio::test]
async fn every_poster_and_the_pages_linking_them_pass_axe() {
    let source = axe_source();
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let site = support::bundled_copy();
    let b =
        support::build_to_temp_with(site.path(), &["--base-url", "https://example.ge/campaign/"]);
    assert!(b.ok(), "{}", b.stderr);
    let all = pages(&b.out);
    let posters: Vec<String> = all
        .iter()
        .filter(|p| p.ends_with("/poster/"))
        .cloned()
        .collect();
    let linking: Vec<String> = all
        .iter()
        .filter(|p| {
            std::fs::read_to_string(support::file_of(&b.out, p))
                .expect("read page")
                .contains("class=\"poster-link\"")
        })
        .cloned()
        .collect();
    assert!(
        posters.len() >= 12 && linking.len() == posters.len(),
        "posters {posters:?}, pages linking one {linking:?}"
    );
    let server = serve(b.out.clone());
    let profile = tempfile::tempdir().expect("profile dir");
    let c = driver
        .session(true, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut problems = check_all(&c, &server.base, &posters, true, &source).await;
    problems.extend(check_all(&c, &server.base, &linking, true, &source).await);
    c.close().await.expect("close the session");
    println!(
        "axe-core: {} posters and the {} pages linking them",
        posters.len(),
        linking.len()
    );
    assert!(problems.is_empty(), "{}", report(&problems));
}

/// The gate can fail: a page with known problems gives the exact report lines.
#[tokio::test]
async fn a_page_with_problems_is_reported_by_rule_impact_and_selector() {
    let source = axe_source();
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("index.html"),
        "<!DOCTYPE html><html><head><title>Bad</title></head><body><main><h1>Bad</h1>\
         <a href=\"/x\" id=\"empty\"></a><img src=\"x.png\" id=\"noalt\"></main></body></html>",
    )
    .expect("write page");
    let server = serve(dir.path().to_path_buf());
    let profile = tempfile::tempdir().expect("profile dir");
    let c = driver
        .session(true, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let problems = check_all(&c, &server.base, &["/".to_string()], true, &source).await;
    c.close().await.expect("close the session");
    let mut ids: Vec<&str> = problems
        .iter()
        .map(|l| l.split(' ').nth(1).unwrap_or(""))
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        ["html-has-lang", "image-alt", "link-name"],
        "{}",
        report(&problems)
    );
    assert!(
        problems.contains(
            &"/: image-alt (critical) #noalt — Images must have alternative text".to_string()
        ),
        "{}",
        report(&problems)
    );
}
