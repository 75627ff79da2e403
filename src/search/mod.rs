//! Site search: words → terms (Georgian folded and stemmed, other words lower-cased and, in
//! English, stemmed), each page's terms counted while it is rendered, and the index files a
//! small client script reads (`search/data/`), one set per language, sharded so that a query
//! loads only the shards of its words.
//!
//! The rules the client needs to make the same terms from a query (letter folding,
//! suffixes, Latin-typed Georgian) are written by [`client::rules_js`] from the tables here,
//! so the index and the script cannot disagree.

pub mod best;
pub mod client;
pub mod fold;
pub mod index;
pub mod live;
pub mod page_terms;
pub mod span;
pub mod stem;
pub mod table;
pub mod terms;
pub mod words;

pub use terms::{Extractor, Interner, PageTerms, Terms};

/// Where the index files go (site path).
pub const DATA: &str = "/search/data/";
