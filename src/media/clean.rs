//! Private images: every JPEG, PNG and WebP the site publishes loses its camera data (EXIF with
//! GPS, XMP, IPTC, comments) without re-encoding (img-parts), photos taken sideways are turned
//! (re-encoded), and an image that does not decode completely is refused.

use super::images::{self, Cache};
use super::problem::Problem;
use crate::load::StaticFile;
use image::metadata::Orientation;
use image::{DynamicImage, ImageFormat};
use img_parts::webp as webp_parts;
use img_parts::{Bytes, jpeg, png, riff};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Changes whenever the cleaning rules change, so the cache never serves stale files.
const RULES: &str = "clean-v1";
/// Quality of photos re-encoded to apply their orientation.
const REENCODE_QUALITY: u8 = 90;

/// The bytes to publish instead (`None`: the file as it is), or why the image cannot be used.
type Cleaned = Result<Option<Vec<u8>>, Problem>;

/// The image formats campaign publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jpeg,
    Png,
    WebP,
}

fn kind_of(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Kind::WebP)
    } else {
        None
    }
}

/// Clean every published image in `files` in place (through the cache). Returns the images
/// that cannot be published: output path → reason.
pub fn clean_all(files: &mut [StaticFile], cache: &Cache) -> HashMap<String, Problem> {
    let results: Vec<(usize, Cleaned)> = files
        .par_iter()
        .enumerate()
        .filter(|(_, f)| super::is_raster(&f.out))
        .map(|(i, f)| (i, clean_cached(&f.bytes, cache)))
        .collect();
    let mut broken = HashMap::new();
    for (i, r) in results {
        match r {
            Ok(Some(bytes)) => files[i].bytes = Arc::new(bytes),
            Ok(None) => {}
            Err(e) => {
                broken.insert(files[i].out.clone(), e);
            }
        }
    }
    broken
}

fn clean_cached(bytes: &[u8], cache: &Cache) -> Cleaned {
    let hash = images::content_hash_of(&[RULES.as_bytes(), bytes]);
    if let Some(done) = cache.get(&hash, "clean") {
        match done.as_slice() {
            b"same" => return Ok(None),
            b if kind_of(b).is_some() => return Ok(Some(done)),
            _ => {} // a damaged cache entry: clean again
        }
    }
    let cleaned = clean(bytes)?;
    cache.put(&hash, "clean", cleaned.as_deref().unwrap_or(b"same"));
    Ok(cleaned)
}

/// The bytes to publish for one image: `None` when it carries nothing to remove.
pub fn clean(bytes: &[u8]) -> Cleaned {
    let kind = kind_of(bytes).ok_or(Problem::NotRaster)?;
    // The container first: a cut-off file is named as such before the decoder complains.
    let stripped = match kind {
        Kind::Jpeg => strip_jpeg(bytes)?,
        Kind::Png => strip_png(bytes)?,
        Kind::WebP => strip_webp(bytes)?,
    };
    let (img, orientation) = images::decode(bytes).map_err(|e| match e {
        Problem::TooBig(..) => e,
        _ => Problem::DamagedPicture,
    })?;
    if orientation != Orientation::NoTransforms {
        return reencode(img, kind, orientation).map(Some);
    }
    Ok((stripped != bytes).then_some(stripped))
}

/// Why a container cannot be read.
fn unreadable(e: img_parts::Error) -> Problem {
    match e {
        img_parts::Error::Truncated => Problem::Incomplete,
        _ => Problem::DamagedFile,
    }
}

/// JPEG: keep JFIF (APP0), ICC colour profiles (APP2 `ICC_PROFILE`) and Adobe colour data
/// (APP14); drop the other APPn (EXIF, XMP, IPTC, maker notes, MPF previews) and comments,
/// and anything after the end of the image.
fn strip_jpeg(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let mut img = jpeg::Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).map_err(unreadable)?;
    img.segments_mut()
        .retain(|s| keep_jpeg_segment(s.marker(), s.contents()));
    let mut out = Vec::with_capacity(bytes.len());
    img.encoder()
        .write_to(&mut out)
        .map_err(|_| Problem::DamagedFile)?;
    let end = jpeg_end(&out).ok_or(Problem::Incomplete)?;
    out.truncate(end);
    Ok(out)
}

fn keep_jpeg_segment(marker: u8, contents: &[u8]) -> bool {
    match marker {
        jpeg::markers::APP0 | jpeg::markers::APP14 => true,
        jpeg::markers::APP2 => contents.starts_with(b"ICC_PROFILE\0"),
        0xE1..=0xEF | jpeg::markers::COM => false,
        _ => true,
    }
}

/// Offset just past the EOI marker that ends the first picture of a JPEG, walking the marker
/// segments and entropy-coded data after the first scan; `None` when the picture is cut short.
fn jpeg_end(b: &[u8]) -> Option<usize> {
    let sos = find_sos(b)?;
    let mut i = sos;
    while i + 1 < b.len() {
        if b[i] != 0xFF {
            i += 1;
            continue;
        }
        match b[i + 1] {
            0x00 | 0xD0..=0xD7 => i += 2,
            0xFF => i += 1,
            0xD9 => return Some(i + 2),
            _ => {
                let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
                i += 2 + len;
            }
        }
    }
    None
}

/// Offset of the first byte after the first SOS segment's header.
fn find_sos(b: &[u8]) -> Option<usize> {
    let mut i = 2;
    while i + 3 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if marker == 0xDA {
            return Some(i + 2 + len);
        }
        i += 2 + len;
    }
    None
}

/// PNG: keep the chunks that draw the picture (and colour data); drop text, EXIF, time.
fn strip_png(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let mut img = png::Png::from_bytes(Bytes::copy_from_slice(bytes)).map_err(unreadable)?;
    const KEEP: [&[u8; 4]; 14] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
        b"pHYs", b"acTL", b"fcTL", b"fdAT",
    ];
    img.chunks_mut().retain(|c| KEEP.contains(&&c.kind()));
    let mut out = Vec::with_capacity(bytes.len());
    img.encoder()
        .write_to(&mut out)
        .map_err(|_| Problem::DamagedFile)?;
    Ok(out)
}

/// WebP: drop the EXIF and XMP chunks and clear their flags in the VP8X header.
fn strip_webp(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let mut img = webp_parts::WebP::from_bytes(Bytes::copy_from_slice(bytes))
        .map_err(|_| Problem::DamagedFile)?;
    if !img.has_chunk(webp_parts::CHUNK_EXIF) && !img.has_chunk(webp_parts::CHUNK_XMP) {
        return Ok(bytes.to_vec());
    }
    img.remove_chunks_by_id(webp_parts::CHUNK_EXIF);
    img.remove_chunks_by_id(webp_parts::CHUNK_XMP);
    for chunk in img.chunks_mut() {
        if chunk.id() == webp_parts::CHUNK_VP8X
            && let riff::RiffContent::Data(d) = chunk.content()
            && !d.is_empty()
        {
            let mut v = d.to_vec();
            v[0] &= !0b0000_1100;
            *chunk =
                riff::RiffChunk::new(webp_parts::CHUNK_VP8X, riff::RiffContent::Data(v.into()));
        }
    }
    let mut out = Vec::with_capacity(bytes.len());
    img.encoder()
        .write_to(&mut out)
        .map_err(|_| Problem::DamagedFile)?;
    Ok(out)
}

/// Decode, turn the picture upright and encode again (no metadata is written).
fn reencode(
    mut img: DynamicImage,
    kind: Kind,
    orientation: Orientation,
) -> Result<Vec<u8>, Problem> {
    img.apply_orientation(orientation);
    let mut out = Vec::new();
    match kind {
        Kind::Jpeg => {
            let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
            let (w, h) = images::encodable(rgb.width(), rgb.height())?;
            jpeg_encoder::Encoder::new(&mut out, REENCODE_QUALITY)
                .encode(rgb.as_bytes(), w, h, jpeg_encoder::ColorType::Rgb)
                .map_err(|_| Problem::Encode)?;
        }
        Kind::Png => img
            .write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|_| Problem::Encode)?,
        Kind::WebP => {
            let rgba = DynamicImage::ImageRgba8(img.to_rgba8());
            images::encodable(rgba.width(), rgba.height())?;
            out = webp::Encoder::from_rgba(rgba.as_bytes(), rgba.width(), rgba.height())
                .encode(f32::from(REENCODE_QUALITY))
                .to_vec();
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_end_finds_the_end_and_notices_a_cut() {
        // SOI, SOS header (len 2), entropy bytes with stuffing and a restart, EOI, trailer.
        let b = [
            0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF,
            0xD9, 0xAA, 0xBB,
        ];
        assert_eq!(jpeg_end(&b), Some(15));
        assert_eq!(jpeg_end(&b[..12]), None);
    }

    #[test]
    fn segments_kept_and_dropped() {
        assert!(keep_jpeg_segment(jpeg::markers::APP0, b"JFIF\0"));
        assert!(keep_jpeg_segment(jpeg::markers::APP2, b"ICC_PROFILE\0..."));
        assert!(!keep_jpeg_segment(jpeg::markers::APP2, b"MPF\0"));
        assert!(!keep_jpeg_segment(jpeg::markers::APP1, b"Exif\0\0"));
        assert!(!keep_jpeg_segment(0xED, b"Photoshop 3.0"));
        assert!(!keep_jpeg_segment(jpeg::markers::COM, b"hi"));
    }
}
