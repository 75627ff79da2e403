//! `campaign serve` over real HTTP: pages, pretty URLs, Range, 404, traversal attempts, live
//! reload after edits, the error overlay and the error page, and a clean stop.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use std::time::Duration;
use support::fixture;
use support::serve::{Server, atomic_write, eventually, serve};

fn write(site: &Path, rel: &str, text: &str) {
    std::fs::write(site.join(rel), text).expect("write");
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndescription: {title}\n---\n\n{body}\n")
}

/// The `data-state` token a served page carries.
fn state_of(html: &str) -> String {
    html.split("data-state=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a data-state attribute")
        .to_string()
}

/// The generation part of a state token (`<start>-<generation>`).
fn generation(token: &str) -> u64 {
    token
        .rsplit('-')
        .next()
        .and_then(|g| g.parse().ok())
        .expect("a state token")
}

#[test]
fn serves_pages_files_ranges_and_the_sites_404() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve(site, &[]);

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control"), Some("no-store"));
    let text = home.text();
    assert!(text.contains("HOME-KA"), "{text}");
    assert!(text.contains("<script src=\"/__campaign/reload.js\" data-state="));
    assert!(text.trim_end().ends_with("</script></body>\n</html>"));

    let about = server.get("/en/about/");
    assert_eq!(about.status, 200);
    assert!(about.text().contains("ABOUT-MARKER-1"));
    let redirect = server.get("/en/about?x=1");
    assert!(matches!(redirect.status, 301 | 308), "{redirect:?}");
    assert_eq!(redirect.header("location"), Some("/en/about/?x=1"));
    assert_eq!(server.get("/en/about/index.html").status, 200);

    let clip = std::fs::read(site.join("static/clip.mp4")).expect("clip");
    let whole = server.get("/clip.mp4");
    assert_eq!(whole.status, 200);
    assert_eq!(whole.header("content-type"), Some("video/mp4"));
    assert_eq!(whole.header("accept-ranges"), Some("bytes"));
    assert_eq!(whole.body, clip);
    let part = server.request("GET", "/clip.mp4", &[("Range", "bytes=1000-1999")]);
    assert_eq!(part.status, 206);
    assert_eq!(part.header("content-range"), Some("bytes 1000-1999/10240"));
    assert_eq!(part.header("content-length"), Some("1000"));
    assert_eq!(part.body, clip[1000..2000]);
    let tail = server.request("GET", "/clip.mp4", &[("Range", "bytes=-10")]);
    assert_eq!((tail.status, &tail.body[..]), (206, &clip[10230..]));
    let open = server.request("GET", "/clip.mp4", &[("Range", "bytes=10000-")]);
    assert_eq!((open.status, &open.body[..]), (206, &clip[10000..]));
    let beyond = server.request("GET", "/clip.mp4", &[("Range", "bytes=20000-")]);
    assert_eq!(beyond.status, 416);
    assert_eq!(beyond.header("content-range"), Some("bytes */10240"));

    let etag = whole.header("etag").expect("etag").to_string();
    let cached = server.request("GET", "/clip.mp4", &[("If-None-Match", &etag)]);
    assert_eq!((cached.status, cached.body.len()), (304, 0));

    let head = server.request("HEAD", "/clip.mp4", &[]);
    assert_eq!(
        (head.status, head.header("content-length")),
        (200, Some("10240"))
    );
    assert_eq!(
        server.get("/notes.txt").header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(
        server.get("/extra.css").header("content-type"),
        Some("text/css; charset=utf-8")
    );
    let script = server.get("/__campaign/reload.js");
    assert_eq!(script.status, 200);
    assert!(script.text().contains("EventSource"));

    for missing in ["/nope/", "/nope", "/news/nope.html", "/__campaign/nope"] {
        let r = server.get(missing);
        assert_eq!(r.status, 404, "{missing}");
        assert!(
            r.text().contains("class=\"not-found\""),
            "the site's own 404 page"
        );
        assert!(r.text().contains("/__campaign/reload.js"));
    }
    // No directory listings: a folder without index.html is not found.
    assert_eq!(server.get("/news/").status, 200);
    std::fs::create_dir_all(site.join("static/docs")).expect("mkdir");
    write(site, "static/docs/a.txt", "a");
    eventually("static/docs/a.txt to be served", || {
        server.get("/docs/a.txt").status == 200
    });
    assert_eq!(server.get("/docs/").status, 404);
    assert_eq!(server.get("/docs").status, 404);
    assert_eq!(server.request("POST", "/", &[]).status, 405);
}

#[test]
fn the_build_command_never_contains_the_reload_script() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let out = fx.beside().join("public");
    let r = support::run(
        support::command()
            .args(["build", "--root"])
            .arg(site)
            .arg("--output")
            .arg(&out),
    );
    assert!(r.ok(), "{r:?}");
    let mut html = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.expect("entry");
        if entry.path().extension().is_some_and(|e| e == "html") {
            html += 1;
            let text = std::fs::read_to_string(entry.path()).expect("read");
            assert!(!text.contains("__campaign"), "{}", entry.path().display());
        }
    }
    assert!(html >= 8);
}

#[test]
fn never_serves_anything_outside_the_output() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    std::fs::write(fx.beside().join("secret.txt"), "TOP-SECRET").expect("write");
    #[cfg(unix)]
    {
        let link = |from: &Path, to: &Path| std::os::unix::fs::symlink(from, to);
        link(
            &fx.beside().join("secret.txt"),
            &site.join("static/secret.txt"),
        )
        .expect("link");
        link(Path::new("/etc/passwd"), &site.join("static/passwd")).expect("link");
        link(fx.beside(), &site.join("static/up")).expect("link");
    }
    let server = serve(site, &[]);
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsite.yaml",
        "/..%2Fsite.yaml",
        "/..%5csite.yaml",
        "/..\\site.yaml",
        "/static/../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
        "/./site.yaml",
        "/site.yaml",
        "/content/about.en.md",
        "/static/notes.txt",
        "/secret.txt",
        "/passwd",
        "/up/secret.txt",
        "/up/site/site.yaml",
        "/%00",
    ] {
        let r = server.get(path);
        assert!(matches!(r.status, 400 | 404), "{path}: {}", r.status);
        let text = r.text();
        assert!(
            !text.contains("TOP-SECRET") && !text.contains("root:") && !text.contains("languages:"),
            "{path} leaked: {text}"
        );
    }
    // The files beside the links are still served.
    assert_eq!(server.get("/notes.txt").status, 200);
}

#[test]
fn edits_reload_pages_and_stylesheets_swap() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve(site, &[]);
    let mut events = server.events();

    // An atomic save (temporary file renamed over the page).
    atomic_write(
        &site.join("content/about.en.md"),
        &page("About", "About us: ABOUT-MARKER-2"),
    );
    let token = events.expect("reload");
    let about = server.get("/en/about/");
    assert!(about.text().contains("ABOUT-MARKER-2"));
    assert_eq!(state_of(&about.text()), token);

    // A stylesheet-only change: swap, no reload.
    write(site, "static/extra.css", ".extra { color: #654321; }\n");
    events.expect("css");
    assert!(server.get("/extra.css").text().contains("#654321"));

    // A save that does not change the content does not rebuild: the next event is the
    // next real change, one build later.
    let before = generation(&state_of(&server.get("/").text()));
    write(
        site,
        "content/about.en.md",
        &page("About", "About us: ABOUT-MARKER-2"),
    );
    std::thread::sleep(Duration::from_millis(400));
    // A deleted page disappears; a renamed one moves.
    std::fs::remove_file(site.join("content/about.en.md")).expect("rm");
    let token = events.expect("reload");
    assert_eq!(
        generation(&token),
        before + 1,
        "the no-op save did not rebuild"
    );
    assert_eq!(server.get("/en/about/").status, 404);
    std::fs::rename(
        site.join("content/news/first.en.md"),
        site.join("content/news/renamed.en.md"),
    )
    .expect("rename");
    events.expect("reload");
    assert_eq!(server.get("/en/news/first/").status, 404);
    assert_eq!(server.get("/en/news/renamed/").status, 200);

    // A new folder with a page written at once (inotify may miss it; the rescan catches it).
    std::fs::create_dir_all(site.join("content/guides")).expect("mkdir");
    write(
        site,
        "content/guides/start.en.md",
        &page("Start", "GUIDE-EN"),
    );
    write(
        site,
        "content/guides/start.ka.md",
        &page("დასაწყისი", "GUIDE-KA"),
    );
    eventually("the new page", || {
        server.get("/en/guides/start/").text().contains("GUIDE-EN")
    });

    // site.yaml replaced by an editor (rename over it).
    let config = std::fs::read_to_string(site.join("site.yaml")).expect("read");
    atomic_write(
        &site.join("site.yaml"),
        &config.replace("en: Test site", "en: Renamed test site"),
    );
    eventually("the new site title", || {
        server.get("/en/").text().contains("Renamed test site")
    });
}

#[test]
fn a_bad_edit_shows_the_overlay_and_the_fix_removes_it() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve(site, &[]);
    let mut events = server.events();

    write(
        site,
        "content/about.en.md",
        "---\ntitle: About\ndescription: [broken\n---\n\nABOUT-MARKER-1 <b>\n",
    );
    events.expect("reload");
    for path in ["/en/about/", "/", "/nope/"] {
        let text = server.get(path).text();
        assert!(text.contains("role=\"alert\""), "{path}: {text}");
        assert!(text.contains("<code>content/about.en.md:"), "{path}");
        assert!(
            text.contains("The site could not be rebuilt: 1 error"),
            "{path}"
        );
        assert!(text.contains("What to do:"), "{path}");
    }
    // The last good version is still there under the overlay.
    assert!(server.get("/en/about/").text().contains("ABOUT-MARKER-1"));
    assert_eq!(server.get("/en/about/").status, 200);
    server.wait_output("could not be rebuilt");

    write(site, "content/about.en.md", &page("About", "ABOUT-FIXED"));
    events.expect("reload");
    let text = server.get("/en/about/").text();
    assert!(text.contains("ABOUT-FIXED"));
    assert!(!text.contains("campaign-errors"));
}

#[test]
fn the_overlay_speaks_the_editors_language() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve(site, &[]);
    let mut events = server.events();
    // A body edit (rendered on its own) with a link to a page that does not exist.
    write(
        site,
        "content/about.en.md",
        &page("About", "See [the plan](/no-such-page/)."),
    );
    events.expect("reload");
    let ka = server
        .request(
            "GET",
            "/en/about/",
            &[("accept-language", "ka-GE,ka;q=0.9,en;q=0.8")],
        )
        .text();
    assert!(
        ka.contains("საიტის ხელახლა აწყობა ვერ მოხერხდა: შეცდომები: 1"),
        "{ka}"
    );
    assert!(
        ka.contains("ბმული `/no-such-page/` არარსებულ გვერდზე მიუთითებს"),
        "{ka}"
    );
    let en = server
        .request(
            "GET",
            "/en/about/",
            &[("accept-language", "en-US,en;q=0.9")],
        )
        .text();
    assert!(en.contains("the link `/no-such-page/` points to a page that does not exist"));
    // Neither language asked for: the editor's language the server runs in (English here).
    let other = server
        .request("GET", "/en/about/", &[("accept-language", "de")])
        .text();
    assert!(other.contains("The site could not be rebuilt: 1 error"));
}

#[test]
fn a_broken_first_build_serves_the_error_page_then_heals() {
    let fx = fixture("serve-broken");
    let site = fx.path();
    let server = serve(site, &[]);
    for path in ["/", "/en/about/", "/style.css", "/anything"] {
        let r = server.get(path);
        assert_eq!(r.status, 500, "{path}");
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        let text = r.text();
        assert!(
            text.contains("The site could not be built: 1 error"),
            "{text}"
        );
        assert!(
            text.contains("<code>content/about.en.md:3:25</code>"),
            "{text}"
        );
        assert!(text.contains("/__campaign/reload.js"));
    }
    let mut events = server.events();
    write(site, "content/about.en.md", &page("About", "HEALED"));
    events.expect("reload");
    let about = server.get("/en/about/");
    assert_eq!(about.status, 200);
    assert!(about.text().contains("HEALED"));
}

#[test]
fn polling_works_too() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let server = serve(site, &["--poll", "50"]);
    let mut events = server.events();
    write(site, "content/about.en.md", &page("About", "POLLED"));
    events.expect("reload");
    assert!(server.get("/en/about/").text().contains("POLLED"));
}

#[test]
fn a_taken_port_moves_on_to_the_next() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let server = serve(site, &["--port", &port.to_string()]);
    assert_ne!(server.port, port);
    assert_eq!(server.get("/").status, 200);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_even_with_open_pages() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    let mut server: Server = serve(site, &[]);
    let _events = server.events();
    let status = std::process::Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(exit) = server.child.try_wait().expect("wait") {
            assert!(exit.success(), "{exit:?}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still running after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `serve` shows drafts by default; `--drafts` alone says so too (as `build --drafts` does),
/// and `--drafts false` shows the site as `build` makes it.
#[test]
fn drafts_are_shown_unless_drafts_false() {
    let fx = fixture("serve-basic");
    let site = fx.path();
    write(
        site,
        "content/embargo.en.md",
        "---\ntitle: Embargoed\ndraft: true\n---\nDRAFT-MARKER\n",
    );
    for (args, shown) in [
        (&[][..], true),
        (&["--drafts"][..], true),
        (&["--drafts", "true"][..], true),
        (&["--drafts", "false"][..], false),
    ] {
        let server = serve(site, args);
        let page = server.get("/en/embargo/");
        assert_eq!(page.status == 200, shown, "serve {args:?}: {page:?}");
        if shown {
            assert!(page.text().contains("DRAFT-MARKER"));
        }
    }
}

/// `--bind 0.0.0.0` prints the addresses a phone on the same Wi-Fi can open (not
/// 127.0.0.1, which on a phone is the phone), and the preview answers there.
#[test]
fn bound_to_every_network_it_prints_an_address_a_phone_can_open() {
    let fx = fixture("serve-basic");
    let server = serve(fx.path(), &["--bind", "0.0.0.0"]);
    let has_network = if_addrs::get_if_addrs().unwrap().iter().any(
        |i| matches!(i.ip(), std::net::IpAddr::V4(v4) if !v4.is_loopback() && !v4.is_link_local()),
    );
    if !has_network {
        server.wait_output("This computer has no network address yet");
        return;
    }
    let line = server.wait_output("On a phone or another computer on the same network, open ");
    let url = line.rsplit("open ").next().unwrap().trim();
    let host = url
        .strip_prefix("http://")
        .and_then(|u| u.strip_suffix('/'))
        .unwrap_or_else(|| panic!("not an address: {line}"));
    assert!(!host.starts_with("127."), "{line}");
    assert!(host.ends_with(&format!(":{}", server.port)), "{line}");
    let mut stream = std::net::TcpStream::connect(host).expect("connect to the printed address");
    use std::io::{Read, Write};
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    assert!(answer.contains("HOME-KA"));
}

/// `--bind 0.0.0.0` also prints a QR code of the first address, for the phone's camera: read
/// back from the terminal's lines into an image, `zbarimg` (Debian's zbar-tools) decodes it to
/// exactly the printed address.
#[test]
fn bound_to_every_network_it_prints_a_qr_code_a_phone_can_scan() {
    let has_network = if_addrs::get_if_addrs().unwrap().iter().any(
        |i| matches!(i.ip(), std::net::IpAddr::V4(v4) if !v4.is_loopback() && !v4.is_link_local()),
    );
    if !has_network {
        return;
    }
    let fx = fixture("serve-basic");
    let server = serve(fx.path(), &["--bind", "0.0.0.0"]);
    let line = server.wait_output("or scan this code with the phone's camera (");
    let url = support::between(&line, "camera (", "):").to_string();
    let mut rows: Vec<Vec<bool>> = Vec::new();
    while let Ok(l) = server
        .output
        .recv_timeout(std::time::Duration::from_secs(10))
    {
        let Some(cells) = l
            .strip_prefix("\x1b[30;47m")
            .and_then(|l| l.strip_suffix("\x1b[0m"))
        else {
            break;
        };
        let (top, bottom): (Vec<bool>, Vec<bool>) = cells
            .chars()
            .map(|c| (matches!(c, '█' | '▀'), matches!(c, '█' | '▄')))
            .unzip();
        rows.push(top);
        rows.push(bottom);
    }
    assert!(
        rows.len() > 20,
        "a QR code follows the line: {} rows",
        rows.len()
    );
    let scale = 8;
    let (w, h) = (rows[0].len() as u32 + 4, rows.len() as u32 + 4);
    let img = image::GrayImage::from_fn(w * scale, h * scale, |x, y| {
        let (mx, my) = ((x / scale) as usize, (y / scale) as usize);
        let dark = my >= 2
            && mx >= 2
            && rows
                .get(my - 2)
                .and_then(|r| r.get(mx - 2))
                .copied()
                .unwrap_or(false);
        image::Luma([if dark { 0 } else { 255 }])
    });
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("terminal-qr.png");
    img.save(&png).unwrap();
    assert!(
        std::path::Path::new("/usr/bin/zbarimg").is_file(),
        "zbarimg is missing: install Debian's zbar-tools (`apt-get install zbar-tools`; bash .ci/run does it)"
    );
    let out = std::process::Command::new("/usr/bin/zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&png)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        url,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
