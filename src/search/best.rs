//! A term's best pages, kept while pages are counted: each posting (page, weight) packed in
//! one number that sorts the best first, and a list that is cut back to the best whenever it
//! doubles, so that a term on every page costs no more memory than a rare one.

use super::terms::IN_TITLE;

/// Pages a term lists at most (the best by weight)...
pub const MAX_POSTINGS: usize = 48;
/// ...unless more have it in their title: these are all listed, up to this many (a page
/// looked for by its title must be found even when its words are in many titles).
pub const MAX_TITLE_POSTINGS: usize = 256;

/// The best postings of one term seen so far: a few more than are kept in the end, cut back
/// to the best whenever the list doubles, so that a term on every page costs no more memory
/// than a rare one.
#[derive(Debug, Clone, Default)]
pub struct Best {
    /// The postings ([`pack`]ed), in no order until [`Best::done`].
    pub keys: Vec<u64>,
    /// How many of `keys` have the title's bit.
    titles: u16,
    /// Postings kept beyond what the index lists, so that `serve` can drop a few on an
    /// edit and still know the best ([`super::live`]); 0 for a build.
    extra: u16,
    /// Once the list was cut: its worst posting then. A posting without the title's bit
    /// that is no better cannot be listed (as many as the index lists beat it) and is not
    /// kept. 0 (no bar) before the first cut.
    bar: u64,
}

impl Best {
    /// How many postings the index keeps of `len`, `titles` of them from titles.
    pub fn kept(len: usize, titles: usize) -> usize {
        len.min(MAX_POSTINGS.max(titles.min(MAX_TITLE_POSTINGS)))
    }

    /// A list that keeps `extra` postings more than the index lists.
    pub fn deeper(extra: u16) -> Best {
        Best {
            extra,
            ..Best::default()
        }
    }

    /// Add a posting.
    #[inline]
    pub fn push(&mut self, key: u64) {
        if self.bar != 0 && key >= self.bar && key >= TITLE_KEYS {
            return;
        }
        if key < TITLE_KEYS {
            self.titles = self.titles.saturating_add(1);
        }
        self.keys.push(key);
        let limit = 2
            * (MAX_POSTINGS.max(usize::from(self.titles).min(MAX_TITLE_POSTINGS))
                + usize::from(self.extra));
        if self.keys.len() >= limit {
            self.cut();
        }
    }

    /// Keep only the postings the index could still list: the best [`Best::kept`] (and
    /// `extra` more). A posting dropped here is beaten by as many as are kept, and later
    /// ones only add to those.
    pub fn cut(&mut self) {
        let n = Self::kept(self.keys.len(), usize::from(self.titles)) + usize::from(self.extra);
        if self.keys.len() > n {
            self.keys.select_nth_unstable(n);
            self.keys.truncate(n);
            self.bar = self.keys.iter().copied().max().unwrap_or(0);
            self.titles = self.keys.iter().filter(|&&k| k < TITLE_KEYS).count() as u16;
        }
    }
}

impl Best {
    /// The postings of `other` too (another thread's list of the same term).
    pub fn merge(&mut self, other: &Best) {
        for &k in &other.keys {
            self.push(k);
        }
    }

    /// Only the postings the index lists, the best first.
    pub fn done(&mut self) {
        self.cut();
        self.keys.sort_unstable();
        self.keys.shrink_to_fit();
    }
}

/// A posting as one number that orders the best first: the weight, highest first, then
/// the page, lowest first.
pub fn pack(page: u32, weight: u16) -> u64 {
    (u64::from(!weight) << 32) | u64::from(page)
}

/// The page and weight of a packed posting.
pub fn unpack(key: u64) -> (u32, u16) {
    (key as u32, !((key >> 32) as u16))
}

/// Packed postings below this have the title's bit.
pub const TITLE_KEYS: u64 = (IN_TITLE as u64) << 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_cut_as_they_grow_keep_what_one_cut_at_the_end_keeps() {
        // A small generator, so that the lists get every mix of titles and weights.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for (pages, title_share) in [
            (10, 2),
            (100, 50),
            (1000, 97),
            (5000, 90),
            (5000, 0),
            (700, 60),
        ] {
            let keys: Vec<u64> = (0..pages)
                .map(|page| {
                    let w = (next() % 40) as u16 + 1;
                    let title = next() % 100 < title_share;
                    pack(page, if title { w | IN_TITLE } else { w })
                })
                .collect();
            for extra in [0, 16] {
                let mut all = keys.clone();
                let titles = all.iter().filter(|&&k| k < TITLE_KEYS).count();
                let n = (Best::kept(all.len(), titles) + usize::from(extra)).min(all.len());
                all.sort_unstable();
                all.truncate(n);
                let mut best = Best::deeper(extra);
                for &k in &keys {
                    best.push(k);
                }
                best.done();
                assert_eq!(best.keys, all, "{pages} {title_share} {extra}");
                // Cut in two threads' lists and merged, the same.
                let (mut a, mut b) = (Best::deeper(extra), Best::deeper(extra));
                for (i, &k) in keys.iter().enumerate() {
                    if i % 3 == 0 { a.push(k) } else { b.push(k) }
                }
                a.merge(&b);
                a.done();
                assert_eq!(a.keys, all, "merged: {pages} {title_share} {extra}");
            }
        }
    }
}
