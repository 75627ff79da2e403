//! The whole pipeline in one call: load → model → render, returning the output in memory.

use crate::date::Date;
use crate::diagnostics::{self, Diagnostic, has_errors};
use crate::load;
use crate::model::{self, ModelOptions};
use crate::outdir;
use crate::render::preview::Preview;
use crate::stamp;
use crate::write::Output;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

mod run;
use run::Run;

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
