//! Walking a folder of the site: its files in order, without hidden and editor temp files,
//! and never through a link that leads outside the site.

use super::rel_slash;
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The files under `dir`, sorted, following links, without hidden and editor temp files.
///
/// A link that resolves outside the site `root` is skipped with a warning, so a link in
/// `static/` can never publish a file from elsewhere on the computer
/// (`static/passwd -> /etc/passwd`); so is `dir` itself when it is such a link
/// (`themes/x -> /home/me`).
pub(super) fn walk_files(dir: &Path, root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let allowed: Vec<PathBuf> = dunce::canonicalize(root).ok().into_iter().collect();
    if !resolves_inside(dir, &allowed) {
        diags.push(outside_warning(dir, root));
        return Vec::new();
    }
    let mut outside = Vec::new();
    let mut files: Vec<PathBuf> = WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let name = e.file_name().to_string_lossy();
            if name.starts_with('.') || is_temp_name(&name) {
                return false;
            }
            if e.path_is_symlink() && !resolves_inside(e.path(), &allowed) {
                outside.push(e.path().to_path_buf());
                return false;
            }
            true
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for path in outside {
        diags.push(outside_warning(&path, root));
    }
    files
}

fn outside_warning(path: &Path, root: &Path) -> Diagnostic {
    Diagnostic::warning(
        "link-outside",
        "this is a link to a file or folder outside the site folder, so it is left out",
    )
    .in_file(rel_slash(path, root))
    .with_hint("copy the file into the site folder instead of linking to it")
    .tr("link-outside", &[])
}

/// Whether a link resolves to a path inside one of the `allowed` (canonical) folders.
fn resolves_inside(path: &Path, allowed: &[PathBuf]) -> bool {
    dunce::canonicalize(path).is_ok_and(|real| allowed.iter().any(|a| real.starts_with(a)))
}

/// Editor swap, backup and temp files, never part of a site.
pub fn is_temp_name(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_leading_outside_the_site_are_skipped_with_a_warning() {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("secret.txt"), "secret").expect("write");
        let site = tempfile::tempdir().expect("temp dir");
        let root = site.path();
        std::fs::create_dir_all(root.join("static")).expect("mkdir");
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        std::fs::write(root.join("static/ok.txt"), "ok").expect("write");
        std::fs::write(root.join("content/shared.txt"), "shared").expect("write");
        let link = |from: &Path, to: &Path| std::os::unix::fs::symlink(from, to);
        link(
            &outside.path().join("secret.txt"),
            &root.join("static/secret.txt"),
        )
        .expect("link");
        link(outside.path(), &root.join("static/elsewhere")).expect("link");
        link(
            &root.join("content/shared.txt"),
            &root.join("static/shared.txt"),
        )
        .expect("link");
        let mut diags = Vec::new();
        let files = walk_files(&root.join("static"), root, &mut diags);
        let names: Vec<String> = files.iter().map(|p| rel_slash(p, root)).collect();
        assert_eq!(names, ["static/ok.txt", "static/shared.txt"]);
        let mut warned: Vec<_> = diags.iter().filter_map(|d| d.file.clone()).collect();
        warned.sort();
        assert_eq!(warned, ["static/elsewhere", "static/secret.txt"]);
        assert!(diags.iter().all(|d| d.code == "link-outside"));
    }

    #[test]
    fn a_folder_that_is_a_link_outside_the_site_is_not_read() {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(outside.path().join("templates")).expect("mkdir");
        std::fs::write(outside.path().join("templates/page.html"), "x").expect("write");
        let site = tempfile::tempdir().expect("temp dir");
        let root = site.path();
        std::fs::create_dir_all(root.join("themes")).expect("mkdir");
        std::os::unix::fs::symlink(outside.path(), root.join("themes/x")).expect("link");
        let mut diags = Vec::new();
        let files = walk_files(&root.join("themes/x/templates"), root, &mut diags);
        assert!(files.is_empty(), "{files:?}");
        assert_eq!(
            diags.iter().map(|d| d.file.as_deref()).collect::<Vec<_>>(),
            [Some("themes/x/templates")]
        );
    }
}
