//! Media through the CLI: responsive images (widths, dimensions, EXIF rotation, cache), alt
//! text rules, share images, and videos for YouTube, Vimeo and self-hosted files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use support::*;

fn built() -> (Fixture, Run) {
    let site = fixture("site-media");
    let r = build(site.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    (site, r)
}

#[test]
fn images_get_srcset_widths_and_dimensions_never_upscaled() {
    let (site, _) = built();
    let en = read(&site.path().join("public"), "en/index.html");
    let wide = en.find("alt=\"A wide picture\"").expect("wide image");
    let tag = &en[en[..wide].rfind("<picture>").unwrap()..wide];
    assert!(
        tag.contains("-480.webp 480w, ")
            && tag.contains("-960.webp 960w, ")
            && tag.contains("-1440.webp 1440w\""),
        "{tag}"
    );
    assert!(tag.contains("width=\"1440\" height=\"810\""), "{tag}");
    assert!(en.contains("loading=\"lazy\" decoding=\"async\""));
    // A 300 px image is written at 300 px only.
    let small = en.find("alt=\"A small picture\"").unwrap();
    let tag = &en[en[..small].rfind("<picture>").unwrap()..small];
    assert!(
        tag.contains("-300.webp 300w\"") && !tag.contains("480w"),
        "{tag}"
    );
    // The original is not published under _img, and every variant exists.
    let out = site.path().join("public");
    for (rel, _) in tree(&out.join("_img")) {
        assert!(rel.ends_with(".jpg") || rel.ends_with(".webp"));
    }
    for (i, m) in en.match_indices("../_img/") {
        let name = en[i + m.len()..].split([' ', '"']).next().unwrap();
        assert!(out.join("_img").join(name).is_file(), "{name} missing");
    }
}

#[test]
fn exif_orientation_is_applied() {
    let (site, _) = built();
    let en = read(&site.path().join("public"), "en/index.html");
    let i = en.find("alt=\"Turned\"").unwrap();
    let tag = &en[en[..i].rfind("<picture>").unwrap()..i];
    assert!(
        tag.contains("width=\"100\" height=\"200\""),
        "a 200×100 photo tagged 'rotate 90°' is 100×200: {tag}"
    );
    let name = tag
        .split("src=\"../_img/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let bytes = std::fs::read(site.path().join("public/_img").join(name)).unwrap();
    // JPEG SOF0/SOF2 height and width.
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0] || w == [0xFF, 0xC2])
        .unwrap();
    let h = u16::from_be_bytes([bytes[sof + 5], bytes[sof + 6]]);
    let w = u16::from_be_bytes([bytes[sof + 7], bytes[sof + 8]]);
    assert_eq!((w, h), (100, 200));
}

#[test]
fn second_build_reencodes_nothing_and_a_changed_image_only_itself() {
    let (site, first) = built();
    assert!(
        first.stdout.contains("images: 3 encoded, 0 from cache"),
        "{}",
        first.stdout
    );
    let second = campaign(&["build", "--force", "--root", site.path().to_str().unwrap()]);
    assert!(
        second.stdout.contains("images: 0 encoded, 3 from cache"),
        "{}",
        second.stdout
    );
    std::fs::copy(
        site.path().join("static/images/wide.jpg"),
        site.path().join("static/images/small.png.tmp"),
    )
    .unwrap();
    std::fs::rename(
        site.path().join("static/images/small.png.tmp"),
        site.path().join("static/images/small.png"),
    )
    .unwrap();
    let third = build(site.path());
    assert!(
        third.stdout.contains("images: 0 encoded, 2 from cache"),
        "the changed image now equals wide.jpg: {}",
        third.stdout
    );
    // Bytes after the JPEG end marker are not published, so they change nothing.
    let mut trailer = std::fs::read(site.path().join("static/images/rotated.jpg")).unwrap();
    trailer.extend_from_slice(b"new");
    std::fs::write(site.path().join("static/images/rotated.jpg"), trailer).unwrap();
    let same = build(site.path());
    assert!(
        same.stdout.contains("images: 0 encoded, 2 from cache"),
        "a trailer is not part of the picture: {}",
        same.stdout
    );
    // A new picture.
    let mut img = image::open(site.path().join("static/images/rotated.jpg")).unwrap();
    img.as_mut_rgb8()
        .unwrap()
        .put_pixel(0, 0, image::Rgb([255, 0, 0]));
    img.save(site.path().join("static/images/rotated.jpg"))
        .unwrap();
    let fourth = build(site.path());
    assert!(
        fourth.stdout.contains("images: 1 encoded, 1 from cache"),
        "only the changed image is encoded: {}",
        fourth.stdout
    );
}

#[test]
fn alt_text_rules() {
    let (_, r) = built();
    assert_transcript(expected("site-media", "expected-stderr"), &r.stderr);
    let site = fixture("site-media");
    std::fs::write(
        site.path().join("content/_index.ka.md"),
        "---\ntitle: მთავარი\n---\n\n[![](/images/small.png)](/en/)\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error: an image inside a link has no alt text, so the link has no name\n  --> content/_index.ka.md:5:2\n"), "{}", r.stderr);
}

#[test]
fn image_errors_name_file_and_line() {
    let site = fixture("site-media");
    std::fs::write(
        site.path().join("static/images/broken.jpg"),
        b"not an image",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/_index.ka.md"),
        "---\ntitle: მთავარი\n---\n\n![დაკარგული](/images/missing.jpg)\n\n![გატეხილი](/images/broken.jpg)\n",
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error: the link `/images/missing.jpg` points to a page that does not exist\n  --> content/_index.ka.md:5:1\n"), "{}", r.stderr);
    assert!(r.stderr.contains("error: the file is not a JPEG, PNG or WebP image (its name says it is)\n  --> content/_index.ka.md:7:1\n"), "{}", r.stderr);
}

#[test]
fn share_image_is_cropped_to_1200_by_630() {
    let (site, _) = built();
    let en = read(&site.path().join("public"), "en/index.html");
    let tag = en
        .split("<meta property=\"og:image\" content=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        tag.starts_with("https://example.ge/_img/") && tag.ends_with("-1200x630.jpg"),
        "{tag}"
    );
    let name = tag.rsplit('/').next().unwrap();
    assert!(site.path().join("public/_img").join(name).is_file());
}

#[test]
fn provider_videos_are_click_to_load_placeholders() {
    let (site, _) = built();
    let html = read(&site.path().join("public"), "en/news/videos/index.html");
    assert!(!html.contains("<iframe"));
    assert!(
        !html.contains("youtube-nocookie") && !html.contains("player.vimeo"),
        "no player address before the click"
    );
    assert!(html.contains(r#"<div class="video-facade" data-provider="youtube" data-id="dQw4w9WgXcQ" data-lang="en" data-title="A YouTube video">"#));
    assert!(
        html.contains(
            r#"<a class="video-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">"#
        ),
        "without JavaScript it is a plain link"
    );
    assert!(
        html.contains("<span class=\"video-label\">Play on YouTube: A YouTube video (1:05)</span>")
    );
    assert!(
        html.contains(r#"data-provider="vimeo" data-id="76979871""#),
        "front-matter videos work too"
    );
    let script = attrs(&html, "src")
        .into_iter()
        .find(|s| s.contains("video."))
        .unwrap_or_default();
    assert!(
        script.starts_with("../../../video.")
            && script.ends_with(".js")
            && html.contains(&format!("<script src=\"{script}\" defer></script>")),
        "the video script, by its hashed name: {script:?}"
    );
    let ka = read(&site.path().join("public"), "news/videos/index.html");
    assert!(
        ka.contains(r#"data-lang="ka""#),
        "captions in the page language"
    );
}

#[test]
fn self_hosted_videos_have_captions_size_and_transcript() {
    let (site, _) = built();
    let ka = read(&site.path().join("public"), "news/videos/index.html");
    assert!(ka.contains(
        "<video controls preload=\"none\" width=\"300\" height=\"200\" poster=\"../../_img/"
    ));
    let poster = attrs(&ka, "poster")[0];
    assert!(
        poster.ends_with(".webp"),
        "the poster is sent as WebP: {poster}"
    );
    let out = site.path().join("public/news/videos");
    let webp = std::fs::read(out.join(poster)).unwrap();
    let jpeg = std::fs::read(out.join(poster.replace(".webp", ".jpg"))).unwrap();
    assert!(
        webp.len() < jpeg.len(),
        "WebP {} bytes, JPEG {} bytes",
        webp.len(),
        jpeg.len()
    );
    assert!(ka.contains(r#"<track kind="captions" src="../../videos/clip.ka.vtt" srclang="ka" label="ქართული" default>"#));
    assert!(ka.contains(
        r#"<track kind="captions" src="../../videos/clip.en.vtt" srclang="en" label="English">"#
    ));
    assert!(
        ka.contains("კლიპი (0:01) · MP4, 7 KB · <a href=\"#transcript-2\">ტექსტური ვერსია</a>"),
        "{ka}"
    );
    assert!(ka.contains("<details class=\"transcript\" id=\"transcript-2\"><summary>ტექსტური ვერსია: კლიპი</summary>\n<p>კლიპის ტექსტი.</p>"));
    assert!(
        !site.path().join("public/videos/clip.ka.md").exists(),
        "transcripts are shown, not published raw"
    );
    let en = read(&site.path().join("public"), "en/news/videos/index.html");
    let start = en.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let json: serde_json::Value =
        serde_json::from_str(&en[start..start + en[start..].find("</script>").unwrap()]).unwrap();
    assert_eq!(json["video"][1]["@type"], "VideoObject");
    assert_eq!(
        json["video"][1]["contentUrl"],
        "https://example.ge/videos/clip.mp4"
    );
    assert!(
        en.contains(r#"<meta property="og:video" content="https://example.ge/videos/clip.mp4">"#)
    );
}

#[test]
fn video_errors_name_file_and_line() {
    let site = fixture("site-media");
    let cases = [
        (
            "{{< video youtube=\"short\" title=\"x\" >}}",
            "error: `short` is not a YouTube video id",
        ),
        (
            "{{< video vimeo=\"abc\" title=\"x\" >}}",
            "error: `abc` is not a Vimeo video id",
        ),
        (
            "{{< video dailymotion=\"x2\" title=\"x\" >}}",
            "error: the video option `dailymotion` is unknown",
        ),
        (
            "{{< video src=\"/videos/none.mp4\" title=\"x\" >}}",
            "error: the video file `/videos/none.mp4` does not exist",
        ),
        (
            "{{< video src=\"/videos/clip.mp4\" title=\"x\" captions=\"/videos/nocaps\" >}}",
            "error: the caption file `/videos/nocaps.ka.vtt` does not exist",
        ),
        (
            "{{< video youtube=\"dQw4w9WgXcQ\" >}}",
            "error: the video has no `title`",
        ),
        (
            "{{< audio src=\"x\" >}}",
            "error: `audio` is not a known directive (only `video` is)",
        ),
    ];
    for (line, expected) in cases {
        std::fs::write(
            site.path().join("content/news/videos.ka.md"),
            format!("---\ntitle: ვიდეო\n---\n\nტექსტი.\n\n{line}\n"),
        )
        .unwrap();
        let r = build(site.path());
        assert_eq!(r.code, 1, "{line}");
        assert!(
            r.stderr.contains(&format!(
                "{expected}\n  --> content/news/videos.ka.md:7:1\n"
            )),
            "{line}:\n{}",
            r.stderr
        );
    }
}
