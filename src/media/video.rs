//! Videos: the one-line `{{< video ... >}}` directive for YouTube, Vimeo and self-hosted files,
//! checked (sources, poster, captions, transcript) into facts; render writes their HTML.

use super::{Media, Picture};
use crate::diagnostics::{Mistake, Translatable, tr};
use std::collections::BTreeMap;

/// A directive written on a line of its own: `{{< name key="value" ... >}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The directive name (`video`).
    pub name: String,
    /// Its arguments.
    pub args: BTreeMap<String, String>,
}

/// Why a directive cannot be read: the English message and its catalogue id (the caller
/// adds the hint).
pub type Malformed = (String, Translatable);

/// Parse a paragraph's source as a directive. `None` when it is not one (it does not start
/// with `{{<` and end with `>}}`); `Some(Err)` when it looks like one but is malformed.
/// Values are taken literally; `\"` in a value written in `"` quotes (or `\'` in `'`) is the
/// quote itself.
pub fn parse_directive(text: &str) -> Option<Result<Directive, Malformed>> {
    let t = text.trim();
    let inner = t.strip_prefix("{{<")?.strip_suffix(">}}")?.trim();
    let (name, mut rest) = match inner.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (inner, ""),
    };
    let mut args = BTreeMap::new();
    while !rest.is_empty() {
        let Some((key, after)) = rest.split_once('=') else {
            return Some(Err((
                format!("`{rest}` should be written as key=\"value\""),
                tr("directive-pair", &[("text", rest)]),
            )));
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Some(Err((
                format!(
                    "`{key}` is not an attribute name: write key=\"value\" pairs separated by spaces"
                ),
                tr("directive-key", &[("key", key)]),
            )));
        }
        let after = after.trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            return Some(Err((
                format!("the value of `{key}` should be in quotes: {key}=\"...\""),
                tr("directive-quotes", &[("key", key)]),
            )));
        };
        let Some((value, next)) = quoted(&after[1..], q) else {
            return Some(Err((
                format!("the value of `{key}` has no closing quote"),
                tr("directive-unclosed-quote", &[("key", key)]),
            )));
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

/// A caption track of a self-hosted video.
#[derive(Debug, Clone)]
pub struct Caption {
    /// Language code.
    pub lang: String,
    /// Language name, for the track's label.
    pub name: String,
    /// Site path of the WebVTT file.
    pub path: String,
}

/// Everything known about one `video` directive, checked: what render needs to write it.
#[derive(Debug, Clone)]
pub struct Facts {
    /// What the page's metadata needs.
    pub video: Video,
    /// The poster image's sizes, if the video has a poster.
    pub poster: Option<Picture>,
    /// Self-hosted: the file's size in bytes.
    pub bytes: usize,
    /// Self-hosted: WebM rather than MP4.
    pub webm: bool,
    /// Self-hosted: captions in every language of the site.
    pub captions: Vec<Caption>,
    /// The transcript in the page's language (else the default language's), as Markdown.
    pub transcript: Option<String>,
    /// What the page's language lacks (captions, transcript) and is shown in the default
    /// language instead: warnings for the page.
    pub untranslated: Vec<Mistake>,
}

/// The video options an editor may write.
const KNOWN: [&str; 8] = [
    "youtube",
    "vimeo",
    "src",
    "title",
    "duration",
    "poster",
    "captions",
    "transcript",
];

fn hint_syntax() -> String {
    "write e.g. {{< video youtube=\"dQw4w9WgXcQ\" title=\"...\" duration=\"1:05\" poster=\"/images/poster.jpg\" >}}".to_string()
}

/// Check a `video` directive for a page in `lang` (`languages`: the site's languages as
/// code and name, for captions) and gather its facts; or the problem and a hint.
pub fn read(
    d: &Directive,
    media: &Media,
    lang: &str,
    languages: &[(String, String)],
) -> Result<Facts, Mistake> {
    if let Some(k) = d.args.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        let known = KNOWN.join(", ");
        return Err(Mistake::new(
            format!("the video option `{k}` is unknown"),
            format!("use: {known}"),
            tr("video-option", &[("option", k), ("known", &known)]),
        ));
    }
    let title = d
        .args
        .get("title")
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Mistake::new(
                "the video has no `title`",
                hint_syntax(),
                tr("video-title", &[]),
            )
        })?;
    let source = source(d, media)?;
    let duration = d.args.get("duration").cloned();
    if let Some(dur) = &duration
        && iso_duration(dur).is_none()
    {
        return Err(Mistake::new(
            format!("`{dur}` is not a duration"),
            "write minutes:seconds, e.g. duration=\"1:05\"",
            tr("video-duration", &[("value", dur)]),
        ));
    }
    let poster = match d.args.get("poster") {
        Some(p) => Some(media.picture(p, &[480, 960]).map_err(|e| {
            Mistake::new(
                e.to_string(),
                "put the poster image in static/ (JPEG, PNG or WebP)",
                e.tr("video-poster"),
            )
        })?),
        None => None,
    };
    let poster_jpg = poster
        .as_ref()
        .and_then(|pic| pic.stems.last().map(|s| format!("{s}.jpg")));
    let mut untranslated = Vec::new();
    let (bytes, webm, captions) = match &source {
        Source::File(src) => (
            media.file(src).map(|b| b.len()).unwrap_or(0),
            src.to_ascii_lowercase().ends_with(".webm"),
            captions(d, media, languages, lang, &mut untranslated)?,
        ),
        _ => (0, false, Vec::new()),
    };
    let transcript = transcript(d, media, lang, languages, &mut untranslated)?;
    Ok(Facts {
        video: Video {
            source,
            title,
            duration,
            poster: poster_jpg,
        },
        poster,
        bytes,
        webm,
        captions,
        transcript,
        untranslated,
    })
}

/// Where the video comes from: exactly one of `youtube`, `vimeo` or `src`, valid.
fn source(d: &Directive, media: &Media) -> Result<Source, Mistake> {
    match (
        d.args.get("youtube"),
        d.args.get("vimeo"),
        d.args.get("src"),
    ) {
        (Some(id), None, None) if valid_youtube(id) => Ok(Source::YouTube(id.clone())),
        (Some(id), None, None) => Err(Mistake::new(
            format!("`{id}` is not a YouTube video id"),
            "use the 11 characters after `v=` in the YouTube address",
            tr("video-youtube", &[("id", id)]),
        )),
        (None, Some(id), None) if valid_vimeo(id) => Ok(Source::Vimeo(id.clone())),
        (None, Some(id), None) => Err(Mistake::new(
            format!("`{id}` is not a Vimeo video id"),
            "use the number at the end of the Vimeo address",
            tr("video-vimeo", &[("id", id)]),
        )),
        (None, None, Some(src)) => {
            let lower = src.to_ascii_lowercase();
            if !(lower.ends_with(".mp4") || lower.ends_with(".webm")) {
                return Err(Mistake::new(
                    format!("`{src}` is not an MP4 or WebM file"),
                    "self-hosted videos are .mp4 or .webm files in static/",
                    tr("video-format", &[("src", src)]),
                ));
            }
            if media.file(src).is_none() {
                return Err(Mistake::new(
                    format!("the video file `{src}` does not exist"),
                    "put it in static/ and write its address from there, e.g. /videos/clip.mp4",
                    tr("video-missing", &[("src", src)]),
                ));
            }
            Ok(Source::File(format!("/{}", src.trim_start_matches('/'))))
        }
        (None, None, None) => Err(Mistake::new(
            "the video says neither `youtube`, `vimeo` nor `src`",
            hint_syntax(),
            tr("video-no-source", &[]),
        )),
        _ => Err(Mistake::new(
            "a video can have only one of `youtube`, `vimeo` or `src`",
            hint_syntax(),
            tr("video-sources", &[]),
        )),
    }
}

/// The caption files of a self-hosted video, one per language. The default language's
/// (the first) must exist; another language's may come later: its track is left out, and
/// a page in that language is told.
fn captions(
    d: &Directive,
    media: &Media,
    languages: &[(String, String)],
    lang: &str,
    untranslated: &mut Vec<Mistake>,
) -> Result<Vec<Caption>, Mistake> {
    let Some(base) = d.args.get("captions") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(languages.len());
    for (i, (code, name)) in languages.iter().enumerate() {
        let vtt = format!("{}.{code}.vtt", base.trim_end_matches(".vtt"));
        if media.file(&vtt).is_none() && i > 0 {
            if code == lang {
                untranslated.push(Mistake::new(
                    format!("the video has no captions in {name} ({code}) yet (`{vtt}`): readers see the other languages' captions"),
                    format!("add WebVTT captions in {name} as static{vtt}"),
                    tr("video-captions-later", &[("file", &vtt), ("language", name), ("code", code)]),
                ));
            }
            continue;
        }
        if media.file(&vtt).is_none() {
            return Err(Mistake::new(
                format!("the caption file `{vtt}` does not exist"),
                format!("add WebVTT captions in {name} as static{vtt}"),
                tr(
                    "video-captions",
                    &[("file", &vtt), ("language", name), ("code", code)],
                ),
            ));
        }
        out.push(Caption {
            lang: code.clone(),
            name: name.clone(),
            path: vtt,
        });
    }
    Ok(out)
}

/// The transcript in `lang` (`<base>.<lang>.md` in static/), which must exist when named;
/// in a language other than the default (the first of `languages`), the default language's
/// stands in until it is written, with a warning.
fn transcript(
    d: &Directive,
    media: &Media,
    lang: &str,
    languages: &[(String, String)],
    untranslated: &mut Vec<Mistake>,
) -> Result<Option<String>, Mistake> {
    let Some(base) = d.args.get("transcript") else {
        return Ok(None);
    };
    let base = base.trim_end_matches(".md");
    let file = format!("{base}.{lang}.md");
    let default = languages.first().filter(|(code, _)| code != lang);
    if let (None, Some((code, _))) = (media.file(&file), default) {
        let stand_in = format!("{base}.{code}.md");
        if let Some(text) = media.file(&stand_in) {
            let name = languages
                .iter()
                .find(|(c, _)| c == lang)
                .map_or(lang, |(_, n)| n.as_str());
            untranslated.push(Mistake::new(
                format!("the video's transcript is not in {name} ({lang}) yet (`{file}`): the page shows `{stand_in}`"),
                format!("write the transcript in {name} as static{file}"),
                tr("video-transcript-later", &[("file", &file), ("language", name), ("code", lang), ("stand_in", &stand_in)]),
            ));
            return Ok(Some(String::from_utf8_lossy(text).into_owned()));
        }
    }
    let text = media.file(&file).ok_or_else(|| {
        Mistake::new(
            format!("the transcript `{file}` does not exist"),
            format!("write the transcript as Markdown in static{file}"),
            tr("video-transcript", &[("file", &file)]),
        )
    })?;
    Ok(Some(String::from_utf8_lossy(text).into_owned()))
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
                .unwrap_err()
                .0,
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
