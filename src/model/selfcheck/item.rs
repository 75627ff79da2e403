//! One entry of the self-check file (a YAML mapping) with the lines it was written on.

use super::lines::Lines;
use serde_yaml::Value;

/// One YAML mapping with the lines it was written on.
pub(super) struct Item<'v> {
    /// The mapping.
    pub(super) map: &'v Value,
    /// 0-based lines of the item.
    pub(super) range: std::ops::Range<usize>,
    /// Column where the item's keys start.
    pub(super) indent: usize,
    /// 0-based line of the item's start.
    pub(super) start: usize,
}

impl<'v> Item<'v> {
    /// The 0-based line of `key` in the item.
    pub(super) fn line_of(&self, lines: &Lines<'_>, key: &str) -> Option<usize> {
        lines.find_key(self.range.clone(), key, self.indent)
    }

    /// The trimmed text under `key`, if it is non-empty text.
    pub(super) fn str(&self, key: &str) -> Option<&'v str> {
        self.map
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// The items of the list `value`, whose key is on 0-based line `key_line`.
    pub(super) fn list(
        lines: &Lines<'_>,
        value: &'v Value,
        key_line: Option<usize>,
    ) -> Vec<Item<'v>> {
        let Some(seq) = value.as_sequence() else {
            return Vec::new();
        };
        let starts = key_line
            .map(|k| lines.items(lines.block(k)))
            .unwrap_or_default();
        seq.iter()
            .enumerate()
            .map(|(n, v)| {
                let start = starts.get(n).copied().or(key_line).unwrap_or_default();
                let (range, indent) = if starts.get(n).is_some() {
                    (lines.item(start), lines.key_indent(start).unwrap_or(0))
                } else {
                    (start..start, usize::MAX)
                };
                Item {
                    map: v,
                    range,
                    indent,
                    start,
                }
            })
            .collect()
    }
}
