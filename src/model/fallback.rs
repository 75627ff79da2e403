//! Data files that exist only in the default language for now (region names, the
//! self-check's texts): a language added one page at a time shows the default language's
//! text in their place, and each file says so once per language, not once per entry.

use crate::config::{Config, Language};
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use std::collections::BTreeMap;

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
