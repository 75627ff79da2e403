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
    /// The output folder's modification time after the build (nanoseconds since 1970).
    pub dest_mtime: u128,
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
    for t in src
        .pages
        .iter()
        .chain(&src.data)
        .chain(&src.templates)
        .chain(src.locales.iter().map(|(_, t)| t))
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

/// The output folder's modification time, if it exists.
pub fn dest_mtime(dest: &Path) -> Option<u128> {
    std::fs::metadata(dest)
        .ok()
        .filter(|m| m.is_dir())
        .map(|m| mtime(&m))
}

/// The stamp of the last build into `dest`, if it still describes the folder there.
pub fn read(root: &Path, dest: &Path, fingerprint: u64) -> Option<Stamp> {
    let text = std::fs::read_to_string(stamp_path(root, dest)).ok()?;
    let stamp: Stamp = serde_json::from_str(&text).ok()?;
    (stamp.fingerprint == fingerprint
        && stamp.dest == dest
        && Some(stamp.dest_mtime) == dest_mtime(dest))
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
