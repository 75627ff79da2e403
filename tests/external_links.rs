//! `campaign check --external` over real HTTP, against a small server of the test's own: a
//! link that works passes, a link to a missing page is a warning at each place it is used,
//! every address is asked once, and each request says who asks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// What the server was asked: request line (`HEAD /ok`) and user agent.
type Seen = Arc<Mutex<Vec<(String, String)>>>;

/// A server on a free port: `/ok` answers 200, anything else 404.
fn server() -> (u16, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Seen = Arc::default();
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut agent = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if line.to_ascii_lowercase().starts_with("user-agent:") {
                    agent = line["user-agent:".len()..].trim().to_string();
                }
            }
            let mut parts = request.split_whitespace();
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let status = if path == "/ok" {
                "200 OK"
            } else {
                "404 Not Found"
            };
            log.lock()
                .unwrap()
                .push((format!("{method} {path}"), agent));
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            );
        }
    });
    (port, seen)
}

#[test]
fn a_missing_page_is_a_warning_where_it_is_linked_and_each_address_is_asked_once() {
    let (port, seen) = server();
    let fx = support::fixture("site-basic");
    let site = fx.path();
    let page = site.join("content/about.ka.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let added = format!(
        "\n[კარგი]({base}/ok) და [ცუდი]({base}/gone).\n\nკიდევ ერთხელ: [ცუდი]({base}/gone).\n"
    );
    std::fs::write(&page, format!("{text}{added}")).unwrap();
    let first = text.lines().count() + 2;

    let run = support::campaign(&[
        "check",
        "--external",
        "--format",
        "json",
        "--root",
        site.to_str().unwrap(),
    ]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    let external: Vec<(String, u64, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "external-link")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let message = format!("the link `{base}/gone` does not work: the page is not there (HTTP 404)");
    let file = "content/about.ka.md".to_string();
    assert_eq!(
        external,
        vec![
            (file.clone(), first as u64, message.clone()),
            (file, first as u64 + 2, message),
        ],
        "{}",
        run.stdout
    );
    assert!(run.ok(), "warnings only: {}", run.stderr);

    let mut asked = seen.lock().unwrap().clone();
    asked.sort();
    let requests: Vec<&str> = asked.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(requests, ["HEAD /gone", "HEAD /ok"], "each address once");
    for (_, agent) in &asked {
        assert!(agent.starts_with("campaign-link-checker/"), "{agent}");
    }
}
