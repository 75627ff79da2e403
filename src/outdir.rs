//! The output folder's safety rules: which folder a build may fill, which of its entries are
//! the user's and stay, and the clean-up of staging folders that killed runs left behind.

use crate::diagnostics::{Diagnostic, Translatable, tr};
use std::path::{Component, Path, PathBuf};

/// The file campaign leaves in every output folder it fills: it says the folder is campaign's
/// and lists the top-level names the last build wrote.
pub const MARKER: &str = ".campaign-output";

/// The site's own folders: an output inside one of them (or holding one) is refused.
pub const SOURCE_DIRS: [&str; 7] = [
    "content",
    "static",
    "themes",
    "templates",
    "locales",
    ".cache",
    ".git",
];

/// Names in an output folder that are never the build's to remove, besides dotfiles.
const ALWAYS_KEPT: [&str; 2] = ["CNAME", "lost+found"];

/// Where a build goes, after the safety rules accepted it.
#[derive(Debug, Clone)]
pub struct OutputDir {
    /// The folder that receives the site (symlinks resolved: a symlinked output stays a link).
    pub real: PathBuf,
    /// The folder is a mount point: the new site is staged inside it and moved in entry by entry.
    pub in_place: bool,
    /// Names (besides dotfiles and `CNAME`) the user asked to keep (`output_keep:` in site.yaml).
    pub keep: Vec<String>,
}

impl OutputDir {
    /// Whether a top-level entry of an earlier output belongs to the user and must stay.
    pub fn is_kept(&self, name: &str, written_before: &[String]) -> bool {
        name != MARKER
            && (name.starts_with('.') || ALWAYS_KEPT.contains(&name) || self.keep_listed(name))
            && !written_before.iter().any(|w| w == name)
    }

    fn keep_listed(&self, name: &str) -> bool {
        self.keep.iter().any(|k| glob_match(k, name))
    }
}

/// `*` matches any run of characters; everything else matches itself.
fn glob_match(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, rest)) => {
            let Some(tail) = name.strip_prefix(head) else {
                return false;
            };
            (0..=tail.len())
                .filter(|&i| tail.is_char_boundary(i))
                .any(|i| glob_match(rest, &tail[i..]))
        }
    }
}

/// The names the build that filled `dir` wrote at its top level, if campaign filled it.
pub fn written_names(dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(dir.join(MARKER)).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// The marker's text for a build that wrote these top-level names.
pub fn marker_text(names: &[String]) -> String {
    let mut s = String::from(
        "# This folder is written by `campaign build`: each build replaces what it wrote here.\n# Names below are the ones the last build wrote; anything else here is yours and stays.\n",
    );
    for n in names {
        s.push_str(n);
        s.push('\n');
    }
    s
}

/// An absolute path with `.` and `..` resolved, following symlinks of the part that exists.
pub fn resolve(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut existing = abs.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(real) = dunce::canonicalize(&existing) {
            let mut out = real;
            for part in rest.iter().rev() {
                push_lexical(&mut out, Path::new(part));
            }
            return out;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return lexical(&abs),
        }
    }
}

fn push_lexical(out: &mut PathBuf, part: &Path) {
    for c in part.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
}

fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    push_lexical(&mut out, p);
    out
}

fn refuse(code: &'static str, message: String, hint: String, tr: Translatable) -> Diagnostic {
    Diagnostic::error(code, message).with_hint(hint).with_tr(tr)
}

/// Apply the safety rules to `dest` (as the user named it) for the site at `root`.
/// `ours_before` says whether an earlier campaign build recorded this folder (round-1 outputs
/// carry no marker yet).
pub fn check(
    root: &Path,
    dest: &Path,
    keep: &[String],
    ours_before: bool,
) -> Result<OutputDir, Diagnostic> {
    let shown = dest.display().to_string();
    let suggest = root.join("public").display().to_string();
    let root_real = resolve(root);
    let real = resolve(dest);
    if root_real.starts_with(&real) {
        return Err(refuse(
            "output-holds-site",
            format!(
                "the output folder {shown} is the site's own folder or holds it: building there would delete the site's files"
            ),
            format!("choose a folder of its own, e.g. --output {suggest}"),
            tr(
                "output-holds-site",
                &[("folder", &shown), ("suggest", &suggest)],
            ),
        ));
    }
    for name in SOURCE_DIRS {
        let src = resolve(&root.join(name));
        if real.starts_with(&src) || src.starts_with(&real) {
            return Err(refuse(
                "output-in-sources",
                format!(
                    "the output folder {shown} is inside the site's {name}/ folder, which holds files the build reads"
                ),
                format!("choose a folder outside {name}/, e.g. --output {suggest}"),
                tr(
                    "output-in-sources",
                    &[("folder", &shown), ("name", name), ("suggest", &suggest)],
                ),
            ));
        }
    }
    let out = OutputDir {
        in_place: is_mount_point(&real),
        real,
        keep: keep.to_vec(),
    };
    match std::fs::metadata(&out.real) {
        Ok(m) if !m.is_dir() => Err(refuse(
            "output-not-folder",
            format!("the output {shown} is a file, not a folder"),
            "choose a folder for the output, e.g. --output public".into(),
            tr("output-not-folder", &[("folder", &shown)]),
        )),
        Ok(_) => foreign_files(&out, ours_before).map_or(Ok(out), |first| {
            Err(refuse(
                "output-not-ours",
                format!("the output folder {shown} holds files that campaign did not write, such as `{first}`; a build replaces everything in its output folder"),
                "choose an empty or new folder, or move those files away; to keep some names in the output, list them under `output_keep:` in site.yaml".into(),
                tr("output-not-ours", &[("folder", &shown), ("file", &first)]),
            ))
        }),
        Err(_) => Ok(out),
    }
}

/// The first entry of an existing output folder that is neither campaign's nor kept.
fn foreign_files(out: &OutputDir, ours_before: bool) -> Option<String> {
    let written = written_names(&out.real);
    if written.is_some() || ours_before {
        return None;
    }
    let mut names: Vec<String> = std::fs::read_dir(&out.real)
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !out.is_kept(n, &[]))
        .collect();
    names.sort();
    names.into_iter().next()
}

#[cfg(unix)]
fn is_mount_point(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(me), Some(parent)) = (std::fs::metadata(dir), dir.parent()) else {
        return false;
    };
    std::fs::metadata(parent).is_ok_and(|p| p.dev() != me.dev())
}

#[cfg(not(unix))]
fn is_mount_point(_dir: &Path) -> bool {
    false
}

/// The staging folder names of a build into `real` by process `pid`: (new, old).
pub fn staging_names(real: &Path, pid: u32) -> (PathBuf, PathBuf) {
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = real.parent().unwrap_or(Path::new("."));
    (
        parent.join(format!(".{name}.new-{pid}")),
        parent.join(format!(".{name}.old-{pid}")),
    )
}

fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        false
    }
}

/// Remove the staging folders that dead builds into `out` left behind. A left-over old site
/// first gives back the user's entries (`.git`, `CNAME`, ...) that the output lacks.
pub fn remove_stale(out: &OutputDir) {
    let name = out
        .real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (scan, prefix) = if out.in_place {
        (out.real.clone(), ".campaign-new-".to_string())
    } else {
        (
            out.real.parent().unwrap_or(Path::new(".")).to_path_buf(),
            format!(".{name}."),
        )
    };
    let Ok(entries) = std::fs::read_dir(&scan) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let (kind, pid) = match rest.split_once('-') {
            Some((kind, pid)) if !out.in_place => (kind, pid),
            _ => ("new", rest),
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if !matches!(kind, "new" | "old") || process_alive(pid) {
            continue;
        }
        let path = e.path();
        if kind == "old" {
            give_back(out, &path);
        }
        let _ = std::fs::remove_dir_all(&path);
    }
}

/// Move the user's entries of an old output folder `old` into the output where it lacks them.
pub fn give_back(out: &OutputDir, old: &Path) {
    let written = written_names(old).unwrap_or_default();
    let Ok(entries) = std::fs::read_dir(old) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let target = out.real.join(&name);
        if out.is_kept(&name, &written) {
            let _ = std::fs::create_dir_all(&out.real);
        }
        if out.is_kept(&name, &written) && std::fs::symlink_metadata(&target).is_err() {
            let _ = std::fs::rename(e.path(), target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("README*", "README.md"));
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "a.md"));
        assert!(glob_match("exact", "exact"));
    }

    #[test]
    fn kept_names() {
        let out = OutputDir {
            real: PathBuf::from("/x"),
            in_place: false,
            keep: vec!["notes*".into()],
        };
        assert!(out.is_kept(".git", &[]));
        assert!(out.is_kept("CNAME", &[]));
        assert!(out.is_kept("notes.txt", &[]));
        assert!(!out.is_kept("index.html", &[]));
        assert!(!out.is_kept(MARKER, &[]));
        assert!(!out.is_kept(".well-known", &[".well-known".into()]));
    }
}
