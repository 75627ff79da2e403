//! `campaign serve` in a real browser (headless Chromium through chromedriver, spoken to with
//! plain WebDriver JSON over the tiny HTTP client): a page follows edits without anyone
//! touching the browser, stylesheets swap without a reload, the error overlay comes and goes,
//! and many open tabs all keep reloading.
//!
//! Needs the Debian packages `chromium` and `chromium-driver`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod serve_support;

use serde_json::{Value, json};
use serve_support::{TIMEOUT, atomic_write, fixture, free_port, http, serve};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A running chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn driver() -> Driver {
    for path in [CHROMIUM, CHROMEDRIVER] {
        assert!(
            Path::new(path).exists(),
            "{path} is missing: install it with `apt-get install -y chromium chromium-driver`"
        );
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { child, port };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < TIMEOUT, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    driver
}

/// A browser session, closed when dropped.
struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

impl<'a> Session<'a> {
    fn new(driver: &'a Driver, profile: &Path) -> Session<'a> {
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking",
                     format!("--user-data-dir={}", profile.display())]
        }}}});
        let value = call(driver.port, "POST", "/session", Some(caps));
        let id = value["sessionId"].as_str().expect("session id").to_string();
        Session { driver, id }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        call(
            self.driver.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn eval(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Wait until `script` returns true.
    fn wait_for(&self, what: &str, script: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if self.eval(script) == Value::Bool(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let text = self.eval("return document.documentElement.outerHTML");
        panic!("timed out waiting for {what}; the page is: {text}");
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        // Close the browser even after a failure (killing chromedriver leaves Chromium
        // running), without panicking again.
        let _ = (|| -> std::io::Result<()> {
            let mut stream = TcpStream::connect(("127.0.0.1", self.driver.port))?;
            stream.set_read_timeout(Some(Duration::from_secs(10)))?;
            let request = format!(
                "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                self.id
            );
            stream.write_all(request.as_bytes())?;
            let mut reply = [0u8; 512];
            let _ = stream.read(&mut reply)?;
            Ok(())
        })();
    }
}

/// One WebDriver command; returns its `value`, failing on a WebDriver error.
fn call(port: u16, method: &str, path: &str, body: Option<Value>) -> Value {
    let body = body.map(|b| b.to_string());
    let r = http(port, method, path, &[], body.as_deref());
    let doc: Value = serde_json::from_slice(&r.body).expect("WebDriver JSON");
    let value = doc["value"].clone();
    assert!(
        value.get("error").is_none(),
        "{method} {path}: {}",
        value["message"]
    );
    value
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndescription: {title}\n---\n\n{body}\n")
}

#[test]
fn a_page_follows_edits_without_touching_the_browser() {
    let (dir, site) = fixture("serve-basic");
    let server = serve(&site, &[]);
    let driver = driver();
    let browser = Session::new(&driver, &dir.path().join("profile"));
    browser.goto(&format!("http://127.0.0.1:{}/en/about/", server.port));
    browser.wait_for(
        "the page",
        "return document.body.innerText.includes('ABOUT-MARKER-1')",
    );

    // A content edit reloads the page.
    browser.eval("window.campaignProbe = 1; return true");
    atomic_write(
        &site.join("content/about.en.md"),
        &page("About", "About us: ABOUT-MARKER-2"),
    );
    browser.wait_for(
        "the new text",
        "return document.body.innerText.includes('ABOUT-MARKER-2') && !window.campaignProbe",
    );

    // A stylesheet edit swaps stylesheets without reloading.
    browser.eval("window.campaignProbe = 1; return true");
    std::fs::write(site.join("static/extra.css"), "p { color: #010203; }\n").expect("write");
    browser.wait_for(
        "swapped stylesheets",
        "return window.campaignProbe === 1 && [...document.querySelectorAll('link[rel~=stylesheet]')]\
         .some(l => l.href.includes('campaign-reload='))",
    );

    // A broken edit shows the overlay; the fix removes it.
    std::fs::write(
        site.join("content/about.en.md"),
        "---\ntitle: About\ndescription: [broken\n---\n\nABOUT-MARKER-2\n",
    )
    .expect("write");
    browser.wait_for(
        "the error overlay",
        "const o = document.getElementById('campaign-errors'); \
         return !!o && o.getAttribute('role') === 'alert' \
         && o.innerText.includes('content/about.en.md:') \
         && getComputedStyle(o).position === 'fixed'",
    );
    std::fs::write(
        site.join("content/about.en.md"),
        page("About", "ABOUT-FIXED"),
    )
    .expect("write");
    browser.wait_for(
        "the overlay to go",
        "return !document.getElementById('campaign-errors') \
         && document.body.innerText.includes('ABOUT-FIXED')",
    );
}

#[test]
fn many_open_tabs_all_follow_edits() {
    let (dir, site) = fixture("serve-basic");
    let server = serve(&site, &[]);
    let driver = driver();
    let browser = Session::new(&driver, &dir.path().join("profile"));
    let url = format!("http://127.0.0.1:{}/en/about/", server.port);
    // More tabs than the six connections a browser opens to one server.
    let mut tabs = Vec::new();
    for i in 0..9 {
        if i > 0 {
            let handle = browser.cmd("POST", "/window/new", Some(json!({"type": "tab"})));
            let handle = handle["handle"].as_str().expect("handle").to_string();
            browser.cmd("POST", "/window", Some(json!({ "handle": handle })));
        }
        browser.goto(&url);
        browser.wait_for(
            "the page",
            "return document.body.innerText.includes('ABOUT-MARKER-1')",
        );
        let handle = browser.cmd("GET", "/window", None);
        tabs.push(handle.as_str().expect("handle").to_string());
    }
    atomic_write(
        &site.join("content/about.en.md"),
        &page("About", "About us: ABOUT-MARKER-2"),
    );
    for handle in &tabs {
        browser.cmd("POST", "/window", Some(json!({ "handle": handle })));
        browser.wait_for(
            "every tab to reload",
            "return document.body.innerText.includes('ABOUT-MARKER-2')",
        );
    }
}
