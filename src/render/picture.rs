//! `<picture>` HTML for a content image: WebP and JPEG sizes, relative to the page.

use crate::media::Picture;
use crate::model::route;

/// `<picture>` HTML for a content image, with URLs relative to the page at `from`.
pub fn picture_html(pic: &Picture, alt: &str, from: &str, sizes: &str) -> String {
    let esc = crate::html::escape;
    let set = |ext: &str| {
        pic.stems
            .iter()
            .zip(&pic.variants)
            .map(|(s, (w, _))| format!("{} {w}w", route::relative(from, &format!("{s}.{ext}"))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (w, h) = pic.variants.last().copied().unwrap_or((1, 1));
    let mid = pic.stems.len().saturating_sub(1).min(1);
    let fallback = route::relative(
        from,
        &format!("{}.jpg", pic.stems.get(mid).cloned().unwrap_or_default()),
    );
    format!(
        "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\"><img src=\"{}\" srcset=\"{}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\"></picture>",
        set("webp"),
        esc(&fallback),
        set("jpg"),
        esc(alt)
    )
}
