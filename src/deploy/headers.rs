//! The `Content-Type` and `Cache-Control` a published file gets: content-hashed assets
//! (`style.3f2a1c9e07.css`) are kept by browsers for a year, pages and feeds for minutes,
//! and the offline worker is always checked again.

/// Kept for a year and never asked again: the name changes when the content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Pages, feeds, the sitemap: a few minutes.
pub const SHORT: &str = "public, max-age=300";
/// Other files (pictures, videos, plain-named scripts): an hour.
pub const MEDIUM: &str = "public, max-age=3600";
/// The offline worker and the deploy manifest: asked again every time.
pub const NO_CACHE: &str = "no-cache";

/// The `Content-Type` of a file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    crate::serve::paths::mime(path)
}

/// The `Cache-Control` of a file.
pub fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == "sw.js" || name == super::manifest::NAME {
        NO_CACHE
    } else if is_hashed(name) {
        IMMUTABLE
    } else if [".html", ".xml", ".json", ".webmanifest", ".txt"]
        .iter()
        .any(|x| name.ends_with(x))
    {
        SHORT
    } else {
        MEDIUM
    }
}

/// `name.<8 to 16 hex digits>.ext`, the build's content-hashed names.
fn is_hashed(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts.get(parts.len() - 2).is_some_and(|h| {
            (8..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caching_by_name() {
        assert_eq!(cache_control("style.cb19976f0e.css"), IMMUTABLE);
        assert_eq!(cache_control("style.css"), MEDIUM);
        assert_eq!(cache_control("en/index.html"), SHORT);
        assert_eq!(cache_control("sw.js"), NO_CACHE);
        assert_eq!(cache_control("images/a.jpg"), MEDIUM);
        assert_eq!(content_type("en/index.html"), "text/html; charset=utf-8");
    }
}
