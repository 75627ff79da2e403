//! When the site changes by itself: the next day on which a page's `publish_date` makes it
//! appear or its `expiry_date` makes it disappear (the build shows a page from its
//! publish_date through its expiry_date), so that whoever publishes knows when to build again.

use crate::date::Date;
use crate::load::{Sources, frontmatter};

/// The first day after `today` on which a build gives another site, if any page is scheduled.
/// Drafts change nothing (they stay out whatever their dates).
pub fn next_change(src: &Sources, today: Date) -> Option<Date> {
    src.pages
        .iter()
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
