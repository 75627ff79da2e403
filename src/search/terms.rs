//! A page's words → its terms and how often each occurs, fast: the text is cut at ASCII
//! bytes that are not letters or digits (any other byte stays in the span), and each span's
//! bytes are looked up in a table of the spans met before; only a new span is decoded, split
//! into words, folded and stemmed ([`Extractor::learn`]). Terms get numbers from an
//! [`Interner`] shared by the threads of a render, so pages can be indexed together later.

use super::fold::{fold, is_georgian};
use super::stem::Rules;
use rustc_hash::FxHashMap;
use std::sync::Mutex;

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

    /// Every term, by number.
    pub fn names(&self) -> Vec<Box<str>> {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .names
            .clone()
    }
}

/// What the index keeps of a page: its terms, each one's weight (how often it occurs, with
/// [`IN_TITLE`] when the title has it) and the start of its text.
#[derive(Debug, Clone, Default)]
pub struct PageTerms {
    /// Term numbers ([`Interner`]).
    pub terms: Box<[u32]>,
    /// Weight of each term.
    pub weights: Box<[u16]>,
    /// The first words of the page, for the result's snippet.
    pub excerpt: Box<str>,
}

/// The weight bit of a term in the page's title.
pub const IN_TITLE: u16 = 0x8000;

/// Letters kept for the snippet.
const EXCERPT_CHARS: usize = 200;

/// Words longer than this are not indexed (they are not words people type).
const MAX_WORD_CHARS: usize = 40;

/// A span: no term, one, or several (`MANY | index` into `Table::many`).
const NONE: u32 = u32::MAX;
const MANY: u32 = 1 << 31;

/// The spans met on pages of one language.
struct Table {
    lang: String,
    latin: Option<Rules>,
    spans: FxHashMap<Box<[u8]>, u32>,
    many: Vec<Vec<u32>>,
}

/// Makes pages' terms; one per thread (not shared), reused from page to page.
pub struct Extractor {
    georgian: Rules,
    tables: Vec<Table>,
    /// Per term number: the page (`stamp`) it was last counted on, and where.
    seen: Vec<(u32, u32)>,
    stamp: u32,
    terms: Vec<u32>,
    weights: Vec<u16>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            georgian: Rules::georgian(),
            tables: Vec::new(),
            seen: Vec::new(),
            stamp: 0,
            terms: Vec::new(),
            weights: Vec::new(),
        }
    }
}

/// Bytes that end a span: ASCII other than letters and digits.
const fn breaks() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !(b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
}
static BREAKS: [bool; 256] = breaks();

impl Extractor {
    /// The terms of a page in `lang` with this title and text.
    pub fn page(&mut self, lang: &str, title: &str, text: &str, names: &Interner) -> PageTerms {
        let t = match self.tables.iter().position(|t| t.lang == lang) {
            Some(i) => i,
            None => {
                self.tables.push(Table {
                    lang: lang.to_string(),
                    latin: Rules::latin(lang),
                    spans: FxHashMap::default(),
                    many: Vec::new(),
                });
                self.tables.len() - 1
            }
        };
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.seen.iter_mut().for_each(|s| s.0 = 0);
            self.stamp = 1;
        }
        self.terms.clear();
        self.weights.clear();
        self.scan(t, title, names, IN_TITLE);
        for w in self.weights.iter_mut() {
            *w = IN_TITLE;
        }
        self.scan(t, text, names, 0);
        let excerpt = match text.char_indices().nth(EXCERPT_CHARS) {
            Some((i, _)) => format!("{}…", text[..i].trim_end()),
            None => text.trim_end().to_string(),
        };
        PageTerms {
            terms: self.terms.as_slice().into(),
            weights: self.weights.as_slice().into(),
            excerpt: excerpt.trim_start().into(),
        }
    }

    /// Count the terms of `text`.
    fn scan(&mut self, t: usize, text: &str, names: &Interner, flag: u16) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if BREAKS[b[i] as usize] {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && !BREAKS[b[i] as usize] {
                i += 1;
            }
            let span = &b[start..i];
            let v = match self.tables[t].spans.get(span) {
                Some(&v) => v,
                None => self.learn(t, &text[start..i], names),
            };
            if v == NONE {
            } else if v & MANY == 0 {
                self.count(v, flag);
            } else {
                for k in 0..self.tables[t].many[(v & !MANY) as usize].len() {
                    let id = self.tables[t].many[(v & !MANY) as usize][k];
                    self.count(id, flag);
                }
            }
        }
    }

    fn count(&mut self, id: u32, flag: u16) {
        let s = &mut self.seen[id as usize];
        if s.0 == self.stamp {
            let w = &mut self.weights[s.1 as usize];
            *w = (*w & IN_TITLE) | ((*w & !IN_TITLE) + 1).min(!IN_TITLE) | flag;
        } else {
            *s = (self.stamp, self.terms.len() as u32);
            self.terms.push(id);
            self.weights.push(1 | flag);
        }
    }

    /// A span met for the first time: its words, as terms.
    fn learn(&mut self, t: usize, span: &str, names: &Interner) -> u32 {
        let mut ids = Vec::new();
        for word in words(span) {
            let term = self.term(t, &word);
            if let Some(term) = term {
                let id = names.id(&term);
                if self.seen.len() <= id as usize {
                    self.seen.resize(id as usize + 1024, (0, 0));
                }
                ids.push(id);
            }
        }
        let table = &mut self.tables[t];
        let v = match ids.len() {
            0 => NONE,
            1 => ids[0],
            _ => {
                table.many.push(ids);
                MANY | (table.many.len() - 1) as u32
            }
        };
        table.spans.insert(span.as_bytes().into(), v);
        v
    }

    /// The term of one word (letters and digits of one script), if it is indexed.
    fn term(&self, t: usize, word: &str) -> Option<String> {
        let n = word.chars().count();
        if !(2..=MAX_WORD_CHARS).contains(&n) {
            return None;
        }
        Some(if word.chars().next().is_some_and(is_georgian) {
            let folded: String = word.chars().map(fold).collect();
            self.georgian.stem(&folded)
        } else {
            let lower = word.to_lowercase();
            match &self.tables[t].latin {
                Some(r) => r.stem(&lower),
                None => lower,
            }
        })
    }
}

/// The words of a span: runs of letters and digits, cut where Georgian letters meet others.
pub fn words(span: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_georgian = false;
    for c in span.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let g = is_georgian(c);
        if !cur.is_empty() && g != cur_georgian {
            out.push(std::mem::take(&mut cur));
        }
        cur_georgian = g;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(lang: &str, title: &str, text: &str) -> Vec<(String, u16)> {
        let names = Interner::default();
        let mut x = Extractor::default();
        // Twice: the second page reads every span from the table.
        x.page(lang, title, text, &names);
        let p = x.page(lang, title, text, &names);
        let all = names.names();
        let mut v: Vec<(String, u16)> = p
            .terms
            .iter()
            .zip(p.weights.iter())
            .map(|(&t, &w)| (all[t as usize].to_string(), w))
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
