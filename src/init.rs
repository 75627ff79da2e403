//! `campaign init`: a starter site that builds at once, in Georgian and English or the
//! languages given (`--languages ka,en,ar`).

use crate::diagnostics::Diagnostic;
use crate::load::{io_reason, plain_io};
use std::path::Path;

/// A starter site's words in one language.
struct Starter {
    /// Site title and description.
    site: (&'static str, &'static str),
    /// Home page: title, description, body.
    home: (&'static str, &'static str, &'static str),
    /// About page: title, description, body.
    about: (&'static str, &'static str, &'static str),
}

/// The starter words of a language: placeholders for the editors to replace (no campaign
/// facts). Languages without their own get the English ones.
fn starter(code: &str) -> Starter {
    match code {
        "ka" => Starter {
            site: ("ჩემი საიტი", "საინფორმაციო კამპანიის საიტი"),
            home: (
                "მთავარი",
                "საინფორმაციო კამპანიის საიტი",
                "მოგესალმებით! წაიკითხეთ [ჩვენ შესახებ](/about/).",
            ),
            about: (
                "ჩვენ შესახებ",
                "ვინ ვართ",
                "## ვინ ვართ\n\nაქ დაწერეთ, ვინ ხართ.",
            ),
        },
        "ru" => Starter {
            site: ("Мой сайт", "Сайт информационной кампании"),
            home: (
                "Главная",
                "Сайт информационной кампании",
                "Добро пожаловать! Прочитайте [о нас](/about/).",
            ),
            about: ("О нас", "Кто мы", "## Кто мы\n\nНапишите здесь, кто вы."),
        },
        "uk" => Starter {
            site: ("Мій сайт", "Сайт інформаційної кампанії"),
            home: (
                "Головна",
                "Сайт інформаційної кампанії",
                "Ласкаво просимо! Прочитайте [про нас](/about/).",
            ),
            about: ("Про нас", "Хто ми", "## Хто ми\n\nНапишіть тут, хто ви."),
        },
        "ar" => Starter {
            site: ("موقعي", "موقع حملة إعلامية"),
            home: (
                "الرئيسية",
                "موقع حملة إعلامية",
                "مرحبًا! اقرأ [من نحن](/about/).",
            ),
            about: ("من نحن", "من نحن", "## من نحن\n\nاكتبوا هنا من أنتم."),
        },
        "fa" => Starter {
            site: ("سایت من", "سایت یک کمپین اطلاع‌رسانی"),
            home: (
                "خانه",
                "سایت یک کمپین اطلاع‌رسانی",
                "خوش آمدید! [دربارهٔ ما](/about/) را بخوانید.",
            ),
            about: (
                "دربارهٔ ما",
                "ما که هستیم",
                "## ما که هستیم\n\nاینجا بنویسید که چه کسی هستید.",
            ),
        },
        _ => Starter {
            site: ("My site", "An information campaign website"),
            home: (
                "Home",
                "An information campaign website",
                "Welcome! Read [about us](/about/).",
            ),
            about: (
                "About",
                "Who we are",
                "## Who we are\n\nWrite here who you are.",
            ),
        },
    }
}

/// The languages of a new site when none are given.
pub const DEFAULT_LANGUAGES: &[&str] = &["ka", "en"];

/// The starter site's files (path, text) for `langs` (the first is the default language).
fn files(langs: &[String]) -> Vec<(String, String)> {
    let mut title = String::from("title:\n");
    let mut description = String::from("description:\n");
    for l in langs {
        let s = starter(l);
        title.push_str(&format!("  {l}: {}\n", s.site.0));
        description.push_str(&format!("  {l}: {}\n", s.site.1));
    }
    let site = format!(
        "# Site settings. See README, \"Configuration\".\n{title}{description}\
         # The address the site is published at (needed for sitemap, feeds and share previews).\n\
         base_url: \"\"\n# The first language is the default one (served at /).\n\
         languages: [{}]\nmenu:\n  - /about/\n",
        langs.join(", ")
    );
    let mut out = vec![("site.yaml".to_string(), site)];
    for l in langs {
        out.push((format!("content/_index.{l}.md"), page(starter(l).home)));
    }
    for l in langs {
        out.push((format!("content/about.{l}.md"), page(starter(l).about)));
    }
    out
}

/// A page's text from its title, description and body.
fn page((title, description, body): (&str, &str, &str)) -> String {
    format!("---\ntitle: {title}\ndescription: {description}\n---\n\n{body}\n")
}

/// The languages of `--languages`, checked: language codes, no repeats.
pub fn languages(given: &[String]) -> Result<Vec<String>, Diagnostic> {
    let mut out: Vec<String> = Vec::new();
    for raw in given {
        let code = raw.trim().to_ascii_lowercase();
        if !crate::config::looks_like_lang(&code) {
            return Err(Diagnostic::error(
                "init-language",
                format!("`{raw}` is not a language code"),
            )
            .with_hint("give two- or three-letter codes separated by commas, the site's first language first: --languages ka,en,ar")
            .tr("init-language", &[("code", raw)]));
        }
        if out.contains(&code) {
            return Err(Diagnostic::error(
                "init-language",
                format!("`{code}` is named twice in --languages"),
            )
            .with_hint("name each language once: --languages ka,en,ar")
            .tr("init-language-twice", &[("code", &code)]));
        }
        out.push(code);
    }
    if out.is_empty() {
        out = DEFAULT_LANGUAGES.iter().map(|s| s.to_string()).collect();
    }
    Ok(out)
}

/// Write a starter site into `dir`. Refuses to write into a folder that has files.
pub fn init(dir: &Path, langs: &[String]) -> Result<Vec<String>, Diagnostic> {
    if dir.exists() {
        let folder = dir.display().to_string();
        let has_files = std::fs::read_dir(dir)
            .map_err(|e| {
                let (io, code) = io_reason(&e);
                Diagnostic::error("init", format!("cannot read {folder}: {}", plain_io(&e))).tr(
                    "init-read",
                    &[("folder", &folder), ("io", io), ("code", &code)],
                )
            })?
            .next()
            .is_some();
        if has_files {
            return Err(Diagnostic::error(
                "init",
                format!("{folder} already has files in it; `campaign init` only writes into an empty or new folder"),
            )
            .tr("init-not-empty", &[("folder", &folder)]));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in files(langs) {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot_create(parent, &e))?;
        }
        std::fs::write(&path, text).map_err(|e| cannot_write(&path, &e))?;
        written.push(rel);
    }
    Ok(written)
}

/// The error for a folder that cannot be made (for `init` and `new`).
pub fn cannot_create(dir: &Path, e: &std::io::Error) -> Diagnostic {
    let ((io, code), folder) = (io_reason(e), dir.display().to_string());
    Diagnostic::error("write", format!("cannot create {folder}: {}", plain_io(e))).tr(
        "create-folder",
        &[("folder", &folder), ("io", io), ("code", &code)],
    )
}

/// The error for a file that cannot be written (for `init` and `new`).
pub fn cannot_write(path: &Path, e: &std::io::Error) -> Diagnostic {
    let ((io, code), file) = (io_reason(e), path.display().to_string());
    Diagnostic::error("write", format!("cannot write {file}: {}", plain_io(e))).tr(
        "write-file",
        &[("file", &file), ("io", io), ("code", &code)],
    )
}
