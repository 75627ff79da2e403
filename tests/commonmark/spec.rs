//! The examples of the CommonMark spec, read from `spec.txt` of the npm package
//! `commonmark-spec` as its own `index.js` reads them.

use std::path::Path;

/// One example of the spec.
pub struct Example {
    /// Its number in the spec (from 1).
    pub number: usize,
    /// The section it is in.
    pub section: String,
    /// The Markdown, with the spec's `→` turned into a tab.
    pub markdown: String,
    /// The HTML the spec expects, with `→` turned into a tab.
    pub html: String,
}

/// The fence that opens an example (32 backticks and `example`) and closes it.
const FENCE: &str = "````````````````````````````````";

/// Every example of the spec at `path`; an error in plain words when it cannot be read.
pub fn read(path: &Path) -> Result<Vec<Example>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read the CommonMark spec at {} ({e}): run `npm install --ignore-scripts` \
             in the repository first (package.json lists commonmark-spec)",
            path.display()
        )
    })?;
    let text = text.replace("\r\n", "\n");
    let text = text.split("\n<!-- END TESTS -->").next().unwrap_or("");
    Ok(parse(text))
}

/// The examples of the spec's text.
fn parse(text: &str) -> Vec<Example> {
    let open = format!("{FENCE} example");
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line == open {
            let markdown = take_until(&mut lines, |l| l == ".");
            let html = take_until(&mut lines, |l| l == FENCE);
            examples.push(Example {
                number: examples.len() + 1,
                section: section.clone(),
                markdown: markdown.replace('→', "\t"),
                html: html.replace('→', "\t"),
            });
        } else if let Some(title) = heading(line) {
            section = title.to_string();
        }
    }
    examples
}

/// The lines up to the one `end` accepts (not included), each ending with a line break.
fn take_until<'a>(lines: &mut impl Iterator<Item = &'a str>, end: impl Fn(&str) -> bool) -> String {
    let mut out = String::new();
    for line in lines.by_ref() {
        if end(line) {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The title of a heading line (`## Tabs`), as the spec's reader takes sections.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (1..=6)
        .contains(&hashes)
        .then(|| line[hashes..].trim_start_matches(' '))
}
