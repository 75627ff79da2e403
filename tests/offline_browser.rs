//! Offline reading in real Chromium: the bundled site, served over HTTP on 127.0.0.1 (a
//! secure context for service workers) with the strict CSP, installs its worker; with the
//! server gone, a visited page, the first page opened, the self-check and the regional help
//! list still show, styled, and a page never opened shows the browser's offline error. A
//! rebuild with new text shows the text on the next visit and replaces the old cache;
//! `offline: false` then removes the worker and what it kept. `offline: false`, `--portable`
//! and `campaign serve` write no worker and no script that installs it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::Client;
use std::path::Path;
use std::time::{Duration, Instant};
use support::browser::{Driver, serve};

/// What a page shows: its address, its `h1`, whether the stylesheet applies, and its text.
const SHOWN: &str = r#"
var h1 = document.querySelector("main h1");
var header = document.querySelector(".site-header");
return {
  url: location.href,
  h1: h1 ? h1.textContent.trim() : null,
  styled: header ? getComputedStyle(header).backgroundColor : null,
  text: document.body ? document.body.innerText.slice(0, 300) : ""
};"#;

/// This site's caches (the worker's names start with `campaign-offline <scope> `).
const CACHES: &str = r#"
return caches.keys().then(function (names) {
  return names.filter(function (n) { return n.indexOf("campaign-offline ") === 0; });
});"#;

/// The workers and caches of the site's origin.
const LEFT: &str = r#"
return navigator.serviceWorker.getRegistrations().then(function (regs) {
  return caches.keys().then(function (names) {
    return regs.map(function (r) { return "worker " + r.scope; }).concat(names);
  });
});"#;

/// The `h1` of the page at `site_path` in the output, as the browser shows it.
fn h1_of(out: &Path, site_path: &str) -> String {
    let html = std::fs::read_to_string(support::file_of(out, site_path)).expect("page");
    let h1 = support::between(&html, "<h1", "</h1>");
    let h1 = h1.split_once('>').map_or("", |(_, text)| text);
    assert!(!h1.is_empty(), "{site_path} has an h1");
    support::unescape(h1.trim())
}

/// Poll `script` until `done` says yes (20 s at most); returns its last value.
async fn until(
    c: &Client,
    what: &str,
    script: &str,
    done: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let start = Instant::now();
    loop {
        let v = c.execute(script, vec![]).await.expect("script");
        if done(&v) {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{what}: still {v} after 20 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Open `url` and say what it shows (an error page of the browser shows no `h1`).
async fn open(c: &Client, url: &str) -> serde_json::Value {
    // Chromedriver may report a page that failed to load as an error: the page says more.
    let _ = c.goto(url).await;
    c.execute(SHOWN, vec![]).await.expect("what the page shows")
}

/// Open `url` and wait until the offline worker answers the page.
async fn open_and_wait_for_the_worker(c: &Client, url: &str) {
    c.goto(url).await.expect("open");
    until(
        c,
        "the worker controls the page",
        "return !!(navigator.serviceWorker && navigator.serviceWorker.controller);",
        |v| v == true,
    )
    .await;
}

async fn session(driver: &Driver, profile: &Path) -> Client {
    driver
        .session(true, profile)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

const STYLED: &str = "rgb(11, 83, 148)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_reload_of_a_visited_page_shows_it() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let b = support::bundled();
    let server = serve(b.out.clone());
    let base = server.base.clone();
    let profile = tempfile::tempdir().expect("profile");
    let c = session(&driver, profile.path()).await;
    // The first page a reader opens, before any worker: the worker keeps it when installed.
    open_and_wait_for_the_worker(&c, &format!("{base}en/about/")).await;
    let visited = open(&c, &format!("{base}en/news/")).await;
    assert_eq!(visited["h1"], h1_of(&b.out, "/en/news/"), "{visited}");
    assert_eq!(
        c.execute(CACHES, vec![])
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1,
        "one cache"
    );

    // No connection: the server is gone.
    drop(server);
    let mut failures = Vec::new();
    let reload = c.refresh().await;
    let shown = c.execute(SHOWN, vec![]).await.expect("shown");
    if reload.is_err() || shown["h1"] != h1_of(&b.out, "/en/news/") || shown["styled"] != STYLED {
        failures.push(format!(
            "offline reload of the visited /en/news/: {reload:?} {shown}"
        ));
    }
    for path in [
        "/en/about/",
        "/check/",
        "/en/check/",
        "/check/q/2-1/",
        "/en/check/r/2-3/",
        "/help/",
        "/en/help/tolerant/",
    ] {
        let url = format!("{}{}", base, &path[1..]);
        let shown = open(&c, &url).await;
        if shown["url"] != url.as_str()
            || shown["h1"] != h1_of(&b.out, path)
            || shown["styled"] != STYLED
        {
            failures.push(format!("offline, {path} should show: {shown}"));
        }
    }
    // Never opened and not kept ahead: the browser says there is no connection.
    for path in ["/en/integration-centre/", "/services/"] {
        let shown = open(&c, &format!("{}{}", base, &path[1..])).await;
        let error_page = shown["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("chrome-error:"));
        if !shown["h1"].is_null() || !error_page {
            failures.push(format!(
                "offline, {path} was never opened and should not show: {shown}"
            ));
        }
    }
    c.close().await.expect("close");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_a_sub_path_the_worker_covers_the_sites_folder() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let b = support::bundled();
    let tmp = tempfile::tempdir().expect("temp dir");
    let www = tmp.path().join("www");
    support::copy_dir(&b.out, &www.join("campaign"));
    let server = serve(www);
    let profile = tempfile::tempdir().expect("profile");
    let c = session(&driver, profile.path()).await;
    open_and_wait_for_the_worker(&c, &format!("{}campaign/en/check/", server.base)).await;
    let scope = c
        .execute(
            "return navigator.serviceWorker.ready.then(function (r) { return r.scope; });",
            vec![],
        )
        .await
        .unwrap();
    c.close().await.expect("close");
    assert_eq!(scope, format!("{}campaign/", server.base).as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_build_replaces_what_was_kept_and_offline_false_removes_the_worker() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let site = support::bundled_copy();
    let out = site.beside().join("public");
    let build = || {
        let r = support::run(
            support::command()
                .args(["build", "--root"])
                .arg(site.path())
                .arg("--output")
                .arg(&out),
        );
        assert!(r.ok(), "{}", r.stderr);
    };
    build();
    let server = serve(out.clone());
    let about = format!("{}en/about/", server.base);
    let profile = tempfile::tempdir().expect("profile");
    let c = session(&driver, profile.path()).await;
    open_and_wait_for_the_worker(&c, &about).await;
    let first = c.execute(CACHES, vec![]).await.unwrap();
    assert_eq!(first.as_array().unwrap().len(), 1, "{first}");

    // New text: shown on the next visit, and the new worker deletes the old cache.
    let page = site.path().join("content/about.en.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nOFFLINE-NEW-TEXT\n")).unwrap();
    build();
    let shown = open(&c, &about).await;
    assert!(
        c.source().await.unwrap().contains("OFFLINE-NEW-TEXT"),
        "the new text shows: {shown}"
    );
    let second = until(&c, "the new worker replaces the old cache", CACHES, |v| {
        v.as_array().is_some_and(|a| a.len() == 1) && *v != first
    })
    .await;
    assert_ne!(second, first);

    // `offline: false`: the worker that replaces it deletes the cache and removes itself.
    support::append_site_yaml(site.path(), "offline: false\n");
    build();
    assert!(!out.join("offline.js").exists());
    open(&c, &about).await;
    until(
        &c,
        "the worker removes itself and what it kept",
        LEFT,
        |v| v.as_array().is_some_and(|a| a.is_empty()),
    )
    .await;
    c.close().await.expect("close");
}

/// Whether any page of the output loads the script that installs the worker.
fn any_page_registers(out: &Path) -> bool {
    support::tree(out)
        .iter()
        .any(|(p, b)| p.ends_with(".html") && String::from_utf8_lossy(b).contains("offline.js"))
}

#[test]
fn offline_false_writes_only_a_worker_that_removes_itself() {
    let site = support::bundled_copy();
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}offline: false\n")).unwrap();
    let built = support::build_to_temp(site.path());
    assert!(built.ok(), "{}", built.stderr);
    assert!(!built.out.join("offline.js").exists());
    assert!(!any_page_registers(&built.out));
    let sw = support::read(&built.out, "sw.js");
    assert!(sw.contains("self.registration.unregister()"), "{sw}");
    assert!(!sw.contains("addEventListener(\"fetch\""), "{sw}");

    std::fs::write(&yaml, format!("{text}offline: sometimes\n")).unwrap();
    let bad = support::build_to_temp(site.path());
    assert!(!bad.ok());
    assert!(
        bad.stderr.contains("`offline` should be `true` or `false`"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_sites_own_sw_js_is_an_error_unless_offline_is_false() {
    let site = support::bundled_copy();
    std::fs::write(
        site.path().join("static/sw.js"),
        "// the site's own worker\n",
    )
    .unwrap();
    let built = support::build_to_temp(site.path());
    assert!(!built.ok());
    assert!(
        built
            .stderr
            .contains("`sw.js` has the name of campaign's offline reading file"),
        "{}",
        built.stderr
    );
    assert!(built.stderr.contains("static/sw.js"), "{}", built.stderr);
    support::append_site_yaml(site.path(), "offline: false\n");
    let built = support::build_to_temp(site.path());
    assert!(built.ok(), "{}", built.stderr);
    assert_eq!(
        support::read(&built.out, "sw.js"),
        "// the site's own worker\n"
    );
}

#[test]
fn the_bundled_site_registers_its_worker_and_keeps_the_self_check_and_the_help_list() {
    let b = support::bundled();
    let sw = support::read(&b.out, "sw.js");
    let about = support::read(&b.out, "en/about/index.html");
    // The stylesheet and the script by the content-hashed names the pages link.
    let linked = |prefix: &str| -> String {
        support::attrs(
            &about,
            if prefix.ends_with("css") {
                "href"
            } else {
                "src"
            },
        )
        .into_iter()
        .find(|u| u.starts_with(&format!("../../{}", &prefix[..prefix.len() - 4])))
        .map(|u| format!("\"{}\"", u.trim_start_matches("../../")))
        .unwrap_or_else(|| panic!("the page links no {prefix}:\n{about}"))
    };
    let (style, register) = (linked("style.css"), linked("offline.js"));
    for kept in [
        "\"check/\"",
        "\"en/check/r/2-3/\"",
        "\"check/flow.json\"",
        "\"help/\"",
        "\"en/help/tolerant/\"",
        style.as_str(),
        register.as_str(),
    ] {
        assert!(sw.contains(kept), "sw.js keeps {kept}:\n{sw}");
    }
    assert!(!sw.contains("\"sw.js\""), "the worker does not keep itself");
    assert!(
        about.contains(&format!(
            "<script src=\"../../{}\" defer></script>",
            register.trim_matches('"')
        )),
        "{about}"
    );
}

#[test]
fn portable_builds_and_the_preview_have_no_worker() {
    let b = support::bundled();
    let site = b.site.to_str().unwrap();
    let tmp = tempfile::tempdir().expect("temp dir");
    let usb = tmp.path().join("usb");
    let r = support::campaign(&[
        "build",
        "--root",
        site,
        "--portable",
        "-o",
        usb.to_str().unwrap(),
        "--force",
    ]);
    assert!(r.ok(), "{}", r.stderr);
    assert!(!usb.join("sw.js").exists() && !usb.join("offline.js").exists());
    assert!(!any_page_registers(&usb));

    let preview = support::serve::serve(&b.site, &[]);
    assert_eq!(preview.get("/sw.js").status, 404);
    assert_eq!(preview.get("/offline.js").status, 404);
    let page = preview.get("/en/about/");
    assert_eq!(page.status, 200);
    assert!(!page.text().contains("offline.js"), "{}", page.text());
}
