//! Write: where rendered files go — memory (for `serve` and `check`) or a fresh folder beside
//! the output that is swapped in only when the whole build succeeded.

use crate::outdir::{self, OutputDir};
use crate::swap;
use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use xxhash_rust::xxh3::xxh3_64;

mod memory;
mod pack;
mod spill;

use pack::{Kept, Packer};

pub use memory::Output;

/// Files written straight into a folder as they are rendered (no copy of the site in memory).
pub struct DiskSink {
    dir: PathBuf,
    dirs: Mutex<HashSet<PathBuf>>,
    /// Every file written, with the XXH3 hash of its bytes and what the disk said of it.
    paths: Mutex<HashMap<String, Written>>,
    count: AtomicUsize,
    error: Mutex<Option<WriteError>>,
}

/// A file the disk sink wrote.
#[derive(Debug, Clone, Copy)]
struct Written {
    /// XXH3 of its bytes.
    hash: u64,
    /// Its size and modification time, read from the open file once written.
    size: u64,
    mtime: u128,
}

/// A file in an output folder as the no-change stamp sees it (`stamp::output_digest`): its
/// path under the folder (with `/`), size and modification time (nanoseconds since 1970).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileRow {
    /// Path under the output folder, parts joined with `/`.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since 1970 (0 when the system has none).
    pub mtime: u128,
}

/// The modification time of a file's metadata as [`FileRow::mtime`] keeps it.
pub fn mtime(m: &std::fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// A file or folder that could not be written, and why.
#[derive(Debug, Clone)]
pub struct WriteError {
    /// Its path.
    pub path: String,
    /// Why, in plain English words.
    pub why: String,
    /// Why, as the catalogue knows it ([`crate::load::io_reason`]): kind and error number.
    pub io: (&'static str, String),
}

impl WriteError {
    /// The English message.
    pub fn message(&self) -> String {
        format!("cannot write {}: {}", self.path, self.why)
    }
}

/// Files kept as an [`Output`].
pub struct MemorySink {
    /// The files so far.
    out: Mutex<Output>,
    /// How text files are kept (a copy of the output's, used outside the lock).
    packer: Option<Packer>,
}

/// Where rendered files go.
pub enum Sink {
    /// Kept in memory (text files deflated, perhaps in a temporary file, for `serve`).
    Memory(MemorySink),
    /// Written into a folder.
    Disk(DiskSink),
}

impl Sink {
    /// A sink that keeps the site in memory.
    pub fn memory() -> Self {
        Sink::memory_like(&Output::default())
    }

    /// A sink that keeps the site with its text files deflated, in a temporary file when
    /// one can be made (`serve`).
    pub fn memory_packed() -> Self {
        Sink::memory_like(&Output::packed())
    }

    /// A sink that keeps files as `out` does (into its temporary file, if it has one).
    pub fn memory_like(out: &Output) -> Self {
        let out = out.empty_like();
        Sink::Memory(MemorySink {
            packer: out.packer().cloned(),
            out: Mutex::new(out),
        })
    }

    /// A sink writing into `dir` (which must exist and be empty).
    pub fn disk(dir: PathBuf) -> Self {
        Sink::Disk(DiskSink {
            dir,
            dirs: Mutex::default(),
            paths: Mutex::default(),
            count: AtomicUsize::new(0),
            error: Mutex::default(),
        })
    }

    /// Add a file.
    pub fn put(&self, path: String, bytes: Vec<u8>) {
        match self {
            Sink::Memory(MemorySink { out, packer }) => {
                // Deflated outside the lock, so that the render's threads do it at once.
                let kept = Kept::of(&path, bytes, packer.as_ref());
                if let Ok(mut o) = out.lock() {
                    o.put(path, kept);
                }
            }
            Sink::Disk(d) => d.write(path, &bytes),
        }
    }

    /// Add a file whose bytes are shared (static files); an existing file of that path wins.
    pub fn put_shared(&self, path: String, bytes: Arc<Vec<u8>>) {
        match self {
            Sink::Memory(MemorySink { out: o, .. }) => {
                if let Ok(mut o) = o.lock() {
                    o.add_shared(path, bytes);
                }
            }
            Sink::Disk(d) => {
                if !d.contains(&path) {
                    d.write(path, &bytes);
                }
            }
        }
    }

    /// Whether a file was already added.
    pub fn contains(&self, path: &str) -> bool {
        match self {
            Sink::Memory(MemorySink { out: o, .. }) => {
                o.lock().map(|o| o.contains(path)).unwrap_or(false)
            }
            Sink::Disk(d) => d.contains(path),
        }
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        match self {
            Sink::Memory(MemorySink { out: o, .. }) => o.lock().map(|o| o.len()).unwrap_or(0),
            Sink::Disk(d) => d.count.load(Ordering::Relaxed),
        }
    }

    /// Whether no file was added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every file added so far with the XXH3 hash of its bytes, sorted by path (a disk sink
    /// hashes each file as it writes it, so nothing is read back).
    pub fn files(&self) -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = match self {
            Sink::Memory(MemorySink { out: o, .. }) => o
                .lock()
                .map(|o| o.iter().map(|(p, b)| (p.clone(), xxh3_64(&b))).collect())
                .unwrap_or_default(),
            Sink::Disk(d) => d
                .paths
                .lock()
                .map(|p| p.iter().map(|(p, w)| (p.clone(), w.hash)).collect())
                .unwrap_or_default(),
        };
        v.sort_unstable();
        v
    }

    /// Every file a disk sink wrote, as the disk reported it just after (`None` for a memory
    /// sink): what a walk of the folder would find, without the walk's `stat` of every file.
    pub fn written(&self) -> Option<Vec<FileRow>> {
        match self {
            Sink::Memory(_) => None,
            Sink::Disk(d) => d.paths.lock().ok().map(|p| {
                p.iter()
                    .map(|(path, w)| FileRow {
                        path: path.clone(),
                        size: w.size,
                        mtime: w.mtime,
                    })
                    .collect()
            }),
        }
    }

    /// The first write error.
    pub fn error(&self) -> Option<WriteError> {
        match self {
            Sink::Memory(_) => None,
            Sink::Disk(d) => d.error.lock().ok().and_then(|e| e.clone()),
        }
    }

    /// The site in memory (memory sinks only).
    pub fn into_output(self) -> Option<Output> {
        match self {
            Sink::Memory(MemorySink { out: o, .. }) => o.into_inner().ok(),
            Sink::Disk(_) => None,
        }
    }
}

impl DiskSink {
    fn contains(&self, path: &str) -> bool {
        self.paths
            .lock()
            .map(|p| p.contains_key(path))
            .unwrap_or(false)
    }

    fn write(&self, path: String, bytes: &[u8]) {
        let target = self.dir.join(&path);
        if let Some(parent) = target.parent() {
            let known = self
                .dirs
                .lock()
                .map(|d| d.contains(parent))
                .unwrap_or(false);
            if !known {
                if let Err(e) = std::fs::create_dir_all(parent) {
                    self.fail(&parent.display().to_string(), &e);
                    return;
                }
                if let Ok(mut d) = self.dirs.lock() {
                    d.insert(parent.to_path_buf());
                }
            }
        }
        let hash = xxh3_64(bytes);
        // Size and time from the open file (no second look-up of the path).
        let written = std::fs::File::create(&target).and_then(|mut f| {
            f.write_all(bytes)?;
            f.metadata()
        });
        let meta = match written {
            Ok(m) => m,
            Err(e) => return self.fail(&target.display().to_string(), &e),
        };
        let w = Written {
            hash,
            size: meta.len(),
            mtime: mtime(&meta),
        };
        let fresh = self
            .paths
            .lock()
            .map(|mut p| p.insert(path, w).is_none())
            .unwrap_or(true);
        if fresh {
            self.count.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn fail(&self, what: &str, e: &std::io::Error) {
        if let Ok(mut err) = self.error.lock() {
            err.get_or_insert_with(|| WriteError {
                path: what.to_string(),
                why: crate::load::plain_io(e),
                io: crate::load::io_reason(e),
            });
        }
    }
}

/// A build's output folder in the making: a fresh folder beside the output (inside it when
/// the output is a mount point), swapped in only when the whole build succeeded.
pub struct Staging {
    out: OutputDir,
    tmp: PathBuf,
}

impl Staging {
    /// Create the fresh folder (marked as campaign's). The caller has removed what dead runs
    /// left ([`outdir::remove_stale`]).
    pub fn begin(out: &OutputDir) -> std::io::Result<Staging> {
        let tmp = if out.in_place {
            out.real
                .join(format!(".campaign-new-{}", std::process::id()))
        } else {
            outdir::staging_names(&out.real, std::process::id()).0
        };
        if let Some(parent) = tmp.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp)?;
        std::fs::write(tmp.join(outdir::MARKER), outdir::marker_text(&[]))?;
        Ok(Staging {
            out: out.clone(),
            tmp,
        })
    }

    /// The folder to write into.
    pub fn dir(&self) -> &Path {
        &self.tmp
    }

    /// Put the new site in place of the output; the user's entries of the previous output
    /// (dotfiles, `CNAME`, `output_keep:`) move into it, and the rest is removed.
    pub fn commit(self) -> std::io::Result<()> {
        let mut names: Vec<String> = std::fs::read_dir(&self.tmp)?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != outdir::MARKER)
            .collect();
        names.sort();
        std::fs::write(self.tmp.join(outdir::MARKER), outdir::marker_text(&names))?;
        if self.out.in_place {
            return self.commit_in_place(&names);
        }
        if let Some(parent) = self.out.real.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if let Err(e) = swap::put_in_place(&self.tmp, &self.out.real) {
            let _ = std::fs::remove_dir_all(&self.tmp);
            return Err(e);
        }
        // `tmp` now holds the previous output, if there was one.
        if self.tmp.exists() {
            outdir::give_back(&self.out, &self.tmp);
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
        Ok(())
    }

    /// A mount point cannot be renamed: exchange its entries one by one, then move the old
    /// output's entries that the new one lacks (and that are not the user's) out.
    fn commit_in_place(self, names: &[String]) -> std::io::Result<()> {
        let written_before = outdir::written_names(&self.out.real).unwrap_or_default();
        let mut all = names.to_vec();
        all.push(outdir::MARKER.to_string());
        for n in &all {
            swap::put_in_place(&self.tmp.join(n), &self.out.real.join(n))?;
        }
        let tmp_name = self.tmp.file_name().map(|n| n.to_os_string());
        for e in std::fs::read_dir(&self.out.real)?.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if Some(e.file_name()) == tmp_name
                || all.contains(&name)
                || self.out.is_kept(&name, &written_before)
            {
                continue;
            }
            std::fs::rename(e.path(), self.tmp.join(format!("gone-{name}")))?;
        }
        std::fs::remove_dir_all(&self.tmp)
    }

    /// Throw the new folder away; the output stays exactly as it was.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

/// Write an in-memory site to `dest` atomically (used by tools and tests).
pub fn to_disk(out: &Output, dest: &OutputDir) -> std::io::Result<()> {
    let staging = Staging::begin(dest)?;
    let sink = Sink::disk(staging.dir().to_path_buf());
    for (path, bytes) in out.iter() {
        sink.put(path.clone(), Arc::unwrap_or_clone(bytes));
    }
    if let Some(e) = sink.error() {
        staging.abort();
        return Err(std::io::Error::other(e.message()));
    }
    staging.commit()
}
