//! One build after the model: camera data removed from the images, the render into a
//! staging folder or memory, the images encoded, and the new site put in place (or kept in
//! memory, with a memo for `serve`).

use super::{Build, BuildOptions, OnPreview, SiteMemo, finish};
use crate::diagnostics::{self, Diagnostic, has_errors};
use crate::load;
use crate::media::Media;
use crate::media::clean;
use crate::media::images::Cache;
use crate::model;
use crate::outdir;
use crate::render;
use crate::render::preview::Preview;
use crate::stamp;
use crate::write::{Sink, Staging};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// One build after the model: where it goes and what it started with.
pub(super) struct Run<'a, 'p> {
    pub(super) root: &'a Path,
    pub(super) opts: &'a BuildOptions,
    pub(super) target: Option<outdir::OutputDir>,
    pub(super) fingerprint: Option<u64>,
    pub(super) start: Instant,
    pub(super) on_preview: Option<OnPreview<'p>>,
}

impl Run<'_, '_> {
    /// Clean the images, render into a staging folder or memory, encode the images, and
    /// put the new site in place (or keep it in memory, with a memo for `serve`).
    pub(super) fn render_and_write(
        mut self,
        mut src: load::Sources,
        site: model::Site,
        mut diags: Vec<Diagnostic>,
    ) -> (Build, Option<SiteMemo>) {
        let pages_per_lang = pages_per_lang(&site);
        let untranslated = site.untranslated.clone();
        let outdated = site.outdated.clone();
        let translations = Arc::new(crate::model::outdated::table(&site));
        // Images lose their camera data before anything is published.
        let cache = Cache::new(Some(self.root.join(".cache").join("images")));
        let media = clean_media(&mut src, &cache);
        let site = Arc::new(site);
        let src = Arc::new(src);
        if let Some(tell) = self.on_preview.take()
            && !has_errors(&diags)
            && let Some(preview) =
                Preview::new(Arc::clone(&site), Arc::clone(&src), Arc::clone(&media))
        {
            tell(preview);
        }
        // Straight into a fresh folder beside the destination, or into memory.
        let staging = self
            .target
            .as_ref()
            .and_then(|dest| begin(dest, &mut diags));
        let sink = match &staging {
            Some(s) => Sink::disk(s.dir().to_path_buf()),
            // `serve` holds its pages for as long as it runs: deflated (`write/pack.rs`).
            None if self.opts.preview => Sink::memory_packed(),
            None => Sink::memory(),
        };
        let before_render = diags.clone();
        let keep_memo = staging.is_none();
        let (mut d, render_memo) =
            render::render(&site, &src, &media, &sink, has_errors(&diags), keep_memo);
        diags.append(&mut d);
        for (path, why) in media.unreported_broken() {
            diags.push(
                Diagnostic::error("image", why.to_string())
                    .in_file(image_file(&src, &path))
                    .with_hint("replace the image with a complete JPEG, PNG or WebP file")
                    .with_tr(why.tr("image-broken")),
            );
        }
        let mut images = crate::media::Stats::default();
        if !has_errors(&diags) && self.opts.process_images {
            images = encode_images(&media, &cache, &sink, &mut diags);
        }
        if let Some(e) = sink.error() {
            diags.push(
                Diagnostic::error("write", e.message())
                    .with_hint("check that the disk has room and the folder is writable")
                    .tr(
                        "write",
                        &[("path", &e.path), ("io", e.io.0), ("code", &e.io.1)],
                    ),
            );
        }
        let files_written = sink.len();
        let mut output = None;
        let mut memo = None;
        match staging {
            Some(s) if has_errors(&diags) => s.abort(),
            Some(s) => {
                let written = sink.written().unwrap_or_default();
                self.commit(s, written, files_written, &pages_per_lang, &mut diags);
            }
            None => {
                output = sink.into_output();
                if let (Some(out), Some(render), false) = (&output, render_memo, has_errors(&diags))
                {
                    memo = Some(SiteMemo {
                        pages_per_lang: pages_per_lang.clone(),
                        untranslated: untranslated.clone(),
                        translations: Arc::clone(&translations),
                        src,
                        site,
                        render,
                        output: out.clone(),
                        pre_render: before_render,
                        opts: self.opts.clone(),
                    });
                }
            }
        }
        crate::render::link_notes::merge(&mut diags);
        diagnostics::sort_unique(&mut diags);
        if has_errors(&diags) {
            output = None;
        }
        let build = Build {
            files_written,
            untranslated,
            outdated,
            translations,
            images,
            output,
            ..finish(diags, pages_per_lang, self.start)
        };
        (build, memo)
    }

    /// Swap the staging folder in, and record the stamp that lets the next build see that
    /// nothing changed (`written`: every file the sink wrote, as the disk reported it).
    fn commit(
        &self,
        staging: Staging,
        written: Vec<crate::write::FileRow>,
        files: usize,
        pages_per_lang: &[(String, usize)],
        diags: &mut Vec<Diagnostic>,
    ) {
        if let Err(e) = staging.commit() {
            let (io, code) = load::io_reason(&e);
            diags.push(
                Diagnostic::error(
                    "write",
                    format!("cannot put the new site in place: {}", load::plain_io(&e)),
                )
                .with_hint("close programs that use the output folder and build again")
                .tr("write-swap", &[("io", io), ("code", &code)]),
            );
            return;
        }
        let (Some(dest), Some(fp)) = (&self.opts.output, self.fingerprint) else {
            return;
        };
        let mut kept = diags.clone();
        diagnostics::sort(&mut kept);
        stamp::write(
            self.root,
            &stamp::Stamp {
                dest: dest.clone(),
                fingerprint: fp,
                output_digest: self
                    .target
                    .as_ref()
                    .and_then(|t| stamp::written_digest(&t.real, written))
                    .unwrap_or(0),
                files,
                pages_per_lang: pages_per_lang.to_vec(),
                diagnostics: kept,
            },
        );
    }
}

/// Pages per language, in the site's language order.
fn pages_per_lang(site: &model::Site) -> Vec<(String, usize)> {
    site.config
        .languages
        .iter()
        .map(|l| {
            let n = site.pages.iter().filter(|p| p.lang == l.code).count();
            (l.code.clone(), n)
        })
        .collect()
}

/// Remove camera data from every published image, and hand the files to media.
fn clean_media(src: &mut load::Sources, cache: &Cache) -> std::sync::Arc<Media> {
    let mut broken = clean::clean_all(&mut src.statics, cache);
    broken.extend(clean::clean_all(&mut src.assets, cache));
    std::sync::Arc::new(Media::new(src.published_files()).with_broken(broken))
}

/// A staging folder beside the destination, or the reason there is none.
fn begin(dest: &outdir::OutputDir, diags: &mut Vec<Diagnostic>) -> Option<Staging> {
    Staging::begin(dest)
        .map_err(|e| {
            let (io, code) = load::io_reason(&e);
            let folder = dest.real.display().to_string();
            diags.push(
                Diagnostic::error(
                    "write",
                    format!(
                        "cannot create a folder beside {folder}: {}",
                        load::plain_io(&e)
                    ),
                )
                .with_hint("check that the folder is writable")
                .tr(
                    "write-staging",
                    &[("folder", &folder), ("io", io), ("code", &code)],
                ),
            )
        })
        .ok()
}

/// Encode the images pages asked for (through the cache) into the sink.
fn encode_images(
    media: &Media,
    cache: &Cache,
    sink: &Sink,
    diags: &mut Vec<Diagnostic>,
) -> crate::media::Stats {
    let (files, errors, stats) = media.process(cache);
    for (path, bytes) in files {
        sink.put(path, bytes);
    }
    for e in errors {
        diags.push(
            Diagnostic::error("image", e.to_string())
                .with_hint("replace the image with a JPEG, PNG or WebP file")
                .with_tr(e.tr("image-encode")),
        );
    }
    stats
}

/// The site file an output path comes from (`images/a.jpg` → `static/images/a.jpg`).
fn image_file(src: &load::Sources, out: &str) -> String {
    src.statics
        .iter()
        .chain(&src.assets)
        .find(|f| f.out == out)
        .map_or_else(|| out.to_string(), |f| f.source.clone())
}
