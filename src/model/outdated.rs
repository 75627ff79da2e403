//! Outdated translations: the default-language text each translation was made from (its
//! fingerprint, kept in `translations.yaml`), and the translations whose source changed since.

use super::Page;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use std::collections::{BTreeMap, HashMap};

/// The record, at the site root beside `site.yaml`.
pub const FILE: &str = "translations.yaml";

/// The code of the warning for a translation that may be out of date.
pub const WARNING: &str = "outdated-translation";

/// For each translation (its file, `content/about.en.md`), the fingerprint of its source's
/// text when the translation was last marked up to date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record(pub BTreeMap<String, String>);

/// A translation and the default-language page it is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The translation's file, `content/about.en.md`.
    pub translation: String,
    /// The default-language page's file, `content/about.ka.md`.
    pub source: String,
}

/// A translation whose source changed after it was last marked up to date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Outdated {
    /// The translation's file.
    pub file: String,
    /// The default-language page's file.
    pub source: String,
    /// The translation's language.
    pub lang: String,
    /// The translation's address in the site (`/en/about/`).
    pub url: String,
}

pub use crate::load::whole::fingerprint;

/// Every translation with its default-language page, from the page files as read (drafts
/// included), in file order.
pub fn pairs(pages: &[TextFile], config: &Config) -> Vec<Pair> {
    let default = config.default_lang();
    let mut source_of: HashMap<String, &str> = HashMap::new();
    let mut named = Vec::with_capacity(pages.len());
    for tf in pages {
        let (key, lang) = super::pages::parse_name(&tf.rel);
        if lang.as_deref().is_none_or(|l| l == default) {
            source_of.insert(key.clone(), &tf.file);
        }
        named.push((key, lang, tf));
    }
    let mut out: Vec<Pair> = named
        .into_iter()
        .filter_map(|(key, lang, tf)| {
            let lang = lang?;
            if lang == default || !config.has_lang(&lang) {
                return None;
            }
            let source = source_of.get(&key)?;
            Some(Pair {
                translation: tf.file.clone(),
                source: (*source).to_string(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.translation.cmp(&b.translation));
    out
}

impl Record {
    /// Read `translations.yaml`. A file that cannot be read is a warning at its line (and
    /// is then left as it is).
    pub fn parse(tf: &TextFile) -> Result<Record, Diagnostic> {
        if tf.text.trim().is_empty() {
            return Ok(Record::default());
        }
        match serde_yaml::from_str::<Option<BTreeMap<String, String>>>(&tf.text) {
            Ok(map) => Ok(Record(map.unwrap_or_default())),
            Err(e) => {
                let line = e.location().map(|l| l.line()).unwrap_or(1);
                Err(Diagnostic::warning(
                    "translations-record",
                    "campaign cannot read this file, so it cannot tell which translations are out of date",
                )
                .in_file(&tf.file)
                .at_line(line)
                .with_source(&tf.text)
                .with_hint("each line is `\"content/page.en.md\": \"fingerprint\"`; delete the file to start again (every translation then counts as up to date)")
                .tr("translations-record", &[]))
            }
        }
    }

    /// The record with an entry for every pair: entries kept as they are, new translations
    /// up to date with their source as it is now, translations that are gone dropped.
    pub fn with_baselines(&self, pairs: &[Pair], prints: &HashMap<&str, String>) -> Record {
        let mut out = BTreeMap::new();
        for p in pairs {
            let value = match self.0.get(&p.translation) {
                Some(v) => v.clone(),
                None => match prints.get(p.source.as_str()) {
                    Some(print) => print.clone(),
                    None => continue,
                },
            };
            out.insert(p.translation.clone(), value);
        }
        Record(out)
    }

    /// The file's text: a comment saying what it is, then one line per translation.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# Written by campaign: for each translation, a fingerprint of the text it was\n\
             # translated from. When that page changes, the translation is reported as maybe out\n\
             # of date until `campaign translated FILE` marks it up to date. Keep this file\n\
             # with the site (and in git, if you use it).\n",
        );
        for (file, value) in &self.0 {
            out.push_str(&format!("{}: \"{value}\"\n", quoted(file)));
        }
        out
    }
}

/// A YAML double-quoted string.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The translations whose default-language page changed after they were last marked up to
/// date, each with one warning at the translation's file.
pub fn check(
    record: Option<&Record>,
    pages: &[Page],
    by_key: &HashMap<(String, String), usize>,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Outdated> {
    let mut out = Vec::new();
    if record.is_some_and(|r| !r.0.is_empty()) {
        let mut key = (String::new(), config.default_lang().to_string());
        for p in pages {
            outdated(record, pages, by_key, config, p, &mut key, &mut out, diags);
        }
    }
    out
}

/// [`check`] again after the pages at `changed` changed their text only: the translations
/// of those in the default language are looked at again, the rest of `out` and `diags`
/// kept (a text edit in `serve` on a large site, without a pass over every page).
pub fn recheck(
    record: Option<&Record>,
    pages: &[Page],
    by_key: &HashMap<(String, String), usize>,
    config: &Config,
    changed: &[usize],
    out: &mut Vec<Outdated>,
    diags: &mut Vec<Diagnostic>,
) {
    let default = config.default_lang();
    let mut key = (String::new(), String::new());
    let mut translations = Vec::new();
    for p in changed.iter().filter_map(|&i| pages.get(i)) {
        if p.lang != default {
            continue;
        }
        for l in config.languages.iter().filter(|l| l.code != default) {
            key.0.clone_from(&p.key);
            key.1.clone_from(&l.code);
            translations.extend(by_key.get(&key).and_then(|&t| pages.get(t)));
        }
    }
    let again: std::collections::HashSet<&str> =
        translations.iter().map(|t| t.file.as_str()).collect();
    out.retain(|o| !again.contains(o.file.as_str()));
    diags.retain(|d| d.code != WARNING || !d.file.as_deref().is_some_and(|f| again.contains(f)));
    if record.is_some_and(|r| !r.0.is_empty()) {
        let mut key = (String::new(), default.to_string());
        for t in translations {
            outdated(record, pages, by_key, config, t, &mut key, out, diags);
        }
    }
}

/// Whether translation `p` is out of date: if so, its entry in `out` and its warning. `key`
/// is a buffer whose second part is the default language.
#[allow(clippy::too_many_arguments)]
fn outdated(
    record: Option<&Record>,
    pages: &[Page],
    by_key: &HashMap<(String, String), usize>,
    config: &Config,
    p: &Page,
    key: &mut (String, String),
    out: &mut Vec<Outdated>,
    diags: &mut Vec<Diagnostic>,
) {
    if p.lang == key.1 || p.fallback.is_some() {
        return;
    }
    let Some(recorded) = record.and_then(|r| r.0.get(&p.file)) else {
        return;
    };
    key.0.clone_from(&p.key);
    let Some(source) = by_key.get(&*key).and_then(|&si| pages.get(si)) else {
        return;
    };
    if source.fingerprint != *recorded {
        diags.push(warning(p, source, config));
        out.push(Outdated {
            file: p.file.clone(),
            source: source.file.clone(),
            lang: p.lang.clone(),
            url: p.url.clone(),
        });
    }
}

/// The English name of a language campaign's Georgian messages also name (`language-name`).
fn english_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "ka" => "Georgian",
        "en" => "English",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "hy" => "Armenian",
        "az" => "Azerbaijani",
        "de" => "German",
        "fr" => "French",
        "ar" => "Arabic",
        "fa" => "Persian",
        "tr" => "Turkish",
        _ => return None,
    })
}

/// "the English page may be out of date: the Georgian page changed after it was translated".
pub fn warning(page: &Page, source: &Page, config: &Config) -> Diagnostic {
    let name = |code: &str| match english_name(code) {
        Some(n) => n.to_string(),
        None => config
            .languages
            .iter()
            .find(|l| l.code == code)
            .map_or(code.to_string(), |l| l.name.clone()),
    };
    let (lang, from) = (name(&page.lang), name(&source.lang));
    Diagnostic::warning(
        WARNING,
        format!(
            "the {lang} page may be out of date: the {from} page changed after it was translated"
        ),
    )
    .in_file(&page.file)
    .with_hint(format!(
        "see what changed in {}, bring this page up to date, then run `campaign translated {}`",
        source.file, page.file
    ))
    .tr(
        "outdated-translation",
        &[
            ("language", &lang),
            ("code", &page.lang),
            ("source", &source.file),
            ("source_code", &source.lang),
            ("source_language", &from),
            ("file", &page.file),
        ],
    )
}

/// A page in one language: there, missing, or maybe out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The page exists (and is not known to be out of date).
    Translated,
    /// There is no page in this language.
    Missing,
    /// The default-language page changed after this one was translated.
    Outdated,
}

/// One page of the overview: its name (the file without language) and a status per language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    /// `content/about`.
    pub page: String,
    /// In the order of [`Table::langs`].
    pub statuses: Vec<Status>,
    /// The page's address in each language that has it, in the same order.
    pub urls: Vec<Option<String>>,
}

/// Every page × every language (`check --translations`, the preview's overview page).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Table {
    /// Language codes, in the site's order.
    pub langs: Vec<String>,
    /// One row per page, in page order.
    pub rows: Vec<Row>,
}

impl Table {
    /// How many cells have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.rows
            .iter()
            .flat_map(|r| &r.statuses)
            .filter(|s| **s == status)
            .count()
    }
}

/// The overview of `site`.
pub fn table(site: &super::Site) -> Table {
    let langs: Vec<String> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.clone())
        .collect();
    let outdated: std::collections::HashSet<&str> =
        site.outdated.iter().map(|o| o.file.as_str()).collect();
    let mut rows: Vec<Row> = Vec::new();
    let mut last_key: Option<&str> = None;
    for p in site.pages.iter().filter(|p| p.fallback.is_none()) {
        if last_key != Some(p.key.as_str()) {
            last_key = Some(p.key.as_str());
            rows.push(Row {
                page: super::index::name_without_lang(p),
                statuses: vec![Status::Missing; langs.len()],
                urls: vec![None; langs.len()],
            });
        }
        let (Some(row), Some(i)) = (rows.last_mut(), langs.iter().position(|l| *l == p.lang))
        else {
            continue;
        };
        row.urls[i] = Some(p.url.clone());
        row.statuses[i] = if outdated.contains(p.file.as_str()) {
            Status::Outdated
        } else {
            Status::Translated
        };
    }
    Table { langs, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_blank_space_do_not_change_the_fingerprint_but_words_do() {
        let a = "---\ntitle: ა\ndate: 2025-01-01\ndraft: true\n---\n\nტექსტი\n";
        let b = "---\ntitle: ა  \ndate: 2026-02-02\naliases:\n  - /x/\n---\n\nტექსტი\n\n\n";
        let c = "---\ntitle: ა\n---\n\nტექსტი!\n";
        let d = "---\ntitle: ბ\n---\n\nტექსტი\n";
        assert_eq!(fingerprint(a), fingerprint(b));
        assert_ne!(fingerprint(a), fingerprint(c));
        assert_ne!(fingerprint(a), fingerprint(d));
        assert_eq!(fingerprint(a).len(), 16);
    }

    #[test]
    fn the_record_reads_back_what_it_writes() {
        let mut r = Record::default();
        r.0.insert("content/a \"b\".en.md".into(), "0123456789012345".into());
        r.0.insert("content/news/ახალი.en.md".into(), "00ff".into());
        let tf = TextFile {
            file: FILE.into(),
            rel: FILE.into(),
            text: r.to_text().into(),
            whole: None,
        };
        assert_eq!(Record::parse(&tf).ok(), Some(r));
    }
}
