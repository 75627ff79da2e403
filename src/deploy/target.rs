//! What every kind of destination can do: fetch the manifest, put a file, delete a file.

use crate::diagnostics::Diagnostic;

/// A place a deploy writes to.
pub trait Target {
    /// The file at `path` (relative, `/`), or `None` when there is none.
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, Diagnostic>;
    /// Put `bytes` at `path`, replacing what was there.
    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic>;
    /// Delete the file at `path`; a file that is already gone is fine.
    fn delete(&mut self, path: &str) -> Result<(), Diagnostic>;
}
