//! When the site changes by itself: the next day on which a page's `publish_date` makes it
//! appear or its `expiry_date` makes it disappear (the build shows a page from its
//! publish_date through its expiry_date), so that whoever publishes knows when to build again.

use crate::date::Date;
use crate::load::{Sources, frontmatter};
use rayon::prelude::*;

/// The first day after `today` on which a build gives another site, if any page is scheduled.
/// Drafts change nothing (they stay out whatever their dates).
pub fn next_change(src: &Sources, today: Date) -> Option<Date> {
    src.pages
        .par_iter()
        .filter(|tf| may_be_scheduled(&tf.text))
        .filter_map(|tf| {
            let split = frontmatter::split(&tf.text, &tf.file).ok()?;
            let fm = frontmatter::parse(&split, &tf.file, &tf.text).ok()?;
            if fm.draft {
                return None;
            }
            let appears = fm.publish_date.filter(|d| *d > today);
            let goes = fm
                .expiry_date
                .filter(|d| *d >= today)
                .map(|d| d.add_days(1));
            appears.into_iter().chain(goes).min()
        })
        .min()
}

/// Whether a page's text (its front matter, or all of it) may give it a date: only then is
/// its front matter read here, a second time. Most pages have none, and reading every page's
/// front matter again, one after the other, took 0.3 s of a 4 s build at N = 10,000. A key
/// is matched by its exact name, so it is in the text as it is, unless written with escapes
/// in double quotes (`"publish\x5fdate"`): a text with a backslash is read too.
fn may_be_scheduled(text: &str) -> bool {
    text.contains("publish_date") || text.contains("expiry_date") || text.contains('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_text_that_may_name_a_date_is_read() {
        assert!(may_be_scheduled(
            "---\ntitle: x\npublish_date: 2026-12-02\n---\n"
        ));
        assert!(may_be_scheduled("---\n\"expiry_date\": 2026-12-02\n---\n"));
        assert!(may_be_scheduled(
            "---\n\"publish\\x5fdate\": 2026-12-02\n---\n"
        ));
        assert!(!may_be_scheduled("---\ntitle: x\ndate: 2026-12-02\n---\n"));
    }
}
