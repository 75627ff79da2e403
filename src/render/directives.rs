//! `{{< name key="value" >}}` directives in page text. A paragraph that starts with `{{<` is
//! read from its raw source, before any Markdown inline processing, so attribute values may
//! hold any text (`*x*`, backticks, `<b>`, links) and mean it literally. Every other `{{<`
//! outside code and HTML comments is an error with its place: nothing that looks like a
//! directive is ever published as text by mistake. `\{{<` writes the characters themselves.

use super::body::Rendered;
use super::embeds;
use super::links::LinkTable;
use crate::diagnostics::{Diagnostic, tr};
use crate::media::video;
use crate::model::Page;
use std::ops::Range;

/// What starts a directive.
const OPEN: &str = "{{<";
/// The most stray `{{<` reported per page (the rest are the same mistake).
const MAX_STRAY: usize = 20;
const HINT: &str = "write a directive alone in its paragraph (an empty line before and after), like {{< video youtube=\"...\" title=\"...\" >}}; to show the characters {{< themselves, write \\{{<";

/// Whether a paragraph's source is a directive (it starts with `{{<`).
pub fn is_directive(raw: &str) -> bool {
    raw.trim_start().starts_with(OPEN)
}

/// Whether HTML source is a comment, where a `{{<` is no mistake.
pub fn is_comment(html: &str) -> bool {
    html.trim_start().starts_with("<!--")
}

/// The HTML of a directive paragraph (`raw`, its source, starting at `offset` in the body),
/// or nothing after an error. `pos` gives the line and column of a body offset.
pub fn paragraph_html(
    raw: &str,
    offset: usize,
    page: &Page,
    links: &LinkTable<'_>,
    pos: &dyn Fn(usize) -> (usize, usize),
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let start = offset + (raw.len() - raw.trim_start().len());
    let (line, column) = pos(start);
    let parsed = match video::parse_directive(raw) {
        Some(parsed) => parsed,
        None => Err(unclosed(raw)),
    };
    let directive = parsed.and_then(|d| match d.name.as_str() {
        "video" => Ok(d),
        "" => Err((
            "the directive has no name".to_string(),
            tr("directive-no-name", &[]),
        )),
        other => Err((
            format!("`{other}` is not a known directive (only `video` is)"),
            tr("directive-unknown", &[("name", other)]),
        )),
    });
    match directive {
        Ok(d) => embeds::directive_html(
            &d,
            page,
            links,
            out.videos.len() + 1,
            line,
            column,
            out,
            diags,
        ),
        Err((msg, tr)) => {
            diags.push(
                Diagnostic::error("directive", msg)
                    .in_file(&page.file)
                    .at(line, column)
                    .with_source(&page.text)
                    .with_hint(HINT)
                    .with_tr(tr),
            );
            String::new()
        }
    }
}

/// Why a paragraph starting with `{{<` is not one directive.
fn unclosed(raw: &str) -> video::Malformed {
    let first = raw.trim_start().lines().next().unwrap_or("").trim_end();
    if first.ends_with(">}}") {
        (
            "the directive is not alone in its paragraph: text follows it on the next line".into(),
            tr("directive-not-alone", &[]),
        )
    } else {
        (
            "the directive is not closed: it should end with >}}".into(),
            tr("directive-not-closed", &[]),
        )
    }
}

/// Report every `{{<` in `body` that is not inside one of `covered` (code, directive
/// paragraphs; sorted by start) and not written as `\{{<`.
pub fn report_stray(
    body: &str,
    covered: &[Range<usize>],
    page: &Page,
    pos: &dyn Fn(usize) -> (usize, usize),
    diags: &mut Vec<Diagnostic>,
) {
    let mut ranges = covered.iter().peekable();
    let mut reported = 0;
    for at in memchr::memmem::find_iter(body.as_bytes(), OPEN.as_bytes()) {
        while ranges.peek().is_some_and(|r| r.end <= at) {
            ranges.next();
        }
        let inside = ranges.peek().is_some_and(|r| r.start <= at);
        let escaped = body.as_bytes().get(at.wrapping_sub(1)) == Some(&b'\\');
        if inside || escaped {
            continue;
        }
        reported += 1;
        if reported > MAX_STRAY {
            break;
        }
        let (line, column) = pos(at);
        diags.push(
            Diagnostic::error(
                "directive",
                "`{{<` starts a directive, but this one is not alone in its paragraph, so it would be published as text",
            )
            .in_file(&page.file)
            .at(line, column)
            .with_source(&page.text)
            .with_hint(HINT)
            .tr("directive-stray", &[]),
        );
    }
}
