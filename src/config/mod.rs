//! `site.yaml` → [`Config`]: languages (first = default), titles, base URL, theme.
//! The types and their helpers are here; reading the file, setting by setting, is in
//! `read.rs`.

mod read;

pub use read::parse;
use serde::Serialize;
use std::collections::BTreeMap;

/// The name of the site configuration file.
pub const CONFIG_FILE: &str = "site.yaml";

/// A configured language.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 code used in file names and URLs (`ka`, `en`).
    pub code: String,
    /// The language's name in itself (`ქართული`, `English`).
    pub name: String,
    /// Open Graph locale (`ka_GE`, `en_US`).
    pub locale: String,
    /// Writing direction: `rtl` for Arabic, Persian, Hebrew, Urdu and the like, else `ltr`.
    pub dir: String,
    /// `untranslated: fallback`: a page not yet translated into this language is published
    /// at its address in the default language's text, with a notice.
    pub fallback: bool,
}

/// Text given per language (or once for all languages).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    /// The text in `lang`, else in `fallback`, else any.
    pub fn get(&self, lang: &str, fallback: &str) -> String {
        self.0
            .get(lang)
            .or_else(|| self.0.get(fallback))
            .or_else(|| self.0.values().next())
            .cloned()
            .unwrap_or_default()
    }
}

/// The whole site configuration.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// Site title per language.
    pub title: Localized,
    /// Site description per language.
    pub description: Localized,
    /// Absolute base URL (`https://example.org/sub/`), always ending in `/`, if set.
    pub base_url: Option<String>,
    /// Languages, the default first.
    pub languages: Vec<Language>,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Names in the output folder that builds keep, besides dotfiles and `CNAME`.
    pub output_keep: Vec<String>,
    /// Site addresses whose pages get a printable poster (`posters:`; a section's address
    /// covers its pages); `None` when not given: `/services/` and the self-check.
    pub posters: Option<Vec<String>>,
    /// `offline:`: readers' browsers keep the pages they opened, the self-check and the
    /// regional help list for reading without a connection (a service worker, `sw.js`);
    /// `offline: false` turns it off. On when not given.
    pub offline: bool,
    /// `search: true`: a search page per language with an index of the pages' words (when
    /// the theme has `search.html`). Off when not given.
    pub search: bool,
    /// Every other key, passed to templates as `config.extra`.
    pub extra: serde_json::Value,
    /// The 1-based line in site.yaml of each `menu:` entry, for messages about them.
    #[serde(skip)]
    pub menu_lines: Vec<usize>,
    /// The 1-based line in site.yaml of each `posters:` entry, for messages about them.
    #[serde(skip)]
    pub poster_lines: Vec<usize>,
    /// The 1-based line in site.yaml of `footer:`, for messages about it.
    #[serde(skip)]
    pub footer_line: usize,
    /// Links name `index.html`, for reading from disk (`build --portable`; set by the build,
    /// not by site.yaml).
    #[serde(skip)]
    pub portable: bool,
    /// The build is `campaign serve`'s preview, which must never be kept by a reader's
    /// browser (set by the build, not by site.yaml).
    #[serde(skip)]
    pub preview: bool,
}

impl Config {
    /// The writing direction (`ltr`, `rtl`) of the language `code`.
    pub fn dir(&self, code: &str) -> String {
        self.languages
            .iter()
            .find(|l| l.code == code)
            .map_or_else(|| builtin_dir(code).to_string(), |l| l.dir.clone())
    }

    /// The default language code (the first configured).
    pub fn default_lang(&self) -> &str {
        &self.languages[0].code
    }

    /// Whether the build writes a service worker (`sw.js`) at all: not for the preview and
    /// not for reading from disk (`file://` has no service workers).
    pub fn service_worker(&self) -> bool {
        !self.portable && !self.preview
    }

    /// Whether pages load the script that installs the offline worker: `offline:` is on and
    /// the build writes a worker.
    pub fn offline_reading(&self) -> bool {
        self.offline && self.service_worker()
    }

    /// Whether `code` is a configured language.
    pub fn has_lang(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l.code == code)
    }

    /// The URL prefix of a language: `/` for the default, `/en/` for the others.
    pub fn lang_prefix(&self, code: &str) -> String {
        if code == self.default_lang() {
            "/".to_string()
        } else {
            format!("/{code}/")
        }
    }

    /// Path part of the base URL (`/sub/` for `https://x.org/sub/`), `/` without one.
    pub fn base_path(&self) -> String {
        match &self.base_url {
            Some(u) => {
                let after_scheme = u.split_once("://").map(|(_, r)| r).unwrap_or(u);
                match after_scheme.find('/') {
                    Some(i) => after_scheme[i..].to_string(),
                    None => "/".to_string(),
                }
            }
            None => "/".to_string(),
        }
    }

    /// The absolute URL of a site path (`/en/x/`), when a base URL is set.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|b| format!("{}{}", b.trim_end_matches('/'), path))
    }
}

/// Built-in names and locales for common language codes.
/// The writing direction of a language by default: `rtl` for the right-to-left ones.
pub(crate) fn builtin_dir(code: &str) -> &'static str {
    const RTL: [&str; 11] = [
        "ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "ku-arab",
    ];
    if RTL.contains(&code) { "rtl" } else { "ltr" }
}

pub(crate) fn builtin_language(code: &str) -> (String, String) {
    let (name, locale) = match code {
        "ka" => ("ქართული", "ka_GE"),
        "en" => ("English", "en_US"),
        "ru" => ("Русский", "ru_RU"),
        "uk" => ("Українська", "uk_UA"),
        "hy" => ("Հայերեն", "hy_AM"),
        "az" => ("Azərbaycan", "az_AZ"),
        "de" => ("Deutsch", "de_DE"),
        "fr" => ("Français", "fr_FR"),
        "ar" => ("العربية", "ar_AR"),
        "fa" => ("فارسی", "fa_IR"),
        "tr" => ("Türkçe", "tr_TR"),
        _ => (code, ""),
    };
    (name.to_string(), locale.to_string())
}

/// Whether `name` is a plain folder name under `themes/`: letters, digits, `-`, `_` and
/// `.`, not starting with `.` (so no `..`, `/`, `\\`, drive letters or absolute paths).
pub fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Whether `s` looks like a language code (`ka`, `en`, `pt-br`).
pub fn looks_like_lang(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Check and normalise a base URL (`https://x.ge` → `https://x.ge/`).
pub fn normalize_base_url(s: &str) -> Option<String> {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.contains(' ') || s.contains(['<', '>', '"', ' ']) {
        return None;
    }
    Some(if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_languages_and_base_url() {
        let c = parse(
            "title: {ka: ა, en: A}\nbase_url: https://x.ge/sub\nlanguages: [ka, en]\n",
            "site.yaml",
        )
        .unwrap();
        assert_eq!(c.default_lang(), "ka");
        assert_eq!(c.languages[0].name, "ქართული");
        assert_eq!(c.base_url.as_deref(), Some("https://x.ge/sub/"));
        assert_eq!(c.base_path(), "/sub/");
        assert_eq!(c.lang_prefix("en"), "/en/");
        assert_eq!(c.absolute("/en/"), Some("https://x.ge/sub/en/".into()));
    }

    #[test]
    fn rejects_bad_language_code_with_line() {
        let e = parse("title: x\nlanguages: [ka, English]\n", "site.yaml").unwrap_err();
        assert_eq!(e[0].message, "`English` is not a language code");
        assert_eq!(e[0].line, Some(2));
    }

    #[test]
    fn menu_entries_know_their_lines() {
        let c = parse(
            "title: x\nmenu:\n  - /a/\n\n  # soon\n  - /b/\nlanguages: [ka]\n",
            "site.yaml",
        )
        .unwrap();
        assert_eq!(c.menu_lines, [3, 6]);
        let c = parse("title: x\nmenu: [/a/, /b/]\n", "site.yaml").unwrap();
        assert_eq!(c.menu_lines, [2, 2]);
    }

    #[test]
    fn a_theme_is_a_plain_folder_name() {
        for ok in ["default", "campaign-2025", "my_theme", "v1.2", "თემა"] {
            assert!(is_theme_name(ok), "{ok}");
        }
        for bad in [
            "",
            "..",
            "../../elsewhere",
            "/etc",
            "themes/x",
            "a\\b",
            "C:x",
            ".hidden",
            "~",
            "a b",
        ] {
            assert!(!is_theme_name(bad), "{bad}");
        }
        let e = parse("title: x\ntheme: ../../elsewhere\n", "site.yaml").unwrap_err();
        assert_eq!(
            e[0].message,
            "`../../elsewhere` is not the name of a theme: a theme is a folder under themes/"
        );
        assert_eq!((e[0].line, e[0].column), (Some(2), Some(8)));
    }
}
