//! The search index `serve` keeps between edits, so that an edit of a page's body writes
//! again only the index files it changes, not every one. For each language and term it
//! keeps the term's best pages, a few more than the index lists (so that a page whose
//! weight drops seldom makes the others be read again), and how many pages have the term;
//! and which terms go in each shard. `tests/incremental.rs` holds what an edit writes to
//! what a full build writes.

use super::best::{Best, TITLE_KEYS, pack};
use super::index::{self, CHUNK, Entry, Layout, shard_count, shard_of, term_bytes};
use super::terms::PageTerms;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// Postings kept beyond those the index lists.
pub const ROOM: u16 = 16;

/// A page of the site as the index sees it.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    /// Its language.
    pub lang: &'a str,
    /// Its terms (none for a stand-in, or a page that failed).
    pub terms: Option<&'a PageTerms>,
}

/// A page whose body changed: its number in the site, its terms before and now.
pub struct Change<'a> {
    /// The page's number in the site.
    pub page: usize,
    /// Its terms before the edit.
    pub old: Option<&'a PageTerms>,
}

/// Every language's index.
pub struct Live {
    langs: Vec<Lang>,
    /// Postings kept beyond those listed ([`ROOM`]; fewer in tests).
    room: u16,
}

/// One language's index.
struct Lang {
    code: String,
    /// The site numbers of its pages with terms, in order: a page's number in the
    /// language is its place here.
    numbers: Vec<u32>,
    /// Per term (by number).
    lists: Vec<List>,
    /// The terms of each shard.
    layout: Layout,
    /// The terms' [`term_bytes`] in all (which sets how many shards there are).
    bytes: usize,
    /// What changed since the files were last written; `None`: everything (a new index).
    dirty: Option<Dirty>,
}

/// The files of a language an edit changed.
#[derive(Debug, Default)]
struct Dirty {
    shards: BTreeSet<usize>,
    chunks: BTreeSet<usize>,
}

/// A term's best pages in a language.
#[derive(Debug, Clone, Default)]
struct List {
    /// Its best postings (numbered in the language), the best first: the first of all its
    /// postings in their order, at least as many as the index lists unless
    /// [`List::short`].
    best: Best,
    /// How many pages have the term.
    len: u32,
    /// How many of them in their title.
    titles: u32,
}

impl List {
    fn new(room: u16) -> List {
        List {
            best: Best::deeper(room),
            ..List::default()
        }
    }

    /// Count a page's posting (while the lists are made).
    fn push(&mut self, key: u64) {
        self.len += 1;
        self.titles += u32::from(key < TITLE_KEYS);
        self.best.push(key);
    }

    /// How many postings the index lists.
    fn kept(&self) -> usize {
        Best::kept(self.len as usize, self.titles as usize)
    }

    /// The postings the index lists.
    fn listed(&self) -> &[u64] {
        let keys = &self.best.keys;
        &keys[..self.kept().min(keys.len())]
    }

    /// Whether fewer postings are kept than the index lists: the pages must be read again.
    fn short(&self) -> bool {
        self.best.keys.len() < self.kept()
    }

    /// A page's posting `old` is now `new` (its weight changed, or the term came or went).
    fn change(&mut self, old: Option<u64>, new: Option<u64>, room: u16) {
        let keys = &mut self.best.keys;
        let whole = keys.len() == self.len as usize;
        if let Some(k) = old {
            self.len = self.len.saturating_sub(1);
            self.titles = self.titles.saturating_sub(u32::from(k < TITLE_KEYS));
            if let Ok(i) = keys.binary_search(&k) {
                keys.remove(i);
            }
        }
        if let Some(k) = new {
            self.len += 1;
            self.titles += u32::from(k < TITLE_KEYS);
            // A posting past the last kept one of a cut list is among the dropped ones.
            if whole || keys.last().is_some_and(|&last| k < last) {
                let i = keys.binary_search(&k).unwrap_or_else(|i| i);
                keys.insert(i, k);
            }
        }
        let deep = self.kept() + usize::from(room);
        self.best.keys.truncate(deep);
    }
}

impl Live {
    /// The index of every language in `codes`, of `pages` (in site order).
    pub fn new(codes: &[&str], pages: &[Page<'_>], names: &[Box<str>]) -> Live {
        Live::with_room(codes, pages, names, ROOM)
    }

    /// The index, keeping `room` postings beyond those listed.
    pub fn with_room(codes: &[&str], pages: &[Page<'_>], names: &[Box<str>], room: u16) -> Live {
        let langs = codes
            .par_iter()
            .map(|code| Lang::new(code, pages, names, room))
            .collect();
        Live { langs, room }
    }

    /// Take in the edit of `changed` pages (`pages` are every page, as they are now).
    /// Returns false when the index now has other files than it had (a language's shards
    /// changed in number, or its pages did): every file must then be written anew, and
    /// those no longer wanted removed, which only a new build does.
    #[must_use]
    pub fn update(
        &mut self,
        changed: &[Change<'_>],
        pages: &[Page<'_>],
        names: &[Box<str>],
    ) -> bool {
        let room = self.room;
        let mut same_files = true;
        for lang in &mut self.langs {
            let mine: Vec<&Change<'_>> = changed
                .iter()
                .filter(|c| pages.get(c.page).is_some_and(|p| p.lang == lang.code))
                .collect();
            if mine.is_empty() {
                continue;
            }
            // A page that gained or lost its terms numbers the others anew.
            let renumbered = mine
                .iter()
                .any(|c| c.old.is_some() != pages.get(c.page).and_then(|p| p.terms).is_some());
            if renumbered {
                *lang = Lang::new(&lang.code, pages, names, room);
                same_files = false;
                continue;
            }
            same_files &= lang.update(&mine, pages, names, room);
        }
        same_files
    }

    /// The files of every language are written: none are changed now.
    pub fn written(&mut self) {
        for lang in &mut self.langs {
            lang.dirty = Some(Dirty::default());
        }
    }

    /// The index files of language `code` that changed (all of them for a new index);
    /// `entry` gives the record of a page by its number in the site.
    pub fn files<'e>(
        &self,
        code: &str,
        names: &[Box<str>],
        entry: impl Fn(usize) -> Entry<'e> + Sync,
    ) -> Vec<(String, String)> {
        let Some(lang) = self.langs.iter().find(|l| l.code == code) else {
            return Vec::new();
        };
        let listed = |t: usize| lang.lists.get(t).map_or(&[][..], List::listed);
        let records = |n: usize| -> Vec<Entry<'e>> {
            let from = (n * CHUNK).min(lang.numbers.len());
            let to = (from + CHUNK).min(lang.numbers.len());
            lang.numbers[from..to]
                .iter()
                .map(|&i| entry(i as usize))
                .collect()
        };
        let shards = lang.layout.shards();
        let all_chunks = lang.numbers.len().div_ceil(CHUNK);
        let (shard_list, chunk_list): (Vec<usize>, Vec<usize>) = match &lang.dirty {
            None => ((0..shards).collect(), (0..all_chunks).collect()),
            Some(d) => (
                d.shards.iter().copied().collect(),
                d.chunks.iter().copied().collect(),
            ),
        };
        let mut out: Vec<(String, String)> = shard_list
            .par_iter()
            .map(|&n| {
                let terms = lang.layout.by_shard.get(n).map_or(&[][..], |t| &t[..]);
                index::shard(code, n, terms, names, listed)
            })
            .collect();
        out.par_extend(
            chunk_list
                .par_iter()
                .map(|&n| index::chunk_file(code, n, &records(n))),
        );
        out.push(index::meta(code, shards, lang.numbers.len()));
        out
    }
}

impl Lang {
    /// The index of language `code`.
    fn new(code: &str, pages: &[Page<'_>], names: &[Box<str>], room: u16) -> Lang {
        let numbers: Vec<u32> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.lang == code && p.terms.is_some())
            .map(|(i, _)| i as u32)
            .collect();
        let mut lists: Vec<List> = vec![List::new(room); names.len()];
        for (m, &i) in numbers.iter().enumerate() {
            for_each_posting(pages, i, m, |t, key| {
                if let Some(l) = lists.get_mut(t as usize) {
                    l.push(key);
                }
            });
        }
        lists.iter_mut().for_each(|l| l.best.done());
        let (layout, bytes) = Layout::of(names, |t| lists.get(t).map_or(&[][..], List::listed));
        Lang {
            code: code.to_string(),
            numbers,
            lists,
            layout,
            bytes,
            dirty: None,
        }
    }

    /// Take in the edit of `changed` pages of the language (each keeps its number).
    /// Returns whether the number of shards stayed.
    fn update(
        &mut self,
        changed: &[&Change<'_>],
        pages: &[Page<'_>],
        names: &[Box<str>],
        room: u16,
    ) -> bool {
        if self.lists.len() < names.len() {
            self.lists.resize(names.len(), List::new(room));
        }
        let mut terms = BTreeSet::new();
        let mut chunks = BTreeSet::new();
        let mut moves = Vec::new();
        for c in changed {
            let Ok(m) = self.numbers.binary_search(&(c.page as u32)) else {
                continue;
            };
            chunks.insert(m / CHUNK);
            let new = pages.get(c.page).and_then(|p| p.terms);
            moves.extend(moved(m as u32, c.old, new));
        }
        let before: Vec<(u32, usize)> = moves
            .iter()
            .filter(|mv| terms.insert(mv.term))
            .map(|mv| (mv.term, self.listed_len(mv.term)))
            .collect();
        for mv in &moves {
            if let Some(l) = self.lists.get_mut(mv.term as usize) {
                l.change(mv.old, mv.new, room);
            }
        }
        let short: Vec<u32> = terms
            .iter()
            .copied()
            .filter(|&t| self.lists.get(t as usize).is_some_and(List::short))
            .collect();
        self.reread(&short, pages, room);
        let name = |t: u32| names.get(t as usize).map_or("", |n| n);
        for &(t, was) in &before {
            let now = self.listed_len(t);
            self.bytes = self.bytes + term_bytes(name(t), now) - term_bytes(name(t), was);
        }
        let shards = self.layout.shards();
        if shard_count(self.bytes) != shards {
            let lists = &self.lists;
            let (layout, bytes) = Layout::of(names, |t| lists.get(t).map_or(&[][..], List::listed));
            (self.layout, self.bytes) = (layout, bytes);
            self.dirty = None;
            return false;
        }
        let mut dirty = self.dirty.take();
        if let Some(d) = dirty.as_mut() {
            d.chunks.extend(chunks);
            d.shards
                .extend(before.iter().map(|&(t, _)| shard_of(name(t), shards)));
        }
        self.dirty = dirty;
        for &(t, was) in &before {
            let now = self.listed_len(t);
            let s = shard_of(name(t), shards);
            let Some(list) = self.layout.by_shard.get_mut(s) else {
                continue;
            };
            let at = list.binary_search_by(|&o| name(o).cmp(name(t)));
            match (was > 0, now > 0, at) {
                (false, true, Err(i)) => list.insert(i, t),
                (true, false, Ok(i)) => {
                    list.remove(i);
                }
                _ => {}
            }
        }
        true
    }

    /// How many pages term `t` lists.
    fn listed_len(&self, t: u32) -> usize {
        self.lists.get(t as usize).map_or(0, |l| l.listed().len())
    }

    /// Make the lists of `terms` again from every page of the language.
    fn reread(&mut self, terms: &[u32], pages: &[Page<'_>], room: u16) {
        if terms.is_empty() {
            return;
        }
        let mut wanted = vec![0u64; self.lists.len().div_ceil(64)];
        for &t in terms {
            wanted[t as usize / 64] |= 1 << (t % 64);
        }
        let is_wanted = |t: u32| {
            wanted
                .get(t as usize / 64)
                .is_some_and(|w| w & (1 << (t % 64)) != 0)
        };
        let fresh =
            || -> FxHashMap<u32, List> { terms.iter().map(|&t| (t, List::new(room))).collect() };
        let found = self
            .numbers
            .par_iter()
            .enumerate()
            .fold(fresh, |mut lists, (m, &i)| {
                for_each_posting(pages, i, m, |t, key| {
                    if is_wanted(t)
                        && let Some(l) = lists.get_mut(&t)
                    {
                        l.push(key);
                    }
                });
                lists
            })
            .reduce(fresh, |mut a, b| {
                for (t, l) in b {
                    if let Some(x) = a.get_mut(&t) {
                        x.len += l.len;
                        x.titles += l.titles;
                        x.best.merge(&l.best);
                    }
                }
                a
            });
        for (t, mut l) in found {
            l.best.done();
            if let Some(slot) = self.lists.get_mut(t as usize) {
                *slot = l;
            }
        }
    }
}

/// Call `f` with each (term, posting) of site page `i`, numbered `m` in its language.
fn for_each_posting(pages: &[Page<'_>], i: u32, m: usize, mut f: impl FnMut(u32, u64)) {
    if let Some(pt) = pages.get(i as usize).and_then(|p| p.terms) {
        for (t, w) in pt.pairs() {
            f(t, pack(m as u32, w));
        }
    }
}

/// A term's posting of one page, before and after an edit.
struct Move {
    term: u32,
    old: Option<u64>,
    new: Option<u64>,
}

/// The postings of page `m` (numbered in its language) that an edit changed: its terms
/// before and now, both sorted by term, walked side by side.
fn moved(m: u32, old: Option<&PageTerms>, new: Option<&PageTerms>) -> Vec<Move> {
    let mut before = old.into_iter().flat_map(PageTerms::pairs).peekable();
    let mut now = new.into_iter().flat_map(PageTerms::pairs).peekable();
    let mut out = Vec::new();
    loop {
        let (was, is) = match (before.peek().copied(), now.peek().copied()) {
            (None, None) => break,
            (Some(a), Some(b)) if a.0 == b.0 => (before.next(), now.next()),
            (Some(a), Some(b)) if a.0 < b.0 => (before.next(), None),
            (Some(_), None) => (before.next(), None),
            _ => (None, now.next()),
        };
        let term = was.or(is).map_or(0, |p| p.0);
        let (old, new) = (was.map(|p| pack(m, p.1)), is.map(|p| pack(m, p.1)));
        if old != new {
            out.push(Move { term, old, new });
        }
    }
    out
}

#[cfg(test)]
#[path = "live_tests.rs"]
mod tests;
