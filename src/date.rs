//! Calendar dates: parsing YYYY-MM-DD, today in Asia/Tbilisi, and Georgian/English formatting.
//!
//! Georgian formats follow the issue tracker's house style (CLDR 42 adds a comma before the
//! year; the campaign writes dates without it):
//! `7 მარტი 2025` and `პარასკევი, 7 მარტი 2025`. English uses the en-GB patterns
//! `7 March 2025` and `Friday, 7 March 2025`. Asia/Tbilisi has been UTC+04:00 all year
//! since 27 March 2005.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// Offset of Asia/Tbilisi from UTC in seconds (UTC+04:00, no daylight saving time).
const TBILISI_OFFSET_SECONDS: i64 = 4 * 3600;

/// Georgian month names (CLDR wide, format context), January first.
const MONTHS_KA: [&str; 12] = [
    "იანვარი",
    "თებერვალი",
    "მარტი",
    "აპრილი",
    "მაისი",
    "ივნისი",
    "ივლისი",
    "აგვისტო",
    "სექტემბერი",
    "ოქტომბერი",
    "ნოემბერი",
    "დეკემბერი",
];

/// English month names, January first.
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Georgian weekday names (CLDR wide), Monday first.
const WEEKDAYS_KA: [&str; 7] = [
    "ორშაბათი",
    "სამშაბათი",
    "ოთხშაბათი",
    "ხუთშაბათი",
    "პარასკევი",
    "შაბათი",
    "კვირა",
];

/// English weekday names, Monday first.
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A day of the proleptic Gregorian calendar.
///
/// The fields are public, so a `Date` built by hand may be invalid; [`Date::new`] and
/// [`Date::parse`] only produce valid ones. Dates order chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. `2025`.
    pub year: i32,
    /// Month, `1` (January) to `12` (December).
    pub month: u8,
    /// Day of the month, starting at `1`.
    pub day: u8,
}

impl Date {
    /// Builds a date, or returns `None` if the month or day does not exist
    /// (leap years included).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, or an RFC 3339 date-time `YYYY-MM-DDTHH:MM(:SS)?(Z|±HH:MM)?`
    /// of which only the date part is kept (as written, without converting time zones).
    ///
    /// Anything else, including impossible dates such as `2025-02-29`, gives `None`.
    pub fn parse(s: &str) -> Option<Date> {
        if s.len() == 10 {
            parse_date_part(s.as_bytes())
        } else {
            parse_datetime(s).map(|(date, _, _)| date)
        }
    }

    /// Today's date in Asia/Tbilisi according to the system clock, unless the environment
    /// variable `CAMPAIGN_TODAY` holds a date (`YYYY-MM-DD`: reproducible builds, tests).
    pub fn today_tbilisi() -> Date {
        if let Some(d) = std::env::var("CAMPAIGN_TODAY")
            .ok()
            .and_then(|v| Date::parse(v.trim()))
        {
            return d;
        }
        let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
            Err(err) => i64::try_from(err.duration().as_secs()).map_or(i64::MIN, |s| -s - 1),
        };
        Date::from_unix_seconds_tbilisi(seconds)
    }

    /// The Asia/Tbilisi calendar date at `seconds` after 1970-01-01T00:00:00Z.
    pub fn from_unix_seconds_tbilisi(seconds: i64) -> Date {
        let local = seconds.saturating_add(TBILISI_OFFSET_SECONDS);
        Date::from_days(local.div_euclid(86_400))
    }

    /// The date `days` days after 1970-01-01 (negative for earlier dates). Years beyond
    /// the range of `i32` saturate.
    pub fn from_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days.saturating_add(719_468);
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097); // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11], March first
        let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
        let year = yoe
            .saturating_add(era.saturating_mul(400))
            .saturating_add(i64::from(month <= 2));
        let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
        Date {
            year,
            // Both are in range by construction of the algorithm above.
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Days since 1970-01-01 (negative before it); the inverse of [`Date::from_days`].
    pub fn to_days(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// Day of the week: `0` = Monday, …, `6` = Sunday (the CLDR week for `ka` starts on
    /// Monday).
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        let index = (self.to_days() + 3).rem_euclid(7);
        u8::try_from(index).unwrap_or(0)
    }

    /// ISO 8601 form `YYYY-MM-DD`, as used in `<time datetime>` and sitemaps.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date `n` days later (earlier if `n` is negative).
    pub fn add_days(&self, n: i64) -> Date {
        Date::from_days(self.to_days().saturating_add(n))
    }
}

impl fmt::Display for Date {
    /// Writes the ISO 8601 form, like [`Date::iso`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Number of days in `month` (1–12) of `year`; `0` for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (negative before it).
///
/// Out-of-range months and days are not checked; they count on as if the calendar
/// continued (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let month = i64::from(month);
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400); // [0, 399]
    let mp = if month > 2 { month - 3 } else { month + 9 }; // March = 0
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// Parses an RFC 3339 date-time `YYYY-MM-DDTHH:MM(:SS(.fraction)?)?(Z|±HH:MM)?` and
/// returns the date, hour and minute as written (no time-zone conversion).
///
/// `t` and a single space are accepted in place of `T`, and `z` for `Z`. A date
/// without a time gives `None`; use [`Date::parse`] for those.
pub fn parse_datetime(s: &str) -> Option<(Date, u8, u8)> {
    let bytes = s.as_bytes();
    let date = parse_date_part(bytes.get(..10)?)?;
    let rest = bytes.get(10..)?;
    let (&separator, rest) = rest.split_first()?;
    if !matches!(separator, b'T' | b't' | b' ') {
        return None;
    }
    let (hour, minute, mut rest) = parse_hh_mm(rest)?;
    if hour > 23 || minute > 59 {
        return None;
    }
    if let [b':', tail @ ..] = rest {
        let (second, tail) = two_digits(tail)?;
        if second > 60 {
            return None;
        }
        rest = tail;
        if let [b'.', fraction @ ..] = rest {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            rest = &fraction[digits..];
        }
    }
    match rest {
        [] | [b'Z' | b'z'] => Some((date, hour, minute)),
        [b'+' | b'-', offset @ ..] => match parse_hh_mm(offset)? {
            (h, m, []) if h <= 23 && m <= 59 => Some((date, hour, minute)),
            _ => None,
        },
        _ => None,
    }
}

/// The date in the style of CLDR's long format: `7 მარტი 2025` (ka) or
/// `7 March 2025` (en); other languages in their own style from CLDR (`7 марта 2025 г.`),
/// English where CLDR has none.
pub fn format_date(d: &Date, lang: &str) -> String {
    if !crate::cldr::own_forms(lang)
        && let Some(s) = crate::cldr::date(d, lang, false)
    {
        return s;
    }
    let month = month_name(d.month, lang);
    format!("{} {month} {}", d.day, d.year)
}

/// The date with its weekday: `პარასკევი, 7 მარტი 2025` (ka) or
/// `Friday, 7 March 2025` (en); other languages as [`format_date`].
pub fn format_date_long(d: &Date, lang: &str) -> String {
    if !crate::cldr::own_forms(lang)
        && let Some(s) = crate::cldr::date(d, lang, true)
    {
        return s;
    }
    format!("{}, {}", weekday_name(d, lang), format_date(d, lang))
}

/// A 24-hour clock time, `14:05`, as both `ka` and en-GB write it.
pub fn format_time(hour: u8, minute: u8) -> String {
    format!("{hour:02}:{minute:02}")
}

/// The weekday name of `d`: `პარასკევი` (ka) or `Friday` (en and anything else).
pub fn weekday_name(d: &Date, lang: &str) -> &'static str {
    let names = if is_ka(lang) {
        &WEEKDAYS_KA
    } else {
        &WEEKDAYS_EN
    };
    names[usize::from(d.weekday())]
}

/// The name of `month` (1–12): `მარტი` (ka) or `March` (en and anything else).
/// Returns an empty string for a month outside 1–12.
pub fn month_name(month: u8, lang: &str) -> &'static str {
    let names = if is_ka(lang) { &MONTHS_KA } else { &MONTHS_EN };
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("")
}

/// Whether `lang` is Georgian (`ka`, `ka-GE`, `ka_GE`, any ASCII case).
fn is_ka(lang: &str) -> bool {
    let bytes = lang.as_bytes();
    bytes.len() >= 2
        && bytes[..2].eq_ignore_ascii_case(b"ka")
        && matches!(bytes.get(2), None | Some(b'-' | b'_'))
}

/// Parses exactly `YYYY-MM-DD` (10 bytes) into a valid date.
fn parse_date_part(bytes: &[u8]) -> Option<Date> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else {
        return None;
    };
    let year = [y1, y2, y3, y4]
        .iter()
        .try_fold(0i32, |acc, &b| Some(acc * 10 + i32::from(digit(b)?)))?;
    let month = digit(m1)? * 10 + digit(m2)?;
    let day = digit(d1)? * 10 + digit(d2)?;
    Date::new(year, month, day)
}

/// Parses `HH:MM` at the start of `bytes`, returning both numbers (unchecked) and the rest.
fn parse_hh_mm(bytes: &[u8]) -> Option<(u8, u8, &[u8])> {
    let (hour, rest) = two_digits(bytes)?;
    let rest = rest.strip_prefix(b":")?;
    let (minute, rest) = two_digits(rest)?;
    Some((hour, minute, rest))
}

/// Parses two ASCII digits at the start of `bytes`.
fn two_digits(bytes: &[u8]) -> Option<(u8, &[u8])> {
    match bytes {
        [a, b, rest @ ..] => Some((digit(*a)? * 10 + digit(*b)?, rest)),
        _ => None,
    }
}

/// The value of one ASCII digit.
fn digit(b: u8) -> Option<u8> {
    b.is_ascii_digit().then(|| b - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn readers_md_cldr_values() {
        // readers.md §2.2, shown for 2025-03-07.
        let date = d(2025, 3, 7);
        assert_eq!(date.weekday(), 4); // Friday
        assert_eq!(format_date(&date, "ka"), "7 მარტი 2025");
        assert_eq!(format_date_long(&date, "ka"), "პარასკევი, 7 მარტი 2025");
        assert_eq!(weekday_name(&date, "ka"), "პარასკევი");
        assert_eq!(month_name(3, "ka"), "მარტი");
        assert_eq!(format_time(14, 5), "14:05");
    }

    #[test]
    fn english_formats() {
        let date = d(2025, 3, 7);
        assert_eq!(format_date(&date, "en"), "7 March 2025");
        assert_eq!(format_date_long(&date, "en"), "Friday, 7 March 2025");
        // Other languages in CLDR's style, languages CLDR lacks in English; regional
        // Georgian tags are Georgian.
        assert_eq!(format_date(&date, "de"), "7. März 2025");
        assert_eq!(format_date(&date, "ka-GE"), "7 მარტი 2025");
        assert_eq!(format_date(&date, "xx"), "7 March 2025");
    }

    #[test]
    fn all_georgian_names() {
        let months: Vec<_> = (1..=12).map(|m| month_name(m, "ka")).collect();
        assert_eq!(
            months,
            [
                "იანვარი",
                "თებერვალი",
                "მარტი",
                "აპრილი",
                "მაისი",
                "ივნისი",
                "ივლისი",
                "აგვისტო",
                "სექტემბერი",
                "ოქტომბერი",
                "ნოემბერი",
                "დეკემბერი"
            ]
        );
        // 2025-03-03 is a Monday.
        let weekdays: Vec<_> = (0..7)
            .map(|i| weekday_name(&d(2025, 3, 3).add_days(i), "ka"))
            .collect();
        assert_eq!(
            weekdays,
            [
                "ორშაბათი",
                "სამშაბათი",
                "ოთხშაბათი",
                "ხუთშაბათი",
                "პარასკევი",
                "შაბათი",
                "კვირა"
            ]
        );
        assert_eq!(month_name(0, "ka"), "");
        assert_eq!(month_name(13, "en"), "");
    }

    #[test]
    fn parse_plain_dates() {
        assert_eq!(Date::parse("2025-03-07"), Some(d(2025, 3, 7)));
        assert_eq!(Date::parse("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(Date::parse("2000-02-29"), Some(d(2000, 2, 29)));
        assert_eq!(Date::parse("2025-02-29"), None);
        assert_eq!(Date::parse("1900-02-29"), None);
        assert_eq!(Date::parse("2025-04-31"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-00-10"), None);
        assert_eq!(Date::parse("2025-01-00"), None);
        assert_eq!(Date::parse("2025-3-7"), None);
        assert_eq!(Date::parse("25-03-07"), None);
        assert_eq!(Date::parse("2025/03/07"), None);
        assert_eq!(Date::parse(" 2025-03-07"), None);
        assert_eq!(Date::parse("2025-03-07x"), None);
        assert_eq!(Date::parse("２０２５-03-07"), None);
        assert_eq!(Date::parse(""), None);
    }

    #[test]
    fn parse_datetimes() {
        let date = d(2025, 3, 7);
        assert_eq!(parse_datetime("2025-03-07T14:05"), Some((date, 14, 5)));
        assert_eq!(parse_datetime("2025-03-07T14:05:09Z"), Some((date, 14, 5)));
        assert_eq!(parse_datetime("2025-03-07t14:05:09z"), Some((date, 14, 5)));
        assert_eq!(
            parse_datetime("2025-03-07 14:05+04:00"),
            Some((date, 14, 5))
        );
        assert_eq!(
            parse_datetime("2025-03-07T23:59:60.123-05:30"),
            Some((date, 23, 59))
        );
        assert_eq!(parse_datetime("2025-03-07"), None);
        assert_eq!(parse_datetime("2025-03-07T24:00"), None);
        assert_eq!(parse_datetime("2025-03-07T12:60"), None);
        assert_eq!(parse_datetime("2025-03-07T12:00:61"), None);
        assert_eq!(parse_datetime("2025-03-07T12:00."), None);
        assert_eq!(parse_datetime("2025-03-07T12"), None);
        assert_eq!(parse_datetime("2025-03-07T12:00+4"), None);
        assert_eq!(parse_datetime("2025-03-07T12:00+04:00x"), None);
        assert_eq!(parse_datetime("2025-03-07T12:00 "), None);
        assert_eq!(parse_datetime("2025-02-30T12:00"), None);
        // Date::parse takes the date part of a date-time.
        assert_eq!(Date::parse("2025-03-07T14:05:09+04:00"), Some(date));
        assert_eq!(Date::parse("2025-03-07T25:05"), None);
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(Date::from_days(0), d(1970, 1, 1));
        assert_eq!(Date::from_days(-1), d(1969, 12, 31));
        assert_eq!(d(2025, 3, 7).to_days(), 20_154);
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        // Extreme values saturate instead of panicking.
        let _ = Date::from_days(i64::MAX);
        let _ = Date::from_days(i64::MIN);
        let _ = d(2025, 1, 1).add_days(i64::MAX);
    }

    #[test]
    fn weekdays() {
        assert_eq!(d(1970, 1, 1).weekday(), 3); // Thursday
        assert_eq!(d(2025, 3, 3).weekday(), 0); // Monday
        assert_eq!(d(2025, 3, 9).weekday(), 6); // Sunday
        assert_eq!(d(1900, 1, 1).weekday(), 0); // Monday
        assert_eq!(weekday_name(&d(2025, 3, 9), "en"), "Sunday");
    }

    #[test]
    fn add_days_and_iso() {
        assert_eq!(d(2024, 2, 28).add_days(1), d(2024, 2, 29));
        assert_eq!(d(2025, 2, 28).add_days(1), d(2025, 3, 1));
        assert_eq!(d(2025, 12, 31).add_days(1), d(2026, 1, 1));
        assert_eq!(d(2025, 1, 1).add_days(-1), d(2024, 12, 31));
        assert_eq!(d(2025, 3, 7).add_days(365), d(2026, 3, 7));
        assert_eq!(d(2025, 3, 7).iso(), "2025-03-07");
        assert_eq!(d(987, 1, 2).iso(), "0987-01-02");
        assert_eq!(d(2025, 3, 7).to_string(), "2025-03-07");
        assert!(d(2025, 3, 7) < d(2025, 3, 8));
        assert!(d(2024, 12, 31) < d(2025, 1, 1));
    }

    #[test]
    fn tbilisi_is_utc_plus_four() {
        // 2025-03-06T19:59:59Z is 23:59:59 in Tbilisi, 20:00:00Z is midnight.
        let before = days_from_civil(2025, 3, 6) * 86_400 + 19 * 3600 + 59 * 60 + 59;
        assert_eq!(Date::from_unix_seconds_tbilisi(before), d(2025, 3, 6));
        assert_eq!(Date::from_unix_seconds_tbilisi(before + 1), d(2025, 3, 7));
        // Summer: still +4 (no DST).
        let july = days_from_civil(2025, 7, 1) * 86_400 + 20 * 3600;
        assert_eq!(Date::from_unix_seconds_tbilisi(july), d(2025, 7, 2));
        assert_eq!(Date::from_unix_seconds_tbilisi(july - 1), d(2025, 7, 1));
        assert_eq!(Date::from_unix_seconds_tbilisi(-1), d(1970, 1, 1));

        let today = Date::today_tbilisi();
        assert!(today.year >= 2025);
        assert_eq!(Date::parse(&today.iso()), Some(today));
    }
}
