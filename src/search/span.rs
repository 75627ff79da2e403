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

/// Eight bytes from `at`, or `None` when fewer than eight are left. `last` is
/// `b.len().saturating_sub(8)`, worked out once by the caller: with `at <= last` tested
/// first, the compiler drops the slice's own bounds test.
#[inline(always)]
fn load(b: &[u8], at: usize, last: usize) -> Option<u64> {
    match b.get(at..at + 8) {
        Some(c) if at <= last => c.first_chunk::<8>().map(|c| u64::from_le_bytes(*c)),
        _ => None,
    }
}

/// The last bytes of `b` from `at`, padded with spaces.
#[cold]
#[inline(never)]
fn load_end(b: &[u8], at: usize) -> u64 {
    let mut buf = [b' '; 8];
    for (k, v) in b.iter().skip(at).take(8).enumerate() {
        buf[k] = *v;
    }
    u64::from_le_bytes(buf)
}

#[inline(always)]
fn step(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(5) ^ chunk).wrapping_mul(K)
}

/// Calls `f(start, end, hash)` for each span of `b`, in order: its first byte, the byte
/// after its last, and its hash.
#[inline(always)]
pub fn each(b: &[u8], mut f: impl FnMut(usize, usize, u64)) {
    // Where to look for the next span when the last chunk read showed none.
    let mut i = 0;
    // The last chunk's bytes after the span that ended in it (high bits, 0 if none) and
    // where that chunk starts: the next span starts there without reading it again.
    let mut ahead = 0u64;
    let mut at = 0;
    // The last place a chunk wholly inside `b` can start (the test that lets the compiler
    // drop a second bounds test); a chunk past it is padded with spaces.
    let last = b.len().saturating_sub(8);
    loop {
        let start = if ahead != 0 {
            at + (ahead.trailing_zeros() / 8) as usize
        } else {
            // Separators skipped eight at a time (never a padding byte, which is a space).
            loop {
                if i >= b.len() {
                    return;
                }
                let chunk = load(b, i, last).unwrap_or_else(|| load_end(b, i));
                let first = !separators(chunk) & HIGH;
                if first != 0 {
                    break i + (first.trailing_zeros() / 8) as usize;
                }
                i += 8;
            }
        };
        at = start;
        let mut h = 0u64;
        let (chunk, ends) = loop {
            let chunk = match load(b, at, last) {
                Some(chunk) => chunk,
                None => {
                    // Fewer than eight bytes left: padded with spaces, so a separator is met.
                    let chunk = load_end(b, at);
                    break (chunk, separators(chunk));
                }
            };
            let ends = separators(chunk);
            if ends != 0 {
                break (chunk, ends);
            }
            h = step(h, chunk);
            at += 8;
        };
        // The high bit of the first separator, and the bytes before it.
        let first = ends & ends.wrapping_neg();
        let h = step(h, chunk & (first >> 7).wrapping_sub(1));
        f(
            start,
            at + (first.trailing_zeros() / 8) as usize,
            h ^ (h >> 29),
        );
        ahead = !ends & HIGH & !(first << 1).wrapping_sub(1);
        i = at + 8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        each(text.as_bytes(), |start, end, _| out.push(&text[start..end]));
        out
    }

    fn count(b: &[u8]) -> usize {
        let mut n = 0;
        each(b, |_, _, _| n += 1);
        n
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
            let n = count(&bytes);
            assert_eq!(n == 1, c > b' ', "{c}");
        }
    }

    #[test]
    fn equal_spans_hash_equal_and_others_differ() {
        let h = |s: &str| {
            let mut first = None;
            each(s.as_bytes(), |_, _, h| {
                first.get_or_insert(h);
            });
            first.unwrap_or(0)
        };
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
