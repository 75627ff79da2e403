//! Front matter: split the YAML block off a Markdown file and read the common keys with their lines.

use crate::date::Date;
use crate::diagnostics::Diagnostic;
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
    let off = split.yaml_line_offset;
    let value = yaml::parse(split.yaml, file, off, whole).map_err(|d| vec![d])?;
    let map = match value {
        Value::Mapping(m) => m,
        Value::Null => Default::default(),
        other => {
            return Err(vec![
                Diagnostic::error(
                    "front-matter",
                    format!(
                        "the front matter should be `key: value` lines, but it is {}",
                        yaml::kind_word(&other)
                    ),
                )
                .in_file(file)
                .at_line(off + 1)
                .with_source(whole)
                .with_hint("write at least `title: ...` between the `---` lines"),
            ]);
        }
    };
    let mut errors = Vec::new();
    let mut fm = FrontMatter::default();
    let line_of = |key: &str| yaml::key_line(split.yaml, key).map(|l| l + off);
    let err = |key: &str, msg: String, hint: &str| {
        let mut d = Diagnostic::error("front-matter", msg).in_file(file);
        if let Some(l) = yaml::key_line(split.yaml, key) {
            d = d
                .at(l + off, yaml::value_col(split.yaml, key))
                .with_source(whole);
        }
        d.with_hint(hint.to_string())
    };
    if let Some((key, line)) = yaml::duplicate_top_level_key(split.yaml) {
        errors.push(
            Diagnostic::error(
                "duplicate-key",
                format!("`{key}` is written twice in the front matter"),
            )
            .in_file(file)
            .at(line + off, 1)
            .with_source(whole)
            .with_hint("keep one of them and delete the other"),
        );
    }
    for (k, v) in &map {
        let key = yaml::key_string(k);
        if let Some(l) = line_of(&key) {
            fm.key_lines.insert(key.clone(), l);
        }
        let text_value = |errors: &mut Vec<Diagnostic>| -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Null => None,
                other => {
                    errors.push(err(
                        &key,
                        format!("`{key}` should be text, not {}", yaml::kind_word(other)),
                        "write it on one line after the colon",
                    ));
                    None
                }
            }
        };
        let date_value = |errors: &mut Vec<Diagnostic>| -> Option<Date> {
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Null => return None,
                other => format!("{}", yaml::to_json(other)),
            };
            match Date::parse(s.trim()) {
                Some(d) => Some(d),
                None => {
                    errors.push(err(
                        &key,
                        format!("`{key}` is not a date: `{s}`"),
                        "write dates as YYYY-MM-DD, for example 2025-03-07",
                    ));
                    None
                }
            }
        };
        match key.as_str() {
            "title" => fm.title = text_value(&mut errors).unwrap_or_default(),
            "description" => fm.description = text_value(&mut errors),
            "date" => fm.date = date_value(&mut errors),
            "updated" => fm.updated = date_value(&mut errors),
            "publish_date" => fm.publish_date = date_value(&mut errors),
            "expiry_date" => fm.expiry_date = date_value(&mut errors),
            "draft" => match v {
                Value::Bool(b) => fm.draft = *b,
                Value::Null => {}
                other => errors.push(err(
                    "draft",
                    format!("`draft` should be true or false, not {}", describe(other)),
                    "write `draft: true` to hide the page, or delete the line",
                )),
            },
            "weight" => match v {
                Value::Number(n) if n.as_i64().is_some() => fm.weight = n.as_i64(),
                Value::Null => {}
                other => errors.push(err(
                    "weight",
                    format!("`weight` should be a whole number, not {}", describe(other)),
                    "pages with a smaller weight come first in lists, e.g. `weight: 10`",
                )),
            },
            "slug" => fm.slug = text_value(&mut errors),
            "template" => fm.template = text_value(&mut errors),
            "page_template" => fm.page_template = text_value(&mut errors),
            "image" => fm.image = text_value(&mut errors),
            "image_alt" => fm.image_alt = text_value(&mut errors),
            "aliases" => match v {
                Value::Sequence(items) => {
                    for item in items {
                        match item.as_str() {
                            Some(s) => fm.aliases.push(s.to_string()),
                            None => errors.push(err(
                                "aliases",
                                "every alias should be an address like /old/path/".into(),
                                "write one old address per line, starting with `- /`",
                            )),
                        }
                    }
                }
                Value::String(s) => fm.aliases.push(s.clone()),
                Value::Null => {}
                other => errors.push(err(
                    "aliases",
                    format!(
                        "`aliases` should be a list of addresses, not {}",
                        yaml::kind_word(other)
                    ),
                    "write one old address per line, starting with `- /`",
                )),
            },
            _ => {
                fm.extra.insert(key.clone(), yaml::to_json(v));
            }
        }
    }
    if fm.title.trim().is_empty() && !map.contains_key("title") {
        errors.push(
            Diagnostic::error("missing-title", "the page has no `title`")
                .in_file(file)
                .at(off + 1, 1)
                .with_source(whole)
                .with_hint("add a line `title: ...` to the front matter between the `---` lines")
                .tr("missing-title", &[]),
        );
    } else if fm.title.trim().is_empty() {
        errors.push(err(
            "title",
            "the `title` is empty".into(),
            "write the page title after `title:`",
        ));
    }
    if errors.is_empty() {
        Ok(fm)
    } else {
        Err(errors)
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{s}`"),
        Value::Number(n) => format!("`{n}`"),
        other => yaml::kind_word(other).to_string(),
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
