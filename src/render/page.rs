//! One page through its template: the context (page, lists, switcher, menu, regions, course
//! sessions, feed, JSON-LD), pagination of long lists, and the files it adds (.ics, feeds).

use super::markdown::Rendered;
use super::shared::{LangShared, RegionView};
use super::views::{LinkView, link_view, page_view, translations};
use super::{feed, ics, template_for, templates};
use crate::date;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use crate::media::video;
use crate::model::courses::{self, Session};
use crate::model::{Kind, Page, Site, organisations};
use crate::write::Sink;
use serde_json::json;
use std::collections::HashMap;

/// Per-page data computed once before templates run.
pub struct Extras {
    /// Course sessions by page index.
    pub sessions: HashMap<usize, Vec<Session>>,
    /// Feed per language: (index of the news section page, feed URL).
    pub feeds: HashMap<String, (usize, String)>,
}

impl Extras {
    /// Read course schedules and find the news section of each language.
    pub fn new(site: &Site, diags: &mut Vec<Diagnostic>) -> Self {
        let mut sessions = HashMap::new();
        for (i, p) in site.pages.iter().enumerate() {
            if p.front.extra.contains_key("schedule") {
                match courses::schedule(p) {
                    Ok(s) if !s.is_empty() => {
                        sessions.insert(i, s);
                    }
                    Ok(_) => {}
                    Err(d) => diags.push(d),
                }
            }
        }
        let section = site
            .config
            .extra
            .get("feed_section")
            .and_then(|v| v.as_str())
            .unwrap_or("news")
            .trim_matches('/')
            .to_string();
        let mut feeds = HashMap::new();
        for l in &site.config.languages {
            if let Some(&i) = site.by_key.get(&(section.clone(), l.code.clone())) {
                feeds.insert(
                    l.code.clone(),
                    (i, format!("{}atom.xml", site.pages[i].url)),
                );
            }
        }
        Extras { sessions, feeds }
    }

    /// Add the calendar files and feeds to the output.
    pub fn write_files(&self, site: &Site, summaries: &[&str], out: &Sink) {
        for (&i, sessions) in &self.sessions {
            let p = &site.pages[i];
            let permalink = site.config.absolute(&p.url);
            let location = p
                .front
                .extra
                .get("location")
                .and_then(|v| v.as_str())
                .unwrap_or("");
            let summary = p
                .front
                .description
                .clone()
                .unwrap_or_else(|| summaries[i].to_string());
            let uid = format!("{}-{}", p.key.replace('/', "-"), p.lang);
            let text = ics::calendar(&ics::Event {
                title: &p.front.title,
                description: &summary,
                location,
                url: permalink.as_deref(),
                uid_base: &uid,
                sessions,
            });
            out.put(
                format!("{}calendar.ics", p.url.trim_start_matches('/')),
                text.into_bytes(),
            );
        }
        for (lang, (i, url)) in &self.feeds {
            let section = &site.pages[*i];
            let key = (section.key.clone(), lang.clone());
            let mut entries: Vec<&Page> = site
                .children
                .get(&key)
                .map(|v| v.iter().map(|&j| &site.pages[j]).collect())
                .unwrap_or_default();
            entries.sort_by_key(|p| std::cmp::Reverse(p.front.date));
            entries.truncate(50);
            let title = format!(
                "{} — {}",
                section.front.title,
                site.config.title.get(lang, site.config.default_lang())
            );
            let index: HashMap<&str, usize> = site
                .pages
                .iter()
                .enumerate()
                .map(|(j, p)| (p.url.as_str(), j))
                .collect();
            let summaries = |p: &Page| {
                p.front.description.clone().unwrap_or_else(|| {
                    index
                        .get(p.url.as_str())
                        .map(|&j| summaries[j].to_string())
                        .unwrap_or_default()
                })
            };
            let xml = feed::atom(
                &site.config,
                lang,
                &title,
                section,
                &entries,
                url,
                &summaries,
            );
            out.put(url.trim_start_matches('/').to_string(), xml.into_bytes());
        }
    }
}

/// Everything every page render needs.
pub struct Shared<'a> {
    /// The site.
    pub site: &'a Site,
    /// Templates.
    pub tera: &'a tera::Tera,
    /// Template sources, for error positions.
    pub templates: &'a [TextFile],
    /// Per-language values.
    pub per_lang: &'a HashMap<&'a str, LangShared>,
    /// Per-page extras.
    pub extras: &'a Extras,
}

/// Files a page renders to: (output path, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// The context every template extending `base.html` needs: language, address, site, page,
/// language switcher, menu (with the current entry marked), regions and the news feed.
pub fn base_context(
    sh: &Shared<'_>,
    lang: &str,
    url: &str,
    page: &impl serde::Serialize,
    translations: &impl serde::Serialize,
) -> tera::Context {
    let shared = &sh.per_lang[lang];
    let mut ctx = tera::Context::new();
    ctx.insert("lang", lang);
    ctx.insert("current_url", url);
    ctx.insert("site", &shared.site);
    ctx.insert("page", page);
    ctx.insert("translations", translations);
    let home = sh.site.config.lang_prefix(lang);
    let menu: Vec<LinkView> = shared
        .menu
        .iter()
        .map(|m| {
            let mut m = m.clone();
            m.active = url.starts_with(&m.url) && m.url != home;
            m
        })
        .collect();
    ctx.insert("menu", &menu);
    ctx.insert("regions", &shared.regions);
    ctx.insert(
        "feed_url",
        &sh.extras.feeds.get(lang).map(|(_, u)| u.clone()),
    );
    ctx.insert("jsonld", &None::<serde_json::Value>);
    ctx.insert("video_embeds", &false);
    ctx.insert("og_video", &None::<String>);
    ctx.insert("og_video_image", &None::<String>);
    ctx
}

/// Render page `i` (and, for a paginated section, its further list pages).
pub fn render(i: usize, p: &Page, b: &Rendered, sh: &Shared<'_>) -> Result<Files, Diagnostic> {
    let site = sh.site;
    let template = template_for(p, site);
    if !sh.tera.contains_template(&template) {
        let line = p.front.key_lines.get("template").copied().unwrap_or(1);
        return Err(Diagnostic::error("template", format!("the template `{template}` does not exist"))
            .in_file(&p.file)
            .at_line(line)
            .with_source(&p.text)
            .with_hint("use one of the theme's templates (page.html, section.html, ...) or add it to templates/"));
    }
    let shared = &sh.per_lang[p.lang.as_str()];
    let mut ctx = base_context(
        sh,
        &p.lang,
        &p.url,
        &page_view(p, &b.html, &b.summary, &b.headings, &site.config),
        &translations(p, site),
    );
    let parent = p
        .parent
        .as_ref()
        .and_then(|k| site.page(k, &p.lang))
        .map(|s| link_view(s, false));
    ctx.insert("parent", &parent);
    let page_regions: Vec<&RegionView> = p
        .front
        .extra
        .get("regions")
        .and_then(|r| r.as_array())
        .map(|ids| {
            ids.iter()
                .filter_map(|r| r.as_str())
                .filter_map(|id| shared.regions.iter().find(|r| r.id == id))
                .collect()
        })
        .unwrap_or_default();
    ctx.insert("page_regions", &page_regions);
    let sessions = sh.extras.sessions.get(&i);
    let session_views: Vec<serde_json::Value> = sessions
        .map(|ss| {
            ss.iter()
                .map(|s| {
                    json!({
                        "date": s.date.iso(),
                        "date_text": date::format_date_long(&s.date, &p.lang),
                        "start": format!("{:02}:{:02}", s.start.0, s.start.1),
                        "end": format!("{:02}:{:02}", s.end.0, s.end.1),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    ctx.insert("sessions", &session_views);
    ctx.insert(
        "ics_url",
        &sessions.map(|_| format!("{}calendar.ics", p.url)),
    );
    ctx.insert(
        "video_embeds",
        &b.videos
            .iter()
            .any(|v| !matches!(v.source, video::Source::File(_))),
    );
    let file_video = b.videos.iter().find_map(|v| match &v.source {
        video::Source::File(f) => site
            .config
            .absolute(f)
            .map(|u| (u, v.poster.as_ref().and_then(|p| site.config.absolute(p)))),
        _ => None,
    });
    ctx.insert("og_video", &file_video.as_ref().map(|(u, _)| u.clone()));
    ctx.insert("og_video_image", &file_video.and_then(|(_, p)| p));
    ctx.insert(
        "jsonld",
        &jsonld(
            p,
            b,
            site,
            &page_regions,
            sessions.map(Vec::as_slice).unwrap_or(&[]),
        ),
    );

    let render_one = |ctx: &tera::Context| -> Result<Vec<u8>, Diagnostic> {
        let mut buf = Vec::with_capacity(b.html.len() + 12 * 1024);
        sh.tera
            .render_to(&template, ctx, &mut buf)
            .map_err(|e| templates::template_error(&e, sh.templates))?;
        Ok(buf)
    };
    let key = (p.key.clone(), p.lang.clone());
    if !matches!(p.kind, Kind::Section | Kind::Home) {
        ctx.insert("pages", &Vec::<LinkView>::new());
        ctx.insert("subsections", &Vec::<LinkView>::new());
        ctx.insert("paginator", &None::<serde_json::Value>);
        return Ok(vec![(
            format!("{}index.html", p.url.trim_start_matches('/')),
            render_one(&ctx)?,
        )]);
    }
    let list = |ix: Option<&Vec<usize>>| -> Vec<LinkView> {
        ix.map(|v| {
            v.iter()
                .map(|&j| link_view(&site.pages[j], false))
                .collect()
        })
        .unwrap_or_default()
    };
    let children = list(site.children.get(&key));
    ctx.insert("subsections", &list(site.subsections.get(&key)));
    let per_page = p
        .front
        .extra
        .get("paginate_by")
        .and_then(|v| v.as_u64())
        .filter(|&n| n > 0)
        .map(|n| n as usize);
    let Some(per_page) = per_page.filter(|&n| children.len() > n) else {
        ctx.insert("pages", &children);
        ctx.insert("paginator", &None::<serde_json::Value>);
        return Ok(vec![(
            format!("{}index.html", p.url.trim_start_matches('/')),
            render_one(&ctx)?,
        )]);
    };
    let chunks: Vec<&[LinkView]> = children.chunks(per_page).collect();
    let total = chunks.len();
    let url_of = |n: usize| {
        if n == 1 {
            p.url.clone()
        } else {
            format!("{}page/{n}/", p.url)
        }
    };
    let mut files = Vec::with_capacity(total);
    for (k, chunk) in chunks.iter().enumerate() {
        let n = k + 1;
        let url = url_of(n);
        ctx.insert("current_url", &url);
        ctx.insert("pages", chunk);
        ctx.insert(
            "paginator",
            &json!({
                "current": n,
                "total": total,
                "prev": (n > 1).then(|| url_of(n - 1)),
                "next": (n < total).then(|| url_of(n + 1)),
            }),
        );
        files.push((
            format!("{}index.html", url.trim_start_matches('/')),
            render_one(&ctx)?,
        ));
    }
    Ok(files)
}

/// schema.org data for organisations, courses and news items.
fn jsonld(
    p: &Page,
    b: &Rendered,
    site: &Site,
    regions: &[&RegionView],
    sessions: &[Session],
) -> Option<serde_json::Value> {
    let c = &site.config;
    let url = c.absolute(&p.url);
    let description = p
        .front
        .description
        .clone()
        .unwrap_or_else(|| b.summary.clone());
    let text = |k: &str| {
        p.front
            .extra
            .get(k)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    if organisations::is_organisation(p) {
        let mut org = json!({
            "@context": "https://schema.org",
            "@type": "NGO",
            "name": text("name").unwrap_or_else(|| p.front.title.clone()),
            "description": description,
            "areaServed": regions.iter().map(|r| json!({"@type": "AdministrativeArea", "name": r.name})).collect::<Vec<_>>(),
        });
        if let Some(u) = url {
            org["url"] = json!(u);
        }
        let phone = text("phone").and_then(|t| organisations::international_phone(&t));
        let email = text("email");
        if phone.is_some() || email.is_some() {
            let mut cp = json!({"@type": "ContactPoint", "contactType": "customer support", "availableLanguage": p.front.extra.get("languages").cloned().unwrap_or(json!([p.lang]))});
            if let Some(ph) = phone {
                cp["telephone"] = json!(ph);
            }
            if let Some(e) = email {
                cp["email"] = json!(e);
            }
            org["contactPoint"] = cp;
        }
        if let Some(a) = text("address") {
            org["address"] = json!(a);
        }
        return Some(org);
    }
    if p.front.extra.contains_key("schedule")
        || p.front.extra.contains_key("summary") && p.front.extra.contains_key("location")
    {
        let provider = c
            .extra
            .get("organisation")
            .and_then(|o| o.get(p.lang.as_str()).or(Some(o)))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| c.title.get(&p.lang, c.default_lang()));
        let mut course = json!({
            "@context": "https://schema.org",
            "@type": "Course",
            "name": p.front.title,
            "description": text("summary").unwrap_or(description),
            "inLanguage": p.lang,
            "provider": {"@type": "Organization", "name": provider},
        });
        if let Some(u) = url {
            course["url"] = json!(u);
        }
        if !sessions.is_empty() {
            let first = &sessions[0];
            let last = &sessions[sessions.len() - 1];
            let mut inst = json!({
                "@type": "CourseInstance",
                "courseMode": "onsite",
                "startDate": format!("{}T{:02}:{:02}:00+04:00", first.date.iso(), first.start.0, first.start.1),
                "endDate": format!("{}T{:02}:{:02}:00+04:00", last.date.iso(), last.end.0, last.end.1),
            });
            if let Some(l) = text("location") {
                inst["location"] = json!({"@type": "Place", "name": l});
            }
            course["hasCourseInstance"] = json!([inst]);
        }
        return Some(course);
    }
    let videos: Vec<serde_json::Value> = b
        .videos
        .iter()
        .map(|v| {
            let mut o = json!({"@type": "VideoObject", "name": v.title, "description": v.title, "inLanguage": p.lang});
            if let Some(d) = p.front.date {
                o["uploadDate"] = json!(d.iso());
            }
            if let Some(d) = v.duration.as_deref().and_then(video::iso_duration) {
                o["duration"] = json!(d);
            }
            if let Some(t) = v.poster.as_deref().and_then(|p| c.absolute(p)) {
                o["thumbnailUrl"] = json!(t);
            }
            match &v.source {
                video::Source::File(f) => {
                    if let Some(u) = c.absolute(f) {
                        o["contentUrl"] = json!(u);
                    }
                }
                // The watch page, not the player: no provider address that loads anything.
                video::Source::YouTube(id) => o["url"] = json!(format!("https://www.youtube.com/watch?v={id}")),
                video::Source::Vimeo(id) => o["url"] = json!(format!("https://vimeo.com/{id}")),
            }
            o
        })
        .collect();
    if p.kind == Kind::Page && p.front.date.is_some() {
        let mut article = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": p.front.title,
            "description": description,
            "inLanguage": p.lang,
            "datePublished": p.front.date.map(|d| d.iso()),
        });
        if let Some(u) = url {
            article["url"] = json!(u);
        }
        if !videos.is_empty() {
            article["video"] = json!(videos);
        }
        return Some(article);
    }
    None
}
