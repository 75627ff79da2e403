//! Hostile pictures and picture sizes never crash a build: a very tall image, a template asking
//! `resize_image` for 0 or 60,000 pixels. Each is an error with file and line, from `build` and
//! `check` alike, and the previous output stays as it was.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use std::path::Path;
use support::*;

fn tall_png(path: &Path, w: u32, h: u32) {
    let img = image::GrayImage::from_pixel(w, h, image::Luma([200]));
    img.save(path).expect("save png");
}

fn build_and_check(root: &Path) -> (Run, Run) {
    let r = root.to_str().expect("utf-8");
    (
        campaign(&["build", "--root", r]),
        campaign(&["check", "--root", r]),
    )
}

#[test]
fn a_very_tall_image_is_an_error_not_a_crash() {
    let site = fixture("site-media");
    assert_eq!(build(site.path()).code, 0);
    let before = tree(&site.path().join("public"));
    for (w, h) in [(1080, 17_000), (800, 20_000)] {
        tall_png(&site.path().join("static/images/small.png"), w, h);
        let (b, c) = build_and_check(site.path());
        for r in [&b, &c] {
            assert_eq!(r.code, 1, "{w}×{h}: {}", r.stderr);
            assert!(
                r.stderr.contains(&format!("error: the image is {w}×{h} pixels: web images can be at most 16,383 pixels on a side\n  --> content/_index.en.md:")),
                "{}",
                r.stderr
            );
            assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        }
        assert_eq!(
            tree(&site.path().join("public")),
            before,
            "the old site stays"
        );
        assert!(
            std::fs::read_dir(site.path())
                .expect("read")
                .flatten()
                .all(|e| !e.file_name().to_string_lossy().contains(".new-")),
            "no staging folder is left"
        );
    }
}

#[test]
fn resize_image_sizes_are_checked() {
    for (w, h) in [(0, 0), (60_000, 60_000), (1200, 0)] {
        let site = fixture("site-media");
        std::fs::create_dir_all(site.path().join("templates")).expect("mkdir");
        std::fs::write(
            site.path().join("templates/page.html"),
            format!(
                "{{% extends \"base.html\" %}}{{% block main %}}<img src=\"{{{{ resize_image(path='/images/wide.jpg', width={w}, height={h}) }}}}\" alt=\"\">{{% endblock %}}"
            ),
        )
        .expect("write");
        let (b, c) = build_and_check(site.path());
        for r in [&b, &c] {
            assert_eq!(r.code, 1, "{w}×{h}: {}", r.stderr);
            assert!(
                r.stderr.contains(&format!(
                    "resize_image asks for {w}×{h} pixels: width and height must be between 1 and 4096"
                )) && r.stderr.contains("templates/page.html:1:"),
                "{}",
                r.stderr
            );
        }
    }
}
