//! `campaign deploy` against real destinations: an S3 store (`rclone serve s3` on loopback,
//! over a temporary folder) and local folders. First deploy, a changed page (only it and what
//! depends on it go up), a deleted page (deleted remotely, other files stay), a dry run,
//! wrong keys and a missing bucket, Content-Type and Cache-Control fetched back, the folder
//! safety rules, and the next scheduled change that `build` and `deploy` announce.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use support::rclone::{self, ACCESS_KEY, S3Server, SECRET_KEY};
use support::relay::{Relay, Trouble};
use support::{Run, command, run, tree};

/// `campaign deploy --root SITE ARGS` with the test server's keys.
fn deploy(site: &Path, args: &[&str]) -> Run {
    run(command()
        .arg("deploy")
        .args(args)
        .arg("--root")
        .arg(site)
        .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
        .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_ENDPOINT_URL_S3")
        .env_remove("AWS_REGION"))
}

/// `s3://site/www` on `server`.
fn s3_args(server: &S3Server) -> Vec<String> {
    vec![
        "s3://site/www".into(),
        "--endpoint".into(),
        server.endpoint.clone(),
        "--path-style".into(),
    ]
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// (uploaded, deleted) from the summary line.
fn counts(r: &Run) -> (usize, usize) {
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("published to ") || l.starts_with("dry run"))
        .unwrap_or_else(|| panic!("no summary:\n{}\n{}", r.stdout, r.stderr));
    let num = |word: &str| -> usize {
        let before = line.split(word).next().unwrap();
        before
            .split_whitespace()
            .last()
            .unwrap()
            .trim_start_matches(':')
            .parse()
            .unwrap()
    };
    if line.starts_with("dry run") {
        (num(" files would be uploaded"), num(" deleted"))
    } else {
        (num(" files uploaded"), num(" deleted"))
    }
}

/// The site's files as a deploy publishes them: the build without its marker.
fn published(dir: &Path, skip: &str) -> Vec<(String, Vec<u8>)> {
    tree(dir).into_iter().filter(|(p, _)| p != skip).collect()
}

/// site-basic with one more page (in both languages), so that it can be deleted later.
fn site_with_extra_page() -> support::Fixture {
    let f = support::fixture("site-basic");
    for (lang, title) in [("ka", "დამატებითი"), ("en", "Extra")] {
        std::fs::write(
            f.path().join(format!("content/extra.{lang}.md")),
            format!("---\ntitle: {title}\n---\n\nText.\n"),
        )
        .unwrap();
    }
    f
}

#[test]
fn s3_first_deploy_change_delete_and_dry_run() {
    let server = S3Server::start("site");
    let site = site_with_extra_page();
    let args = s3_args(&server);
    let remote = server.file("site/www");

    // First deploy: every file goes up, and what is there equals the build.
    let first = deploy(site.path(), &strs(&args));
    assert!(first.ok(), "{}\n{}", first.stdout, first.stderr);
    let build = published(&site.path().join("public"), ".campaign-output");
    assert_eq!(published(&remote, ".campaign-deploy.json"), build);
    assert_eq!(counts(&first), (build.len(), 0));
    // Every file, fetched back over HTTP from the store, is the built file byte for byte.
    for (rel, bytes) in &build {
        let (status, _, body) = server.request("GET", "site", &format!("www/{rel}"));
        assert_eq!(status, 200, "{rel}");
        assert!(body == *bytes, "{rel} differs when fetched back");
    }

    // Nothing changed: nothing goes up.
    let before = rclone::stamps(&remote);
    let again = deploy(site.path(), &strs(&args));
    assert_eq!(counts(&again), (0, 0), "{}", again.stdout);
    assert_eq!(rclone::stamps(&remote), before);

    // One page changed: it and what depends on it (the offline worker) go up, nothing else.
    let page = site.path().join("content/services/housing.en.md");
    let text = std::fs::read_to_string(&page).unwrap() + "\nOne more sentence.\n";
    std::fs::write(&page, text).unwrap();
    let second = deploy(site.path(), &strs(&args));
    assert!(second.ok(), "{}", second.stderr);
    let after = rclone::stamps(&remote);
    let written: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let (up, del) = counts(&second);
    assert_eq!(del, 0);
    // The manifest is written too.
    assert_eq!(written.len(), up + 1, "{written:?}\n{}", second.stdout);
    assert!(
        written
            .iter()
            .any(|p| *p == "en/services/temporary-housing/index.html"),
        "{written:?}"
    );
    assert!(!written.iter().any(|p| p.ends_with(".css")), "{written:?}");
    assert!(up <= 3, "{written:?}");
    assert_eq!(
        published(&remote, ".campaign-deploy.json"),
        published(&site.path().join("public"), ".campaign-output")
    );

    // A file nobody deployed stays; a deleted page goes, after a dry run that changes nothing.
    std::fs::write(remote.join("mine.txt"), "mine").unwrap();
    for lang in ["ka", "en"] {
        std::fs::remove_file(site.path().join(format!("content/extra.{lang}.md"))).unwrap();
    }
    let before = tree(&remote);
    let dry = deploy(site.path(), &[strs(&args), vec!["--dry-run"]].concat());
    assert!(dry.ok(), "{}", dry.stderr);
    assert!(
        dry.stdout.contains("- en/extra/index.html\n"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("- extra/index.html\n"),
        "{}",
        dry.stdout
    );
    assert_eq!(counts(&dry).1, 2);
    assert_eq!(tree(&remote), before, "a dry run changed the destination");
    let third = deploy(site.path(), &strs(&args));
    assert!(third.ok(), "{}", third.stderr);
    assert_eq!(counts(&third).1, 2, "{}", third.stdout);
    assert!(!remote.join("en/extra/index.html").exists());
    assert!(!remote.join("extra/index.html").exists());
    assert_eq!(
        std::fs::read_to_string(remote.join("mine.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn s3_content_types_and_caching() {
    let server = S3Server::start("site");
    let site = support::fixture("site-basic");
    let r = deploy(site.path(), &strs(&s3_args(&server)));
    assert!(r.ok(), "{}", r.stderr);
    let css = std::fs::read_dir(site.path().join("public"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("style.") && n.ends_with(".css") && n != "style.css")
        .expect("a content-hashed stylesheet");
    let cases = [
        (
            "index.html",
            "text/html; charset=utf-8",
            "public, max-age=300",
        ),
        (
            css.as_str(),
            "text/css; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
        (
            "style.css",
            "text/css; charset=utf-8",
            "public, max-age=3600",
        ),
        ("sw.js", "text/javascript; charset=utf-8", "no-cache"),
        ("favicon.svg", "image/svg+xml", "public, max-age=3600"),
    ];
    for (file, ct, cc) in cases {
        let (status, headers, _) = server.request("HEAD", "site", &format!("www/{file}"));
        assert_eq!(status, 200, "{file}");
        let h = |n: &str| {
            headers
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(h("content-type"), Some(ct), "{file}");
        assert_eq!(h("cache-control"), Some(cc), "{file}");
    }
}

#[test]
fn s3_refusals_are_plain_and_change_nothing() {
    let server = S3Server::start("site");
    let site = support::fixture("site-basic");
    assert!(support::build(site.path()).ok());
    let mut args = s3_args(&server);
    args.push("--no-build".into());
    let port = server.endpoint.rsplit(':').next().unwrap().to_string();
    let shown = |r: &Run| r.stderr.replace(&port, "[PORT]");

    let wrong = run(command()
        .args(["deploy", "--root"])
        .arg(site.path())
        .args(&args)
        .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
        .env("AWS_SECRET_ACCESS_KEY", "not-the-secret"));
    assert_eq!(wrong.code, 1);
    assert!(!wrong.stderr.contains("not-the-secret"));
    support::assert_transcript(support::transcript("deploy-wrong-keys"), &shown(&wrong));
    assert_eq!(
        tree(&server.data),
        Vec::new(),
        "wrong keys changed the store"
    );

    let no_keys = run(command()
        .args(["deploy", "--root"])
        .arg(site.path())
        .args(&args)
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY"));
    assert_eq!(no_keys.code, 1);
    support::assert_transcript(support::transcript("deploy-no-keys"), &no_keys.stderr);

    args[0] = "s3://no-such-bucket/www".into();
    let missing = deploy(site.path(), &strs(&args));
    assert_eq!(missing.code, 1);
    support::assert_transcript(support::transcript("deploy-no-bucket"), &shown(&missing));

    args[2] = format!("http://127.0.0.1:{}", support::free_port());
    let unreachable = deploy(site.path(), &strs(&args));
    assert_eq!(unreachable.code, 1);
    assert!(
        unreachable.stderr.contains("cannot reach"),
        "{}",
        unreachable.stderr
    );
    assert_eq!(tree(&server.data), Vec::new());
}

#[test]
fn folder_deploys_incrementally_and_keeps_other_files() {
    let site = site_with_extra_page();
    let dest = site.beside().join("www");
    let d = dest.to_str().unwrap();
    let first = deploy(site.path(), &[d]);
    assert!(first.ok(), "{}", first.stderr);
    let build = published(&site.path().join("public"), ".campaign-output");
    assert_eq!(published(&dest, ".campaign-deploy.json"), build);
    std::fs::write(dest.join("mine.txt"), "mine").unwrap();
    for lang in ["ka", "en"] {
        std::fs::remove_file(site.path().join(format!("content/extra.{lang}.md"))).unwrap();
    }
    let url = format!("file://{d}");
    let second = deploy(site.path(), &[&url]);
    assert!(second.ok(), "{}", second.stderr);
    assert_eq!(counts(&second).1, 2, "{}", second.stdout);
    assert!(!dest.join("extra").exists() && !dest.join("en/extra").exists());
    assert_eq!(
        std::fs::read_to_string(dest.join("mine.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn folder_refusals_touch_nothing() {
    let site = support::fixture("site-basic");
    assert!(support::build(site.path()).ok());
    let docs = site.beside().join("documents");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("letter.txt"), "mine").unwrap();
    let file = site.beside().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let before = tree(site.beside());
    let cases = [
        ("deploy-into-site", site.path().to_path_buf()),
        ("deploy-into-content", site.path().join("content")),
        ("deploy-into-documents", docs.clone()),
        ("deploy-into-file", file.clone()),
        ("deploy-into-build", site.path().join("public")),
    ];
    for (name, dest) in cases {
        let r = deploy(site.path(), &[dest.to_str().unwrap(), "--no-build"]);
        assert_eq!(r.code, 1, "{name}: {}", r.stdout);
        let text = support::normalise(&r.stderr, site.beside());
        support::assert_transcript(support::transcript(name), &text);
        assert_eq!(tree(site.beside()), before, "{name} changed files");
    }
}

#[test]
fn build_and_deploy_announce_the_next_scheduled_change() {
    let site = support::fixture("site-basic");
    // CAMPAIGN_TODAY is 2026-11-29 in the harness.
    let pages = [
        ("soon.ka.md", "publish_date: 2026-12-05"),
        ("ends.ka.md", "expiry_date: 2026-12-01"),
        ("past.ka.md", "expiry_date: 2026-11-01"),
    ];
    for (name, line) in pages {
        let text = format!("---\ntitle: T\n{line}\n---\n\nText.\n");
        std::fs::write(site.path().join("content").join(name), text).unwrap();
    }
    let b = support::build(site.path());
    assert!(b.ok(), "{}", b.stderr);
    let expected = "next scheduled change: 2026-12-02 (a page's publish_date or expiry_date); build and publish again on that day\n";
    assert!(b.stdout.ends_with(expected), "{}", b.stdout);
    let dest = site.beside().join("www");
    let d = deploy(site.path(), &[dest.to_str().unwrap(), "--dry-run"]);
    assert!(d.stdout.contains(expected), "{}", d.stdout);
    // With --drafts every scheduled page is in already: nothing to announce.
    let drafts = run(command()
        .args(["build", "--drafts", "--root"])
        .arg(site.path()));
    assert!(
        !drafts.stdout.contains("next scheduled change"),
        "{}",
        drafts.stdout
    );
}

/// Deploy the fixture through `relay` in front of `server`; everything must arrive.
fn deploy_through(server: &S3Server, relay: &Relay) -> Run {
    let site = support::fixture("site-basic");
    let endpoint = format!("http://{}", relay.addr());
    let r = deploy(
        site.path(),
        &["s3://site/www", "--endpoint", &endpoint, "--path-style"],
    );
    let build = published(&site.path().join("public"), ".campaign-output");
    if r.ok() {
        assert_eq!(
            published(&server.file("site/www"), ".campaign-deploy.json"),
            build,
            "everything arrived in spite of the trouble"
        );
    }
    r
}

#[test]
fn s3_dropped_connections_are_retried() {
    let server = S3Server::start("site");
    let target = server.endpoint.trim_start_matches("http://");
    let relay = Relay::start(target, Trouble::DropFirst(2));
    let r = deploy_through(&server, &relay);
    assert!(r.ok(), "{}\n{}", r.stdout, r.stderr);
    assert_eq!(relay.troubled(), 2, "the relay dropped two connections");

    // A network that never works: a plain error after a few tries, not a hang.
    let dead = Relay::start(target, Trouble::DropFirst(usize::MAX));
    let r = deploy_through(&server, &dead);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("cannot reach "), "{}", r.stderr);
    assert!(dead.troubled() <= 5, "tried {} times", dead.troubled());
}

#[test]
fn s3_busy_server_answers_are_retried() {
    let server = S3Server::start("site");
    let target = server.endpoint.trim_start_matches("http://");
    // "503 Slow Down" and "500 Internal Error" are an S3 store's way of saying "again later".
    for status in [503, 500] {
        let relay = Relay::start(target, Trouble::HttpStatusFirst(2, status));
        let r = deploy_through(&server, &relay);
        assert!(r.ok(), "{status}: {}\n{}", r.stdout, r.stderr);
        assert_eq!(relay.troubled(), 2, "{status} was answered twice");
    }
    // A server that stays busy: a plain error naming the store, nothing half-said.
    let busy = Relay::start(target, Trouble::HttpStatusFirst(usize::MAX, 503));
    let r = deploy_through(&server, &busy);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("(503)"), "{}", r.stderr);
    assert!(r.stderr.contains("again later"), "{}", r.stderr);
    assert!(busy.troubled() <= 5, "tried {} times", busy.troubled());
}

#[test]
fn s3_progress_line_only_on_a_terminal() {
    let server = S3Server::start("site");
    let site = support::fixture("site-basic");
    let args = s3_args(&server);
    // In a terminal (util-linux's `script` gives the command one): the progress line.
    let line = format!(
        "{} deploy {} --root {}",
        support::BIN,
        args.join(" "),
        site.path().display()
    );
    let r = run(
        support::harness_env(&mut std::process::Command::new("script"))
            .args(["-qec", &line, "/dev/null"])
            .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
            .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
            .env_remove("AWS_ENDPOINT_URL")
            .env_remove("AWS_REGION"),
    );
    assert!(r.ok(), "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("publishing: 1 of "),
        "a progress line on the terminal:\n{}",
        r.stdout
    );
    // Not a terminal (a cron job's log): no progress line.
    std::fs::write(
        site.path().join("content/_index.en.md"),
        "---\ntitle: Changed\n---\n\nNew.\n",
    )
    .unwrap();
    let quiet = deploy(site.path(), &strs(&args));
    assert!(quiet.ok(), "{}", quiet.stderr);
    assert!(!quiet.stderr.contains("publishing:"), "{}", quiet.stderr);
    assert!(!quiet.stdout.contains("publishing:"), "{}", quiet.stdout);
}

#[test]
fn secrets_are_never_read_from_site_yaml() {
    let server = S3Server::start("site");
    let site = support::fixture("site-basic");
    support::append_site_yaml(
        site.path(),
        "aws_access_key_id: campaign-test\naws_secret_access_key: campaign-test-secret\n",
    );
    let r = run(command()
        .arg("deploy")
        .args([
            "s3://site/www",
            "--endpoint",
            &server.endpoint,
            "--path-style",
        ])
        .arg("--root")
        .arg(site.path())
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_ENDPOINT_URL"));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(!r.stdout.contains(SECRET_KEY) && !r.stderr.contains(SECRET_KEY));
    assert!(
        r.stderr
            .contains("AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set"),
        "{}",
        r.stderr
    );
    assert!(
        tree(&server.file("site")).is_empty(),
        "keys written in site.yaml were used"
    );
}
