//! The search: each language's index files (`search/data/<lang>/`, see [`crate::search`]),
//! the rules the client script reads (`search/data/rules.js`), and the search page of each
//! language (`/search/`, `/en/search/`) with its A–Z list of the language's pages, which
//! serves readers without JavaScript; a long list goes on one page per letter.

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::model::route::relative;
use crate::model::{Page, Site};
use crate::render::templates::template_error;
use crate::search::{DATA, client, index};
use crate::write::Sink;
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The search page's template; without it, a theme has no search.
pub const TEMPLATE: &str = "search.html";

/// Whether the site has a search: `search: true` in site.yaml and a theme with the page.
pub fn on(site: &Site, tera: &tera::Tera) -> bool {
    site.config.search && tera.contains_template(TEMPLATE)
}

/// Lists longer than this go on one page per letter.
const ONE_PAGE: usize = 300;

/// Files to write: (path, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// Writes the index and the search pages.
pub struct Search;

/// One language's share of the step.
enum Job<'a> {
    /// Its index files.
    Index(&'a str),
    /// Its search page and letter pages.
    Pages(&'a str),
}

impl Step for Search {
    fn name(&self) -> &'static str {
        "search"
    }

    fn reads_bodies(&self) -> bool {
        true
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
        if cx.found.terms.is_none() {
            return;
        }
        let site = cx.site;
        let langs: Vec<String> = site
            .config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .collect();
        let data = DATA.trim_start_matches('/');
        out.put(
            format!("{data}rules.js"),
            client::rules_js(&langs).into_bytes(),
        );
        // Each language's index and its pages, as jobs of their own (four for two languages);
        // titles and addresses do not change with a body, so after one the pages stay.
        let jobs: Vec<Job<'_>> = langs
            .iter()
            .flat_map(|l| [Job::Index(l), Job::Pages(l)])
            .filter(|j| matches!(j, Job::Index(_)) || cx.changed.is_none())
            .collect();
        let done: Vec<Result<Files, Diagnostic>> = jobs
            .par_iter()
            .map(|job| match *job {
                Job::Index(lang) => Ok(index_of(cx, lang)
                    .into_iter()
                    .map(|(path, text)| (format!("{data}{lang}/{path}"), text.into_bytes()))
                    .collect()),
                Job::Pages(lang) => pages_of(cx, lang),
            })
            .collect();
        for result in done {
            match result {
                Ok(files) => files.into_par_iter().for_each(|(p, b)| out.put(p, b)),
                Err(d) => diags.push(d),
            }
        }
    }
}

/// The index files of `lang`: those an edit changed, when the render kept an index
/// ([`crate::search::live`]), else all of them from each term's best pages kept while the
/// pages were counted.
fn index_of(cx: &Context<'_>, lang: &str) -> Vec<(String, String)> {
    let site = cx.site;
    let names = cx.found.names();
    let entry = |i: usize| {
        let p = &site.pages[i];
        index::Entry {
            url: &p.url,
            title: &p.front.title,
            section: section_title(site, p),
            excerpt: cx
                .found
                .pages
                .get(i)
                .copied()
                .flatten()
                .map_or("", |t| &t.excerpt),
        }
    };
    if let Some(live) = cx.found.live {
        return live.files(lang, names, entry);
    }
    let Some(terms) = cx.found.terms.filter(|t| t.stream) else {
        return Vec::new();
    };
    // The pages' numbers in the site, to make them numbers in the language.
    let numbers: Vec<u32> = (0..site.pages.len())
        .filter(|&i| {
            site.pages[i].lang == lang && cx.found.pages.get(i).is_some_and(Option::is_some)
        })
        .map(|i| i as u32)
        .collect();
    let entries: Vec<index::Entry<'_>> = numbers.iter().map(|&i| entry(i as usize)).collect();
    let best = index::in_language(terms.best(lang), &numbers);
    index::files(lang, &entries, names, |t| {
        best.get(t).map_or(&[][..], |b| &b.keys)
    })
}

/// The title of the section a page is in.
fn section_title<'a>(site: &'a Site, p: &Page) -> &'a str {
    p.parent
        .as_ref()
        .filter(|k| !k.is_empty())
        .and_then(|k| site.page(k, &p.lang))
        .map_or("", |s| s.front.title.as_str())
}

/// The address of the search page of `lang`.
pub fn search_url(site: &Site, lang: &str) -> String {
    format!("{}search/", site.config.lang_prefix(lang))
}

/// The first letter of a title, as the A–Z list shows it.
fn letter(title: &str) -> String {
    let c = title
        .chars()
        // Mkhedruli letters first: `is_alphanumeric` looks them up in a table.
        .find(|&c| crate::search::fold::is_mkhedruli_letter(c) || c.is_alphanumeric())
        .map(crate::search::fold::capital_free)
        .unwrap_or('#');
    match crate::search::fold::is_georgian(c) {
        // Georgian has no case in running text (upper case would be Mtavruli).
        true => c.to_string(),
        false => c.to_uppercase().collect(),
    }
}

/// A title in lower case, to sort by: Georgian (Mkhedruli, which has no case) and ASCII
/// without the lookup in Unicode's tables that other letters need.
fn sort_key(title: &str) -> String {
    match title
        .chars()
        .all(|c| c.is_ascii() || crate::search::fold::is_mkhedruli_letter(c))
    {
        true => title.to_ascii_lowercase(),
        false => title.to_lowercase(),
    }
}

/// The search page of `lang`, and its letter pages when the list is long.
fn pages_of(cx: &Context<'_>, lang: &str) -> Result<Files, Diagnostic> {
    let site = cx.site;
    let url = search_url(site, lang);
    let mut entries: Vec<(String, String, &Page)> = site
        .pages
        .iter()
        .filter(|p| p.lang == lang)
        .map(|p| (letter(&p.front.title), sort_key(&p.front.title), p))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut groups: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (l, _, p) in &entries {
        let lang_of = p.fallback.as_deref().unwrap_or(&p.lang);
        groups
            .entry(l.clone())
            .or_default()
            .push(json!({"url": p.url, "title": p.front.title, "lang": lang_of}));
    }
    let split = entries.len() > ONE_PAGE;
    let letter_url = |n: usize| format!("{url}a-z/{}/", n + 1);
    let letters: Vec<Value> = groups
        .keys()
        .enumerate()
        .map(|(n, l)| match split {
            true => json!({"letter": l, "url": letter_url(n)}),
            false => json!({"letter": l, "anchor": format!("az-{}", n + 1)}),
        })
        .collect();
    let group_view = |n: usize, (l, pages): (&String, &Vec<Value>)| json!({"letter": l, "anchor": format!("az-{}", n + 1), "pages": pages});
    let mut files = Vec::new();
    let all: Vec<Value> = match split {
        true => Vec::new(),
        false => groups
            .iter()
            .enumerate()
            .map(|(n, g)| group_view(n, g))
            .collect(),
    };
    files.push(render(cx, lang, &url, &letters, &all, None)?);
    if split {
        for (n, g) in groups.iter().enumerate() {
            let page_url = letter_url(n);
            let one = vec![group_view(n, g)];
            files.push(render(cx, lang, &page_url, &letters, &one, Some(g.0))?);
        }
    }
    Ok(files)
}

/// One search page (or letter page) through the template.
fn render(
    cx: &Context<'_>,
    lang: &str,
    url: &str,
    letters: &[Value],
    groups: &[Value],
    letter: Option<&str>,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let site = cx.site;
    let c = &site.config;
    let ui = |key: &str| {
        cx.strings
            .get(lang, key, &BTreeMap::new())
            .unwrap_or_default()
    };
    let title = match letter {
        Some(l) => format!("{} — {l}", ui("search-az")),
        None => ui("search-title"),
    };
    let view = json!({
        "title": title,
        "description": ui("search-description"),
        "url": url,
        "permalink": c.absolute(url),
        "kind": "page",
        "key": url.trim_matches('/'),
        "lang": lang,
        "date": Value::Null,
        "image": Value::Null,
        "extra": {},
        "headings": [],
    });
    let translations: Vec<Value> = c
        .languages
        .iter()
        .map(|l| {
            let u = search_url(site, &l.code);
            json!({"href": c.absolute(&u), "code": l.code, "name": l.name, "dir": l.dir,
                   "exists": true, "current": l.code == lang, "url": u})
        })
        .collect();
    let mut ctx = crate::render::page::base_context(cx.shared, lang, url, &view, &translations);
    let langs: Vec<&str> = c.languages.iter().map(|l| l.code.as_str()).collect();
    ctx.insert(
        "search",
        &json!({
            "root": relative(url, "/"),
            "data": relative(url, DATA),
            "langs": langs.join(" "),
            "portable": c.portable,
            "home": url == search_url(site, lang),
            "search_url": search_url(site, lang),
        }),
    );
    ctx.insert("letters", letters);
    ctx.insert("groups", groups);
    match cx.tera.render(TEMPLATE, &ctx) {
        Ok(html) => Ok((
            format!("{}index.html", url.trim_start_matches('/')),
            html.into_bytes(),
        )),
        Err(e) => Err(template_error(&e, &cx.src.templates)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_give_what_unicode_gives() {
        for t in [
            "ქართული ენა",
            "Courses ABC",
            "ᲛᲘᲒᲠᲐᲜᲢᲘ ზე",
            "Ünïcode Σ",
            "",
            "7 ჻ x",
        ] {
            assert_eq!(sort_key(t), t.to_lowercase(), "{t}");
        }
        assert_eq!(letter("«ენა»"), "ე");
        assert_eq!(letter("ᲛᲘᲒᲠᲐᲜᲢᲘ"), "მ");
        assert_eq!(letter("über"), "Ü");
        assert_eq!(letter("…"), "#");
    }
}
