//! The share picture of a page (`image:` in front matter): checked on every build and `check`,
//! with or without `base_url`, at the line that names it.

use crate::diagnostics::{Diagnostic, tr};
use crate::media::Media;
use crate::model::Page;

/// The page's `image:` problem, if any: a missing file, not a picture, or a picture that
/// cannot be used.
pub fn check(p: &Page, media: &Media) -> Option<Diagnostic> {
    let image = p.front.image.as_deref()?;
    let line = p.front.key_lines.get("image").copied().unwrap_or(1);
    let (problem, tr) = if !image.starts_with('/') {
        (
            format!("the share image `{image}` should be a site address starting with `/`"),
            tr("share-image-address", &[("image", image)]),
        )
    } else if media.file(image).is_none() {
        (
            format!("the share image `{image}` does not exist"),
            tr("share-image-missing", &[("image", image)]),
        )
    } else if !Media::is_image(image) {
        (
            format!("the share image `{image}` is not a JPEG, PNG or WebP picture"),
            tr("share-image-kind", &[("image", image)]),
        )
    } else {
        let e = media.check(image).err()?;
        (e.to_string(), e.tr("share-image"))
    };
    Some(
        Diagnostic::error("image", problem)
            .in_file(&p.file)
            .at_line(line)
            .with_source(&p.text)
            .with_hint("put the picture in static/images/ and write `image: /images/name.jpg`")
            .with_tr(tr),
    )
}

/// The same page without its share picture (so the template does not report it again).
pub fn without_image(p: &Page) -> Page {
    let mut q = p.clone();
    q.front.image = None;
    q
}
