//! No reader learns where a photo was taken: every image file a build publishes, originals in
//! `static/` and beside a page included, is read with a real metadata reader (exiftool) and
//! carries no EXIF, GPS, XMP, IPTC or comment; sideways photos are turned; a cut-off image
//! stops the build and `check` alike.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use std::path::Path;
use std::process::Command;
use support::*;

/// What exiftool reads from a file, as JSON text (groups and tag names included).
fn metadata(file: &Path) -> String {
    let out = Command::new("exiftool")
        .args(["-j", "-a", "-G1", "-s", "-u"])
        .arg(file)
        .output()
        .expect("exiftool is missing: install Debian's libimage-exiftool-perl (bash .ci/run does)");
    assert!(
        out.status.success(),
        "exiftool failed on {}",
        file.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Words that betray camera data in exiftool's output.
const TELLTALES: [&str; 13] = [
    "GPS",
    "Nino",
    "Beridze",
    "Canon",
    "shelter",
    "Orientation",
    "XMP",
    "IPTC",
    "ExifByteOrder",
    "IFD0:",
    "ExifIFD:",
    "Author",
    "Comment",
];

fn leaks(json: &str) -> Vec<&'static str> {
    TELLTALES
        .iter()
        .copied()
        .filter(|t| json.contains(t))
        .collect()
}

fn images_under(dir: &Path) -> Vec<std::path::PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| {
            let e = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            matches!(e, "jpg" | "jpeg" | "png" | "webp")
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn the_fixture_photos_do_carry_camera_data() {
    // Otherwise the test below could not fail.
    let site = fixture_path("site-private");
    for f in images_under(&site) {
        let m = metadata(&f);
        assert!(
            m.contains("GPS"),
            "{} has no GPS position: {m}",
            f.display()
        );
    }
    assert!(metadata(&site.join("static/images/gps.jpg")).contains("Rotate 90 CW"));
}

#[test]
fn no_published_image_carries_camera_data() {
    let site = fixture("site-private");
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let public = site.path().join("public");
    let images = images_under(&public);
    for expected in [
        "images/gps.jpg",
        "images/plain-gps.jpg",
        "images/gps.png",
        "images/gps.webp",
        "news/beside.jpg",
    ] {
        assert!(public.join(expected).is_file(), "{expected} is published");
    }
    assert!(images.len() >= 15, "{images:?}");
    for f in &images {
        let m = metadata(f);
        assert!(
            leaks(&m).is_empty(),
            "{}: {:?}\n{m}",
            f.display(),
            leaks(&m)
        );
    }
    // A second build (from the cache) publishes the same clean files.
    let again = campaign(&[
        "build",
        "--force",
        "--root",
        site.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    for f in images_under(&public) {
        assert!(leaks(&metadata(&f)).is_empty(), "{}", f.display());
    }
}

#[test]
fn sideways_photos_are_published_upright_and_others_losslessly() {
    let site = fixture("site-private");
    assert_eq!(build(site.path()).code, 0);
    let public = site.path().join("public");
    // gps.jpg is stored 200×100 with "turn 90°": published 100×200 with no orientation.
    let turned = image::image_dimensions(public.join("images/gps.jpg")).expect("decode");
    assert_eq!(turned, (100, 200));
    // Without an orientation the picture data is kept byte for byte: same pixels.
    let src = image::open(fixture_path("site-private/static/images/plain-gps.jpg")).expect("src");
    let out = image::open(public.join("images/plain-gps.jpg")).expect("out");
    assert_eq!(src.to_rgb8().as_raw(), out.to_rgb8().as_raw());
    let src = image::open(fixture_path("site-private/static/images/gps.webp")).expect("src");
    let out = image::open(public.join("images/gps.webp")).expect("out");
    assert_eq!(src.to_rgba8().as_raw(), out.to_rgba8().as_raw());
}

#[test]
fn a_cut_off_image_stops_build_and_check_with_its_file() {
    let site = fixture("site-private");
    let whole = std::fs::read(site.path().join("static/images/plain-gps.jpg")).expect("read");
    std::fs::write(site.path().join("static/images/cut.jpg"), &whole[..3000]).expect("write");
    let root = site.path().to_str().expect("utf-8");
    let b = campaign(&["build", "--root", root]);
    let c = campaign(&["check", "--root", root]);
    for r in [&b, &c] {
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(
            r.stderr.starts_with("error: the image file is incomplete: it stops before the end of the picture (was it copied completely?)\n  --> static/images/cut.jpg\n"),
            "{}",
            r.stderr
        );
    }
    assert!(!site.path().join("public").exists(), "nothing is published");
    // Used by a page, the message names the page's line instead.
    std::fs::write(
        site.path().join("content/news/photo.en.md"),
        "---\ntitle: Photo\n---\n\n![A cut photo](/images/cut.jpg)\n",
    )
    .expect("write");
    let b = campaign(&["build", "--root", root]);
    assert_eq!(b.code, 1);
    assert!(
        b.stderr.contains("error: the image file is incomplete: it stops before the end of the picture (was it copied completely?)\n  --> content/news/photo.en.md:5:1\n"),
        "{}",
        b.stderr
    );
    assert_eq!(
        b.stderr.matches("incomplete").count(),
        1,
        "one mistake, one message"
    );
}

#[test]
fn a_damaged_cache_entry_is_ignored() {
    let site = fixture("site-private");
    assert_eq!(build(site.path()).code, 0);
    // Empty every cache entry, as a full disk or a killed run might.
    for f in walk(&site.path().join(".cache/images")) {
        std::fs::write(f, b"").expect("truncate");
    }
    let root = site.path().to_str().expect("utf-8");
    let r = campaign(&["build", "--force", "--root", root]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for f in images_under(&site.path().join("public")) {
        let bytes = std::fs::read(&f).expect("read");
        assert!(!bytes.is_empty(), "{} is empty", f.display());
        image::load_from_memory(&bytes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
    }
}
