//! The site to publish: the files the last build wrote into its folder (the names its
//! `.campaign-output` marker lists; the folder's other entries are not the site's), each
//! with the XXH3 hash of its content.

use crate::diagnostics::Diagnostic;
use crate::outdir;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_64;

/// The build's files: relative path (`/`) → hash.
pub struct Local {
    /// The build folder.
    pub dir: PathBuf,
    /// Every file of the site with its hash.
    pub files: BTreeMap<String, u64>,
}

impl Local {
    /// Read the build folder `dir`.
    pub fn read(dir: &Path) -> Result<Local, Diagnostic> {
        let shown = dir.display().to_string();
        let Some(names) = outdir::written_names(dir) else {
            return Err(Diagnostic::error(
                "deploy-not-built",
                format!("{shown} holds no site built by campaign"),
            )
            .with_hint("run `campaign deploy` without --no-build, or pass the build's folder with --output")
            .tr("deploy-not-built", &[("folder", &shown)]));
        };
        let mut files = BTreeMap::new();
        for name in names {
            for e in walkdir::WalkDir::new(dir.join(&name)).sort_by_file_name() {
                let e = e.map_err(|e| unreadable(&shown, &std::io::Error::from(e)))?;
                if !e.file_type().is_file() {
                    continue;
                }
                let rel = rel_path(dir, e.path());
                let bytes = std::fs::read(e.path()).map_err(|err| unreadable(&rel, &err))?;
                files.insert(rel, xxh3_64(&bytes));
            }
        }
        Ok(Local {
            dir: dir.to_path_buf(),
            files,
        })
    }

    /// The content of one file of the site.
    pub fn bytes(&self, rel: &str) -> Result<Vec<u8>, Diagnostic> {
        std::fs::read(self.dir.join(rel)).map_err(|err| unreadable(rel, &err))
    }
}

/// `a/b/c.html` for `dir/a/b/c.html`.
fn rel_path(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn unreadable(what: &str, e: &std::io::Error) -> Diagnostic {
    let (why, (io, code)) = (crate::load::plain_io(e), crate::load::io_reason(e));
    Diagnostic::error(
        "deploy-read",
        format!("cannot read {what} of the build: {why}"),
    )
    .with_hint("build the site again (`campaign build`), then deploy")
    .tr(
        "deploy-read",
        &[("file", what), ("io", io), ("code", &code)],
    )
}
