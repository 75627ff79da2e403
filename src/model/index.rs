//! The site's indexes over its pages: one page per (key, language), one per address,
//! section lists in order, content types read, translations missing, feeds.

use super::selfcheck::{self, SelfCheck};
use super::{Feed, Kind, Page, Route, Untranslated, route, types};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Pages by (key, language); a second file for the same page and language is an error.
pub(super) fn by_key(
    pages: &[Page],
    default_lang: &str,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<(String, String), usize> {
    let mut by_key = HashMap::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        if let Some(&j) = by_key.get(&(p.key.clone(), p.lang.clone())) {
            let other: &Page = &pages[j];
            diags.push(
                Diagnostic::error("same-page-twice", format!("this page is also written in {}", other.file))
                    .in_file(&p.file)
                    .at_line(1)
                    .with_hint(format!("a file without a language part belongs to the default language ({default_lang}); keep one of the two files"))
                    .tr("same-page-twice", &[("other", &other.file), ("lang", default_lang)]),
            );
        } else {
            by_key.insert((p.key.clone(), p.lang.clone()), i);
        }
    }
    by_key
}

/// Give every page its address; two pages on one address is an error that points at the
/// page whose `slug:` caused it, when one has it.
pub(super) fn routes(
    pages: &mut [Page],
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, Route> {
    let mut by_url: HashMap<String, Route> = HashMap::with_capacity(pages.len());
    let mut url_diags = Vec::new();
    for i in 0..pages.len() {
        match route::page_url(&pages[i], config) {
            Ok(url) => pages[i].url = url,
            Err(d) => {
                url_diags.push(d);
                continue;
            }
        }
        let url = pages[i].url.clone();
        let Some(j) = by_url.get(&url).and_then(|r| r.page()) else {
            by_url.insert(url, Route::Page(i));
            continue;
        };
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
            )
            .tr("same-url", &[("url", &url), ("other", &a.file)]),
        );
    }
    diags.append(&mut url_diags);
    by_url
}

/// Child pages and child sections of each (section key, language), in list order: by
/// `weight`, then newest first, then title.
pub(super) type Lists = HashMap<(String, String), Vec<usize>>;

/// The pages and the subsections of every section.
pub(super) fn section_lists(pages: &[Page]) -> (Lists, Lists) {
    let mut children: Lists = HashMap::new();
    let mut subsections: Lists = HashMap::new();
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
    (children, subsections)
}

/// Read every page's content type and fields; the section of a page is its parent's page in
/// the same language, else in the default language.
pub(super) fn content_types(
    pages: &mut [Page],
    by_key: &HashMap<(String, String), usize>,
    default_lang: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let section = |p: &Page| {
        let parent = p.parent.as_ref()?;
        let i = by_key
            .get(&(parent.clone(), p.lang.clone()))
            .or_else(|| by_key.get(&(parent.clone(), default_lang.to_string())))?;
        Some(&pages[*i])
    };
    let read: Vec<(types::Content, Vec<Diagnostic>)> = pages
        .par_iter()
        .map(|p| types::read(p, section(p)))
        .collect();
    // A section's wrong `page_type:` is one mistake, reported once (not once per page).
    let mut seen = std::collections::HashSet::new();
    for (p, (content, d)) in pages.iter_mut().zip(read) {
        p.content = content;
        for d in d {
            if seen.insert((d.file.clone(), d.line, d.message.clone())) {
                diags.push(d);
            }
        }
    }
}

/// Pages missing in some language, with a warning for each missing file (the switcher then
/// points to the language's home).
pub(super) fn untranslated(
    pages: &[Page],
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Untranslated> {
    let mut langs_of: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    // A stand-in in the default language's text is no translation.
    for p in pages.iter().filter(|p| p.fallback.is_none()) {
        langs_of.entry(p.key.as_str()).or_default().push(p);
    }
    let mut table = Vec::new();
    for group in langs_of.values() {
        let first = group[0];
        for l in &config.languages {
            if !group.iter().any(|p| p.lang == l.code) {
                diags.push(missing(first, l));
            }
        }
        if group.len() >= config.languages.len() {
            continue;
        }
        let row = config
            .languages
            .iter()
            .map(|l| {
                let file = group
                    .iter()
                    .find(|p| p.lang == l.code)
                    .map(|p| p.file.clone());
                (l.code.clone(), file)
            })
            .collect();
        table.push((name_without_lang(first), row));
    }
    table
}

/// The warning for a page not yet translated into `l`.
fn missing(first: &Page, l: &crate::config::Language) -> Diagnostic {
    let sibling = super::sibling_file(&first.file, &first.lang, &l.code);
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
    )
}

/// `services/medical-care` for `content/services/medical-care.ka.md`.
pub(super) fn name_without_lang(p: &Page) -> String {
    let name = p.file.strip_prefix("content/").unwrap_or(&p.file);
    let name = name.strip_suffix(".md").unwrap_or(name);
    name.strip_suffix(&format!(".{}", p.lang))
        .unwrap_or(name)
        .to_string()
}

/// The feed of each language: the section named by `feed_section` in site.yaml (`news` by
/// default), when the language has it.
pub(super) fn feeds(
    pages: &[Page],
    by_key: &HashMap<(String, String), usize>,
    config: &Config,
) -> HashMap<String, Feed> {
    let section = config
        .extra
        .get("feed_section")
        .and_then(|v| v.as_str())
        .unwrap_or("news")
        .trim_matches('/')
        .to_string();
    let mut feeds = HashMap::new();
    for l in &config.languages {
        if let Some(&i) = by_key.get(&(section.clone(), l.code.clone())) {
            let url = format!("{}atom.xml", pages[i].url);
            feeds.insert(l.code.clone(), Feed { section: i, url });
        }
    }
    feeds
}

/// Read the self-check and give its pages their addresses; `None` when it has errors or
/// one of its pages would take a page's address (the first such clash is reported).
pub(super) fn self_check(
    tf: &TextFile,
    pages: &[Page],
    by_url: &mut HashMap<String, Route>,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> Option<SelfCheck> {
    let mut prepared = selfcheck::prepare(tf, config);
    diags.append(&mut prepared.diags);
    let Some(check) = prepared.check else {
        // A self-check with errors is not published, but links to its start page are not
        // broken links on top of its own error.
        if let Some(path) = &prepared.path {
            for l in &config.languages {
                let url = selfcheck::root_url(config, &l.code, path);
                by_url.entry(url).or_insert(Route::SelfCheck);
            }
        }
        return None;
    };
    let urls = check.urls(config);
    let clash = urls
        .iter()
        .find_map(|u| by_url.get(u).and_then(|r| r.page()).map(|i| (u, i)));
    if let Some((url, i)) = clash {
        diags.push(check.clash(url, &pages[i].file));
        return None;
    }
    by_url.extend(urls.into_iter().map(|u| (u, Route::SelfCheck)));
    Some(check)
}
