//! Lints: checks that report problems and never change the output. A page lint looks at one
//! page once its Markdown is rendered; a site lint looks across the site once every page is.
//! (What a content type's own fields must be is checked by its type, in `model::types`.)
//!
//! Adding a lint: one file here with a type implementing [`PageLint`] or [`SiteLint`], and
//! one entry in [`PAGE_LINTS`] or [`SITE_LINTS`].

mod anchors;
mod empty;
mod headings;
mod http_links;
mod mtavruli;
mod pasted;
mod regions;

use super::body::{AnchorRef, Rendered};
use crate::diagnostics::Diagnostic;
use crate::model::{Page, Site};

/// A check of one rendered page.
pub trait PageLint: Sync {
    /// Add the problems of page `p` (its rendered body is `r`) to `out`.
    fn check(&self, p: &Page, r: &Rendered, out: &mut Vec<Diagnostic>);
}

/// Every page lint, in the order their messages are listed for a page.
pub const PAGE_LINTS: &[&dyn PageLint] = &[
    &headings::Headings,
    &empty::Empty,
    &pasted::Pasted,
    &mtavruli::Mtavruli,
    &http_links::HttpLinks,
];

/// The problems of one rendered page.
pub fn page(p: &Page, r: &Rendered) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lint in PAGE_LINTS {
        lint.check(p, r, &mut out);
    }
    out
}

/// What is kept of each rendered page for the site lints.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// The anchors of its headings.
    pub ids: Vec<String>,
    /// Its links to anchors.
    pub anchors: Vec<AnchorRef>,
}

/// The whole site, rendered.
pub struct SiteFacts<'a> {
    /// The site.
    pub site: &'a Site,
    /// Each page's facts, in site order.
    pub pages: Vec<&'a PageFacts>,
    /// Links to anchors in the self-check's texts.
    pub check_anchors: &'a [AnchorRef],
}

/// A check across the site.
pub trait SiteLint: Sync {
    /// Add the problems found across the site to `out`.
    fn check(&self, cx: &SiteFacts<'_>, out: &mut Vec<Diagnostic>);
}

/// Every site lint.
pub const SITE_LINTS: &[&dyn SiteLint] = &[&anchors::Anchors, &regions::RegionsServed];

/// The problems found across the site.
pub fn site(cx: &SiteFacts<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lint in SITE_LINTS {
        lint.check(cx, &mut out);
    }
    out
}
