//! The spans met before, by hash: open addressing with linear probing, eight bytes a slot
//! (the hash's upper half as a tag, and the span's value). A language of the N = 10,000
//! bench corpus has about 47,000 spans, so its table is 131,072 slots (1 MB): more than some
//! processors' nearest caches hold, which is why `terms::Extractor::scan` reads the first
//! slots of several spans ([`SpanTable::first`]) before it looks at any. Two spans are
//! taken as one when one lies on the other's probe path and their tags (31 bits) are
//! equal: about one comparison of different spans per span, so with 47,000 spans odds of
//! about 1 in 45,000 per language and build that one word is counted as another.

/// Spans by hash.
pub struct SpanTable {
    /// `tag << 32 | value`; 0 marks a free slot (a tag is never 0).
    slots: Vec<u64>,
    /// Every span's hash and value, to place them again when the table grows.
    entries: Vec<(u64, u32)>,
}

#[inline(always)]
fn tag(h: u64) -> u64 {
    (h >> 32) | 1
}

impl Default for SpanTable {
    fn default() -> Self {
        SpanTable {
            slots: vec![0; 1 << 12],
            entries: Vec::new(),
        }
    }
}

impl SpanTable {
    /// The value of the span with hash `h`, if it was met before.
    #[inline]
    pub fn get(&self, h: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let t = tag(h);
        let mut i = h as usize & mask;
        loop {
            let s = *self.slots.get(i)?;
            if s >> 32 == t {
                return Some(s as u32);
            }
            if s == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The slot where the span with hash `h` is looked for first (0 when the table is
    /// empty). Reading the first slots of several spans before looking at any lets the
    /// processor fetch them from memory at the same time ([`SpanTable::get_from`]).
    #[inline(always)]
    pub fn first(&self, h: u64) -> u64 {
        self.slots
            .get(h as usize & (self.slots.len() - 1))
            .copied()
            .unwrap_or(0)
    }

    /// [`SpanTable::get`], given what [`SpanTable::first`] read for `h`, maybe before
    /// spans were added.
    #[inline(always)]
    pub fn get_from(&self, first: u64, h: u64) -> Option<u32> {
        if first >> 32 == tag(h) {
            // A span's value never changes, and the table grows only by adding.
            Some(first as u32)
        } else {
            self.get(h)
        }
    }

    /// Keep `v` for the span with hash `h` (not in the table).
    pub fn insert(&mut self, h: u64, v: u32) {
        self.entries.push((h, v));
        if self.entries.len() * 2 > self.slots.len() {
            self.slots = vec![0; self.slots.len() * 2];
            for k in 0..self.entries.len() {
                let (h, v) = self.entries[k];
                self.place(h, v);
            }
        } else {
            self.place(h, v);
        }
    }

    fn place(&mut self, h: u64, v: u32) {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = tag(h) << 32 | u64::from(v);
    }

    /// How many spans it holds.
    #[cfg(test)]
    pub fn count(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_found_after_the_table_grows() {
        let mut t = SpanTable::default();
        let hash = |k: u64| k.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (k << 40);
        for k in 0..20_000u64 {
            assert_eq!(t.get(hash(k)), None, "{k}");
            t.insert(hash(k), k as u32);
        }
        assert_eq!(t.count(), 20_000);
        for k in 0..20_000u64 {
            assert_eq!(t.get(hash(k)), Some(k as u32), "{k}");
        }
        assert_eq!(t.get(hash(20_001)), None);
        // A first slot read before the table grew still leads to the right value.
        let mut u = SpanTable::default();
        u.insert(hash(0), 0);
        let first = u.first(hash(0));
        for k in 1..20_000u64 {
            u.insert(hash(k), k as u32);
        }
        assert_eq!(u.get_from(first, hash(0)), Some(0));
        assert_eq!(u.get_from(first, hash(1)), Some(1));
        assert_eq!(u.get_from(0, hash(20_001)), None);
        // A value of u32::MAX (a span with no term) is kept as it is.
        t.insert(7, u32::MAX);
        assert_eq!(t.get(7), Some(u32::MAX));
    }
}
