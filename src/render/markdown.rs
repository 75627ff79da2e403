//! Markdown → HTML with pulldown-cmark: heading anchors, resolved internal links, images,
//! directives (`{{< video >}}`), prefixed footnotes; written out block by block.

use super::body::{AnchorRef, Heading, Rendered};
use super::directives;
use super::embeds;
use super::links::{LinkTable, Target};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::html::{encode_url, escape};
use crate::media::video;
use crate::model::Page;
use crate::slug::{slugify, unique_anchor};
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;
use std::ops::Range;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading being collected.
struct OpenHeading {
    level: HeadingLevel,
    /// `{#id}` written by the editor.
    explicit: Option<String>,
    classes: Vec<String>,
    /// Index in the held events where the heading's content starts.
    start: usize,
    /// Its plain text.
    text: String,
    /// 1-based line.
    line: usize,
}

/// An image being collected.
struct OpenImage {
    /// The resolved site path, or an external URL (`Err(Some)`), or nothing after an error.
    target: Result<String, Option<String>>,
    line: usize,
    column: usize,
    /// Its alternative text.
    alt: String,
    /// Its title (`![alt](src "title")`), shown as a tooltip.
    title: String,
}

/// Where the first paragraph (the summary) is.
#[derive(PartialEq, Eq)]
enum Summary {
    NotYet,
    Inside,
    Done,
}

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

/// The state of one page's render.
struct Writer<'p, 'l> {
    page: &'p Page,
    links: &'l LinkTable<'l>,
    body: &'p str,
    /// Whether to collect the plain text.
    plain: bool,
    lines: LineIndex<'p>,
    out: Rendered,
    diags: Vec<Diagnostic>,
    events: Vec<Event<'p>>,
    seen_ids: HashMap<String, usize>,
    footnote_numbers: HashMap<String, usize>,
    heading: Option<OpenHeading>,
    image: Option<OpenImage>,
    /// Images inside the alternative text of the open image (their text joins it).
    alt_nesting: usize,
    summary: Summary,
    link_depth: usize,
    /// The source of the directive paragraph being skipped.
    directive: Option<Range<usize>>,
    /// Code and directives, where a `{{<` is not a mistake.
    covered: Vec<Range<usize>>,
    /// Tables open: the one place pulldown-cmark's writer keeps state, so the events wait.
    tables: usize,
}

/// Render a page body. Problems (broken links, missing images) come back as diagnostics.
pub fn render(page: &Page, links: &LinkTable<'_>) -> (Rendered, Vec<Diagnostic>) {
    run(page, links, false)
}

/// [`render`], and collect the body's plain text too ([`Rendered::text`], for the search).
pub fn render_with_text(page: &Page, links: &LinkTable<'_>) -> (Rendered, Vec<Diagnostic>) {
    run(page, links, true)
}

fn run(page: &Page, links: &LinkTable<'_>, plain: bool) -> (Rendered, Vec<Diagnostic>) {
    let body = page.body();
    let mut w = Writer {
        page,
        links,
        body,
        plain,
        lines: LineIndex::new(body),
        out: Rendered {
            text: String::with_capacity(if plain { body.len() } else { 0 }),
            ..Rendered::default()
        },
        diags: Vec::new(),
        events: Vec::with_capacity(256),
        seen_ids: HashMap::new(),
        footnote_numbers: HashMap::new(),
        heading: None,
        image: None,
        alt_nesting: 0,
        summary: Summary::NotYet,
        link_depth: 0,
        directive: None,
        covered: Vec::new(),
        tables: 0,
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        w.event(event, range);
        w.flush_at_block_end();
    }
    let pos = |offset: usize| w.pos(offset);
    let mut stray = Vec::new();
    directives::report_stray(body, &w.covered, page, &pos, &mut stray);
    w.diags.append(&mut stray);
    flush(&mut w.out.html, &mut w.events, body.len(), true);
    w.front_matter_videos();
    (w.out, w.diags)
}

impl<'p> Writer<'p, '_> {
    /// Line and column in the file of a byte offset in the body.
    fn pos(&self, offset: usize) -> (usize, usize) {
        let (l, c) = self.lines.line_col(offset);
        (l + self.page.body_line - 1, c)
    }

    /// A message at a place of the page.
    fn report(&mut self, d: Diagnostic, line: usize, column: usize) {
        let page = self.page;
        self.diags.push(
            d.in_file(&page.file)
                .at(line, column)
                .with_source(&page.text),
        );
    }

    /// Write the held events out at the end of a block, when there are many and nothing is
    /// open that still needs them.
    fn flush_at_block_end(&mut self) {
        let block_end = matches!(
            self.events.last(),
            Some(Event::End(
                TagEnd::Item | TagEnd::Paragraph | TagEnd::List(_) | TagEnd::BlockQuote(_)
            ))
        );
        let writable = self.tables == 0
            && self.heading.is_none()
            && self.image.is_none()
            && self.directive.is_none();
        if writable && block_end && self.events.len() >= FLUSH_EVENTS {
            flush(&mut self.out.html, &mut self.events, self.body.len(), false);
        }
    }

    /// Handle one event.
    fn event(&mut self, event: Event<'p>, range: Range<usize>) {
        match &event {
            Event::Start(Tag::Table(_)) => self.tables += 1,
            Event::End(TagEnd::Table) => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
        if self.directive.is_some() {
            if matches!(event, Event::End(TagEnd::Paragraph)) {
                self.directive_end();
            }
            return;
        }
        if self.image.is_some()
            && (self.alt_nesting > 0 || !matches!(event, Event::End(TagEnd::Image)))
        {
            self.alt_text(event);
            return;
        }
        if self.plain {
            self.plain_text(&event);
        }
        let body = self.body;
        match event {
            Event::Start(Tag::Paragraph) if directives::is_directive(&body[range.clone()]) => {
                self.directive = Some(range);
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                self.covered.push(range);
                self.events.push(Event::Start(Tag::CodeBlock(kind)));
            }
            // An HTML comment (a directive put aside by the editor) is not published as text.
            Event::Start(Tag::HtmlBlock) if directives::is_comment(&body[range.clone()]) => {
                self.covered.push(range);
                self.events.push(Event::Start(Tag::HtmlBlock));
            }
            Event::InlineHtml(t) if directives::is_comment(&t) => {
                self.covered.push(range);
                self.events.push(Event::InlineHtml(t));
            }
            Event::Html(ref t) | Event::InlineHtml(ref t) => {
                for (offset, d) in super::html_links::check(t) {
                    let (line, column) = self.pos(range.start + offset);
                    self.report(d, line, column);
                }
                self.events.push(event);
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                let (line, _) = self.pos(range.start);
                self.heading = Some(OpenHeading {
                    level,
                    explicit: id.map(|s| s.to_string()),
                    classes: classes.iter().map(|c| c.to_string()).collect(),
                    start: self.events.len(),
                    text: String::new(),
                    line,
                });
            }
            Event::End(TagEnd::Heading(_)) => self.heading_end(),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.link_depth += 1;
                let (line, column) = self.pos(range.start);
                // `<name@example.ge>`: the HTML writer adds `mailto:`.
                let dest = if link_type == LinkType::Email {
                    dest_url.to_string()
                } else {
                    encode_url(&self.resolve(&dest_url, line, column))
                };
                self.events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(dest),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                self.link_depth = self.link_depth.saturating_sub(1);
                self.events.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => self.image_start(&dest_url, &title, range),
            Event::End(TagEnd::Image) => self.image_end(),
            other => self.text_or_footnote(other, range),
        }
    }

    /// Text, code, footnotes, paragraphs (for the summary) and everything else.
    fn text_or_footnote(&mut self, event: Event<'p>, range: Range<usize>) {
        match event {
            Event::FootnoteReference(name) => {
                let (n, id) = self.footnote(&name);
                self.html(format!(
                    "<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"fnref-{id}\">{n}</a></sup>"
                ));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let (n, id) = self.footnote(&name);
                self.html(format!(
                    "<div class=\"footnote\" id=\"fn-{id}\"><span class=\"footnote-label\">{n}</span> "
                ));
            }
            Event::End(TagEnd::FootnoteDefinition) => self.html("</div>\n".to_string()),
            Event::Text(t) => {
                if let Some(h) = self.heading.as_mut() {
                    h.text.push_str(&t);
                }
                if self.summary == Summary::Inside {
                    self.out.summary.push_str(&t);
                }
                self.events.push(Event::Text(t));
            }
            Event::Code(t) => {
                if let Some(h) = self.heading.as_mut() {
                    h.text.push_str(&t);
                }
                if self.summary == Summary::Inside {
                    self.out.summary.push_str(&t);
                }
                self.covered.push(range);
                self.events.push(Event::Code(t));
            }
            Event::Start(Tag::Paragraph) => {
                if self.summary == Summary::NotYet && self.heading.is_none() {
                    self.summary = Summary::Inside;
                }
                self.events.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) => {
                if self.summary == Summary::Inside {
                    self.summary = Summary::Done;
                }
                self.events.push(Event::End(TagEnd::Paragraph));
            }
            Event::SoftBreak | Event::HardBreak
                if self.summary == Summary::Inside || self.heading.is_some() =>
            {
                if let Some(h) = self.heading.as_mut() {
                    h.text.push(' ');
                }
                if self.summary == Summary::Inside {
                    self.out.summary.push(' ');
                }
                self.events.push(event);
            }
            other => self.events.push(other),
        }
    }

    /// Add the event's text to the page's plain text (a space at the end of each block).
    fn plain_text(&mut self, event: &Event<'p>) {
        match event {
            Event::Text(t) | Event::Code(t) => self.out.text.push_str(t),
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) => self.out.text.push(' '),
            _ => {}
        }
    }

    /// Hold a piece of finished HTML.
    fn html(&mut self, html: String) {
        self.events.push(Event::Html(CowStr::from(html)));
    }

    /// The number and anchor id of a footnote (numbered in order of first mention).
    fn footnote(&mut self, name: &str) -> (usize, String) {
        let next = self.footnote_numbers.len() + 1;
        let n = *self
            .footnote_numbers
            .entry(name.to_string())
            .or_insert(next);
        (n, slugify(name))
    }

    /// The end of a directive paragraph: its HTML in place of the paragraph.
    fn directive_end(&mut self) {
        let Some(source) = self.directive.take() else {
            return;
        };
        let lines = &self.lines;
        let body_line = self.page.body_line;
        let pos = |offset: usize| {
            let (l, c) = lines.line_col(offset);
            (l + body_line - 1, c)
        };
        let html = directives::paragraph_html(
            &self.body[source.clone()],
            source.start,
            self.page,
            self.links,
            &pos,
            &mut self.out,
            &mut self.diags,
        );
        self.html(html);
        self.covered.push(source);
    }

    /// The end of a heading: its anchor (unique on the page) and its HTML.
    fn heading_end(&mut self) {
        let Some(h) = self.heading.take() else {
            return;
        };
        let inner: Vec<Event<'_>> = self.events.drain(h.start..).collect();
        let mut inner_html = String::new();
        html::push_html(&mut inner_html, inner.into_iter());
        let base = h.explicit.clone().unwrap_or_else(|| slugify(&h.text));
        let id = unique_anchor(&base, &mut self.seen_ids);
        let n = h.level as u8;
        let class = if h.classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape(&h.classes.join(" ")))
        };
        self.html(format!(
            "<h{n} id=\"{}\"{class}>{inner_html}</h{n}>\n",
            escape(&id)
        ));
        self.out.headings.push(Heading {
            level: n,
            text: h.text.trim().to_string(),
            id,
            line: h.line,
        });
    }

    /// The start of an image: where it points.
    fn image_start(&mut self, dest: &str, title: &str, range: Range<usize>) {
        let (line, column) = self.pos(range.start);
        let target = match self.links.resolve(dest, self.page) {
            Ok(Target::Internal { url, .. }) => Ok(url),
            Ok(Target::External) => Err(Some(dest.to_string())),
            Err(d) => {
                self.report(d, line, column);
                Err(None)
            }
        };
        self.image = Some(OpenImage {
            target,
            line,
            column,
            alt: String::new(),
            title: title.to_string(),
        });
    }

    /// Inside an image's alternative text only words count: emphasis, code, links and
    /// images there give their text, a line break a space (an `alt` attribute has no markup).
    fn alt_text(&mut self, event: Event<'p>) {
        let Some(img) = self.image.as_mut() else {
            return;
        };
        match event {
            Event::Text(t) | Event::Code(t) => img.alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => img.alt.push(' '),
            Event::Start(Tag::Image { .. }) => self.alt_nesting += 1,
            Event::End(TagEnd::Image) => self.alt_nesting = self.alt_nesting.saturating_sub(1),
            _ => {}
        }
    }

    /// The end of an image: its `<picture>` (or `<img>`).
    fn image_end(&mut self) {
        let Some(img) = self.image.take() else {
            return;
        };
        if let Ok(url) = &img.target
            && crate::media::Media::is_image(url)
        {
            self.out.pictures.push(url.clone());
        }
        let html = embeds::image_html(
            img.target,
            &img.alt,
            self.link_depth > 0,
            self.page,
            self.links,
            img.line,
            img.column,
            &mut self.diags,
        );
        if let Some(mut html) = html {
            if !img.title.is_empty() {
                let title = format!("<img title=\"{}\" ", crate::html::escape(&img.title));
                html = html.replacen("<img ", &title, 1);
            }
            self.html(html);
        }
    }

    /// Videos listed in the front matter come after the text.
    fn front_matter_videos(&mut self) {
        let page = self.page;
        let links = self.links;
        let (out, diags) = (&mut self.out, &mut self.diags);
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
                    out,
                    diags,
                );
                out.html.push_str(&html);
            }
        }
    }

    /// Where a link goes; broken links are reported and left as written.
    fn resolve(&mut self, dest: &str, line: usize, column: usize) -> String {
        match self.links.resolve(dest, self.page) {
            Ok(Target::External) => {
                if let Some(d) = super::links::data_link(dest) {
                    self.report(d, line, column);
                }
                self.out.external.push((dest.to_string(), line));
                dest.to_string()
            }
            Ok(Target::Internal {
                url,
                anchor,
                relative,
                note,
            }) => {
                if let Some(a) = anchor {
                    self.out.anchors.push(AnchorRef {
                        url,
                        anchor: a,
                        line,
                        column,
                    });
                }
                if let Some(n) = note {
                    self.report(n, line, column);
                }
                relative
            }
            Err(d) => {
                self.report(d, line, column);
                dest.to_string()
            }
        }
    }
}
