//! Model: sources → [`Site`]: pages per language, translations, routes, section lists, regions.

pub mod courses;
pub mod organisations;
pub mod regions;
pub mod route;

use crate::config::{Config, looks_like_lang};
use crate::date::Date;
use crate::diagnostics::Diagnostic;
use crate::load::frontmatter::{self, FrontMatter};
use crate::load::{Sources, TextFile};
use crate::slug::slugify;
use rayon::prelude::*;
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
    /// The whole file text (for the body and for message source lines).
    pub text: Arc<str>,
    /// Byte offset of the Markdown body in `text`.
    pub body_start: usize,
    /// 1-based line of the first body line.
    pub body_line: usize,
    /// Site path with the language prefix, always starting and ending with `/`.
    pub url: String,
}

impl Page {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
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
    /// Page index by URL.
    pub by_url: HashMap<String, usize>,
    /// Child pages of each (section key, lang), in list order.
    pub children: HashMap<(String, String), Vec<usize>>,
    /// Child sections of each (section key, lang), in list order.
    pub subsections: HashMap<(String, String), Vec<usize>>,
    /// Regions (from `content/regions.yaml`), if the site has them.
    pub regions: Vec<regions::Region>,
    /// Data files (YAML under content/) by relative path, for later stages.
    pub data: BTreeMap<String, TextFile>,
}

impl Site {
    /// The page of `key` in `lang`, if it exists.
    pub fn page(&self, key: &str, lang: &str) -> Option<&Page> {
        self.by_key
            .get(&(key.to_string(), lang.to_string()))
            .map(|&i| &self.pages[i])
    }
}

/// Split a content-relative path into (key, language, is_index). The language is `None`
/// when the file has no language part.
fn parse_name(rel: &str) -> (String, Option<String>) {
    let stem = rel.rsplit_once('.').map(|(s, _)| s).unwrap_or(rel);
    let (dir, name) = match stem.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, stem),
    };
    let (base, lang) = match name.rsplit_once('.') {
        Some((b, l)) if looks_like_lang(l) => (b, Some(l.to_string())),
        _ => (name, None),
    };
    let key = match dir {
        Some(d) => format!("{d}/{base}"),
        None => base.to_string(),
    };
    (key, lang)
}

/// Build the model. Every problem is reported; pages with errors are left out of the site.
pub fn build(src: &Sources, opts: &ModelOptions) -> (Option<Site>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(config) = src.config.clone() else {
        return (None, diags);
    };
    let default_lang = config.default_lang().to_string();

    // Parse every page's front matter in parallel.
    let parsed: Vec<Result<Page, Vec<Diagnostic>>> = src
        .pages
        .par_iter()
        .map(|tf| read_page(tf, &config, &default_lang))
        .collect();
    let mut pages = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(p) => pages.push(p),
            Err(mut d) => diags.append(&mut d),
        }
    }
    pages.retain(|p| {
        opts.drafts
            || !(p.front.draft
                || p.front.publish_date.is_some_and(|d| d > opts.today)
                || p.front.expiry_date.is_some_and(|d| d < opts.today))
    });
    let lang_order = |l: &str| {
        config
            .languages
            .iter()
            .position(|x| x.code == l)
            .unwrap_or(usize::MAX)
    };
    pages.sort_by(|a, b| {
        (a.key.as_str(), lang_order(&a.lang)).cmp(&(b.key.as_str(), lang_order(&b.lang)))
    });

    // Two files for the same page and language (`a.md` and `a.ka.md`).
    let mut by_key = HashMap::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        if let Some(&j) = by_key.get(&(p.key.clone(), p.lang.clone())) {
            let other: &Page = &pages[j];
            diags.push(
                Diagnostic::error("same-page-twice", format!("this page is also written in {}", other.file))
                    .in_file(&p.file)
                    .at_line(1)
                    .with_hint(format!("a file without a language part belongs to the default language ({default_lang}); keep one of the two files")),
            );
        } else {
            by_key.insert((p.key.clone(), p.lang.clone()), i);
        }
    }

    // Routes.
    let mut by_url: HashMap<String, usize> = HashMap::with_capacity(pages.len());
    let mut url_diags = Vec::new();
    for i in 0..pages.len() {
        match route::page_url(&pages[i], &config) {
            Ok(url) => pages[i].url = url,
            Err(d) => {
                url_diags.push(d);
                continue;
            }
        }
        let url = pages[i].url.clone();
        if let Some(&j) = by_url.get(&url) {
            // Point at the page whose `slug:` caused the clash, when one has it.
            let (a, b) = if pages[j].front.slug.is_some() && pages[i].front.slug.is_none() {
                (&pages[i], &pages[j])
            } else {
                (&pages[j], &pages[i])
            };
            url_diags.push(
                Diagnostic::error(
                    "same-url",
                    format!("two pages want the address {url}: this one and {}", a.file),
                )
                .in_file(&b.file)
                .at_line(b.front.key_lines.get("slug").copied().unwrap_or(1))
                .with_hint(
                    "give one of them a different `slug:` in its front matter, or rename the file",
                ),
            );
        } else {
            by_url.insert(url, i);
        }
    }
    diags.append(&mut url_diags);

    // Section lists.
    let mut children: HashMap<(String, String), Vec<usize>> = HashMap::new();
    let mut subsections: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        if let Some(parent) = &p.parent {
            let map = if p.kind == Kind::Section {
                &mut subsections
            } else {
                &mut children
            };
            map.entry((parent.clone(), p.lang.clone()))
                .or_default()
                .push(i);
        }
    }
    let order = |a: &usize, b: &usize| {
        let (a, b) = (&pages[*a], &pages[*b]);
        let w = |p: &Page| p.front.weight.unwrap_or(i64::MAX);
        w(a).cmp(&w(b))
            .then_with(|| b.front.date.cmp(&a.front.date))
            .then_with(|| a.front.title.cmp(&b.front.title))
            .then_with(|| a.key.cmp(&b.key))
    };
    for list in children.values_mut().chain(subsections.values_mut()) {
        list.sort_by(order);
    }

    // Missing translations (a warning: the switcher then points to the language's home).
    let mut langs_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        langs_of.entry(p.key.as_str()).or_default().push(i);
    }
    for idxs in langs_of.values() {
        for l in &config.languages {
            if !idxs.iter().any(|&i| pages[i].lang == l.code) {
                let first = &pages[idxs[0]];
                let sibling = sibling_file(&first.file, &first.lang, &l.code, &default_lang);
                diags.push(
                    Diagnostic::warning(
                        "missing-translation",
                        format!(
                            "this page is not translated into {} ({}) yet",
                            l.name, l.code
                        ),
                    )
                    .in_file(&first.file)
                    .with_hint(format!("add {sibling} with the translation"))
                    .tr(
                        "missing-translation",
                        &[("language", &l.name), ("code", &l.code), ("file", &sibling)],
                    ),
                );
            }
        }
    }

    for p in pages.iter().filter(|p| organisations::is_organisation(p)) {
        diags.extend(organisations::check(p));
    }

    let data: BTreeMap<String, TextFile> = src
        .data
        .iter()
        .map(|d| (d.rel.clone(), d.clone()))
        .collect();
    let regions = match data.get(regions::FILE) {
        Some(tf) => match regions::parse(tf, &config) {
            Ok(r) => r,
            Err(mut d) => {
                diags.append(&mut d);
                Vec::new()
            }
        },
        None => Vec::new(),
    };

    let site = Site {
        config,
        pages,
        by_key,
        by_url,
        children,
        subsections,
        regions,
        data,
    };
    // The site is returned even with errors, so later stages can report theirs too.
    (Some(site), diags)
}

/// The file name of a page's translation into `to`.
pub fn sibling_file(file: &str, from: &str, to: &str, default_lang: &str) -> String {
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let base = stem.strip_suffix(&format!(".{from}")).unwrap_or(stem);
    let _ = default_lang;
    format!("{base}.{to}.md")
}

fn read_page(tf: &TextFile, config: &Config, default_lang: &str) -> Result<Page, Vec<Diagnostic>> {
    let (key, lang) = parse_name(&tf.rel);
    let lang = match lang {
        Some(l) if config.has_lang(&l) => l,
        Some(l) => {
            let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(vec![Diagnostic::error("unknown-language", format!("`{l}` in the file name is not one of the site's languages ({})", known.join(", ")))
                .in_file(&tf.file)
                .with_hint(format!("name the file `<name>.<language>.md` with one of: {}; or add `{l}` to `languages:` in site.yaml", known.join(", ")))]);
        }
        None => default_lang.to_string(),
    };
    let text: Arc<str> = tf.text.clone();
    let split = frontmatter::split(&text, &tf.file).map_err(|d| vec![d])?;
    let front = frontmatter::parse(&split, &tf.file, &text)?;
    let body_start = text.len() - split.body.len();
    let body_line = split.body_line;
    let (kind, key, parent) = if key == "_index" {
        (Kind::Home, String::new(), None)
    } else if let Some(dir) = key.strip_suffix("/_index") {
        let parent = dir
            .rsplit_once('/')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default();
        (Kind::Section, dir.to_string(), Some(parent))
    } else {
        let parent = key
            .rsplit_once('/')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default();
        (Kind::Page, key, Some(parent))
    };
    Ok(Page {
        key,
        lang,
        file: tf.file.clone(),
        kind,
        parent,
        front,
        text,
        body_start,
        body_line,
        url: String::new(),
    })
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
