//! `campaign init`: a starter site that builds at once, in Georgian and English.

use crate::diagnostics::Diagnostic;
use crate::load::{io_reason, plain_io};
use std::path::Path;

const FILES: &[(&str, &str)] = &[
    (
        "site.yaml",
        "# Site settings. See README, \"Configuration\".\ntitle:\n  ka: ჩემი საიტი\n  en: My site\ndescription:\n  ka: საინფორმაციო კამპანიის საიტი\n  en: An information campaign website\n# The address the site is published at (needed for sitemap, feeds and share previews).\nbase_url: \"\"\n# The first language is the default one (served at /).\nlanguages: [ka, en]\nmenu:\n  - /about/\n",
    ),
    (
        "content/_index.ka.md",
        "---\ntitle: მთავარი\ndescription: საინფორმაციო კამპანიის საიტი\n---\n\nმოგესალმებით! წაიკითხეთ [ჩვენ შესახებ](/about/).\n",
    ),
    (
        "content/_index.en.md",
        "---\ntitle: Home\ndescription: An information campaign website\n---\n\nWelcome! Read [about us](/about/).\n",
    ),
    (
        "content/about.ka.md",
        "---\ntitle: ჩვენ შესახებ\ndescription: ვინ ვართ\n---\n\n## ვინ ვართ\n\nაქ დაწერეთ, ვინ ხართ.\n",
    ),
    (
        "content/about.en.md",
        "---\ntitle: About\ndescription: Who we are\n---\n\n## Who we are\n\nWrite here who you are.\n",
    ),
];

/// Write a starter site into `dir`. Refuses to write into a folder that has files.
pub fn init(dir: &Path) -> Result<Vec<String>, Diagnostic> {
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
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot_create(parent, &e))?;
        }
        std::fs::write(&path, text).map_err(|e| cannot_write(&path, &e))?;
        written.push(rel.to_string());
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
