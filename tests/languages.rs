//! A language added one page at a time, through the real CLI: Arabic and Russian added to a
//! copy of the bundled site with one page translated into each. The build succeeds; data
//! kept only in the default language (region names, the self-check's texts) is shown in
//! Georgian with one warning per file and language; the built-in theme speaks Arabic,
//! Persian, Russian and Ukrainian (a language without strings would get one warning, not one
//! per string); `init --languages` starts a site in them; a news item with a video, translated, keeps
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
    support::add_languages(root, "  - code: ar\n  - code: ru\n");
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
        assert_eq!(
            count(err, &strings),
            0,
            "the built-in theme has them:\n{err}"
        );
        assert!(!err.contains(&format!("is missing in {name}")), "{err}");
    }
    // Links from the self-check's Georgian stand-in texts to pages not yet translated: one
    // warning (the texts are the same in both new languages, rendered once), not 16.
    let about_self_check: Vec<&str> = err
        .split("warning: ")
        .filter(|w| w.contains("--> content/self-check.yaml:") && w.contains("only in ქართული"))
        .collect();
    assert_eq!(about_self_check.len(), 1, "{err}");
    assert!(
        about_self_check[0].contains("pages, 16 links of this file lead to pages that exist only in ქართული for now (the first is here): `/help/`, `/integration-centre/`"),
        "{err}"
    );
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
    // The date in Arabic's style from CLDR (the Gregorian calendar, as on the Georgian page).
    assert!(
        page.contains("<time datetime=\"2018-06-15\">15 يونيو 2018</time>"),
        "{page}"
    );
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
    assert!(
        ru.contains("Перейти к содержанию"),
        "Russian interface words"
    );
    assert!(
        !ru.contains("Skip to content"),
        "no English interface words"
    );

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

/// The interface words of the built-in theme in a language (the skip link and the menu).
fn interface_words(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "ar" => ("انتقل إلى المحتوى", "القائمة الرئيسية"),
        "fa" => ("رفتن به محتوا", "منوی اصلی"),
        "ru" => ("Перейти к содержанию", "Главное меню"),
        "uk" => ("Перейти до змісту", "Головне меню"),
        "en" => ("Skip to content", "Main menu"),
        _ => ("გადასვლა ძირითად შინაარსზე", "მთავარი მენიუ"),
    }
}

#[test]
fn init_with_languages_starts_a_site_that_builds_without_a_warning() {
    for langs in ["ka,en,ar", "ka,ru,uk,fa"] {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        let site_s = site.to_str().unwrap();
        let init = support::campaign(&["init", "--languages", langs, site_s]);
        assert!(init.ok(), "{}", init.stderr);
        let yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
        assert!(
            yaml.contains(&format!("languages: [{}]", langs.replace(',', ", "))),
            "{yaml}"
        );
        let b = support::build_to_temp_with(&site, &["--base-url", "https://example.ge/"]);
        assert!(b.ok(), "{}", b.stderr);
        assert!(!b.stderr.contains("warning"), "{langs}: {}", b.stderr);
        for (i, lang) in langs.split(',').enumerate() {
            let prefix = if i == 0 {
                String::new()
            } else {
                format!("{lang}/")
            };
            let home = std::fs::read_to_string(b.out.join(format!("{prefix}index.html"))).unwrap();
            let dir = if matches!(lang, "ar" | "fa") {
                " dir=\"rtl\""
            } else {
                ""
            };
            assert!(
                home.contains(&format!("<html lang=\"{lang}\"{dir}>")),
                "{lang}"
            );
            let (skip, menu) = interface_words(lang);
            assert!(home.contains(skip) && home.contains(menu), "{lang}: {home}");
            for other in langs.split(',').filter(|o| *o != lang) {
                let (other_skip, _) = interface_words(other);
                assert!(!home.contains(other_skip), "{lang} page has {other} words");
            }
            for other in langs.split(',') {
                assert!(
                    home.contains(&format!("hreflang=\"{other}\"")),
                    "{lang} page lists {other}"
                );
            }
        }
    }
}

#[test]
fn init_refuses_a_wrong_language_list_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let site_s = site.to_str().unwrap();
    for (langs, en, ka) in [
        (
            "ka,en,x1",
            "error: `x1` is not a language code\n  = hint: give two- or three-letter codes separated by commas, the site's first language first: --languages ka,en,ar\n",
            "შეცდომა: `x1` ენის კოდი არ არის\n",
        ),
        (
            "ka,en,ka",
            "error: `ka` is named twice in --languages\n  = hint: name each language once: --languages ka,en,ar\n",
            "შეცდომა: `ka` --languages-ში ორჯერ წერია\n",
        ),
    ] {
        let r = support::campaign(&["init", "--languages", langs, site_s]);
        assert_eq!((r.code, r.stderr.as_str()), (1, en));
        let r = support::campaign(&["--lang", "ka", "init", "--languages", langs, site_s]);
        assert!(r.stderr.starts_with(ka), "{}", r.stderr);
        assert!(!site.exists(), "nothing written");
    }
}

#[test]
fn a_language_the_theme_does_not_speak_gets_one_warning_and_georgian_words() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let init = support::campaign(&["init", "--languages", "ka,de", site.to_str().unwrap()]);
    assert!(init.ok(), "{}", init.stderr);
    let b = support::build_to_temp(&site);
    assert!(b.ok(), "{}", b.stderr);
    assert_eq!(count(&b.stderr, "warning:"), 1, "{}", b.stderr);
    assert!(
        b.stderr
            .contains("interface strings are missing in Deutsch (de)"),
        "{}",
        b.stderr
    );
    let home = std::fs::read_to_string(b.out.join("de/index.html")).unwrap();
    assert!(
        home.contains("მთავარი მენიუ"),
        "the default language's words stand in"
    );
}

#[test]
fn untranslated_fallback_publishes_the_default_text_with_a_notice() {
    let site = support::bundled_copy();
    let root = site.path();
    support::add_languages(root, "  - code: ar\n    untranslated: maybe\n");
    let bad = support::campaign(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.starts_with("error: `untranslated: maybe` of `ar` is neither `absent` nor `fallback`\n  --> site.yaml:"),
        "{}",
        bad.stderr
    );
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let yaml = yaml.replacen("untranslated: maybe", "untranslated: fallback", 1);
    std::fs::write(root.join("site.yaml"), yaml).unwrap();
    let about = std::fs::read_to_string(root.join("content/about.en.md")).unwrap();
    std::fs::write(root.join("content/about.ar.md"), about).unwrap();

    let b = support::build_to_temp(root);
    assert!(b.ok(), "{}", b.stderr);
    // One mistake, one message: a stand-in page does not repeat its Georgian page's warnings.
    let blocks: Vec<&str> = b.stderr.split("warning: ").collect();
    let unique: std::collections::HashSet<&&str> = blocks.iter().collect();
    assert_eq!(blocks.len(), unique.len(), "{}", b.stderr);
    assert!(!b.stderr.contains("captions in العربية"), "{}", b.stderr);

    let read = |p: &str| std::fs::read_to_string(b.out.join(p)).unwrap();
    let stand_in = read("ar/eligibility/index.html");
    assert!(stand_in.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        stand_in
            .contains("<main id=\"main\" class=\"wrap\" tabindex=\"-1\" lang=\"ka\" dir=\"ltr\">")
    );
    assert!(stand_in.contains("<p class=\"fallback-notice\" lang=\"ar\" dir=\"rtl\">لم تُترجم هذه الصفحة بعد. وهي معروضة بهذه اللغة: <bdi lang=\"ka\" dir=\"ltr\">ქართული</bdi></p>"));
    let georgian = read("eligibility/index.html");
    let georgian_title = support::between(&georgian, "<h1>", "</h1>");
    assert!(stand_in.contains(&format!("<h1>{georgian_title}</h1>")));
    // Search engines are not told the stand-in is an Arabic page; the switcher still says
    // "not translated yet" and leads to it.
    assert!(!georgian.contains("<link rel=\"alternate\" hreflang=\"ar\""));
    assert!(georgian.contains("<small class=\"not-translated\" lang=\"ar\" dir=\"rtl\">"));
    let translated = read("ar/about/index.html");
    assert!(!translated.contains("fallback-notice"));
    // Menu entries and list items in Georgian say so (screen readers switch voice).
    let menu = support::between(&translated, "<nav class=\"site-nav\"", "</nav>");
    let eligibility = support::between(&georgian, "<h1>", "</h1>");
    assert!(
        menu.contains(&format!("<bdi lang=\"ka\">{eligibility}</bdi>")),
        "{menu}"
    );
    assert!(
        read("ar/services/index.html").contains("<li class=\"card\" lang=\"ka\" dir=\"auto\">")
    );
    assert!(read("about/index.html").contains("<link rel=\"alternate\" hreflang=\"ar\""));
    // The overview still counts the stand-ins as missing.
    let table = support::campaign(&["check", "--translations", "--root", root.to_str().unwrap()]);
    assert!(
        table.stdout.contains("ar: 1 translated, 21 missing"),
        "{}",
        table.stdout
    );
}
