//! Render: [`Site`] → [`Output`]: Markdown, templates, site files; pages in parallel, no I/O.

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
use crate::write::Output;
use rayon::prelude::*;
use shared::LangShared;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The finished site plus the messages found on the way.
pub fn render(
    site: &Site,
    src: &Sources,
    media: &Arc<crate::media::Media>,
) -> (Option<Output>, Vec<Diagnostic>) {
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

    // 1. Markdown, in parallel.
    let rendered: Vec<(markdown::Rendered, Vec<Diagnostic>)> = site
        .pages
        .par_iter()
        .map(|p| {
            let (r, mut d) = markdown::render(p, &table);
            d.extend(lint::page(p, &r));
            (r, d)
        })
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
    // 4. Per-page extras: course schedules, feeds.
    let extras = page::Extras::new(site, &bodies, &mut diags);
    // 5. Templates, in parallel.
    let ctx = page::Shared {
        site,
        tera: &tera,
        templates: &src.templates,
        per_lang: &per_lang,
        extras: &extras,
    };
    let pages: Vec<Result<page::Files, Diagnostic>> = site
        .pages
        .par_iter()
        .enumerate()
        .zip(bodies.par_iter())
        .map(|((i, p), b)| page::render(i, p, b, &ctx))
        .collect();
    let mut pages = pages;
    let mut out = Output::default();
    if let Some(built) = check_built {
        pages.par_extend(built.pages.par_iter().map(|cp| check_page(cp, &ctx)));
        for (path, bytes) in built.files {
            out.add(path, bytes);
        }
    }
    let mut seen_template_errors = HashSet::new();
    for r in pages {
        match r {
            Ok(files) => {
                for (path, bytes) in files {
                    out.add(path, bytes);
                }
            }
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
    diags.extend(guard.warnings(&src.templates));
    // 6. Site files and feeds.
    sitefiles::write(site, &tera, &src.templates, &mut out, &mut diags);
    extras.write_files(site, &bodies, &mut out);
    for s in src.statics.iter().chain(&src.assets) {
        // Markdown beside static files is a video transcript, shown inside its page.
        if !s.out.ends_with(".md") {
            out.add_shared(s.out.clone(), s.bytes.clone());
        }
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
