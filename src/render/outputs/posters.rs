//! Printable A4 posters at `<page address>poster/`, with a QR code of the page's absolute
//! address, for the pages `posters:` in site.yaml names (by default the `services` section and
//! the self-check's start page, in every language). Written only when the site's address is
//! known (`base_url`); without it the sitemap's note says that no posters were written.

use super::{Context, Step};
use crate::config::CONFIG_FILE;
use crate::diagnostics::Diagnostic;
use crate::model::{Route, Site};
use crate::render::qr;
use crate::render::selfcheck::intro_lead;
use crate::render::templates::template_error;
use crate::render::views::truncate;
use crate::write::Sink;
use rayon::prelude::*;
use serde_json::json;

/// The theme's poster template.
pub const TEMPLATE: &str = "poster.html";

/// The section whose pages get posters when site.yaml has no `posters:` (besides the
/// self-check's start page).
const DEFAULT_SECTION: &str = "services";

/// The longest description a poster shows, in characters.
const DESCRIPTION_MAX: usize = 300;

/// Writes the posters.
pub struct Posters;

impl Step for Posters {
    fn name(&self) -> &'static str {
        "posters"
    }

    /// A poster shows the page's first paragraph when it has no `description:`.
    fn reads_bodies(&self) -> bool {
        true
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
        let targets = targets(cx, diags);
        if targets.is_empty() || !has_template(cx, diags) || cx.site.config.base_url.is_none() {
            return;
        }
        // In parallel (a QR code takes about half a millisecond); the first error only, as
        // the same template error on every poster is one message.
        let first_error = targets
            .par_iter()
            .filter_map(|t| match poster(cx, t) {
                Ok((path, html)) => {
                    out.put(path, html);
                    None
                }
                Err(d) => Some(d),
            })
            .collect::<Vec<_>>()
            .into_iter()
            .next();
        diags.extend(first_error);
    }
}

/// The address of the poster of the page at site URL `url`, when it has one: the site's
/// address is known, the theme has the poster template and `posters:` covers the page.
pub fn poster_url(site: &Site, tera: &tera::Tera, url: &str) -> Option<String> {
    site.config.base_url.as_ref()?;
    if !tera.contains_template(TEMPLATE) {
        return None;
    }
    let key = match site.by_url.get(url)? {
        Route::Page(i) => site.pages.get(*i)?.key.as_str(),
        Route::SelfCheck => {
            let check = site.self_check.as_ref()?;
            let c = &site.config;
            let start = c.languages.iter().any(|l| check.root(c, &l.code) == url);
            start.then_some(check.flow.path.as_str())?
        }
    };
    wanted(site, key).then(|| format!("{url}poster/"))
}

/// Whether a build with the site's address would write posters (for the note without it).
pub fn any(cx: &Context<'_>) -> bool {
    let site = cx.site;
    cx.tera.contains_template(TEMPLATE)
        && (site.pages.iter().any(|p| wanted(site, &p.key))
            || site
                .self_check
                .as_ref()
                .is_some_and(|c| wanted(site, &c.flow.path)))
}

/// Whether `entry` (a `posters:` address without its slashes) covers the page or self-check
/// of `key`: it is that page, or a section above it (`""`, the home page, covers all).
fn covers(entry: &str, key: &str) -> bool {
    entry.is_empty()
        || key
            .strip_prefix(entry)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether the page or self-check of `key` gets a poster.
fn wanted(site: &Site, key: &str) -> bool {
    match &site.config.posters {
        Some(list) => list.iter().any(|e| covers(e.trim_matches('/'), key)),
        None => {
            covers(DEFAULT_SECTION, key)
                || site.self_check.as_ref().is_some_and(|c| c.flow.path == key)
        }
    }
}

/// A page that gets a poster.
struct Target<'a> {
    key: &'a str,
    lang: &'a str,
    url: String,
    title: String,
    description: String,
    file: &'a str,
}

/// The pages that get a poster, in site order, then the self-check's start page in every
/// language. `posters:` entries that cover nothing and posters that would take another page's
/// address are errors.
fn targets<'a>(cx: &Context<'a>, diags: &mut Vec<Diagnostic>) -> Vec<Target<'a>> {
    let site = cx.site;
    let c = &site.config;
    let dl = c.default_lang();
    let mut out = Vec::new();
    for (i, p) in site.pages.iter().enumerate() {
        // After an edit of page bodies in `serve`: the edited pages only (a poster reads no
        // other page, so the others' posters stand).
        if cx.changed.is_some_and(|c| !c.contains(&i)) {
            continue;
        }
        if wanted(site, &p.key) {
            let summary = cx.summaries.get(i).copied().unwrap_or("");
            out.push(Target {
                key: &p.key,
                lang: &p.lang,
                url: p.url.clone(),
                title: p.front.title.clone(),
                description: p
                    .front
                    .description
                    .clone()
                    .unwrap_or_else(|| truncate(summary, DESCRIPTION_MAX)),
                file: &p.file,
            });
        }
    }
    if cx.changed.is_some() {
        // The self-check's posters read no page body, and the site-wide checks below are the
        // full build's, whose messages are kept.
        return out;
    }
    if let Some(check) = site
        .self_check
        .as_ref()
        .filter(|k| wanted(site, &k.flow.path))
    {
        for l in &c.languages {
            out.push(Target {
                key: &check.flow.path,
                lang: &l.code,
                url: check.root(c, &l.code),
                title: check.flow.title.get(&l.code, dl),
                description: truncate(&intro_lead(&check.flow, &l.code, dl), DESCRIPTION_MAX),
                file: &check.file,
            });
        }
    }
    unmatched_entries(site, &out, diags);
    for t in &out {
        let address = format!("{}poster/", t.url);
        if site.by_url.contains_key(&address) {
            diags.push(
                Diagnostic::error("poster", format!("the poster of this page would take the address of another page, `{address}`"))
                    .in_file(t.file)
                    .with_hint("give that page another file name or `slug:`, or leave this page out of `posters:` in site.yaml")
                    .tr("poster-address", &[("address", &address)]),
            );
        }
    }
    out
}

/// An error for each `posters:` entry that covers no page and not the self-check.
fn unmatched_entries(site: &Site, targets: &[Target<'_>], diags: &mut Vec<Diagnostic>) {
    let c = &site.config;
    for (n, entry) in c.posters.iter().flatten().enumerate() {
        let key = entry.trim_matches('/');
        if !targets.iter().any(|t| covers(key, t.key)) {
            diags.push(
                Diagnostic::error("poster", format!("the poster entry `{entry}` is not the address of a page"))
                    .in_file(CONFIG_FILE)
                    .at_line(c.poster_lines.get(n).copied().unwrap_or(1))
                    .with_hint("list site addresses of existing pages or sections under `posters:`, e.g. `- /services/`")
                    .tr("poster-entry", &[("entry", entry)]),
            );
        }
    }
}

/// Whether the theme has the poster template; when `posters:` asks for posters and it has
/// not, that is an error.
fn has_template(cx: &Context<'_>, diags: &mut Vec<Diagnostic>) -> bool {
    if cx.tera.contains_template(TEMPLATE) {
        return true;
    }
    let c = &cx.site.config;
    if c.posters.is_some() {
        diags.push(
            Diagnostic::error(
                "poster",
                format!("`posters:` asks for posters, but the theme has no template `{TEMPLATE}`"),
            )
            .in_file(CONFIG_FILE)
            .at_line(c.poster_lines.first().copied().unwrap_or(1))
            .with_hint(
                "copy poster.html from the default theme into templates/, or write `posters: []`",
            )
            .tr("poster-template", &[("template", TEMPLATE)]),
        );
    }
    false
}

/// One poster: its output path and HTML.
fn poster(cx: &Context<'_>, t: &Target<'_>) -> Result<(String, Vec<u8>), Diagnostic> {
    let c = &cx.site.config;
    let address = c.absolute(&t.url).unwrap_or_default();
    let code = qr::encode(&address).map_err(|e| {
        Diagnostic::error(
            "poster",
            format!("the address `{address}` does not fit in a QR code ({e})"),
        )
        .in_file(t.file)
        .with_hint("use a shorter `base_url`, file name or `slug:`")
        .tr("poster-qr", &[("address", &address)])
    })?;
    let url = format!("{}poster/", t.url);
    let mut ctx = tera::Context::new();
    ctx.insert("lang", t.lang);
    ctx.insert("dir", &c.dir(t.lang));
    ctx.insert("current_url", &url);
    ctx.insert(
        "site",
        &json!({"title": c.title.get(t.lang, c.default_lang()), "home": c.lang_prefix(t.lang)}),
    );
    ctx.insert(
        "page",
        &json!({"title": t.title, "description": t.description, "url": t.url}),
    );
    ctx.insert("poster", &json!({"address": address, "qr": code}));
    let html = cx
        .tera
        .render(TEMPLATE, &ctx)
        .map_err(|e| template_error(&e, &cx.src.templates))?;
    Ok((
        format!("{}index.html", url.trim_start_matches('/')),
        html.into_bytes(),
    ))
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn an_entry_covers_its_page_and_the_pages_below_it() {
        assert!(covers("services", "services"));
        assert!(covers("services", "services/medical-care"));
        assert!(!covers("services", "services-old"));
        assert!(!covers("services", "help"));
        assert!(covers("", "help/tolerant"));
    }
}
