//! One iCalendar file per course with sessions (`calendar.ics` beside the course page).

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::render::ics;
use crate::write::Sink;

/// Writes the courses' calendars.
pub struct Calendars;

impl Step for Calendars {
    fn name(&self) -> &'static str {
        "calendars"
    }

    /// A calendar's description is the page's summary when it has no `description:`.
    fn reads_bodies(&self) -> bool {
        true
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, _diags: &mut Vec<Diagnostic>) {
        let site = cx.site;
        for (i, p) in site.pages.iter().enumerate() {
            let Some(course) = p.content.course().filter(|c| !c.sessions.is_empty()) else {
                continue;
            };
            let permalink = site.config.absolute(&p.url);
            let summary = p
                .front
                .description
                .clone()
                .unwrap_or_else(|| cx.summaries[i].to_string());
            let uid = format!("{}-{}", p.key.replace('/', "-"), p.lang);
            let text = ics::calendar(&ics::Event {
                title: &p.front.title,
                description: &summary,
                location: course.location.as_deref().unwrap_or(""),
                url: permalink.as_deref(),
                uid_base: &uid,
                sessions: &course.sessions,
            });
            out.put(
                format!("{}calendar.ics", p.url.trim_start_matches('/')),
                text.into_bytes(),
            );
        }
    }
}
