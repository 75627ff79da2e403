//! Tests of [`super`] with recorded event sequences.
//!
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
