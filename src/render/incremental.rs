//! Render again only the pages whose Markdown body changed, reusing a [`Memo`] of the last
//! render: the edit-save-reload loop of `serve` on a large site.
//!
//! A body edit cannot change what other pages show: lists, menus, the language switcher,
//! the sitemap and the self-check come from front matter and data files only. What a body
//! does reach beyond its own page is handled here: its summary (feeds and course calendars,
//! rewritten from the memo's summaries), its heading anchors (links to them from every
//! page are checked again), and the images it asks for (if these change, the caller falls
//! back to a full build, since another page may share them). `pipeline::Session` decides
//! when a change is a body edit; the test `tests/incremental.rs` holds the result
//! byte-for-byte against a full build.

use super::shared::LangShared;
use super::{Found, Memo, Setup, index_pages, outputs, page, page_pass, site_lints};
use crate::diagnostics::Diagnostic;
use crate::load::Sources;
use crate::media::Media;
use crate::model::Site;
use crate::search::live::Change;
use crate::write::Sink;
use std::sync::Arc;

/// Why pages could not be rendered on their own; the caller builds everything instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fallback {
    /// The templates no longer compile (they did for the memo).
    Templates,
    /// A page now asks for other images than before.
    Images,
    /// A template failed on a changed page.
    TemplateError,
    /// The search index now has other files (more or fewer shards).
    Index,
}

/// Render pages `changed` of `site` again (their bodies changed since the memo was made)
/// into `sink`, update the memo, and return every message of the site, as a full render
/// would. Feeds, calendars and the pages' posters are rewritten; nothing else is.
pub fn rerender(
    site: &Site,
    changed: &[usize],
    src: &Sources,
    memo: &mut Memo,
    sink: &Sink,
) -> Result<Vec<Diagnostic>, Fallback> {
    let files = src.published_files();
    let media = Arc::new(Media::new(files));
    // Messages of the setup are the memo's already.
    let mut ignored = Vec::new();
    let setup = Setup::new(site, src, &media, &mut ignored).ok_or(Fallback::Templates)?;
    let table = setup.table(site, &media);
    let per_lang = LangShared::all(site, &mut ignored);
    let ctx = page::Shared {
        site,
        tera: &setup.tera,
        templates: &src.templates,
        per_lang: &per_lang,
    };
    let terms = memo.terms.clone();
    let fresh = page_pass::render_all(changed, &table, &ctx, sink, terms.as_deref());
    if fresh.iter().any(|(_, s)| s.template_error.is_some()) {
        return Err(Fallback::TemplateError);
    }
    // The images asked for must be those of the memo: the media step ran for those only.
    if fresh
        .iter()
        .any(|(i, s)| memo.pages.get(*i).is_none_or(|m| m.pictures != s.pictures))
    {
        return Err(Fallback::Images);
    }
    let mut old = Vec::with_capacity(fresh.len());
    for (i, slim) in fresh {
        match slim.diags.is_empty() {
            true => memo.with_diags.remove(&i),
            false => memo.with_diags.insert(i),
        };
        old.push((i, std::mem::replace(&mut memo.pages[i], slim)));
    }
    if let (Some(index), Some(terms)) = (memo.index.as_mut(), terms.as_deref()) {
        let changes: Vec<Change<'_>> = old
            .iter()
            .map(|(i, s)| Change {
                page: *i,
                old: s.search.as_ref(),
            })
            .collect();
        let pages = index_pages(site, &memo.pages);
        if !index.update(&changes, &pages, &terms.names.read()) {
            return Err(Fallback::Index);
        }
    }

    let mut diags = memo.setup_diags.clone();
    // The memo's pages have no template errors (a page with one is rendered in full).
    for &i in &memo.with_diags {
        diags.extend(
            memo.pages
                .get(i)
                .into_iter()
                .flat_map(|s| s.diags.iter().cloned()),
        );
    }
    diags.extend(site_lints(site, &memo.pages, &memo.check_anchors));
    if crate::diagnostics::has_errors(&diags) {
        return Ok(diags);
    }
    diags.extend(memo.late_diags.iter().cloned());
    let summaries: Vec<&str> = memo.pages.iter().map(|s| s.summary.as_str()).collect();
    let found = Found::of(&memo.pages, terms.as_deref(), memo.index.as_ref());
    // Their messages are the memo's already (`late_diags`).
    let cx = outputs::Context {
        changed: Some(changed),
        ..setup.outputs(&ctx, src, &summaries, &found)
    };
    outputs::write_body_dependent(&cx, sink, &mut Vec::new());
    drop(found);
    if let Some(index) = memo.index.as_mut() {
        index.written();
    }
    Ok(diags)
}
