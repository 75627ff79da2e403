//! Output under `--lang ka`, checked: no line of campaign's own words in English.

/// English words that never belong in a Georgian line of campaign's (outside `code`).
const ENGLISH: &[&str] = &[
    "the", "is", "not", "and", "of", "to", "in", "this", "that", "has", "have", "with", "for",
    "are", "be", "does", "cannot", "could", "should", "was", "there", "which", "its", "it", "an",
    "or", "at", "on", "by", "from", "use", "write", "add", "page", "pages", "file", "files",
    "error", "errors", "warning", "warnings", "hint", "note", "built", "serving", "after", "open",
    "yet", "missing", "exist", "found", "folder", "image", "link", "site", "template",
];

/// Whether a line quotes the page (`  3 | text`, `    |   ^`) or names a place (`  --> f:3`).
fn quotes_source(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("-->")
        || t.starts_with('|')
        || t.split_once(" |")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
}

/// A line without its `code` spans, web addresses, and words made of names (`not-eligible`,
/// `--root`, `site.yaml`, `page_type`).
fn words_of(line: &str) -> String {
    let plain: String = line
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ");
    plain
        .split_whitespace()
        .filter(|w| !w.contains(['/', '.', '-', '_', '=']))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lines of `text` that say something in English.
pub fn english_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !quotes_source(l))
        .filter(|l| {
            words_of(l)
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| ENGLISH.contains(&w.to_ascii_lowercase().as_str()))
        })
        .map(str::to_string)
        .collect()
}

/// Fail when a line of `text` (campaign's output under `--lang ka`) is in English.
pub fn assert_georgian(text: &str) {
    let english = english_lines(text);
    assert!(
        english.is_empty(),
        "lines in English under --lang ka:\n{}\n--- whole output ---\n{text}",
        english.join("\n")
    );
}
