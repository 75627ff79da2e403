//! `campaign serve` in a real browser (headless Chromium through chromedriver, the harness's
//! one driver setup in `support::browser`): a page follows edits without anyone touching the
//! browser, stylesheets swap without a reload, the error overlay comes and goes, and many open
//! tabs all keep reloading.
//!
//! Needs the Debian packages `chromium` and `chromium-driver`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::Client;
use serde_json::Value;
use std::time::{Duration, Instant};
use support::browser::Driver;
use support::fixture;
use support::serve::{TIMEOUT, atomic_write, serve};

/// Start chromedriver and open a headless Chromium session with JavaScript on; `profile` is a
/// fresh folder for the browser's profile.
async fn browser(profile: &std::path::Path) -> (Driver, Client) {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let client = driver
        .session(true, profile)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    (driver, client)
}

/// Run `script` in the page and return its value.
async fn eval(c: &Client, script: &str) -> Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Wait until `script` returns true.
async fn wait_for(c: &Client, what: &str, script: &str) {
    let deadline = Instant::now() + TIMEOUT;
    while Instant::now() < deadline {
        if eval(c, script).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let text = eval(c, "return document.documentElement.outerHTML").await;
    panic!("timed out waiting for {what}; the page is: {text}");
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndescription: {title}\n---\n\n{body}\n")
}

#[tokio::test]
async fn a_page_follows_edits_without_touching_the_browser() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    // The default theme as a folder of the site, so that the test can edit its stylesheet.
    support::copy_dir(&support::repo().join("themes"), &site.join("themes"));
    let server = serve(site, &[]);
    let profile = tempfile::tempdir().expect("profile dir");
    let (_driver, c) = browser(profile.path()).await;
    c.goto(&format!("http://127.0.0.1:{}/en/about/", server.port))
        .await
        .expect("open the page");
    wait_for(
        &c,
        "the page",
        "return document.body.innerText.includes('ABOUT-MARKER-1')",
    )
    .await;

    // A content edit reloads the page.
    eval(&c, "window.campaignProbe = 1; return true").await;
    atomic_write(
        &site.join("content/about.en.md"),
        &page("About", "About us: ABOUT-MARKER-2"),
    );
    wait_for(
        &c,
        "the new text",
        "return document.body.innerText.includes('ABOUT-MARKER-2') && !window.campaignProbe",
    )
    .await;

    // A stylesheet edit swaps stylesheets without reloading, and the page stays styled with
    // the new rule (the theme's own stylesheet, which pages link: its name must not change
    // under the page in the preview).
    eval(&c, "window.campaignProbe = 1; return true").await;
    std::fs::write(site.join("static/extra.css"), "p { color: #010203; }\n").expect("write");
    wait_for(&c,
        "swapped stylesheets",
        "return window.campaignProbe === 1 && [...document.querySelectorAll('link[rel~=stylesheet]')]\
         .some(l => l.href.includes('campaign-reload='))",
    ).await;
    let theme_css = site.join("themes/default/static/style.css");
    let css = std::fs::read_to_string(&theme_css).expect("the theme's stylesheet");
    std::fs::write(
        &theme_css,
        format!("{css}\nmain h1 {{ color: rgb(1, 2, 3); }}\n"),
    )
    .expect("write");
    wait_for(&c,
        "the theme's new rule, still styled",
        "return window.campaignProbe === 1 \
         && getComputedStyle(document.querySelector('main h1')).color === 'rgb(1, 2, 3)' \
         && getComputedStyle(document.querySelector('.site-header')).backgroundColor === 'rgb(11, 83, 148)'",
    ).await;

    // A broken edit shows the overlay; the fix removes it.
    std::fs::write(
        site.join("content/about.en.md"),
        "---\ntitle: About\ndescription: [broken\n---\n\nABOUT-MARKER-2\n",
    )
    .expect("write");
    wait_for(
        &c,
        "the error overlay",
        "const o = document.getElementById('campaign-errors'); \
         return !!o && o.getAttribute('role') === 'alert' \
         && o.innerText.includes('content/about.en.md:') \
         && getComputedStyle(o).position === 'fixed'",
    )
    .await;
    std::fs::write(
        site.join("content/about.en.md"),
        page("About", "ABOUT-FIXED"),
    )
    .expect("write");
    wait_for(
        &c,
        "the overlay to go",
        "return !document.getElementById('campaign-errors') \
         && document.body.innerText.includes('ABOUT-FIXED')",
    )
    .await;
    c.close().await.expect("close the session");
}

#[tokio::test]
async fn many_open_tabs_all_follow_edits() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve(site, &[]);
    let profile = tempfile::tempdir().expect("profile dir");
    let (_driver, c) = browser(profile.path()).await;
    let url = format!("http://127.0.0.1:{}/en/about/", server.port);
    // More tabs than the six connections a browser opens to one server.
    let mut tabs = Vec::new();
    for i in 0..9 {
        if i > 0 {
            let tab = c.new_window(true).await.expect("a new tab");
            c.switch_to_window(tab.handle).await.expect("switch to it");
        }
        c.goto(&url).await.expect("open the page");
        wait_for(
            &c,
            "the page",
            "return document.body.innerText.includes('ABOUT-MARKER-1')",
        )
        .await;
        tabs.push(c.window().await.expect("the tab's handle"));
    }
    atomic_write(
        &site.join("content/about.en.md"),
        &page("About", "About us: ABOUT-MARKER-2"),
    );
    for handle in &tabs {
        c.switch_to_window(handle.clone())
            .await
            .expect("switch tabs");
        wait_for(
            &c,
            "every tab to reload",
            "return document.body.innerText.includes('ABOUT-MARKER-2')",
        )
        .await;
    }
    c.close().await.expect("close the session");
}
