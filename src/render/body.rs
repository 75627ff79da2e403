//! What rendering a Markdown body gives: its HTML, headings, anchor links to check, external
//! links, summary and videos (a leaf module: the Markdown writer and the directives both
//! fill it).

use crate::media::video;

/// A heading of a page, for tables of contents and anchor checks.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// Plain text.
    pub text: String,
    /// The anchor id.
    pub id: String,
    /// 1-based line in the file.
    #[serde(skip)]
    pub line: usize,
}

/// A link to an anchor in another (or the same) page, checked once all pages are rendered.
#[derive(Debug, Clone)]
pub struct AnchorRef {
    /// Site URL of the target page.
    pub url: String,
    /// The anchor, without `#`.
    pub anchor: String,
    /// Line and column in the file.
    pub line: usize,
    /// Column.
    pub column: usize,
}

/// The rendered body of one page.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML of the body.
    pub html: String,
    /// Headings in order.
    pub headings: Vec<Heading>,
    /// Anchor links to check.
    pub anchors: Vec<AnchorRef>,
    /// External links (URL, line).
    pub external: Vec<(String, usize)>,
    /// Plain text of the first paragraph (fallback description).
    pub summary: String,
    /// Plain text of the whole body (for the search index; blocks end with a space).
    pub text: String,
    /// Videos embedded in the page.
    pub videos: Vec<video::Video>,
    /// The images the page asks the media step for (site paths; a video's poster as
    /// `poster <path>`), in order, maybe twice.
    pub pictures: Vec<String>,
}
