//! Dates and numbers in the style of languages other than Georgian and English, from CLDR
//! (ICU4X's compiled data: month names, their grammatical case, word order, digits and
//! separators). Georgian and English keep campaign's own tested forms (`date`, `numfmt`).

use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YMD, YMDE};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

/// Whether campaign formats `lang` itself (Georgian and English) rather than through CLDR.
pub fn own_forms(lang: &str) -> bool {
    let base = lang.split(['-', '_']).next().unwrap_or(lang);
    base.eq_ignore_ascii_case("ka") || base.eq_ignore_ascii_case("en")
}

fn locale(lang: &str) -> Option<Locale> {
    lang.replace('_', "-").parse().ok()
}

/// A date in CLDR's long form for `lang`, in the Gregorian calendar (the dates editors
/// write, and the ones on the Georgian pages readers compare with): `7 марта 2025 г.` (ru),
/// `۷ مارس ۲۰۲۵` (fa); with `weekday`, the weekday too. `None` when CLDR has no data
/// for the language.
pub fn date(d: &crate::date::Date, lang: &str, weekday: bool) -> Option<String> {
    let date = IcuDate::try_new_gregorian(d.year, d.month, d.day).ok()?;
    let format = |loc: Locale| -> Option<String> {
        if weekday {
            let f =
                FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(loc.into(), YMDE::long())
                    .ok()?;
            Some(f.format(&date).to_string())
        } else {
            let f =
                FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(loc.into(), YMD::long())
                    .ok()?;
            Some(f.format(&date).to_string())
        }
    };
    known(format(locale(lang)?)?, || format(Locale::UNKNOWN))
}

/// `text` unless it is what CLDR's root (no language) gives: CLDR has no data for a
/// language it falls back to the root's neutral forms (`2025 M03 7`), and campaign's
/// English reads better than those.
fn known(text: String, root: impl FnOnce() -> Option<String>) -> Option<String> {
    (root().as_deref() != Some(text.as_str())).then_some(text)
}

/// A number written as `digits` (`-1234.5`, as Rust writes it) in `lang`'s digits and
/// separators: `1 234,5` (ru), `1.234,5` (de), `۱٬۲۳۴٫۵` (fa). `None` where CLDR's
/// form is the root's (which is also English's: `1,234.5`).
pub fn number(digits: &str, lang: &str) -> Option<String> {
    let value: Decimal = digits.parse().ok()?;
    let format = |loc: Locale| -> Option<String> {
        let f = DecimalFormatter::try_new(loc.into(), Default::default()).ok()?;
        Some(f.format(&value).to_string())
    };
    known(format(locale(lang)?)?, || format(Locale::UNKNOWN))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn dates_follow_cldr() {
        let d = Date::new(2025, 3, 7).unwrap();
        // CLDR puts a narrow no-break space before the Russian and Ukrainian year word.
        assert_eq!(date(&d, "ru", false).unwrap(), "7 марта 2025\u{202f}г.");
        assert_eq!(date(&d, "uk", false).unwrap(), "7 березня 2025\u{202f}р.");
        assert_eq!(date(&d, "ar", false).unwrap(), "7 مارس 2025");
        assert_eq!(date(&d, "fa", false).unwrap(), "۷ مارس ۲۰۲۵");
        assert_eq!(date(&d, "de", false).unwrap(), "7. März 2025");
        assert_eq!(
            date(&d, "ru", true).unwrap(),
            "пятница, 7 марта 2025\u{202f}г."
        );
        assert_eq!(date(&d, "ar", true).unwrap(), "الجمعة، 7 مارس 2025");
        assert_eq!(date(&d, "xx", false), None, "no data: campaign's English");
    }

    #[test]
    fn numbers_follow_cldr() {
        assert_eq!(number("1234.5", "ru").unwrap(), "1\u{a0}234,5");
        assert_eq!(number("1234.5", "fa").unwrap(), "۱٬۲۳۴٫۵");
        assert_eq!(number("1234.5", "de").unwrap(), "1.234,5");
        assert_eq!(number("-1234", "uk").unwrap(), "-1\u{a0}234");
        assert_eq!(number("1234.5", "ar"), None, "as English");
    }
}
