//! Content hashes of the site's files, as last seen and built: a save that leaves a file's
//! bytes as they were (an editor's no-op save, a `touch`) builds nothing.
//!
//! `serve` hashes the whole site once before its first build, which at 100,000 pages means
//! reading some 4 GB: the files are read and hashed (XXH3) on every core.

use super::changes;
use super::watch::FOLDERS;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;
use xxhash_rust::xxh3::xxh3_64;

/// Content hash of each site file, as last seen (and built).
pub type Hashes = HashMap<PathBuf, u64>;

/// A build may write the translation record itself (new translations): that is no change
/// to build again for.
pub fn rehash_record(root: &Path, hashes: &mut Hashes) {
    let record = root.join(crate::model::outdated::FILE);
    if let Some(h) = hash_file(&record) {
        hashes.insert(record, h);
    }
}

/// Hash every site file: `site.yaml` and the files in the watched folders.
pub fn hash_all(root: &Path) -> Hashes {
    site_files(root)
        .into_par_iter()
        .filter_map(|path| hash_file(&path).map(|h| (path, h)))
        .collect()
}

/// `site.yaml`, the translation record and every file in the watched folders (not those an
/// editor or a tool leaves beside them, [`changes::is_ignored`]).
fn site_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["site.yaml", crate::model::outdated::FILE]
        .iter()
        .map(|f| root.join(f))
        .collect();
    for folder in FOLDERS {
        // Links are not followed into folders: one pointing at `/` must not make this walk
        // the whole disk. A link to a file is hashed through the link.
        let walker = WalkDir::new(root.join(folder)).into_iter();
        for entry in walker
            .filter_entry(|e| !changes::is_ignored(e.path().strip_prefix(root).unwrap_or(e.path())))
        {
            let Ok(entry) = entry else { continue };
            if entry.file_type().is_file() || (entry.path_is_symlink() && entry.path().is_file()) {
                files.push(entry.into_path());
            }
        }
    }
    files
}

/// The hash of a file's bytes, `None` when it cannot be read.
pub fn hash_file(path: &Path) -> Option<u64> {
    std::fs::read(path).ok().map(|bytes| xxh3_64(&bytes))
}
