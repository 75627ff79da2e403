//! Embedded media in Markdown: responsive `<picture>` for images (with the alt-text rules)
//! and the `{{< video >}}` directive.

use super::body::Rendered;
use super::links::LinkTable;
use crate::diagnostics::Diagnostic;
use crate::html::{encode_url, escape};
use crate::media::{self, video};
use crate::model::Page;

/// The HTML of an image; `target` is its resolved site path, an external URL, or nothing
/// after an error. Reports missing alt text and unusable images.
#[allow(clippy::too_many_arguments)]
pub fn image_html(
    target: Result<String, Option<String>>,
    alt: &str,
    in_link: bool,
    page: &Page,
    links: &LinkTable<'_>,
    line: usize,
    column: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let at = |d: Diagnostic| {
        d.in_file(&page.file)
            .at(line, column)
            .with_source(&page.text)
    };
    let alt = alt.trim();
    let decorative = alt == "-";
    if alt.is_empty() {
        let d = if in_link {
            Diagnostic::error(
                "image-alt",
                "an image inside a link has no alt text, so the link has no name",
            )
            .tr("image-alt-link", &[])
        } else {
            Diagnostic::warning("image-alt", "the image has no alt text").tr("image-alt", &[])
        };
        diags.push(at(d).with_hint("describe the picture between the brackets: ![what it shows](...); write ![-](...) for a decorative image"));
    }
    let alt = if decorative { "" } else { alt };
    match target {
        Ok(url) if media::Media::is_image(&url) => {
            match links.media.picture(&url, &media::images::WIDTHS) {
                Ok(pic) => Some(super::picture::picture_html(
                    &pic,
                    alt,
                    &page.url,
                    "(min-width: 46rem) 44rem, 100vw",
                )),
                Err(problem) => {
                    diags.push(at(Diagnostic::error("image", problem.to_string())
                        .with_hint("use a JPEG, PNG or WebP file of at most 20 megapixels")
                        .with_tr(problem.tr("image-page"))));
                    None
                }
            }
        }
        Ok(url) => Some(format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\">",
            escape(&encode_url(&crate::model::route::relative(&page.url, &url))),
            escape(alt)
        )),
        Err(Some(external)) => Some(format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\">",
            escape(&encode_url(&external)),
            escape(alt)
        )),
        Err(None) => None,
    }
}

/// The HTML of a video directive, recording the video on the page.
#[allow(clippy::too_many_arguments)]
pub fn directive_html(
    d: &video::Directive,
    page: &Page,
    links: &LinkTable<'_>,
    n: usize,
    line: usize,
    column: usize,
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let Some(words) = links.words.get(&page.lang) else {
        return String::new();
    };
    if let Some(p) = d.args.get("poster") {
        out.pictures.push(format!("poster {p}"));
    }
    match video::read(
        d,
        links.media,
        page.fallback.as_deref().unwrap_or(&page.lang),
        &words.languages,
    ) {
        Ok(facts) => {
            for m in &facts.untranslated {
                diags.push(
                    Diagnostic::warning("video", m.message.clone())
                        .in_file(&page.file)
                        .at(line, column)
                        .with_source(&page.text)
                        .with_hint(m.hint.clone())
                        .with_tr(m.tr.clone()),
                );
            }
            let html = super::video_html::html(&facts, &page.url, &page.lang, n, words);
            out.videos.push(facts.video);
            html
        }
        Err(m) => {
            diags.push(
                Diagnostic::error("video", m.message)
                    .in_file(&page.file)
                    .at(line, column)
                    .with_source(&page.text)
                    .with_hint(m.hint)
                    .with_tr(m.tr),
            );
            String::new()
        }
    }
}
