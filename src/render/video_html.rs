//! Video HTML: a click-to-load placeholder for YouTube and Vimeo (nothing loads from them
//! before a click), `<video>` with captions and a download link for self-hosted files, and
//! the transcript, from the facts media gathered ([`Facts`]).

use super::picture::picture_html;
use crate::html::escape;
use crate::media::video::{Facts, Source};
use crate::model::route;

/// Interface strings the video HTML needs, already in the page's language.
pub struct Words {
    /// "Play video on {provider}".
    pub play_on: Box<dyn Fn(&str) -> String + Send + Sync>,
    /// "The video loads from {provider} only when you press play."
    pub privacy: Box<dyn Fn(&str) -> String + Send + Sync>,
    /// "Transcript".
    pub transcript: String,
    /// "Download".
    pub download: String,
    /// Language names by code.
    pub languages: Vec<(String, String)>,
}

/// The HTML of one video on the page at `page_url` in `lang`; `n` numbers the page's videos
/// (for transcript anchors).
pub fn html(f: &Facts, page_url: &str, lang: &str, n: usize, words: &Words) -> String {
    let v = &f.video;
    let dur_text = v
        .duration
        .as_ref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let mut html = String::from("<figure class=\"video\">\n");
    match &v.source {
        Source::YouTube(id) => facade(
            &mut html,
            f,
            "youtube",
            "YouTube",
            id,
            &format!("https://www.youtube.com/watch?v={id}"),
            page_url,
            lang,
            &dur_text,
            words,
        ),
        Source::Vimeo(id) => facade(
            &mut html,
            f,
            "vimeo",
            "Vimeo",
            id,
            &format!("https://vimeo.com/{id}"),
            page_url,
            lang,
            &dur_text,
            words,
        ),
        Source::File(src) => self_hosted(&mut html, f, src, page_url, lang, n, &dur_text, words),
    }
    html.push_str("</figure>\n");
    if let Some(text) = &f.transcript {
        let mut body = String::new();
        pulldown_cmark::html::push_html(&mut body, pulldown_cmark::Parser::new(text));
        html.push_str(&format!("<details class=\"transcript\" id=\"transcript-{n}\"><summary>{}: {}</summary>\n{body}</details>\n", escape(&words.transcript), escape(&v.title)));
    }
    html
}

/// A provider's video: a link to its page with the poster, and a note that nothing loads
/// from the provider before a click.
#[allow(clippy::too_many_arguments)]
fn facade(
    html: &mut String,
    f: &Facts,
    provider: &str,
    name: &str,
    id: &str,
    watch: &str,
    page_url: &str,
    lang: &str,
    dur_text: &str,
    words: &Words,
) {
    let title = &f.video.title;
    html.push_str(&format!(
        "<div class=\"video-facade\" data-provider=\"{provider}\" data-id=\"{id}\" data-lang=\"{lang}\" data-title=\"{}\">\n<a class=\"video-link\" href=\"{watch}\">",
        escape(title)
    ));
    match &f.poster {
        Some(pic) => html.push_str(&picture_html(
            pic,
            "",
            page_url,
            "(min-width: 46rem) 44rem, 100vw",
        )),
        None => html.push_str("<span class=\"video-poster-blank\"></span>"),
    }
    html.push_str(&format!(
        "<span class=\"video-play\" aria-hidden=\"true\"></span><span class=\"video-label\">{}: {}{}</span></a>\n</div>\n<figcaption>{}</figcaption>\n",
        escape(&(words.play_on)(name)),
        escape(title),
        escape(dur_text),
        escape(&(words.privacy)(name))
    ));
}

/// A video file of the site: `<video>` with its poster and captions, its size, a link to
/// the transcript and a download link.
#[allow(clippy::too_many_arguments)]
fn self_hosted(
    html: &mut String,
    f: &Facts,
    src: &str,
    page_url: &str,
    lang: &str,
    n: usize,
    dur_text: &str,
    words: &Words,
) {
    let rel = |p: &str| escape(&route::relative(page_url, p));
    let kind = if f.webm { "video/webm" } else { "video/mp4" };
    let (w, h) = f
        .poster
        .as_ref()
        .and_then(|p| p.variants.last().copied())
        .unwrap_or((640, 360));
    html.push_str(&format!(
        "<video controls preload=\"none\" width=\"{w}\" height=\"{h}\""
    ));
    // The poster as WebP (about half the bytes of the JPEG, which stays for sharing: social
    // sites want JPEG). Browsers without WebP (Safari before 14) show the first frame's place
    // without a picture and still play the video.
    if let Some(stem) = f.poster.as_ref().and_then(|p| p.stems.last()) {
        html.push_str(&format!(" poster=\"{}\"", rel(&format!("{stem}.webp"))));
    }
    html.push_str(&format!(
        ">\n<source src=\"{}\" type=\"{kind}\">\n",
        rel(src)
    ));
    for c in &f.captions {
        let default = if c.lang == lang { " default" } else { "" };
        html.push_str(&format!(
            "<track kind=\"captions\" src=\"{}\" srclang=\"{}\" label=\"{}\"{default}>\n",
            rel(&c.path),
            c.lang,
            escape(&c.name)
        ));
    }
    html.push_str("</video>\n");
    let ext = if f.webm { "WebM" } else { "MP4" };
    html.push_str(&format!(
        "<figcaption>{}{} · {ext}, {}",
        escape(&f.video.title),
        escape(dur_text),
        human_size(f.bytes, lang)
    ));
    if f.transcript.is_some() {
        html.push_str(&format!(
            " · <a href=\"#transcript-{n}\">{}</a>",
            escape(&words.transcript)
        ));
    }
    html.push_str(&format!(
        " · <a href=\"{}\" download>{}</a></figcaption>\n",
        rel(src),
        escape(&words.download)
    ));
}

fn human_size(bytes: usize, lang: &str) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 {
        format!(
            "{} KB",
            crate::numfmt::format_number(kb.round(), lang, Some(0))
        )
    } else {
        format!(
            "{} MB",
            crate::numfmt::format_number(kb / 1024.0, lang, Some(1))
        )
    }
}
