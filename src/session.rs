//! A build session for `serve`: the first build and every rebuild after a change. When a
//! change only touches the Markdown bodies of existing pages (front matter byte-for-byte
//! the same), only those pages are rendered again ([`render::incremental`]) on top of the
//! previous build kept in memory; any other change builds the whole site.

use crate::date::Date;
use crate::diagnostics;
use crate::load;
use crate::model::outdated;
use crate::pipeline::{
    Build, BuildOptions, OnPreview, SiteMemo, build_with_memo, build_with_preview,
};
use crate::render;
use crate::write::Sink;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Full builds in a row when pages keep changing while they are built.
const TRIES: usize = 3;

/// Builds one site again and again, as its files change.
pub struct Session {
    root: PathBuf,
    opts: BuildOptions,
    memo: Option<SiteMemo>,
}

impl Session {
    /// A session for the site at `root`; builds go into memory whatever `opts.output` says,
    /// and are previews (`opts.preview`: no service worker, so a browser never keeps them).
    pub fn new(root: PathBuf, mut opts: BuildOptions) -> Self {
        opts.output = None;
        opts.preview = true;
        Session {
            root,
            opts,
            memo: None,
        }
    }

    /// Build after `changed` (paths relative to the site root; empty: build everything),
    /// with `today` as the date for publish and expiry dates.
    pub fn build(&mut self, changed: &[PathBuf], today: Date) -> Build {
        self.opts.today = today;
        if let Some(build) = self.incremental(changed) {
            return build;
        }
        self.build_all(None)
    }

    /// Build everything, giving `on_preview` a preview of the site as soon as its model is
    /// ready (the first build of `serve`: pages are shown from it while the rest renders).
    pub fn build_previewed(&mut self, today: Date, on_preview: OnPreview<'_>) -> Build {
        self.opts.today = today;
        self.build_all(Some(on_preview))
    }

    /// A whole build (see [`Session::build`]); only the first try is previewed.
    fn build_all(&mut self, mut on_preview: Option<OnPreview<'_>>) -> Build {
        // Page bodies are read again as they are rendered: a page saved meanwhile stops the
        // build. Its save is on its way from the watcher too; build again at once (a few
        // times at most) rather than show the editor that message.
        for _ in 1..TRIES {
            let (build, memo) = build_with_preview(&self.root, &self.opts, on_preview.take());
            if !build
                .diagnostics
                .iter()
                .any(|d| d.code == load::whole::CHANGED)
            {
                self.memo = memo;
                return build;
            }
        }
        let (build, memo) = build_with_memo(&self.root, &self.opts);
        self.memo = memo;
        build
    }

    /// Render only the changed pages, or `None` when the change is more than page bodies.
    fn incremental(&mut self, changed: &[PathBuf]) -> Option<Build> {
        let start = Instant::now();
        let memo = self.memo.as_mut()?;
        if changed.is_empty() || memo.opts.today != self.opts.today {
            return None;
        }
        let mut updates = Vec::with_capacity(changed.len());
        for rel in changed {
            let file = site_path(rel)?;
            let i = memo.site.pages.iter().position(|p| p.file == file)?;
            let page = &memo.site.pages[i];
            let text = load::read_source(&self.root, rel, &page.file).ok()?;
            let front = &page.text[..page.body_start];
            if page.body_start == 0 || text.get(..page.body_start) != Some(front) {
                return None;
            }
            updates.push((i, text));
        }
        let indices: Vec<usize> = updates.iter().map(|(i, _)| *i).collect();
        // Still shared with a preview of the first build (a request not yet answered):
        // build everything instead.
        let site = Arc::get_mut(&mut memo.site)?;
        for (i, text) in updates {
            let page = &mut site.pages[i];
            page.fingerprint = outdated::fingerprint(&text);
            // Its whole text is held from now on, not read again.
            page.text = text;
            page.whole = None;
        }
        // The edited pages go where the rest is kept (the same temporary file).
        let sink = Sink::memory_like(&memo.output);
        let rendered =
            render::incremental::rerender(&memo.site, &indices, &memo.src, &mut memo.render, &sink);
        let Ok(render_diags) = rendered else {
            self.memo = None;
            return None;
        };
        memo.output.absorb(sink.into_output()?);
        // A changed page in the default language may outdate its translations (or a
        // change undone may bring them back up to date).
        // Not shared: it was not shared before the render, which takes no new share.
        let site = Arc::get_mut(&mut memo.site)?;
        let was = site.outdated.clone();
        outdated::recheck(
            site.record.as_ref(),
            &site.pages,
            &site.by_key,
            &site.config,
            &indices,
            &mut site.outdated,
            &mut memo.pre_render,
        );
        let mut diags = memo.pre_render.clone();
        diags.extend(render_diags);
        crate::render::link_notes::merge(&mut diags);
        diagnostics::sort_unique(&mut diags);
        let failed = diagnostics::has_errors(&diags);
        if memo.site.outdated != was {
            memo.translations = Arc::new(outdated::table(&memo.site));
        }
        Some(Build {
            output: (!failed).then(|| memo.output.clone()),
            files_written: memo.output.len(),
            unchanged: false,
            incremental: true,
            diagnostics: diags,
            pages_per_lang: memo.pages_per_lang.clone(),
            elapsed: start.elapsed(),
            images: Default::default(),
            untranslated: memo.untranslated.clone(),
            outdated: memo.site.outdated.clone(),
            translations: Arc::clone(&memo.translations),
            next_change: None,
        })
    }
}

/// `content/news/x.ka.md` for a relative path; `None` for paths that leave the root.
fn site_path(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    Some(parts?.join("/"))
}
