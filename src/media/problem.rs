//! Why an image cannot be used: in English words ([`std::fmt::Display`]) and as the
//! catalogue's arguments (`image-problem` in ka.ftl), for the messages that report it.

use crate::diagnostics::{Translatable, tr};

/// Why an image cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No such file (its site path).
    Missing(String),
    /// The file is not an image at all.
    Unreadable,
    /// No decoder takes it.
    Undecodable,
    /// The decoder stopped in the middle.
    Damaged,
    /// The container is fine but the picture does not decode.
    DamagedPicture,
    /// The container is broken.
    DamagedFile,
    /// The file stops before the end of the picture.
    Incomplete,
    /// Its name says JPEG, PNG or WebP, its bytes say otherwise.
    NotRaster,
    /// A side is over the WebP limit.
    TooLong(u32, u32),
    /// More pixels than the limit.
    TooBig(u32, u32),
    /// `resize_image` asked for a size out of range.
    CropSize(u32, u32),
    /// Resizing failed.
    Resize,
    /// Encoding failed.
    Encode,
    /// A lock was poisoned (a bug).
    Internal,
}

impl Problem {
    /// Its catalogue kind (the `problem` of `image-problem`).
    fn kind(&self) -> &'static str {
        match self {
            Problem::Missing(_) => "missing",
            Problem::Unreadable => "unreadable",
            Problem::Undecodable => "undecodable",
            Problem::Damaged => "damaged",
            Problem::DamagedPicture => "damaged-picture",
            Problem::DamagedFile => "damaged-file",
            Problem::Incomplete => "incomplete",
            Problem::NotRaster => "not-raster",
            Problem::TooLong(..) => "too-long",
            Problem::TooBig(..) => "too-big",
            Problem::CropSize(..) => "crop-size",
            Problem::Resize => "resize",
            Problem::Encode => "encode",
            Problem::Internal => "internal",
        }
    }

    /// The size it is about (0×0 when none).
    fn size(&self) -> (u32, u32) {
        match self {
            Problem::TooLong(w, h) | Problem::TooBig(w, h) | Problem::CropSize(w, h) => (*w, *h),
            _ => (0, 0),
        }
    }

    /// Megapixels, rounded, of a size.
    fn megapixels(w: u32, h: u32) -> String {
        format!("{:.0}", (u64::from(w) * u64::from(h)) as f64 / 1e6)
    }

    /// The message `id` (whose text is `image-problem` with its own hint) with this
    /// problem's arguments: `problem`, `path`, `width`, `height`, `mp`.
    pub fn tr(&self, id: &str) -> Translatable {
        let path = match self {
            Problem::Missing(p) => p.as_str(),
            _ => "",
        };
        let (w, h) = self.size();
        let (ws, hs, mp) = (w.to_string(), h.to_string(), Problem::megapixels(w, h));
        tr(
            id,
            &[
                ("problem", self.kind()),
                ("path", path),
                ("width", &ws),
                ("height", &hs),
                ("mp", &mp),
            ],
        )
    }
}

impl Problem {
    /// The problem whose English words are `text` (as [`std::fmt::Display`] writes them),
    /// for messages that reach campaign only as text (through Tera).
    pub fn parse(text: &str) -> Option<Problem> {
        let simple = [
            Problem::Unreadable,
            Problem::Undecodable,
            Problem::Damaged,
            Problem::DamagedPicture,
            Problem::DamagedFile,
            Problem::Incomplete,
            Problem::NotRaster,
            Problem::Resize,
            Problem::Encode,
        ];
        if let Some(p) = simple.into_iter().find(|p| p.to_string() == text) {
            return Some(p);
        }
        if let Some(path) = text
            .strip_prefix("the image `")
            .and_then(|r| r.strip_suffix("` does not exist"))
        {
            return Some(Problem::Missing(path.to_string()));
        }
        let sized = [
            (
                "resize_image asks for ",
                Problem::CropSize as fn(u32, u32) -> Problem,
            ),
            ("the image is ", Problem::TooBig),
            ("the image is ", Problem::TooLong),
        ];
        sized.into_iter().find_map(|(prefix, make)| {
            let (w, rest) = text.strip_prefix(prefix)?.split_once('×')?;
            let h = rest.split_once(' ')?.0;
            let p = make(w.parse().ok()?, h.parse().ok()?);
            (p.to_string() == text).then_some(p)
        })
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Missing(path) => write!(f, "the image `{path}` does not exist"),
            Problem::Unreadable => f.write_str("the file cannot be read as an image"),
            Problem::Undecodable => {
                f.write_str("the image cannot be decoded (is it a JPEG, PNG or WebP file?)")
            }
            Problem::Damaged => {
                f.write_str("the image file is damaged or incomplete: it cannot be decoded")
            }
            Problem::DamagedPicture => f.write_str(
                "the image file is damaged or incomplete: its picture cannot be decoded",
            ),
            Problem::DamagedFile => f.write_str("the image file is damaged or incomplete"),
            Problem::Incomplete => f.write_str(
                "the image file is incomplete: it stops before the end of the picture (was it copied completely?)",
            ),
            Problem::NotRaster => {
                f.write_str("the file is not a JPEG, PNG or WebP image (its name says it is)")
            }
            Problem::TooLong(w, h) => write!(
                f,
                "the image is {w}×{h} pixels: web images can be at most 16,383 pixels on a side"
            ),
            Problem::TooBig(w, h) => write!(
                f,
                "the image is {w}×{h} pixels ({} megapixels), more than the limit of 20 megapixels",
                Problem::megapixels(*w, *h)
            ),
            Problem::CropSize(w, h) => write!(
                f,
                "resize_image asks for {w}×{h} pixels: width and height must be between 1 and 4096"
            ),
            Problem::Resize => f.write_str("the image cannot be resized"),
            Problem::Encode => f.write_str("the image cannot be encoded"),
            Problem::Internal => f.write_str("internal error"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Problem;

    #[test]
    fn every_problem_is_read_back_from_its_words() {
        let all = [
            Problem::Missing("/images/a b.jpg".into()),
            Problem::Unreadable,
            Problem::Undecodable,
            Problem::Damaged,
            Problem::DamagedPicture,
            Problem::DamagedFile,
            Problem::Incomplete,
            Problem::NotRaster,
            Problem::TooLong(1080, 17000),
            Problem::TooBig(6000, 5000),
            Problem::CropSize(0, 5000),
            Problem::Resize,
            Problem::Encode,
        ];
        for p in all {
            assert_eq!(Problem::parse(&p.to_string()), Some(p));
        }
        assert_eq!(Problem::parse("something else"), None);
    }
}
