//! `build --zip FILE`: the built site as one ZIP file, to hand out by messenger, Bluetooth or
//! USB stick; written beside FILE and renamed into place, so a failed write leaves no half file.

use crate::diagnostics::Diagnostic;
use crate::write::Output;
use std::io::Write;
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Folders of the site whose files a build reads: a ZIP is never written into them.
const SOURCE_DIRS: [&str; 4] = ["content", "static", "themes", "locales"];

/// Files that are compressed already: stored as they are.
const STORED: [&str; 9] = [
    "jpg", "jpeg", "png", "webp", "gif", "mp4", "webm", "zip", "woff2",
];

/// Whether `file` may be written: not a folder, not inside the site's sources, and either
/// new or a ZIP file (campaign replaces nothing else). The error says why not.
pub fn check_target(root: &Path, file: &Path) -> Result<(), Diagnostic> {
    let shown = file.display().to_string();
    if file.is_dir() {
        return Err(Diagnostic::error("zip", format!("`{shown}` is a folder"))
            .with_hint("give the name of the ZIP file to write, e.g. --zip site.zip")
            .tr("zip-folder", &[("file", &shown)]));
    }
    let abs = absolute(file);
    let root = dunce::canonicalize(root).unwrap_or_else(|_| absolute(root));
    if let Some(dir) = SOURCE_DIRS.iter().find(|d| abs.starts_with(root.join(d))) {
        return Err(Diagnostic::error(
            "zip",
            format!("`{shown}` is inside the site's `{dir}/` folder, whose files the build reads"),
        )
        .with_hint("write the ZIP elsewhere, e.g. --zip site.zip next to site.yaml")
        .tr("zip-in-sources", &[("file", &shown), ("dir", dir)]));
    }
    if file.exists() && !is_zip(file) {
        return Err(Diagnostic::error(
            "zip",
            format!("`{shown}` exists and is not a ZIP file; campaign replaces only ZIP files"),
        )
        .with_hint("choose a new file name ending in .zip, or move that file away first")
        .tr("zip-not-zip", &[("file", &shown)]));
    }
    Ok(())
}

/// Write the site into `file`, every path under one folder named after the file (so that
/// unpacking it makes one folder); returns the size in bytes.
pub fn write(out: &Output, file: &Path) -> std::io::Result<u64> {
    let folder = folder_name(file);
    let tmp = temp_path(file);
    let result = write_to(out, &tmp, &folder).and_then(|size| {
        std::fs::rename(&tmp, file)?;
        Ok(size)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn write_to(out: &Output, tmp: &Path, folder: &str) -> std::io::Result<u64> {
    let mut zip = ZipWriter::new(std::fs::File::create(tmp)?);
    for path in out.paths() {
        let Some(bytes) = out.get(path) else {
            continue;
        };
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let method = match ext {
            Some(e) if STORED.contains(&e.as_str()) => CompressionMethod::Stored,
            _ => CompressionMethod::Deflated,
        };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .unix_permissions(0o644);
        zip.start_file(format!("{folder}/{path}"), opts)
            .map_err(std::io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    let file = zip.finish().map_err(std::io::Error::other)?;
    file.sync_all()?;
    Ok(file.metadata()?.len())
}

/// The folder inside the ZIP: the file's name without `.zip`, else `site`.
fn folder_name(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let clean: String = stem
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '\0'))
        .collect();
    if clean.trim_matches('.').is_empty() {
        "site".into()
    } else {
        clean
    }
}

fn temp_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site.zip".into());
    file.with_file_name(format!(".{name}.part-{}", std::process::id()))
}

fn is_zip(file: &Path) -> bool {
    let mut head = [0u8; 4];
    std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .map(|()| head == *b"PK\x03\x04" || head == *b"PK\x05\x06")
        .unwrap_or(false)
}

fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    // Resolve what exists (symlinks), keep the rest as written.
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => dunce::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(abs.clone()),
        _ => abs,
    }
}

#[cfg(test)]
mod tests {
    use super::folder_name;
    use std::path::Path;

    #[test]
    fn the_folder_is_named_after_the_file() {
        assert_eq!(
            folder_name(Path::new("out/campaign-site.zip")),
            "campaign-site"
        );
        assert_eq!(folder_name(Path::new("/")), "site");
    }
}
