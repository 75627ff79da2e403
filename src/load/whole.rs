//! Page bodies are not kept in memory: a page holds its front matter, and its whole text is
//! read again from disk when the page is rendered (memory grows with the front matter, not
//! with the text: issue 21). The file is checked against what was read first.

use super::{decode_utf8, plain_io, unreadable};
use crate::diagnostics::Diagnostic;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a page's whole text is, and what it was when the site was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Whole {
    /// The file on disk.
    pub path: PathBuf,
    /// XXH3 of the file's bytes as first read.
    pub digest: u64,
    /// The text's [`fingerprint`] for translations.
    pub fingerprint: String,
}

impl Whole {
    /// The whole text again, decoded as when it was first read; an error naming `file` when
    /// the file changed or went away since (an editor saved it during the build).
    pub fn read(&self, file: &str) -> Result<Arc<str>, Diagnostic> {
        let bytes = std::fs::read(&self.path).map_err(|e| unreadable(&e, plain_io(&e), file))?;
        if xxhash_rust::xxh3::xxh3_64(&bytes) != self.digest {
            return Err(changed(file));
        }
        decode_utf8(&bytes, file).map(Arc::from)
    }
}

/// The code of the message for a page that changed during the build.
pub const CHANGED: &str = "changed-during-build";

/// The message for a page that changed between reading the site and rendering the page.
fn changed(file: &str) -> Diagnostic {
    Diagnostic::error(CHANGED, "the file changed while the site was being built")
        .in_file(file)
        .with_hint("build again once the file is saved")
        .tr("changed-during-build", &[])
}

/// A page read from disk split for keeping: the front matter (up to and with its closing
/// fence) and where the rest is. `None` when the text has no well-formed front matter: such
/// a page keeps its whole text, and the model reports the mistake with it.
pub fn split_off(text: &str, bytes_digest: u64, path: PathBuf) -> Option<(Arc<str>, Whole)> {
    let split = super::frontmatter::split(text, "").ok()?;
    let head = &text[..text.len() - split.body.len()];
    Some((
        Arc::from(head),
        Whole {
            path,
            digest: bytes_digest,
            fingerprint: fingerprint(text),
        },
    ))
}

/// Front-matter keys that are not text to translate: changing them outdates nothing.
const NOT_TEXT: &[&str] = &[
    "draft",
    "weight",
    "date",
    "updated",
    "publish_date",
    "expiry_date",
    "aliases",
    "template",
    "page_template",
    "slug",
    "image",
    "paginate_by",
];

/// The fingerprint of a page's text: its front matter without the keys that are not text
/// (dates, weight, draft, ...) and its body without trailing blank space. XXH3, written as
/// 16 hexadecimal digits (stable across campaign versions and machines).
pub fn fingerprint(text: &str) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let (yaml, body) = match super::frontmatter::split(text, "") {
        Ok(s) => (s.yaml, s.body),
        Err(_) => ("", text),
    };
    let mut skipping = false;
    for line in yaml.lines() {
        let starts_key = !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty();
        if starts_key {
            let key = line.split(':').next().unwrap_or("").trim();
            skipping = NOT_TEXT.contains(&key);
        }
        if !skipping {
            h.update(line.trim_end().as_bytes());
            h.update(b"\n");
        }
    }
    h.update(&[0xFF]);
    h.update(body.trim().as_bytes());
    format!("{:016x}", h.digest())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_head_is_the_front_matter_and_splits_again_the_same() {
        let text = "---\ntitle: A\ndate: 2026-01-01\n---\n\n# Body\n\nText.\n";
        let (head, whole) = split_off(text, 7, "x.md".into()).unwrap();
        assert_eq!(&*head, "---\ntitle: A\ndate: 2026-01-01\n---\n");
        let again = super::super::frontmatter::split(&head, "").unwrap();
        let first = super::super::frontmatter::split(text, "").unwrap();
        assert_eq!(again.yaml, first.yaml);
        assert_eq!(again.body_line, first.body_line);
        assert_eq!(again.body, "");
        assert_eq!(whole.fingerprint, fingerprint(text));
        assert!(split_off("no front matter\n", 7, "x.md".into()).is_none());
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.md");
        let text = "---\ntitle: A\n---\nBody\n";
        std::fs::write(&path, text).unwrap();
        let digest = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let (_, whole) = split_off(text, digest, path.clone()).unwrap();
        assert_eq!(&*whole.read("content/p.md").unwrap(), text);
        std::fs::write(&path, "---\ntitle: A\n---\nOther\n").unwrap();
        let d = whole.read("content/p.md").unwrap_err();
        assert_eq!(d.code, "changed-during-build");
        assert_eq!(d.file.as_deref(), Some("content/p.md"));
    }
}
