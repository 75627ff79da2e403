//! Routes: URLs of pages (default language at `/`, others under `/<code>/`) and relative links between them.

use super::{Kind, Page, slug_part};
use crate::config::Config;
use crate::diagnostics::Diagnostic;

/// The site URL of a page: `/services/medical-care/` or `/en/services/medical-care/`.
pub fn page_url(page: &Page, config: &Config) -> Result<String, Diagnostic> {
    let mut url = config.lang_prefix(&page.lang);
    if page.kind == Kind::Home {
        return Ok(url);
    }
    let parts: Vec<&str> = page.key.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let slug = if last {
            if let Some(s) = &page.front.slug {
                let line = page.front.key_lines.get("slug").copied().unwrap_or(1);
                match slug_part(s) {
                    Some(v) => v,
                    None => {
                        return Err(Diagnostic::error(
                            "empty-slug",
                            format!("the slug `{s}` leaves nothing usable for an address"),
                        )
                        .in_file(&page.file)
                        .at_line(line)
                        .with_source(&page.text)
                        .with_hint("use letters or digits, e.g. `slug: medical-care`")
                        .tr("empty-slug", &[("slug", s)]));
                    }
                }
            } else {
                slug_part(part).ok_or_else(|| empty_part(page, part))?
            }
        } else {
            slug_part(part).ok_or_else(|| empty_part(page, part))?
        };
        url.push_str(&slug);
        url.push('/');
    }
    Ok(url)
}

fn empty_part(page: &Page, part: &str) -> Diagnostic {
    Diagnostic::error(
        "empty-slug",
        format!("the name `{part}` leaves nothing usable for an address"),
    )
    .in_file(&page.file)
    .at_line(1)
    .with_hint(
        "rename the file or folder with letters or digits, or set `slug:` in the front matter",
    )
    .tr("empty-name", &[("name", part)])
}

/// The relative URL from the page at site path `from` (a folder, ending in `/`, or a file)
/// to site path `to`. `/en/a/` → `/en/b/c/` is `../b/c/`.
pub fn relative(from: &str, to: &str) -> String {
    let from_dir = match from.rfind('/') {
        Some(i) => &from[..=i],
        None => "/",
    };
    let (to_path, suffix) = match to.find(['#', '?']) {
        Some(i) => (&to[..i], &to[i..]),
        None => (to, ""),
    };
    let f: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to_path.split('/').filter(|s| !s.is_empty()).collect();
    let to_is_dir = to_path.ends_with('/');
    let mut common = 0;
    while common < f.len() && common < t.len() && f[common] == t[common] {
        // The last part of a file target cannot be shared as a folder.
        if common + 1 == t.len() && !to_is_dir {
            break;
        }
        common += 1;
    }
    let mut out = "../".repeat(f.len() - common);
    out.push_str(&t[common..].join("/"));
    if to_is_dir && common < t.len() {
        out.push('/');
    }
    if out.is_empty() {
        out.push_str("./");
    }
    out.push_str(suffix);
    out
}

/// [`relative`], for a site read from disk when `portable` (`build --portable`): a link to
/// a folder names its `index.html`, which a browser opening `file://` does not add by itself.
/// `/en/a/` → `/en/b/#x` is `../b/index.html#x`.
pub fn link(from: &str, to: &str, portable: bool) -> String {
    let rel = relative(from, to);
    if !portable {
        return rel;
    }
    let (path, suffix) = match rel.find(['#', '?']) {
        Some(i) => rel.split_at(i),
        None => (rel.as_str(), ""),
    };
    match path {
        "./" | "" => format!("index.html{suffix}"),
        p if p.ends_with('/') => format!("{p}index.html{suffix}"),
        p => format!("{p}{suffix}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{link, relative};

    #[test]
    fn portable_links_name_index_html() {
        assert_eq!(link("/en/a/", "/en/b/#x", true), "../b/index.html#x");
        assert_eq!(link("/a/", "/a/#top", true), "index.html#top");
        assert_eq!(link("/a/", "/a/", true), "index.html");
        assert_eq!(link("/a/", "/style.css", true), "../style.css");
        assert_eq!(link("/a/", "/b/?q=1", true), "../b/index.html?q=1");
        assert_eq!(link("/a/", "/b/", false), "../b/");
    }

    #[test]
    fn relative_urls() {
        assert_eq!(relative("/en/a/", "/en/b/c/"), "../b/c/");
        assert_eq!(relative("/", "/services/"), "services/");
        assert_eq!(relative("/services/x/", "/"), "../../");
        assert_eq!(relative("/en/", "/en/"), "./");
        assert_eq!(relative("/en/a/", "/style.css"), "../../style.css");
        assert_eq!(relative("/a/", "/a/b/#x"), "b/#x");
        assert_eq!(relative("/a/", "/a/#top"), "./#top");
        assert_eq!(relative("/404.html", "/style.css"), "style.css");
    }
}
