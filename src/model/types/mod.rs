//! Content types: what a page is (an organisation, a course, a news item or a plain page),
//! decided once here from its `type:` (or its section's `page_type:`), and for sites that do
//! not say, from the keys it has. Each type reads and checks its own fields in its own file;
//! render asks [`Content`] and never looks at front-matter keys to guess.
//!
//! Adding a type ("job offer"): one file here with its fields and checks, one variant in
//! [`Content`] and [`TypeName`], one template in the theme, and its tests.

pub mod course;
pub mod organisation;

use super::{Kind, Page};
use crate::diagnostics::Diagnostic;
pub use course::Course;
pub use organisation::Organisation;

/// A page's type with its typed fields.
#[derive(Debug, Clone, Default)]
pub enum Content {
    /// A page with no fields beyond the common ones.
    #[default]
    Plain,
    /// An organisation that serves regions (a contact card, listed in the regional directory).
    Organisation(Organisation),
    /// A course with sessions (a calendar file, schema.org `Course`).
    Course(Course),
    /// A dated item of a section (news): schema.org `NewsArticle`, videos.
    News,
}

impl Content {
    /// The type's name, as written in `type:`.
    pub fn name(&self) -> &'static str {
        match self {
            Content::Plain => TypeName::Page.as_str(),
            Content::Organisation(_) => TypeName::Organisation.as_str(),
            Content::Course(_) => TypeName::Course.as_str(),
            Content::News => TypeName::News.as_str(),
        }
    }

    /// The organisation's fields, if the page is one.
    pub fn organisation(&self) -> Option<&Organisation> {
        match self {
            Content::Organisation(o) => Some(o),
            _ => None,
        }
    }

    /// The course's fields, if the page is one.
    pub fn course(&self) -> Option<&Course> {
        match self {
            Content::Course(c) => Some(c),
            _ => None,
        }
    }
}

/// The names editors may write in `type:` and `page_type:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeName {
    /// `page`.
    Page,
    /// `organisation`.
    Organisation,
    /// `course`.
    Course,
    /// `news`.
    News,
}

impl TypeName {
    /// Every type, in the order hints list them.
    pub const ALL: [TypeName; 4] = [
        TypeName::Page,
        TypeName::Organisation,
        TypeName::Course,
        TypeName::News,
    ];

    /// The name as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            TypeName::Page => "page",
            TypeName::Organisation => "organisation",
            TypeName::Course => "course",
            TypeName::News => "news",
        }
    }

    fn parse(s: &str) -> Option<TypeName> {
        let s = s.trim();
        // British and American spellings are both accepted.
        let s = if s.eq_ignore_ascii_case("organization") {
            "organisation"
        } else {
            s
        };
        TypeName::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }
}

/// The type a page declares (`type:`) or inherits from its section (`page_type:` on the
/// section's `_index` page), or an error when the name is not a type.
fn declared(p: &Page, section: Option<&Page>) -> Result<Option<TypeName>, Diagnostic> {
    let own = p.front.extra.get("type").map(|v| (v, p, "type"));
    let inherited =
        section.and_then(|s| s.front.extra.get("page_type").map(|v| (v, s, "page_type")));
    let Some((value, from, key)) = own.or(inherited) else {
        return Ok(None);
    };
    match value.as_str().and_then(TypeName::parse) {
        Some(t) => Ok(Some(t)),
        None => {
            let written = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string);
            let names: Vec<&str> = TypeName::ALL.iter().map(|t| t.as_str()).collect();
            Err(
                Diagnostic::error("content-type", format!("`{written}` is not a content type"))
                    .in_file(&from.file)
                    .at_line(from.front.key_lines.get(key).copied().unwrap_or(1))
                    .with_source(&from.text)
                    .with_hint(format!("write `{key}:` as one of: {}", names.join(", ")))
                    .tr(
                        "content-type",
                        &[
                            ("value", &written),
                            ("key", key),
                            ("names", &names.join(", ")),
                        ],
                    ),
            )
        }
    }
}

/// The type of a page that does not declare one, from the keys it has (sites made before
/// `type:` existed): `regions` makes an organisation, `schedule` (or `summary` with
/// `location`) a course, a `date` on a page inside a section a news item.
fn guessed(p: &Page) -> TypeName {
    let has = |k: &str| p.front.extra.contains_key(k);
    if has("regions") {
        TypeName::Organisation
    } else if has("schedule") || has("summary") && has("location") {
        TypeName::Course
    } else if p.kind == Kind::Page && p.front.date.is_some() {
        TypeName::News
    } else {
        TypeName::Page
    }
}

/// Decide the type of `p` (its section page is `section`) and read its fields. Every
/// problem with the fields is returned; the page keeps what could be read.
pub fn read(p: &Page, section: Option<&Page>) -> (Content, Vec<Diagnostic>) {
    let name = match declared(p, section) {
        Ok(Some(t)) => t,
        Ok(None) if p.kind == Kind::Page => guessed(p),
        Ok(None) => TypeName::Page,
        Err(d) => return (Content::Plain, vec![d]),
    };
    match name {
        TypeName::Page => (Content::Plain, Vec::new()),
        TypeName::News => (Content::News, Vec::new()),
        TypeName::Organisation => {
            let (o, d) = organisation::read(p);
            (Content::Organisation(o), d)
        }
        TypeName::Course => {
            let (c, d) = course::read(p);
            (Content::Course(c), d)
        }
    }
}
