//! Input hygiene, checked before any parser sees the text: invisible control characters
//! (NUL and the rest of C0 but tab and line ends), and YAML that is too large or nested too
//! deeply (a linear scan, so 64,000 `[` fail at once instead of after seconds in the parser).

use crate::diagnostics::{Diagnostic, line_col};

/// The most bytes of YAML read from one file or front matter.
pub const MAX_YAML_BYTES: usize = 4 * 1024 * 1024;
/// The deepest nesting of lists and groups of keys in YAML.
pub const MAX_YAML_DEPTH: usize = 64;

/// The first invisible control character in `text` (anything below U+0020 except tab, line
/// feed and carriage return), as an error pointing at it.
pub fn control_character(text: &str, file: &str) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
    // Every page passes through here: blocks of 64 bytes without a branch per byte (the
    // compiler makes this a vector loop), and the exact place only in a text that has one.
    let any = |block: &[u8]| {
        block.iter().fold(false, |found, &b| {
            found | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
        })
    };
    if !bytes.chunks(64).any(any) {
        return None;
    }
    let at = bytes.iter().position(is_control)?;
    let count = bytes.iter().filter(|b| is_control(b)).count();
    let code = format!("U+{:04X}", bytes[at]);
    let (line, column) = line_col(text, at);
    let message = if count == 1 {
        format!("the text contains an invisible control character ({code})")
    } else {
        format!(
            "the text contains {count} invisible control characters, the first one here ({code})"
        )
    };
    let (id, hint) = if bytes[at] == 0x0B {
        (
            "control-character-break",
            "this is a line break pasted from Word: delete it and press Enter instead",
        )
    } else {
        (
            "control-character",
            "delete it: it is invisible in most editors and often comes with text pasted from Word or a PDF, so retype the text around the place shown",
        )
    };
    let mut d = Diagnostic::error("control-character", message)
        .in_file(file)
        .at(line, column)
        .with_hint(hint)
        .tr(id, &[("code", &code), ("count", &count.to_string())]);
    d.source_line = text.lines().nth(line - 1).map(visible);
    Some(d)
}

/// A line with its control characters shown as their Unicode pictures (`␀`), so the
/// terminal shows where they are and is not disturbed by them.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\u{0}'..='\u{1f}' if c != '\t' => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            c => c,
        })
        .collect()
}

/// What is wrong with the shape of a YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// More than [`MAX_YAML_BYTES`].
    TooLarge,
    /// Nested deeper than [`MAX_YAML_DEPTH`] at this byte offset.
    TooDeep(usize),
}

/// Check the size and nesting depth of YAML text in one pass.
pub fn yaml_shape(text: &str) -> Result<(), Shape> {
    if text.len() > MAX_YAML_BYTES {
        return Err(Shape::TooLarge);
    }
    let mut scan = Scan::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        scan.line(line, offset)?;
        offset += line.len();
    }
    Ok(())
}

/// The state of the depth scan between lines.
#[derive(Default)]
struct Scan {
    /// Indents of the open block collections.
    blocks: Vec<usize>,
    /// Open `[` and `{`.
    flow: usize,
    /// Inside a quoted value that goes on over lines.
    quote: Option<char>,
    /// Inside a `|` or `>` block of text: the indent of the line that starts it, and the
    /// indent of its text once its first line is seen.
    literal: Option<(usize, Option<usize>)>,
}

impl Scan {
    fn line(&mut self, line: &str, offset: usize) -> Result<(), Shape> {
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let rest = &content[indent..];
        if let Some((parent, text)) = self.literal {
            match text {
                _ if rest.trim().is_empty() => return Ok(()),
                None if indent > parent => {
                    self.literal = Some((parent, Some(indent)));
                    return Ok(());
                }
                Some(text) if indent >= text => return Ok(()),
                _ => self.literal = None,
            }
        }
        if self.quote.is_none() && self.flow == 0 {
            if rest.trim().is_empty() || rest.starts_with('#') {
                return Ok(());
            }
            while self.blocks.last().is_some_and(|&top| top > indent) {
                self.blocks.pop();
            }
            if self.blocks.last() != Some(&indent) {
                self.blocks.push(indent);
            }
        }
        self.tokens(rest, offset + indent, indent)
    }

    /// Walk the characters of a line's content (`offset`: where it starts in the text).
    fn tokens(&mut self, rest: &str, offset: usize, indent: usize) -> Result<(), Shape> {
        let mut extra = 0; // `- - -` on one line
        let mut token_start = self.quote.is_none();
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if let Some(q) = self.quote {
                if c == '\\' && q == '"' {
                    chars.next();
                } else if c == q {
                    self.quote = None;
                    token_start = false;
                }
                continue;
            }
            let next = chars.peek().map(|&(_, n)| n);
            let gap = next.is_none_or(|n| n == ' ' || n == '\t');
            match c {
                ' ' | '\t' => {}
                '#' if token_start || i == 0 || rest[..i].ends_with([' ', '\t']) => return Ok(()),
                '[' | '{' if token_start || self.flow > 0 => {
                    self.flow += 1;
                    if self.depth(extra) > MAX_YAML_DEPTH {
                        return Err(Shape::TooDeep(offset + i));
                    }
                    token_start = true;
                }
                ']' | '}' if self.flow > 0 => {
                    self.flow -= 1;
                    token_start = false;
                }
                ',' if self.flow > 0 => token_start = true,
                '"' | '\'' if token_start => self.quote = Some(c),
                '-' | '?' if token_start && self.flow == 0 && gap => {
                    extra += 1;
                    if self.depth(extra) > MAX_YAML_DEPTH {
                        return Err(Shape::TooDeep(offset + i));
                    }
                }
                '|' | '>' if token_start && self.flow == 0 => {
                    self.literal = Some((indent, None));
                    return Ok(());
                }
                ':' if gap => token_start = true,
                _ => token_start = false,
            }
        }
        if self.depth(extra) > MAX_YAML_DEPTH {
            return Err(Shape::TooDeep(offset));
        }
        Ok(())
    }

    fn depth(&self, extra: usize) -> usize {
        self.blocks.len() + self.flow + extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_control_characters_with_their_place() {
        assert!(control_character("title: a\n\tb\r\n", "a.md").is_none());
        let d = control_character("---\ntitle: a\u{0}b\n", "a.md");
        let d = d.as_ref();
        assert_eq!(d.and_then(|d| d.line), Some(2));
        assert_eq!(d.and_then(|d| d.column), Some(9));
        assert_eq!(
            d.map(|d| d.message.as_str()),
            Some("the text contains an invisible control character (U+0000)")
        );
        assert_eq!(
            d.and_then(|d| d.source_line.as_deref()),
            Some("title: a\u{2400}b")
        );
        let two = control_character("a\u{b}b\u{1b}", "a.md");
        assert!(two.is_some_and(|d| d.message.starts_with("the text contains 2 ")));
    }

    #[test]
    fn every_control_byte_is_found_at_every_place_of_a_block() {
        for b in 0u8..0x20 {
            for at in [0, 1, 62, 63, 64, 65, 127, 128, 199] {
                let mut text = vec![b'x'; 200];
                text[at] = b;
                let text = String::from_utf8(text).unwrap_or_default();
                let found = control_character(&text, "a.md").and_then(|d| d.column);
                let allowed = matches!(b, b'\t' | b'\n' | b'\r');
                assert_eq!(found.is_none(), allowed, "byte {b:#x} at {at}");
                if b != b'\t' && b != b'\n' && b != b'\r' {
                    assert_eq!(found, Some(at + 1), "byte {b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn ordinary_yaml_passes() {
        let texts = [
            "title: a\nlist: [a, [b, c], {d: e}]\nnested:\n  - a: 1\n    b:\n      - - x\n",
            "body: |\n  [[[[[[ not yaml {{{{\n  more\nnext: 'it''s [ fine'\nq: \"a \\\" [\"\n",
            "title: it's [not a list\nurl: http://x.ge/#[a\n# [[[[ comment\n",
            "- body: |\n    text\n  next: [a]\n- b: >-\n\n   [[[[[[[[\n",
        ];
        for t in texts {
            assert_eq!(yaml_shape(t), Ok(()), "{t}");
        }
        let plain = format!("title: a {}\n", "[x ".repeat(200));
        assert_eq!(yaml_shape(&plain), Ok(()));
    }

    #[test]
    fn deep_nesting_fails_fast_at_its_place() {
        let deep = format!("a: {}", "[".repeat(64_000));
        assert_eq!(yaml_shape(&deep), Err(Shape::TooDeep(3 + 63)));
        let braces = format!("a: {}", "{b: ".repeat(100));
        assert!(matches!(yaml_shape(&braces), Err(Shape::TooDeep(_))));
        let dashes = format!("{}x\n", "- ".repeat(100));
        assert!(matches!(yaml_shape(&dashes), Err(Shape::TooDeep(_))));
        let mut blocks = String::new();
        for i in 0..100 {
            blocks.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
        }
        assert!(matches!(yaml_shape(&blocks), Err(Shape::TooDeep(_))));
        // Text of a block after its owner's next key is counted again.
        let after = format!("- body: |\n    text\n  next: {}", "[".repeat(100));
        assert!(matches!(yaml_shape(&after), Err(Shape::TooDeep(_))));
        let big = "a: b\n".repeat(MAX_YAML_BYTES / 5 + 1);
        assert_eq!(yaml_shape(&big), Err(Shape::TooLarge));
    }
}
