//! Files kept deflated: which files are worth it, and the two directions.
//!
//! `serve` keeps the whole site. HTML, the bulk of it, shrinks to well under half under
//! deflate at its fastest level, and goes on into a temporary file ([`Spill`]); a page is
//! read and inflated again in tens of microseconds when it is asked for.

use flate2::read::DeflateDecoder;
use flate2::{Compress, Compression, FlushCompress, Status};
use std::cell::RefCell;
use std::io::Read;
use std::sync::Arc;

use super::spill::{Span, Spill};

/// Files smaller than this are kept as they are.
const SMALLEST: usize = 512;

/// Extensions of the text files that are kept deflated.
const TEXT: [&str; 8] = [
    ".html", ".xml", ".json", ".svg", ".css", ".js", ".ics", ".txt",
];

/// A file as it is kept: its bytes, or its bytes deflated, in memory or in a [`Spill`].
#[derive(Debug, Clone)]
pub(crate) enum Kept {
    /// As written.
    Plain(Arc<Vec<u8>>),
    /// Deflated (raw deflate, no header), with the length of the bytes as written.
    Deflated(Arc<[u8]>, usize),
    /// Deflated and written to the temporary file, with the length of the bytes as written.
    Spilled(Arc<Spill>, Span, usize),
}

/// How a packed output keeps its files: text files deflated, and into its temporary file
/// when it has one. Copies share the file.
#[derive(Debug, Clone)]
pub(crate) struct Packer {
    spill: Option<Arc<Spill>>,
}

impl Packer {
    /// A packer with a new temporary file (none if it cannot be made).
    pub(crate) fn new() -> Packer {
        Packer {
            spill: Spill::new().map(Arc::new),
        }
    }

    /// `bytes` deflated if `path` is a text file worth it, else as they are.
    pub(crate) fn keep(&self, path: &str, bytes: Vec<u8>) -> Kept {
        if bytes.len() < SMALLEST || !TEXT.iter().any(|e| path.ends_with(e)) {
            return Kept::Plain(Arc::new(bytes));
        }
        let Some(packed) = deflate(&bytes).filter(|p| p.len() < bytes.len()) else {
            return Kept::Plain(Arc::new(bytes));
        };
        let spilled = self
            .spill
            .as_ref()
            .and_then(|s| Some((Arc::clone(s), s.write(&packed)?)));
        match spilled {
            Some((spill, span)) => Kept::Spilled(spill, span, bytes.len()),
            None => Kept::Deflated(Arc::from(packed), bytes.len()),
        }
    }
}

impl Kept {
    /// `bytes` as an output keeps them: as `packer` says, or as they are.
    pub(crate) fn of(path: &str, bytes: Vec<u8>, packer: Option<&Packer>) -> Kept {
        match packer {
            Some(p) => p.keep(path, bytes),
            None => Kept::Plain(Arc::new(bytes)),
        }
    }

    /// The bytes as written (`None` only if deflated bytes do not inflate, which campaign's
    /// own never fail to do).
    pub(crate) fn bytes(&self) -> Option<Arc<Vec<u8>>> {
        match self {
            Kept::Plain(b) => Some(Arc::clone(b)),
            Kept::Deflated(packed, len) => inflate(packed, *len),
            Kept::Spilled(spill, span, len) => inflate(&spill.read(*span)?, *len),
        }
    }

    /// Bytes held in memory.
    pub(crate) fn held(&self) -> usize {
        match self {
            Kept::Plain(b) => b.len(),
            Kept::Deflated(packed, _) => packed.len(),
            Kept::Spilled(..) => 0,
        }
    }
}

thread_local! {
    /// One deflate state per thread, reset between files: a new one costs more than
    /// deflating a page (its window and tables are allocated and zeroed). Scratch space
    /// only: what it holds never reaches the next file.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
}

/// Raw deflate `packed` back into its `len` bytes.
fn inflate(packed: &[u8], len: usize) -> Option<Arc<Vec<u8>>> {
    let mut out = Vec::with_capacity(len);
    DeflateDecoder::new(packed).read_to_end(&mut out).ok()?;
    Some(Arc::new(out))
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
    use super::{Kept, Packer};

    /// A packer that keeps its files in memory.
    fn in_memory() -> Packer {
        Packer { spill: None }
    }

    #[test]
    fn html_is_deflated_and_comes_back_the_same() {
        let page = "<p>ქართული ტექსტი, English text.</p>\n"
            .repeat(200)
            .into_bytes();
        let kept = in_memory().keep("a/index.html", page.clone());
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
        let (memory, spill) = (in_memory(), Packer::new());
        assert!(spill.spill.is_some(), "a temporary file");
        for page in &pages {
            let kept = memory.keep("p/index.html", page.clone());
            assert_eq!(kept.bytes().as_deref(), Some(page));
            let kept = spill.keep("p/index.html", page.clone());
            if page.len() >= 512 {
                assert!(matches!(kept, Kept::Spilled(..)) && kept.held() == 0);
            }
            assert_eq!(kept.bytes().as_deref(), Some(page));
        }
        // Incompressible text is kept as it is.
        let noise: Vec<u8> = (0..20_000u32)
            .map(|i| b'!' + (i.wrapping_mul(2_654_435_761) >> 25) as u8 % 90)
            .collect();
        let kept = Packer::new().keep("noise.txt", noise.clone());
        assert_eq!(kept.bytes().as_deref(), Some(&noise));
    }

    #[test]
    fn small_and_binary_files_are_kept_as_they_are() {
        let small = Packer::new().keep("a.html", b"<p>hi</p>".to_vec());
        assert!(matches!(small, Kept::Plain(_)));
        let image = Packer::new().keep("a.webp", vec![7; 4096]);
        assert!(matches!(image, Kept::Plain(_)));
        assert_eq!(image.bytes().map(|b| b.len()), Some(4096));
    }
}
