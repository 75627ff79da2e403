//! Watching the site's folders: `notify` events → short debounced batches → change sets
//! ([`changes::normalise`]) → content-hash check → one rebuild per batch.
//!
//! Folders are watched, never single files (an editor that replaces `site.yaml` would kill a
//! file watch): the root non-recursively (for `site.yaml` and for site folders that appear
//! later) and `content/`, `static/`, `templates/`, `themes/`, `locales/` recursively. After a
//! batch that may have moved folders around (a rescan), the folders are watched afresh and
//! the files are hashed again a moment later, which catches files written into a new folder
//! before its watch existed.

use super::changes::{self, ChangeSet, RawEvent, RawKind};
use super::console;
use super::hashes::{Hashes, hash_all, hash_file, rehash_record};
use super::state::State;
use crate::diagnostics::{Diagnostic, relative_to};
use crate::messages::{Lang, Messages};
use crate::pipeline::Build;
use notify::event::{ModifyKind, RenameMode};
use notify::{Config, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// The folders of a site that are watched (recursively), relative to the root.
pub const FOLDERS: [&str; 5] = ["content", "static", "templates", "themes", "locales"];
/// The batch ends after this long without a new event...
const QUIET: Duration = Duration::from_millis(30);
/// ...or this long after its first event, whichever comes first...
const MAX_WAIT: Duration = Duration::from_millis(300);
/// ...except for a flood of events (a `git checkout`), which gets this long to finish, so
/// that it makes one rebuild, not several.
const MAX_WAIT_FLOOD: Duration = Duration::from_secs(3);
/// How many raw events make a flood.
const FLOOD: usize = 2 * changes::MAX_PATHS;
/// After a rescan, look once more this much later (files written into brand-new folders).
const SETTLE: Duration = Duration::from_millis(250);
/// The poll interval when system notifications are not available.
const FALLBACK_POLL: Duration = Duration::from_millis(500);

/// A running watch: the watcher and the events it has queued.
pub struct Watching {
    root: PathBuf,
    watcher: Box<dyn Watcher + Send>,
    polling: bool,
    rx: mpsc::UnboundedReceiver<RawEvent>,
    words: Messages,
}

/// Start watching the site at `root` (canonical). Events queue up until [`Watching::run`].
/// `poll` asks for polling every so many milliseconds instead of system notifications;
/// `lang` is the language of the watch's messages.
pub fn start(root: &Path, poll: Option<u64>, lang: Lang) -> Result<Watching, Diagnostic> {
    let (tx, rx) = mpsc::unbounded_channel();
    let poll = poll.map(|ms| Duration::from_millis(ms.max(10)));
    let mut watching = Watching {
        root: root.to_path_buf(),
        watcher: make_watcher(poll, tx.clone(), lang)?,
        polling: poll.is_some(),
        rx,
        words: Messages::new(lang),
    };
    if let Err(e) = watching.watch_all() {
        if poll.is_some() || !is_limit(&e) {
            return Err(console::cannot_watch(&e, "folders"));
        }
        let warning = console::polling_instead(FALLBACK_POLL);
        eprint!("{}", warning.render_text_in(&watching.words));
        watching.watcher = make_watcher(Some(FALLBACK_POLL), tx, lang)?;
        watching.polling = true;
        watching
            .watch_all()
            .map_err(|e| console::cannot_watch(&e, "folders"))?;
    }
    Ok(watching)
}

fn is_limit(e: &notify::Error) -> bool {
    match &e.kind {
        notify::ErrorKind::MaxFilesWatch => true,
        // ENOSPC from inotify.
        notify::ErrorKind::Io(io) => cfg!(target_os = "linux") && io.raw_os_error() == Some(28),
        _ => false,
    }
}

fn make_watcher(
    poll: Option<Duration>,
    tx: mpsc::UnboundedSender<RawEvent>,
    lang: Lang,
) -> Result<Box<dyn Watcher + Send>, Diagnostic> {
    let polling = poll.is_some();
    let mut warned = false;
    let words = Messages::new(lang);
    let handler = move |res: notify::Result<notify::Event>| {
        let event = match res {
            Ok(event) => convert(&event, polling),
            Err(e) => {
                if !warned {
                    warned = true;
                    let warning = console::watch_trouble(&e, is_limit(&e));
                    eprint!("{}", warning.render_text_in(&words));
                }
                RawEvent {
                    kind: RawKind::Rescan,
                    paths: Vec::new(),
                }
            }
        };
        // The receiver is gone only when the server is stopping.
        let _ = tx.send(event);
    };
    let watcher: Box<dyn Watcher + Send> = match poll {
        Some(every) => Box::new(
            // Modification times are compared in whole seconds, so compare contents too:
            // two saves within a second must both count.
            PollWatcher::new(
                handler,
                Config::default()
                    .with_poll_interval(every)
                    .with_compare_contents(true),
            )
            .map_err(|e| console::cannot_watch(&e, "files"))?,
        ),
        None => Box::new(
            RecommendedWatcher::new(handler, Config::default())
                .map_err(|e| console::cannot_watch(&e, "files"))?,
        ),
    };
    Ok(watcher)
}

/// Map a notify event to a [`RawEvent`] (see [`RawKind`] for the mapping). A poll watcher
/// reports changed files as a changed modification time, which counts as a modification.
fn convert(event: &notify::Event, polling: bool) -> RawEvent {
    let kind = if event.need_rescan() {
        RawKind::Rescan
    } else {
        match event.kind {
            EventKind::Create(_) => RawKind::Create,
            EventKind::Modify(ModifyKind::Metadata(_)) if polling => RawKind::Modify,
            EventKind::Modify(ModifyKind::Metadata(_)) => RawKind::ModifyMetadata,
            EventKind::Modify(ModifyKind::Name(RenameMode::From)) => RawKind::RenameFrom,
            EventKind::Modify(ModifyKind::Name(RenameMode::To)) => RawKind::RenameTo,
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => RawKind::RenameBoth,
            EventKind::Modify(ModifyKind::Name(_)) if event.paths.len() == 2 => RawKind::RenameBoth,
            EventKind::Modify(ModifyKind::Name(_)) => RawKind::RenameTo,
            EventKind::Modify(_) => RawKind::Modify,
            EventKind::Remove(_) => RawKind::Remove,
            EventKind::Access(_) => RawKind::Access,
            EventKind::Any | EventKind::Other => RawKind::Other,
        }
    };
    RawEvent {
        kind,
        paths: event.paths.clone(),
    }
}

/// Whether a path can matter to the site: the root itself, `site.yaml`, or anything in the
/// watched folders (the root watch also reports unrelated files beside them).
fn relevant(path: &Path, root: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components();
    match parts.next() {
        None => true,
        Some(first) => {
            let first = first.as_os_str();
            first == "site.yaml"
                || first == crate::model::outdated::FILE
                || FOLDERS.iter().any(|f| first == *f)
        }
    }
}

/// Drop the paths that cannot matter; a rename keeps its relevant half.
fn filter(events: Vec<RawEvent>, root: &Path) -> Vec<RawEvent> {
    events
        .into_iter()
        .filter_map(|mut e| {
            if e.kind == RawKind::Rescan {
                return Some(e);
            }
            if e.kind == RawKind::RenameBoth && e.paths.len() == 2 {
                match (relevant(&e.paths[0], root), relevant(&e.paths[1], root)) {
                    (true, true) => {}
                    (true, false) => e.kind = RawKind::RenameFrom,
                    (false, true) => e.kind = RawKind::RenameTo,
                    (false, false) => return None,
                }
            }
            e.paths.retain(|p| relevant(p, root));
            (!e.paths.is_empty()).then_some(e)
        })
        .collect()
}

impl Watching {
    /// Watch the root (not recursively) and each existing site folder (recursively).
    fn watch_all(&mut self) -> notify::Result<()> {
        self.watcher
            .watch(&self.root, RecursiveMode::NonRecursive)?;
        for folder in FOLDERS {
            let path = self.root.join(folder);
            if path.is_dir() {
                self.watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        Ok(())
    }

    /// Watch the site folders afresh: some may be new, deleted or replaced.
    fn rewatch(&mut self) {
        if self.polling {
            return; // A poll watcher follows new folders by itself.
        }
        for folder in FOLDERS {
            let path = self.root.join(folder);
            let _ = self.watcher.unwatch(&path);
            if path.is_dir()
                && let Err(e) = self.watcher.watch(&path, RecursiveMode::Recursive)
            {
                let warning = console::cannot_rewatch(folder, &e);
                eprint!("{}", warning.render_text_in(&self.words));
            }
        }
    }

    /// The next batch: events until a short quiet time, capped; `None` when the watcher is
    /// gone. With a `deadline` and no event before it, an empty batch.
    async fn next_batch(
        &mut self,
        deadline: Option<tokio::time::Instant>,
    ) -> Option<Vec<RawEvent>> {
        let first = match deadline {
            Some(at) => match tokio::time::timeout_at(at, self.rx.recv()).await {
                Ok(event) => event?,
                Err(_) => return Some(Vec::new()),
            },
            None => self.rx.recv().await?,
        };
        let start = Instant::now();
        let mut batch = vec![first];
        loop {
            let cap = if batch.len() > FLOOD {
                MAX_WAIT_FLOOD
            } else {
                MAX_WAIT
            };
            let left = cap.saturating_sub(start.elapsed());
            if left.is_zero() {
                break;
            }
            match tokio::time::timeout(QUIET.min(left), self.rx.recv()).await {
                Ok(Some(event)) => batch.push(event),
                Ok(None) | Err(_) => break,
            }
        }
        Some(batch)
    }

    /// Rebuild after each batch of changes, until the server stops.
    pub async fn run(mut self, state: Arc<State>, mut hashes: Hashes) {
        let mut settle: Option<tokio::time::Instant> = None;
        while let Some(batch) = self.next_batch(settle).await {
            let settling = batch.is_empty();
            let changes = if settling {
                settle = None;
                ChangeSet {
                    rescan: true,
                    ..Default::default()
                }
            } else {
                let events = filter(batch, &self.root);
                changes::normalise(&events, &self.root, &|p| p.exists())
            };
            if changes.is_empty() {
                continue;
            }
            if changes.rescan && !settling {
                self.rewatch();
                settle = Some(tokio::time::Instant::now() + SETTLE);
            }
            let (root, task_state, task_changes) =
                (self.root.clone(), Arc::clone(&state), changes.clone());
            let result = tokio::task::spawn_blocking(move || {
                let changed = check(&root, &task_changes, &mut hashes);
                let build = (!changed.is_empty()).then(|| task_state.build_blocking(&changed));
                rehash_record(&root, &mut hashes);
                (hashes, changed, build)
            })
            .await;
            let build = match result {
                Ok((h, changed, build)) => {
                    hashes = h;
                    build.map(|b| (changed, b))
                }
                Err(_) => {
                    // The build crashed: show it, and look at everything again next time.
                    hashes = Hashes::new();
                    Some((Vec::new(), crashed()))
                }
            };
            if let Some((changed, build)) = build {
                let had_good = state.snapshot().output.is_some();
                console::report_rebuild(&build, &changed, had_good, &self.words);
                state.publish(build, changes.only_css);
            }
        }
    }
}

fn crashed() -> Build {
    Build {
        diagnostics: vec![
            Diagnostic::error("internal", "the build stopped because of a bug in campaign")
                .with_hint(
                    "save the file again; if this stays, please report it with the terminal output",
                )
                .tr("internal", &[]),
        ],
        ..Default::default()
    }
}

/// Compare the change set with the known hashes, update them, and return the files whose
/// content really changed (relative to the root); empty for no-op saves.
fn check(root: &Path, changes: &ChangeSet, hashes: &mut Hashes) -> Vec<PathBuf> {
    if changes.rescan || changes.modified.iter().any(|p| p.is_dir()) {
        let fresh = hash_all(root);
        let mut changed: Vec<PathBuf> = fresh
            .iter()
            .filter(|(p, h)| hashes.get(*p) != Some(h))
            .map(|(p, _)| relative_to(p, root))
            .collect();
        changed.extend(
            hashes
                .keys()
                .filter(|p| !fresh.contains_key(*p))
                .map(|p| relative_to(p, root)),
        );
        *hashes = fresh;
        changed.sort();
        return changed;
    }
    let mut changed = Vec::new();
    for path in &changes.modified {
        let before = match hash_file(path) {
            Some(h) => hashes.insert(path.clone(), h).filter(|old| *old == h),
            None => hashes.remove(path).and(None),
        };
        if before.is_none() {
            changed.push(relative_to(path, root));
        }
    }
    for path in &changes.removed {
        let count = hashes.len();
        // A removed folder takes its files with it.
        hashes.retain(|p, _| !p.starts_with(path));
        if hashes.len() != count {
            changed.push(relative_to(path, root));
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_op_saves_change_nothing_and_real_ones_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/news")).expect("mkdir");
        std::fs::write(root.join("site.yaml"), "languages: [ka]\n").expect("write");
        std::fs::write(root.join("content/a.md"), "a").expect("write");
        std::fs::write(root.join("content/news/b.md"), "b").expect("write");
        std::fs::write(root.join("content/.a.md.swp"), "swap").expect("write");
        let mut hashes = hash_all(root);
        assert_eq!(hashes.len(), 3, "{hashes:?}");

        let touched = |paths: &[&str]| ChangeSet {
            modified: paths.iter().map(|p| root.join(p)).collect(),
            ..Default::default()
        };
        assert!(check(root, &touched(&["content/a.md"]), &mut hashes).is_empty());
        std::fs::write(root.join("content/a.md"), "A").expect("write");
        assert_eq!(
            check(root, &touched(&["content/a.md"]), &mut hashes),
            [PathBuf::from("content/a.md")]
        );
        assert!(check(root, &touched(&["content/a.md"]), &mut hashes).is_empty());

        std::fs::remove_dir_all(root.join("content/news")).expect("rm");
        let removed = ChangeSet {
            removed: [root.join("content/news")].into(),
            ..Default::default()
        };
        assert_eq!(
            check(root, &removed, &mut hashes),
            [PathBuf::from("content/news")]
        );
        assert_eq!(hashes.len(), 2);

        let rescan = ChangeSet {
            rescan: true,
            ..Default::default()
        };
        assert!(check(root, &rescan, &mut hashes).is_empty());
        std::fs::create_dir_all(root.join("static")).expect("mkdir");
        std::fs::write(root.join("static/c.css"), "c").expect("write");
        assert_eq!(
            check(root, &rescan, &mut hashes),
            [PathBuf::from("static/c.css")]
        );
    }

    #[test]
    fn only_site_paths_are_relevant() {
        let root = Path::new("/site");
        let ev = |kind, paths: &[&str]| RawEvent {
            kind,
            paths: paths.iter().map(PathBuf::from).collect(),
        };
        let events = vec![
            ev(RawKind::Modify, &["/site/Cargo.toml"]),
            ev(RawKind::Modify, &["/site/site.yaml"]),
            ev(RawKind::Modify, &["/site/contents/x.md"]),
            ev(
                RawKind::RenameBoth,
                &["/site/x.yaml", "/site/content/x.yaml"],
            ),
            ev(RawKind::Create, &["/site/static"]),
            ev(RawKind::Rescan, &[]),
        ];
        assert_eq!(
            filter(events, root),
            vec![
                ev(RawKind::Modify, &["/site/site.yaml"]),
                ev(RawKind::RenameTo, &["/site/content/x.yaml"]),
                ev(RawKind::Create, &["/site/static"]),
                ev(RawKind::Rescan, &[]),
            ]
        );
    }
}
