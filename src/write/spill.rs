//! A temporary file that `serve`'s deflated pages go to, so that the site it holds takes
//! the system's file cache (which gives way when memory is short) instead of the program's
//! own memory.
//!
//! The file has no name (`tempfile::tempfile`: deleted as it is made on Linux, deleted when
//! closed on Windows), so nothing is left behind, not even after a crash. Files are only
//! ever appended: a copy of the site made before an edit still reads its own bytes.

use std::fs::File;
use std::sync::atomic::{AtomicU64, Ordering};

/// The temporary file and how far it is written.
#[derive(Debug)]
pub(crate) struct Spill {
    file: File,
    end: AtomicU64,
}

/// Where a file's bytes are in the temporary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    at: u64,
    len: u32,
}

impl Spill {
    /// A new temporary file, or `None` when none can be made (the pages then stay in memory).
    pub(crate) fn new() -> Option<Spill> {
        Some(Spill {
            file: tempfile::tempfile().ok()?,
            end: AtomicU64::new(0),
        })
    }

    /// Append `bytes`; `None` if they could not be written.
    pub(crate) fn write(&self, bytes: &[u8]) -> Option<Span> {
        let len = u32::try_from(bytes.len()).ok()?;
        let at = self.end.fetch_add(u64::from(len), Ordering::Relaxed);
        write_at(&self.file, bytes, at).ok()?;
        Some(Span { at, len })
    }

    /// The bytes written at `span`.
    pub(crate) fn read(&self, span: Span) -> Option<Vec<u8>> {
        let mut buf = vec![0; usize::try_from(span.len).ok()?];
        read_at(&self.file, &mut buf, span.at).ok()?;
        Some(buf)
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn write_at(file: &File, mut bytes: &[u8], mut at: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let n = file.seek_write(bytes, at)?;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        bytes = bytes.get(n..).unwrap_or_default();
        at += n as u64;
    }
    Ok(())
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        let n = file.seek_read(buf, at)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf = std::mem::take(&mut buf).get_mut(n..).unwrap_or_default();
        at += n as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Spill;
    use std::sync::Arc;

    #[test]
    fn bytes_written_from_many_threads_read_back_each_as_written() {
        let spill = Arc::new(Spill::new().expect("a temporary file"));
        let spans: Vec<_> = std::thread::scope(|s| {
            let jobs: Vec<_> = (0..8u8)
                .map(|t| {
                    let spill = Arc::clone(&spill);
                    s.spawn(move || {
                        (0..50u16)
                            .map(|i| {
                                let bytes = vec![t; 100 + usize::from(i) * 37];
                                (bytes.clone(), spill.write(&bytes).expect("written"))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            jobs.into_iter()
                .flat_map(|j| j.join().expect("thread"))
                .collect()
        });
        assert_eq!(spans.len(), 400);
        for (bytes, span) in spans {
            assert_eq!(spill.read(span).as_ref(), Some(&bytes));
        }
    }
}
