//! Request paths → output files, and MIME types: pure functions, strict about anything odd.
//!
//! The site is served from memory, so a path can only ever name a file of the output; still,
//! every request path is decoded and checked segment by segment, and anything that smells of
//! traversal or ambiguity (`..`, `.`, encoded slashes or backslashes, empty segments, control
//! characters, bad percent-encoding) is refused instead of being "cleaned up".

/// What a request path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file of the output, by its key (`x/index.html`, `style.css`).
    File(String),
    /// A path without a trailing slash: the file itself if it exists, else the folder
    /// (`x` → redirect to `x/` when `x/index.html` exists).
    FileOrFolder(String),
}

/// Why a path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Malformed: bad percent-encoding, an encoded `/` or `\`, a backslash, a control character.
    BadRequest,
    /// Could only mean something outside the site (`.` or `..` segments, `//`).
    NotFound,
}

/// Map a raw (still percent-encoded) request path to a [`Target`].
pub fn resolve(raw: &str) -> Result<Target, Refused> {
    let rest = raw.strip_prefix('/').ok_or(Refused::BadRequest)?;
    if rest.is_empty() {
        return Ok(Target::File("index.html".into()));
    }
    let (body, folder) = match rest.strip_suffix('/') {
        Some(body) => (body, true),
        None => (rest, false),
    };
    let mut segments = Vec::new();
    for raw_segment in body.split('/') {
        if raw_segment.contains('\\') {
            return Err(Refused::BadRequest);
        }
        let segment = percent_decode(raw_segment).ok_or(Refused::BadRequest)?;
        if segment
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
        {
            return Err(Refused::BadRequest);
        }
        if segment.is_empty() || segment == "." || segment == ".." {
            return Err(Refused::NotFound);
        }
        segments.push(segment);
    }
    let key = segments.join("/");
    Ok(if folder {
        Target::File(format!("{key}/index.html"))
    } else {
        Target::FileOrFolder(key)
    })
}

/// Decode `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_string());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` for an output file, by its extension (`application/octet-stream`
/// for unknown ones; browsers are told not to sniff).
pub fn mime(key: &str) -> &'static str {
    let name = key.rsplit('/').next().unwrap_or(key);
    let ext = match name.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => return "application/octet-stream",
    };
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml; charset=utf-8",
        "rss" => "application/rss+xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "vtt" => "text/vtt; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "mp4" | "m4v" => "video/mp4",
        "webm" => "video/webm",
        "ogv" => "video/ogg",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" => "audio/ogg",
        "wav" => "audio/wav",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Whether a MIME type is an HTML page (gets the reload script and the error overlay).
pub fn is_html(mime: &str) -> bool {
    mime.starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(s: &str) -> Result<Target, Refused> {
        Ok(Target::File(s.into()))
    }

    #[test]
    fn pretty_urls_and_files() {
        assert_eq!(resolve("/"), file("index.html"));
        assert_eq!(resolve("/en/"), file("en/index.html"));
        assert_eq!(resolve("/en/news/"), file("en/news/index.html"));
        assert_eq!(
            resolve("/style.css"),
            Ok(Target::FileOrFolder("style.css".into()))
        );
        assert_eq!(resolve("/en"), Ok(Target::FileOrFolder("en".into())));
        assert_eq!(
            resolve("/%E1%83%90.pdf"),
            Ok(Target::FileOrFolder("ა.pdf".into()))
        );
        assert_eq!(
            resolve("/a%20b/"),
            file("a b/index.html"),
            "encoded spaces are fine"
        );
        assert_eq!(
            resolve("/.well-known/x"),
            Ok(Target::FileOrFolder(".well-known/x".into()))
        );
    }

    #[test]
    fn traversal_and_odd_paths_are_refused() {
        for p in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/%2E%2E/site.yaml",
            "/static/../../etc/passwd",
            "/./index.html",
            "/a/./b",
            "//etc/passwd",
            "/a//b",
            "/..",
            "/../",
        ] {
            assert_eq!(resolve(p), Err(Refused::NotFound), "{p}");
        }
        for p in [
            "/..%2fsite.yaml",
            "/..%2Fsite.yaml",
            "/%5c..%5csite.yaml",
            "/..\\site.yaml",
            "/a%00b",
            "/a%0ab",
            "/%zz",
            "/%e",
            "/%ff",
            "relative",
            "",
        ] {
            assert_eq!(resolve(p), Err(Refused::BadRequest), "{p}");
        }
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime("x/index.html"), "text/html; charset=utf-8");
        assert_eq!(mime("style.CSS"), "text/css; charset=utf-8");
        assert_eq!(mime("events/a.ics"), "text/calendar; charset=utf-8");
        assert_eq!(mime("v/clip.mp4"), "video/mp4");
        assert_eq!(mime("v/clip.vtt"), "text/vtt; charset=utf-8");
        assert_eq!(mime("fonts/a.woff2"), "font/woff2");
        assert_eq!(mime("favicon.svg"), "image/svg+xml");
        assert_eq!(mime("CNAME"), "application/octet-stream");
        assert_eq!(mime(".hidden"), "application/octet-stream");
        assert!(is_html(mime("a.htm")));
        assert!(!is_html(mime("a.xml")));
    }
}
