//! Files kept deflated in memory: which files are worth it, and the two directions.
//!
//! `serve` keeps the whole site in memory. HTML, the bulk of it, shrinks several times under
//! deflate at its fastest level, and a page is inflated again in tens of microseconds when
//! it is asked for.

use flate2::read::DeflateDecoder;
use flate2::{Compress, Compression, FlushCompress, Status};
use std::cell::RefCell;
use std::io::Read;
use std::sync::Arc;

/// Files smaller than this are kept as they are.
const SMALLEST: usize = 512;

/// Extensions of the text files that are kept deflated.
const TEXT: [&str; 8] = [
    ".html", ".xml", ".json", ".svg", ".css", ".js", ".ics", ".txt",
];

/// A file as it is kept: its bytes, or its bytes deflated.
#[derive(Debug, Clone)]
pub(crate) enum Kept {
    /// As written.
    Plain(Arc<Vec<u8>>),
    /// Deflated (raw deflate, no header), with the length of the bytes as written.
    Deflated(Arc<[u8]>, usize),
}

impl Kept {
    /// `bytes` as an output keeps them: deflated when `packed` and worth it.
    pub(crate) fn of(path: &str, bytes: Vec<u8>, packed: bool) -> Kept {
        match packed {
            true => Kept::pack(path, bytes),
            false => Kept::Plain(Arc::new(bytes)),
        }
    }

    /// `bytes` deflated if `path` is a text file worth it, else as they are.
    pub(crate) fn pack(path: &str, bytes: Vec<u8>) -> Kept {
        if bytes.len() < SMALLEST || !TEXT.iter().any(|e| path.ends_with(e)) {
            return Kept::Plain(Arc::new(bytes));
        }
        match deflate(&bytes) {
            Some(packed) if packed.len() < bytes.len() => {
                Kept::Deflated(Arc::from(packed), bytes.len())
            }
            _ => Kept::Plain(Arc::new(bytes)),
        }
    }

    /// The bytes as written (`None` only if deflated bytes do not inflate, which campaign's
    /// own never fail to do).
    pub(crate) fn bytes(&self) -> Option<Arc<Vec<u8>>> {
        match self {
            Kept::Plain(b) => Some(Arc::clone(b)),
            Kept::Deflated(packed, len) => {
                let mut out = Vec::with_capacity(*len);
                DeflateDecoder::new(&packed[..])
                    .read_to_end(&mut out)
                    .ok()?;
                Some(Arc::new(out))
            }
        }
    }

    /// Bytes held in memory.
    pub(crate) fn held(&self) -> usize {
        match self {
            Kept::Plain(b) => b.len(),
            Kept::Deflated(packed, _) => packed.len(),
        }
    }
}

thread_local! {
    /// One deflate state per thread, reset between files: a new one costs more than
    /// deflating a page (its window and tables are allocated and zeroed). Scratch space
    /// only: what it holds never reaches the next file.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
}

/// `bytes` as raw deflate at the fastest level; `None` if the deflater fails.
fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    DEFLATE.with(|z| {
        let mut z = z.try_borrow_mut().ok()?;
        z.reset();
        let mut out = Vec::with_capacity(bytes.len() / 3 + 64);
        loop {
            let read = usize::try_from(z.total_in()).ok()?;
            let status = z
                .compress_vec(bytes.get(read..)?, &mut out, FlushCompress::Finish)
                .ok()?;
            if status == Status::StreamEnd {
                return Some(out);
            }
            out.reserve(out.capacity().max(4096));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::Kept;

    #[test]
    fn html_is_deflated_and_comes_back_the_same() {
        let page = "<p>ქართული ტექსტი, English text.</p>\n"
            .repeat(200)
            .into_bytes();
        let kept = Kept::pack("a/index.html", page.clone());
        assert!(matches!(kept, Kept::Deflated(..)));
        assert!(kept.held() * 4 < page.len(), "held {} bytes", kept.held());
        assert_eq!(kept.bytes().as_deref(), Some(&page));
    }

    #[test]
    fn one_deflater_serves_many_files_of_every_size() {
        let pages: Vec<Vec<u8>> = (0..40)
            .map(|i| {
                format!("<p>{i} გვერდი</p>")
                    .repeat(1 + i * i * 13)
                    .into_bytes()
            })
            .collect();
        for page in &pages {
            let kept = Kept::pack("p/index.html", page.clone());
            assert_eq!(kept.bytes().as_deref(), Some(page));
        }
        // Incompressible text is kept as it is.
        let noise: Vec<u8> = (0..20_000u32)
            .map(|i| b'!' + (i.wrapping_mul(2_654_435_761) >> 25) as u8 % 90)
            .collect();
        let kept = Kept::pack("noise.txt", noise.clone());
        assert_eq!(kept.bytes().as_deref(), Some(&noise));
    }

    #[test]
    fn small_and_binary_files_are_kept_as_they_are() {
        let small = Kept::pack("a.html", b"<p>hi</p>".to_vec());
        assert!(matches!(small, Kept::Plain(_)));
        let image = Kept::pack("a.webp", vec![7; 4096]);
        assert!(matches!(image, Kept::Plain(_)));
        assert_eq!(image.bytes().map(|b| b.len()), Some(4096));
    }
}
