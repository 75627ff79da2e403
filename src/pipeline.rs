//! The whole pipeline in one call: load → model → render, returning the output in memory.

use crate::date::Date;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::load;
use crate::media::Media;
use crate::media::clean;
use crate::media::images::Cache;
use crate::model::{self, ModelOptions};
use crate::outdir;
use crate::render;
use crate::stamp;
use crate::write::{Output, Sink, Staging};
use std::path::Path;
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
        }
    }
}

/// A page missing in some language: its path without language, and the file per language.
pub type Untranslated = (String, Vec<(String, Option<String>)>);

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
}

impl Build {
    /// Whether the build failed.
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// What a good in-memory build keeps for rendering single pages again.
pub(crate) struct SiteMemo {
    /// The sources the build read (templates, locales, static files, data).
    pub src: load::Sources,
    /// The model, with the page texts of the latest build.
    pub site: crate::model::Site,
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
    let start = Instant::now();
    let mut src = load::load(root);
    let mut diags = std::mem::take(&mut src.diagnostics);
    if let (Some(cfg), Some(url)) = (src.config.as_mut(), opts.base_url.as_ref()) {
        match crate::config::normalize_base_url(url) {
            Some(u) => cfg.base_url = Some(u),
            None => diags.push(
                Diagnostic::error("base-url", format!("`{url}` is not a web address"))
                    .with_hint("pass the full address, e.g. --base-url https://example.ge/"),
            ),
        }
    }
    // The output folder must be one a build may fill; nothing is touched otherwise.
    let target = opts.output.as_ref().and_then(|dest| {
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
    });
    if opts.output.is_some() && target.is_none() {
        return (finish(diags, Vec::new(), start), None);
    }
    // Nothing changed since the last build into the same folder: say so and stop.
    let fingerprint = target.as_ref().map(|_| {
        let options = format!(
            "{:?}|{:?}|{}|{}",
            opts.drafts,
            opts.base_url,
            opts.today.iso(),
            opts.process_images
        );
        stamp::fingerprint(root, &src, &options)
    });
    if let (Some(dest), Some(t), Some(fp)) = (&opts.output, &target, fingerprint)
        && !opts.force
        && !diags.iter().any(|d| d.severity == Severity::Error)
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
    let (site, mut d) = model::build(
        &src,
        &ModelOptions {
            drafts: opts.drafts,
            today: opts.today,
        },
    );
    diags.append(&mut d);
    let mut pages_per_lang = Vec::new();
    let mut output = None;
    let mut files_written = 0;
    let mut images = crate::media::Stats::default();
    let mut untranslated = Vec::new();
    let mut memo = None;
    if let Some(site) = site {
        let mut by_key: std::collections::BTreeMap<&str, Vec<&crate::model::Page>> =
            Default::default();
        for p in &site.pages {
            by_key.entry(p.key.as_str()).or_default().push(p);
        }
        for (key, pages) in by_key {
            if pages.len() < site.config.languages.len() {
                let row = site
                    .config
                    .languages
                    .iter()
                    .map(|l| {
                        (
                            l.code.clone(),
                            pages
                                .iter()
                                .find(|p| p.lang == l.code)
                                .map(|p| p.file.clone()),
                        )
                    })
                    .collect();
                let name = pages[0]
                    .file
                    .strip_prefix("content/")
                    .unwrap_or(&pages[0].file);
                let name = name.strip_suffix(".md").unwrap_or(name);
                let name = name
                    .strip_suffix(&format!(".{}", pages[0].lang))
                    .unwrap_or(name)
                    .to_string();
                untranslated.push((if key.is_empty() { name } else { name.clone() }, row));
            }
        }
        for l in &site.config.languages {
            pages_per_lang.push((
                l.code.clone(),
                site.pages.iter().filter(|p| p.lang == l.code).count(),
            ));
        }
        // Images lose their camera data before anything is published.
        let cache = Cache::new(Some(root.join(".cache").join("images")));
        let mut broken = clean::clean_all(&mut src.statics, &cache);
        broken.extend(clean::clean_all(&mut src.assets, &cache));
        let files = src
            .statics
            .iter()
            .chain(&src.assets)
            .map(|f| (f.out.clone(), f.bytes.clone()))
            .collect();
        let media = std::sync::Arc::new(Media::new(files).with_broken(broken));
        // Straight into a fresh folder beside the destination, or into memory.
        let staging = match &target {
            Some(dest) => match Staging::begin(dest) {
                Ok(s) => Some(s),
                Err(e) => {
                    diags.push(
                        Diagnostic::error(
                            "write",
                            format!(
                                "cannot create a folder beside {}: {}",
                                dest.real.display(),
                                load::plain_io(&e)
                            ),
                        )
                        .with_hint("check that the folder is writable"),
                    );
                    None
                }
            },
            None => None,
        };
        let sink = match &staging {
            Some(s) => Sink::disk(s.dir().to_path_buf()),
            None => Sink::memory(),
        };
        let before_render = diags.clone();
        let (mut d, render_memo) = render::render(&site, &src, &media, &sink);
        diags.append(&mut d);
        for (path, why) in media.unreported_broken() {
            diags.push(
                Diagnostic::error("image", why)
                    .in_file(image_file(&src, &path))
                    .with_hint("replace the image with a complete JPEG, PNG or WebP file"),
            );
        }
        let ok = !diags.iter().any(|d| d.severity == Severity::Error);
        if ok && opts.process_images {
            let (files, errors, stats) = media.process(&cache);
            for (path, bytes) in files {
                sink.put(path, bytes);
            }
            for e in errors {
                diags.push(
                    Diagnostic::error("image", e)
                        .with_hint("replace the image with a JPEG, PNG or WebP file"),
                );
            }
            images = stats;
        }
        if let Some(e) = sink.error() {
            diags.push(
                Diagnostic::error("write", e)
                    .with_hint("check that the disk has room and the folder is writable"),
            );
        }
        files_written = sink.len();
        let failed = diags.iter().any(|d| d.severity == Severity::Error);
        match staging {
            Some(s) if failed => s.abort(),
            Some(s) => {
                if let Err(e) = s.commit() {
                    diags.push(
                        Diagnostic::error(
                            "write",
                            format!("cannot put the new site in place: {}", load::plain_io(&e)),
                        )
                        .with_hint("close programs that use the output folder and build again"),
                    );
                } else if let (Some(dest), Some(fp)) = (&opts.output, fingerprint) {
                    let mut kept = diags.clone();
                    diagnostics::sort(&mut kept);
                    stamp::write(
                        root,
                        &stamp::Stamp {
                            dest: dest.clone(),
                            fingerprint: fp,
                            output_digest: target
                                .as_ref()
                                .and_then(|t| stamp::output_digest(&t.real))
                                .unwrap_or(0),
                            files: sink.len(),
                            pages_per_lang: pages_per_lang.clone(),
                            diagnostics: kept,
                        },
                    );
                }
            }
            None => {
                output = sink.into_output();
                if let (Some(out), Some(render)) = (&output, render_memo)
                    && !failed
                {
                    memo = Some(SiteMemo {
                        src,
                        site,
                        render,
                        output: out.clone(),
                        pre_render: before_render,
                        pages_per_lang: pages_per_lang.clone(),
                        untranslated: untranslated.clone(),
                        opts: opts.clone(),
                    });
                }
            }
        }
    }
    diagnostics::sort(&mut diags);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        output = None;
    }
    let build = Build {
        files_written,
        untranslated,
        images,
        output,
        ..finish(diags, pages_per_lang, start)
    };
    (build, memo)
}

/// A build that wrote nothing, with its messages.
fn finish(
    mut diags: Vec<Diagnostic>,
    pages_per_lang: Vec<(String, usize)>,
    start: Instant,
) -> Build {
    diagnostics::sort(&mut diags);
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
