//! Real-browser helpers: start chromedriver, open headless Chromium sessions (JavaScript on or
//! off, extra Chromium switches, the performance log), and serve a built site over HTTP from a
//! tiny std-only server with a strict CSP (or another one, e.g. one that forbids all scripts).

use fantoccini::{Client, ClientBuilder};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Where Debian installs the browser and its driver (`apt-get install chromium chromium-driver`).
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The WebDriver server for Chromium.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The Content-Security-Policy the test server sends: no inline script, nothing from elsewhere.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// [`CSP`] with every script forbidden: the page behaves as with JavaScript off, while WebDriver
/// can still run scripts in it (Chromium's `scriptEnabled=false` also stops the timers that
/// injected tools such as axe-core need).
pub const CSP_NO_SCRIPT: &str = "default-src 'self'; script-src 'none'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// What a browser session looks like beyond JavaScript on or off.
#[derive(Debug, Default, Clone)]
pub struct SessionOptions {
    /// Extra Chromium command-line switches (e.g. `--host-resolver-rules=...`).
    pub args: Vec<String>,
    /// Record Chromium's performance log (DevTools network events), read with
    /// [`performance_log`].
    pub performance_log: bool,
    /// Chromium preferences, e.g. `{"webkit": {"webprefs": {"default_font_size": 24}}}` for a
    /// reader who set a larger text size.
    pub prefs: Option<serde_json::Value>,
}

/// A running chromedriver, stopped when dropped.
pub struct Driver {
    child: Child,
    /// The WebDriver URL (`http://127.0.0.1:PORT`).
    pub url: String,
}

impl Driver {
    /// Start chromedriver on a free port and wait until it listens. The error says why it
    /// could not start (e.g. Chromium is not installed).
    pub fn start() -> Result<Driver, String> {
        for (path, pkg) in [(CHROMEDRIVER, "chromium-driver"), (CHROMIUM, "chromium")] {
            if !Path::new(path).exists() {
                return Err(format!(
                    "{path} is missing: install the Debian packages with `apt-get update && apt-get install -y chromium chromium-driver` (missing: {pkg})"
                ));
            }
        }
        let port = super::free_port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {CHROMEDRIVER}: {e}"))?;
        let mut driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(format!("chromedriver stopped at once ({status})"));
            }
            if start.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not start listening within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }

    /// Open a headless Chromium session; `javascript: false` turns scripts off.
    /// `profile` is a fresh folder for the browser's profile.
    pub async fn session(&self, javascript: bool, profile: &Path) -> Result<Client, String> {
        self.session_with(javascript, profile, &SessionOptions::default())
            .await
    }

    /// [`Driver::session`] with extra Chromium switches and, if asked, the performance log.
    pub async fn session_with(
        &self,
        javascript: bool,
        profile: &Path,
        options: &SessionOptions,
    ) -> Result<Client, String> {
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--window-size=1000,900".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        if !javascript {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        args.extend(options.args.iter().cloned());
        let mut caps = serde_json::json!({
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args }
        });
        if let Some(prefs) = &options.prefs {
            caps["goog:chromeOptions"]["prefs"] = prefs.clone();
        }
        if options.performance_log {
            caps["goog:loggingPrefs"] = serde_json::json!({ "performance": "ALL" });
        }
        let serde_json::Value::Object(caps) = caps else {
            unreachable!("a JSON object")
        };
        // chromedriver on a loaded 2-core machine now and then drops the request that starts
        // a session ("did not respond"): asked again after a pause, it answers.
        let mut tries = 0;
        loop {
            tries += 1;
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&self.url)
                .await
            {
                Ok(c) => return Ok(c),
                Err(e) if tries < 3 && e.to_string().contains("did not respond") => {
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(e) => {
                    return Err(format!(
                        "cannot open a Chromium session through chromedriver: {e}"
                    ));
                }
            }
        }
    }
}

impl Drop for Driver {
    /// Ask chromedriver to quit (it then closes the browsers of sessions still open, e.g. after
    /// a failed assertion), and kill it if it does not: a killed chromedriver leaves its
    /// Chromium processes running.
    fn drop(&mut self) {
        let addr = self.url.trim_start_matches("http://").to_string();
        if let Ok(mut s) = TcpStream::connect(&addr) {
            let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = write!(
                s,
                "GET /shutdown HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            );
            let _ = s.read_to_end(&mut Vec::new());
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A static file server on 127.0.0.1 for one folder, stopped when dropped.
pub struct StaticServer {
    /// The base URL, ending in `/`.
    pub base: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The chromedriver command that returns (and empties) a log of the session.
#[derive(Debug)]
struct GetLog(&'static str);

impl fantoccini::wd::WebDriverCompatibleCommand for GetLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or("")))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(serde_json::json!({ "type": self.0 }).to_string()),
        )
    }
}

/// The DevTools events Chromium logged since the last call (the session must have been opened
/// with [`SessionOptions::performance_log`]): each entry's `message.method` and
/// `message.params`.
pub async fn performance_log(client: &Client) -> Result<Vec<serde_json::Value>, String> {
    let entries = client
        .issue_cmd(GetLog("performance"))
        .await
        .map_err(|e| format!("cannot read the performance log: {e}"))?;
    let entries = entries.as_array().cloned().unwrap_or_default();
    Ok(entries
        .iter()
        .filter_map(|e| serde_json::from_str::<serde_json::Value>(e["message"].as_str()?).ok())
        .map(|m| m["message"].clone())
        .collect())
}

/// A DevTools command sent through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp(&'static str, serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or("")
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Run the DevTools command `cmd` with `params` in the session (e.g.
/// `Emulation.setEmulatedMedia` with `{"media": "print"}` to see the page as printed).
pub async fn devtools(
    client: &Client,
    cmd: &'static str,
    params: serde_json::Value,
) -> Result<serde_json::Value, String> {
    client
        .issue_cmd(Cdp(cmd, params))
        .await
        .map_err(|e| format!("DevTools command {cmd}: {e}"))
}

/// Every URL the browser started to request (`Network.requestWillBeSent`) in `events`.
pub fn requested_urls(events: &[serde_json::Value]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e["method"] == "Network.requestWillBeSent")
        .filter_map(|e| e["params"]["request"]["url"].as_str().map(str::to_string))
        .collect()
}

/// Serve `dir` over HTTP (GET only; folders answer with their index.html), with [`CSP`].
pub fn serve(dir: PathBuf) -> StaticServer {
    serve_with_csp(dir, CSP)
}

/// [`serve`] with another Content-Security-Policy, e.g. [`CSP_NO_SCRIPT`].
pub fn serve_with_csp(dir: PathBuf, csp: &str) -> StaticServer {
    let csp: Arc<str> = Arc::from(csp);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("address").port();
    listener.set_nonblocking(true).expect("non-blocking");
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let thread = std::thread::spawn(move || {
        while !flag.load(Ordering::SeqCst) {
            match listener.accept() {
                Ok((stream, _)) => {
                    let dir = dir.clone();
                    let csp = csp.clone();
                    std::thread::spawn(move || {
                        let _ = answer(stream, &dir, &csp);
                    });
                }
                Err(_) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    StaticServer {
        base: format!("http://127.0.0.1:{port}/"),
        stop,
        thread: Some(thread),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "vtt" => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `%XX` escapes of a URL path decoded (UTF-8, lossy): the file a path names.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn answer(stream: TcpStream, dir: &Path, csp: &str) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = first.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            csp,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            &[],
        );
    }
    if path.split('/').any(|s| s == "..") {
        return respond(&mut stream, csp, "400 Bad Request", "text/plain", b"", &[]);
    }
    let mut file = dir.join(path.trim_start_matches('/'));
    if file.is_dir() {
        if !path.ends_with('/') {
            let location = format!("Location: {path}/");
            return respond(
                &mut stream,
                csp,
                "301 Moved Permanently",
                "text/plain",
                b"",
                &[&location],
            );
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => {
            let body: &[u8] = if method == "HEAD" { b"" } else { &bytes };
            respond(&mut stream, csp, "200 OK", content_type(&file), body, &[])
        }
        Err(_) => {
            let body = std::fs::read(dir.join("404.html")).unwrap_or_default();
            respond(
                &mut stream,
                csp,
                "404 Not Found",
                "text/html; charset=utf-8",
                &body,
                &[],
            )
        }
    }
}

fn respond(
    stream: &mut TcpStream,
    csp: &str,
    status: &str,
    kind: &str,
    body: &[u8],
    extra: &[&str],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nContent-Security-Policy: {csp}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for h in extra {
        head.push_str(h);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()?;
    // Read what is left so that closing does not reset the connection.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(20)));
    let mut sink = [0u8; 512];
    let _ = stream.read(&mut sink);
    Ok(())
}
