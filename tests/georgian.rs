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
    let expected = "\
warning: this page has no text
  --> content/empty.ka.md
  = hint: write the page's text under the front matter, or mark it `draft: true`
warning: the text contains a run of non-breaking spaces
  --> content/lint.en.md:7:10
    |
  7 | Text with\u{a0}\u{a0}two no-break spaces.
    |          ^
  = hint: this usually comes from pasting from Word: retype or delete it
warning: the text is written in Mtavruli capitals (ᲐᲑᲒ)
  --> content/lint.ka.md:2:8
    |
  2 | title: ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ
    |        ^
  = hint: write Georgian in ordinary letters (აბგ): capitals shout, and older phones show them as boxes
warning: this heading skips from level 2 to level 4
  --> content/lint.ka.md:7
    |
  7 | #### ძალიან ღრმა
  = hint: use ### (screen-reader users navigate by heading levels)
warning: the link `http://example.ge/` is not secure (http)
  --> content/lint.ka.md:9
    |
  9 | ტექსტი Word-იდან [bookmark: _GoBack] და [ბმული](http://example.ge/).
  = hint: use the https:// address if the site has one
warning: the text contains a Word bookmark marker
  --> content/lint.ka.md:9:18
    |
  9 | ტექსტი Word-იდან [bookmark: _GoBack] და [ბმული](http://example.ge/).
    |                  ^
  = hint: this usually comes from pasting from Word: retype or delete it
note: no sitemap.xml was written and feeds carry relative addresses, because the site's address is not known
  --> site.yaml
  = hint: set `base_url: https://...` in site.yaml, or pass `--base-url` to `campaign build`
warning: the `upper` filter is applied to Georgian text here; it was left unchanged
  --> templates/page.html:2
    |
  2 | {% block meta %}<p class=\"kicker\">{{ page.title | upper }}</p>{% endblock meta %}
  = hint: Georgian has no capital letters in running text (Mtavruli capitals shout and show as boxes on older phones); remove the filter
";
    assert_eq!(r.stderr, expected);
    assert_eq!(r.stdout, "0 errors, 7 warnings; pages: 3 ka, 3 en\n");
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
    let expected = "\
გაფრთხილება: ამ გვერდზე ტექსტი არ არის
  --> content/empty.ka.md
  = რჩევა: დაწერეთ გვერდის ტექსტი front matter-ის ქვემოთ, ან მონიშნეთ გვერდი `draft: true`
გაფრთხილება: ტექსტში რამდენიმე გაუწყვეტელი ჰარია ზედიზედ
  --> content/lint.en.md:7:10
    |
  7 | Text with\u{a0}\u{a0}two no-break spaces.
    |          ^
  = რჩევა: ეს ჩვეულებრივ Word-იდან ჩასმისას ხდება: ხელახლა აკრიფეთ ან წაშალეთ
გაფრთხილება: ტექსტი მთავრული ასოებით არის დაწერილი (ᲐᲑᲒ)
  --> content/lint.ka.md:2:8
    |
  2 | title: ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ
    |        ^
  = რჩევა: ქართული ჩვეულებრივი ასოებით დაწერეთ (აბგ): მთავრული ყვირილივით იკითხება, ძველ ტელეფონებზე კი ოთხკუთხედებად ჩანს
გაფრთხილება: ეს სათაური დონე 2-დან პირდაპირ დონე 4-ზე გადადის
  --> content/lint.ka.md:7
    |
  7 | #### ძალიან ღრმა
  = რჩევა: გამოიყენეთ ### (ეკრანის წამკითხველით მოსარგებლეები გვერდზე სათაურების დონეებით მოძრაობენ)
გაფრთხილება: ბმული `http://example.ge/` დაცული არ არის (http)
  --> content/lint.ka.md:9
    |
  9 | ტექსტი Word-იდან [bookmark: _GoBack] და [ბმული](http://example.ge/).
  = რჩევა: თუ საიტს https:// მისამართი აქვს, ის გამოიყენეთ
გაფრთხილება: ტექსტში Word-ის სანიშნის ნიშანია
  --> content/lint.ka.md:9:18
    |
  9 | ტექსტი Word-იდან [bookmark: _GoBack] და [ბმული](http://example.ge/).
    |                  ^
  = რჩევა: ეს ჩვეულებრივ Word-იდან ჩასმისას ხდება: ხელახლა აკრიფეთ ან წაშალეთ
შენიშვნა: no sitemap.xml was written and feeds carry relative addresses, because the site's address is not known
  --> site.yaml
  = რჩევა: set `base_url: https://...` in site.yaml, or pass `--base-url` to `campaign build`
გაფრთხილება: the `upper` filter is applied to Georgian text here; it was left unchanged
  --> templates/page.html:2
    |
  2 | {% block meta %}<p class=\"kicker\">{{ page.title | upper }}</p>{% endblock meta %}
  = რჩევა: Georgian has no capital letters in running text (Mtavruli capitals shout and show as boxes on older phones); remove the filter
";
    assert_eq!(r.stderr, expected);
    assert_eq!(
        r.stdout,
        "შეცდომები: 0, გაფრთხილებები: 7; გვერდები: 3 ka, 3 en\n"
    );

    // The system language decides when --lang is not given.
    let by_env = std::process::Command::new(env!("CARGO_BIN_EXE_campaign"))
        .args(["check", "--root", site.path().to_str().unwrap()])
        .env("CAMPAIGN_LANG", "")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "ka_GE.UTF-8")
        .output()
        .expect("run campaign");
    assert_eq!(String::from_utf8_lossy(&by_env.stderr), expected);
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
    assert_eq!(
        r.stdout,
        "content/news/reintegratsiis-sakhelmtsipo-programa.ka.md\ncontent/news/reintegratsiis-sakhelmtsipo-programa.en.md\n"
    );
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
    assert_eq!(
        empty.stderr,
        "error: no address can be made from the title `???`; use letters or digits in it\n"
    );
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
    assert!(r.stderr.contains(
        "error: the slug `???` leaves nothing usable for an address\n  --> content/x.ka.md:3\n    |\n  3 | slug: \"???\"\n  = hint: use letters or digits, e.g. `slug: medical-care`\n"
    ), "{}", r.stderr);
}
