//! What the index keeps of a page while `serve` may render it again: its terms with their
//! weights, packed (about two bytes a term instead of six: `serve` holds those of every
//! page, some 95 million at N = 100,000), and the start of its text.

use super::terms::IN_TITLE;

/// A page's terms, each one's weight (how often it occurs, with [`IN_TITLE`] when the
/// title has it), and the start of its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageTerms {
    /// The terms by number, each as two LEB128 numbers: how far its number is from the one
    /// before, and its weight (the count doubled, plus one for the title).
    packed: Box<[u8]>,
    /// The first words of the page, for the result's snippet.
    pub excerpt: Box<str>,
}

impl PageTerms {
    /// The terms `pairs` (term number, weight; sorted here) and the excerpt.
    pub fn new(pairs: &mut [(u32, u16)], excerpt: Box<str>) -> PageTerms {
        pairs.sort_unstable_by_key(|&(t, _)| t);
        let mut packed = Vec::with_capacity(pairs.len() * 2 + 8);
        let mut last = 0;
        for &(t, w) in pairs.iter() {
            push_number(&mut packed, t - last);
            push_number(
                &mut packed,
                (u32::from(w & !IN_TITLE) << 1) | u32::from(w >> 15),
            );
            last = t;
        }
        PageTerms {
            packed: packed.into(),
            excerpt,
        }
    }

    /// A page without terms, only its excerpt.
    pub fn excerpt_only(excerpt: Box<str>) -> PageTerms {
        PageTerms {
            packed: Box::default(),
            excerpt,
        }
    }

    /// Each term and its weight, by term number.
    pub fn pairs(&self) -> Pairs<'_> {
        Pairs {
            rest: &self.packed,
            term: 0,
        }
    }
}

/// The terms of a page and their weights ([`PageTerms::pairs`]).
pub struct Pairs<'a> {
    rest: &'a [u8],
    term: u32,
}

impl Iterator for Pairs<'_> {
    type Item = (u32, u16);

    #[inline]
    fn next(&mut self) -> Option<(u32, u16)> {
        let step = self.number()?;
        let w = self.number()?;
        self.term = self.term.wrapping_add(step);
        Some((
            self.term,
            ((w >> 1) as u16) | if w & 1 == 1 { IN_TITLE } else { 0 },
        ))
    }
}

impl Pairs<'_> {
    /// The next LEB128 number.
    #[inline]
    fn number(&mut self) -> Option<u32> {
        let mut n = 0u32;
        for (i, &b) in self.rest.iter().enumerate().take(5) {
            n |= u32::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.rest = &self.rest[i + 1..];
                return Some(n);
            }
        }
        None
    }
}

/// Append `n` as LEB128: seven bits a byte, the high bit set on all but the last.
fn push_number(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_weights_come_back_sorted_by_term() {
        let mut pairs = vec![
            (70_000, 3),
            (0, 1),
            (5, IN_TITLE | 2),
            (u32::MAX, 0x7fff | IN_TITLE),
            (127, 128),
            (128, 0x7fff),
            (6, 1),
        ];
        let p = PageTerms::new(&mut pairs, "x".into());
        let back: Vec<(u32, u16)> = p.pairs().collect();
        assert_eq!(back, pairs, "sorted, all kept");
        assert!(back.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(PageTerms::new(&mut [], "".into()).pairs().count(), 0);
        // Small numbers take a byte each.
        let mut small: Vec<(u32, u16)> = (0..100).map(|t| (t * 3, 5)).collect();
        assert_eq!(PageTerms::new(&mut small, "".into()).packed.len(), 200);
    }
}
