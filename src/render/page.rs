//! One page through its template: the context (page, lists, switcher, menu, regions, course
//! sessions, feed, JSON-LD), and pagination of long lists.

use super::body::Rendered;
use super::shared::{LangShared, RegionView};
use super::views::{LinkView, link_view, page_view, translations};
use super::{schema, template_for, templates};
use crate::date;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use crate::media::video;
use crate::model::types::course::Session;
use crate::model::{Kind, Page, Site};
use serde_json::json;
use std::collections::HashMap;

/// Everything every page render needs.
pub struct Shared<'a> {
    /// The site.
    pub site: &'a Site,
    /// Templates.
    pub tera: &'a tera::Tera,
    /// Template sources, for error positions.
    pub templates: &'a [TextFile],
    /// Per-language values.
    pub per_lang: &'a HashMap<String, LangShared>,
}

/// The output path of the page at site path `url`: `en/news/` → `en/news/index.html`.
pub fn index_html(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

/// Files a page renders to: (output path, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// The context every template extending `base.html` needs: language, address, site, page,
/// language switcher, menu (with the current entry marked), regions, the news feed and the
/// page's poster.
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
    ctx.insert("dir", &sh.site.config.dir(lang));
    ctx.insert("current_url", url);
    ctx.insert_value("site", shared.values.site.clone());
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
    ctx.insert_value("regions", shared.values.regions.clone());
    ctx.insert_value("footer", shared.values.footer.clone());
    ctx.insert("feed_url", &sh.site.feeds.get(lang).map(|f| f.url.clone()));
    ctx.insert(
        "search_url",
        &super::outputs::search::on(sh.site, sh.tera)
            .then(|| super::outputs::search::search_url(sh.site, lang)),
    );
    ctx.insert(
        "poster_url",
        &super::outputs::poster_url(sh.site, sh.tera, url),
    );
    ctx.insert("jsonld", &None::<serde_json::Value>);
    ctx.insert("video_embeds", &false);
    ctx.insert("og_video", &None::<String>);
    ctx.insert("og_video_image", &None::<String>);
    ctx
}

/// Render a page (and, for a paginated section, its further list pages).
pub fn render(p: &Page, b: &Rendered, sh: &Shared<'_>) -> Result<Files, Diagnostic> {
    let template = template_for(p, sh.site);
    if !sh.tera.contains_template(&template) {
        let line = p.front.key_lines.get("template").copied().unwrap_or(1);
        return Err(Diagnostic::error("template", format!("the template `{template}` does not exist"))
            .in_file(&p.file)
            .at_line(line)
            .with_source(&p.text)
            .with_hint("use one of the theme's templates (page.html, section.html, ...) or add it to templates/")
            .tr("no-template", &[("template", &template)]));
    }
    let mut ctx = page_context(p, b, sh);
    let one = |ctx: &tera::Context| -> Result<Vec<u8>, Diagnostic> {
        let mut buf = Vec::with_capacity(b.html.len() + 12 * 1024);
        sh.tera
            .render_to(&template, ctx, &mut buf)
            .map_err(|e| templates::template_error(&e, sh.templates))?;
        Ok(buf)
    };
    if !matches!(p.kind, Kind::Section | Kind::Home) {
        ctx.insert("pages", &Vec::<LinkView>::new());
        ctx.insert("subsections", &Vec::<LinkView>::new());
        ctx.insert("paginator", &None::<serde_json::Value>);
        return Ok(vec![(index_html(&p.url), one(&ctx)?)]);
    }
    let site = sh.site;
    let key = (p.key.clone(), p.lang.clone());
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
    // Unless the section says (`paginate_by`; 0 for one page), a long list goes on pages
    // of [`LIST_PAGE`].
    let per_page = p.front.paginate_by.unwrap_or(LIST_PAGE);
    if per_page == 0 || children.len() <= per_page {
        ctx.insert("pages", &children);
        ctx.insert("paginator", &None::<serde_json::Value>);
        return Ok(vec![(index_html(&p.url), one(&ctx)?)]);
    }
    let mut files = Vec::new();
    for (url, chunk, paginator) in paginate(&p.url, &children, per_page) {
        ctx.insert("current_url", &url);
        ctx.insert("pages", chunk);
        ctx.insert("paginator", &paginator);
        files.push((index_html(&url), one(&ctx)?));
    }
    Ok(files)
}

/// How many pages a section's list shows on each of its pages when the section does not
/// say: a list of thousands is megabytes, for readers on slow and costly connections.
pub const LIST_PAGE: usize = 50;

/// The list pages of a section: each one's address, its part of the list, and the paginator
/// (`/news/`, `/news/page/2/`, ...).
fn paginate<'c>(
    url: &str,
    children: &'c [LinkView],
    per_page: usize,
) -> Vec<(String, &'c [LinkView], serde_json::Value)> {
    let chunks: Vec<&[LinkView]> = children.chunks(per_page).collect();
    let total = chunks.len();
    let url_of = |n: usize| {
        if n == 1 {
            url.to_string()
        } else {
            format!("{url}page/{n}/")
        }
    };
    chunks
        .into_iter()
        .enumerate()
        .map(|(k, chunk)| {
            let n = k + 1;
            let paginator = json!({
                "current": n,
                "total": total,
                "prev": (n > 1).then(|| url_of(n - 1)),
                "next": (n < total).then(|| url_of(n + 1)),
            });
            (url_of(n), chunk, paginator)
        })
        .collect()
}

/// The context of a page's template: the base context, its section, its type's fields
/// (regions served, course sessions), its videos and its JSON-LD.
fn page_context(p: &Page, b: &Rendered, sh: &Shared<'_>) -> tera::Context {
    let site = sh.site;
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
    let shared = &sh.per_lang[p.lang.as_str()];
    let page_regions: Vec<&RegionView> = p
        .content
        .organisation()
        .map(|o| {
            o.regions
                .iter()
                .filter_map(|id| shared.regions.iter().find(|r| &r.id == id))
                .collect()
        })
        .unwrap_or_default();
    ctx.insert("page_regions", &page_regions);
    let sessions = p
        .content
        .course()
        .map(|c| &c.sessions)
        .filter(|s| !s.is_empty());
    ctx.insert("sessions", &session_views(sessions, &p.lang));
    ctx.insert(
        "ics_url",
        &sessions.map(|_| format!("{}calendar.ics", p.url)),
    );
    insert_videos(&mut ctx, b, site);
    ctx.insert("jsonld", &schema::jsonld(p, b, site, &page_regions));
    ctx
}

/// A course's sessions for its template: dates in the page's language, times as `10:00`.
fn session_views(sessions: Option<&Vec<Session>>, lang: &str) -> Vec<serde_json::Value> {
    let Some(sessions) = sessions else {
        return Vec::new();
    };
    sessions
        .iter()
        .map(|s| {
            json!({
                "date": s.date.iso(),
                "date_text": date::format_date_long(&s.date, lang),
                "start": format!("{:02}:{:02}", s.start.0, s.start.1),
                "end": format!("{:02}:{:02}", s.end.0, s.end.1),
            })
        })
        .collect()
}

/// Whether the page embeds a provider's video (its script is then loaded), and the first
/// self-hosted video for Open Graph.
fn insert_videos(ctx: &mut tera::Context, b: &Rendered, site: &Site) {
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
}
