//! Markdown → HTML with pulldown-cmark: heading anchors, resolved internal links, prefixed footnotes.

use super::directives;
use super::embeds;
use super::links::{LinkTable, Target};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::media::video;
use crate::model::Page;
use crate::slug::{slugify, unique_anchor};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;

/// A heading of a page, for tables of contents and anchor checks.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// Plain text.
    pub text: String,
    /// The anchor id.
    pub id: String,
    /// 1-based line in the file.
    #[serde(skip)]
    pub line: usize,
}

/// A link to an anchor in another (or the same) page, checked once all pages are rendered.
#[derive(Debug, Clone)]
pub struct AnchorRef {
    /// Site URL of the target page.
    pub url: String,
    /// The anchor, without `#`.
    pub anchor: String,
    /// Line and column in the file.
    pub line: usize,
    /// Column.
    pub column: usize,
}

/// The rendered body of one page.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML of the body.
    pub html: String,
    /// Headings in order.
    pub headings: Vec<Heading>,
    /// Anchor links to check.
    pub anchors: Vec<AnchorRef>,
    /// External links (URL, line).
    pub external: Vec<(String, usize)>,
    /// Plain text of the first paragraph (fallback description).
    pub summary: String,
    /// Videos embedded in the page.
    pub videos: Vec<video::Video>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading being collected: level, explicit id, classes, start index in the event list,
/// its text, its line.
type OpenHeading = (
    HeadingLevel,
    Option<String>,
    Vec<String>,
    usize,
    String,
    usize,
);

/// An image being collected: resolved site path (or an external URL, or nothing after an
/// error), line, column, alt text.
type OpenImage = (Result<String, Option<String>>, usize, usize, String);

/// Events held before they are written out as HTML.
const FLUSH_EVENTS: usize = 1024;

/// Write the held events as HTML. Outside tables, pulldown-cmark's writer keeps no state
/// but whether the output ends a line (footnotes are numbered here, not by the writer), so a
/// new writer is only started where it does (otherwise the events wait).
fn flush<'a>(html: &mut String, events: &mut Vec<Event<'a>>, body_len: usize, last: bool) {
    if html.is_empty() {
        html.reserve(body_len * 3 / 2);
    } else if !last && !html.ends_with('\n') {
        return;
    }
    html::push_html(html, events.drain(..));
}

/// Render a page body. Problems (broken links, missing images) come back as diagnostics.
pub fn render(page: &Page, links: &LinkTable<'_>) -> (Rendered, Vec<Diagnostic>) {
    let body = page.body();
    let mut diags = Vec::new();
    let mut out = Rendered::default();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut events: Vec<Event<'_>> = Vec::with_capacity(256);
    let mut footnote_numbers: HashMap<String, usize> = HashMap::new();
    let lines = LineIndex::new(body);
    let pos = |offset: usize| {
        let (l, c) = lines.line_col(offset);
        (l + page.body_line - 1, c)
    };

    // Heading being collected: (level, explicit id, classes, start index in `events`, text, line).
    let mut heading: Option<OpenHeading> = None;
    let mut in_first_para = 0u8; // 0 = not yet, 1 = inside, 2 = done
    let mut link_depth = 0usize;
    let mut image: Option<OpenImage> = None;
    // The source of the directive paragraph being skipped, and the code and directives where
    // a `{{<` is not a mistake.
    let mut directive: Option<std::ops::Range<usize>> = None;
    let mut covered: Vec<std::ops::Range<usize>> = Vec::new();
    // Outside tables (the one place pulldown-cmark's writer keeps state), the events so far
    // are written out now and then: memory stays proportional to a block, not the page.
    let mut tables = 0usize;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::End(TagEnd::Table) => tables = tables.saturating_sub(1),
            _ => {}
        }
        if let Some(source) = &directive {
            if matches!(event, Event::End(TagEnd::Paragraph)) {
                let html = directives::paragraph_html(
                    &body[source.clone()],
                    source.start,
                    page,
                    links,
                    &pos,
                    &mut out,
                    &mut diags,
                );
                events.push(Event::Html(CowStr::from(html)));
                covered.push(source.clone());
                directive = None;
            }
            continue;
        }
        match event {
            Event::Start(Tag::Paragraph) if directives::is_directive(&body[range.clone()]) => {
                directive = Some(range);
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                covered.push(range);
                events.push(Event::Start(Tag::CodeBlock(kind)));
            }
            // An HTML comment (a directive put aside by the editor) is not published as text.
            Event::Start(Tag::HtmlBlock) if directives::is_comment(&body[range.clone()]) => {
                covered.push(range);
                events.push(Event::Start(Tag::HtmlBlock));
            }
            Event::InlineHtml(t) if directives::is_comment(&t) => {
                covered.push(range);
                events.push(Event::InlineHtml(t));
            }
            Event::Html(ref t) | Event::InlineHtml(ref t) => {
                for (offset, d) in super::html_links::check(t) {
                    let (line, column) = pos(range.start + offset);
                    diags.push(
                        d.in_file(&page.file)
                            .at(line, column)
                            .with_source(&page.text),
                    );
                }
                events.push(event);
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                let (line, _) = pos(range.start);
                heading = Some((
                    level,
                    id.map(|s| s.to_string()),
                    classes.iter().map(|c| c.to_string()).collect(),
                    events.len(),
                    String::new(),
                    line,
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, classes, start, text, line)) = heading.take() {
                    let inner: Vec<Event<'_>> = events.drain(start..).collect();
                    let mut inner_html = String::new();
                    html::push_html(&mut inner_html, inner.into_iter());
                    let base = explicit.clone().unwrap_or_else(|| slugify(&text));
                    let id = unique_anchor(&base, &mut seen_ids);
                    let n = level as u8;
                    let class = if classes.is_empty() {
                        String::new()
                    } else {
                        format!(" class=\"{}\"", escape(&classes.join(" ")))
                    };
                    events.push(Event::Html(CowStr::from(format!(
                        "<h{n} id=\"{}\"{class}>{inner_html}</h{n}>\n",
                        escape(&id)
                    ))));
                    out.headings.push(Heading {
                        level: n,
                        text: text.trim().to_string(),
                        id,
                        line,
                    });
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                link_depth += 1;
                let (line, column) = pos(range.start);
                let dest = resolve(&dest_url, page, links, line, column, &mut out, &mut diags);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(dest),
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let (line, column) = pos(range.start);
                let target = match links.resolve(&dest_url, page) {
                    Ok(Target::Internal { url, .. }) => Ok(url),
                    Ok(Target::External) => Err(Some(dest_url.to_string())),
                    Err(d) => {
                        diags.push(
                            d.in_file(&page.file)
                                .at(line, column)
                                .with_source(&page.text),
                        );
                        Err(None)
                    }
                };
                image = Some((target, line, column, String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((target, line, column, alt)) = image.take()
                    && let Some(html) = embeds::image_html(
                        target,
                        &alt,
                        link_depth > 0,
                        page,
                        links,
                        line,
                        column,
                        &mut diags,
                    )
                {
                    events.push(Event::Html(CowStr::from(html)));
                }
            }
            Event::Text(t) if image.is_some() => {
                if let Some(img) = image.as_mut() {
                    img.3.push_str(&t);
                }
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                events.push(Event::End(TagEnd::Link));
            }
            Event::FootnoteReference(name) => {
                let next = footnote_numbers.len() + 1;
                let n = *footnote_numbers.entry(name.to_string()).or_insert(next);
                let id = slugify(&name);
                events.push(Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"fnref-{id}\">{n}</a></sup>"
                ))));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let next = footnote_numbers.len() + 1;
                let n = *footnote_numbers.entry(name.to_string()).or_insert(next);
                let id = slugify(&name);
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote\" id=\"fn-{id}\"><span class=\"footnote-label\">{n}</span> "
                ))));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                events.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Text(t) => {
                if let Some(h) = heading.as_mut() {
                    h.4.push_str(&t);
                }
                if in_first_para == 1 {
                    out.summary.push_str(&t);
                }
                events.push(Event::Text(t));
            }
            Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.4.push_str(&t);
                }
                covered.push(range);
                events.push(Event::Code(t));
            }
            Event::Start(Tag::Paragraph) => {
                if in_first_para == 0 && heading.is_none() {
                    in_first_para = 1;
                }
                events.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) => {
                if in_first_para == 1 {
                    in_first_para = 2;
                }
                events.push(Event::End(TagEnd::Paragraph));
            }
            Event::SoftBreak if in_first_para == 1 => {
                out.summary.push(' ');
                events.push(Event::SoftBreak);
            }
            other => events.push(other),
        }
        let block_end = matches!(
            events.last(),
            Some(Event::End(
                TagEnd::Item | TagEnd::Paragraph | TagEnd::List(_) | TagEnd::BlockQuote(_)
            ))
        );
        let writable = tables == 0 && heading.is_none() && image.is_none() && directive.is_none();
        if writable && block_end && events.len() >= FLUSH_EVENTS {
            flush(&mut out.html, &mut events, body.len(), false);
        }
    }
    directives::report_stray(body, &covered, page, &pos, &mut diags);
    flush(&mut out.html, &mut events, body.len(), true);
    // Videos listed in the front matter come after the text.
    if let Some(list) = page.front.extra.get("videos").and_then(|v| v.as_array()) {
        let line = page.front.key_lines.get("videos").copied().unwrap_or(1);
        for item in list {
            let args = item
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| {
                            (
                                k.clone(),
                                v.as_str()
                                    .map(str::to_string)
                                    .unwrap_or_else(|| v.to_string()),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let d = video::Directive {
                name: "video".into(),
                args,
            };
            let html = embeds::directive_html(
                &d,
                page,
                links,
                out.videos.len() + 1,
                line,
                1,
                &mut out,
                &mut diags,
            );
            out.html.push_str(&html);
        }
    }
    (out, diags)
}

fn resolve(
    dest: &str,
    page: &Page,
    links: &LinkTable<'_>,
    line: usize,
    column: usize,
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> String {
    match links.resolve(dest, page) {
        Ok(Target::External) => {
            if let Some(d) = super::links::data_link(dest) {
                diags.push(
                    d.in_file(&page.file)
                        .at(line, column)
                        .with_source(&page.text),
                );
            }
            out.external.push((dest.to_string(), line));
            dest.to_string()
        }
        Ok(Target::Internal {
            url,
            anchor,
            relative,
            note,
        }) => {
            if let Some(a) = anchor {
                out.anchors.push(AnchorRef {
                    url,
                    anchor: a,
                    line,
                    column,
                });
            }
            if let Some(n) = note {
                diags.push(
                    n.in_file(&page.file)
                        .at(line, column)
                        .with_source(&page.text),
                );
            }
            relative
        }
        Err(d) => {
            diags.push(
                d.in_file(&page.file)
                    .at(line, column)
                    .with_source(&page.text),
            );
            dest.to_string()
        }
    }
}

pub use crate::html::escape;
