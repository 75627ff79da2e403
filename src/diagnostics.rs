//! Messages for editors: errors and warnings with file, line, column, plain words and a hint.
//!
//! Their words in the editor's language come from [`crate::messages`] (a leaf that knows
//! nothing of diagnostics): [`Diagnostic::localized`] and [`Diagnostic::render_text_in`].

use crate::messages::{Lang, Messages};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build cannot produce a correct site; nothing is written.
    Error,
    /// The site builds, but something should be fixed before publishing.
    Warning,
    /// Information only (never fails a build, not counted as a warning).
    Note,
}

impl Severity {
    /// The word printed before the message.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// The label in the language of `words` (`error`, `შეცდომა`).
    pub fn label_in(self, words: &Messages) -> String {
        let id = match self {
            Severity::Error => "label-error",
            Severity::Warning => "label-warning",
            Severity::Note => "label-note",
        };
        words.word(id, &[], || self.label().to_string())
    }
}

/// One message about the site, pointing at a place in a file where possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// A short stable identifier (e.g. `yaml`, `missing-title`), for JSON output and allow-lists.
    pub code: std::borrow::Cow<'static, str>,
    /// The file, relative to the site root, with `/` separators.
    pub file: Option<String>,
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// 1-based column (in characters) in the line.
    pub column: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The offending line of the file, when known (shown under the message).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_line: Option<String>,
    /// Where the message has translations: its id in the catalogues and the values for
    /// them (see [`crate::messages`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tr: Option<Translatable>,
}

/// The id of a message in campaign's catalogues and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Translatable {
    /// Message id (`broken-link`).
    pub id: String,
    /// Argument name → value.
    pub args: Vec<(String, String)>,
}

/// The id of a message in campaign's catalogues with its arguments, for a helper that makes
/// the message ([`Diagnostic::with_tr`]); such helpers always attach a hint.
pub fn tr(id: &str, args: &[(&str, &str)]) -> Translatable {
    Translatable {
        id: id.to_string(),
        args: args
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

/// A mistake found by a helper that does not know where it is: the English message and
/// hint, and its catalogue id with arguments ([`tr`]); the caller makes the [`Diagnostic`]
/// with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// What is wrong, in English.
    pub message: String,
    /// What to do, in English.
    pub hint: String,
    /// Its id and arguments in the catalogues.
    pub tr: Translatable,
}

impl Mistake {
    /// A mistake with its words and catalogue id.
    pub fn new(message: impl Into<String>, hint: impl Into<String>, tr: Translatable) -> Self {
        Mistake {
            message: message.into(),
            hint: hint.into(),
            tr,
        }
    }
}

impl Diagnostic {
    /// A new error with a message and no location.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning with a message and no location.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// A new note with a message and no location.
    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: code.into(),
            file: None,
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            source_line: None,
            tr: None,
        }
    }

    /// Mark the message (and its hint) as translated under `id`, with these arguments.
    pub fn tr(mut self, id: &str, args: &[(&str, &str)]) -> Self {
        self.tr = Some(tr(id, args));
        self
    }

    /// [`Diagnostic::tr`] with an id and arguments made earlier by [`tr`] (for helpers that
    /// make messages for their callers).
    pub fn with_tr(mut self, tr: Translatable) -> Self {
        self.tr = Some(tr);
        self
    }

    /// Attach the file (given relative to the site root).
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(display_path(file.as_ref()));
        self
    }

    /// Attach a 1-based line number.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Attach a 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Attach a hint telling the editor what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attach the text of the offending line, taken from the whole file text.
    pub fn with_source(mut self, text: &str) -> Self {
        if let Some(line) = self.line {
            self.source_line = text
                .lines()
                .nth(line.saturating_sub(1))
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    /// `file:line:col` as far as known.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.clone(),
        })
    }

    /// The message in the language of `words`: its text and hint replaced when it is
    /// marked translatable and the catalogue has it; unchanged otherwise.
    pub fn localized(&self, words: &Messages) -> Diagnostic {
        let mut out = self.clone();
        let Some(tr) = &self.tr else { return out };
        let args: Vec<(&str, &str)> = tr
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(text) = words.text(&tr.id, None, &args) {
            out.message = text;
            if self.hint.is_some()
                && let Some(hint) = words.text(&tr.id, Some("hint"), &args)
            {
                out.hint = Some(hint);
            }
        }
        out
    }

    /// The plain-text form shown in a terminal.
    pub fn render_text(&self) -> String {
        self.render_text_in(&Messages::new(Lang::En))
    }

    /// [`Diagnostic::render_text`] in the language of `words`.
    pub fn render_text_in(&self, words: &Messages) -> String {
        let d = self.localized(words);
        let mut out = format!("{}: {}\n", d.severity.label_in(words), d.message);
        if let Some(loc) = self.location() {
            let _ = writeln!(out, "  --> {loc}");
        }
        if let (Some(line), Some(src)) = (self.line, &self.source_line) {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            let _ = writeln!(out, "  {pad} |");
            let _ = writeln!(out, "  {num} | {src}");
            if let Some(col) = self.column {
                let width: usize = src.chars().take(col.saturating_sub(1)).count();
                let _ = writeln!(out, "  {pad} | {}^", " ".repeat(width));
            }
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "  = {}: {hint}", words.hint_label());
        }
        out
    }
}

/// A path with forward slashes, for messages that read the same on every system.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Relative path of `path` under `root`, or the path itself when it is outside.
pub fn relative_to(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The number of errors and warnings in a list.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    (errors, warnings)
}

/// Whether any of `diags` is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// Sort diagnostics for display: by file, then line, errors before warnings.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.file.as_deref(), a.line, a.column, a.severity).cmp(&(
            b.file.as_deref(),
            b.line,
            b.column,
            b.severity,
        ))
    });
}

/// [`sort`], then drop exact repeats (one mistake, one message: a page published as a
/// stand-in in another language renders the same text again).
pub fn sort_unique(diags: &mut Vec<Diagnostic>) {
    sort(diags);
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    for d in diags.drain(..) {
        let same_place = |o: &&Diagnostic| {
            (o.file.as_deref(), o.line, o.column) == (d.file.as_deref(), d.line, d.column)
        };
        if !out.iter().rev().take_while(same_place).any(|o| *o == d) {
            out.push(d);
        }
    }
    *diags = out;
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Line starts of a text, found once, so that many offsets can be turned into line and
/// column without rescanning the text from its start each time (as [`line_col`] does).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Index the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset; the same as [`line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_source_and_caret_under_georgian_text() {
        let text = "---\ntitle: სათაური\ndate: 2025-13-01\n---\n";
        let d = Diagnostic::error("bad-date", "`date` is not a date")
            .in_file("content/a.ka.md")
            .at(3, 7)
            .with_source(text)
            .with_hint("write it as YYYY-MM-DD");
        assert_eq!(
            d.render_text(),
            "error: `date` is not a date\n  --> content/a.ka.md:3:7\n    |\n  3 | date: 2025-13-01\n    |       ^\n  = hint: write it as YYYY-MM-DD\n"
        );
    }

    #[test]
    fn translates_marked_messages_and_keeps_the_rest() {
        let ka = Messages::new(Lang::Ka);
        let d = Diagnostic::warning("http-link", "the link `http://a.ge/` is not secure (http)")
            .with_hint("use the https:// address if the site has one")
            .tr("http-link", &[("url", "http://a.ge/")]);
        let t = d.localized(&ka);
        assert_eq!(t.message, "ბმული `http://a.ge/` დაცული არ არის (http)");
        assert_eq!(
            t.hint.as_deref(),
            Some("თუ საიტს https:// მისამართი აქვს, ის გამოიყენეთ")
        );
        let kinds = [
            "bookmark",
            "quotes",
            "accents",
            "replacement",
            "nbsp",
            "tracked",
            "comment",
        ];
        let texts: std::collections::HashSet<String> = kinds
            .iter()
            .map(|k| {
                Diagnostic::warning("pasted-text", "x")
                    .tr("pasted-text", &[("kind", k)])
                    .localized(&ka)
                    .message
            })
            .collect();
        assert_eq!(texts.len(), kinds.len(), "one text per kind");
        // Not marked: unchanged. English: unchanged.
        let plain = Diagnostic::error("yaml", "bad YAML");
        assert_eq!(plain.localized(&ka), plain);
        assert_eq!(d.localized(&Messages::new(Lang::En)), d);
        // Marked, but an argument is missing: stays English rather than showing a gap.
        let missing = Diagnostic::warning("http-link", "english").tr("http-link", &[]);
        assert_eq!(missing.localized(&ka).message, "english");
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ა\nბგ x";
        assert_eq!(line_col(text, text.find('x').unwrap()), (2, 4));
    }

    #[test]
    fn line_index_agrees_with_line_col_everywhere() {
        let text = "ა\nბგ x\n\n\r\nlast ლ";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(offset),
                line_col(text, offset),
                "offset {offset}"
            );
        }
    }
}
