//! Georgian as a first-class language through the CLI: `campaign new`, romanised addresses,
//! and the content/template guards (Mtavruli, case filters) plus the other content lints.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::*;

#[test]
fn check_reports_each_content_lint_with_file_and_line() {
    let site = fixture("site-lints");
    let r = campaign(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "warnings alone do not fail check");
    assert_transcript(expected("site-lints", "expected-stderr"), &r.stderr);
    assert_transcript(expected("site-lints", "expected-stdout"), &r.stdout);
    let strict = campaign(&["check", "--strict", "--root", site.path().to_str().unwrap()]);
    assert_eq!(strict.code, 1);
}

#[test]
fn check_speaks_georgian_to_georgian_editors() {
    let site = fixture("site-lints");
    let r = campaign(&[
        "check",
        "--lang",
        "ka",
        "--root",
        site.path().to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0);
    assert_transcript(expected("site-lints", "expected-stderr-ka"), &r.stderr);
    assert_transcript(expected("site-lints", "expected-stdout-ka"), &r.stdout);

    // The system language decides when --lang is not given.
    let by_env = run(command()
        .args(["check", "--root", site.path().to_str().unwrap()])
        .env("CAMPAIGN_LANG", "")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "ka_GE.UTF-8"));
    assert_eq!(by_env.stderr, r.stderr);
}

#[test]
fn case_filters_never_upper_case_georgian() {
    let site = fixture("site-lints");
    assert_eq!(build(site.path()).code, 0);
    let out = site.path().join("public");
    assert!(read(&out, "empty/index.html").contains(r#"<p class="kicker">ცარიელი</p>"#));
    assert!(read(&out, "en/empty/index.html").contains(r#"<p class="kicker">EMPTY</p>"#));
}

#[test]
fn check_json_carries_file_line_severity_code_and_message() {
    let site = fixture("site-lints");
    let r = campaign(&[
        "check",
        "--format",
        "json",
        "--root",
        site.path().to_str().unwrap(),
    ]);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(doc["warnings"], 7);
    let first = &doc["diagnostics"][2];
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["code"], "mtavruli");
    assert_eq!(first["file"], "content/lint.ka.md");
    assert_eq!(first["line"], 2);
    assert_eq!(first["column"], 8);
    assert_eq!(
        first["message"],
        "the text is written in Mtavruli capitals (ᲐᲑᲒ)"
    );
}

#[test]
fn new_writes_every_language_with_a_romanised_address_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("s");
    assert_eq!(campaign(&["init", site.to_str().unwrap()]).code, 0);
    let root = site.to_str().unwrap();
    let r = campaign(&[
        "new",
        "news",
        "რეინტეგრაციის სახელმწიფო პროგრამა",
        "--root",
        root,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_transcript(transcript("new-georgian-title.stdout"), &r.stdout);
    // The pages are drafts, and `new` says so (or the next build seems to ignore them).
    assert_transcript(transcript("new-draft.stderr"), &r.stderr);
    let ka = campaign(&["new", "news", "სხვა ამბავი", "--lang", "ka", "--root", root]);
    assert_eq!(ka.code, 0, "{}", ka.stderr);
    assert_transcript(transcript("new-draft-ka.stderr"), &ka.stderr);
    let text = read(
        &site,
        "content/news/reintegratsiis-sakhelmtsipo-programa.en.md",
    );
    assert!(text.starts_with("---\ntitle: \"რეინტეგრაციის სახელმწიფო პროგრამა\"\ndate: "));
    assert!(text.contains("\ndraft: true\n---\n"));
    let again = campaign(&[
        "new",
        "news",
        "რეინტეგრაციის სახელმწიფო პროგრამა",
        "--root",
        root,
    ]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("already exists; nothing was written"),
        "{}",
        again.stderr
    );
    let empty = campaign(&["new", "news", "???", "--root", root]);
    assert_eq!(empty.code, 1);
    assert_transcript(transcript("new-empty-title.stderr"), &empty.stderr);
    // The new draft builds with --drafts, at its romanised address.
    let b = campaign(&["build", "--drafts", "--root", root]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(
        site.join("public/news/reintegratsiis-sakhelmtsipo-programa/index.html")
            .is_file()
    );
}

#[test]
fn empty_slug_is_an_error_with_line() {
    let site = fixture("site-basic");
    std::fs::write(
        site.path().join("content/x.ka.md"),
        "---\ntitle: x\nslug: \"???\"\n---\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert_transcript(transcript("empty-slug.stderr"), &r.stderr);
}

/// `check --lang ka` of a fixture, with the temporary folder shown as `[ROOT]`.
fn check_ka(site: &Fixture) -> Run {
    let mut r = campaign(&[
        "check",
        "--lang",
        "ka",
        "--root",
        site.path().to_str().unwrap(),
    ]);
    r.stdout = normalise(&r.stdout, site.path());
    r.stderr = normalise(&r.stderr, site.path());
    r
}

#[test]
fn every_fixture_is_checked_in_georgian_only() {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("site.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() > 10, "{names:?}");
    for name in names {
        let site = fixture(&name);
        let r = check_ka(&site);
        let english = support::georgian::english_lines(&format!("{}{}", r.stderr, r.stdout));
        assert!(
            english.is_empty(),
            "{name}: lines in English:\n{english:#?}"
        );
    }
}

#[test]
fn self_check_template_and_page_mistakes_in_georgian() {
    for name in ["selfcheck-errors", "site-template-error", "site-errors"] {
        let site = fixture(name);
        let r = check_ka(&site);
        assert_eq!(r.code, 1, "{name}");
        assert_transcript(expected(name, "expected-stderr-ka"), &r.stderr);
    }
}

#[test]
fn region_and_contact_mistakes_in_georgian() {
    let site = fixture("site-content");
    std::fs::write(
        site.path().join("content/help/beta.ka.md"),
        "---\ntitle: ბეტა\nregions: [adjara, svaneti]\nphone: call us\nemail: info-at-beta\nwebsite: beta.ge\n---\n\nბეტა.\n",
    )
    .unwrap();
    let r = run(command()
        .args(["build", "--lang", "ka", "--root"])
        .arg(site.path()));
    assert_eq!(r.code, 1);
    assert_transcript(transcript("malformed-contacts-ka.stderr"), &r.stderr);
}

#[test]
fn init_speaks_georgian() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("s");
    let r = campaign(&["init", "--lang", "ka", site.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_transcript(
        transcript("init-ka.stdout"),
        &normalise(&r.stdout, dir.path()),
    );
    let again = campaign(&["init", "--lang", "ka", site.to_str().unwrap()]);
    assert_eq!(again.code, 1);
    assert_transcript(
        transcript("init-not-empty-ka.stderr"),
        &normalise(&again.stderr, dir.path()),
    );
}

#[test]
fn the_serve_console_speaks_georgian() {
    let site = fixture("serve-basic");
    let server = support::serve::serve(site.path(), &["--lang", "ka"]);
    let first = normalise(&server.first.join("\n"), site.path());
    support::georgian::assert_georgian(&first);
    assert!(first.starts_with("აიწყო გვერდები: "), "{first}");
    let port = server.port;
    assert!(
        first.ends_with(&format!(
            "\nსაიტი [ROOT] ხელმისაწვდომია მისამართზე http://127.0.0.1:{port}/"
        )),
        "{first}"
    );
    let line = server.wait_output("ფაილის შენახვისას");
    assert_eq!(
        line,
        "  ფაილის შენახვისას გვერდები თავისით განახლდება. გასაჩერებლად დააჭირეთ Ctrl-C-ს."
    );
    let line = server.wait_output("თარგმანები, გვერდების მიხედვით");
    assert_eq!(
        line,
        format!(
            "  თარგმანები, გვერდების მიხედვით: http://127.0.0.1:{port}/__campaign/translations"
        )
    );
    // A mistake: the message and the rebuild line in Georgian.
    let page = std::fs::read_dir(site.path().join("content"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .unwrap();
    support::serve::atomic_write(&page, "---\ntitle: [\n---\n");
    let failed = server.wait_output("საიტის ხელახლა აწყობა ვერ მოხერხდა");
    support::georgian::assert_georgian(&failed);
    assert!(failed.contains("(შეიცვალა: content/"), "{failed}");
}

/// `search:` and `offline:` take `true` or `false`; anything else is one message each, with
/// the line and a hint, in English and in Georgian.
#[test]
fn yes_or_no_mistakes_in_site_yaml() {
    let site = fixture("site-content");
    append_site_yaml(site.path(), "search: maybe\noffline: 2\n");
    for (lang, name) in [
        ("en", "switch-mistakes.stderr"),
        ("ka", "switch-mistakes-ka.stderr"),
    ] {
        let r = run(command()
            .args(["build", "--lang", lang, "--root"])
            .arg(site.path()));
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_transcript(transcript(name), &normalise(&r.stderr, site.path()));
    }
}
