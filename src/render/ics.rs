//! iCalendar (RFC 5545) files for course schedules: VTIMEZONE Asia/Tbilisi, CRLF, folded lines, escaping.

use crate::model::types::course::Session;

/// The VTIMEZONE of Asia/Tbilisi: UTC+4 all year, no daylight saving since 2005.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Tbilisi",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0400",
    "TZOFFSETTO:+0400",
    "TZNAME:+04",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escape a TEXT value: backslash, semicolon, comma, newline.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets without splitting a UTF-8 character, ending each
/// physical line with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// What a calendar file describes.
pub struct Event<'a> {
    /// Summary (course title).
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// Location.
    pub location: &'a str,
    /// The page's absolute URL, if known.
    pub url: Option<&'a str>,
    /// A stable id for the course (its key and language), used in every UID.
    pub uid_base: &'a str,
    /// Sessions.
    pub sessions: &'a [Session],
}

/// The whole .ics file.
pub fn calendar(ev: &Event<'_>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//campaign//static site//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    for s in ev.sessions {
        let d = s.date;
        let stamp = format!("{:04}{:02}{:02}", d.year, d.month, d.day);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!(
            "UID:{stamp}T{:02}{:02}-{}@campaign",
            s.start.0, s.start.1, ev.uid_base
        ));
        // DTSTAMP must be UTC; the session's own start keeps files byte-stable across builds.
        let (h, m) = (s.start.0 as i32 - 4, s.start.1);
        let (sd, sh) = if h < 0 {
            (d.add_days(-1), h + 24)
        } else {
            (d, h)
        };
        lines.push(format!(
            "DTSTAMP:{:04}{:02}{:02}T{:02}{:02}00Z",
            sd.year, sd.month, sd.day, sh, m
        ));
        lines.push(format!(
            "DTSTART;TZID=Asia/Tbilisi:{stamp}T{:02}{:02}00",
            s.start.0, s.start.1
        ));
        lines.push(format!(
            "DTEND;TZID=Asia/Tbilisi:{stamp}T{:02}{:02}00",
            s.end.0, s.end.1
        ));
        lines.push(format!("SUMMARY:{}", escape(ev.title)));
        if !ev.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(ev.description)));
        }
        if !ev.location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(ev.location)));
        }
        if let Some(u) = ev.url {
            lines.push(format!("URL:{u}"));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_georgian_letters() {
        let line = format!("SUMMARY:{}", "ქართული ენის კურსი, ".repeat(6));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
