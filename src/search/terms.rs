//! A page's words → its terms and how often each occurs, fast: the text is cut into spans at
//! spaces and line ends ([`span`](super::span)), and each span is looked up by its hash in a
//! table of the spans met before ([`SpanTable`]); only a new span is decoded, split into
//! words, folded and stemmed ([`learn`]). Terms get numbers from an [`Interner`] shared by
//! the threads of a render, so pages can be indexed together later; extractors are lent from
//! a [`Pool`], so that each thread learns the spans once, not once per parallel job.

use super::best::{Best, pack};
pub use super::page_terms::PageTerms;
use super::stem::Rules;
use super::table::SpanTable;
use super::words::{term, words};
use rustc_hash::FxHashMap;
use std::sync::Mutex;

/// What a render's pages share to make their terms: the terms' numbers and the extractors.
#[derive(Default)]
pub struct Terms {
    /// The terms' numbers.
    pub names: Interner,
    /// The extractors, lent to the parallel jobs.
    pub pool: Pool,
    /// Whether each term's best pages are kept as pages are counted ([`Extractor::page`]
    /// with a page number), instead of every page's terms: a build that is written and
    /// done, which need not render single pages again.
    pub stream: bool,
}

impl Terms {
    /// Terms for a render that keeps every page's terms (`stream` false: `serve` renders
    /// single pages again), or only each term's best pages.
    pub fn new(stream: bool) -> Terms {
        Terms {
            stream,
            ..Terms::default()
        }
    }

    /// Each term's best pages in `lang` (by term number; packed with the pages' numbers
    /// given to [`Extractor::page`]), taken from every extractor: once a language.
    pub fn best(&self, lang: &str) -> Vec<Best> {
        let mut free = self.pool.free.lock().unwrap_or_else(|e| e.into_inner());
        let mut all: Vec<Best> = Vec::new();
        for t in free
            .iter_mut()
            .flat_map(|x| &mut x.tables)
            .filter(|t| t.lang == lang)
        {
            // Taken: each language's lists are read once, when its index is written.
            let best = std::mem::take(&mut t.best);
            if all.len() < best.len() {
                all.resize_with(best.len(), Best::default);
            }
            for (a, b) in all.iter_mut().zip(&best) {
                a.merge(b);
            }
        }
        for b in &mut all {
            b.done();
        }
        all
    }
}

/// Terms by number, shared by every thread of a render (and kept by `serve` between edits).
#[derive(Debug, Default)]
pub struct Interner {
    inner: Mutex<Names>,
}

#[derive(Debug, Default)]
struct Names {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    /// The number of `term`, given one if it has none.
    fn id(&self, term: &str) -> u32 {
        let mut n = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = n.ids.get(term) {
            return id;
        }
        let id = n.names.len() as u32;
        n.names.push(term.into());
        n.ids.insert(term.into(), id);
        id
    }

    /// Every term, by number, read in place: no term gets a number while this is held.
    pub fn read(&self) -> Read<'_> {
        Read(self.inner.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The terms by number, while no more get one ([`Interner::read`]).
pub struct Read<'a>(std::sync::MutexGuard<'a, Names>);

impl std::ops::Deref for Read<'_> {
    type Target = [Box<str>];

    fn deref(&self) -> &[Box<str>] {
        &self.0.names
    }
}

/// The weight bit of a term in the page's title.
pub const IN_TITLE: u16 = 0x8000;

/// Letters kept for the snippet.
const EXCERPT_CHARS: usize = 160;

/// A span: no term, one, or several (`MANY | index` into `Table::many`).
const NONE: u32 = u32::MAX;
const MANY: u32 = 1 << 31;

/// The spans met on pages of one language.
struct Table {
    lang: String,
    latin: Option<Rules>,
    spans: SpanTable,
    many: Vec<Vec<u32>>,
    /// Each term's best pages of this language so far (by term number), when streaming.
    best: Vec<Best>,
}

/// Extractors to lend, one per thread at work: a parallel render takes one for each of its
/// jobs ([`Pool::lend`]) and the job gives it back when done.
#[derive(Default)]
pub struct Pool {
    free: Mutex<Vec<Extractor>>,
}

impl Pool {
    /// An extractor for one job: a free one, or a new one.
    pub fn lend(&self) -> Lent<'_> {
        let x = self
            .free
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .unwrap_or_default();
        Lent { x, pool: self }
    }
}

/// An extractor lent by a [`Pool`], given back when dropped.
pub struct Lent<'a> {
    x: Extractor,
    pool: &'a Pool,
}

impl std::ops::Deref for Lent<'_> {
    type Target = Extractor;
    fn deref(&self) -> &Extractor {
        &self.x
    }
}

impl std::ops::DerefMut for Lent<'_> {
    fn deref_mut(&mut self) -> &mut Extractor {
        &mut self.x
    }
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        let x = std::mem::replace(&mut self.x, Extractor::empty());
        self.pool
            .free
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(x);
    }
}

/// Makes pages' terms; one per thread (not shared), reused from page to page.
pub struct Extractor {
    georgian: Rules,
    tables: Vec<Table>,
    counts: Counts,
    /// The page's (term, weight) pairs, before they are packed.
    pairs: Vec<(u32, u16)>,
}

/// The terms of the page being read and their weights.
#[derive(Default)]
struct Counts {
    /// Per term number: its occurrences on the page being read (0 when it has none), with
    /// [`TITLE`] when its title has the term. Set back to 0 when the page is done.
    count: Vec<u32>,
    /// The page's terms, in the order they were first met: the first `len`. One place more
    /// than `count` has, so that a term is written at `len` whether or not it is new (no
    /// branch to mispredict on every word: a page's words are new to it about one time in
    /// four), and `len` moves on only when it is.
    terms: Vec<u32>,
    len: usize,
}

/// The title's bit of a weight while a page is counted.
const TITLE: u32 = 1 << 31;

impl Counts {
    #[inline]
    fn count(&mut self, id: u32) {
        if let Some(c) = self.count.get_mut(id as usize) {
            let new = *c == 0;
            *c += 1;
            if let Some(slot) = self.terms.get_mut(self.len) {
                *slot = id;
            }
            self.len += usize::from(new);
        }
    }

    /// Room for term number `id`.
    fn make_room(&mut self, id: u32) {
        if self.count.len() <= id as usize {
            self.count.resize(id as usize + 1024, 0);
            self.terms.resize(self.count.len() + 1, 0);
        }
    }

    /// `f(term, weight)` for each term, in the order of `terms`; every count back to 0.
    fn each_weight(&mut self, mut f: impl FnMut(u32, u16)) {
        let Counts { count, terms, len } = self;
        for &t in terms.get(..*len).unwrap_or_default() {
            // Every id in `terms` was given room when it was counted.
            if let Some(c) = count.get_mut(t as usize) {
                f(t, weight(std::mem::take(c)));
            }
        }
        *len = 0;
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            georgian: Rules::georgian(),
            ..Extractor::empty()
        }
    }
}

impl Extractor {
    /// An extractor with no rules yet (a placeholder; [`Extractor::default`] makes one to use).
    fn empty() -> Extractor {
        Extractor {
            georgian: Rules {
                suffixes: Vec::new(),
                rounds: 0,
                min: 0,
            },
            tables: Vec::new(),
            counts: Counts::default(),
            pairs: Vec::new(),
        }
    }
}

impl Extractor {
    /// The terms of a page in `lang` with this title and text. Given the page's number
    /// (`stream`), its terms go to each term's best pages ([`Terms::best`]) and the page
    /// keeps none.
    pub fn page(
        &mut self,
        lang: &str,
        title: &str,
        text: &str,
        names: &Interner,
        stream: Option<u32>,
    ) -> PageTerms {
        let t = match self.tables.iter().position(|t| t.lang == lang) {
            Some(i) => i,
            None => {
                self.tables.push(Table {
                    lang: lang.to_string(),
                    latin: Rules::latin(lang),
                    spans: SpanTable::default(),
                    many: Vec::new(),
                    best: Vec::new(),
                });
                self.tables.len() - 1
            }
        };
        self.counts.len = 0;
        self.scan(t, title, names);
        let Counts { count, terms, len } = &mut self.counts;
        for &t in terms.get(..*len).unwrap_or_default() {
            if let Some(n) = count.get_mut(t as usize) {
                *n = TITLE;
            }
        }
        self.scan(t, text, names);
        let excerpt = match text.char_indices().nth(EXCERPT_CHARS) {
            Some((i, _)) => format!("{}…", text[..i].trim_end()),
            None => text.trim_end().to_string(),
        };
        let excerpt = excerpt.trim_start().into();
        if let (Some(page), Some(table)) = (stream, self.tables.get_mut(t)) {
            self.counts.each_weight(|term, w| {
                let i = term as usize;
                if table.best.len() <= i {
                    table.best.resize_with(i + 1024, Best::default);
                }
                if let Some(b) = table.best.get_mut(i) {
                    b.push(pack(page, w));
                }
            });
            return PageTerms::excerpt_only(excerpt);
        }
        let pairs = &mut self.pairs;
        pairs.clear();
        self.counts.each_weight(|t, w| pairs.push((t, w)));
        PageTerms::new(pairs, excerpt)
    }

    /// Count the terms of `text`. Spans are looked up [`BATCH`] at a time: the first slot of
    /// each is read before any is looked at, so that the reads that miss the cache wait
    /// for memory together, not one after the other.
    fn scan(&mut self, t: usize, text: &str, names: &Interner) {
        let Some(table) = self.tables.get_mut(t) else {
            return;
        };
        let mut batch = Batch::default();
        super::span::each(text.as_bytes(), |start, end, hash| {
            batch.spans[batch.len] = Span { start, end, hash };
            batch.len += 1;
            if batch.len == BATCH {
                batch.count(table, &self.georgian, text, names, &mut self.counts);
            }
        });
        batch.count(table, &self.georgian, text, names, &mut self.counts);
    }
}

/// Spans looked up together.
const BATCH: usize = 16;

/// A span of a text: where it starts and ends, and its hash.
#[derive(Clone, Copy, Default)]
struct Span {
    start: usize,
    end: usize,
    hash: u64,
}

/// The spans waiting to be counted.
#[derive(Default)]
struct Batch {
    spans: [Span; BATCH],
    len: usize,
}

impl Batch {
    /// Count the terms of the waiting spans of `text`, learning the new ones.
    #[inline(always)]
    fn count(
        &mut self,
        table: &mut Table,
        georgian: &Rules,
        text: &str,
        names: &Interner,
        counts: &mut Counts,
    ) {
        let spans = &self.spans[..self.len.min(BATCH)];
        let first: [u64; BATCH] =
            std::array::from_fn(|k| spans.get(k).map_or(0, |s| table.spans.first(s.hash)));
        for (s, &first) in spans.iter().zip(&first) {
            let v = match table.spans.get_from(first, s.hash) {
                Some(v) => v,
                None => learn(
                    table,
                    georgian,
                    s.hash,
                    text.get(s.start..s.end),
                    names,
                    counts,
                ),
            };
            // NONE has the MANY bit too, so a span of one word takes one test.
            if v & MANY == 0 {
                counts.count(v);
            } else if v == NONE {
            } else if let Some(ids) = table.many.get((v & !MANY) as usize) {
                for &id in ids {
                    counts.count(id);
                }
            }
        }
        self.len = 0;
    }
}

/// A counted weight as the index keeps it: occurrences up to 32,767, and [`IN_TITLE`].
fn weight(w: u32) -> u16 {
    ((w >> 16) as u16 & IN_TITLE) | (w & !TITLE).min(u32::from(!IN_TITLE)) as u16
}

/// A span met for the first time: its words, as terms.
#[cold]
#[inline(never)]
fn learn(
    table: &mut Table,
    georgian: &Rules,
    h: u64,
    span: Option<&str>,
    names: &Interner,
    counts: &mut Counts,
) -> u32 {
    let mut ids = Vec::new();
    for word in words(span.unwrap_or_default()) {
        if let Some(term) = term(georgian, table.latin.as_ref(), &word) {
            let id = names.id(&term);
            counts.make_room(id);
            ids.push(id);
        }
    }
    let v = match ids.len() {
        0 => NONE,
        1 => ids[0],
        _ => {
            table.many.push(ids);
            MANY | (table.many.len() - 1) as u32
        }
    };
    table.spans.insert(h, v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(lang: &str, title: &str, text: &str) -> Vec<(String, u16)> {
        let names = Interner::default();
        let mut x = Extractor::default();
        // Twice: the second page reads every span from the table.
        x.page(lang, title, text, &names, None);
        let p = x.page(lang, title, text, &names, None);
        let all = names.read();
        let mut v: Vec<(String, u16)> = p
            .pairs()
            .map(|(t, w)| (all[t as usize].to_string(), w))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn words_are_counted_folded_and_stemmed() {
        let t = terms(
            "ka",
            "მიგრანტები",
            "ᲛᲘᲒᲠᲐᲜᲢᲘ მიგრანტებს, «მიგრანტთა» Courses—course a x2 Wi-Fi-ით",
        );
        let get = |k: &str| t.iter().find(|(n, _)| n == k).map(|(_, w)| *w);
        assert_eq!(get("მიგრანთ"), Some(IN_TITLE | 3), "{t:?}");
        assert_eq!(get("courses"), Some(1));
        assert_eq!(get("course"), Some(1));
        assert_eq!(get("x2"), Some(1));
        assert_eq!(get("wi"), Some(1));
        assert_eq!(get("fi"), Some(1));
        assert_eq!(get("a"), None);
        let en = terms("en", "", "Courses and course");
        assert_eq!(en.iter().find(|(n, _)| n == "cours").map(|x| x.1), Some(2));
    }
}
