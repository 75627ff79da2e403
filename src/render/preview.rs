//! Pages made one at a time, as they are asked for, from the model: what `serve` shows while
//! its first whole build is still running, so that an editor of a large site reads pages
//! seconds after the start instead of waiting for every page to be rendered.
//!
//! A page is rendered exactly as the whole render renders it ([`render_page`], the same
//! setup, link table and per-language values), so it is the same page byte for byte
//! (`tests/serve_preview.rs`). What only the whole render makes (feeds, the sitemap, the
//! search index, posters, images, the messages of the whole site) is not offered here:
//! `serve` waits for the whole build for those.

use super::page_pass::render_page;
use super::shared::LangShared;
use super::{Setup, page};
use crate::load::Sources;
use crate::media::Media;
use crate::model::Site;
use crate::write::Sink;
use std::collections::HashMap;
use std::sync::Arc;

/// What single pages are rendered from while the whole build runs.
pub struct Preview {
    site: Arc<Site>,
    src: Arc<Sources>,
    media: Arc<Media>,
    setup: Setup,
    per_lang: HashMap<String, LangShared>,
    /// Each page's output path (`en/news/index.html`) → its number in the site.
    pages: HashMap<String, usize>,
    /// The static files and theme assets, by output path.
    files: HashMap<String, Arc<Vec<u8>>>,
}

impl Preview {
    /// A preview of `site`, or `None` when its templates do not compile (the whole build
    /// reports why).
    pub fn new(site: Arc<Site>, src: Arc<Sources>, media: Arc<Media>) -> Option<Preview> {
        // Their messages are the whole build's to report.
        let mut ignored = Vec::new();
        let setup = Setup::new(&site, &src, &media, &mut ignored)?;
        let per_lang = LangShared::all(&site, &mut ignored);
        let pages = site
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (page::index_html(&p.url), i))
            .collect();
        let files = super::outputs::statics::files(&site.config, &src)
            .into_iter()
            .collect();
        Some(Preview {
            site,
            src,
            media,
            setup,
            per_lang,
            pages,
            files,
        })
    }

    /// Whether [`Preview::get`] may have a file at `key` (without rendering it).
    pub fn has(&self, key: &str) -> bool {
        self.pages.contains_key(key)
            || list_of(key).is_some_and(|k| self.pages.contains_key(&k))
            || self.files.contains_key(key)
    }

    /// The file at output path `key` (`en/news/index.html`, `style.css`), if it is a page
    /// or a static file; `None` for anything only the whole build makes, and for a page
    /// whose template fails (the whole build reports it).
    pub fn get(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        // A page wins over a static file of the same path, as in the whole build.
        let page = self
            .pages
            .get(key)
            .or_else(|| self.pages.get(&list_of(key)?));
        let Some(&i) = page else {
            return self.files.get(key).map(Arc::clone);
        };
        let table = self.setup.table(&self.site, &self.media);
        let ctx = page::Shared {
            site: &self.site,
            tera: &self.setup.tera,
            templates: &self.src.templates,
            per_lang: &self.per_lang,
        };
        let sink = Sink::memory();
        let slim = render_page(self.site.pages.get(i)?, &table, &ctx, &sink, None);
        if slim.template_error.is_some() {
            return None;
        }
        sink.into_output()?.get(key)
    }
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Preview({} pages)", self.pages.len())
    }
}

/// The first page of a list from the path of a later one: `en/news/page/3/index.html` →
/// `en/news/index.html`.
fn list_of(key: &str) -> Option<String> {
    let rest = key.strip_suffix("/index.html")?;
    let (before, n) = rest.rsplit_once('/')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let section = before.strip_suffix("page")?;
    match section {
        "" => Some("index.html".to_string()),
        s if s.ends_with('/') => Some(format!("{s}index.html")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::list_of;

    #[test]
    fn later_list_pages_lead_to_their_first() {
        assert_eq!(
            list_of("en/news/page/3/index.html").as_deref(),
            Some("en/news/index.html")
        );
        assert_eq!(list_of("page/2/index.html").as_deref(), Some("index.html"));
        assert_eq!(list_of("en/news/index.html"), None);
        assert_eq!(list_of("en/homepage/2/index.html"), None);
        assert_eq!(list_of("en/news/page/x/index.html"), None);
    }
}
