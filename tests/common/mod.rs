//! Helpers shared by the integration tests: build a site with the real binary, read links out of HTML.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

pub mod browser;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The result of `campaign build`.
pub struct Built {
    /// Whether the command succeeded.
    pub ok: bool,
    /// Its exit code.
    pub code: Option<i32>,
    /// What it printed on stdout.
    pub stdout: String,
    /// What it printed on stderr.
    pub stderr: String,
    /// The output folder (inside `_tmp`).
    pub out: PathBuf,
    /// Keeps the temporary folder alive.
    pub _tmp: tempfile::TempDir,
}

/// A fixture site's folder: `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of the fixture site `name` in a fresh temporary folder, so that a build (which writes
/// its image cache under the site) never writes into tests/.
pub fn fixture_copy(name: &str) -> tempfile::TempDir {
    let from = fixture(name);
    let dir = tempfile::tempdir().expect("temp dir");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.expect("walk the fixture");
        let to = dir
            .path()
            .join(e.path().strip_prefix(&from).expect("inside"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
    dir
}

/// The bundled site (the repository root).
pub fn bundled() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `campaign build --root ROOT --output <temp>`.
pub fn build(root: &Path) -> Built {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_campaign"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .output()
        .expect("run campaign");
    Built {
        ok: o.status.success(),
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        out,
        _tmp: tmp,
    }
}

/// Resolve `href` written on the page at site path `base` (a folder, ending in `/`).
/// Returns the site path, without query or fragment.
pub fn resolve(base: &str, href: &str) -> String {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|s| !s.is_empty()).collect()
    };
    for p in href.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if (href.ends_with('/') || href.is_empty() || href.ends_with("..") || href == ".")
        && !out.ends_with('/')
    {
        out.push('/');
    }
    out
}

/// The file a site path is served from: `dir/index.html` for folders.
pub fn file_of(out: &Path, site_path: &str) -> PathBuf {
    let rel = site_path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        out.join(rel).join("index.html")
    } else {
        out.join(rel)
    }
}

/// The values of every `attr="..."` in `html`, in order.
pub fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

/// The `href`s of the links whose tag has `class="<class>"` right before the `href`.
pub fn hrefs_of_class<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
    attrs(html, "class")
        .into_iter()
        .zip(html.match_indices(" class=\""))
        .filter(|(c, _)| c.split(' ').any(|w| w == class))
        .filter_map(|(_, (i, _))| {
            let tag_end = html[i..].find('>').map(|e| i + e)?;
            attrs(&html[i..tag_end], "href").first().copied()
        })
        .collect()
}

/// The part of `html` from `start` up to `end` (both exclusive), or "" if absent.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let Some(i) = html.find(start) else {
        return "";
    };
    let rest = &html[i + start.len()..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// Decode the few entities templates write (`&#39;`, `&amp;`, `&quot;`, `&lt;`, `&gt;`).
pub fn unescape(s: &str) -> String {
    s.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn resolves_relative_links() {
    assert_eq!(resolve("/en/check/q/1/", "../2/"), "/en/check/q/2/");
    assert_eq!(resolve("/check/", "q/"), "/check/q/");
    assert_eq!(resolve("/check/r/1/", "../../../help/#x"), "/help/");
    assert_eq!(resolve("/a/", "../"), "/");
    assert_eq!(resolve("/a/b/", "../../style.css"), "/style.css");
}
