//! Outputs after the pages: a list of steps, each one file with one job (sitemap, 404 page,
//! posters, alias redirects, calendars, feeds, the search index and pages, static files, the
//! offline worker).
//! [`render`](super::render) runs them all once the pages are written and no page has an
//! error; `serve` runs again, after an edit of page bodies, only the steps that read them.
//!
//! Adding an output: one file here with a type implementing [`Step`], and one entry in
//! [`TOGETHER`] (or in [`AFTER`], when it reads what other steps wrote).

mod aliases;
mod calendars;
mod feeds;
mod not_found;
pub mod offline;
mod posters;
pub mod search;
mod sitemap;
pub mod statics;

use crate::diagnostics::Diagnostic;
use crate::load::Sources;
use crate::model::Site;
use crate::write::Sink;
use rayon::prelude::*;
use std::collections::HashSet;

pub use posters::poster_url;

/// What every step may read.
pub struct Context<'a> {
    /// The site.
    pub site: &'a Site,
    /// What was read from disk (templates, static files, theme assets).
    pub src: &'a Sources,
    /// The templates, compiled.
    pub tera: &'a tera::Tera,
    /// Output paths of the static files and theme assets.
    pub files: &'a HashSet<String>,
    /// The summary of each page (its first paragraph), in site order.
    pub summaries: &'a [&'a str],
    /// After an edit of page bodies in `serve`: the indices of the pages edited, so that a
    /// step may write again only what depends on them (`None`: write everything).
    pub changed: Option<&'a [usize]>,
    /// What every page render shares (for pages made by a step, with the site's menu).
    pub shared: &'a crate::render::page::Shared<'a>,
    /// The pages' search terms.
    pub found: &'a crate::render::Found<'a>,
    /// The interface strings.
    pub strings: &'a crate::render::i18n::Strings,
}

/// One output of the site.
pub trait Step: Sync {
    /// A short name, for benchmarks and messages.
    fn name(&self) -> &'static str;
    /// Whether what the step writes depends on page bodies (summaries, text), so that
    /// `serve` runs it again after a body edit.
    fn reads_bodies(&self) -> bool {
        false
    }
    /// Write the step's files into `out`, reporting problems in `diags`.
    fn write(&self, cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>);
}

/// Every output after the pages. The steps of [`TOGETHER`] each write addresses of their own
/// and read nothing another step writes, so they run at the same time (the sitemap, written
/// on one thread, beside the posters' and the search's parallel work). The steps of [`AFTER`]
/// then run one after another, each seeing what every earlier step wrote: an alias may not
/// take the address of a page, a poster, a feed or the search page; static files go after
/// the rendered files, so a rendered file of the same path wins; the offline worker goes
/// last, as it lists and hashes what the others wrote.
pub const TOGETHER: &[&dyn Step] = &[
    &sitemap::Sitemap,
    &posters::Posters,
    &not_found::NotFound,
    &calendars::Calendars,
    &feeds::Feeds,
    &search::Search,
];

/// The steps that run after [`TOGETHER`], in this order.
pub const AFTER: &[&dyn Step] = &[&aliases::Aliases, &statics::Statics, &offline::Offline];

/// Run every step.
pub fn write_all(cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
    run(cx, out, diags, |_| true);
}

/// Run the steps that read page bodies (after an edit of bodies only).
pub fn write_body_dependent(cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
    run(cx, out, diags, |s| s.reads_bodies());
}

/// Run the steps `pick` chooses: those of [`TOGETHER`] at the same time, their messages in
/// the list's order, then those of [`AFTER`].
fn run(cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>, pick: fn(&dyn Step) -> bool) {
    let found: Vec<Vec<Diagnostic>> = TOGETHER
        .par_iter()
        .filter(|s| pick(**s))
        .map(|s| {
            let mut d = Vec::new();
            s.write(cx, out, &mut d);
            d
        })
        .collect();
    diags.extend(found.into_iter().flatten());
    for step in AFTER.iter().filter(|s| pick(**s)) {
        step.write(cx, out, diags);
    }
}
