//! Responsive images: probe (size, EXIF orientation), decode within limits, resize with fast_image_resize, encode
//! lossy WebP (libwebp) and progressive JPEG, and a content-hash cache outside the output.

use super::problem::Problem;
use fast_image_resize as fr;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader};
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// Widths written for content images (never above the source width).
pub const WIDTHS: [u32; 3] = [480, 960, 1440];
/// Images larger than this many pixels are refused instead of exhausting memory.
pub const MAX_PIXELS: u64 = 20_000_000;
/// WebP quality (0–100).
pub const WEBP_QUALITY: f32 = 75.0;
/// JPEG quality (1–100).
pub const JPEG_QUALITY: u8 = 80;
/// Changes whenever the encoding settings change, so the cache never serves stale files.
const SETTINGS: &str = "v1-webp75-jpeg80-lanczos3";

/// Width and height after EXIF orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// A stable hash of the source bytes and the encoding settings (16 hex digits).
pub fn content_hash(bytes: &[u8]) -> String {
    content_hash_of(&[bytes])
}

/// [`content_hash`] of the parts one after the other, without joining them first.
pub fn content_hash_of(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(SETTINGS.as_bytes())
        .chain(parts.iter().copied())
        .flatten()
    {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The longest side WebP (and so every variant) can have.
pub const MAX_SIDE: u32 = 16_383;

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, Problem> {
    let mut r = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| Problem::Unreadable)?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(65_535);
    limits.max_image_height = Some(65_535);
    // 20 megapixels at 4 bytes each, plus room for the decoder's own buffers.
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    r.limits(limits);
    Ok(r)
}

/// Width and height as an encoder takes them, if no side is over [`MAX_SIDE`].
pub fn encodable(w: u32, h: u32) -> Result<(u16, u16), Problem> {
    match (u16::try_from(w), u16::try_from(h)) {
        (Ok(w16), Ok(h16)) if w <= MAX_SIDE && h <= MAX_SIDE && w > 0 && h > 0 => Ok((w16, h16)),
        _ => Err(Problem::TooLong(w, h)),
    }
}

/// A decoder for the picture, within the decoding limits and at most [`MAX_PIXELS`].
fn decoder(bytes: &[u8]) -> Result<impl ImageDecoder + '_, Problem> {
    let dec = reader(bytes)?
        .into_decoder()
        .map_err(|_| Problem::Undecodable)?;
    let (w, h) = dec.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(Problem::TooBig(w, h));
    }
    Ok(dec)
}

/// Decode the whole picture (which proves it complete) and read its EXIF orientation (not
/// applied yet).
pub fn decode(bytes: &[u8]) -> Result<(DynamicImage, Orientation), Problem> {
    let mut dec = decoder(bytes)?;
    let orientation = dec.orientation().unwrap_or(Orientation::NoTransforms);
    let img = DynamicImage::from_decoder(dec).map_err(|_| Problem::Damaged)?;
    Ok((img, orientation))
}

/// Read the size (after EXIF orientation) without decoding the pixels.
pub fn probe(bytes: &[u8]) -> Result<Size, Problem> {
    let mut dec = decoder(bytes)?;
    let (w, h) = dec.dimensions();
    encodable(w, h)?;
    let turned = matches!(
        dec.orientation().unwrap_or(Orientation::NoTransforms),
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    Ok(if turned {
        Size {
            width: h,
            height: w,
        }
    } else {
        Size {
            width: w,
            height: h,
        }
    })
}

/// The widths to write for a source `width` wide: the ladder below it, and the source width
/// itself when it is narrower than the largest step (never upscaled).
pub fn widths_for(width: u32, ladder: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = ladder.iter().copied().filter(|&w| w < width).collect();
    let top = ladder.iter().copied().max().unwrap_or(width);
    if width <= top {
        out.push(width);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// One encoded size of an image.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// Progressive JPEG bytes.
    pub jpeg: Vec<u8>,
    /// Lossy WebP bytes.
    pub webp: Vec<u8>,
}

/// Decode once (applying EXIF orientation) and write every width. `crop` gives an exact
/// output size (cover-cropped), used for share images (1200×630).
pub fn encode(
    bytes: &[u8],
    widths: &[u32],
    crop: Option<(u32, u32)>,
) -> Result<Vec<Variant>, Problem> {
    probe(bytes)?;
    let (mut img, orientation) = decode(bytes)?;
    img.apply_orientation(orientation);
    let src = DynamicImage::ImageRgb8(img.to_rgb8());
    let (sw, sh) = (src.width(), src.height());
    let mut resizer = fr::Resizer::new();
    let mut out = Vec::new();
    let targets: Vec<(u32, u32)> = match crop {
        Some(size) => vec![size],
        None => widths
            .iter()
            .map(|&w| {
                (
                    w,
                    ((u64::from(sh) * u64::from(w) + u64::from(sw) / 2) / u64::from(sw)).max(1)
                        as u32,
                )
            })
            .collect(),
    };
    for (w, h) in targets {
        let mut dst = fr::images::Image::new(w, h, fr::PixelType::U8x3);
        let mut opts = fr::ResizeOptions::new()
            .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
        if crop.is_some() {
            opts = opts.fit_into_destination(Some((0.5, 0.5)));
        }
        if (w, h) == (sw, sh) {
            dst.buffer_mut().copy_from_slice(src.as_bytes());
        } else {
            resizer
                .resize(&src, &mut dst, &opts)
                .map_err(|_| Problem::Resize)?;
        }
        let (w16, h16) = encodable(w, h)?;
        let pixels = dst.buffer();
        let webp = webp::Encoder::from_rgb(pixels, w, h)
            .encode(WEBP_QUALITY)
            .to_vec();
        let mut jpeg = Vec::new();
        let mut enc = jpeg_encoder::Encoder::new(&mut jpeg, JPEG_QUALITY);
        enc.set_progressive(true);
        enc.set_optimized_huffman_tables(true);
        enc.encode(pixels, w16, h16, jpeg_encoder::ColorType::Rgb)
            .map_err(|_| Problem::Encode)?;
        out.push(Variant {
            width: w,
            height: h,
            jpeg,
            webp,
        });
    }
    Ok(out)
}

/// The on-disk cache of encoded variants, keyed by content hash and settings.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// A cache in `dir` (created on first write), or no cache at all.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Cache { dir }
    }

    fn path(&self, hash: &str, name: &str) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(&hash[..2]).join(format!("{hash}-{name}")))
    }

    /// Cached bytes, if present and whole (an empty or cut-off entry is ignored).
    pub fn get(&self, hash: &str, name: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.path(hash, name)?).ok()?;
        let whole = if name.ends_with(".jpg") {
            bytes.starts_with(&[0xFF, 0xD8]) && bytes.ends_with(&[0xFF, 0xD9])
        } else if name.ends_with(".webp") {
            bytes.len() >= 12
                && bytes.starts_with(b"RIFF")
                && u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize + 8
                    == bytes.len()
        } else {
            !bytes.is_empty()
        };
        whole.then_some(bytes)
    }

    /// Store bytes (errors are ignored: the cache only saves time).
    pub fn put(&self, hash: &str, name: &str, bytes: &[u8]) {
        if let Some(p) = self.path(hash, name) {
            if let Some(parent) = p.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let tmp = p.with_extension(format!("tmp{}", std::process::id()));
            if std::fs::write(&tmp, bytes).is_ok() {
                let _ = std::fs::rename(&tmp, &p);
            }
        }
    }

    /// The cache folder, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_upscales() {
        assert_eq!(widths_for(2000, &WIDTHS), vec![480, 960, 1440]);
        assert_eq!(widths_for(800, &WIDTHS), vec![480, 800]);
        assert_eq!(widths_for(300, &WIDTHS), vec![300]);
    }
}
