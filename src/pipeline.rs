//! The whole pipeline in one call: load → model → render, returning the output in memory.

use crate::date::Date;
use crate::diagnostics::{self, Diagnostic, has_errors};
use crate::load;
use crate::media::Media;
use crate::media::clean;
use crate::media::images::Cache;
use crate::model::{self, ModelOptions};
use crate::outdir;
use crate::render;
use crate::render::preview::Preview;
use crate::stamp;
use crate::write::{Output, Sink, Staging};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// What a build is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Include drafts and scheduled/expired pages.
    pub drafts: bool,
    /// Override `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Today's date (Asia/Tbilisi), for publish/expiry dates.
    pub today: Date,
    /// Encode images (through the cache in `.cache/`); `check` does not.
    pub process_images: bool,
    /// Write the site into this folder (atomically); `None` keeps it in memory.
    pub output: Option<std::path::PathBuf>,
    /// Build even when nothing changed since the last build into the same folder.
    pub force: bool,
    /// Write links that work when the site is opened from disk (`file://`): a link to a
    /// folder names its `index.html`, and the self-check loads each step as a page.
    pub portable: bool,
    /// A build for `campaign serve`'s preview: no service worker is written or registered,
    /// so an editor's browser never shows pages kept from an earlier build.
    pub preview: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            drafts: false,
            base_url: None,
            today: Date::today_tbilisi(),
            process_images: true,
            output: None,
            force: false,
            portable: false,
            preview: false,
        }
    }
}

/// A page missing in some language: its path without language, and the file per language.
pub use crate::model::Untranslated;

/// The result of a build: the site (when there were no errors) and every message.
#[derive(Default)]
pub struct Build {
    /// The output files of an in-memory build, `None` when the build failed or went to disk.
    pub output: Option<Output>,
    /// Number of files written (to disk or memory).
    pub files_written: usize,
    /// Nothing changed since the last build into the same folder, so nothing was written.
    pub unchanged: bool,
    /// Only the pages whose text changed were rendered again (`serve`).
    pub incremental: bool,
    /// Errors, warnings and notes, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Pages per language code, in site order.
    pub pages_per_lang: Vec<(String, usize)>,
    /// Wall time of the build.
    pub elapsed: std::time::Duration,
    /// Images encoded now and taken from the cache.
    pub images: crate::media::Stats,
    /// Pages missing in some language: (page path without language, file per language or `None`).
    pub untranslated: Vec<Untranslated>,
    /// Translations whose default-language page changed after they were translated.
    pub outdated: Vec<crate::model::outdated::Outdated>,
    /// Every page in every language: translated, missing or maybe out of date.
    pub translations: Arc<crate::model::outdated::Table>,
    /// The next day a page's publish_date or expiry_date changes the site (not with drafts).
    pub next_change: Option<Date>,
}

impl Build {
    /// Whether the build failed.
    pub fn failed(&self) -> bool {
        diagnostics::has_errors(&self.diagnostics)
    }
}

/// What a good in-memory build keeps for rendering single pages again.
pub(crate) struct SiteMemo {
    /// The sources the build read (templates, locales, static files, data).
    pub src: Arc<load::Sources>,
    /// The model, with the page texts of the latest build.
    pub site: Arc<crate::model::Site>,
    /// Per-page results and messages of the render.
    pub render: crate::render::Memo,
    /// The whole output of the latest build.
    pub output: Output,
    /// Messages found before the render (reading, configuration, model).
    pub pre_render: Vec<Diagnostic>,
    /// Pages per language.
    pub pages_per_lang: Vec<(String, usize)>,
    /// Pages missing in some language.
    pub untranslated: Vec<Untranslated>,
    /// Every page in every language (made again only when a page's status changes).
    pub translations: Arc<crate::model::outdated::Table>,
    /// The options the memo was built with.
    pub opts: BuildOptions,
}

/// Build the site at `root`, into memory or into `opts.output`.
pub fn build(root: &Path, opts: &BuildOptions) -> Build {
    build_with_memo(root, opts).0
}

/// [`build`], and for a good build into memory what [`crate::session::Session`] needs to
/// render single pages again.
pub(crate) fn build_with_memo(root: &Path, opts: &BuildOptions) -> (Build, Option<SiteMemo>) {
    build_with_preview(root, opts, None)
}

/// What is told of a build's [`Preview`] once the model is ready, before its pages are
/// rendered.
pub type OnPreview<'a> = &'a mut dyn FnMut(Preview);

/// [`build_with_memo`], giving `on_preview` a [`Preview`] of the site as soon as its model
/// is ready (when it has no errors so far): single pages can be rendered from it while the
/// whole render runs.
pub(crate) fn build_with_preview(
    root: &Path,
    opts: &BuildOptions,
    on_preview: Option<OnPreview<'_>>,
) -> (Build, Option<SiteMemo>) {
    let start = Instant::now();
    let src = load::load(root);
    let next_change = if opts.drafts {
        None
    } else {
        crate::schedule::next_change(&src, opts.today)
    };
    let (mut build, memo) = build_loaded(root, opts, src, start, on_preview);
    build.next_change = next_change;
    (build, memo)
}

/// [`build_with_memo`] once the sources are read.
fn build_loaded(
    root: &Path,
    opts: &BuildOptions,
    mut src: load::Sources,
    start: Instant,
    on_preview: Option<OnPreview<'_>>,
) -> (Build, Option<SiteMemo>) {
    let mut diags = std::mem::take(&mut src.diagnostics);
    apply_base_url(&mut src, opts, &mut diags);
    if let Some(cfg) = src.config.as_mut() {
        cfg.portable = opts.portable;
        cfg.preview = opts.preview;
    }
    // The output folder must be one a build may fill; nothing is touched otherwise.
    let target = match opts.output.as_ref() {
        Some(dest) => match output_dir(root, dest, &src, &mut diags) {
            Some(t) => Some(t),
            None => return (finish(diags, Vec::new(), start), None),
        },
        None => None,
    };
    // New translations get the fingerprint of their source as it is now (`check` writes
    // nothing, so it only reads the record).
    if target.is_some() || opts.preview {
        crate::translations::record_new(&mut src, &mut diags);
    }
    // Nothing changed since the last build into the same folder: say so and stop.
    let fingerprint = target
        .as_ref()
        .map(|_| stamp::fingerprint(root, &src, &options_key(opts)));
    if let (Some(dest), Some(t), Some(fp)) = (&opts.output, &target, fingerprint)
        && !opts.force
        && !has_errors(&diags)
        && let Some(s) = stamp::read(root, dest, &t.real, fp)
    {
        let build = Build {
            diagnostics: s.diagnostics,
            pages_per_lang: s.pages_per_lang,
            files_written: s.files,
            unchanged: true,
            elapsed: start.elapsed(),
            ..Default::default()
        };
        return (build, None);
    }
    let model_opts = ModelOptions {
        drafts: opts.drafts,
        today: opts.today,
    };
    let (site, mut d) = model::build(&src, &model_opts);
    diags.append(&mut d);
    // The model holds what the render needs of each page: the files as read go.
    src.pages = Vec::new();
    let Some(site) = site else {
        return (finish(diags, Vec::new(), start), None);
    };
    let run = Run {
        root,
        opts,
        target,
        fingerprint,
        start,
        on_preview,
    };
    run.render_and_write(src, site, diags)
}

/// `--base-url` replaces `base_url` of site.yaml.
fn apply_base_url(src: &mut load::Sources, opts: &BuildOptions, diags: &mut Vec<Diagnostic>) {
    let (Some(cfg), Some(url)) = (src.config.as_mut(), opts.base_url.as_ref()) else {
        return;
    };
    match crate::config::normalize_base_url(url) {
        Some(u) => cfg.base_url = Some(u),
        None => diags.push(
            Diagnostic::error("base-url", format!("`{url}` is not a web address"))
                .with_hint("pass the full address, e.g. --base-url https://example.ge/")
                .tr("base-url", &[("url", url)]),
        ),
    }
}

/// The output folder, when a build may fill it (else why not, in `diags`); stale staging
/// folders of killed builds are removed.
fn output_dir(
    root: &Path,
    dest: &Path,
    src: &load::Sources,
    diags: &mut Vec<Diagnostic>,
) -> Option<outdir::OutputDir> {
    let keep = src
        .config
        .as_ref()
        .map(|c| c.output_keep.clone())
        .unwrap_or_default();
    let out = outdir::check(root, dest, &keep, stamp::was_built(root, dest))
        .map_err(|d| diags.push(d))
        .ok()?;
    outdir::remove_stale(&out);
    Some(out)
}

/// The build options that change the output, as one string for the fingerprint.
fn options_key(opts: &BuildOptions) -> String {
    format!(
        "{:?}|{:?}|{:?}|{:?}|{}|{}",
        opts.drafts,
        opts.portable,
        opts.preview,
        opts.base_url,
        opts.today.iso(),
        opts.process_images
    )
}

/// One build after the model: where it goes and what it started with.
struct Run<'a, 'p> {
    root: &'a Path,
    opts: &'a BuildOptions,
    target: Option<outdir::OutputDir>,
    fingerprint: Option<u64>,
    start: Instant,
    on_preview: Option<OnPreview<'p>>,
}

impl Run<'_, '_> {
    /// Clean the images, render into a staging folder or memory, encode the images, and
    /// put the new site in place (or keep it in memory, with a memo for `serve`).
    fn render_and_write(
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
            Some(s) => self.commit(s, files_written, &pages_per_lang, &mut diags),
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
    /// nothing changed.
    fn commit(
        &self,
        staging: Staging,
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
                    .and_then(|t| stamp::output_digest(&t.real))
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

/// A build that wrote nothing, with its messages.
fn finish(
    mut diags: Vec<Diagnostic>,
    pages_per_lang: Vec<(String, usize)>,
    start: Instant,
) -> Build {
    crate::render::link_notes::merge(&mut diags);
    diagnostics::sort_unique(&mut diags);
    Build {
        diagnostics: diags,
        pages_per_lang,
        elapsed: start.elapsed(),
        ..Default::default()
    }
}

/// The site file an output path comes from (`images/a.jpg` → `static/images/a.jpg`).
fn image_file(src: &load::Sources, out: &str) -> String {
    src.statics
        .iter()
        .chain(&src.assets)
        .find(|f| f.out == out)
        .map_or_else(|| out.to_string(), |f| f.source.clone())
}
