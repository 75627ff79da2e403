//! Spans of a text: runs of bytes above the ASCII space (so cut at spaces, tabs, line ends
//! and other control characters), found and hashed eight bytes at a time in one pass (a
//! separator test of four operations, then FxHash's step, and a final mix). No byte is
//! classified further here: what a span holds (one word, a word with punctuation, several
//! words, none) is found out once per distinct span, when it is first met
//! ([`Extractor`](super::terms::Extractor)).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// The high bit of each byte of `x` that is a separator (at most the ASCII space).
fn separators(x: u64) -> u64 {
    !((((x & !HIGH) + ONES * (0x80 - 0x21)) | x) & HIGH) & HIGH
}

/// Eight bytes from `at`; past the end of `b`, spaces.
#[inline(always)]
fn load(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
            u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
        }
        _ => {
            let mut buf = [b' '; 8];
            for (k, v) in b.iter().skip(at).take(8).enumerate() {
                buf[k] = *v;
            }
            u64::from_le_bytes(buf)
        }
    }
}

#[inline(always)]
fn step(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(5) ^ chunk).wrapping_mul(K)
}

/// One span of a text: where it is and its hash.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// Its first byte.
    pub start: usize,
    /// The byte after its last.
    pub end: usize,
    /// Its hash.
    pub hash: u64,
}

/// The spans of a text, in order.
pub struct Spans<'a> {
    b: &'a [u8],
    i: usize,
}

/// The spans of `b`.
pub fn spans(b: &[u8]) -> Spans<'_> {
    Spans { b, i: 0 }
}

impl Iterator for Spans<'_> {
    type Item = Span;

    #[inline]
    fn next(&mut self) -> Option<Span> {
        let b = self.b;
        let mut i = self.i;
        // Separators skipped eight at a time: a span starts at the first byte that is not one
        // (never a padding byte, which is a space).
        loop {
            if i >= b.len() {
                self.i = i;
                return None;
            }
            let first = !separators(load(b, i)) & HIGH;
            if first != 0 {
                i += (first.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let start = i;
        let mut h = 0u64;
        loop {
            let chunk = load(b, i);
            let ends = separators(chunk);
            if ends == 0 {
                h = step(h, chunk);
                i += 8;
                continue;
            }
            let k = (ends.trailing_zeros() / 8) as usize;
            h = step(h, chunk & (1u64 << (8 * k)).wrapping_sub(1));
            i += k;
            break;
        }
        let h = (h ^ (i - start) as u64).wrapping_mul(K);
        self.i = i;
        Some(Span {
            start,
            end: i,
            hash: h ^ (h >> 29),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        spans(text.as_bytes())
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn spans_are_cut_at_spaces_tabs_and_line_ends() {
        assert_eq!(
            cut("Hello, world!\tმიგრანტებისთვის—და\n\nx2  «ენა» a_b-c 0123456789abcdefgh"),
            [
                "Hello,",
                "world!",
                "მიგრანტებისთვის—და",
                "x2",
                "«ენა»",
                "a_b-c",
                "0123456789abcdefgh"
            ]
        );
        assert_eq!(cut(""), Vec::<&str>::new());
        assert_eq!(cut(" \n "), Vec::<&str>::new());
        assert_eq!(cut("abcdefgh"), ["abcdefgh"]);
        let wide = format!("a{}bc{}", " ".repeat(21), "\n".repeat(17));
        assert_eq!(cut(&wide), ["a", "bc"]);
        for c in 0u8..=255 {
            let bytes = [b'a', b'b', c, b'c', b'd', b'e', b'f', b'g', b'h', b'i'];
            let n = spans(&bytes).count();
            assert_eq!(n == 1, c > b' ', "{c}");
        }
    }

    #[test]
    fn equal_spans_hash_equal_and_others_differ() {
        let h = |s: &str| spans(s.as_bytes()).next().map_or(0, |s| s.hash);
        assert_eq!(h("მიგრანტი"), h(" მიგრანტი\n"));
        assert_eq!(h("abcdefgh"), h("abcdefgh\r"));
        let words = [
            "a",
            "ab",
            "abc",
            "abcdefgh",
            "abcdefghi",
            "abcdefgi",
            "ba",
            "თბილისი",
            "თბილისში",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(h(a), h(b), "{a} {b}");
            }
        }
    }
}
