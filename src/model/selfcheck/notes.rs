//! The messages about one self-check file, with its file name and text for their place.

use crate::diagnostics::{Diagnostic, Translatable};
use crate::load::TextFile;

/// Collects the messages about the self-check's file.
pub(super) struct Notes<'a> {
    /// The file.
    pub(super) tf: &'a TextFile,
    /// The messages so far.
    pub(super) diags: Vec<Diagnostic>,
}

impl<'a> Notes<'a> {
    /// No messages yet about `tf`.
    pub(super) fn new(tf: &'a TextFile) -> Self {
        Notes {
            tf,
            diags: Vec::new(),
        }
    }

    /// Add an error at 0-based line `line`: `message` and `hint` in English, `tr` its
    /// catalogue id and arguments.
    pub(super) fn error(
        &mut self,
        line: usize,
        message: String,
        hint: impl Into<String>,
        tr: Translatable,
    ) {
        let d = Diagnostic::error("self-check", message)
            .in_file(&self.tf.file)
            .at_line(line + 1)
            .with_source(&self.tf.text)
            .with_hint(hint)
            .with_tr(tr);
        self.diags.push(d);
    }

    /// Add a warning at 0-based line `line` (as [`Notes::error`]).
    pub(super) fn warning(
        &mut self,
        line: usize,
        message: String,
        hint: impl Into<String>,
        tr: Translatable,
    ) {
        let d = Diagnostic::warning("self-check", message)
            .in_file(&self.tf.file)
            .at_line(line + 1)
            .with_source(&self.tf.text)
            .with_hint(hint)
            .with_tr(tr);
        self.diags.push(d);
    }
}
