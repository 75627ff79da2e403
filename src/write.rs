//! Write: the finished site as files in memory, and an atomic swap onto disk.

use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The finished site: output path (relative, `/`) → bytes.
#[derive(Debug, Clone, Default)]
pub struct Output {
    files: HashMap<String, Arc<Vec<u8>>>,
}

impl Output {
    /// Add (or replace) a file.
    pub fn add(&mut self, path: String, bytes: Vec<u8>) {
        self.files.insert(path, Arc::new(bytes));
    }

    /// Add a file whose bytes are shared with the sources.
    pub fn add_shared(&mut self, path: String, bytes: Arc<Vec<u8>>) {
        self.files.entry(path).or_insert(bytes);
    }

    /// Whether a file exists.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// The bytes of a file.
    pub fn get(&self, path: &str) -> Option<&Arc<Vec<u8>>> {
        self.files.get(path)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// All paths, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.files.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// Iterate over (path, bytes).
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Arc<Vec<u8>>)> {
        self.files.iter()
    }
}

/// Write `out` to `dest` atomically: into a fresh folder beside it, then swap the folders.
/// A failure leaves the previous `dest` exactly as it was.
pub fn to_disk(out: &Output, dest: &Path) -> std::io::Result<()> {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let tmp = parent.join(format!(".{name}.new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)?;
    let result = write_all(out, &tmp);
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if dest.exists() {
        std::fs::rename(dest, &old)?;
        if let Err(e) = std::fs::rename(&tmp, dest) {
            let _ = std::fs::rename(&old, dest);
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
        let _ = std::fs::remove_dir_all(&old);
    } else {
        std::fs::rename(&tmp, dest)?;
    }
    Ok(())
}

fn write_all(out: &Output, root: &Path) -> std::io::Result<()> {
    // Create folders first (sequentially, few), then write files in parallel.
    let mut dirs: Vec<PathBuf> = out
        .files
        .keys()
        .filter_map(|p| Path::new(p).parent().map(|d| root.join(d)))
        .collect();
    dirs.sort_unstable();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d)?;
    }
    out.files
        .par_iter()
        .try_for_each(|(path, bytes)| std::fs::write(root.join(path), bytes.as_slice()))
}
