//! `campaign serve` against hostile clients over real HTTP: a web page using DNS rebinding
//! (a foreign Host) gets 421 and nothing of the preview, drafts included, on every route;
//! half-open and idle connections are closed; and a pile of slow clients on a system with
//! few file descriptors does not lock out a well-behaved one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};
use support::fixture;
use support::serve::{raw_request, serve, serve_with_open_files};

const SECRET: &str = "EMBARGOED-DRAFT-TEXT";

fn add_draft(site: &Path) {
    std::fs::write(
        site.join("content/embargo.en.md"),
        format!("---\ntitle: Embargo\ndraft: true\n---\n\n{SECRET}\n"),
    )
    .expect("write draft");
}

fn get_with_host(port: u16, path: &str, host: &str) -> support::serve::Response {
    raw_request(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

#[test]
fn a_foreign_host_gets_421_and_nothing_of_the_preview_on_every_route() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    add_draft(site);
    let server = serve(site, &[]);
    let port = server.port;
    let own = get_with_host(port, "/en/embargo/", &format!("127.0.0.1:{port}"));
    assert_eq!(own.status, 200);
    assert!(
        own.text().contains(SECRET),
        "drafts are shown in the preview"
    );

    let attacker = format!("attacker.example:{port}");
    for path in [
        "/en/embargo/",
        "/",
        "/clip.mp4",
        "/no-such-page/",
        "/__campaign/events",
        "/__campaign/reload.js",
        "/__campaign/worker.js",
        "/__campaign/overlay.css",
    ] {
        for host in [
            attacker.as_str(),
            "attacker.example",
            "127.0.0.1.nip.io",
            "localhost.attacker.example",
        ] {
            let r = get_with_host(port, path, host);
            assert_eq!(r.status, 421, "{path} for {host}: {}", r.text());
            let text = r.text();
            assert!(!text.contains(SECRET), "{text}");
            assert!(text.starts_with("Misdirected request"), "{text}");
            assert!(text.len() < 200, "a short plain answer: {text}");
        }
    }
    // The address in the request line counts, not only the Host header.
    let absolute = raw_request(
        port,
        &format!(
            "GET http://{attacker}/en/embargo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(absolute.status, 421);
    assert!(!absolute.text().contains(SECRET));
    // A request naming no host at all.
    let none = raw_request(port, "GET /en/embargo/ HTTP/1.0\r\n\r\n");
    assert_eq!(none.status, 400);
    assert!(!none.text().contains(SECRET));

    for host in [
        format!("localhost:{port}"),
        "localhost".to_string(),
        format!("127.0.0.1:{port}"),
        format!("127.0.0.2:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = get_with_host(port, "/en/embargo/", &host);
        assert_eq!(r.status, 200, "{host}");
        assert!(r.text().contains(SECRET), "{host}");
    }
}

/// Whether the server closes `stream` within `within` (reading nothing or only a timeout
/// answer).
fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    stream.set_read_timeout(Some(within)).expect("read timeout");
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            // A 408 or similar before closing is fine.
            Ok(_) => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return false;
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn half_open_and_idle_connections_are_closed() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve(site, &[]);
    let started = Instant::now();
    // Headers that never end.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .expect("send");
    // Nothing at all.
    let mut silent = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    // A finished request on a kept-alive connection, then silence.
    let mut idle = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    idle.write_all(b"GET /notes.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("send");
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).expect("an answer");
    assert_eq!(&first, b"HTTP/1.1 200");
    for (name, stream) in [
        ("slow", &mut slow),
        ("silent", &mut silent),
        ("idle", &mut idle),
    ] {
        assert!(
            closed_within(stream, Duration::from_secs(12)),
            "the {name} connection is still open after {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn slow_clients_do_not_lock_out_a_well_behaved_one_with_few_file_descriptors() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve_with_open_files(site, &[], 128);
    // Many more slow clients than the process may open files.
    let mut slow = Vec::new();
    for _ in 0..200 {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .expect("send");
        slow.push(s);
    }
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(3)))
        .expect("timeout");
    stream
        .write_all(b"GET /notes.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut answer = Vec::new();
    let read = stream.read_to_end(&mut answer);
    assert!(
        read.is_ok() && answer.starts_with(b"HTTP/1.1 200"),
        "no answer within {:?}: {read:?} {}",
        started.elapsed(),
        String::from_utf8_lossy(&answer)
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    drop(slow);
}
