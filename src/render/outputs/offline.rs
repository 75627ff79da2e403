//! Offline reading: a service worker at the site's root (`sw.js`, whose scope is the site's
//! folder, also under a sub-path) and the script every page loads to install it
//! (`offline.js`). The worker keeps the pages a reader opened (network first), the
//! self-check's pages and the regional help list in every language, and the stylesheets,
//! scripts and icons at the root of the site (taken from what the build wrote, so renamed
//! files are followed). Its cache is named after a hash of everything the build wrote
//! before it, so every changed build is a new worker that deletes the older caches.
//!
//! `offline: false` in site.yaml writes no `offline.js` and a `sw.js` that deletes what an
//! earlier worker kept and removes itself (readers who installed one would otherwise keep an
//! old site). The preview (`serve`) and portable builds write neither file. A site's own
//! `static/sw.js` or `static/offline.js` is an error unless `offline: false`, which publishes
//! it as it is.

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use crate::render::assets::AssetNames;
use crate::write::Sink;
use xxhash_rust::xxh3::Xxh3;

/// The worker's file, at the root of the site.
pub const WORKER: &str = "sw.js";
/// The script pages load (`<script src=... defer>`) to install the worker.
pub const REGISTER: &str = "offline.js";

/// The worker, with `{{version}}` and `{{precache}}` to fill in.
const WORKER_JS: &str = include_str!("offline/sw.js");
/// The worker written with `offline: false`: it removes itself and what it kept.
const OFF_JS: &str = include_str!("offline/off.js");
/// The installing script.
const REGISTER_JS: &str = include_str!("offline/offline.js");

/// The script that installs the worker: its output name and text.
pub fn register_script() -> (&'static str, &'static str) {
    (REGISTER, REGISTER_JS)
}

/// Writes `sw.js` and `offline.js`.
pub struct Offline;

impl Step for Offline {
    fn name(&self) -> &'static str {
        "offline reading"
    }

    /// Its version hashes every file written before it, so it runs after all other steps;
    /// `serve` never writes it (previews are not kept), so it needs no re-run there.
    fn write(&self, cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
        let c = &cx.site.config;
        if !c.service_worker() {
            return;
        }
        if !c.offline {
            // A site's own worker stays; else readers' old workers remove themselves.
            if own_file(cx, &[WORKER]).is_none() {
                out.put(WORKER.into(), OFF_JS.as_bytes().to_vec());
            }
            return;
        }
        if let Some(f) = own_file(cx, &[WORKER, REGISTER]) {
            diags.push(
                Diagnostic::error(
                    "offline",
                    format!("`{}` has the name of campaign's offline reading file", f.out),
                )
                .in_file(&f.source)
                .with_hint("rename the file, or write `offline: false` in site.yaml to publish your own service worker instead of campaign's")
                .tr("offline-own-file", &[("file", &f.out)]),
            );
            return;
        }
        out.put(REGISTER.into(), REGISTER_JS.as_bytes().to_vec());
        // Pages load it by its content-hashed name (see `render::assets`).
        if let Some(hashed) = AssetNames::for_build(c, &cx.src.statics).output_of(REGISTER) {
            out.put(hashed.to_string(), REGISTER_JS.as_bytes().to_vec());
        }
        out.put(WORKER.into(), worker(cx.site, out).into_bytes());
    }
}

/// The worker, for what the build wrote so far (`offline.js` included).
fn worker(site: &Site, out: &Sink) -> String {
    let files = out.files();
    let written: std::collections::HashSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let precache: Vec<String> = precache(site, &written)
        .into_iter()
        .chain(root_assets(&files))
        .collect();
    WORKER_JS
        .replace("{{version}}", &format!("{:016x}", version(&files)))
        .replace(
            "{{precache}}",
            &serde_json::to_string_pretty(&precache).unwrap_or_else(|_| "[]".into()),
        )
}

/// The site's own static file (or theme asset) published at one of `names`, if any.
fn own_file<'a>(cx: &Context<'a>, names: &[&str]) -> Option<&'a crate::load::StaticFile> {
    cx.src
        .statics
        .iter()
        .chain(&cx.src.assets)
        .find(|f| names.contains(&f.out.as_str()))
}

/// The self-check's pages and flow data, and the regional help list (the page using
/// `regions.html` and every organisation), in every language: the files of these addresses
/// that the build wrote, as addresses relative to the worker (`check/q/2/`, `en/help/`).
fn precache(site: &Site, written: &std::collections::HashSet<&str>) -> Vec<String> {
    let c = &site.config;
    let mut urls: Vec<String> = Vec::new();
    if let Some(check) = &site.self_check {
        urls.extend(check.urls(c));
        for l in &c.languages {
            urls.push(format!("{}flow.json", check.root(c, &l.code)));
        }
    }
    urls.extend(
        site.pages
            .iter()
            .filter(|p| {
                p.content.organisation().is_some()
                    || crate::render::template_for(p, site) == "regions.html"
            })
            .map(|p| p.url.clone()),
    );
    urls.into_iter()
        .map(|u| u.trim_start_matches('/').to_string())
        .filter(|u| {
            let file = if u.is_empty() || u.ends_with('/') {
                format!("{u}index.html")
            } else {
                u.clone()
            };
            written.contains(file.as_str())
        })
        .map(|u| if u.is_empty() { "./".into() } else { u })
        .collect()
}

/// The stylesheets, scripts and icons at the root of the site (what every page loads,
/// whatever their names), except the worker itself. A file also written under a
/// content-hashed name (`style.css` and `style.3f2a1c9e07.css`) is kept once, hashed: pages
/// load that one.
fn root_assets(files: &[(String, u64)]) -> Vec<String> {
    let assets: Vec<&str> = files
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| !p.contains('/') && *p != WORKER)
        .filter(|p| [".css", ".js", ".svg"].iter().any(|e| p.ends_with(e)))
        .collect();
    let plain_of_hashed: std::collections::HashSet<String> =
        assets.iter().filter_map(|p| unhashed(p)).collect();
    assets
        .into_iter()
        .filter(|p| !plain_of_hashed.contains(*p))
        .map(str::to_string)
        .collect()
}

/// `style.css` for a content-hashed name such as `style.3f2a1c9e07.css` (a part of at least 8
/// hexadecimal digits before the extension).
fn unhashed(name: &str) -> Option<String> {
    let (rest, ext) = name.rsplit_once('.')?;
    let (stem, hash) = rest.rsplit_once('.')?;
    let hex = hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    (hex && !stem.is_empty()).then(|| format!("{stem}.{ext}"))
}

/// The cache's version: a hash of every file's path and content hash (sorted by path) and of
/// the worker's own code, so that any change to the site, or to the worker, is a new cache.
fn version(files: &[(String, u64)]) -> u64 {
    let mut h = Xxh3::new();
    h.update(WORKER_JS.as_bytes());
    for (path, hash) in files {
        h.update(path.as_bytes());
        h.update(&[0]);
        h.update(&hash.to_le_bytes());
    }
    h.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_assets_are_the_stylesheets_scripts_and_icons_at_the_root() {
        let files: Vec<(String, u64)> = [
            "check.js",
            "check/flow.json",
            "favicon.svg",
            "images/a.svg",
            "index.html",
            "style.3f2a1c9e07.css",
            "style.css",
            "sw.js",
            "video.min.js",
        ]
        .iter()
        .map(|p| (p.to_string(), 0))
        .collect();
        assert_eq!(
            root_assets(&files),
            [
                "check.js",
                "favicon.svg",
                "style.3f2a1c9e07.css",
                "video.min.js"
            ]
        );
        assert_eq!(unhashed("check.0123abcdef.js").as_deref(), Some("check.js"));
        assert_eq!(unhashed("video.min.js"), None);
        assert_eq!(unhashed(".0123abcdef.js"), None);
    }

    #[test]
    fn the_version_follows_every_file() {
        let a = vec![("a.html".to_string(), 1), ("b.css".to_string(), 2)];
        let mut b = a.clone();
        b[1].1 = 3;
        let mut c = a.clone();
        c[1].0 = "c.css".into();
        assert_ne!(version(&a), version(&b));
        assert_ne!(version(&a), version(&c));
        assert_eq!(version(&a), version(&a.clone()));
    }
}
