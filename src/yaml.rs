//! YAML helpers: parsing with positions, finding the line of a key, turning values into JSON.

use crate::diagnostics::Diagnostic;
use serde_yaml::Value;

/// Parse YAML text into a value, or an error diagnostic pointing at the line in the file.
///
/// `line_offset` is the number of lines in the file before `text` starts.
pub fn parse(text: &str, file: &str, line_offset: usize, whole: &str) -> Result<Value, Diagnostic> {
    shape(text, file, line_offset, whole)?;
    match serde_yaml::from_str::<Value>(text) {
        Ok(v) => Ok(v),
        Err(e) => {
            let (mut line, mut col) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((1, 1));
            // At the end of the text the parser points past it: show the last line instead.
            let last = text.lines().count().max(1);
            if line > last {
                line = last;
                col = text
                    .lines()
                    .last()
                    .map(|l| l.chars().count() + 1)
                    .unwrap_or(1);
            }
            let raw = e.to_string();
            let d = match too_large_number(&raw) {
                Some(d) => d,
                None => Diagnostic::error(
                    "yaml",
                    format!("the YAML is broken: {}", plain_yaml_message(&raw)),
                )
                .with_hint(
                    "check the indentation, that each line reads `key: value`, and that text with a colon is in quotes",
                )
                .tr("yaml", &[("kind", yaml_problem_key(&raw))]),
            };
            Err(d
                .in_file(file)
                .at(line + line_offset, col)
                .with_source(whole))
        }
    }
}

/// Refuse YAML that is too large or nested too deeply before the parser reads it.
fn shape(text: &str, file: &str, line_offset: usize, whole: &str) -> Result<(), Diagnostic> {
    use crate::hygiene::{MAX_YAML_BYTES, MAX_YAML_DEPTH, Shape, yaml_shape};
    match yaml_shape(text) {
        Ok(()) => Ok(()),
        Err(Shape::TooLarge) => Err(Diagnostic::error(
            "yaml-size",
            format!(
                "the YAML is too large: {} MB, more than the {} MB campaign reads",
                text.len().div_ceil(1024 * 1024),
                MAX_YAML_BYTES / (1024 * 1024)
            ),
        )
        .in_file(file)
        .at_line(line_offset + 1)
        .with_hint("split it into several files, or keep long texts in the Markdown of a page")
        .tr(
            "yaml-size",
            &[("max", &(MAX_YAML_BYTES / (1024 * 1024)).to_string())],
        )),
        Err(Shape::TooDeep(offset)) => {
            let (line, col) = crate::diagnostics::line_col(text, offset);
            Err(Diagnostic::error(
                "yaml-depth",
                format!("the YAML is nested more than {MAX_YAML_DEPTH} levels deep"),
            )
            .in_file(file)
            .at(line + line_offset, col)
            .with_source(whole)
            .with_hint(
                "check for `[` or `{` that are never closed, and for indentation that only grows",
            )
            .tr("yaml-depth", &[("max", &MAX_YAML_DEPTH.to_string())]))
        }
    }
}

/// A number too large for any number the site can use (the parser names Rust types for it).
fn too_large_number(raw: &str) -> Option<Diagnostic> {
    let rest = raw.split("invalid type: integer `").nth(1)?;
    let (number, after) = rest.split_once('`')?;
    if !(after.starts_with(" as u128") || after.starts_with(" as i128")) {
        return None;
    }
    let key = raw
        .split_once(": invalid type")
        .map(|(k, _)| k.trim())
        .filter(|k| !k.is_empty() && !k.contains(' '));
    let message = match key {
        Some(k) => format!("the number `{number}` in `{k}` is too large"),
        None => format!("the number `{number}` is too large"),
    };
    Some(
        Diagnostic::error("yaml-number", message)
            .with_hint("if it is not a number to count with (a phone, account or ID number), put it in quotes: \"...\"")
            .tr("yaml-number", &[("number", number)]),
    )
}

/// The kind of a YAML parser message, for the catalogue (its own words are English).
fn yaml_problem_key(raw: &str) -> &'static str {
    if raw.contains("duplicate") {
        "duplicate"
    } else if raw.contains("recursion limit exceeded") {
        "deep"
    } else if raw.contains("mapping values are not allowed") {
        "colon"
    } else if raw.contains("found character that cannot start any plain token") {
        "character"
    } else {
        "other"
    }
}

/// Turn a YAML parser message into plain words without positions.
fn plain_yaml_message(raw: &str) -> String {
    let msg = raw.split(" at line ").next().unwrap_or(raw).trim();
    let msg = msg.trim_start_matches("did not find expected ").to_string();
    if raw.contains("duplicate entry") || raw.contains("duplicate") {
        return "a key appears twice".to_string();
    }
    if raw.contains("recursion limit exceeded") {
        return "it is nested too deeply".to_string();
    }
    if raw.starts_with("did not find expected") {
        return format!("expected {msg} here");
    }
    msg
}

/// The 1-based line (within `text`) where top-level `key:` is written, if it is.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .map(|rest| rest.trim_start().starts_with(':'))
                .unwrap_or(false)
        })
        .map(|i| i + 1)
}

/// The 1-based column where the value of top-level `key:` starts on its line.
pub fn value_col(text: &str, key: &str) -> usize {
    key_line(text, key)
        .and_then(|n| text.lines().nth(n - 1))
        .and_then(|l| {
            let after = l.find(':')? + 1;
            let ws = l[after..].len() - l[after..].trim_start().len();
            Some(l[..after + ws].chars().count() + 1)
        })
        .unwrap_or(1)
}

/// Find duplicate top-level keys (the parser does not say where they are).
pub fn duplicate_top_level_key(text: &str) -> Option<(String, usize)> {
    let mut seen = std::collections::HashSet::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) || line.trim().is_empty() {
            continue;
        }
        if let Some(colon) = line.find(':') {
            let key = line[..colon].trim().trim_matches(['"', '\'']);
            if !key.is_empty() && !seen.insert(key.to_string()) {
                return Some((key.to_string(), i + 1));
            }
        }
    }
    None
}

/// Convert a YAML value to JSON (keys become strings; tagged values lose their tag).
pub fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into()
            } else if let Some(u) = n.as_u64() {
                u.into()
            } else {
                serde_json::Number::from_f64(n.as_f64().unwrap_or(0.0))
                    .map(serde_json::Value::Number)
                    .unwrap_or(serde_json::Value::Null)
            }
        }
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Sequence(s) => serde_json::Value::Array(s.iter().map(to_json).collect()),
        Value::Mapping(m) => {
            serde_json::Value::Object(m.iter().map(|(k, v)| (key_string(k), to_json(v))).collect())
        }
        Value::Tagged(t) => to_json(&t.value),
    }
}

/// A mapping key as a string.
pub fn key_string(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::from("?"),
    }
}

/// The kind of a YAML value as a key for the catalogue: `list`, `text`, `yesno`.
pub fn kind_key(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "yesno",
        Value::Number(_) => "number",
        Value::String(_) => "text",
        Value::Sequence(_) => "list",
        Value::Mapping(_) => "group",
        Value::Tagged(_) => "tagged",
    }
}

/// The kind of a value in plain words: "a list", "text".
pub fn kind_word(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "yes/no",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a group of keys",
        Value::Tagged(_) => "a tagged value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_key_lines_and_value_columns() {
        let t = "title: x\ndate:   2025-01-01\n";
        assert_eq!(key_line(t, "date"), Some(2));
        assert_eq!(value_col(t, "date"), 9);
        assert_eq!(key_line(t, "dat"), None);
    }

    #[test]
    fn finds_duplicate_keys() {
        let t = "title: a\nlist:\n  - title: b\ntitle: c\n";
        assert_eq!(duplicate_top_level_key(t), Some(("title".into(), 4)));
    }
}
