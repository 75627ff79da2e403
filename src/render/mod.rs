//! Render: [`Site`] → [`Output`]: Markdown, templates, site files; pages in parallel, no I/O.

pub mod i18n;
pub mod links;
pub mod markdown;
pub mod sitefiles;
pub mod templates;
pub mod views;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::Sources;
use crate::model::{Kind, Site};
use crate::write::Output;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use views::{LinkView, link_view, page_view, translations};

/// The finished site plus the messages found on the way.
pub fn render(site: &Site, src: &Sources) -> (Option<Output>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (strings, mut d) = i18n::Strings::new(&site.config, &src.locales);
    diags.append(&mut d);
    let strings = Arc::new(strings);
    let tera = match templates::build(&src.templates, strings.clone()) {
        Ok(t) => t,
        Err(mut d) => {
            diags.append(&mut d);
            return (None, diags);
        }
    };

    let mut files: HashSet<String> = src.statics.iter().map(|s| s.out.clone()).collect();
    files.extend(src.assets.iter().map(|a| a.out.clone()));
    let mut routes: HashSet<String> = HashSet::new();
    // The self-check's pages have no Markdown file: register them so links to them resolve.
    let (check, mut d) = crate::selfcheck::prepare(site);
    diags.append(&mut d);
    if let Some(c) = &check {
        routes.extend(c.urls(&site.config));
    }
    let table = links::LinkTable {
        site,
        files: &files,
        routes: &routes,
    };

    // 1. Markdown, in parallel.
    let rendered: Vec<(markdown::Rendered, Vec<Diagnostic>)> = site
        .pages
        .par_iter()
        .map(|p| markdown::render(p, &table))
        .collect();
    let mut bodies = Vec::with_capacity(rendered.len());
    for (r, mut d) in rendered {
        diags.append(&mut d);
        bodies.push(r);
    }

    // 2. Anchors across pages.
    let ids: HashMap<&str, HashSet<&str>> = site
        .pages
        .iter()
        .zip(&bodies)
        .map(|(p, b)| {
            (
                p.url.as_str(),
                b.headings.iter().map(|h| h.id.as_str()).collect(),
            )
        })
        .collect();
    for (p, b) in site.pages.iter().zip(&bodies) {
        anchor_errors(&b.anchors, &ids, &p.file, &p.text, &mut diags);
    }
    let check_built = check.as_ref().map(|c| {
        let mut built = c.build(&table, &strings);
        diags.append(&mut built.diags);
        if let Some(tf) = site.data.get(crate::selfcheck::flow::FILE) {
            anchor_errors(&built.anchors, &ids, &tf.file, &tf.text, &mut diags);
        }
        built
    });

    // 3. Shared per-language values.
    let per_lang: HashMap<&str, LangShared> = site
        .config
        .languages
        .iter()
        .map(|l| (l.code.as_str(), LangShared::new(site, &l.code, &mut diags)))
        .collect();
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return (None, diags);
    }

    // 4. Templates, in parallel.
    let pages: Vec<Result<(String, Vec<u8>), Diagnostic>> = site
        .pages
        .par_iter()
        .zip(bodies.par_iter())
        .map(|(p, b)| {
            let template = template_for(p, site);
            if !tera.contains_template(&template) {
                let line = p.front.key_lines.get("template").copied().unwrap_or(1);
                return Err(Diagnostic::error("template", format!("the template `{template}` does not exist"))
                    .in_file(&p.file)
                    .at_line(line)
                    .with_source(&p.text)
                    .with_hint("use one of the theme's templates (page.html, section.html, ...) or add it to templates/"));
            }
            let shared = &per_lang[p.lang.as_str()];
            let mut ctx = base_context(
                site,
                shared,
                &p.lang,
                &p.url,
                &page_view(p, &b.html, &b.summary, &b.headings, &site.config),
                &translations(p, site),
            );
            let key = (p.key.clone(), p.lang.clone());
            if matches!(p.kind, Kind::Section | Kind::Home) {
                let list = |ix: Option<&Vec<usize>>| -> Vec<LinkView> {
                    ix.map(|v| v.iter().map(|&i| link_view(&site.pages[i], false)).collect()).unwrap_or_default()
                };
                ctx.insert("pages", &list(site.children.get(&key)));
                ctx.insert("subsections", &list(site.subsections.get(&key)));
            }
            let parent = p.parent.as_ref().and_then(|k| site.page(k, &p.lang)).map(|s| link_view(s, false));
            ctx.insert("parent", &parent);
            if let Some(regions) = p.front.extra.get("regions").and_then(|r| r.as_array()) {
                let names: Vec<&RegionView> = regions
                    .iter()
                    .filter_map(|r| r.as_str())
                    .filter_map(|id| shared.regions.iter().find(|r| r.id == id))
                    .collect();
                ctx.insert("page_regions", &names);
            }
            match tera.render(&template, &ctx) {
                Ok(html) => Ok((format!("{}index.html", p.url.trim_start_matches('/')), html.into_bytes())),
                Err(e) => Err(templates::template_error(&e, &src.templates)),
            }
        })
        .collect();
    let mut pages = pages;
    if let Some(built) = &check_built {
        pages.extend(check_pages(site, built, &per_lang, &tera, &src.templates));
    }
    let mut out = Output::default();
    for (path, bytes) in check_built.into_iter().flat_map(|b| b.files) {
        out.add(path, bytes);
    }
    let mut seen_template_errors = HashSet::new();
    for r in pages {
        match r {
            Ok((path, bytes)) => out.add(path, bytes),
            Err(d) => {
                // The same template error on a thousand pages is one message.
                if seen_template_errors.insert((d.file.clone(), d.line, d.message.clone())) {
                    diags.push(d);
                }
            }
        }
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return (None, diags);
    }
    // 5. Site files.
    sitefiles::write(site, &tera, &src.templates, &mut out, &mut diags);
    for s in src.statics.iter().chain(&src.assets) {
        out.add_shared(s.out.clone(), s.bytes.clone());
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return (None, diags);
    }
    (Some(out), diags)
}

/// Error messages for links to anchors (`/page/#id`) that the target page does not have.
fn anchor_errors(
    anchors: &[markdown::AnchorRef],
    ids: &HashMap<&str, HashSet<&str>>,
    file: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) {
    for a in anchors {
        if let Some(set) = ids.get(a.url.as_str()) {
            if !set.contains(a.anchor.as_str()) && !a.anchor.starts_with("fn-") {
                diags.push(
                    Diagnostic::error("broken-anchor", format!("the link points to #{} on {}, but that page has no heading with that anchor", a.anchor, a.url))
                        .in_file(file)
                        .at(a.line, a.column)
                        .with_source(text)
                        .with_hint("anchors are made from headings: `## Who can get it` → #who-can-get-it; check the heading's spelling"),
                );
            }
        }
    }
}

/// The context every template extending `base.html` needs: language, address, site, page,
/// language switcher, menu (with the current entry marked) and regions.
fn base_context(
    site: &Site,
    shared: &LangShared,
    lang: &str,
    url: &str,
    page: &impl serde::Serialize,
    translations: &impl serde::Serialize,
) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert("current_url", url);
    ctx.insert("site", &shared.site);
    ctx.insert("page", page);
    ctx.insert("translations", translations);
    let home = site.config.lang_prefix(lang);
    let menu: Vec<LinkView> = shared
        .menu
        .iter()
        .map(|m| {
            let mut m = m.clone();
            m.active = url.starts_with(&m.url) && m.url != home;
            m
        })
        .collect();
    ctx.insert("menu", &menu);
    ctx.insert("regions", &shared.regions);
    ctx
}

/// Render the self-check's pages with their templates: (output path, HTML) or an error.
fn check_pages(
    site: &Site,
    built: &crate::selfcheck::Built,
    per_lang: &HashMap<&str, LangShared>,
    tera: &tera::Tera,
    templates: &[crate::load::TextFile],
) -> Vec<Result<(String, Vec<u8>), Diagnostic>> {
    let file = site
        .data
        .get(crate::selfcheck::flow::FILE)
        .map(|tf| tf.file.clone())
        .unwrap_or_default();
    built
        .pages
        .par_iter()
        .map(|cp| {
            if !tera.contains_template(cp.template) {
                return Err(Diagnostic::error(
                    "template",
                    format!("the self-check needs the template `{}`, which the theme does not have", cp.template),
                )
                .in_file(&file)
                .with_hint("copy check-start.html, check-question.html, check-outcome.html and check-summary.html from the default theme into templates/"));
            }
            let page = serde_json::json!({
                "title": cp.title,
                "description": cp.description,
                "url": cp.url,
                "permalink": if cp.indexed { site.config.absolute(&cp.url) } else { None },
                "kind": "page",
                "key": cp.url.trim_matches('/'),
                "lang": cp.lang,
                "date": serde_json::Value::Null,
                "extra": {},
                "headings": [],
            });
            let mut ctx = base_context(site, &per_lang[cp.lang.as_str()], &cp.lang, &cp.url, &page, &cp.translations);
            ctx.insert("check", &cp.view);
            match tera.render(cp.template, &ctx) {
                Ok(html) => Ok((format!("{}index.html", cp.url.trim_start_matches('/')), html.into_bytes())),
                Err(e) => Err(templates::template_error(&e, templates)),
            }
        })
        .collect()
}

/// Which template renders `p`.
pub fn template_for(p: &crate::model::Page, site: &Site) -> String {
    if let Some(t) = &p.front.template {
        return t.clone();
    }
    match p.kind {
        Kind::Home => "index.html".into(),
        Kind::Section => "section.html".into(),
        Kind::Page => p
            .parent
            .as_ref()
            .and_then(|k| {
                site.page(k, &p.lang)
                    .or_else(|| site.page(k, site.config.default_lang()))
            })
            .and_then(|s| s.front.page_template.clone())
            .unwrap_or_else(|| "page.html".into()),
    }
}

/// A region with the organisations serving it, in one language.
#[derive(serde::Serialize, Clone)]
pub struct RegionView {
    /// Stable id (anchor).
    pub id: String,
    /// Name in the language.
    pub name: String,
    /// Organisations serving it.
    pub organisations: Vec<LinkView>,
}

/// Values shared by every page of one language.
struct LangShared {
    site: serde_json::Value,
    menu: Vec<LinkView>,
    regions: Vec<RegionView>,
}

impl LangShared {
    fn new(site: &Site, lang: &str, diags: &mut Vec<Diagnostic>) -> Self {
        let c = &site.config;
        let dl = c.default_lang();
        let site_view = serde_json::json!({
            "title": c.title.get(lang, dl),
            "description": c.description.get(lang, dl),
            "base_url": c.base_url,
            "languages": c.languages,
            "default_lang": dl,
            "home": c.lang_prefix(lang),
            "locale": c.languages.iter().find(|l| l.code == lang).map(|l| l.locale.clone()),
            "extra": c.extra,
        });
        let mut menu = Vec::new();
        if let Some(items) = c.extra.get("menu").and_then(|m| m.as_array()) {
            for item in items {
                let Some(path) = item.as_str() else { continue };
                let key = path.trim_matches('/');
                match site.page(key, lang).or_else(|| site.page(key, dl)) {
                    Some(p) => {
                        let mut v = link_view(p, false);
                        if let Some(t) = p.front.extra.get("menu_title").and_then(|t| t.as_str()) {
                            v.title = t.to_string();
                        }
                        menu.push(v);
                    }
                    None if lang == dl => diags.push(
                        Diagnostic::error("menu", format!("the menu entry `{path}` points to a page that does not exist"))
                            .in_file(crate::config::CONFIG_FILE)
                            .with_hint("list site addresses of existing pages under `menu:`, e.g. `- /services/`"),
                    ),
                    None => {}
                }
            }
        }
        let mut regions: Vec<RegionView> = site
            .regions
            .iter()
            .map(|r| RegionView {
                id: r.id.clone(),
                name: r.name.get(lang, dl),
                organisations: Vec::new(),
            })
            .collect();
        for p in site.pages.iter().filter(|p| p.lang == lang) {
            let Some(list) = p.front.extra.get("regions") else {
                continue;
            };
            let ids: Vec<&str> = match list {
                serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
                serde_json::Value::String(s) => vec![s.as_str()],
                _ => Vec::new(),
            };
            for id in ids {
                match regions.iter_mut().find(|r| r.id == id) {
                    Some(r) => r.organisations.push(link_view(p, false)),
                    None => {
                        let known: Vec<&str> = site.regions.iter().map(|r| r.id.as_str()).collect();
                        diags.push(
                            Diagnostic::error(
                                "unknown-region",
                                format!("`{id}` is not a region in content/regions.yaml"),
                            )
                            .in_file(&p.file)
                            .at_line(p.front.key_lines.get("regions").copied().unwrap_or(1))
                            .with_source(&p.text)
                            .with_hint(format!("use one of: {}", known.join(", "))),
                        )
                    }
                }
            }
        }
        if lang == dl {
            for r in regions.iter().filter(|r| r.organisations.is_empty()) {
                diags.push(
                    Diagnostic::warning(
                        "region-uncovered",
                        format!("no organisation serves the region `{}` ({})", r.id, r.name),
                    )
                    .in_file("content/regions.yaml")
                    .with_hint(
                        "add the region's id to `regions:` of the organisation that serves it",
                    ),
                );
            }
        }
        regions.sort_by(|a, b| a.name.cmp(&b.name));
        LangShared {
            site: site_view,
            menu,
            regions,
        }
    }
}
