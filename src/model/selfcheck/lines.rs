//! Line numbers for the self-check file: finds where a key or a list item is written, by indentation.
//!
//! The YAML parser gives values without positions, so messages find their line here by
//! scanning the text: the n-th `- ` item of a list in the value is the n-th `- ` line at the
//! list's indentation in the text.

use std::ops::Range;

/// The lines of a YAML file, 0-based internally, 1-based in every public result.
pub struct Lines<'a> {
    lines: Vec<&'a str>,
}

/// What a content line holds: its key (if any) and where the key starts.
struct KeyLine<'a> {
    /// Column (0-based) of the first character of the key, after any `- `.
    indent: usize,
    /// The key, without quotes.
    key: &'a str,
    /// The text after `key:`, trimmed.
    rest: &'a str,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

fn is_dash(line: &str) -> bool {
    let t = line.trim_start();
    t == "-" || t.starts_with("- ")
}

fn key_line(line: &str) -> Option<KeyLine<'_>> {
    let mut indent = indent_of(line);
    let mut body = &line[indent..];
    while body == "-" || body.starts_with("- ") {
        let after = body[1..].trim_start_matches(' ');
        indent += body.len() - after.len();
        body = after;
    }
    let colon = body.find(':')?;
    if !(body[colon + 1..].is_empty() || body[colon + 1..].starts_with([' ', '\t'])) {
        return None;
    }
    let key = body[..colon].trim().trim_matches(['"', '\'']);
    if key.is_empty() || key.contains(' ') && !body.starts_with(['"', '\'']) {
        return None;
    }
    Some(KeyLine {
        indent,
        key,
        rest: body[colon + 1..].trim(),
    })
}

impl<'a> Lines<'a> {
    /// Split `text` into lines.
    pub fn new(text: &'a str) -> Self {
        Lines {
            lines: text.lines().collect(),
        }
    }

    /// All lines (0-based range).
    pub fn all(&self) -> Range<usize> {
        0..self.lines.len()
    }

    /// The 1-based line number of 0-based index `i`.
    pub fn number(i: usize) -> usize {
        i + 1
    }

    /// The 0-based index of the top-level `key:` line.
    pub fn top(&self, key: &str) -> Option<usize> {
        self.find_key(self.all(), key, 0)
    }

    /// The first line in `range` holding `key:` with the key starting at column `indent`.
    pub fn find_key(&self, range: Range<usize>, key: &str, indent: usize) -> Option<usize> {
        range
            .into_iter()
            .find(|&i| key_line(self.lines[i]).is_some_and(|k| k.key == key && k.indent == indent))
    }

    /// The column where the key of line `i` starts (after `- `), if the line holds a key.
    pub fn key_indent(&self, i: usize) -> Option<usize> {
        key_line(self.lines[i]).map(|k| k.indent)
    }

    /// The lines below key line `i` that belong to its value.
    pub fn block(&self, i: usize) -> Range<usize> {
        let k = self.key_indent(i).unwrap_or(0);
        let mut end = i + 1;
        while end < self.lines.len() {
            let l = self.lines[end];
            if is_content(l) {
                let ind = indent_of(l);
                if ind < k || (ind == k && !is_dash(l)) {
                    break;
                }
            }
            end += 1;
        }
        (i + 1)..end
    }

    /// The lines of the list item starting at dash line `i` (the dash line included).
    pub fn item(&self, i: usize) -> Range<usize> {
        let d = indent_of(self.lines[i]);
        let mut end = i + 1;
        while end < self.lines.len() {
            let l = self.lines[end];
            if is_content(l) && indent_of(l) <= d {
                break;
            }
            end += 1;
        }
        i..end
    }

    /// The dash lines that start the items of the list written in `range` (the least indented).
    pub fn items(&self, range: Range<usize>) -> Vec<usize> {
        let dashes: Vec<usize> = range
            .filter(|&i| is_content(self.lines[i]) && is_dash(self.lines[i]))
            .collect();
        let Some(min) = dashes.iter().map(|&i| indent_of(self.lines[i])).min() else {
            return Vec::new();
        };
        dashes
            .into_iter()
            .filter(|&i| indent_of(self.lines[i]) == min)
            .collect()
    }

    /// The line of `key:` among the keys directly below key line `i` (a block map).
    pub fn child_key(&self, i: usize, key: &str) -> Option<usize> {
        let block = self.block(i);
        let indent = block.clone().find_map(|j| {
            if is_content(self.lines[j]) {
                Some(self.key_indent(j))
            } else {
                None
            }
        })??;
        self.find_key(block, key, indent)
    }

    /// Where the text of key line `i` starts: for a block (`key: |`), the first line below
    /// it and that line's indentation; else line `i` and the column after `key: ` (and a quote).
    /// Returns (0-based line, 0-based column).
    pub fn text_start(&self, i: usize) -> (usize, usize) {
        let line = self.lines[i];
        let Some(k) = key_line(line) else {
            return (i, 0);
        };
        if k.rest.starts_with(['|', '>']) {
            let first = ((i + 1)..self.lines.len()).find(|&j| !self.lines[j].trim().is_empty());
            return match first {
                Some(j) => (j, indent_of(self.lines[j])),
                None => (i, 0),
            };
        }
        let col = line.len() - line[k.indent..].len() + k.key.len() + 1;
        let after = &line[col..];
        let ws = after.len() - after.trim_start().len();
        let quote = usize::from(after.trim_start().starts_with(['"', '\'']));
        (i, line[..col + ws + quote].chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "path: check\nquestions:\n  - id: a\n    answers:\n      - label: {ka: x, en: y}\n        next: b\n      - label:\n          ka: |\n            - not an item\n        next: c\n  - id: b\n    answers:\n    - next: d\noutcomes:\n- id: d\n";

    #[test]
    fn finds_items_keys_and_blocks() {
        let l = Lines::new(TEXT);
        let q = l.top("questions").unwrap();
        assert_eq!(q, 1);
        let items = l.items(l.block(q));
        assert_eq!(items, vec![2, 10]);
        let a = l.find_key(l.item(2), "answers", 4).unwrap();
        assert_eq!(a, 3);
        let answers = l.items(l.block(a));
        assert_eq!(answers, vec![4, 6]);
        assert_eq!(l.find_key(l.item(6), "next", 8), Some(9));
        let a2 = l.find_key(l.item(10), "answers", 4).unwrap();
        assert_eq!(l.items(l.block(a2)), vec![12]);
        assert_eq!(l.items(l.block(l.top("outcomes").unwrap())), vec![14]);
    }

    #[test]
    fn finds_where_text_starts() {
        let l = Lines::new(TEXT);
        assert_eq!(l.text_start(7), (8, 12));
        assert_eq!(l.text_start(0), (0, 6));
        let t = Lines::new("  en: \"Yes\"\n");
        assert_eq!(t.text_start(0), (0, 7));
    }
}
