//! Values shared by every page of one language: site strings, the menu, regions with their organisations.

use super::views::{LinkView, link_view};
use crate::diagnostics::Diagnostic;
use crate::model::Site;
use std::collections::HashMap;

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
pub struct LangShared {
    /// `site`, `regions` and `footer` as templates see them, converted for Tera once: a
    /// page's context takes a clone, which shares them (Tera's values are reference-counted).
    pub values: TemplateValues,
    /// The main menu.
    pub menu: Vec<LinkView>,
    /// Regions sorted by name in the language.
    pub regions: Vec<RegionView>,
}

/// The values every page of one language gives its template unchanged.
pub struct TemplateValues {
    /// `site`: title, description, addresses, languages, `extra` of site.yaml.
    pub site: tera::Value,
    /// `regions`: the regions with their organisations.
    pub regions: tera::Value,
    /// `footer`: the footer, when site.yaml has one.
    pub footer: tera::Value,
}

/// The footer of every page in one language (`footer:` in site.yaml).
#[derive(serde::Serialize, Clone)]
pub struct FooterView {
    /// Who runs the site, one line each.
    pub lines: Vec<String>,
    /// A page to link, with its title.
    pub link: Option<LinkView>,
}

impl LangShared {
    /// The values of every language of the site, by language code.
    pub fn all(site: &Site, diags: &mut Vec<Diagnostic>) -> HashMap<String, LangShared> {
        site.config
            .languages
            .iter()
            .map(|l| (l.code.clone(), LangShared::new(site, &l.code, diags)))
            .collect()
    }

    /// Compute the values of `lang`, reporting menu and region problems.
    pub fn new(site: &Site, lang: &str, diags: &mut Vec<Diagnostic>) -> Self {
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
            "portable": c.portable,
            "offline": c.offline_reading(),
            "today": site.today.iso(),
            "check_url": site.self_check.as_ref().map(|sc| sc.root(c, lang)),
        });
        let mut menu = Vec::new();
        if let Some(items) = c.extra.get("menu").and_then(|m| m.as_array()) {
            for (n, item) in items.iter().enumerate() {
                let Some(path) = item.as_str() else { continue };
                match page_at(site, path, lang) {
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
                            .at_line(c.menu_lines.get(n).copied().unwrap_or(1))
                            .with_hint("list site addresses of existing pages under `menu:`, e.g. `- /services/`")
                            .tr("menu-entry", &[("path", path)]),
                    ),
                    None => {}
                }
            }
        }
        let regions = region_views(site, lang);
        let values = TemplateValues {
            site: tera::Value::from_serializable(&site_view),
            regions: tera::Value::from_serializable(&regions),
            footer: tera::Value::from_serializable(&footer(site, lang, diags)),
        };
        LangShared {
            values,
            menu,
            regions,
        }
    }
}

/// The regions in `lang`, sorted by name, each with the organisations that serve it.
fn region_views(site: &Site, lang: &str) -> Vec<RegionView> {
    let dl = site.config.default_lang();
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
        let Some(org) = p.content.organisation() else {
            continue;
        };
        for id in &org.regions {
            if let Some(r) = regions.iter_mut().find(|r| &r.id == id) {
                r.organisations.push(link_view(p, false));
            }
        }
    }
    regions.sort_by(|a, b| a.name.cmp(&b.name));
    regions
}

/// The page at site address `path` (as written in site.yaml) in `lang`, else in the default
/// language.
fn page_at<'s>(site: &'s Site, path: &str, lang: &str) -> Option<&'s crate::model::Page> {
    let key = path.trim_matches('/');
    site.page(key, lang)
        .or_else(|| site.page(key, site.config.default_lang()))
}

/// The footer in `lang`: `footer: {lines: [{ka: ..., en: ...}, ...], link: /about/}` in
/// site.yaml; a line given as plain text is the same in every language. The link must be a
/// page of the site (checked once, in the default language).
fn footer(site: &Site, lang: &str, diags: &mut Vec<Diagnostic>) -> Option<FooterView> {
    let c = &site.config;
    let dl = c.default_lang();
    let f = c.extra.get("footer")?;
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(m) => m
            .get(lang)
            .or_else(|| m.get(dl))
            .and_then(|t| t.as_str())
            .map(str::to_string),
        _ => None,
    };
    let lines = f
        .get("lines")
        .and_then(|l| l.as_array())
        .map(|l| l.iter().filter_map(text).collect())
        .unwrap_or_default();
    let link = f.get("link").and_then(|l| l.as_str()).and_then(|path| {
        let page = page_at(site, path, lang);
        if page.is_none() && lang == dl {
            diags.push(
                Diagnostic::error("footer", format!("the footer link `{path}` points to a page that does not exist"))
                    .in_file(crate::config::CONFIG_FILE)
                    .at_line(c.footer_line)
                    .with_hint("write the site address of an existing page after `link:`, e.g. `link: /about/`")
                    .tr("footer-link", &[("path", path)]),
            );
        }
        page.map(|p| link_view(p, false))
    });
    Some(FooterView { lines, link })
}
