//! `build --portable` and `build --zip FILE`, as a worker at the Integration Centre uses them to
//! hand the site out on a USB stick or by messenger: every link of every page names a file that
//! is in the output (a browser reading from disk shows a folder listing for a link to a folder),
//! the ZIP unpacks to one folder equal to the portable build, and `--zip` never replaces a file
//! that is not a ZIP nor writes into the site's own folders.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use support::*;

/// The files of a ZIP: path → bytes.
fn unzip(file: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(file).expect("open zip")).expect("a ZIP");
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read entry");
        files.insert(f.name().expect("name").to_string(), bytes);
    }
    files
}

/// Every `href`/`src` of every HTML file in `files` that stays on the site: (page, link, the
/// path in `files` it names, `None` when it names a folder). The 404 page is left out: a host
/// shows it at any address, so its links start at the host's root, and a disk never shows it.
fn internal_links(files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && *p != "404.html")
    {
        let html = String::from_utf8_lossy(bytes);
        let dir = match path.rsplit_once('/') {
            Some((d, _)) => format!("/{d}/"),
            None => "/".to_string(),
        };
        for attr in ["href", "src"] {
            for v in attrs(&html, attr) {
                let v = unescape(v);
                let scheme = v.split('/').next().is_some_and(|s| s.contains(':'));
                if v.starts_with('#') || scheme || v.starts_with("//") {
                    continue;
                }
                let site_path = resolve(&dir, &v);
                let rel = site_path.trim_start_matches('/').to_string();
                let target = (!rel.is_empty() && !rel.ends_with('/')).then_some(rel);
                out.push((path.clone(), v, target));
            }
        }
    }
    out
}

#[test]
fn a_zip_is_one_folder_in_which_every_link_names_a_file_that_is_there() {
    let site = bundled_copy();
    let zip = site.beside().join("campaign-site.zip");
    let r = campaign(&[
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--zip",
        zip.to_str().unwrap(),
    ]);
    assert!(r.ok(), "{}", r.stderr);
    assert!(r.stdout.contains("campaign-site.zip"), "{}", r.stdout);
    let files = unzip(&zip);
    assert!(
        files.keys().all(|k| k.starts_with("campaign-site/")),
        "one folder"
    );
    let files: BTreeMap<String, Vec<u8>> = files
        .into_iter()
        .map(|(k, v)| (k["campaign-site/".len()..].to_string(), v))
        .collect();
    assert!(files.contains_key("index.html") && files.contains_key("en/index.html"));
    let links = internal_links(&files);
    assert!(
        links.len() > 1000,
        "the bundled site has many links: {}",
        links.len()
    );
    let broken: Vec<_> = links
        .iter()
        .filter(|(_, _, t)| t.as_ref().is_none_or(|t| !files.contains_key(t)))
        .take(10)
        .collect();
    assert!(
        broken.is_empty(),
        "links that do not name a file in the ZIP: {broken:#?}"
    );
    // The self-check is read page by page there: its script (which would fetch the flow) is
    // not on the pages.
    let start = String::from_utf8_lossy(&files["check/index.html"]).into_owned();
    assert!(!start.contains("check.js"), "{start}");
    assert!(start.contains("href=\"q/index.html\""), "{start}");
}

#[test]
fn the_zip_holds_what_a_portable_build_writes_and_a_normal_build_keeps_its_links() {
    let site = bundled_copy();
    let root = site.path().to_str().unwrap().to_string();
    let zip = site.beside().join("site.zip");
    let folder = site.beside().join("usb");
    let normal = site.beside().join("normal");
    assert!(campaign(&["build", "--root", &root, "--zip", zip.to_str().unwrap()]).ok());
    assert!(
        campaign(&[
            "build",
            "--root",
            &root,
            "--portable",
            "-o",
            folder.to_str().unwrap()
        ])
        .ok()
    );
    assert!(campaign(&["build", "--root", &root, "-o", normal.to_str().unwrap()]).ok());
    let zipped: BTreeMap<String, Vec<u8>> = unzip(&zip)
        .into_iter()
        .map(|(k, v)| (k["site/".len()..].to_string(), v))
        .collect();
    let written: BTreeMap<String, Vec<u8>> = tree(&folder)
        .into_iter()
        .filter(|(p, _)| !p.starts_with('.'))
        .collect();
    assert_eq!(
        zipped.keys().collect::<Vec<_>>(),
        written.keys().collect::<Vec<_>>()
    );
    assert!(
        zipped == written,
        "the ZIP and the --portable folder differ in content"
    );
    let page = read(&normal, "services/index.html");
    assert!(page.contains("href=\"../eligibility/\""), "{page}");
    assert!(
        !page.contains("index.html\""),
        "a normal build links folders: {page}"
    );
}

#[test]
fn zip_refuses_a_file_that_is_not_a_zip_a_folder_and_the_sites_own_folders() {
    let site = bundled_copy();
    let root = site.path().to_str().unwrap().to_string();
    let notes = site.beside().join("notes.zip");
    std::fs::write(&notes, "my notes, not a zip").unwrap();
    let r = campaign(&["build", "--root", &root, "--zip", notes.to_str().unwrap()]);
    assert!(!r.ok());
    assert!(
        r.stderr.contains("exists and is not a ZIP file"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "my notes, not a zip"
    );

    let inside = site.path().join("content/site.zip");
    let r = campaign(&["build", "--root", &root, "--zip", inside.to_str().unwrap()]);
    assert!(!r.ok());
    assert!(
        r.stderr.contains("inside the site's `content/` folder"),
        "{}",
        r.stderr
    );
    assert!(!inside.exists());

    let r = campaign(&[
        "build",
        "--root",
        &root,
        "--zip",
        site.beside().to_str().unwrap(),
    ]);
    assert!(!r.ok());
    assert!(r.stderr.contains("is a folder"), "{}", r.stderr);

    let r = campaign(&["build", "--root", &root, "--zip", "x.zip", "--output", "y"]);
    assert!(!r.ok());
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
}

#[test]
fn zip_replaces_its_own_earlier_zip_and_leaves_no_part_file() {
    let site = bundled_copy();
    let root = site.path().to_str().unwrap().to_string();
    let zip = site.beside().join("site.zip");
    assert!(campaign(&["build", "--root", &root, "--zip", zip.to_str().unwrap()]).ok());
    std::fs::write(
        site.path().join("content/about.en.md"),
        "---\ntitle: Changed\n---\nNew text.\n",
    )
    .unwrap();
    let r = campaign(&["build", "--root", &root, "--zip", zip.to_str().unwrap()]);
    assert!(r.ok(), "{}", r.stderr);
    let files = unzip(&zip);
    assert!(String::from_utf8_lossy(&files["site/en/about/index.html"]).contains("New text."));
    let leftovers: Vec<_> = std::fs::read_dir(site.beside())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".part-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
