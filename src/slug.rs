//! URL slugs: Georgian national romanisation (2002) by hand, every other script through
//! the `any_ascii` crate.
//!
//! Georgian is romanised with the national system of 2002 (the one BGN/PCGN adopted in
//! 2009 and ICU ships as `Georgian-Latin/BGN`), with the apostrophes that mark ejectives
//! dropped, so `ჭიანჭველა` becomes `chianchvela`. Mtavruli capitals and the old
//! Asomtavruli/Nuskhuri letters are read as their Mkhedruli equivalents. Letters and digits
//! of other scripts (accented Latin, Cyrillic, Greek, Arabic, Persian, Hebrew, CJK, ...)
//! are romanised by `any_ascii`, so an Arabic or Russian title never gives an empty slug;
//! punctuation and symbols separate words.

use std::collections::HashMap;

/// What one (already lower-cased) character turns into inside a slug.
enum Piece {
    /// ASCII text to append.
    Text(&'static str),
    /// A single ASCII character to append.
    Char(char),
    /// A romanisation from `any_ascii`: its ASCII letters (lower-cased) and digits.
    Roman(&'static str),
    /// Nothing, and the word goes on (combining accents, soft hyphens, apostrophes, ...).
    Ignore,
    /// A word boundary.
    Separator,
}

/// Turns `text` into a URL slug made of `[a-z0-9]` words joined by single `-`.
///
/// Georgian follows the 2002 national romanisation without apostrophes; ASCII letters are
/// lower-cased and digits kept; accented Latin, Cyrillic and Greek letters are
/// transliterated. Any other character separates words. Apostrophes, soft hyphens,
/// zero-width characters and combining accents are dropped without splitting the word.
///
/// Returns an empty string when nothing usable remains (for example `"???"`); callers
/// decide whether that is an error.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_separator = false;
    for original in text.chars() {
        for c in fold_case(original) {
            match piece(c) {
                Piece::Ignore => {}
                Piece::Separator => pending_separator = true,
                Piece::Char(ch) => {
                    push_separator(&mut out, &mut pending_separator);
                    out.push(ch);
                }
                Piece::Text(s) => {
                    push_separator(&mut out, &mut pending_separator);
                    out.push_str(s);
                }
                Piece::Roman(s) => {
                    for ch in s.chars().filter(char::is_ascii_alphanumeric) {
                        push_separator(&mut out, &mut pending_separator);
                        out.push(ch.to_ascii_lowercase());
                    }
                }
            }
        }
    }
    out
}

/// Returns a fragment identifier (`id`) based on `base` that has not been handed out yet.
///
/// The first call with a given base returns it unchanged, later calls return `base-2`,
/// `base-3`, ... skipping any id already handed out (so a heading that literally reads
/// `x-2` cannot collide with the second `x`). An empty `base` is replaced by `section`.
/// `seen` records every id returned so far; use one map per page.
pub fn unique_anchor(base: &str, seen: &mut HashMap<String, usize>) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let Some(&count) = seen.get(base) else {
        seen.insert(base.to_owned(), 1);
        return base.to_owned();
    };
    let mut n = count;
    let candidate = loop {
        n += 1;
        let candidate = format!("{base}-{n}");
        if !seen.contains_key(&candidate) {
            break candidate;
        }
    };
    seen.insert(base.to_owned(), n);
    seen.insert(candidate.clone(), 1);
    candidate
}

/// Appends the pending `-`, unless the slug is still empty (no leading separator).
fn push_separator(out: &mut String, pending: &mut bool) {
    if *pending && !out.is_empty() {
        out.push('-');
    }
    *pending = false;
}

/// Lower-cases one character, mapping the Georgian capital and ecclesiastical scripts
/// (Mtavruli, Asomtavruli, Nuskhuri) onto Mkhedruli explicitly so the result does not
/// depend on the Unicode version of the standard library.
fn fold_case(c: char) -> std::char::ToLowercase {
    let offset = match u32::from(c) {
        // Mtavruli U+1C90..U+1CBF -> Mkhedruli U+10D0..U+10FF.
        cp @ 0x1C90..=0x1CBF => Some(cp - 0x1C90 + 0x10D0),
        // Asomtavruli U+10A0..U+10C5 -> Mkhedruli U+10D0..U+10F5 (same letter order).
        cp @ 0x10A0..=0x10C5 => Some(cp - 0x10A0 + 0x10D0),
        // Nuskhuri U+2D00..U+2D25 -> Mkhedruli U+10D0..U+10F5.
        cp @ 0x2D00..=0x2D25 => Some(cp - 0x2D00 + 0x10D0),
        _ => None,
    };
    offset.and_then(char::from_u32).unwrap_or(c).to_lowercase()
}

/// Maps one lower-case character to its slug piece.
fn piece(c: char) -> Piece {
    match c {
        'a'..='z' | '0'..='9' => Piece::Char(c),
        '\u{10D0}'..='\u{10FF}' => georgian(c),
        // Apostrophes (also the ejective mark in romanised Georgian), combining accents
        // of decomposed text, soft hyphen and zero-width characters stay inside the word.
        '\''
        | '\u{2019}'
        | '\u{02BC}'
        | '\u{0300}'..='\u{036F}'
        | '\u{00AD}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'
        | '\u{FEFF}' => Piece::Ignore,
        _ if c.is_ascii() => Piece::Separator,
        _ => other_script(c),
    }
}

/// A letter or digit of another script, romanised; a mark that `any_ascii` drops (Arabic
/// vowel signs, the Cyrillic soft sign) stays inside the word; any other symbol separates.
fn other_script(c: char) -> Piece {
    let roman = any_ascii::any_ascii_char(c);
    if !c.is_alphanumeric() {
        return if roman.is_empty() {
            Piece::Ignore
        } else {
            Piece::Separator
        };
    }
    if roman.chars().any(|r| r.is_ascii_alphanumeric()) {
        Piece::Roman(roman)
    } else {
        Piece::Ignore
    }
}

/// Georgian Mkhedruli, national romanisation of 2002 without apostrophes.
fn georgian(c: char) -> Piece {
    Piece::Text(match c {
        'ა' => "a",
        'ბ' => "b",
        'გ' => "g",
        'დ' => "d",
        'ე' => "e",
        'ვ' => "v",
        'ზ' => "z",
        'თ' => "t",
        'ი' => "i",
        'კ' => "k",
        'ლ' => "l",
        'მ' => "m",
        'ნ' => "n",
        'ო' => "o",
        'პ' => "p",
        'ჟ' => "zh",
        'რ' => "r",
        'ს' => "s",
        'ტ' => "t",
        'უ' => "u",
        'ფ' => "p",
        'ქ' => "k",
        'ღ' => "gh",
        'ყ' => "q",
        'შ' => "sh",
        'ჩ' => "ch",
        'ც' => "ts",
        'ძ' => "dz",
        'წ' => "ts",
        'ჭ' => "ch",
        'ხ' => "kh",
        'ჯ' => "j",
        'ჰ' => "h",
        // Archaic and extension letters: closest plain Latin letter.
        'ჱ' => "e",
        'ჲ' | 'ჷ' => "y",
        'ჳ' => "w",
        'ჴ' => "q",
        'ჵ' => "o",
        'ჶ' => "f",
        'ჹ' => "g",
        // Glottal stop and ayin letters behave like apostrophes.
        'ჸ' | 'ჺ' => return Piece::Ignore,
        _ => return Piece::Separator,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_values() {
        assert_eq!(slugify("თბილისი"), "tbilisi");
        assert_eq!(slugify("ქუთაისი"), "kutaisi");
        assert_eq!(slugify("ჭიანჭველა"), "chianchvela");
        assert_eq!(
            slugify("რეინტეგრაციის სახელმწიფო პროგრამა"),
            "reintegratsiis-sakhelmtsipo-programa"
        );
        // ფ is `p` in the 2002 system (ICU `Georgian-Latin/BGN` agrees), so this is not
        // the English-looking "sainformatsio"; use a front-matter slug for that.
        assert_eq!(
            slugify("სამთავრობო საინფორმაციო პორტალი"),
            "samtavrobo-sainpormatsio-portali"
        );
        assert_eq!(slugify("Hello, World!"), "hello-world");
        assert_eq!(
            slugify("COVID-19 და თბილისი 2025"),
            "covid-19-da-tbilisi-2025"
        );
        assert_eq!(slugify("???"), "");
    }

    #[test]
    fn readers_md_test_vectors() {
        assert_eq!(slugify("ბაყაყი"), "baqaqi");
        assert_eq!(slugify("მეღვინეთუხუცესი"), "meghvinetukhutsesi");
        assert_eq!(slugify("ინტეგრაციის ცენტრი"), "integratsiis-tsentri");
        assert_eq!(slugify("ქართული ენის კურსები"), "kartuli-enis-kursebi");
        assert_eq!(
            slugify("ქუთაისი / თელავი / ბათუმი"),
            "kutaisi-telavi-batumi"
        );
        assert_eq!(slugify("მცხეთა"), "mtskheta");
    }

    #[test]
    fn all_33_letters() {
        assert_eq!(
            slugify("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"),
            "abgdevztiklmnopzhrstupkghqshchtsdztschkhjh"
        );
    }

    #[test]
    fn mtavruli_is_read_as_mkhedruli() {
        assert_eq!(slugify("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ"), "sakartvelo");
        assert_eq!(slugify("ᲗᲑᲘᲚᲘᲡᲘ თბილისი"), "tbilisi-tbilisi");
        // Asomtavruli and Nuskhuri too.
        assert_eq!(slugify("ႠႡႢ ⴀⴁⴂ"), "abg-abg");
    }

    #[test]
    fn punctuation_trimmed_and_collapsed() {
        assert_eq!(slugify("  --Hello -- World--  "), "hello-world");
        assert_eq!(slugify("„თბილისი“"), "tbilisi");
        assert_eq!(slugify("(1505)"), "1505");
        assert_eq!(slugify("a___b...c"), "a-b-c");
        assert_eq!(slugify(""), "");
        assert_eq!(slugify(" - "), "");
        assert_eq!(slugify("🙂 emoji 🙂"), "emoji");
    }

    #[test]
    fn apostrophes_and_invisible_characters_stay_inside_words() {
        assert_eq!(slugify("k’ani"), "kani");
        assert_eq!(slugify("Women's rights"), "womens-rights");
        // Soft hyphen as editors put it into long headline words.
        assert_eq!(slugify("რეინტეგრა\u{AD}ციისთვის"), "reintegratsiistvis");
        assert_eq!(slugify("a\u{200B}b"), "ab");
    }

    #[test]
    fn latin_accents_fold_to_ascii() {
        assert_eq!(slugify("Café Müller"), "cafe-muller");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("Łódź"), "lodz");
        assert_eq!(slugify("Ærøskøbing"), "aeroskobing");
        assert_eq!(slugify("İstanbul"), "istanbul");
        assert_eq!(slugify("Œuvre Ğ Ş"), "oeuvre-g-s");
        // Decomposed input: e + COMBINING ACUTE ACCENT.
        assert_eq!(slugify("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn cyrillic_and_greek() {
        assert_eq!(slugify("Москва"), "moskva");
        assert_eq!(slugify("Щука и ёж"), "shchuka-i-ezh");
        assert_eq!(slugify("Объявление"), "obyavlenie");
        assert_eq!(slugify("Україна"), "ukraina");
        assert_eq!(slugify("Медицинская помощь"), "meditsinskaya-pomoshch");
        assert_eq!(slugify("Αθήνα"), "athina");
        assert_eq!(slugify("ΣΟΦΙΑ"), "sofia");
    }

    #[test]
    fn arabic_persian_and_others_are_never_empty() {
        assert_eq!(slugify("مرحبا بكم"), "mrhb-bkm");
        assert_eq!(slugify("خدمات پزشکی"), "khdmt-pzshky");
        // Vowel signs (harakat) are read as vowels, inside the word.
        assert_eq!(slugify("مَرْحَبًا"), "marhab");
        assert_eq!(slugify("١٢٣ ۴۵۶"), "123-456");
        assert_eq!(slugify("שלום"), "slvm");
        assert_eq!(slugify("東京 Tokyo"), "dongjing-tokyo");
        for title in ["Помощь", "مساعدة طبية", "کمک پزشکی", "Допомога"]
        {
            assert!(!slugify(title).is_empty(), "{title}");
        }
    }

    #[test]
    fn symbols_are_separators() {
        assert_eq!(slugify("a→b"), "a-b");
        assert_eq!(slugify("«Привет» — мир"), "privet-mir");
        assert_eq!(slugify("a ★ b ☺"), "a-b");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn unique_anchor_counts_up() {
        let mut seen = HashMap::new();
        assert_eq!(unique_anchor("x", &mut seen), "x");
        assert_eq!(unique_anchor("x", &mut seen), "x-2");
        assert_eq!(unique_anchor("x", &mut seen), "x-3");
        assert_eq!(unique_anchor("y", &mut seen), "y");
    }

    #[test]
    fn unique_anchor_never_repeats_an_id() {
        let mut seen = HashMap::new();
        assert_eq!(unique_anchor("x", &mut seen), "x");
        assert_eq!(unique_anchor("x", &mut seen), "x-2");
        // A heading that literally reads "x-2".
        assert_eq!(unique_anchor("x-2", &mut seen), "x-2-2");

        let mut seen = HashMap::new();
        assert_eq!(unique_anchor("x-2", &mut seen), "x-2");
        assert_eq!(unique_anchor("x", &mut seen), "x");
        assert_eq!(unique_anchor("x", &mut seen), "x-3");
        assert_eq!(unique_anchor("x-3", &mut seen), "x-3-2");

        let mut all: Vec<_> = seen.keys().cloned().collect();
        all.sort();
        assert_eq!(all, ["x", "x-2", "x-3", "x-3-2"]);
    }

    #[test]
    fn unique_anchor_empty_base() {
        let mut seen = HashMap::new();
        assert_eq!(unique_anchor("", &mut seen), "section");
        assert_eq!(unique_anchor("", &mut seen), "section-2");
        assert_eq!(unique_anchor("section", &mut seen), "section-3");
    }
}
