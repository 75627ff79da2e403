//! Videos: the one-line `{{< video ... >}}` directive for YouTube, Vimeo and self-hosted files,
//! as click-to-load placeholders or `<video>` with captions, plus transcripts.

use super::{Media, picture_html};
use crate::html::escape;
use crate::model::route;
use std::collections::BTreeMap;

/// A directive written on a line of its own: `{{< name key="value" ... >}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The directive name (`video`).
    pub name: String,
    /// Its arguments.
    pub args: BTreeMap<String, String>,
}

/// Parse a paragraph's source as a directive. `None` when it is not one (it does not start
/// with `{{<` and end with `>}}`); `Some(Err)` when it looks like one but is malformed.
/// Values are taken literally; `\"` in a value written in `"` quotes (or `\'` in `'`) is the
/// quote itself.
pub fn parse_directive(text: &str) -> Option<Result<Directive, String>> {
    let t = text.trim();
    let inner = t.strip_prefix("{{<")?.strip_suffix(">}}")?.trim();
    let (name, mut rest) = match inner.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (inner, ""),
    };
    let mut args = BTreeMap::new();
    while !rest.is_empty() {
        let Some((key, after)) = rest.split_once('=') else {
            return Some(Err(format!("`{rest}` should be written as key=\"value\"")));
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Some(Err(format!(
                "`{key}` is not an attribute name: write key=\"value\" pairs separated by spaces"
            )));
        }
        let after = after.trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            return Some(Err(format!(
                "the value of `{key}` should be in quotes: {key}=\"...\""
            )));
        };
        let Some((value, next)) = quoted(&after[1..], q) else {
            return Some(Err(format!("the value of `{key}` has no closing quote")));
        };
        args.insert(key.to_string(), value);
        rest = next.trim_start();
    }
    Some(Ok(Directive {
        name: name.to_string(),
        args,
    }))
}

/// The text up to the closing quote `q` (with `\q` standing for `q`), and what follows it.
fn quoted(text: &str, q: char) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|&(_, n)| n == q) {
            value.push(q);
            chars.next();
        } else if c == q {
            return Some((value, &text[i + c.len_utf8()..]));
        } else {
            value.push(c);
        }
    }
    None
}

/// Where a video comes from, with a validated id or path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A YouTube video id (11 characters).
    YouTube(String),
    /// A Vimeo video id (digits).
    Vimeo(String),
    /// A file of this site (`/videos/x.mp4`).
    File(String),
}

/// What the page and its metadata need to know about an embedded video.
#[derive(Debug, Clone)]
pub struct Video {
    /// Source.
    pub source: Source,
    /// Title.
    pub title: String,
    /// Duration as written (`1:05`), if given.
    pub duration: Option<String>,
    /// Site path of the poster image (a resized JPEG), if any.
    pub poster: Option<String>,
}

/// Interface strings the video HTML needs, already in the page's language.
pub struct Words {
    /// "Play video on {provider}".
    pub play_on: Box<dyn Fn(&str) -> String + Sync>,
    /// "The video loads from {provider} only when you press play."
    pub privacy: Box<dyn Fn(&str) -> String + Sync>,
    /// "Transcript".
    pub transcript: String,
    /// "Download".
    pub download: String,
    /// Language names by code.
    pub languages: Vec<(String, String)>,
}

/// ISO 8601 duration (`PT1M5S`) from `1:05` or `1:02:03`.
pub fn iso_duration(d: &str) -> Option<String> {
    let parts: Vec<u32> = d
        .split(':')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<Vec<_>>>()?;
    let (h, m, s) = match parts.as_slice() {
        [m, s] => (0, *m, *s),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    (s < 60 && (parts.len() == 2 || m < 60)).then(|| {
        format!(
            "PT{}{}M{}S",
            if h > 0 {
                format!("{h}H")
            } else {
                String::new()
            },
            m,
            s
        )
    })
}

fn valid_youtube(id: &str) -> bool {
    id.len() == 11
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn valid_vimeo(id: &str) -> bool {
    (5..=12).contains(&id.len()) && id.chars().all(|c| c.is_ascii_digit())
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

/// Render a `video` directive for a page in `lang` at site path `page_url`. `n` numbers the
/// videos of the page (for transcript anchors). Returns the HTML and the video's facts.
pub fn render(
    d: &Directive,
    media: &Media,
    lang: &str,
    page_url: &str,
    n: usize,
    words: &Words,
) -> Result<(String, Video), (String, String)> {
    let hint_syntax = "write e.g. {{< video youtube=\"dQw4w9WgXcQ\" title=\"...\" duration=\"1:05\" poster=\"/images/poster.jpg\" >}}".to_string();
    let known = [
        "youtube",
        "vimeo",
        "src",
        "title",
        "duration",
        "poster",
        "captions",
        "transcript",
    ];
    if let Some(k) = d.args.keys().find(|k| !known.contains(&k.as_str())) {
        return Err((
            format!("the video option `{k}` is unknown"),
            format!("use: {}", known.join(", ")),
        ));
    }
    let title = d
        .args
        .get("title")
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ("the video has no `title`".to_string(), hint_syntax.clone()))?;
    let source = match (
        d.args.get("youtube"),
        d.args.get("vimeo"),
        d.args.get("src"),
    ) {
        (Some(id), None, None) if valid_youtube(id) => Source::YouTube(id.clone()),
        (Some(id), None, None) => {
            return Err((
                format!("`{id}` is not a YouTube video id"),
                "use the 11 characters after `v=` in the YouTube address".into(),
            ));
        }
        (None, Some(id), None) if valid_vimeo(id) => Source::Vimeo(id.clone()),
        (None, Some(id), None) => {
            return Err((
                format!("`{id}` is not a Vimeo video id"),
                "use the number at the end of the Vimeo address".into(),
            ));
        }
        (None, None, Some(src)) => {
            let lower = src.to_ascii_lowercase();
            if !(lower.ends_with(".mp4") || lower.ends_with(".webm")) {
                return Err((
                    format!("`{src}` is not an MP4 or WebM file"),
                    "self-hosted videos are .mp4 or .webm files in static/".into(),
                ));
            }
            if media.file(src).is_none() {
                return Err((
                    format!("the video file `{src}` does not exist"),
                    "put it in static/ and write its address from there, e.g. /videos/clip.mp4"
                        .into(),
                ));
            }
            Source::File(format!("/{}", src.trim_start_matches('/')))
        }
        (None, None, None) => {
            return Err((
                "the video says neither `youtube`, `vimeo` nor `src`".into(),
                hint_syntax,
            ));
        }
        _ => {
            return Err((
                "a video can have only one of `youtube`, `vimeo` or `src`".into(),
                hint_syntax,
            ));
        }
    };
    let duration = d.args.get("duration").cloned();
    if let Some(dur) = &duration
        && iso_duration(dur).is_none()
    {
        return Err((
            format!("`{dur}` is not a duration"),
            "write minutes:seconds, e.g. duration=\"1:05\"".into(),
        ));
    }
    let poster_pic = match d.args.get("poster") {
        Some(p) => Some((
            p.clone(),
            media.picture(p, &[480, 960]).map_err(|e| {
                (
                    e,
                    "put the poster image in static/ (JPEG, PNG or WebP)".to_string(),
                )
            })?,
        )),
        None => None,
    };
    let poster_jpg = poster_pic
        .as_ref()
        .and_then(|(_, pic)| pic.stems.last().map(|s| format!("{s}.jpg")));
    let rel = |p: &str| escape(&route::relative(page_url, p));
    let dur_text = duration
        .as_ref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let mut html = String::from("<figure class=\"video\">\n");
    match &source {
        Source::YouTube(id) | Source::Vimeo(id) => {
            let (provider, name, watch) = match &source {
                Source::YouTube(_) => (
                    "youtube",
                    "YouTube",
                    format!("https://www.youtube.com/watch?v={id}"),
                ),
                _ => ("vimeo", "Vimeo", format!("https://vimeo.com/{id}")),
            };
            html.push_str(&format!(
                "<div class=\"video-facade\" data-provider=\"{provider}\" data-id=\"{id}\" data-lang=\"{lang}\" data-title=\"{}\">\n<a class=\"video-link\" href=\"{watch}\">",
                escape(&title)
            ));
            match &poster_pic {
                Some((_, pic)) => html.push_str(&picture_html(
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
                escape(&title),
                escape(&dur_text),
                escape(&(words.privacy)(name))
            ));
        }
        Source::File(src) => {
            let bytes = media.file(src).map(|b| b.len()).unwrap_or(0);
            let kind = if src.to_ascii_lowercase().ends_with(".webm") {
                "video/webm"
            } else {
                "video/mp4"
            };
            let (w, h) = poster_pic
                .as_ref()
                .and_then(|(_, p)| p.variants.last().copied())
                .unwrap_or((640, 360));
            html.push_str(&format!(
                "<video controls preload=\"none\" width=\"{w}\" height=\"{h}\""
            ));
            if let Some(p) = &poster_jpg {
                html.push_str(&format!(" poster=\"{}\"", rel(p)));
            }
            html.push_str(&format!(
                ">\n<source src=\"{}\" type=\"{kind}\">\n",
                rel(src)
            ));
            if let Some(base) = d.args.get("captions") {
                for (code, name) in &words.languages {
                    let vtt = format!("{}.{code}.vtt", base.trim_end_matches(".vtt"));
                    if media.file(&vtt).is_none() {
                        return Err((
                            format!("the caption file `{vtt}` does not exist"),
                            format!("add WebVTT captions in {name} as static{vtt}"),
                        ));
                    }
                    let default = if code == lang { " default" } else { "" };
                    html.push_str(&format!("<track kind=\"captions\" src=\"{}\" srclang=\"{code}\" label=\"{}\"{default}>\n", rel(&vtt), escape(name)));
                }
            }
            html.push_str("</video>\n");
            let ext = if kind == "video/webm" { "WebM" } else { "MP4" };
            html.push_str(&format!(
                "<figcaption>{}{} · {ext}, {}",
                escape(&title),
                escape(&dur_text),
                human_size(bytes, lang)
            ));
            if d.args.contains_key("transcript") {
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
    }
    html.push_str("</figure>\n");
    if let Some(base) = d.args.get("transcript") {
        let file = format!("{}.{lang}.md", base.trim_end_matches(".md"));
        let text = media.file(&file).ok_or_else(|| {
            (
                format!("the transcript `{file}` does not exist"),
                format!("write the transcript as Markdown in static{file}"),
            )
        })?;
        let text = String::from_utf8_lossy(text);
        let mut body = String::new();
        pulldown_cmark::html::push_html(&mut body, pulldown_cmark::Parser::new(&text));
        html.push_str(&format!("<details class=\"transcript\" id=\"transcript-{n}\"><summary>{}: {}</summary>\n{body}</details>\n", escape(&words.transcript), escape(&title)));
    }
    Ok((
        html,
        Video {
            source,
            title,
            duration,
            poster: poster_jpg,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_parse_with_quotes_and_report_mistakes() {
        let d = parse_directive(r#"{{< video youtube="dQw4w9WgXcQ" title='A "quoted" title' >}}"#)
            .unwrap()
            .unwrap();
        assert_eq!(d.name, "video");
        assert_eq!(d.args["title"], "A \"quoted\" title");
        assert!(parse_directive("plain text").is_none());
        assert_eq!(
            parse_directive("{{< video title=x >}}")
                .unwrap()
                .unwrap_err(),
            "the value of `title` should be in quotes: title=\"...\""
        );
    }

    #[test]
    fn directive_values_hold_any_text() {
        let d = parse_directive(
            r#"{{< video src="/v.mp4" title="*x* `y` <b>z</b> [a](/b/) >}} \"q\" ფ" >}}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(d.args["title"], r#"*x* `y` <b>z</b> [a](/b/) >}} "q" ფ"#);
        assert_eq!(d.args["src"], "/v.mp4");
        for bad in [
            r#"{{< video ="x" >}}"#,
            r#"{{< video *t*="x" >}}"#,
            r#"{{< video title="x >}}"#,
            r#"{{< video title >}}"#,
        ] {
            assert!(matches!(parse_directive(bad), Some(Err(_))), "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(iso_duration("1:05").as_deref(), Some("PT1M5S"));
        assert_eq!(iso_duration("1:02:03").as_deref(), Some("PT1H2M3S"));
        assert_eq!(iso_duration("1:75"), None);
    }
}
