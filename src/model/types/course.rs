//! The course type: a summary, a place, and the `schedule:` (a list of sessions, or a weekly
//! rule) in Asia/Tbilisi time.

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Translatable, tr};
use crate::model::Page;
use serde_json::Value;

/// One session of a course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The day.
    pub date: Date,
    /// Start time (hour, minute), Tbilisi time.
    pub start: (u8, u8),
    /// End time (hour, minute), Tbilisi time.
    pub end: (u8, u8),
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn time(v: Option<&Value>) -> Option<(u8, u8)> {
    let s = v?.as_str()?;
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// A course's fields.
#[derive(Debug, Clone, Default)]
pub struct Course {
    /// `summary:` (schema.org's description when given).
    pub summary: Option<String>,
    /// `location:`, where the sessions take place.
    pub location: Option<String>,
    /// The sessions, in time order; empty when the dates are not known yet.
    pub sessions: Vec<Session>,
}

/// Read a course's fields; a broken schedule is an error and leaves the course without sessions.
pub fn read(p: &Page) -> (Course, Vec<Diagnostic>) {
    let text = |k: &str| {
        p.front
            .extra
            .get(k)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let (sessions, diags) = match schedule(p) {
        Ok(s) => (s, Vec::new()),
        Err(d) => (Vec::new(), vec![d]),
    };
    let course = Course {
        summary: text("summary"),
        location: text("location"),
        sessions,
    };
    (course, diags)
}

/// Read the schedule of a course page. `Ok(empty)` when there is none ("dates to be announced").
fn schedule(p: &Page) -> Result<Vec<Session>, Diagnostic> {
    let Some(v) = p.front.extra.get("schedule") else {
        return Ok(Vec::new());
    };
    let line = p.front.key_lines.get("schedule").copied().unwrap_or(1);
    let err = |(msg, hint, tr): Problem| {
        Diagnostic::error("schedule", msg)
            .in_file(&p.file)
            .at_line(line)
            .with_source(&p.text)
            .with_hint(hint)
            .with_tr(tr)
    };
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => sessions(items).map_err(err),
        Value::Object(rule) => weekly(rule).map_err(err),
        _ => Err(err((
            "`schedule` should be a list of sessions or a weekly rule".into(),
            SESSION_HINT.into(),
            tr("schedule-kind", &[]),
        ))),
    }
}

/// How one session is written.
const SESSION_HINT: &str =
    "write each session as `- {date: 2025-03-07, start: \"10:00\", end: \"12:00\"}`";

/// A problem with a schedule: what is wrong, what to do, and its catalogue id.
type Problem = (String, String, Translatable);

/// A list of sessions, in time order.
fn sessions(items: &[Value]) -> Result<Vec<Session>, Problem> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let n = (i + 1).to_string();
        let date = item
            .get("date")
            .and_then(Value::as_str)
            .and_then(Date::parse);
        let (start, end) = (time(item.get("start")), time(item.get("end")));
        match (date, start, end) {
            (Some(date), Some(start), Some(end)) if end > start => {
                out.push(Session { date, start, end })
            }
            (Some(_), Some(_), Some(_)) => {
                return Err((
                    format!("session {} ends before it starts", i + 1),
                    "check `start` and `end` (24-hour time, e.g. \"14:30\")".into(),
                    tr("session-order", &[("n", &n)]),
                ));
            }
            (None, _, _) => {
                return Err((
                    format!("session {} has no valid `date`", i + 1),
                    SESSION_HINT.into(),
                    tr("session-date", &[("n", &n)]),
                ));
            }
            _ => {
                return Err((
                    format!(
                        "session {} needs `start` and `end` times like \"10:00\"",
                        i + 1
                    ),
                    SESSION_HINT.into(),
                    tr("session-times", &[("n", &n)]),
                ));
            }
        }
    }
    out.sort_by_key(|s| (s.date, s.start));
    Ok(out)
}

/// The weekdays a weekly rule names (0 = Monday).
fn weekdays(v: Option<&Value>) -> Vec<usize> {
    let day = |d: &str| {
        WEEKDAYS
            .iter()
            .position(|w| w.eq_ignore_ascii_case(d.trim()))
    };
    match v {
        Some(Value::Array(d)) => d
            .iter()
            .filter_map(|x| x.as_str())
            .filter_map(day)
            .collect(),
        Some(Value::String(d)) => day(d).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A weekly rule: every named weekday from `from` to `until`, at the same times.
fn weekly(rule: &serde_json::Map<String, Value>) -> Result<Vec<Session>, Problem> {
    let hint = "a weekly rule looks like: `weekly: [monday, wednesday]`, `from: 2025-03-03`, `until: 2025-04-30`, `start: \"10:00\"`, `end: \"12:00\"`";
    let problem =
        |msg: &str, hint: &str, tr: Translatable| Err((msg.to_string(), hint.to_string(), tr));
    let days = weekdays(rule.get("weekly"));
    let date = |k: &str| rule.get(k).and_then(Value::as_str).and_then(Date::parse);
    let (from, until) = (date("from"), date("until"));
    let (start, end) = (time(rule.get("start")), time(rule.get("end")));
    let (Some(from), Some(until), Some(start), Some(end)) = (from, until, start, end) else {
        return problem(
            "the weekly schedule needs `from`, `until`, `start` and `end`",
            hint,
            tr("weekly-keys", &[]),
        );
    };
    if days.is_empty() {
        return problem(
            "the weekly schedule names no weekdays",
            hint,
            tr("weekly-days", &[]),
        );
    }
    if until < from || end <= start {
        return problem(
            "the weekly schedule ends before it starts",
            hint,
            tr("weekly-order", &[]),
        );
    }
    if until.to_days() - from.to_days() > 3 * 366 {
        return problem(
            "the weekly schedule runs for more than three years",
            "split it, or check `until`",
            tr("weekly-long", &[]),
        );
    }
    let mut out = Vec::new();
    let mut d = from;
    while d <= until {
        if days.contains(&(d.weekday() as usize)) {
            out.push(Session {
                date: d,
                start,
                end,
            });
        }
        d = d.add_days(1);
    }
    Ok(out)
}
