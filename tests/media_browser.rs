//! Videos in a real browser (headless Chromium through chromedriver), on the media fixture:
//! the YouTube/Vimeo placeholders request nothing from the provider until the reader clicks —
//! with the provider's hosts unreachable, the browser does not even try — and the click loads
//! the privacy-enhanced player with captions in the page's language; the self-hosted clip
//! fetches nothing before play, then plays with its Georgian captions on by default.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::{Client, Locator};
use serde_json::Value;
use std::time::{Duration, Instant};
use support::browser::{Driver, SessionOptions, performance_log, requested_urls, serve_with_csp};

/// The test server's policy, with the two players allowed in frames: a site that embeds them
/// has to allow them, and a stricter policy would hide whether the page tries to load them.
const CSP_PLAYERS: &str = "default-src 'self'; script-src 'self'; style-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// Every host name a provider's player or images come from.
const PROVIDER_HOSTS: &[&str] = &["youtube", "ytimg", "googlevideo", "vimeo", "vimeocdn"];

fn is_provider(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .and_then(|r| r.split(['/', '?', '#']).next())
        .unwrap_or("")
        .to_ascii_lowercase();
    host.split(['.', ':'])
        .any(|part| PROVIDER_HOSTS.contains(&part))
}

/// Every address the page has loaded or would load: the Resource Timing entries, plus the
/// addresses of the elements that load something (images and their srcset, scripts,
/// stylesheets and other fetching links, frames, media, posters, tracks, objects, CSS
/// backgrounds), plus whether there is any frame.
const LOADED: &str = r#"
var out = { resources: performance.getEntriesByType('resource').map(function (e) { return e.name; }),
            elements: [], frames: document.querySelectorAll('iframe, frame, object, embed').length };
function add(u) { if (u) { out.elements.push(new URL(u, location.href).href); } }
function srcset(s) { (s || '').split(',').forEach(function (c) { add(c.trim().split(/\s+/)[0]); }); }
document.querySelectorAll('img, source').forEach(function (e) {
  add(e.getAttribute('src')); srcset(e.getAttribute('srcset'));
});
document.querySelectorAll('script[src], iframe[src], frame[src], embed[src], audio[src], video[src], track[src]')
  .forEach(function (e) { add(e.getAttribute('src')); });
document.querySelectorAll('video[poster]').forEach(function (e) { add(e.getAttribute('poster')); });
document.querySelectorAll('object[data]').forEach(function (e) { add(e.getAttribute('data')); });
document.querySelectorAll('link[href]').forEach(function (e) {
  var rel = (e.getAttribute('rel') || '').toLowerCase().split(/\s+/);
  var fetching = ['stylesheet', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'icon', 'manifest'];
  if (rel.some(function (r) { return fetching.indexOf(r) >= 0; })) { add(e.getAttribute('href')); }
});
document.querySelectorAll('*').forEach(function (e) {
  var bg = getComputedStyle(e).backgroundImage || '';
  var m = bg.match(/url\(["']?([^"')]+)["']?\)/g) || [];
  m.forEach(function (u) { add(u.replace(/^url\(["']?/, '').replace(/["']?\)$/, '')); });
});
return out;
"#;

/// What the page has loaded (see [`LOADED`]).
struct Loaded {
    resources: Vec<String>,
    elements: Vec<String>,
    frames: u64,
}

async fn loaded(c: &Client) -> Loaded {
    let v = c.execute(LOADED, vec![]).await.expect("list what loads");
    let list = |k: &str| -> Vec<String> {
        v[k].as_array()
            .expect("a list")
            .iter()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    Loaded {
        resources: list("resources"),
        elements: list("elements"),
        frames: v["frames"].as_u64().expect("a count"),
    }
}

/// Poll `script` (which returns a boolean) every 25 ms until it is true; panic with `what` after
/// `secs` seconds.
async fn until(c: &Client, script: &str, secs: u64, what: &str) {
    let start = Instant::now();
    loop {
        let v = c.execute(script, vec![]).await.expect("poll");
        if v == Value::Bool(true) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "{what} within {secs} s (last: {v})"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn open(c: &Client, url: &str) {
    c.goto(url).await.expect("open page");
    until(
        c,
        "return document.readyState === 'complete';",
        10,
        "the page loads",
    )
    .await;
}

/// Before any click, the page loaded only from the local server, has no frame, and the browser
/// requested nothing from a provider.
async fn assert_nothing_from_providers(c: &Client, origin: &str, when: &str) -> Vec<String> {
    let l = loaded(c).await;
    assert_eq!(l.frames, 0, "{when}: no frame before the click");
    assert!(
        !l.elements.is_empty() && !l.resources.is_empty(),
        "{when}: the page loads its stylesheet, script and posters"
    );
    for u in l.resources.iter().chain(&l.elements) {
        assert!(
            u.starts_with(origin),
            "{when}: `{u}` does not come from the local server"
        );
        assert!(!is_provider(u), "{when}: `{u}` is a provider address");
    }
    let requested = requested_urls(&performance_log(c).await.expect("performance log"));
    assert!(
        requested
            .iter()
            .any(|u| u.contains("/video.") && u.ends_with(".js")),
        "the performance log records the page's requests: {requested:?}"
    );
    let to_providers: Vec<&String> = requested.iter().filter(|u| is_provider(u)).collect();
    assert!(
        to_providers.is_empty(),
        "{when}: the browser requested {to_providers:?}"
    );
    l.resources
}

#[tokio::test]
async fn placeholders_request_nothing_from_providers_until_clicked() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let site = support::fixture("site-media");
    let b = support::build_to_temp(site.path());
    assert!(b.ok(), "{}", b.stderr);
    let server = serve_with_csp(b.out.clone(), CSP_PLAYERS);
    let origin = server.base.trim_end_matches('/').to_string();
    let page = format!("{}en/news/videos/", server.base);

    // With the network as it is: nothing from the providers on load.
    let profile = tempfile::tempdir().expect("profile dir");
    let logged = SessionOptions {
        performance_log: true,
        ..SessionOptions::default()
    };
    let c = driver
        .session_with(true, profile.path(), &logged)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    open(&c, &page).await;
    assert_eq!(
        c.find_all(Locator::Css(".video-facade"))
            .await
            .expect("find")
            .len(),
        2,
        "the YouTube and the Vimeo placeholder"
    );
    assert_nothing_from_providers(&c, &origin, "on load").await;
    c.close().await.expect("close the session");

    // With every host but the local server unresolvable: the page does not even try, and the
    // click builds the privacy-enhanced player's frame, which the browser then tries to load.
    let profile = tempfile::tempdir().expect("profile dir");
    let blocked = SessionOptions {
        args: vec!["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1".into()],
        performance_log: true,
        ..Default::default()
    };
    let c = driver
        .session_with(true, profile.path(), &blocked)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    open(&c, &page).await;
    let before =
        assert_nothing_from_providers(&c, &origin, "network blocked, before the click").await;
    c.find(Locator::Css(
        ".video-facade[data-provider=\"youtube\"] a.video-link",
    ))
    .await
    .expect("the YouTube placeholder's link")
    .click()
    .await
    .expect("click the placeholder");
    until(
        &c,
        "return !!document.querySelector('.video-facade[data-provider=\"youtube\"] iframe');",
        5,
        "the click puts the player's frame in place of the placeholder",
    )
    .await;
    let frame = c
        .find(Locator::Css(
            ".video-facade[data-provider=\"youtube\"] iframe",
        ))
        .await
        .expect("the frame");
    let src = frame.attr("src").await.expect("src").unwrap_or_default();
    assert!(
        src.starts_with("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        "{src}"
    );
    assert!(
        src.contains("cc_lang_pref=en"),
        "captions in the page's language: {src}"
    );
    assert_eq!(
        frame.attr("title").await.expect("title").as_deref(),
        Some("A YouTube video"),
        "the frame is named"
    );
    assert!(
        c.find_all(Locator::Css(
            ".video-facade[data-provider=\"vimeo\"] iframe"
        ))
        .await
        .expect("find")
        .is_empty(),
        "only the clicked video loads"
    );
    // The browser now tries the player's address and fails to resolve it: the log would have
    // shown an earlier attempt.
    let start = Instant::now();
    let mut after = Vec::new();
    let mut failed = false;
    loop {
        let events = performance_log(&c).await.expect("performance log");
        after.extend(requested_urls(&events));
        failed |= events.iter().any(|e| {
            e["method"] == "Network.loadingFailed"
                && e["params"]["errorText"]
                    .as_str()
                    .is_some_and(|t| t.contains("NAME_NOT_RESOLVED"))
        });
        if after
            .iter()
            .any(|u| u.starts_with("https://www.youtube-nocookie.com/embed/"))
            && failed
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "after the click the browser should try the player and fail to resolve it: {after:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        !after.iter().any(|u| u.contains("vimeo")),
        "the Vimeo player is not loaded: {after:?}"
    );
    assert!(
        !before.iter().any(|u| is_provider(u)),
        "before the click the resource list had no provider address: {before:?}"
    );
    c.close().await.expect("close the session");
}

#[tokio::test]
async fn self_hosted_video_plays_with_georgian_captions_on() {
    let driver = Driver::start().unwrap_or_else(|why| panic!("the browser test cannot run: {why}"));
    let site = support::fixture("site-media");
    let b = support::build_to_temp(site.path());
    assert!(b.ok(), "{}", b.stderr);
    let server = support::browser::serve(b.out.clone());
    let profile = tempfile::tempdir().expect("profile dir");
    let options = SessionOptions {
        args: vec!["--autoplay-policy=no-user-gesture-required".into()],
        performance_log: true,
        ..Default::default()
    };
    let c = driver
        .session_with(true, profile.path(), &options)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    open(&c, &format!("{}news/videos/", server.base)).await;

    let codec = c
        .execute(
            "return document.createElement('video').canPlayType('video/mp4; codecs=\"avc1.42E01E\"');",
            vec![],
        )
        .await
        .expect("canPlayType");
    assert_ne!(
        codec,
        Value::String(String::new()),
        "this Chromium cannot play H.264: give the fixture a WebM copy of the clip (ffmpeg -f lavfi -i testsrc2=size=320x180:rate=10 -t 1 -c:v libvpx -b:v 50k clip.webm) and test that one"
    );

    // preload="none": nothing of the clip is fetched before the reader presses play.
    let requested = requested_urls(&performance_log(&c).await.expect("performance log"));
    assert!(
        requested
            .iter()
            .any(|u| u.contains("/style.") && u.ends_with(".css")),
        "the performance log records the page's requests: {requested:?}"
    );
    assert!(
        !requested.iter().any(|u| u.ends_with("/clip.mp4")),
        "the clip is not downloaded before play: {requested:?}"
    );

    let tracks = c
        .execute(
            "var v = document.querySelector('video');
             return Array.prototype.map.call(v.textTracks, function (t) { return [t.language, t.kind, t.label]; });",
            vec![],
        )
        .await
        .expect("text tracks");
    assert_eq!(
        tracks,
        serde_json::json!([["ka", "captions", "ქართული"], ["en", "captions", "English"]]),
        "a caption track per language"
    );

    let played = c
        .execute_async(
            "var done = arguments[arguments.length - 1];
             var v = document.querySelector('video');
             v.muted = true;
             v.play().then(function () { done('playing'); }, function (e) { done('play() failed: ' + e); });",
            vec![],
        )
        .await
        .expect("play");
    assert_eq!(played, "playing");
    until(
        &c,
        "var v = document.querySelector('video'); return v.currentTime > 0 || v.readyState >= 2;",
        10,
        "the clip plays",
    )
    .await;
    let err = c
        .execute(
            "var e = document.querySelector('video').error; return e ? e.code + ' ' + e.message : null;",
            vec![],
        )
        .await
        .expect("media error");
    assert_eq!(err, Value::Null, "the clip decodes");

    // The Georgian captions are on by default and their cues load; English is off until chosen.
    let modes = c
        .execute(
            "var t = document.querySelector('video').textTracks; return [t[0].mode, t[1].mode];",
            vec![],
        )
        .await
        .expect("modes");
    assert_eq!(modes, serde_json::json!(["showing", "disabled"]));
    until(
        &c,
        "var t = document.querySelector('video').textTracks[0]; t.mode = 'showing'; return !!t.cues && t.cues.length > 0;",
        5,
        "the Georgian captions load their cues",
    )
    .await;
    let cue = c
        .execute(
            "var t = document.querySelector('video').textTracks[0]; return [t.cues.length, t.cues[0].text, t.cues[0].startTime, t.cues[0].endTime];",
            vec![],
        )
        .await
        .expect("cue");
    assert_eq!(cue, serde_json::json!([1, "კლიპი", 0, 1]));
    until(
        &c,
        "var t = document.querySelector('video').textTracks[1]; t.mode = 'showing'; return !!t.cues && t.cues.length > 0 && t.cues[0].text === 'Clip';",
        5,
        "the English captions load once chosen",
    )
    .await;

    let requested = requested_urls(&performance_log(&c).await.expect("performance log"));
    assert!(
        requested.iter().any(|u| u.ends_with("/videos/clip.mp4")),
        "play fetched the clip: {requested:?}"
    );
    c.close().await.expect("close the session");
}
