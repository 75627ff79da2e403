//! Watch events → change set: pure normalisation of raw file-system events (editor saves, renames, git checkouts) into what a rebuild needs.
//!
//! The watcher (`notify`) reports what the kernel saw, not what the user did: a
//! single "save" in vim is a probe file, a rename to a backup, a create, a write
//! and a delete; an atomic save is a temporary file renamed over the target; a
//! `git checkout` is hundreds of events. This module turns one debounced batch
//! of such events into a [`ChangeSet`]: which site files now have new content,
//! which are gone, and whether the caller should give up on details and rebuild
//! everything.
//!
//! It does no I/O and does not depend on `notify`: the server maps each
//! `notify::Event` to a [`RawEvent`] and passes an `exists` probe, so the rules
//! are unit-tested here with recorded Linux (inotify) sequences.
//!
//! The rules, in order:
//! 1. `Access` and `ModifyMetadata` (chmod, mtime) events are dropped; a
//!    `Rescan` event sets [`ChangeSet::rescan`].
//! 2. Paths outside the root, inside tool directories or named like editor
//!    temporary files are dropped ([`is_ignored`]).
//! 3. Every remaining path lands in exactly one set, decided by the disk as it
//!    is now: `exists(path)` → `modified`, otherwise → `removed`. The event
//!    history only says *that* a path was touched. This is what makes
//!    renames (`from` is gone, `to` exists), vim's rename-and-recreate and
//!    delete-and-recreate come out right without tracking event order.
//! 4. A create, remove or rename of a path without a file extension may be a
//!    directory, whose contents inotify does not enumerate (files written right
//!    after `mkdir` are often missed), so it sets `rescan`. A file without an
//!    extension (`static/CNAME`) therefore costs a full rebuild; that is cheap
//!    and safe.
//! 5. More than [`MAX_PATHS`] distinct paths set `rescan` (a branch switch is one
//!    full rebuild, not hundreds of small ones).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// More distinct (non-ignored) paths than this in one batch make the batch a
/// full rescan, like Hugo's server does.
pub const MAX_PATHS: usize = 50;

/// The site configuration file, relative to the root.
const CONFIG_FILE: &str = "site.yaml";

/// Directories (by name, at any depth) whose contents never affect the site.
const TOOL_DIRS: &[&str] = &[".git", "node_modules", ".cache"];

/// Directories ignored only directly under the root (build outputs); elsewhere
/// these names are ordinary content, such as a `content/public/` section.
const ROOT_OUTPUT_DIRS: &[&str] = &["target", "public"];

/// File-name suffixes of temporary and backup files (compared ignoring ASCII
/// case): generic, Chrome's File System Access swap, VS Code's atomic-write
/// temporary, Kate's swap file.
const TEMP_SUFFIXES: &[&str] = &[".tmp", ".bak", ".orig", ".crswap", ".vsctmp", ".kate-swp"];

/// What kind of raw event the watcher reported (mirrors notify's `EventKind`
/// coarsely).
///
/// Suggested mapping from notify 8: `Create(_)` → `Create`;
/// `Modify(Data(_) | Any | Other)` → `Modify`; `Modify(Metadata(_))` →
/// `ModifyMetadata`; `Modify(Name(From | To | Both))` → `RenameFrom` /
/// `RenameTo` / `RenameBoth`; `Modify(Name(Any | Other))` → `RenameBoth` when
/// the event has two paths, else `RenameTo`; `Remove(_)` → `Remove`;
/// `Access(_)` → `Access`; an event whose `need_rescan()` is true → `Rescan`;
/// anything else → `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RawKind {
    /// A file or directory was created.
    Create,
    /// File content changed (or an unspecified modification).
    Modify,
    /// Only metadata changed (chmod, chown, mtime): ignored.
    ModifyMetadata,
    /// The file was opened, read or closed: ignored.
    Access,
    /// The path was renamed away (the other half may be outside the watch).
    RenameFrom,
    /// Something was renamed to the path.
    RenameTo,
    /// A rename with both halves known: `paths[0]` is the source, `paths[1]`
    /// the destination.
    RenameBoth,
    /// A file or directory was removed.
    Remove,
    /// The event queue overflowed or the watcher lost track: rescan
    /// everything.
    Rescan,
    /// Any other event; its paths are treated as touched, like `Modify`.
    Other,
}

/// One raw event from the watcher: a kind and the paths it names, spelled the
/// same way as the `root` given to [`normalise`] (both absolute, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEvent {
    /// What happened.
    pub kind: RawKind,
    /// The paths involved (two for [`RawKind::RenameBoth`], usually one
    /// otherwise, none for [`RawKind::Rescan`]).
    pub paths: Vec<PathBuf>,
}

/// The normalised result of one batch of events.
///
/// Paths are kept as the watcher reported them (not made relative to the
/// root), so the caller can read and hash them directly.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    /// Files that exist now and were created or changed. The caller should
    /// still compare content hashes to drop no-op saves.
    pub modified: BTreeSet<PathBuf>,
    /// Paths that were touched and no longer exist (deleted or renamed away).
    pub removed: BTreeSet<PathBuf>,
    /// The caller must rescan and rebuild everything: the batch had more than
    /// [`MAX_PATHS`] paths, contained a [`RawKind::Rescan`], touched the root
    /// itself, or created, removed or renamed a path without an extension
    /// (possibly a directory). The sets are still filled but are then only
    /// informative; they may contain directories.
    pub rescan: bool,
    /// `site.yaml` at the root is in one of the sets.
    pub config_changed: bool,
    /// Only stylesheets changed: `modified` is non-empty, every modified path
    /// ends in `.css`, nothing was removed, and neither `rescan` nor
    /// `config_changed` is set. The browser can swap stylesheets without a
    /// reload.
    pub only_css: bool,
}

impl ChangeSet {
    /// True when nothing relevant happened (for example only editor swap files
    /// or chmod events): the caller should not rebuild.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.modified.is_empty() && self.removed.is_empty() && !self.rescan && !self.config_changed
    }
}

/// True for paths whose changes never affect the site: editor temporary, swap,
/// lock and backup files, and tool directories.
///
/// Pass the path relative to the site root (as [`normalise`] does). Every
/// component is checked, so anything inside an ignored directory is ignored:
/// `.git/`, `node_modules/` and `.cache/` at any depth, `target/` and
/// `public/` only as the first component (elsewhere they are ordinary content
/// names). Ignored names: `*~`, vim swap files `.*.swp`/`.*.swo`/… (`.*.sw[a-p]`)
/// and `.*.swx`, vim's write probe `4913`, emacs `.#*` and `#*#`, `*.tmp`,
/// `*.bak`, `*.orig`, `.DS_Store`, `JetBrains` `*___jb_tmp___` and
/// `*___jb_old___`, gedit `.goutputstream-*`, Chrome `*.crswap`, VS Code
/// `*.vsctmp`, Kate `*.kate-swp` and `LibreOffice` locks `.~lock.*#`.
#[must_use]
pub fn is_ignored(path: &Path) -> bool {
    let mut first = true;
    for component in path.components() {
        let Component::Normal(name) = component else {
            continue;
        };
        let name = name.to_string_lossy();
        if TOOL_DIRS.contains(&name.as_ref())
            || (first && ROOT_OUTPUT_DIRS.contains(&name.as_ref()))
            || is_temp_name(&name)
        {
            return true;
        }
        first = false;
    }
    false
}

/// True when a single file name is an editor temporary, swap, lock or backup
/// file.
fn is_temp_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.ends_with('~')
        || is_vim_swap(name)
        || name == "4913"
        || name == ".DS_Store"
        || name.starts_with(".#")
        || (name.len() >= 2 && name.starts_with('#') && name.ends_with('#'))
        || (name.starts_with(".~lock.") && name.ends_with('#'))
        || name.starts_with(".goutputstream-")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || TEMP_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
}

/// Vim swap files: hidden, ending in `.swp`, `.swo`, … down to `.swa`, or the
/// `.swx` permission probe.
fn is_vim_swap(name: &str) -> bool {
    if !name.starts_with('.') {
        return false;
    }
    let Some((_, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let mut chars = ext.chars();
    matches!(
        (chars.next(), chars.next(), chars.next(), chars.next()),
        (Some('s'), Some('w'), Some('a'..='p' | 'x'), None)
    )
}

/// Normalise one debounced batch of raw events into a [`ChangeSet`].
///
/// `root` is the site root, spelled like the event paths (no canonicalisation
/// happens here). `exists` tells whether a path (as reported) exists now; it is
/// called once per distinct relevant path and decides between `modified` and
/// `removed`. See the module documentation for the rules.
#[must_use]
pub fn normalise(events: &[RawEvent], root: &Path, exists: &dyn Fn(&Path) -> bool) -> ChangeSet {
    let mut changes = ChangeSet::default();
    // Relevant path → (path relative to root, touched by a create/remove/rename).
    let mut touched: BTreeMap<&Path, (&Path, bool)> = BTreeMap::new();

    for event in events {
        let structural = match event.kind {
            RawKind::Access | RawKind::ModifyMetadata => continue,
            RawKind::Rescan => {
                changes.rescan = true;
                continue;
            }
            RawKind::Modify | RawKind::Other => false,
            RawKind::Create
            | RawKind::Remove
            | RawKind::RenameFrom
            | RawKind::RenameTo
            | RawKind::RenameBoth => true,
        };
        for path in &event.paths {
            let Some(relative) = relative_to_root(path, root) else {
                continue;
            };
            if relative.as_os_str().is_empty() {
                // The root itself was created, removed or renamed.
                changes.rescan = true;
                continue;
            }
            if is_ignored(relative) {
                continue;
            }
            let entry = touched.entry(path.as_path()).or_insert((relative, false));
            entry.1 |= structural;
        }
    }

    if touched.len() > MAX_PATHS {
        changes.rescan = true;
    }
    for (path, (relative, structural)) in touched {
        if structural && path.extension().is_none() {
            changes.rescan = true;
        }
        if relative == Path::new(CONFIG_FILE) {
            changes.config_changed = true;
        }
        if exists(path) {
            changes.modified.insert(path.to_path_buf());
        } else {
            changes.removed.insert(path.to_path_buf());
        }
    }

    changes.only_css = !changes.modified.is_empty()
        && changes.removed.is_empty()
        && !changes.rescan
        && !changes.config_changed
        && changes.modified.iter().all(|path| is_css(path));
    changes
}

/// The path relative to `root`, or `None` when it lies outside (including
/// `..` escapes, which are not resolved here).
fn relative_to_root<'a>(path: &'a Path, root: &Path) -> Option<&'a Path> {
    let relative = path.strip_prefix(root).ok()?;
    let escapes = relative.components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    });
    (!escapes).then_some(relative)
}

/// True for a stylesheet (`.css`, any ASCII case).
fn is_css(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("css"))
}

#[cfg(test)]
#[path = "changes_tests.rs"]
mod tests;
