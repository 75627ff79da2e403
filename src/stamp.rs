//! No-change rebuilds: a fingerprint of everything a build reads, remembered beside the
//! output, so building an unchanged site again only reads and compares.

use crate::diagnostics::Diagnostic;
use crate::load::Sources;
use crate::write::{FileRow, mtime};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

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
    let names = crate::outdir::written_names(dir)?;
    // Top-level entries in parallel: the walk is one `stat` per file.
    let parts: Option<Vec<Vec<FileRow>>> =
        names.par_iter().map(|name| walk_files(dir, name)).collect();
    written_digest(dir, parts?.into_iter().flatten().collect())
}

/// [`output_digest`] of `dir` holding the files `rows` and its marker: after a build, the
/// files as its sink saw them once written (`write::Sink::written`), so that the folder need
/// not be walked (at N = 10,000, about 125,000 system calls fewer). `None` without a marker.
pub fn written_digest(dir: &Path, mut rows: Vec<FileRow>) -> Option<u64> {
    let marker = crate::outdir::MARKER;
    let m = std::fs::symlink_metadata(dir.join(marker)).ok()?;
    if !m.is_file() {
        return None;
    }
    rows.push(FileRow {
        path: marker.to_string(),
        size: m.len(),
        mtime: mtime(&m),
    });
    rows.sort_unstable();
    let mut h = DefaultHasher::new();
    rows.hash(&mut h);
    Some(h.finish())
}

/// Every file under `dir/name`.
fn walk_files(dir: &Path, name: &str) -> Option<Vec<FileRow>> {
    let mut rows = Vec::new();
    for e in walkdir::WalkDir::new(dir.join(name)).follow_links(false) {
        let e = e.ok()?;
        let m = e.metadata().ok()?;
        if m.is_file() {
            let rel = e.path().strip_prefix(dir).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            rows.push(FileRow {
                path: parts.join("/"),
                size: m.len(),
                mtime: mtime(&m),
            });
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::outdir::OutputDir;
    use crate::write::{Sink, Staging};

    /// A build's digest from what its sink wrote is the digest a walk of the folder gives
    /// (what the next build compares it with), swapped in whole or entry by entry, with a
    /// file written twice and the user's own files beside.
    #[test]
    fn the_digest_of_what_was_written_is_the_digest_of_the_folder() {
        for in_place in [false, true] {
            let base = std::env::temp_dir()
                .join(format!("campaign-stamp-{}-{in_place}", std::process::id()));
            let _ = std::fs::remove_dir_all(&base);
            let real = base.join("public");
            std::fs::create_dir_all(&real).unwrap();
            std::fs::write(real.join("CNAME"), "x.ge").unwrap();
            let out = OutputDir {
                real: real.clone(),
                in_place,
                keep: Vec::new(),
            };
            let staging = Staging::begin(&out).unwrap();
            let sink = Sink::disk(staging.dir().to_path_buf());
            sink.put("index.html".into(), b"home".to_vec());
            sink.put("en/news/one/index.html".into(), b"one".to_vec());
            sink.put("en/news/one/index.html".into(), b"one, again".to_vec());
            sink.put("search/data/ka/t/0.json".into(), b"{}".to_vec());
            let written = sink.written().unwrap();
            assert_eq!(written.len(), 3);
            staging.commit().unwrap();
            let walked = output_digest(&real);
            assert!(walked.is_some());
            assert_eq!(written_digest(&real, written.clone()), walked, "{in_place}");
            // A file changed afterwards is seen.
            std::fs::write(real.join("index.html"), "defaced").unwrap();
            assert_ne!(written_digest(&real, written), output_digest(&real));
            std::fs::remove_dir_all(&base).unwrap();
        }
    }
}
