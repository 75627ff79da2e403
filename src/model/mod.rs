//! Model: sources → [`Site`]: pages per language with their content types, translations,
//! routes, section lists, regions, feeds.

pub mod fallback;
mod index;
pub mod outdated;
mod pages;
pub mod regions;
pub mod route;
pub mod selfcheck;
pub mod types;

use crate::config::Config;
use crate::date::Date;
use crate::diagnostics::Diagnostic;
use crate::load::frontmatter::FrontMatter;
use crate::load::{Sources, TextFile};
use crate::slug::slugify;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// What kind of page this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `content/_index.<lang>.md`.
    Home,
    /// A folder's `_index.<lang>.md`.
    Section,
    /// Any other Markdown file.
    Page,
}

/// One page in one language.
#[derive(Debug, Clone)]
pub struct Page {
    /// Logical path shared by all translations: `services/medical-care`, `services` for a
    /// section, `` for the home page.
    pub key: String,
    /// Language code.
    pub lang: String,
    /// File path relative to the site root, for messages.
    pub file: String,
    /// Home, section or page.
    pub kind: Kind,
    /// Key of the section the page belongs to (`None` for the home page).
    pub parent: Option<String>,
    /// Checked front matter.
    pub front: FrontMatter,
    /// The page's content type and its typed fields ([`types`]).
    pub content: types::Content,
    /// The file text (for the body and for message source lines); only the front matter
    /// while `whole` says where the rest is ([`Page::whole`]).
    pub text: Arc<str>,
    /// Where the whole text is read again when the page is rendered.
    pub whole: Option<Arc<crate::load::whole::Whole>>,
    /// The fingerprint of the whole text, for translations ([`outdated`]), computed once.
    pub fingerprint: String,
    /// Byte offset of the Markdown body in `text`.
    pub body_start: usize,
    /// 1-based line of the first body line.
    pub body_line: usize,
    /// Site path with the language prefix, always starting and ending with `/`.
    pub url: String,
    /// For a page published in a language it is not yet translated into
    /// (`untranslated: fallback`): the language of its text (the default one).
    pub fallback: Option<String>,
}

impl Page {
    /// The Markdown body (empty while only the front matter is held: see [`Page::whole`]).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The page with its whole text, read again from disk when only its front matter was
    /// kept (an error when the file changed since the site was read).
    pub fn whole(&self) -> Result<std::borrow::Cow<'_, Page>, Diagnostic> {
        let Some(w) = &self.whole else {
            return Ok(std::borrow::Cow::Borrowed(self));
        };
        let text = w.read(&self.file)?;
        let mut page = self.clone();
        page.text = text;
        page.whole = None;
        Ok(std::borrow::Cow::Owned(page))
    }
}

/// Options that change what the model contains.
#[derive(Debug, Clone)]
pub struct ModelOptions {
    /// Keep drafts and pages outside their publish/expiry window.
    pub drafts: bool,
    /// Today's date in Asia/Tbilisi (passed in, so the model does no I/O).
    pub today: Date,
}

/// The whole site, ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// All pages, sorted by (key, language order).
    pub pages: Vec<Page>,
    /// Page index by (key, lang).
    pub by_key: HashMap<(String, String), usize>,
    /// Every address of the site: pages and the self-check's pages (one registry, so that
    /// links resolve and clashes are found in one place).
    pub by_url: HashMap<String, Route>,
    /// Child pages of each (section key, lang), in list order.
    pub children: HashMap<(String, String), Vec<usize>>,
    /// Child sections of each (section key, lang), in list order.
    pub subsections: HashMap<(String, String), Vec<usize>>,
    /// Regions (from `content/regions.yaml`), if the site has them.
    pub regions: Vec<regions::Region>,
    /// Data files (YAML under content/) by relative path, for later stages.
    pub data: BTreeMap<String, TextFile>,
    /// The eligibility self-check, when the site has a valid one.
    pub self_check: Option<selfcheck::SelfCheck>,
    /// The news feed of each language that has a feed section.
    pub feeds: HashMap<String, Feed>,
    /// Pages missing in some language.
    pub untranslated: Vec<Untranslated>,
    /// `translations.yaml` as read, when it could be read.
    pub record: Option<outdated::Record>,
    /// Translations whose default-language page changed after they were translated.
    pub outdated: Vec<outdated::Outdated>,
    /// The date the site is built for (printouts carry it).
    pub today: Date,
}

/// What is at an address of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The page at this index of [`Site::pages`].
    Page(usize),
    /// A page of the self-check.
    SelfCheck,
}

impl Route {
    /// The page's index, when the address is a page's.
    pub fn page(self) -> Option<usize> {
        match self {
            Route::Page(i) => Some(i),
            Route::SelfCheck => None,
        }
    }
}

/// A language's news feed: the section it lists and its address.
#[derive(Debug, Clone)]
pub struct Feed {
    /// Index of the section's page in [`Site::pages`].
    pub section: usize,
    /// Site URL of the feed (`/news/atom.xml`).
    pub url: String,
}

/// A page missing in some language: its path without language, and the file per language.
pub type Untranslated = (String, Vec<(String, Option<String>)>);

impl Site {
    /// The page of `key` in `lang`, if it exists.
    pub fn page(&self, key: &str, lang: &str) -> Option<&Page> {
        self.by_key
            .get(&(key.to_string(), lang.to_string()))
            .map(|&i| &self.pages[i])
    }
}

/// Build the model. Every problem is reported; pages with errors are left out of the site,
/// which is returned even with errors so that later stages can report theirs too.
pub fn build(src: &Sources, opts: &ModelOptions) -> (Option<Site>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(config) = src.config.clone() else {
        return (None, diags);
    };
    let default_lang = config.default_lang().to_string();
    let mut pages = pages::read_all(&src.pages, &config, opts, &mut diags);
    fallback::stand_in_pages(&mut pages, &config);
    let by_key = index::by_key(&pages, &default_lang, &mut diags);
    let mut by_url = index::routes(&mut pages, &config, &mut diags);
    let (children, subsections) = index::section_lists(&pages);
    let untranslated = index::untranslated(&pages, &config, &mut diags);
    index::content_types(&mut pages, &by_key, &default_lang, &mut diags);
    let data: BTreeMap<String, TextFile> = src
        .data
        .iter()
        .map(|d| (d.rel.clone(), d.clone()))
        .collect();
    let regions = match data.get(regions::FILE) {
        Some(tf) => regions::parse(tf, &config, &mut diags).unwrap_or_else(|mut d| {
            diags.append(&mut d);
            Vec::new()
        }),
        None => Vec::new(),
    };
    let self_check = data
        .get(selfcheck::flow::FILE)
        .and_then(|tf| index::self_check(tf, &pages, &mut by_url, &config, &mut diags));
    let feeds = index::feeds(&pages, &by_key, &config);
    let record = src
        .translations
        .as_ref()
        .and_then(|tf| outdated::Record::parse(tf).map_err(|d| diags.push(d)).ok());
    let outdated = outdated::check(record.as_ref(), &pages, &by_key, &config, &mut diags);
    let site = Site {
        config,
        pages,
        by_key,
        by_url,
        children,
        subsections,
        regions,
        data,
        self_check,
        feeds,
        untranslated,
        record,
        outdated,
        today: opts.today,
    };
    (Some(site), diags)
}

/// The file name of a page's translation into `to`.
pub fn sibling_file(file: &str, from: &str, to: &str) -> String {
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let base = stem.strip_suffix(&format!(".{from}")).unwrap_or(stem);
    format!("{base}.{to}.md")
}

/// The slug of one path part, or an error when nothing usable remains.
pub fn slug_part(part: &str) -> Option<String> {
    let s = slugify(part);
    if s.is_empty() { None } else { Some(s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_key_and_language() {
        use pages::parse_name;
        assert_eq!(
            parse_name("services/medical-care.en.md"),
            ("services/medical-care".into(), Some("en".into()))
        );
        assert_eq!(parse_name("about.md"), ("about".into(), None));
        assert_eq!(
            parse_name("_index.ka.md"),
            ("_index".into(), Some("ka".into()))
        );
        assert_eq!(parse_name("news/v2.1.md"), ("news/v2.1".into(), None));
    }
}
