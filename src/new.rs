//! `campaign new`: a page in every configured language at once, its address romanised from the title.

use crate::config::Config;
use crate::date::Date;
use crate::slug::slugify;
use std::path::{Path, PathBuf};

/// Write `content/<section>/<slug>.<lang>.md` for every language. Returns the paths written.
pub fn new_page(
    root: &Path,
    config: &Config,
    section: &str,
    title: &str,
    today: Date,
) -> Result<Vec<PathBuf>, String> {
    let title = title.trim();
    if title.is_empty() {
        return Err("the title is empty; write it in quotes: campaign new news \"სათაური\"".into());
    }
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(format!(
            "no address can be made from the title `{title}`; use letters or digits in it"
        ));
    }
    let section = section.trim_matches('/');
    if section
        .split('/')
        .any(|p| p.is_empty() || p == ".." || p == ".")
    {
        return Err(format!(
            "`{section}` is not a section name; use a folder under content/, e.g. news"
        ));
    }
    let dir = root.join("content").join(section);
    let paths: Vec<PathBuf> = config
        .languages
        .iter()
        .map(|l| dir.join(format!("{slug}.{}.md", l.code)))
        .collect();
    if let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(format!(
            "{} already exists; nothing was written (choose another title)",
            existing.display()
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|e| {
        format!(
            "cannot create {}: {}",
            dir.display(),
            crate::load::plain_io(&e)
        )
    })?;
    let quoted = title.replace('\\', "\\\\").replace('"', "\\\"");
    for p in &paths {
        let text = format!(
            "---\ntitle: \"{quoted}\"\ndate: {}\ndraft: true\n---\n\n",
            today.iso()
        );
        std::fs::write(p, text).map_err(|e| {
            format!(
                "cannot write {}: {}",
                p.display(),
                crate::load::plain_io(&e)
            )
        })?;
    }
    Ok(paths)
}
