//! Internal links: resolve site paths and file paths written in Markdown to pages, files and generated routes.

use crate::diagnostics::Diagnostic;
use crate::model::{Kind, Page, Route, Site, route};
use std::collections::HashSet;

/// Everything a link may point to.
pub struct LinkTable<'a> {
    /// The site model.
    pub site: &'a Site,
    /// Output paths of static files and content assets (`videos/x.mp4`).
    pub files: &'a HashSet<String>,
    /// Images and other files, for responsive images and videos.
    pub media: &'a crate::media::Media,
    /// Interface words for video HTML, by language.
    pub words: &'a std::collections::HashMap<String, crate::render::video_html::Words>,
}

/// A link's target: its site URL, and a note to the editor when it leads to another
/// language's version.
type Found = (String, Option<Diagnostic>);

/// Where a link goes.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Target {
    /// Another site, `mailto:`, `tel:`: left as written.
    External,
    /// A page or file of this site.
    Internal {
        /// Site URL of the target (without the anchor).
        url: String,
        /// The anchor (`#...`), when one is given and points at a page.
        anchor: Option<String>,
        /// The URL to write, relative to the linking page.
        relative: String,
        /// A warning to pass on (e.g. the target exists only in another language).
        note: Option<Diagnostic>,
    },
}

fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !dest[..i].contains('/')
        }
        None => false,
    }
}

/// Join `rel` onto folder `base` (both with `/`), resolving `.` and `..`. `None` if it climbs out.
fn join(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

impl LinkTable<'_> {
    /// Resolve a link written in `page`.
    pub fn resolve(&self, dest: &str, page: &Page) -> Result<Target, Diagnostic> {
        if let Some(d) = script_link(dest) {
            return Err(d);
        }
        let dest = dest.trim();
        if dest.is_empty() {
            return Err(Diagnostic::error("empty-link", "a link has no address")
                .with_hint("write the address between the brackets: [text](/services/)")
                .tr("empty-link", &[]));
        }
        if is_external(dest) {
            return Ok(Target::External);
        }
        let (path, frag) = match dest.find('#') {
            Some(i) => (&dest[..i], Some(anchor_id(&dest[i + 1..]))),
            None => (dest, None),
        };
        let (path, query) = match path.find('?') {
            Some(i) => (&path[..i], &path[i..]),
            None => (path, ""),
        };
        let path = percent_decode(path);
        if path.is_empty() {
            // `#anchor` on the same page.
            let relative = match &frag {
                Some(f) => format!("#{f}"),
                None => dest.to_string(),
            };
            return Ok(Target::Internal {
                url: page.url.clone(),
                anchor: frag.filter(|f| !f.is_empty()),
                relative,
                note: None,
            });
        }
        let (url, note) = if path.ends_with(".md") {
            self.file_path(&path, page, dest)?
        } else {
            self.site_path(&path, page, dest)?
        };
        let is_page = url.ends_with('/');
        let target = match (&frag, query.is_empty()) {
            (Some(f), _) => format!("{url}{query}#{f}"),
            (None, true) => url.clone(),
            (None, false) => format!("{url}{query}"),
        };
        Ok(Target::Internal {
            relative: route::link(&page.url, &target, self.site.config.portable),
            anchor: frag.filter(|f| is_page && !f.is_empty()),
            url,
            note,
        })
    }

    /// A link written as a file path: relative to this file's folder, else to content/.
    fn file_path(&self, path: &str, page: &Page, dest: &str) -> Result<Found, Diagnostic> {
        let cfg = &self.site.config;
        let file_dir = page.file.strip_prefix("content/").unwrap_or(&page.file);
        let file_dir = file_dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        let candidates = if let Some(abs) = path.strip_prefix('/') {
            vec![join("", abs.strip_prefix("content/").unwrap_or(abs))]
        } else {
            vec![join(file_dir, path), join("", path)]
        };
        for c in candidates.into_iter().flatten() {
            let stem = c.trim_end_matches(".md");
            let key = match stem.rsplit_once('.') {
                Some((k, l)) if cfg.has_lang(l) => k,
                _ => stem,
            };
            let key = if key == "_index" {
                ""
            } else {
                key.strip_suffix("/_index").unwrap_or(key)
            };
            if let Some(r) = self.page_in(key, &page.lang, dest) {
                return Ok(r);
            }
        }
        Err(not_found(dest))
    }

    /// A link written as a site path, or a path relative to this page's address, or a file
    /// beside the Markdown file (`photo.jpg` next to `content/news/x.ka.md`). An explicit
    /// language prefix (`/en/...`) picks that language.
    fn site_path(&self, path: &str, page: &Page, dest: &str) -> Result<Found, Diagnostic> {
        let cfg = &self.site.config;
        let beside = (!path.starts_with('/'))
            .then(|| {
                let file_dir = page.file.strip_prefix("content/").unwrap_or(&page.file);
                join(
                    file_dir.rsplit_once('/').map(|(d, _)| d).unwrap_or(""),
                    path,
                )
            })
            .flatten()
            .filter(|p| self.files.contains(p.as_str()));
        let abs = if let Some(b) = beside {
            format!("/{b}")
        } else if path.starts_with('/') {
            path.to_string()
        } else {
            match join(&page.url, path) {
                Some(j) => format!("/{j}{}", if path.ends_with('/') { "/" } else { "" }),
                None => return Err(not_found(dest)),
            }
        };
        let trimmed = abs.trim_matches('/');
        let mut lang = page.lang.clone();
        let mut key_path = trimmed.to_string();
        if let Some((first, rest)) = trimmed.split_once('/').or(Some((trimmed, "")))
            && first != cfg.default_lang()
            && cfg.has_lang(first)
        {
            lang = first.to_string();
            key_path = rest.to_string();
        }
        let prefix = cfg.lang_prefix(&lang);
        let as_url = if key_path.is_empty() {
            prefix.clone()
        } else {
            format!("{prefix}{key_path}/")
        };
        let route = self.site.by_url.get(&as_url).copied();
        if let Some(Route::Page(i)) = route {
            Ok((self.site.pages[i].url.clone(), None))
        } else if let Some(r) = self.page_in(&key_path, &lang, dest) {
            Ok(r)
        } else if route == Some(Route::SelfCheck) {
            Ok((as_url, None))
        } else if self.files.contains(trimmed) {
            Ok((format!("/{trimmed}"), None))
        } else {
            Err(not_found(dest))
        }
    }

    /// The page of `key` in `lang`, or in another language with a warning.
    fn page_in(&self, key: &str, lang: &str, dest: &str) -> Option<Found> {
        if let Some(p) = self.site.page(key, lang) {
            return Some((p.url.clone(), None));
        }
        for l in &self.site.config.languages {
            if let Some(p) = self.site.page(key, &l.code) {
                if p.kind == Kind::Home && key.is_empty() {
                    continue;
                }
                let note = Diagnostic::warning(
                    "link-other-language",
                    format!(
                        "`{dest}` exists only in {} for now, so the link goes to that version",
                        l.name
                    ),
                )
                .with_hint(format!("translate {} into this page's language", p.file))
                .tr(
                    "link-other-language",
                    &[
                        ("dest", dest),
                        ("language", &l.name),
                        ("code", &l.code),
                        ("file", &p.file),
                        ("from", lang),
                        (
                            "from_name",
                            &self
                                .site
                                .config
                                .languages
                                .iter()
                                .find(|x| x.code == lang)
                                .map_or_else(|| lang.to_string(), |x| x.name.clone()),
                        ),
                    ],
                );
                return Some((p.url.clone(), Some(note)));
            }
        }
        None
    }
}

/// The anchor as the heading ids are made: Georgian (or any non-ASCII) anchors written
/// by editors are romanised like the headings themselves (`#ვინ-იღებს` → `#vin-ighebs`).
fn anchor_id(raw: &str) -> String {
    let decoded = percent_decode(raw);
    if decoded.is_ascii() {
        decoded
    } else {
        crate::slug::slugify(&decoded)
    }
}

fn not_found(dest: &str) -> Diagnostic {
    Diagnostic::error("broken-link", format!("the link `{dest}` points to a page that does not exist"))
        .with_hint("write site addresses like `/services/medical-care/` or file paths like `services/medical-care.en.md`; check the spelling")
        .tr("broken-link", &[("dest", dest)])
}

/// Decode `%XX` escapes (for links to Georgian file names). Works on bytes, so a `%`
/// followed by a non-ASCII letter (`50%-ფასდაკლება`) stays as written.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(&[hi, lo]) = bytes.get(i + 1..i + 3)
            && let (Some(hi), Some(lo)) = (hex_digit(hi), hex_digit(lo))
        {
            out.push(hi << 4 | lo);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The scheme of an address as a browser reads it: leading spaces and control characters
/// dropped, tabs and line breaks anywhere removed, in lower case (`" JaVa\tScript:x"` →
/// `javascript`). Empty when there is none.
fn browser_scheme(dest: &str) -> String {
    let rest = dest.trim_start_matches(|c: char| c <= ' ');
    let mut scheme = String::new();
    for c in rest.chars() {
        match c {
            '\t' | '\n' | '\r' => {}
            ':' => return scheme,
            c if c.is_ascii_alphanumeric() || "+-.".contains(c) => {
                scheme.push(c.to_ascii_lowercase());
            }
            _ => break,
        }
    }
    String::new()
}

/// A `javascript:` or `vbscript:` address: it would run code when a reader clicks it.
pub fn script_link(dest: &str) -> Option<Diagnostic> {
    let scheme = browser_scheme(dest);
    if scheme != "javascript" && scheme != "vbscript" {
        return None;
    }
    Some(
        Diagnostic::error(
            "script-link",
            format!("the address `{scheme}:...` would run a program in the reader's browser"),
        )
        .with_hint("link to a page or a web address (https://...) instead; a site's pages never need script addresses")
        .tr("script-link", &[("scheme", &scheme)]),
    )
}

/// A warning for a `data:` link: the whole target is written into the address.
pub fn data_link(dest: &str) -> Option<Diagnostic> {
    (browser_scheme(dest) == "data").then(|| {
        Diagnostic::warning(
            "data-link",
            "the link is a `data:` address: the file it opens is written into the page itself",
        )
        .with_hint(
            "put the file in static/ or beside the page and link to it, or link to a web address",
        )
        .tr("data-link", &[])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_detection() {
        assert!(is_external("https://x.ge"));
        assert!(is_external("mailto:a@b.ge"));
        assert!(is_external("tel:+995"));
        assert!(!is_external("/services/"));
        assert!(!is_external("services/a.en.md"));
    }

    #[test]
    fn joins_paths() {
        assert_eq!(join("services", "../about.md"), Some("about.md".into()));
        assert_eq!(join("", "../x"), None);
        assert_eq!(percent_decode("/%E1%83%90/"), "/ა/");
    }

    #[test]
    fn percent_signs_before_non_ascii_text_stay_as_written() {
        assert_eq!(
            percent_decode("/news/50%-ფასდაკლება/"),
            "/news/50%-ფასდაკლება/"
        );
        assert_eq!(percent_decode("50%ფ"), "50%ფ");
        assert_eq!(percent_decode("%ფ%"), "%ფ%");
        assert_eq!(percent_decode("a%4"), "a%4");
        assert_eq!(percent_decode("a%41"), "aA");
        assert_eq!(percent_decode("%+1"), "%+1");
    }

    #[test]
    fn script_addresses_are_found_as_browsers_read_them() {
        for dest in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "\u{1}\u{8}javascript:x",
            "java\tscript:x",
            "java\nscript:x",
            "vbscript:msgbox",
            "VBScript:x",
        ] {
            assert!(script_link(dest).is_some(), "{dest:?}");
        }
        for dest in [
            "/javascript:x/",
            "javascripts:x",
            "https://x.ge/javascript:",
            "x javascript:",
        ] {
            assert!(script_link(dest).is_none(), "{dest:?}");
        }
        assert!(data_link(" DATA:text/html,x").is_some());
        assert!(data_link("/data:x").is_none());
    }
}
