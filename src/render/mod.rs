//! Render: [`Site`] → files in a [`Sink`]: Markdown, templates, site files; pages in parallel.

pub mod embeds;
pub mod feed;
pub mod i18n;
pub mod ics;
pub mod links;
pub mod lint;
pub mod markdown;
pub mod page;
pub mod shared;
pub mod sitefiles;
pub mod templates;
pub mod views;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::Sources;
use crate::model::{Kind, Site};
use crate::write::Sink;
use rayon::prelude::*;
use shared::LangShared;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The finished site plus the messages found on the way.
pub fn render(
    site: &Site,
    src: &Sources,
    media: &Arc<crate::media::Media>,
    sink: &Sink,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let (strings, mut d) = i18n::Strings::new(&site.config, &src.locales);
    diags.append(&mut d);
    let strings = Arc::new(strings);
    let guard = Arc::new(templates::CaseGuard::default());
    let tera = match templates::build(
        &src.templates,
        strings.clone(),
        guard.clone(),
        media.clone(),
    ) {
        Ok(t) => t,
        Err(mut d) => {
            diags.append(&mut d);
            return diags;
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
    let words: HashMap<String, crate::media::video::Words> = site
        .config
        .languages
        .iter()
        .map(|l| (l.code.clone(), video_words(&strings, &l.code, site)))
        .collect();
    let table = links::LinkTable {
        site,
        files: &files,
        routes: &routes,
        media,
        words: &words,
    };

    // 1. Values shared by every page: per-language values, course schedules and feeds, the
    //    self-check's pages.
    let per_lang: HashMap<&str, LangShared> = site
        .config
        .languages
        .iter()
        .map(|l| (l.code.as_str(), LangShared::new(site, &l.code, &mut diags)))
        .collect();
    let extras = page::Extras::new(site, &mut diags);
    let mut check_built = check.as_ref().map(|c| {
        let mut built = c.build(&table, &strings);
        diags.append(&mut built.diags);
        built
    });
    let ctx = page::Shared {
        site,
        tera: &tera,
        templates: &src.templates,
        per_lang: &per_lang,
        extras: &extras,
    };

    // 2. Each page in one parallel pass: Markdown, lints, template, written to the sink at
    //    once; only what later checks need is kept.
    let results: Vec<Slim> = site
        .pages
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let (r, mut diags) = markdown::render(p, &table);
            diags.extend(lint::page(p, &r));
            let template_error = match page::render(i, p, &r, &ctx) {
                Ok(files) => {
                    for (path, bytes) in files {
                        sink.put(path, bytes);
                    }
                    None
                }
                Err(d) => Some(d),
            };
            Slim {
                ids: r.headings.into_iter().map(|h| h.id).collect(),
                anchors: r.anchors,
                summary: r.summary,
                diags,
                template_error,
            }
        })
        .collect();
    if let Some(built) = check_built.as_mut() {
        let pages: Vec<Result<page::Files, Diagnostic>> = built
            .pages
            .par_iter()
            .map(|cp| check_page(cp, &ctx))
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
    let mut seen_template_errors = HashSet::new();
    let mut summaries = Vec::with_capacity(results.len());
    let mut slims = Vec::with_capacity(results.len());
    for mut r in results {
        diags.append(&mut r.diags);
        if let Some(d) = r.template_error.take() {
            // The same template error on a thousand pages is one message.
            if seen_template_errors.insert((d.file.clone(), d.line, d.message.clone())) {
                diags.push(d);
            }
        }
        summaries.push(std::mem::take(&mut r.summary));
        slims.push(r);
    }

    // 3. Anchors across pages.
    let ids: HashMap<&str, HashSet<&str>> = site
        .pages
        .iter()
        .zip(&slims)
        .map(|(p, s)| (p.url.as_str(), s.ids.iter().map(String::as_str).collect()))
        .collect();
    for (p, s) in site.pages.iter().zip(&slims) {
        anchor_errors(&s.anchors, &ids, &p.file, &p.text, &mut diags);
    }
    if let (Some(built), Some(tf)) = (&check_built, site.data.get(crate::selfcheck::flow::FILE)) {
        anchor_errors(&built.anchors, &ids, &tf.file, &tf.text, &mut diags);
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return diags;
    }
    diags.extend(guard.warnings(&src.templates));
    // 4. Site files and feeds, then static files (a rendered file of the same path wins).
    sitefiles::write(site, &tera, &src.templates, sink, &mut diags);
    extras.write_files(site, &summaries, sink);
    for s in src.statics.iter().chain(&src.assets) {
        // Markdown beside static files is a video transcript, shown inside its page.
        if !s.out.ends_with(".md") {
            sink.put_shared(s.out.clone(), s.bytes.clone());
        }
    }
    diags
}

/// What is kept of a page after it was written: anchors, summary, messages.
struct Slim {
    ids: Vec<String>,
    anchors: Vec<markdown::AnchorRef>,
    summary: String,
    diags: Vec<Diagnostic>,
    template_error: Option<Diagnostic>,
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
        if let Some(set) = ids.get(a.url.as_str())
            && !set.contains(a.anchor.as_str())
            && !a.anchor.starts_with("fn-")
        {
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

/// Render one self-check page with its template (`check-start.html`, ...).
fn check_page(
    cp: &crate::selfcheck::CheckPage,
    sh: &page::Shared<'_>,
) -> Result<page::Files, Diagnostic> {
    let site = sh.site;
    let file = site
        .data
        .get(crate::selfcheck::flow::FILE)
        .map(|tf| tf.file.clone())
        .unwrap_or_default();
    if !sh.tera.contains_template(cp.template) {
        return Err(Diagnostic::error(
            "template",
            format!("the self-check needs the template `{}`, which the theme does not have", cp.template),
        )
        .in_file(&file)
        .with_hint("copy check-start.html, check-question.html, check-outcome.html and check-summary.html from the default theme into templates/"));
    }
    let view = serde_json::json!({
        "title": cp.title,
        "description": cp.description,
        "url": cp.url,
        "permalink": if cp.indexed { site.config.absolute(&cp.url) } else { None },
        "kind": "page",
        "key": cp.url.trim_matches('/'),
        "lang": cp.lang,
        "date": serde_json::Value::Null,
        "image": serde_json::Value::Null,
        "extra": {},
        "headings": [],
    });
    let mut ctx = page::base_context(sh, &cp.lang, &cp.url, &view, &cp.translations);
    ctx.insert("check", &cp.view);
    match sh.tera.render(cp.template, &ctx) {
        Ok(html) => Ok(vec![(
            format!("{}index.html", cp.url.trim_start_matches('/')),
            html.into_bytes(),
        )]),
        Err(e) => Err(templates::template_error(&e, sh.templates)),
    }
}

/// The words video HTML needs, in `lang`.
fn video_words(
    strings: &Arc<i18n::Strings>,
    lang: &str,
    site: &Site,
) -> crate::media::video::Words {
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
    crate::media::video::Words {
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
