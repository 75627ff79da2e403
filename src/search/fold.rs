//! Georgian letters folded for search: Mtavruli (capitals) to Mkhedruli, and each pair of
//! letters that Latin typing cannot tell apart (ტ/თ, კ/ქ/ყ, პ/ფ, ჭ/ჩ, წ/ც) to one letter,
//! so that "tbilisi", "Tbilisi" and "თბილისი" meet; plus the two ways of typing Georgian in
//! Latin letters that the client reads (the national romanisation and the Georgian keyboard).

/// Whether `c` is a Georgian letter (Mkhedruli, Mtavruli, Asomtavruli or Nuskhuri).
pub fn is_georgian(c: char) -> bool {
    matches!(c, '\u{10A0}'..='\u{10FF}' | '\u{1C90}'..='\u{1CBF}' | '\u{2D00}'..='\u{2D2F}')
}

/// Whether `c` is one of the 33 Mkhedruli letters of today's alphabet and the old ones
/// (U+10D0..U+10FA): letters (`is_alphanumeric`) that have no case to fold, told apart
/// without a lookup in Unicode's tables.
#[inline]
pub fn is_mkhedruli_letter(c: char) -> bool {
    ('\u{10D0}'..='\u{10FA}').contains(&c)
}

/// A Mtavruli capital as its Mkhedruli letter (other characters as they are).
pub fn capital_free(c: char) -> char {
    match c {
        '\u{1C90}'..='\u{1CBA}' | '\u{1CBD}'..='\u{1CBF}' => {
            char::from_u32(c as u32 - 0x1C90 + 0x10D0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Letters folded onto one: (letter, the letter it becomes).
pub const PAIRS: &[(char, char)] = &[
    ('ტ', 'თ'),
    ('კ', 'ქ'),
    ('ყ', 'ქ'),
    ('პ', 'ფ'),
    ('ჭ', 'ჩ'),
    ('წ', 'ც'),
];

/// The letter a Georgian letter is searched as.
pub fn fold(c: char) -> char {
    let c = capital_free(c);
    PAIRS
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |(_, to)| *to)
}

/// Every letter [`fold`] changes, with what it becomes (for the client).
pub fn fold_table() -> Vec<(char, char)> {
    let capitals = ('\u{1C90}'..='\u{1CBF}')
        .filter(|&c| fold(c) != c)
        .map(|c| (c, fold(c)));
    capitals.chain(PAIRS.iter().copied()).collect()
}

/// The national romanisation (2002), without the apostrophes of ejectives (readers rarely
/// type them; the client drops them): letter groups first.
pub const NATIONAL: &[(&str, char)] = &[
    ("kh", 'ხ'),
    ("gh", 'ღ'),
    ("sh", 'შ'),
    ("ch", 'ჩ'),
    ("ts", 'ც'),
    ("dz", 'ძ'),
    ("zh", 'ჟ'),
    ("a", 'ა'),
    ("b", 'ბ'),
    ("g", 'გ'),
    ("d", 'დ'),
    ("e", 'ე'),
    ("v", 'ვ'),
    ("z", 'ზ'),
    ("t", 'თ'),
    ("i", 'ი'),
    ("k", 'ქ'),
    ("l", 'ლ'),
    ("m", 'მ'),
    ("n", 'ნ'),
    ("o", 'ო'),
    ("p", 'ფ'),
    ("r", 'რ'),
    ("s", 'ს'),
    ("u", 'უ'),
    ("q", 'ყ'),
    ("j", 'ჯ'),
    ("h", 'ჰ'),
    ("c", 'ც'),
    ("w", 'ვ'),
    ("y", 'ი'),
    ("f", 'ფ'),
    ("x", 'ხ'),
];

/// The Georgian keyboard layout (QWERTY positions; upper case where the layout uses Shift).
pub const KEYBOARD: &[(char, char)] = &[
    ('a', 'ა'),
    ('b', 'ბ'),
    ('g', 'გ'),
    ('d', 'დ'),
    ('e', 'ე'),
    ('v', 'ვ'),
    ('z', 'ზ'),
    ('T', 'თ'),
    ('i', 'ი'),
    ('k', 'კ'),
    ('l', 'ლ'),
    ('m', 'მ'),
    ('n', 'ნ'),
    ('o', 'ო'),
    ('p', 'პ'),
    ('J', 'ჟ'),
    ('r', 'რ'),
    ('s', 'ს'),
    ('t', 'ტ'),
    ('u', 'უ'),
    ('f', 'ფ'),
    ('q', 'ქ'),
    ('R', 'ღ'),
    ('y', 'ყ'),
    ('S', 'შ'),
    ('C', 'ჩ'),
    ('c', 'ც'),
    ('Z', 'ძ'),
    ('w', 'წ'),
    ('W', 'ჭ'),
    ('x', 'ხ'),
    ('j', 'ჯ'),
    ('h', 'ჰ'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_and_pairs_fold() {
        let folded: String = "ᲗᲑᲘᲚᲘᲡᲘ ტყე".chars().map(fold).collect();
        assert_eq!(folded, "თბილისი თქე");
        assert_eq!(fold('a'), 'a');
        assert!(fold_table().len() > 40);
    }

    #[test]
    fn mkhedruli_letters_are_letters_without_case() {
        let all: Vec<char> = ('\u{1000}'..='\u{1FFF}')
            .filter(|&c| is_mkhedruli_letter(c))
            .collect();
        assert_eq!(all.len(), 43);
        for c in all {
            assert!(c.is_alphanumeric(), "{c}");
            assert!(is_georgian(c), "{c}");
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c}");
        }
        assert!(!is_mkhedruli_letter('჻'));
        assert!(!is_mkhedruli_letter('Ა'));
    }
}
