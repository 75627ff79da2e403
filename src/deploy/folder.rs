//! A local or mounted folder as a destination: the same safety rules as `build --output`
//! (never the site's sources, never a folder of someone else's files), each file written
//! beside its place and renamed in, so a reader never sees half a file.

use super::target::Target;
use crate::diagnostics::Diagnostic;
use crate::outdir;
use std::path::{Path, PathBuf};

/// A folder receiving the site.
pub struct Folder {
    dir: PathBuf,
}

impl Folder {
    /// Check `dest` for the site at `root` whose build is in `build_dir`.
    pub fn open(root: &Path, build_dir: &Path, dest: &Path) -> Result<Folder, Diagnostic> {
        let ours_before = dest.join(super::manifest::NAME).is_file();
        let out = outdir::check(root, dest, &[], ours_before)?;
        let build = outdir::resolve(build_dir);
        if out.real.starts_with(&build) || build.starts_with(&out.real) {
            let (d, b) = (dest.display().to_string(), build_dir.display().to_string());
            return Err(Diagnostic::error(
                "deploy-into-build",
                format!("cannot publish into {d}: the site is built in {b}, and the two would mix"),
            )
            .with_hint("publish to another folder, or build elsewhere with --output DIR")
            .tr("deploy-into-build", &[("dest", &d), ("build", &b)]));
        }
        Ok(Folder { dir: out.real })
    }

    fn failed(&self, what: &Path, e: &std::io::Error) -> Diagnostic {
        let (w, why) = (what.display().to_string(), crate::load::plain_io(e));
        let (io, code) = crate::load::io_reason(e);
        Diagnostic::error("deploy-folder", format!("cannot write {w}: {why}"))
            .with_hint("check that the folder (or the drive) is there, has room and that you may write to it")
            .tr("deploy-folder", &[("file", &w), ("io", io), ("code", &code)])
    }
}

impl Target for Folder {
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        let file = self.dir.join(path);
        match std::fs::read(&file) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.failed(&file, &e)),
        }
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let file = self.dir.join(path);
        let parent = file.parent().unwrap_or(&self.dir).to_path_buf();
        std::fs::create_dir_all(&parent).map_err(|e| self.failed(&parent, &e))?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
        let tmp = parent.join(format!(".{}.campaign-tmp", name.unwrap_or_default()));
        std::fs::write(&tmp, bytes).map_err(|e| self.failed(&file, &e))?;
        std::fs::rename(&tmp, &file).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            self.failed(&file, &e)
        })
    }

    fn delete(&mut self, path: &str) -> Result<(), Diagnostic> {
        let file = self.dir.join(path);
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(self.failed(&file, &e)),
        }
        // Folders left empty go too (a folder holding anything stays).
        let mut dir = file.parent().map(Path::to_path_buf);
        while let Some(d) = dir.filter(|d| d.starts_with(&self.dir) && *d != self.dir) {
            if std::fs::remove_dir(&d).is_err() {
                break;
            }
            dir = d.parent().map(Path::to_path_buf);
        }
        Ok(())
    }
}
