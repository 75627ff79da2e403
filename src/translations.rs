//! `translations.yaml` on disk: a build or the preview gives each new translation the
//! fingerprint of its source as it is now; `campaign translated` marks translations up to date.

use crate::diagnostics::Diagnostic;
use crate::load::{self, Sources, TextFile};
use crate::messages::Messages;
use crate::model::outdated::{self, FILE, Pair, Record};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The record as read with `src`, or an empty one when there is none. `None` when the file
/// cannot be read (the model reports that; the file is then never written over).
fn current(src: &Sources) -> Option<Record> {
    match &src.translations {
        Some(tf) => Record::parse(tf).ok(),
        None => Some(Record::default()),
    }
}

/// The fingerprint of every page's text, by file.
fn prints(src: &Sources) -> HashMap<&str, String> {
    src.pages
        .iter()
        .map(|t| (t.file.as_str(), t.fingerprint()))
        .collect()
}

/// Give every translation that has no entry yet the fingerprint of its source as it is now,
/// drop the entries of translations that are gone, and write the file when that changed it.
/// `src.translations` then holds what is on disk. Nothing is written for a site without
/// translations.
pub fn record_new(src: &mut Sources, diags: &mut Vec<Diagnostic>) {
    let Some(config) = src.config.as_ref() else {
        return;
    };
    let Some(record) = current(src) else {
        return;
    };
    let pairs = outdated::pairs(&src.pages, config);
    let next = record.with_baselines(&pairs, &prints(src));
    if next == record || (pairs.is_empty() && src.translations.is_none()) {
        return;
    }
    let root = src.root.clone();
    if let Some(tf) = save(&root, &next, diags) {
        src.translations = Some(tf);
    }
}

/// Write the record; the file as written, or `None` with a warning.
fn save(root: &Path, record: &Record, diags: &mut Vec<Diagnostic>) -> Option<TextFile> {
    let text = record.to_text();
    match std::fs::write(root.join(FILE), &text) {
        Ok(()) => Some(TextFile {
            file: FILE.into(),
            rel: FILE.into(),
            text: text.into(),
            whole: None,
        }),
        Err(e) => {
            let (io, code) = load::io_reason(&e);
            diags.push(
                Diagnostic::warning("translations-write", format!("cannot write {FILE}: {io}"))
                    .with_hint("check that the site folder is writable")
                    .tr(
                        "translations-write",
                        &[("file", FILE), ("io", io), ("code", &code)],
                    ),
            );
            None
        }
    }
}

/// `campaign translated FILE...` (or `--all`): each translation is up to date with its
/// source as it is now.
pub fn mark(root: &Path, files: &[PathBuf], all: bool, words: &Messages) -> ExitCode {
    let src = load::load(root);
    let Some(config) = src.config.as_ref() else {
        print(&src.diagnostics, words);
        return ExitCode::from(1);
    };
    let Some(mut record) = current(&src) else {
        let d = src
            .translations
            .as_ref()
            .and_then(|tf| Record::parse(tf).err())
            .map(|mut d| {
                d.severity = crate::diagnostics::Severity::Error;
                d
            });
        print(&d.into_iter().collect::<Vec<_>>(), words);
        return ExitCode::from(1);
    };
    let pairs = outdated::pairs(&src.pages, config);
    let chosen: Vec<&Pair> = if all {
        pairs.iter().collect()
    } else {
        let mut chosen = Vec::new();
        let mut errors = Vec::new();
        for f in files {
            let rel = site_relative(root, f);
            match pairs.iter().find(|p| p.translation == rel) {
                Some(p) => chosen.push(p),
                None => errors.push(not_a_translation(&rel, &pairs)),
            }
        }
        if !errors.is_empty() {
            print(&errors, words);
            return ExitCode::from(1);
        }
        chosen
    };
    let prints = prints(&src);
    for p in &chosen {
        if let Some(print) = prints.get(p.source.as_str()) {
            record.0.insert(p.translation.clone(), print.clone());
        }
    }
    let record = record.with_baselines(&pairs, &prints);
    let mut diags = Vec::new();
    if save(root, &record, &mut diags).is_none() {
        print(&diags, words);
        return ExitCode::from(1);
    }
    for p in chosen {
        let (file, source) = (p.translation.as_str(), p.source.as_str());
        let line = words.word(
            "translated-marked",
            &[("file", file), ("source", source)],
            || format!("up to date: {file} (with {source} as it is now)"),
        );
        println!("{line}");
    }
    ExitCode::SUCCESS
}

/// `FILE` as given (from this folder, or from the site folder) as a path from the site root
/// with `/`.
fn site_relative(root: &Path, file: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let candidates = [cwd.join(file), root.join(file)];
    let root_real = dunce::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    for c in candidates {
        if let Ok(real) = dunce::canonicalize(&c)
            && let Ok(rel) = real.strip_prefix(&root_real)
        {
            return crate::diagnostics::display_path(rel);
        }
    }
    crate::diagnostics::display_path(file)
}

/// The error for a file that is not a translation of a default-language page.
fn not_a_translation(rel: &str, pairs: &[Pair]) -> Diagnostic {
    let of_it: Vec<&str> = pairs
        .iter()
        .filter(|p| p.source == rel)
        .map(|p| p.translation.as_str())
        .collect();
    let hint = if of_it.is_empty() {
        "name a translated page, e.g. `campaign translated content/about.en.md`, or use --all"
            .to_string()
    } else {
        format!(
            "this is the page the translations are made from; name a translation: {}",
            of_it.join(", ")
        )
    };
    Diagnostic::error(
        "not-a-translation",
        format!("{rel} is not a translation of a page in the site's first language"),
    )
    .with_hint(hint)
    .tr(
        "not-a-translation",
        &[
            ("file", rel),
            ("translations", &of_it.join(", ")),
            ("kind", if of_it.is_empty() { "none" } else { "source" }),
        ],
    )
}

fn print(diags: &[Diagnostic], words: &Messages) {
    for d in diags {
        eprint!("{}", d.render_text_in(words));
    }
}
