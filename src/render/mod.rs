//! Render: [`Site`] → files in a [`Sink`]: Markdown, templates, site files; pages in parallel.

pub mod assets;
pub mod body;
pub mod directives;
pub mod embeds;
pub mod feed;
pub mod html_links;
pub mod i18n;
pub mod ics;
pub mod incremental;
pub mod link_notes;
pub mod links;
pub mod lints;
pub mod markdown;
pub mod outputs;
pub mod page;
mod page_pass;
pub mod picture;
pub mod preview;
pub mod qr;
pub mod schema;
pub mod selfcheck;
pub mod share_image;
pub mod shared;
pub mod template_errors;
pub mod templates;
pub mod video_html;
pub mod views;

use crate::diagnostics::Diagnostic;
use crate::load::Sources;
use crate::model::{Kind, Site};
use crate::write::Sink;
use rayon::prelude::*;
use shared::LangShared;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Values built once per render, before any page: Fluent strings, templates, and what
/// link resolution needs (files, video words).
struct Setup {
    strings: Arc<i18n::Strings>,
    guard: Arc<templates::CaseGuard>,
    tera: tera::Tera,
    files: HashSet<String>,
    words: HashMap<String, crate::render::video_html::Words>,
}

impl Setup {
    /// Build the setup; `None` when the templates do not compile (the errors are in `diags`).
    fn new(
        site: &Site,
        src: &Sources,
        media: &Arc<crate::media::Media>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Setup> {
        let (strings, mut d) = i18n::Strings::new(&site.config, &src.locales);
        diags.append(&mut d);
        let strings = Arc::new(strings);
        let guard = Arc::new(templates::CaseGuard::default());
        let links = templates::Links {
            portable: site.config.portable,
            assets: Arc::new(assets::AssetNames::for_build(&site.config, &src.statics)),
        };
        let tera = match templates::build(
            &src.templates,
            strings.clone(),
            guard.clone(),
            media.clone(),
            links.clone(),
        ) {
            Ok(t) => t,
            Err(mut d) => {
                diags.append(&mut d);
                return None;
            }
        };
        let mut files: HashSet<String> = src.statics.iter().map(|s| s.out.clone()).collect();
        files.extend(src.assets.iter().map(|a| a.out.clone()));
        files.extend(
            src.statics
                .iter()
                .filter_map(|s| links.assets.output_of(&s.out).map(str::to_string)),
        );
        let words = site
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), video_words(&strings, &l.code, site)))
            .collect();
        Some(Setup {
            strings,
            guard,
            tera,
            files,
            words,
        })
    }

    /// What the outputs after the pages read.
    fn outputs<'a>(
        &'a self,
        shared: &'a page::Shared<'a>,
        src: &'a Sources,
        summaries: &'a [&'a str],
        found: &'a Found<'a>,
    ) -> outputs::Context<'a> {
        outputs::Context {
            site: shared.site,
            src,
            tera: &self.tera,
            files: &self.files,
            summaries,
            changed: None,
            shared,
            found,
            strings: &self.strings,
        }
    }

    /// The link table of this setup.
    fn table<'a>(
        &'a self,
        site: &'a Site,
        media: &'a Arc<crate::media::Media>,
    ) -> links::LinkTable<'a> {
        links::LinkTable {
            site,
            files: &self.files,
            media,
            words: &self.words,
        }
    }
}

/// What a render keeps so that single pages can be rendered again after an edit of their
/// Markdown body, without rendering the rest (see [`incremental`]).
pub struct Memo {
    /// Per page, in site order: anchors, summary, messages.
    pages: Vec<Slim>,
    /// Messages of the setup (strings, self-check, menus, course schedules).
    setup_diags: Vec<Diagnostic>,
    /// Messages found after the pages (template case warnings, site files).
    late_diags: Vec<Diagnostic>,
    /// Anchor links in the self-check's texts.
    check_anchors: Vec<body::AnchorRef>,
    /// The pages with messages, in site order (so that an edit need not visit every page).
    with_diags: std::collections::BTreeSet<usize>,
    /// The search terms' numbers (`None` when the theme has no search page).
    terms: Option<Arc<crate::search::Terms>>,
    /// The search index, so that an edit writes again only what it changes.
    index: Option<crate::search::live::Live>,
}

/// The finished site plus the messages found on the way, and a [`Memo`] of it when one is
/// wanted (`keep_memo`: a render into memory, which `serve` may render single pages of
/// again) and the render got as far as the outputs after the pages (no errors in templates
/// or pages, and none before the render: `earlier_errors`).
pub fn render(
    site: &Site,
    src: &Sources,
    media: &Arc<crate::media::Media>,
    sink: &Sink,
    earlier_errors: bool,
    keep_memo: bool,
) -> (Vec<Diagnostic>, Option<Memo>) {
    let mut diags = Vec::new();
    let Some(setup) = Setup::new(site, src, media, &mut diags) else {
        return (diags, None);
    };
    let table = setup.table(site, media);

    // 1. Values shared by every page: per-language values, course schedules and feeds, the
    //    self-check's pages.
    let per_lang = LangShared::all(site, &mut diags);
    let mut check_built = site.self_check.as_ref().map(|check| {
        let mut built = selfcheck::Render { check }.build(&table, &setup.strings);
        diags.append(&mut built.diags);
        built
    });
    let ctx = page::Shared {
        site,
        tera: &setup.tera,
        templates: &src.templates,
        per_lang: &per_lang,
    };
    let setup_diags = diags.clone();

    // 2. Each page in one parallel pass: Markdown, lints, template, written to the sink at
    //    once; only what later checks need is kept.
    //    Without a memo to keep, each search term keeps only its best pages.
    let terms = outputs::search::on(site, &setup.tera)
        .then(|| Arc::new(crate::search::Terms::new(!keep_memo)));
    let mut slims = page_pass::in_site_order(page_pass::render_all(
        &page_pass::by_language(site),
        &table,
        &ctx,
        sink,
        terms.as_deref(),
    ));
    if let Some(built) = check_built.as_mut() {
        let pages: Vec<Result<page::Files, Diagnostic>> = built
            .pages
            .par_iter()
            .map(|cp| selfcheck::page(cp, &ctx))
            .collect();
        for files in pages {
            match files {
                Ok(files) => files.into_iter().for_each(|(p, b)| sink.put(p, b)),
                Err(d) => diags.push(d),
            }
        }
        for (path, bytes) in std::mem::take(&mut built.files) {
            sink.put(path, bytes);
        }
    }
    let template_errors = page_diags(&mut slims, &mut diags);

    // 3. Lints across pages.
    let check_anchors = check_built.map(|b| b.anchors).unwrap_or_default();
    diags.extend(site_lints(site, &slims, &check_anchors));
    if earlier_errors || template_errors || crate::diagnostics::has_errors(&diags) {
        return (diags, None);
    }
    let late_start = diags.len();
    diags.extend(setup.guard.warnings(&src.templates));
    // 4. Everything after the pages: sitemap, posters, 404, aliases, calendars, feeds, static
    //    files.
    let summaries: Vec<&str> = slims.iter().map(|s| s.summary.as_str()).collect();
    let mut index = live_index(site, &slims, terms.as_deref());
    let found = Found::of(&slims, terms.as_deref(), index.as_ref());
    outputs::write_all(
        &setup.outputs(&ctx, src, &summaries, &found),
        sink,
        &mut diags,
    );
    drop(found);
    if let Some(index) = index.as_mut() {
        index.written();
    }
    let with_diags = (0..slims.len())
        .filter(|&i| slims.get(i).is_some_and(|s| !s.diags.is_empty()))
        .collect();
    let memo = Memo {
        with_diags,
        pages: slims,
        setup_diags,
        late_diags: diags[late_start..].to_vec(),
        check_anchors,
        terms,
        index,
    };
    (diags, keep_memo.then_some(memo))
}

/// Add every page's messages to `diags`, in page order, each template error once (the same
/// template error on a thousand pages is one message). Returns whether there was a template
/// error.
fn page_diags(slims: &mut [Slim], diags: &mut Vec<Diagnostic>) -> bool {
    let mut seen_template_errors = HashSet::new();
    for s in slims.iter_mut() {
        diags.extend(s.diags.iter().cloned());
        if let Some(d) = s.template_error.take()
            && seen_template_errors.insert((d.file.clone(), d.line, d.message.clone()))
        {
            diags.push(d);
        }
    }
    !seen_template_errors.is_empty()
}

/// The site lints over the rendered pages.
fn site_lints(site: &Site, slims: &[Slim], check_anchors: &[body::AnchorRef]) -> Vec<Diagnostic> {
    lints::site(&lints::SiteFacts {
        site,
        pages: slims.iter().map(|s| &s.facts).collect(),
        check_anchors,
    })
}

/// What is kept of a page after it was written: anchors, summary, messages.
struct Slim {
    facts: lints::PageFacts,
    /// The images its body asks for (sorted): an edit that changes them builds everything.
    pictures: Vec<String>,
    summary: String,
    diags: Vec<Diagnostic>,
    template_error: Option<Diagnostic>,
    /// Its search terms (none for a stand-in, or when the theme has no search page).
    search: Option<crate::search::PageTerms>,
}

/// What the search index reads of the rendered pages.
pub struct Found<'a> {
    /// Each page's terms, in site order.
    pub pages: Vec<Option<&'a crate::search::PageTerms>>,
    /// The terms' names (none when there is no search).
    names: Option<crate::search::terms::Read<'a>>,
    /// The terms, when the theme has a search page; with each term's best pages when they
    /// were kept instead of the pages' terms ([`crate::search::Terms::stream`]).
    pub terms: Option<&'a crate::search::Terms>,
    /// The index kept by a render into memory (when the pages' terms were kept).
    pub live: Option<&'a crate::search::live::Live>,
}

impl<'a> Found<'a> {
    fn of(
        slims: &'a [Slim],
        terms: Option<&'a crate::search::Terms>,
        live: Option<&'a crate::search::live::Live>,
    ) -> Found<'a> {
        Found {
            pages: slims.iter().map(|s| s.search.as_ref()).collect(),
            names: terms.map(|t| t.names.read()),
            terms,
            live,
        }
    }

    /// The terms' names, by number.
    pub fn names(&self) -> &[Box<str>] {
        self.names.as_deref().unwrap_or_default()
    }
}

/// The pages as the search index sees them.
fn index_pages<'a>(site: &'a Site, slims: &'a [Slim]) -> Vec<crate::search::live::Page<'a>> {
    site.pages
        .iter()
        .zip(slims)
        .map(|(p, s)| crate::search::live::Page {
            lang: &p.lang,
            terms: s.search.as_ref(),
        })
        .collect()
}

/// The search index of a render that kept every page's terms.
fn live_index(
    site: &Site,
    slims: &[Slim],
    terms: Option<&crate::search::Terms>,
) -> Option<crate::search::live::Live> {
    let terms = terms.filter(|t| !t.stream)?;
    let codes: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let names = terms.names.read();
    Some(crate::search::live::Live::new(
        &codes,
        &index_pages(site, slims),
        &names,
    ))
}

/// The words video HTML needs, in `lang`.
fn video_words(
    strings: &Arc<i18n::Strings>,
    lang: &str,
    site: &Site,
) -> crate::render::video_html::Words {
    use std::collections::BTreeMap;
    let get = |key: &str, args: &[(&str, &str)]| {
        let args: BTreeMap<String, i18n::Arg> = args
            .iter()
            .map(|(k, v)| (k.to_string(), i18n::Arg::Text(v.to_string())))
            .collect();
        strings
            .get(lang, key, &args)
            .unwrap_or_else(|| key.to_string())
    };
    let (s1, s2, l1, l2) = (
        strings.clone(),
        strings.clone(),
        lang.to_string(),
        lang.to_string(),
    );
    crate::render::video_html::Words {
        play_on: Box::new(move |provider| {
            let mut a = BTreeMap::new();
            a.insert(
                "provider".to_string(),
                i18n::Arg::Text(provider.to_string()),
            );
            s1.get(&l1, "video-play-on", &a)
                .unwrap_or_else(|| format!("Play on {provider}"))
        }),
        privacy: Box::new(move |provider| {
            let mut a = BTreeMap::new();
            a.insert(
                "provider".to_string(),
                i18n::Arg::Text(provider.to_string()),
            );
            s2.get(&l2, "video-privacy", &a).unwrap_or_default()
        }),
        transcript: get("video-transcript", &[]),
        download: get("video-download", &[]),
        languages: site
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), l.name.clone()))
            .collect(),
    }
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
