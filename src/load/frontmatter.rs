//! Front matter: split the YAML block off a Markdown file and read the common keys with their lines.

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Translatable, tr};
use crate::yaml;
use serde_yaml::Value;

/// The keys every page may carry, read and checked; the rest is kept in `extra`.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Page title (required).
    pub title: String,
    /// One-sentence description (meta description, previews).
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Date of the last update.
    pub updated: Option<Date>,
    /// A draft is left out of the build unless `--drafts`.
    pub draft: bool,
    /// Order in lists (smaller first).
    pub weight: Option<i64>,
    /// Overrides the last part of the URL.
    pub slug: Option<String>,
    /// Template for this page.
    pub template: Option<String>,
    /// Template for the pages of this section (on `_index` pages).
    pub page_template: Option<String>,
    /// Old addresses that redirect here.
    pub aliases: Vec<String>,
    /// Image for previews and cards.
    pub image: Option<String>,
    /// Alternative text of `image`.
    pub image_alt: Option<String>,
    /// The page appears from this date on.
    pub publish_date: Option<Date>,
    /// The page disappears after this date.
    pub expiry_date: Option<Date>,
    /// How many pages each page of a section's list shows (on `_index` pages; 0: the whole
    /// list on one page; absent: the default size).
    pub paginate_by: Option<usize>,
    /// Every other key, for templates (`page.extra`).
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// 1-based line in the file of each top-level key.
    pub key_lines: std::collections::HashMap<String, usize>,
}

/// A Markdown file split into front matter and body.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// Lines before the YAML starts (the opening fence).
    pub yaml_line_offset: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Split `text` (already without BOM) at its `---` fences.
pub fn split<'a>(text: &'a str, file: &str) -> Result<Split<'a>, Diagnostic> {
    let first_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(Diagnostic::error(
            "no-front-matter",
            "the page does not start with front matter",
        )
        .in_file(file)
        .at(1, 1)
        .with_source(text)
        .with_hint("begin the file with a line `---`, then `title: ...`, then another `---` line")
        .tr("no-front-matter", &[]));
    }
    let mut pos = first_end;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let l = text[pos..end].trim_end();
        if l == "---" || l == "..." {
            return Ok(Split {
                yaml: &text[first_end..pos],
                yaml_line_offset: 1,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        pos = end;
        line += 1;
    }
    Err(Diagnostic::error("unclosed-front-matter", "the front matter is never closed")
        .in_file(file)
        .at(1, 1)
        .with_source(text)
        .with_hint("add a line `---` after the last front-matter line (for example after `title: ...`)")
        .tr("unclosed-front-matter", &[]))
}

/// Parse the YAML of a split page into front matter, reporting every problem found.
pub fn parse(split: &Split<'_>, file: &str, whole: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
    let page = PageText { split, file, whole };
    let value =
        yaml::parse(split.yaml, file, split.yaml_line_offset, whole).map_err(|d| vec![d])?;
    let map = page.mapping(value)?;
    let mut errors = Vec::new();
    if let Some(d) = page.duplicate_key() {
        errors.push(d);
    }
    let mut fm = FrontMatter::default();
    for (k, v) in &map {
        let key = yaml::key_string(k);
        if let Some(l) = page.line_of(&key) {
            fm.key_lines.insert(key.clone(), l);
        }
        let mut field = Field {
            key: &key,
            value: v,
            page: &page,
            errors: &mut errors,
        };
        field.read_into(&mut fm);
    }
    if let Some(d) = page.title_problem(&fm, map.contains_key("title")) {
        errors.push(d);
    }
    if errors.is_empty() {
        Ok(fm)
    } else {
        Err(errors)
    }
}

/// A page being read: its front matter, its file name in messages and its whole text.
struct PageText<'a> {
    split: &'a Split<'a>,
    file: &'a str,
    whole: &'a str,
}

impl PageText<'_> {
    /// The 1-based line in the file of a top-level key.
    fn line_of(&self, key: &str) -> Option<usize> {
        yaml::key_line(self.split.yaml, key).map(|l| l + self.split.yaml_line_offset)
    }

    /// A `front-matter` error at the value of `key` (only the file when it is not found).
    fn error(&self, key: &str, msg: String, hint: &str, tr: Translatable) -> Diagnostic {
        let mut d = Diagnostic::error("front-matter", msg)
            .with_tr(tr)
            .in_file(self.file);
        if let Some(l) = self.line_of(key) {
            d = d
                .at(l, yaml::value_col(self.split.yaml, key))
                .with_source(self.whole);
        }
        d.with_hint(hint.to_string())
    }

    /// The front matter as a mapping (empty when there is nothing between the fences).
    fn mapping(&self, value: Value) -> Result<serde_yaml::Mapping, Vec<Diagnostic>> {
        match value {
            Value::Mapping(m) => Ok(m),
            Value::Null => Ok(Default::default()),
            other => Err(vec![
                Diagnostic::error(
                    "front-matter",
                    format!(
                        "the front matter should be `key: value` lines, but it is {}",
                        yaml::kind_word(&other)
                    ),
                )
                .in_file(self.file)
                .at_line(self.split.yaml_line_offset + 1)
                .with_source(self.whole)
                .with_hint("write at least `title: ...` between the `---` lines")
                .tr("fm-not-mapping", &[("kind", yaml::kind_key(&other))]),
            ]),
        }
    }

    /// An error for the first key written twice.
    fn duplicate_key(&self) -> Option<Diagnostic> {
        let (key, line) = yaml::duplicate_top_level_key(self.split.yaml)?;
        Some(
            Diagnostic::error(
                "duplicate-key",
                format!("`{key}` is written twice in the front matter"),
            )
            .in_file(self.file)
            .at(line + self.split.yaml_line_offset, 1)
            .with_source(self.whole)
            .with_hint("keep one of them and delete the other")
            .tr("duplicate-key", &[("key", &key)]),
        )
    }

    /// An error when the title is missing (`has_key`: the key is there) or empty.
    fn title_problem(&self, fm: &FrontMatter, has_key: bool) -> Option<Diagnostic> {
        if !fm.title.trim().is_empty() {
            return None;
        }
        if has_key {
            return Some(self.error(
                "title",
                "the `title` is empty".into(),
                "write the page title after `title:`",
                tr("fm-empty-title", &[]),
            ));
        }
        Some(
            Diagnostic::error("missing-title", "the page has no `title`")
                .in_file(self.file)
                .at(self.split.yaml_line_offset + 1, 1)
                .with_source(self.whole)
                .with_hint("add a line `title: ...` to the front matter between the `---` lines")
                .tr("missing-title", &[]),
        )
    }
}

/// One `key: value` of the front matter being read, with the place for its errors.
struct Field<'a> {
    key: &'a str,
    value: &'a Value,
    page: &'a PageText<'a>,
    errors: &'a mut Vec<Diagnostic>,
}

impl Field<'_> {
    /// Store the value in its field of `fm` (unknown keys go to `extra`).
    fn read_into(&mut self, fm: &mut FrontMatter) {
        match self.key {
            "title" => fm.title = self.text().unwrap_or_default(),
            "description" => fm.description = self.text(),
            "date" => fm.date = self.date(),
            "updated" => fm.updated = self.date(),
            "publish_date" => fm.publish_date = self.date(),
            "expiry_date" => fm.expiry_date = self.date(),
            "draft" => self.draft(fm),
            "weight" => self.weight(fm),
            "slug" => fm.slug = self.text(),
            "template" => fm.template = self.text(),
            "page_template" => fm.page_template = self.text(),
            "image" => fm.image = self.text(),
            "image_alt" => fm.image_alt = self.text(),
            "aliases" => self.aliases(fm),
            "paginate_by" => self.paginate_by(fm),
            _ => {
                fm.extra
                    .insert(self.key.to_string(), yaml::to_json(self.value));
            }
        }
    }

    fn error(&mut self, msg: String, hint: &str, tr: Translatable) {
        self.errors.push(self.page.error(self.key, msg, hint, tr));
    }

    /// A text value (numbers are taken as text).
    fn text(&mut self) -> Option<String> {
        match self.value {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            other => {
                let key = self.key;
                self.error(
                    format!("`{key}` should be text, not {}", yaml::kind_word(other)),
                    "write it on one line after the colon",
                    tr(
                        "fm-not-text",
                        &[("key", key), ("kind", yaml::kind_key(other))],
                    ),
                );
                None
            }
        }
    }

    /// A `YYYY-MM-DD` date.
    fn date(&mut self) -> Option<Date> {
        let s = match self.value {
            Value::String(s) => s.clone(),
            Value::Null => return None,
            other => format!("{}", yaml::to_json(other)),
        };
        let date = Date::parse(s.trim());
        if date.is_none() {
            let key = self.key;
            self.error(
                format!("`{key}` is not a date: `{s}`"),
                "write dates as YYYY-MM-DD, for example 2025-03-07",
                tr("fm-not-date", &[("key", key), ("value", &s)]),
            );
        }
        date
    }

    fn draft(&mut self, fm: &mut FrontMatter) {
        match self.value {
            Value::Bool(b) => fm.draft = *b,
            Value::Null => {}
            other => self.error(
                format!("`draft` should be true or false, not {}", describe(other)),
                "write `draft: true` to hide the page, or delete the line",
                tr("fm-draft", &[("value", &describe_tr(other))]),
            ),
        }
    }

    fn weight(&mut self, fm: &mut FrontMatter) {
        match self.value {
            Value::Number(n) if n.as_i64().is_some() => fm.weight = n.as_i64(),
            Value::Null => {}
            other => self.error(
                format!("`weight` should be a whole number, not {}", describe(other)),
                "pages with a smaller weight come first in lists, e.g. `weight: 10`",
                tr("fm-weight", &[("value", &describe_tr(other))]),
            ),
        }
    }

    fn paginate_by(&mut self, fm: &mut FrontMatter) {
        match self.value {
            Value::Number(n) if n.as_u64().is_some() => {
                fm.paginate_by = n.as_u64().map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            }
            Value::Null => {}
            other => self.error(
                format!(
                    "`paginate_by` should be a whole number, 0 or more, not {}",
                    describe(other)
                ),
                "it is how many pages each page of the list shows, e.g. `paginate_by: 20`; \
                 `paginate_by: 0` keeps the whole list on one page",
                tr("fm-paginate-by", &[("value", &describe_tr(other))]),
            ),
        }
    }

    fn aliases(&mut self, fm: &mut FrontMatter) {
        let hint = "write one old address per line, starting with `- /`";
        match self.value {
            Value::Sequence(items) => {
                for item in items {
                    match item.as_str() {
                        Some(s) => fm.aliases.push(s.to_string()),
                        None => self.error(
                            "every alias should be an address like /old/path/".into(),
                            hint,
                            tr("fm-alias", &[]),
                        ),
                    }
                }
            }
            Value::String(s) => fm.aliases.push(s.clone()),
            Value::Null => {}
            other => self.error(
                format!(
                    "`aliases` should be a list of addresses, not {}",
                    yaml::kind_word(other)
                ),
                hint,
                tr("fm-aliases", &[("kind", yaml::kind_key(other))]),
            ),
        }
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{s}`"),
        Value::Number(n) => format!("`{n}`"),
        other => yaml::kind_word(other).to_string(),
    }
}

/// [`describe`] for the catalogue: the value in backticks, or the key of its kind
/// ([`yaml::kind_key`]) for the Georgian words.
fn describe_tr(v: &Value) -> String {
    match v {
        Value::String(_) | Value::Number(_) => describe(v),
        other => yaml::kind_key(other).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_body_line() {
        let t = "---\ntitle: a\n---\nbody\n";
        let s = split(t, "a.md").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn reports_bad_date_on_its_line() {
        let t = "---\ntitle: a\ndate: 2025-02-30\n---\n";
        let s = split(t, "a.md").unwrap();
        let e = parse(&s, "a.md", t).unwrap_err();
        assert_eq!(e[0].message, "`date` is not a date: `2025-02-30`");
        assert_eq!((e[0].line, e[0].column), (Some(3), Some(7)));
    }
}
