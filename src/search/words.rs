//! The words of a span of text and the term each one is indexed as: Georgian folded and
//! stemmed, other words lower-cased (and stemmed where the language has rules).

use super::fold::{fold, is_georgian};
use super::stem::Rules;

/// Words longer than this are not indexed (they are not words people type).
const MAX_WORD_CHARS: usize = 40;

/// The term of one word (letters and digits of one script), if it is indexed.
pub fn term(georgian: &Rules, latin: Option<&Rules>, word: &str) -> Option<String> {
    let n = word.chars().count();
    if !(2..=MAX_WORD_CHARS).contains(&n) {
        return None;
    }
    Some(if word.chars().next().is_some_and(is_georgian) {
        let folded: String = word.chars().map(fold).collect();
        georgian.stem(&folded)
    } else {
        let lower = word.to_lowercase();
        match latin {
            Some(r) => r.stem(&lower),
            None => lower,
        }
    })
}
/// The words of a span: runs of letters and digits, cut where Georgian letters meet others.
pub fn words(span: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_georgian = false;
    for c in span.chars() {
        let letter =
            c.is_ascii_alphanumeric() || is_georgian(c) || (!c.is_ascii() && c.is_alphanumeric());
        if !letter {
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
