//! Views: the plain values templates receive (page, lists, language switcher, menu, regions).

use crate::config::Config;
use crate::date::Date;
use crate::model::{Kind, Page, Site};
use serde::Serialize;

/// A page as a template sees it.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// Title.
    pub title: &'a str,
    /// Description (front matter, else the first paragraph).
    pub description: String,
    /// Rendered body HTML (use `| safe`).
    pub content: &'a str,
    /// Site URL with language prefix.
    pub url: &'a str,
    /// Absolute URL when `base_url` is set.
    pub permalink: Option<String>,
    /// home, section or page.
    pub kind: Kind,
    /// Logical path shared by translations.
    pub key: &'a str,
    /// Language code.
    pub lang: &'a str,
    /// Date as YYYY-MM-DD.
    pub date: Option<String>,
    /// Last update as YYYY-MM-DD.
    pub updated: Option<String>,
    /// Weight.
    pub weight: Option<i64>,
    /// Image path.
    pub image: Option<&'a str>,
    /// Image alt text.
    pub image_alt: Option<&'a str>,
    /// Every other front-matter key.
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    /// Headings of the body.
    pub headings: &'a [crate::render::body::Heading],
    /// The source file (relative to the site root).
    pub file: &'a str,
    /// For a page not yet translated, shown in the default language's text: that language.
    pub fallback: Option<FallbackView>,
}

/// The language a stand-in page's text is in (`lang` and `dir` for its content, `name` for
/// the notice).
#[derive(Debug, Clone, Serialize)]
pub struct FallbackView {
    /// Its code.
    pub lang: String,
    /// Its direction.
    pub dir: String,
    /// Its name in itself.
    pub name: String,
}

/// A page in a list (section lists, menus, directories).
#[derive(Serialize, Clone)]
pub struct LinkView {
    /// Title.
    pub title: String,
    /// The language of its title and description (the default language's for a stand-in).
    pub lang: String,
    /// Site URL (use `| rel`).
    pub url: String,
    /// Description.
    pub description: Option<String>,
    /// Date as YYYY-MM-DD.
    pub date: Option<String>,
    /// Front-matter extras.
    pub extra: serde_json::Value,
    /// Whether this is the current page or one of its ancestors (menus).
    pub active: bool,
}

/// One entry of the language switcher / hreflang list.
#[derive(Serialize)]
pub struct LangLink {
    /// Language code.
    pub code: String,
    /// Language name in itself.
    pub name: String,
    /// Its writing direction (`ltr`, `rtl`).
    pub dir: String,
    /// Site URL of the translation, or of that language's home when there is none.
    pub url: String,
    /// Absolute URL when `base_url` is set.
    pub href: Option<String>,
    /// Whether the page exists in this language.
    pub exists: bool,
    /// Whether this is the page's own language.
    pub current: bool,
}

fn iso(d: Option<Date>) -> Option<String> {
    d.map(|d| d.iso())
}

/// A list entry for page `p`.
pub fn link_view(p: &Page, active: bool) -> LinkView {
    LinkView {
        title: p.front.title.clone(),
        lang: p.fallback.clone().unwrap_or_else(|| p.lang.clone()),
        url: p.url.clone(),
        description: p.front.description.clone(),
        date: iso(p.front.date),
        extra: serde_json::Value::Object(p.front.extra.clone()),
        active,
    }
}

/// The page view of `p` with its rendered body.
pub fn page_view<'a>(
    p: &'a Page,
    content: &'a str,
    summary: &str,
    headings: &'a [crate::render::body::Heading],
    config: &Config,
) -> PageView<'a> {
    PageView {
        title: &p.front.title,
        description: p
            .front
            .description
            .clone()
            .unwrap_or_else(|| truncate(summary, 160)),
        content,
        url: &p.url,
        permalink: config.absolute(&p.url),
        kind: p.kind,
        key: &p.key,
        lang: &p.lang,
        date: iso(p.front.date),
        updated: iso(p.front.updated),
        weight: p.front.weight,
        image: p.front.image.as_deref(),
        image_alt: p.front.image_alt.as_deref(),
        extra: &p.front.extra,
        headings,
        file: &p.file,
        fallback: p.fallback.as_ref().map(|code| FallbackView {
            lang: code.clone(),
            dir: config.dir(code),
            name: config
                .languages
                .iter()
                .find(|l| &l.code == code)
                .map_or_else(|| code.clone(), |l| l.name.clone()),
        }),
    }
}

/// Shorten text to at most `max` characters at a word boundary, adding `…`.
pub fn truncate(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

/// The language switcher for page `p`: every language, linking the translation or that
/// language's nearest existing section (else its home).
pub fn translations(p: &Page, site: &Site) -> Vec<LangLink> {
    site.config
        .languages
        .iter()
        .map(|l| {
            let (url, exists) = match site.page(&p.key, &l.code) {
                Some(t) => (t.url.clone(), t.fallback.is_none()),
                None => {
                    let mut key = p.parent.clone();
                    let mut found = None;
                    while let Some(k) = key {
                        if let Some(s) = site.page(&k, &l.code) {
                            found = Some(s.url.clone());
                            break;
                        }
                        key = k
                            .rsplit_once('/')
                            .map(|(a, _)| a.to_string())
                            .or(if k.is_empty() {
                                None
                            } else {
                                Some(String::new())
                            });
                    }
                    (
                        found.unwrap_or_else(|| site.config.lang_prefix(&l.code)),
                        false,
                    )
                }
            };
            LangLink {
                href: site.config.absolute(&url),
                code: l.code.clone(),
                name: l.name.clone(),
                dir: l.dir.clone(),
                exists,
                current: l.code == p.lang,
                url,
            }
        })
        .collect()
}
