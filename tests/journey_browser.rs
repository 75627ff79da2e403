//! A reader's journey through the bundled site in real Chromium, in the three places readers
//! meet it: served at the root of a host, served under a sub-path (as a ministry's site often
//! is), and opened from a USB stick (`build --portable`, `file://`); each with JavaScript on
//! and off. From the home page every link is followed: every link, stylesheet, script and
//! image must name a file that is there (from disk, a link to a folder shows a folder listing,
//! so it counts as broken), every page is styled, and every page of the output is reached.
//! On a small phone (360×740) every page's `h1` is on the first screen, and at 320 px with a
//! 24 px or 32 px default text size no page scrolls sideways; every text is at least 16 px.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::Client;
use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use support::browser::{Driver, SessionOptions, percent_decode, serve};

/// Where the site is read: the address of its home folder and the folder it comes from.
struct Place {
    name: &'static str,
    /// `http://127.0.0.1:PORT/`, `http://127.0.0.1:PORT/campaign/` or `file:///.../usb/`.
    base: String,
    out: PathBuf,
}

impl Place {
    fn on_disk(&self) -> bool {
        self.base.starts_with("file:")
    }

    /// The address of the home page.
    fn home(&self) -> String {
        if self.on_disk() {
            format!("{}index.html", self.base)
        } else {
            self.base.clone()
        }
    }

    /// The output file an address of this place names: `Ok(None)` for an address elsewhere,
    /// `Err` when it names no file (a folder from disk, or a missing file).
    fn file(&self, url: &str) -> Result<Option<String>, String> {
        let Some(rest) = url.strip_prefix(&self.base) else {
            return Ok(None);
        };
        let rest = percent_decode(rest.split(['#', '?']).next().unwrap_or(""));
        let file = if rest.is_empty() || rest.ends_with('/') {
            if self.on_disk() {
                return Err(format!(
                    "{url} names a folder: from disk the browser lists it"
                ));
            }
            format!("{rest}index.html")
        } else {
            rest
        };
        if self.out.join(&file).is_file() {
            Ok(Some(file))
        } else {
            Err(format!("{url}: there is no {file}"))
        }
    }
}

/// What a page offers: its links, the files it loads, and whether the stylesheet applies.
const PAGE_FACTS: &str = r#"
var out = { links: [], res: [], styled: "" };
function abs(v) { return new URL(v, location.href).href; }
document.querySelectorAll("a[href]").forEach(function (a) { out.links.push(a.href); });
// A search form leads to the search page (a reader without JavaScript sends it).
document.querySelectorAll("form[method=get][action]").forEach(function (f) { out.links.push(f.action); });
document.querySelectorAll("link[href]").forEach(function (l) { out.res.push(l.href); });
document.querySelectorAll("script[src], img[src], source[src], track[src]").forEach(function (e) { out.res.push(e.src); });
document.querySelectorAll("video[poster]").forEach(function (v) { out.res.push(v.poster); });
document.querySelectorAll("[srcset]").forEach(function (e) {
  e.getAttribute("srcset").split(",").forEach(function (c) { out.res.push(abs(c.trim().split(/\s+/)[0])); });
});
var h = document.querySelector(".site-header");
out.styled = h ? getComputedStyle(h).backgroundColor : "no .site-header";
return out;"#;

/// The pages reached and the problems met on a crawl from the home page.
#[derive(Default)]
struct Crawl {
    reached: BTreeSet<String>,
    problems: Vec<String>,
}

async fn crawl(c: &Client, place: &Place) -> Crawl {
    let mut crawl = Crawl::default();
    let mut queue = VecDeque::from([place.home()]);
    let mut queued = BTreeSet::from([place.home()]);
    while let Some(url) = queue.pop_front() {
        c.goto(&url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
        let here = c.current_url().await.expect("url").to_string();
        let Ok(Some(file)) = place.file(&here) else {
            crawl.problems.push(format!("{url} led to {here}"));
            continue;
        };
        crawl.reached.insert(file.clone());
        let facts = c.execute(PAGE_FACTS, vec![]).await.expect("page facts");
        if facts["styled"] != "rgb(11, 83, 148)" {
            crawl
                .problems
                .push(format!("{file} is not styled ({})", facts["styled"]));
        }
        let strings = |k: &str| -> Vec<String> {
            facts[k]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        for r in strings("res") {
            if let Err(e) = place.file(&r) {
                crawl.problems.push(format!("on {file}: {e}"));
            }
        }
        for link in strings("links") {
            match place.file(&link) {
                Ok(Some(target)) if target.ends_with(".html") => {
                    let page = link.split('#').next().unwrap_or("").to_string();
                    if queued.insert(page.clone()) {
                        queue.push_back(page);
                    }
                }
                Ok(_) => {}
                Err(e) => crawl.problems.push(format!("on {file}: {e}")),
            }
        }
    }
    crawl
}

/// Every HTML page of an output a reader can reach: all but the 404 page and the redirect
/// pages of old addresses.
fn pages_of(out: &Path) -> BTreeSet<String> {
    support::tree(out)
        .into_iter()
        .filter(|(p, b)| {
            p.ends_with(".html")
                && p != "404.html"
                && !String::from_utf8_lossy(b).contains("http-equiv=\"refresh\"")
        })
        .map(|(p, _)| p)
        .collect()
}

fn build(args: &[&str]) {
    let r = support::campaign(args);
    assert!(r.ok(), "campaign {args:?}:\n{}", r.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_link_resolves_and_every_page_is_reached_at_the_root_under_a_sub_path_and_on_disk() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let b = support::bundled();
    let root = serve(b.out.clone());
    let tmp = tempfile::tempdir().expect("temp dir");
    let www = tmp.path().join("www");
    support::copy_dir(&b.out, &www.join("campaign"));
    let hosted = serve(www);
    let usb = tmp.path().join("usb");
    let site = b.site.to_str().unwrap();
    build(&[
        "build",
        "--root",
        site,
        "--portable",
        "-o",
        usb.to_str().unwrap(),
        "--force",
    ]);
    let places = [
        Place {
            name: "at the root",
            base: root.base.clone(),
            out: b.out.clone(),
        },
        Place {
            name: "under a sub-path",
            base: format!("{}campaign/", hosted.base),
            out: b.out.clone(),
        },
        Place {
            name: "from disk",
            base: format!("file://{}/", usb.display()),
            out: usb.clone(),
        },
    ];
    let mut failures = Vec::new();
    for place in &places {
        let expected = pages_of(&place.out);
        for js in [true, false] {
            let profile = tempfile::tempdir().expect("profile");
            let c = driver
                .session(js, profile.path())
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let crawl = crawl(&c, place).await;
            c.close().await.expect("close");
            let how = format!(
                "{} with JavaScript {}",
                place.name,
                if js { "on" } else { "off" }
            );
            for p in crawl.problems.iter().take(8) {
                failures.push(format!("{how}: {p}"));
            }
            let missed: Vec<_> = expected.difference(&crawl.reached).collect();
            if !missed.is_empty() {
                failures.push(format!("{how}: pages never reached: {missed:?}"));
            }
            assert!(
                crawl.reached.len() > 80,
                "{how}: only {} pages",
                crawl.reached.len()
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Facts about the page in the window: its width, how wide its content is, where its `h1`
/// ends, and the elements whose own text is smaller than 16 px.
const LAYOUT_FACTS: &str = r#"
var h1 = document.querySelector("h1");
var small = [];
document.querySelectorAll("body *").forEach(function (e) {
  var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim() !== ""; });
  var size = parseFloat(getComputedStyle(e).fontSize);
  if (own && size < 16 && e.getClientRects().length) { small.push(e.tagName.toLowerCase() + "." + e.className + " " + size + "px: " + e.textContent.trim().slice(0, 30)); }
});
var wide = [];
document.querySelectorAll("body *").forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.right > window.innerWidth + 0.5 && !e.closest(".visually-hidden, .skip-link, table")) { wide.push(e.tagName.toLowerCase() + "." + e.className + " " + Math.round(r.right) + "px: " + e.textContent.trim().slice(0, 30)); }
});
return {
  wide: wide.slice(-3),
  width: window.innerWidth,
  height: window.innerHeight,
  scroll: document.documentElement.scrollWidth,
  h1: h1 ? h1.getBoundingClientRect().bottom : -1,
  small: small
};"#;

async fn phone(driver: &Driver, width: u32, font: Option<u32>) -> Client {
    let profile = tempfile::tempdir().expect("profile").keep();
    let options = SessionOptions {
        prefs: font
            .map(|f| serde_json::json!({ "webkit": { "webprefs": { "default_font_size": f } } })),
        ..Default::default()
    };
    let c = driver
        .session_with(true, &profile, &options)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // The window's size includes what the browser draws around the page: size it so that the
    // page itself is `width`×740.
    c.set_window_size(width, 740).await.expect("window size");
    let inner = c
        .execute("return [innerWidth, innerHeight];", vec![])
        .await
        .expect("size");
    let (w, h) = (
        inner[0].as_u64().unwrap() as u32,
        inner[1].as_u64().unwrap() as u32,
    );
    c.set_window_size(2 * width - w, 2 * 740 - h)
        .await
        .expect("window size");
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_small_phone_the_heading_is_on_the_first_screen_and_large_text_never_scrolls_sideways()
{
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let b = support::bundled();
    let server = serve(b.out.clone());
    let pages = pages_of(&b.out);
    let mut failures = Vec::new();
    let c = phone(&driver, 360, None).await;
    for p in &pages {
        c.goto(&format!("{}{p}", server.base)).await.expect("open");
        let f = c.execute(LAYOUT_FACTS, vec![]).await.expect("facts");
        assert_eq!(
            (f["width"].as_f64(), f["height"].as_f64()),
            (Some(360.0), Some(740.0)),
            "a 360×740 phone: {f}"
        );
        let (bottom, height) = (f["h1"].as_f64().unwrap(), f["height"].as_f64().unwrap());
        if bottom < 0.0 || bottom > height {
            failures.push(format!(
                "{p}: at 360×740 the h1 ends at {bottom} px (screen: {height})"
            ));
        }
        for s in f["small"].as_array().unwrap().iter().take(3) {
            failures.push(format!("{p}: text under 16 px: {s}"));
        }
    }
    // The menu is one "Menu" link away, without script.
    c.goto(&server.base).await.expect("open");
    let shown = "return document.querySelector('.site-nav a').getClientRects().length > 0;";
    assert_eq!(
        c.execute(shown, vec![]).await.unwrap(),
        false,
        "on a phone the menu starts closed"
    );
    c.find(fantoccini::Locator::Css(".menu-link"))
        .await
        .expect("Menu link")
        .click()
        .await
        .unwrap();
    assert_eq!(
        c.execute(shown, vec![]).await.unwrap(),
        true,
        "the Menu link opens the menu"
    );
    let lefts = "return [document.querySelector('.site-nav a'), document.querySelector('main h1')].map(function (e) { return e.getBoundingClientRect().left; });";
    let l = c.execute(lefts, vec![]).await.unwrap();
    assert_eq!(l[0], l[1], "the menu is aligned with the page's text");
    c.close().await.expect("close");
    for font in [24, 32] {
        let c = phone(&driver, 320, Some(font)).await;
        for p in &pages {
            c.goto(&format!("{}{p}", server.base)).await.expect("open");
            let f = c.execute(LAYOUT_FACTS, vec![]).await.expect("facts");
            assert_eq!(f["width"], 320, "the window must be 320 px wide: {f}");
            if f["scroll"].as_f64().unwrap() > 320.0 {
                failures.push(format!(
                    "{p}: at 320 px with {font} px text the page is {} px wide ({})",
                    f["scroll"], f["wide"]
                ));
            }
        }
        c.close().await.expect("close");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a printout of the page carries: the print head's text, whether the header shows, and
/// what is printed after the first link to another site.
const PRINT_FACTS: &str = r#"
var head = document.querySelector(".print-head");
var ext = document.querySelector("main a[href^='https:']");
return {
  head: head && head.getClientRects().length ? head.innerText : null,
  header: getComputedStyle(document.querySelector(".site-header")).display,
  after: ext ? getComputedStyle(ext, "::after").content : null
};"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_printout_carries_the_site_the_address_the_date_and_the_addresses_of_links() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let site = support::bundled_copy();
    let about = site.path().join("content/about.en.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(
        &about,
        format!("{text}\nSee also [UNHCR](https://www.unhcr.org/).\n"),
    )
    .unwrap();
    let out = site.beside().join("out");
    let root = site.path().to_str().unwrap();
    build(&[
        "build",
        "--root",
        root,
        "-o",
        out.to_str().unwrap(),
        "--base-url",
        "https://example.ge/",
    ]);
    let profile = tempfile::tempdir().expect("profile");
    let c = driver
        .session(false, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    c.goto(&format!("file://{}/en/about/index.html", out.display()))
        .await
        .expect("open");
    let screen = c.execute(PRINT_FACTS, vec![]).await.expect("facts");
    assert_eq!(
        screen["head"],
        serde_json::Value::Null,
        "the print head is for paper only"
    );
    support::browser::devtools(
        &c,
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "print" }),
    )
    .await
    .expect("print media");
    let paper = c.execute(PRINT_FACTS, vec![]).await.expect("facts");
    c.close().await.expect("close");
    let head = paper["head"]
        .as_str()
        .unwrap_or_else(|| panic!("no print head on paper: {paper}"));
    for part in [
        "Help for returned migrants and refugees in Georgia",
        "https://example.ge/en/about/",
        "Date: 29 November 2026",
    ] {
        assert!(head.contains(part), "the printout lacks {part:?}: {head:?}");
    }
    assert_eq!(paper["header"], "none", "menus are not printed");
    assert!(
        paper["after"]
            .as_str()
            .is_some_and(|a| a.contains("https://www.unhcr.org/")),
        "a link to another site prints its address: {paper}"
    );
}
