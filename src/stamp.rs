//! No-change rebuilds: a fingerprint of everything a build reads, remembered beside the
//! output, so building an unchanged site again only reads and compares.

use crate::diagnostics::Diagnostic;
use crate::load::Sources;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a successful build to disk leaves behind in `.cache/`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Stamp {
    /// The output folder.
    pub dest: PathBuf,
    /// Fingerprint of every input and option.
    pub fingerprint: u64,
    /// Digest of every file the build left in the output (path, size, modification time).
    pub output_digest: u64,
    /// Files written.
    pub files: usize,
    /// Pages per language.
    pub pages_per_lang: Vec<(String, usize)>,
    /// The warnings and notes of that build, shown again.
    pub diagnostics: Vec<Diagnostic>,
}

/// XXH3 of a name and its bytes (SIMD, many GB/s: hashing every source costs next to
/// nothing). UTF-8 never holds the byte 0xFF, so the two cannot run into each other.
fn hash_bytes(name: &str, bytes: &[u8]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(name.as_bytes());
    h.update(&[0xFF]);
    h.update(bytes);
    h.digest()
}

/// A fingerprint of all sources plus `options` (anything else that changes the output).
pub fn fingerprint(root: &Path, src: &Sources, options: &str) -> u64 {
    let mut parts: Vec<(&str, &[u8])> =
        Vec::with_capacity(src.pages.len() + src.statics.len() + 64);
    // A page of which only the front matter is held counts by its whole file's digest.
    let digests: Vec<(&str, [u8; 8])> = src
        .pages
        .iter()
        .filter_map(|t| Some((t.file.as_str(), t.whole.as_ref()?.digest.to_le_bytes())))
        .collect();
    parts.extend(digests.iter().map(|(f, d)| (*f, d.as_slice())));
    for t in src
        .pages
        .iter()
        .chain(&src.data)
        .chain(&src.templates)
        .chain(src.locales.iter().map(|(_, t)| t))
        .chain(&src.translations)
    {
        parts.push((&t.file, t.text.as_bytes()));
    }
    for s in src.statics.iter().chain(&src.assets) {
        parts.push((&s.out, s.bytes.as_slice()));
    }
    let hashes: Vec<u64> = parts.par_iter().map(|(n, b)| hash_bytes(n, b)).collect();
    let mut h = DefaultHasher::new();
    hashes.hash(&mut h);
    std::fs::read(root.join(crate::config::CONFIG_FILE))
        .unwrap_or_default()
        .hash(&mut h);
    options.hash(&mut h);
    env!("CARGO_PKG_VERSION").hash(&mut h);
    // A rebuilt `campaign` may render differently: its own file takes part.
    if let Some(m) = std::env::current_exe()
        .ok()
        .and_then(|e| std::fs::metadata(e).ok())
    {
        m.len().hash(&mut h);
        mtime(&m).hash(&mut h);
    }
    h.finish()
}

fn mtime(m: &std::fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

fn stamp_path(root: &Path, dest: &Path) -> PathBuf {
    root.join(".cache").join(format!(
        "build-{:016x}.json",
        hash_bytes("dest", dest.to_string_lossy().as_bytes())
    ))
}

/// Whether an earlier build into `dest` left its stamp (outputs of campaign before the
/// output marker existed).
pub fn was_built(root: &Path, dest: &Path) -> bool {
    stamp_path(root, dest).is_file()
}

/// A digest of every file under the names the last build wrote into `dir` (from its
/// marker): paths, sizes and modification times. `None` when `dir` is not campaign's.
pub fn output_digest(dir: &Path) -> Option<u64> {
    let mut names = crate::outdir::written_names(dir)?;
    names.push(crate::outdir::MARKER.to_string());
    // Top-level entries in parallel: the walk is one `stat` per file.
    let parts: Option<Vec<Vec<(String, u64, u128)>>> =
        names.par_iter().map(|name| walk_files(dir, name)).collect();
    let mut rows: Vec<(String, u64, u128)> = parts?.into_iter().flatten().collect();
    rows.sort_unstable();
    let mut h = DefaultHasher::new();
    rows.hash(&mut h);
    Some(h.finish())
}

/// (path, size, modification time) of every file under `dir/name`.
fn walk_files(dir: &Path, name: &str) -> Option<Vec<(String, u64, u128)>> {
    let mut rows = Vec::new();
    for e in walkdir::WalkDir::new(dir.join(name)).follow_links(false) {
        let e = e.ok()?;
        let m = e.metadata().ok()?;
        if m.is_file() {
            let rel = e.path().strip_prefix(dir).ok()?;
            rows.push((rel.to_string_lossy().into_owned(), m.len(), mtime(&m)));
        }
    }
    Some(rows)
}

/// The stamp of the last build into `dest` (`real` with symlinks resolved), if the folder
/// there still holds exactly what that build wrote.
pub fn read(root: &Path, dest: &Path, real: &Path, fingerprint: u64) -> Option<Stamp> {
    let text = std::fs::read_to_string(stamp_path(root, dest)).ok()?;
    let stamp: Stamp = serde_json::from_str(&text).ok()?;
    (stamp.fingerprint == fingerprint
        && stamp.dest == dest
        && Some(stamp.output_digest) == output_digest(real))
    .then_some(stamp)
}

/// Remember a successful build (errors here only cost the next build its shortcut).
pub fn write(root: &Path, stamp: &Stamp) {
    let path = stamp_path(root, &stamp.dest);
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    if let Ok(text) = serde_json::to_string(stamp) {
        let _ = std::fs::write(path, text);
    }
}
