//! `campaign init`: a starter site that builds at once, in Georgian and English.

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
pub fn init(dir: &Path) -> Result<Vec<String>, String> {
    if dir.exists() {
        let has_files = std::fs::read_dir(dir)
            .map_err(|e| {
                format!(
                    "cannot read {}: {}",
                    dir.display(),
                    crate::load::plain_io(&e)
                )
            })?
            .next()
            .is_some();
        if has_files {
            return Err(format!(
                "{} already has files in it; `campaign init` only writes into an empty or new folder",
                dir.display()
            ));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                format!(
                    "cannot create {}: {}",
                    parent.display(),
                    crate::load::plain_io(&e)
                )
            })?;
        }
        std::fs::write(&path, text).map_err(|e| {
            format!(
                "cannot write {}: {}",
                path.display(),
                crate::load::plain_io(&e)
            )
        })?;
        written.push(rel.to_string());
    }
    Ok(written)
}
