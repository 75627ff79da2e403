//! A language added one page at a time, through the real CLI: Arabic and Russian added to a
//! copy of the bundled site with one page translated into each. The build succeeds; data
//! kept only in the default language (region names, the self-check's texts) is shown in
//! Georgian with one warning per file and language; the interface strings missing in a new
//! language are one warning, not one per string; a news item with a video, translated, keeps
//! its video with the other languages' captions and the Georgian transcript, and says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn arabic_and_russian_can_start_with_one_page_each() {
    let site = support::bundled_copy();
    let root = site.path();
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let yaml = yaml.replacen(
        "    locale: en_US\n",
        "    locale: en_US\n  - code: ar\n  - code: ru\n",
        1,
    );
    std::fs::write(root.join("site.yaml"), yaml).unwrap();
    let about = std::fs::read_to_string(root.join("content/about.en.md")).unwrap();
    std::fs::write(root.join("content/about.ru.md"), &about).unwrap();
    let news = "content/news/awareness-training-2018";
    let item = std::fs::read_to_string(root.join(format!("{news}.en.md"))).unwrap();
    std::fs::write(root.join(format!("{news}.ar.md")), item).unwrap();

    let b = support::build_to_temp(root);
    assert!(b.ok(), "{}", b.stderr);
    let err = &b.stderr;
    assert_eq!(count(err, "error:"), 0, "{err}");
    for (lang, name) in [("ar", "العربية"), ("ru", "Русский")] {
        let data = format!("texts in this file are not in {name} ({lang}) yet");
        assert_eq!(
            count(err, &data),
            2,
            "regions.yaml and self-check.yaml once each:\n{err}"
        );
        let strings = format!("interface strings are missing in {name} ({lang})");
        assert_eq!(count(err, &strings), 1, "{err}");
        assert!(!err.contains(&format!("is missing in {name}")), "{err}");
    }
    for file in ["content/regions.yaml", "content/self-check.yaml"] {
        assert!(err.contains(&format!("--> {file}:")), "{file}:\n{err}");
    }
    // The translated news item keeps its video, with the tracks there are and a transcript.
    assert!(
        err.contains("the video has no captions in العربية (ar) yet"),
        "{err}"
    );
    assert!(
        err.contains("the video's transcript is not in العربية (ar) yet"),
        "{err}"
    );
    let page =
        std::fs::read_to_string(b.out.join("ar/news/awareness-training-2018/index.html")).unwrap();
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.contains("<video"), "the video is on the Arabic page");
    assert!(
        page.contains("srclang=\"ka\""),
        "the Georgian captions are offered"
    );
    assert!(
        !page.contains("srclang=\"ar\""),
        "no Arabic track that does not exist"
    );
    // Region names stand in in Georgian on a page in a new language.
    let ru = std::fs::read_to_string(b.out.join("ru/about/index.html")).unwrap();
    assert!(ru.contains("<html lang=\"ru\">"), "{ru}");

    // `check` says the same, and passes.
    let c = support::campaign(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(c.code, 0, "{}", c.stderr);
    assert_eq!(
        count(&c.stderr, "texts in this file are not in"),
        4,
        "{}",
        c.stderr
    );
}
