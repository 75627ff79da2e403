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
mod tests {
    //! Recorded sequences as notify 8.2 reports them on Linux (inotify):
    //! `IN_OPEN`/`IN_CLOSE_*` → `Access`, `IN_MODIFY` → `Modify(Data)`,
    //! `IN_ATTRIB` → `Modify(Metadata)`, a rename → `Name(From)` then
    //! `Name(To)` then `Name(Both)` when the cookies pair up.

    use super::*;
    use std::collections::HashSet;

    const ROOT: &str = "/site";

    fn ev(kind: RawKind, paths: &[&str]) -> RawEvent {
        RawEvent {
            kind,
            paths: paths.iter().map(|p| Path::new(ROOT).join(p)).collect(),
        }
    }

    /// An in-place write: open, modify (truncate and write), close.
    fn write(events: &mut Vec<RawEvent>, path: &str) {
        events.push(ev(RawKind::Access, &[path]));
        events.push(ev(RawKind::Modify, &[path]));
        events.push(ev(RawKind::Modify, &[path]));
        events.push(ev(RawKind::Access, &[path]));
    }

    /// A rename inside the watch: From, To, Both.
    fn rename(events: &mut Vec<RawEvent>, from: &str, to: &str) {
        events.push(ev(RawKind::RenameFrom, &[from]));
        events.push(ev(RawKind::RenameTo, &[to]));
        events.push(ev(RawKind::RenameBoth, &[from, to]));
    }

    fn run(events: &[RawEvent], on_disk: &[&str]) -> ChangeSet {
        let on_disk: HashSet<PathBuf> = on_disk.iter().map(|p| Path::new(ROOT).join(p)).collect();
        normalise(events, Path::new(ROOT), &|p: &Path| on_disk.contains(p))
    }

    fn set(paths: &[&str]) -> BTreeSet<PathBuf> {
        paths.iter().map(|p| Path::new(ROOT).join(p)).collect()
    }

    fn only_modified(paths: &[&str]) -> ChangeSet {
        ChangeSet {
            modified: set(paths),
            ..ChangeSet::default()
        }
    }

    #[test]
    fn plain_in_place_write() {
        let mut events = Vec::new();
        write(&mut events, "content/ka/news.md");
        let changes = run(&events, &["content/ka/news.md"]);
        assert_eq!(changes, only_modified(&["content/ka/news.md"]));
        assert!(!changes.is_empty());
    }

    #[test]
    fn vim_default_save() {
        let swap = "content/.page.md.swp";
        let mut events = vec![
            ev(RawKind::Modify, &[swap]),
            // Probe whether the directory is writable.
            ev(RawKind::Create, &["content/4913"]),
            ev(RawKind::Access, &["content/4913"]),
            ev(RawKind::ModifyMetadata, &["content/4913"]),
            ev(RawKind::Access, &["content/4913"]),
            ev(RawKind::Remove, &["content/4913"]),
        ];
        // Keep the old file as a backup, write a new one, drop the backup.
        rename(&mut events, "content/page.md", "content/page.md~");
        events.push(ev(RawKind::Create, &["content/page.md"]));
        write(&mut events, "content/page.md");
        events.push(ev(RawKind::ModifyMetadata, &["content/page.md"]));
        events.push(ev(RawKind::Remove, &["content/page.md~"]));
        events.push(ev(RawKind::Modify, &[swap]));
        let changes = run(&events, &["content/page.md", swap]);
        assert_eq!(changes, only_modified(&["content/page.md"]));
    }

    #[test]
    fn vscode_atomic_save() {
        let tmp = "content/en/about.md.vsctmp";
        let mut events = vec![ev(RawKind::Create, &[tmp])];
        write(&mut events, tmp);
        rename(&mut events, tmp, "content/en/about.md");
        let changes = run(&events, &["content/en/about.md"]);
        assert_eq!(changes, only_modified(&["content/en/about.md"]));
    }

    #[test]
    fn jetbrains_safe_write() {
        let tmp = "content/x.md___jb_tmp___";
        let old = "content/x.md___jb_old___";
        let mut events = vec![ev(RawKind::Create, &[tmp])];
        write(&mut events, tmp);
        rename(&mut events, "content/x.md", old);
        rename(&mut events, tmp, "content/x.md");
        events.push(ev(RawKind::Remove, &[old]));
        let changes = run(&events, &["content/x.md"]);
        assert_eq!(changes, only_modified(&["content/x.md"]));
    }

    #[test]
    fn gedit_save() {
        let tmp = "content/.goutputstream-ABC123";
        let mut events = vec![ev(RawKind::Create, &[tmp])];
        write(&mut events, tmp);
        events.push(ev(RawKind::ModifyMetadata, &[tmp]));
        rename(&mut events, tmp, "content/x.md");
        let changes = run(&events, &["content/x.md"]);
        assert_eq!(changes, only_modified(&["content/x.md"]));
    }

    #[test]
    fn delete_and_recreate() {
        let mut events = vec![
            ev(RawKind::Remove, &["content/x.md"]),
            ev(RawKind::Create, &["content/x.md"]),
        ];
        write(&mut events, "content/x.md");
        let changes = run(&events, &["content/x.md"]);
        assert_eq!(changes, only_modified(&["content/x.md"]));
    }

    #[test]
    fn rename_a_page() {
        let mut events = Vec::new();
        rename(&mut events, "content/a.md", "content/b.md");
        let expected = ChangeSet {
            modified: set(&["content/b.md"]),
            removed: set(&["content/a.md"]),
            ..ChangeSet::default()
        };
        assert_eq!(run(&events, &["content/b.md"]), expected);
        // A lone `Both` (from a debouncer) gives the same answer.
        let both = [ev(RawKind::RenameBoth, &["content/a.md", "content/b.md"])];
        assert_eq!(run(&both, &["content/b.md"]), expected);
        // Halves whose partner is outside the watch.
        let away = [ev(RawKind::RenameFrom, &["content/a.md"])];
        assert_eq!(run(&away, &[]).removed, set(&["content/a.md"]));
        let back = [ev(RawKind::RenameTo, &["content/b.md"])];
        assert_eq!(
            run(&back, &["content/b.md"]),
            only_modified(&["content/b.md"])
        );
    }

    #[test]
    fn delete_a_page() {
        let events = [ev(RawKind::Remove, &["content/en/old.md"])];
        let changes = run(&events, &[]);
        let expected = ChangeSet {
            removed: set(&["content/en/old.md"]),
            ..ChangeSet::default()
        };
        assert_eq!(changes, expected);
        assert!(!changes.is_empty());
    }

    #[test]
    fn created_then_deleted_in_batch_is_removed() {
        let mut events = vec![ev(RawKind::Create, &["content/x.md"])];
        write(&mut events, "content/x.md");
        events.push(ev(RawKind::Remove, &["content/x.md"]));
        let changes = run(&events, &[]);
        assert!(changes.modified.is_empty());
        assert_eq!(changes.removed, set(&["content/x.md"]));
    }

    #[test]
    fn git_checkout_300_files_is_a_rescan() {
        let mut events = vec![ev(RawKind::Create, &[".git/index.lock"])];
        write(&mut events, ".git/index.lock");
        let mut on_disk = Vec::new();
        let names: Vec<String> = (0..300)
            .map(|i| format!("content/news/item-{i}.md"))
            .collect();
        for (i, name) in names.iter().enumerate() {
            events.push(ev(RawKind::Remove, &[name]));
            if i % 10 != 0 {
                events.push(ev(RawKind::Create, &[name]));
                write(&mut events, name);
                on_disk.push(name.as_str());
            }
        }
        rename(&mut events, ".git/index.lock", ".git/index");
        events.push(ev(RawKind::Modify, &[".git/HEAD"]));
        let changes = run(&events, &on_disk);
        assert!(changes.rescan);
        assert_eq!(changes.modified.len(), 270);
        assert_eq!(changes.removed.len(), 30);
        assert!(!changes.only_css);
        assert!(!changes.is_empty());
    }

    #[test]
    fn threshold_is_more_than_fifty_paths() {
        let names: Vec<String> = (0..=MAX_PATHS).map(|i| format!("static/{i}.css")).collect();
        let events: Vec<RawEvent> = names.iter().map(|n| ev(RawKind::Modify, &[n])).collect();
        let all: Vec<&str> = names.iter().map(String::as_str).collect();
        let fifty = run(&events[..MAX_PATHS], &all);
        assert!(!fifty.rescan);
        assert!(fifty.only_css);
        let fifty_one = run(&events, &all);
        assert!(fifty_one.rescan);
        assert!(!fifty_one.only_css);
        assert_eq!(fifty_one.modified.len(), MAX_PATHS + 1);
    }

    #[test]
    fn new_folder_with_a_file() {
        let mut events = vec![
            ev(RawKind::Create, &["content/campaigns"]),
            ev(RawKind::Create, &["content/campaigns/_index.md"]),
        ];
        write(&mut events, "content/campaigns/_index.md");
        let changes = run(
            &events,
            &["content/campaigns", "content/campaigns/_index.md"],
        );
        assert!(changes.rescan);
        assert!(
            changes
                .modified
                .contains(&Path::new(ROOT).join("content/campaigns/_index.md"))
        );
        // inotify often misses files written right after mkdir: still a rescan.
        let missed = [ev(RawKind::Create, &["content/campaigns"])];
        assert!(run(&missed, &["content/campaigns"]).rescan);
        // Removing or renaming a folder is a rescan too.
        let gone = [ev(RawKind::Remove, &["content/campaigns"])];
        assert!(run(&gone, &[]).rescan);
        let moved = [ev(RawKind::RenameBoth, &["content/a", "content/b"])];
        assert!(run(&moved, &["content/b"]).rescan);
    }

    #[test]
    fn editor_replacing_site_yaml() {
        let mut events = Vec::new();
        rename(&mut events, "site.yaml", "site.yaml~");
        events.push(ev(RawKind::Create, &["site.yaml"]));
        write(&mut events, "site.yaml");
        events.push(ev(RawKind::Remove, &["site.yaml~"]));
        let changes = run(&events, &["site.yaml"]);
        assert_eq!(
            changes,
            ChangeSet {
                modified: set(&["site.yaml"]),
                config_changed: true,
                ..ChangeSet::default()
            }
        );
        // Only the root one counts.
        let nested = [ev(RawKind::Modify, &["content/site.yaml"])];
        assert!(!run(&nested, &["content/site.yaml"]).config_changed);
        // Deleting it is a config change too.
        let deleted = [ev(RawKind::Remove, &["site.yaml"])];
        assert!(run(&deleted, &[]).config_changed);
    }

    #[test]
    fn chmod_only_is_empty() {
        let events = [
            ev(RawKind::ModifyMetadata, &["content/x.md"]),
            ev(RawKind::ModifyMetadata, &["static/site.css"]),
        ];
        let changes = run(&events, &["content/x.md", "static/site.css"]);
        assert_eq!(changes, ChangeSet::default());
        assert!(changes.is_empty());
    }

    #[test]
    fn css_only_save() {
        let mut events = Vec::new();
        write(&mut events, "static/css/site.css");
        let tmp = "themes/default/static/main.css.vsctmp";
        events.push(ev(RawKind::Create, &[tmp]));
        write(&mut events, tmp);
        rename(&mut events, tmp, "themes/default/static/main.CSS");
        let on_disk = ["static/css/site.css", "themes/default/static/main.CSS"];
        let changes = run(&events, &on_disk);
        assert!(changes.only_css);
        assert_eq!(changes.modified, set(&on_disk));
        // A page saved in the same batch needs a full reload.
        write(&mut events, "content/x.md");
        assert!(!run(&events, &["static/css/site.css", "content/x.md"]).only_css);
        // A removed stylesheet too.
        let removed = [ev(RawKind::Remove, &["static/old.css"])];
        assert!(!run(&removed, &[]).only_css);
    }

    #[test]
    fn swap_files_only_is_empty() {
        let mut events = vec![
            ev(RawKind::Create, &["content/.x.md.swp"]),
            ev(RawKind::Modify, &["content/.x.md.swp"]),
            ev(RawKind::Create, &["content/.x.md.swx"]),
            ev(RawKind::Remove, &["content/.x.md.swx"]),
            ev(RawKind::Modify, &["content/.y.md.swo"]),
            ev(RawKind::Create, &["content/.#x.md"]),
            ev(RawKind::Create, &["content/#x.md#"]),
            ev(RawKind::Create, &["content/.DS_Store"]),
            ev(RawKind::Create, &["static/doc.odt.crswap"]),
            ev(RawKind::Create, &["static/.~lock.report.docx#"]),
        ];
        write(&mut events, "content/#x.md#");
        let changes = run(&events, &["content/.x.md.swp", "content/#x.md#"]);
        assert_eq!(changes, ChangeSet::default());
        assert!(changes.is_empty());
    }

    #[test]
    fn overflow_rescan() {
        let events = [RawEvent {
            kind: RawKind::Rescan,
            paths: Vec::new(),
        }];
        let changes = run(&events, &[]);
        assert!(changes.rescan);
        assert!(!changes.is_empty());
        // Mixed with ordinary events the sets are still filled.
        let mixed = [
            ev(RawKind::Modify, &["static/site.css"]),
            RawEvent {
                kind: RawKind::Rescan,
                paths: Vec::new(),
            },
        ];
        let changes = run(&mixed, &["static/site.css"]);
        assert!(changes.rescan && !changes.only_css);
        assert_eq!(changes.modified, set(&["static/site.css"]));
    }

    #[test]
    fn paths_outside_the_root_are_ignored() {
        let outside = |p: &str| RawEvent {
            kind: RawKind::Modify,
            paths: vec![PathBuf::from(p)],
        };
        let events = [
            outside("/elsewhere/x.md"),
            outside("/site-old/content/x.md"),
            outside("/site/../etc/passwd"),
            outside("relative/x.md"),
            ev(RawKind::Modify, &["public/index.html"]),
            ev(RawKind::Create, &["target/debug/campaign"]),
            ev(RawKind::Modify, &["node_modules/axe-core/axe.js"]),
            ev(RawKind::Modify, &["themes/t/node_modules/x/index.js"]),
            ev(RawKind::Modify, &[".git/index"]),
            ev(RawKind::Create, &[".cache/images/ab12.webp"]),
        ];
        let changes = run(&events, &["public/index.html"]);
        assert!(changes.is_empty(), "{changes:?}");
        // `public` and `target` deeper down are ordinary content.
        let section = [ev(RawKind::Modify, &["content/public/x.md"])];
        assert_eq!(
            run(&section, &["content/public/x.md"]),
            only_modified(&["content/public/x.md"])
        );
        // An event on the root itself (removed, moved) forces a rescan.
        let root = [RawEvent {
            kind: RawKind::Remove,
            paths: vec![PathBuf::from(ROOT)],
        }];
        assert!(run(&root, &[]).rescan);
    }

    #[test]
    fn ignored_names() {
        for ignored in [
            "content/x.md~",
            "content/.x.md.swp",
            "content/.x.md.swo",
            "content/.x.md.swn",
            "content/.x.md.swx",
            ".swp",
            "content/4913",
            "content/.#x.md",
            "content/#x.md#",
            "x.tmp",
            "x.TMP",
            "x.md.bak",
            "x.md.orig",
            ".DS_Store",
            "content/x.md___jb_tmp___",
            "content/x.md___jb_old___",
            "content/.goutputstream-ABC123",
            "static/x.png.crswap",
            "content/x.md.vsctmp",
            "content/.x.md.kate-swp",
            "static/.~lock.x.docx#",
            ".git/HEAD",
            "themes/t/.git/HEAD",
            "target/debug/x",
            "public/index.html",
            "./public/index.html",
            "node_modules/x/y.js",
            ".cache/x",
            "content/old.bak/x.md",
        ] {
            assert!(
                is_ignored(Path::new(ignored)),
                "{ignored} should be ignored"
            );
        }
        for kept in [
            "site.yaml",
            "content/x.md",
            "content/public/x.md",
            "static/target/x.png",
            "content/.well-known/security.txt",
            "content/x.swp",
            "content/#hashtag.md",
            "content/49130.md",
            "static/CNAME",
            "static/site.css",
        ] {
            assert!(!is_ignored(Path::new(kept)), "{kept} should be kept");
        }
    }
}
