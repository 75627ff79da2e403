//! Each page's render (Markdown, lints, template, search terms), one page or many in
//! parallel: what the whole render, an edit's render and the preview share.

use super::{Slim, links, lints, markdown, page, share_image};
use crate::model::Site;
use crate::write::Sink;
use rayon::prelude::*;

/// Every page's number, those of one language together (in the site's order within it), so
/// that each thread counts one language's words at a time and keeps that language's table
/// of words in its cache.
pub(super) fn by_language(site: &Site) -> Vec<usize> {
    let mut order: Vec<usize> = (0..site.pages.len()).collect();
    order.sort_by_key(|&i| site.pages.get(i).map(|p| p.lang.as_str()));
    order
}

/// Render the pages numbered in `pages`, in parallel, into the sink; each with its number.
/// With `terms`, their search terms are counted too.
pub(super) fn render_all(
    pages: &[usize],
    table: &links::LinkTable<'_>,
    ctx: &page::Shared<'_>,
    sink: &Sink,
    terms: Option<&crate::search::Terms>,
) -> Vec<(usize, Slim)> {
    pages
        .par_iter()
        .filter_map(|&i| ctx.site.pages.get(i).map(|p| (i, p)))
        .map_init(
            || terms.map(|t| (t.pool.lend(), t)),
            |x, (i, p)| {
                let search = x.as_mut().map(|(x, terms)| Search {
                    extractor: x,
                    terms,
                    page: i as u32,
                });
                (i, render_page(p, table, ctx, sink, search))
            },
        )
        .collect()
}

/// What [`render_all`] gave, in the order of the pages' numbers.
pub(super) fn in_site_order(mut done: Vec<(usize, Slim)>) -> Vec<Slim> {
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, s)| s).collect()
}

/// What a page's render needs to count its search terms.
pub(super) struct Search<'a> {
    extractor: &'a mut crate::search::Extractor,
    terms: &'a crate::search::Terms,
    /// The page's number in the site.
    page: u32,
}

/// Render one page (Markdown, lints, template) into the sink; keep what later checks need.
pub(super) fn render_page(
    p: &crate::model::Page,
    table: &links::LinkTable<'_>,
    ctx: &page::Shared<'_>,
    sink: &Sink,
    search: Option<Search<'_>>,
) -> Slim {
    let whole = match p.whole() {
        Ok(w) => w,
        Err(d) => {
            return Slim {
                facts: lints::PageFacts::default(),
                pictures: Vec::new(),
                summary: String::new(),
                diags: vec![d],
                template_error: None,
                search: None,
            };
        }
    };
    let p = whole.as_ref();
    // A stand-in (a page shown in a language it is not written in) is found in its own.
    let search = search.filter(|_| p.fallback.is_none());
    let (r, mut diags) = match search {
        Some(_) => markdown::render_with_text(p, table),
        None => markdown::render(p, table),
    };
    diags.extend(lints::page(p, &r));
    let cleared;
    let p = match share_image::check(p, table.media) {
        Some(d) => {
            diags.push(d);
            cleared = share_image::without_image(p);
            &cleared
        }
        None => p,
    };
    let template_error = match page::render(p, &r, ctx) {
        Ok(files) => {
            for (path, bytes) in files {
                sink.put(path, bytes);
            }
            None
        }
        Err(d) => Some(d),
    };
    let search = search.map(|s| {
        let stream = s.terms.stream.then_some(s.page);
        let names = &s.terms.names;
        s.extractor
            .page(&p.lang, &p.front.title, &r.text, names, stream)
    });
    let mut pictures = r.pictures;
    pictures.sort_unstable();
    pictures.dedup();
    Slim {
        facts: lints::PageFacts {
            ids: r.headings.into_iter().map(|h| h.id).collect(),
            anchors: r.anchors,
        },
        pictures,
        // Later outputs use the summary only in place of a missing description.
        summary: match p.front.description {
            Some(_) => String::new(),
            None => r.summary,
        },
        diags,
        template_error,
        search,
    }
}
