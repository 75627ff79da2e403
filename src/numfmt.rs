//! Numbers and money written the way each language writes them (CLDR: ka decimal comma, no-break-space grouping from five digits).
//!
//! Values follow CLDR as recorded in the readers brief §2.3–2.4 (and checked against ICU):
//! Georgian uses a decimal comma, groups with U+00A0 NO-BREAK SPACE only from five integer
//! digits (`1234,5` but `12 345,5`), writes the lari sign after the number (`650 000 ₾`)
//! and the hyphen-minus `-` for negatives. English groups from four digits with `,` and
//! puts the currency code first (`GEL 650,000`). Languages other than `ka` get English.

/// U+00A0 NO-BREAK SPACE: the Georgian grouping separator, and the space between a number
/// and its currency sign or code.
const NBSP: char = '\u{A0}';

/// Fractional digits shown when no precision is asked for.
const DEFAULT_MAX_DECIMALS: usize = 3;

/// Formats `n` with the decimal and grouping separators of `lang`.
///
/// - `ka`: `1234,5`, `12 345,5`, `650 000` (grouping with NBSP from five digits);
/// - `en`: `1,234.5`, `12,345.5`;
/// - other languages in their own style from CLDR (`1 234,5` ru, `۱٬۲۳۴٫۵` fa), else as `en`.
///
/// `decimals: None` gives the shortest form with at most three fractional digits and no
/// trailing zeros; `Some(k)` gives exactly `k` (rounded). Negative numbers start with
/// `-`; a value that rounds to zero has no sign. NaN is written `NaN`, infinities `∞`
/// and `-∞`.
pub fn format_number(n: f64, lang: &str, decimals: Option<usize>) -> String {
    if n.is_nan() {
        return "NaN".to_owned();
    }
    if n.is_infinite() {
        return if n < 0.0 { "-∞" } else { "∞" }.to_owned();
    }
    let ka = is_ka(lang);
    let digits = format!("{:.*}", decimals.unwrap_or(DEFAULT_MAX_DECIMALS), n.abs());
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((&digits, ""));
    let frac_part = if decimals.is_none() {
        frac_part.trim_end_matches('0')
    } else {
        frac_part
    };
    let is_zero = int_part.bytes().chain(frac_part.bytes()).all(|b| b == b'0');
    if !crate::cldr::own_forms(lang) {
        let sign = if n < 0.0 && !is_zero { "-" } else { "" };
        let dot = if frac_part.is_empty() { "" } else { "." };
        if let Some(s) = crate::cldr::number(&format!("{sign}{int_part}{dot}{frac_part}"), lang) {
            return s;
        }
    }

    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if n < 0.0 && !is_zero {
        out.push('-');
    }
    let (group_separator, min_digits_to_group) = if ka { (NBSP, 5) } else { (',', 4) };
    let len = int_part.len();
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && len >= min_digits_to_group && (len - i) % 3 == 0 {
            out.push(group_separator);
        }
        out.push(digit);
    }
    if !frac_part.is_empty() {
        out.push(if ka { ',' } else { '.' });
        out.push_str(frac_part);
    }
    out
}

/// Formats an amount of Georgian lari.
///
/// - `ka`: `650 000 ₾`, or with `words` `650 000 ლარი` (NBSP before the sign or word);
/// - `en` and anything else: `GEL 650,000` (CLDR puts the code first, NBSP after it).
///   The readers brief gives `GEL 4,000` for English prose as well, so `words` does not
///   change the English form.
///
/// Two decimals are shown only when the amount (rounded to tetri) has a fractional part:
/// `1234,50 ₾`, `GEL 1,234.50`.
pub fn format_money(amount: f64, lang: &str, words: bool) -> String {
    let tetri = (amount.abs() * 100.0).round();
    let decimals = if tetri % 100.0 == 0.0 { 0 } else { 2 };
    if is_ka(lang) {
        let number = format_number(amount, "ka", Some(decimals));
        let unit = if words { "ლარი" } else { "₾" };
        format!("{number}{NBSP}{unit}")
    } else {
        let number = format_number(amount, "en", Some(decimals));
        match number.strip_prefix('-') {
            Some(magnitude) => format!("-GEL{NBSP}{magnitude}"),
            None => format!("GEL{NBSP}{number}"),
        }
    }
}

/// Writes `n` as an abbreviated ordinal.
///
/// - `ka` (CLDR ordinal rules): `one` (i = 1) → `1-ლი`; `many` (i = 0, or i % 100 in
///   2..=20, 40, 60, 80) → `მე-2`, `მე-20`, `მე-40`, `მე-102`; `other` → `21-ე`, `100-ე`,
///   `101-ე`;
/// - `en` and anything else: `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`,
///   `101st`, `111th`.
pub fn ordinal(n: i64, lang: &str) -> String {
    let i = n.unsigned_abs();
    if is_ka(lang) {
        let rem = i % 100;
        if i == 1 {
            format!("{n}-ლი")
        } else if i == 0 || (2..=20).contains(&rem) || matches!(rem, 40 | 60 | 80) {
            format!("მე-{n}")
        } else {
            format!("{n}-ე")
        }
    } else {
        let suffix = match (i % 10, i % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }
}

/// Whether `lang` is Georgian (`ka`, `ka-GE`, `ka_GE`, any ASCII case).
fn is_ka(lang: &str) -> bool {
    let bytes = lang.as_bytes();
    bytes.len() >= 2
        && bytes[..2].eq_ignore_ascii_case(b"ka")
        && matches!(bytes.get(2), None | Some(b'-' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replaces NBSP with `_` so expected values are visible in the source.
    fn vis(s: String) -> String {
        s.replace(NBSP, "_")
    }

    #[test]
    fn readers_md_georgian_numbers() {
        // §2.4: decimal comma, NBSP grouping, minimum grouping digits = 2.
        assert_eq!(vis(format_number(1234.5, "ka", None)), "1234,5");
        assert_eq!(vis(format_number(12345.5, "ka", None)), "12_345,5");
        assert_eq!(format_number(12345.5, "ka", None), "12\u{A0}345,5");
        assert_eq!(vis(format_number(650_000.0, "ka", None)), "650_000");
        assert_eq!(vis(format_number(1_234_567.0, "ka", None)), "1_234_567");
        assert_eq!(vis(format_number(9999.0, "ka", None)), "9999");
        assert_eq!(vis(format_number(10_000.0, "ka", None)), "10_000");
        assert_eq!(vis(format_number(-12345.5, "ka", None)), "-12_345,5");
        assert_eq!(vis(format_number(-1234.5, "ka-GE", None)), "-1234,5");
    }

    #[test]
    fn english_numbers() {
        assert_eq!(format_number(1234.5, "en", None), "1,234.5");
        assert_eq!(format_number(12345.5, "en", None), "12,345.5");
        assert_eq!(format_number(650_000.0, "en", None), "650,000");
        assert_eq!(format_number(999.0, "en", None), "999");
        assert_eq!(format_number(1_000_000.0, "en", None), "1,000,000");
        assert_eq!(format_number(-12345.5, "en", None), "-12,345.5");
        assert_eq!(
            format_number(1234.5, "fr", None),
            "1\u{202f}234,5",
            "CLDR's French"
        );
        assert_eq!(
            format_number(1234.5, "xx", None),
            "1,234.5",
            "no data: English"
        );
    }

    #[test]
    fn decimals() {
        assert_eq!(format_number(0.1 + 0.2, "en", None), "0.3");
        assert_eq!(format_number(2.0 / 3.0, "en", None), "0.667");
        assert_eq!(format_number(1.5, "en", Some(2)), "1.50");
        assert_eq!(format_number(1.005, "ka", Some(0)), "1");
        assert_eq!(format_number(1234.5, "ka", Some(2)), "1234,50");
        assert_eq!(format_number(0.0, "en", None), "0");
        assert_eq!(format_number(-0.0, "en", None), "0");
        assert_eq!(format_number(-0.0001, "en", None), "0");
        assert_eq!(format_number(-0.0001, "en", Some(2)), "0.00");
        assert_eq!(format_number(99_999.999_9, "ka", None), "100\u{A0}000");
        assert_eq!(format_number(f64::NAN, "ka", None), "NaN");
        assert_eq!(format_number(f64::INFINITY, "en", None), "∞");
        assert_eq!(format_number(f64::NEG_INFINITY, "ka", None), "-∞");
    }

    #[test]
    fn readers_md_money() {
        // §2.4: `1234,50 ₾`, `12 345,50 ₾`, `GEL 1,234.50`.
        assert_eq!(vis(format_money(1234.5, "ka", false)), "1234,50_₾");
        assert_eq!(vis(format_money(12345.5, "ka", false)), "12_345,50_₾");
        assert_eq!(vis(format_money(1234.5, "en", false)), "GEL_1,234.50");
        assert_eq!(vis(format_money(650_000.0, "ka", false)), "650_000_₾");
        assert_eq!(vis(format_money(650_000.0, "ka", true)), "650_000_ლარი");
        assert_eq!(vis(format_money(650_000.0, "en", false)), "GEL_650,000");
        // §2.4 prose form for English is "GEL 4,000".
        assert_eq!(vis(format_money(4000.0, "en", true)), "GEL_4,000");
        // CLDR minimum grouping digits: four-digit amounts are not grouped in ka.
        assert_eq!(vis(format_money(4000.0, "ka", true)), "4000_ლარი");
    }

    #[test]
    fn money_edge_cases() {
        assert_eq!(vis(format_money(-1234.5, "ka", false)), "-1234,50_₾");
        assert_eq!(vis(format_money(-1234.5, "en", false)), "-GEL_1,234.50");
        assert_eq!(vis(format_money(0.0, "en", false)), "GEL_0");
        assert_eq!(vis(format_money(5.999, "ka", false)), "6_₾");
        assert_eq!(vis(format_money(0.1 + 0.2, "en", false)), "GEL_0.30");
        assert_eq!(vis(format_money(1.0, "ka", true)), "1_ლარი");
    }

    #[test]
    fn readers_md_georgian_ordinals() {
        // §2.3: 1-ლი, მე-2 … მე-20, მე-40, 21-ე, 100-ე.
        assert_eq!(ordinal(1, "ka"), "1-ლი");
        assert_eq!(ordinal(2, "ka"), "მე-2");
        assert_eq!(ordinal(20, "ka"), "მე-20");
        assert_eq!(ordinal(40, "ka"), "მე-40");
        assert_eq!(ordinal(21, "ka"), "21-ე");
        assert_eq!(ordinal(100, "ka"), "100-ე");
        // Checked against ICU's `ka` ordinal plural rules.
        assert_eq!(ordinal(0, "ka"), "მე-0");
        assert_eq!(ordinal(39, "ka"), "39-ე");
        assert_eq!(ordinal(41, "ka"), "41-ე");
        assert_eq!(ordinal(60, "ka"), "მე-60");
        assert_eq!(ordinal(80, "ka"), "მე-80");
        assert_eq!(ordinal(101, "ka"), "101-ე");
        assert_eq!(ordinal(102, "ka"), "მე-102");
        assert_eq!(ordinal(140, "ka"), "მე-140");
        assert_eq!(ordinal(1001, "ka"), "1001-ე");
    }

    #[test]
    fn english_ordinals() {
        let got: Vec<_> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 0]
            .iter()
            .map(|&n| ordinal(n, "en"))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th", "112th", "0th"
            ]
        );
        assert_eq!(ordinal(-1, "en"), "-1st");
        assert_eq!(ordinal(i64::MIN, "en"), "-9223372036854775808th");
    }
}
