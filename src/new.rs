//! `campaign new`: a page in every configured language at once, its address romanised from the title.

use crate::config::Config;
use crate::date::Date;
use crate::diagnostics::Diagnostic;
use crate::init::{cannot_create, cannot_write};
use crate::slug::slugify;
use std::path::{Path, PathBuf};

/// Write `content/<section>/<slug>.<lang>.md` for every language. Returns the paths written.
pub fn new_page(
    root: &Path,
    config: &Config,
    section: &str,
    title: &str,
    today: Date,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Diagnostic::error(
            "new",
            "the title is empty; write it in quotes: campaign new news \"სათაური\"",
        )
        .tr("new-empty-title", &[]));
    }
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Diagnostic::error(
            "new",
            format!("no address can be made from the title `{title}`; use letters or digits in it"),
        )
        .tr("new-no-address", &[("title", title)]));
    }
    let section = section.trim_matches('/');
    if section
        .split('/')
        .any(|p| p.is_empty() || p == ".." || p == ".")
    {
        return Err(Diagnostic::error(
            "new",
            format!("`{section}` is not a section name; use a folder under content/, e.g. news"),
        )
        .tr("new-section", &[("section", section)]));
    }
    let dir = root.join("content").join(section);
    let paths: Vec<PathBuf> = config
        .languages
        .iter()
        .map(|l| dir.join(format!("{slug}.{}.md", l.code)))
        .collect();
    if let Some(existing) = paths.iter().find(|p| p.exists()) {
        let file = existing.display().to_string();
        return Err(Diagnostic::error(
            "new",
            format!("{file} already exists; nothing was written (choose another title)"),
        )
        .tr("new-exists", &[("file", &file)]));
    }
    std::fs::create_dir_all(&dir).map_err(|e| cannot_create(&dir, &e))?;
    let quoted = title.replace('\\', "\\\\").replace('"', "\\\"");
    for p in &paths {
        let text = format!(
            "---\ntitle: \"{quoted}\"\ndate: {}\ndraft: true\n---\n\n",
            today.iso()
        );
        std::fs::write(p, text).map_err(|e| cannot_write(p, &e))?;
    }
    Ok(paths)
}
