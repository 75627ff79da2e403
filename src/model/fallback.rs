//! What exists only in the default language for now: data files (region names, the
//! self-check's texts) show the default language's text in their place, and each file says
//! so once per language, not once per entry; with `untranslated: fallback`, pages not yet
//! translated are published in the default language's text at the language's address.

use super::Page;
use crate::config::{Config, Language};
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use std::collections::BTreeMap;

/// For each language with `untranslated: fallback`, a stand-in for every default-language
/// page it lacks: the same text, at the language's address, marked as a fallback. Pages stay
/// sorted by (key, language order).
pub(super) fn stand_in_pages(pages: &mut Vec<Page>, config: &Config) {
    let default = config.default_lang();
    let fallback: Vec<&str> = config
        .languages
        .iter()
        .filter(|l| l.fallback && l.code != default)
        .map(|l| l.code.as_str())
        .collect();
    if fallback.is_empty() {
        return;
    }
    let have: std::collections::HashSet<(&str, &str)> = pages
        .iter()
        .map(|p| (p.key.as_str(), p.lang.as_str()))
        .collect();
    let mut added = Vec::new();
    for p in pages.iter().filter(|p| p.lang == default) {
        for code in &fallback {
            if !have.contains(&(p.key.as_str(), *code)) {
                let mut stand_in = p.clone();
                stand_in.lang = (*code).to_string();
                stand_in.fallback = Some(default.to_string());
                added.push(stand_in);
            }
        }
    }
    drop(have);
    pages.append(&mut added);
    let order = |l: &str| config.languages.iter().position(|x| x.code == l);
    pages.sort_by(|a, b| (a.key.as_str(), order(&a.lang)).cmp(&(b.key.as_str(), order(&b.lang))));
}

/// The entries of one file that lack a text in some language.
#[derive(Default)]
pub struct Missing {
    /// Per language code: how many entries lack it, and the 1-based line of the first.
    by_lang: BTreeMap<String, (usize, usize)>,
}

impl Missing {
    /// Note that the entry at 1-based `line` has no text in `code`.
    pub fn add(&mut self, code: &str, line: usize) {
        let e = self.by_lang.entry(code.to_string()).or_insert((0, line));
        e.0 += 1;
        e.1 = e.1.min(line);
    }

    /// One warning per language with missing entries, in the order of `site.yaml`.
    pub fn warnings(&self, tf: &TextFile, config: &Config) -> Vec<Diagnostic> {
        let default = config
            .languages
            .first()
            .map_or_else(String::new, |l| l.name.clone());
        config
            .languages
            .iter()
            .filter_map(|l| self.by_lang.get(&l.code).map(|m| (l, *m)))
            .map(|(l, (count, line))| warning(tf, l, &default, count, line))
            .collect()
    }
}

fn warning(tf: &TextFile, l: &Language, default: &str, count: usize, line: usize) -> Diagnostic {
    let (name, code, n) = (&l.name, &l.code, count.to_string());
    let message = if count == 1 {
        format!(
            "1 text in this file is not in {name} ({code}) yet; the {default} text is shown in its place"
        )
    } else {
        format!(
            "{n} texts in this file are not in {name} ({code}) yet (the first at this line); the {default} text is shown in their place"
        )
    };
    Diagnostic::warning("untranslated-data", message)
        .in_file(&tf.file)
        .at_line(line)
        .with_source(&tf.text)
        .with_hint(format!(
            "to translate them, add `{code}: ...` beside each text in the other languages"
        ))
        .tr(
            "untranslated-data",
            &[
                ("count", &n),
                ("amount", if count == 1 { "one" } else { "many" }),
                ("language", name),
                ("code", code),
                ("default", default),
            ],
        )
}
