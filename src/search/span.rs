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
fn load(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()) {
        Some(a) => u64::from_le_bytes(a),
        None => {
            let mut buf = [b' '; 8];
            for (k, v) in b.iter().skip(at).take(8).enumerate() {
                buf[k] = *v;
            }
            u64::from_le_bytes(buf)
        }
    }
}

fn step(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(5) ^ chunk).wrapping_mul(K)
}

/// The next span at or after `i`: (start, end, hash); the hash is never 0.
pub fn next(b: &[u8], mut i: usize) -> Option<(usize, usize, u64)> {
    while i < b.len() && b[i] <= b' ' {
        i += 1;
    }
    if i >= b.len() {
        return None;
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
        if k > 0 {
            h = step(h, chunk & (u64::MAX >> (64 - 8 * k)));
        }
        i += k;
        break;
    }
    let h = (h ^ (i - start) as u64).wrapping_mul(K);
    Some((start, i.min(b.len()), (h ^ (h >> 32)) | 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some((s, e, _)) = next(text.as_bytes(), i) {
            out.push(&text[s..e]);
            i = e;
        }
        out
    }

    #[test]
    fn spans_are_cut_at_spaces_tabs_and_line_ends() {
        assert_eq!(
            spans("Hello, world!\tმიგრანტებისთვის—და\n\nx2  «ენა» a_b-c 0123456789abcdefgh"),
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
        assert_eq!(spans(""), Vec::<&str>::new());
        assert_eq!(spans(" \n "), Vec::<&str>::new());
        assert_eq!(spans("abcdefgh"), ["abcdefgh"]);
        for c in 0u8..=255 {
            let bytes = [b'a', b'b', c, b'c', b'd', b'e', b'f', b'g', b'h', b'i'];
            let mut n = 0;
            let mut i = 0;
            while let Some((_, e, _)) = next(&bytes, i) {
                n += 1;
                i = e;
            }
            assert_eq!(n == 1, c > b' ', "{c}");
        }
    }

    #[test]
    fn equal_spans_hash_equal_and_others_differ() {
        let h = |s: &str| next(s.as_bytes(), 0).unwrap().2;
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
