//! Reading `content/self-check.yaml`: every field checked, every problem reported with its line.

use super::flow::{Answer, Flow, Outcome, OutcomeKind, Question, Text};
use super::lines::Lines;
use super::notes::Notes;
use crate::config::Config;
use crate::load::TextFile;
use crate::yaml;
use serde_yaml::Value;

const TOP_KEYS: &[&str] = &[
    "path",
    "title",
    "intro",
    "other_help",
    "help",
    "first",
    "questions",
    "outcomes",
];
const QUESTION_KEYS: &[&str] = &["id", "question", "hint", "answers"];
const ANSWER_KEYS: &[&str] = &["label", "next"];
const OUTCOME_KEYS: &[&str] = &["id", "kind", "title", "body"];

/// The most questions (and, separately, outcomes) a self-check may have.
pub const MAX_STEPS: usize = 200;
/// The most answers one question may offer.
pub const MAX_ANSWERS: usize = 20;

/// Reads the file and collects messages.
pub(super) struct Reader<'a> {
    pub(super) tf: &'a TextFile,
    pub(super) lines: Lines<'a>,
    config: &'a Config,
    /// The messages so far.
    pub(super) notes: Notes<'a>,
}

/// A flow as read, before its `next:` and `first:` ids are resolved ([`super::graph`]).
pub(super) struct Unlinked {
    /// The flow; `first` and every `next` still unresolved.
    pub(super) flow: Flow,
    /// The id `first:` names.
    pub(super) first: Option<String>,
    /// 0-based line of `first:`.
    pub(super) first_line: usize,
}

/// One YAML mapping with the lines it was written on.
struct Item<'v> {
    map: &'v Value,
    /// 0-based lines of the item.
    range: std::ops::Range<usize>,
    /// Column where the item's keys start.
    indent: usize,
    /// 0-based line of the item's start.
    start: usize,
}

impl<'v> Item<'v> {
    fn line_of(&self, r: &Reader<'_>, key: &str) -> Option<usize> {
        r.lines.find_key(self.range.clone(), key, self.indent)
    }

    fn str(&self, key: &str) -> Option<&'v str> {
        self.map
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

impl<'a> Reader<'a> {
    pub(super) fn new(tf: &'a TextFile, config: &'a Config) -> Self {
        Reader {
            tf,
            lines: Lines::new(&tf.text),
            config,
            notes: Notes::new(tf),
        }
    }

    /// Add an error at 0-based line `line`.
    pub(super) fn error(&mut self, line: usize, message: String, hint: impl Into<String>) {
        self.notes.error(line, message, hint);
    }

    fn warning(&mut self, line: usize, message: String, hint: impl Into<String>) {
        self.notes.warning(line, message, hint);
    }

    fn unknown_keys(&mut self, item: &Item<'_>, known: &[&str], what: &str) {
        let Some(m) = item.map.as_mapping() else {
            return;
        };
        for k in m.keys() {
            let k = yaml::key_string(k);
            if !known.contains(&k.as_str()) {
                let line = item.line_of(self, &k).unwrap_or(item.start);
                self.warning(
                    line,
                    format!("{what} has the key `{k}`, which the self-check does not use"),
                    format!(
                        "check the spelling; the keys here are: {}",
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// Text per language under `key` of `item`. `what` names the owner ("the question `a`"),
    /// `noun` the text ("question text").
    fn text(
        &mut self,
        item: &Item<'_>,
        key: &str,
        what: &str,
        noun: &str,
        required: bool,
    ) -> Option<Text> {
        let key_line = item.line_of(self, key);
        let line = key_line.unwrap_or(item.start);
        let value = match item.map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.error(
                        line,
                        format!("{what} has no {noun}"),
                        format!(
                            "add `{key}:` with one line per language under it: `ka: ...`, `en: ...`"
                        ),
                    );
                }
                return None;
            }
            Some(v) => v,
        };
        if !value.is_mapping() {
            self.error(
                line,
                format!("{what} gives its {noun} without saying the language"),
                format!("write one line per language under `{key}:`: `ka: ...` and `en: ...`"),
            );
            return None;
        }
        let mut out = Text::default();
        let langs: Vec<(String, String)> = self
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), l.name.clone()))
            .collect();
        for (code, name) in langs {
            let lang_line = key_line.and_then(|k| self.lines.child_key(k, &code));
            match value.get(code.as_str()).and_then(Value::as_str) {
                Some(s) if !s.trim().is_empty() => {
                    out.text.0.insert(code.clone(), s.to_string());
                    let (l, c) = match lang_line {
                        Some(ll) => self.lines.text_start(ll),
                        None => (line, 0),
                    };
                    out.pos.insert(code, (l + 1, c));
                }
                _ => self.error(
                    lang_line.unwrap_or(line),
                    format!("{what} has no {noun} in {name} ({code})"),
                    format!("add `{code}: ...` with the text under `{key}:`"),
                ),
            }
        }
        if out.text.0.len() == self.config.languages.len() {
            Some(out)
        } else {
            None
        }
    }

    /// The items of the list under `key` (of the top level, or of `parent`).
    fn list<'v>(&mut self, value: &'v Value, key_line: Option<usize>) -> Vec<Item<'v>> {
        let Some(seq) = value.as_sequence() else {
            return Vec::new();
        };
        let starts = key_line
            .map(|k| self.lines.items(self.lines.block(k)))
            .unwrap_or_default();
        seq.iter()
            .enumerate()
            .map(|(n, v)| {
                let start = starts.get(n).copied().or(key_line).unwrap_or_default();
                let (range, indent) = if starts.get(n).is_some() {
                    (
                        self.lines.item(start),
                        self.lines.key_indent(start).unwrap_or(0),
                    )
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

    fn id(&mut self, item: &Item<'_>, what: String) -> Option<String> {
        let line = item.line_of(self, "id").unwrap_or(item.start);
        match item.str("id") {
            None => {
                self.error(
                    line,
                    format!("{what} has no `id`"),
                    "add `id: <word>`: a short neutral word that answers use in `next:`",
                );
                None
            }
            Some(id)
                if !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                self.error(
                    line,
                    format!("the id `{id}` may hold only letters, digits, `-` and `_`"),
                    "use a short word such as `returned` or `time-limit`",
                );
                Some(id.to_string())
            }
            Some(id) => Some(id.to_string()),
        }
    }

    /// Read the whole file. `None` when the file cannot be read as a flow at all.
    pub(super) fn read(&mut self) -> Option<Unlinked> {
        let root = match yaml::parse(&self.tf.text, &self.tf.file, 0, &self.tf.text) {
            Ok(v) => v,
            Err(d) => {
                self.notes.diags.push(d);
                return None;
            }
        };
        if !root.is_mapping() {
            self.error(
                0,
                "the self-check should be a list of `key: value` lines (path, title, first, questions, outcomes)".into(),
                "see the bundled content/self-check.yaml for the layout",
            );
            return None;
        }
        let top = Item {
            map: &root,
            range: self.lines.all(),
            indent: 0,
            start: 0,
        };
        self.unknown_keys(&top, TOP_KEYS, "the self-check");
        let path = self.path(&top);
        let title = self.text(&top, "title", "the self-check", "title", true);
        let intro = self.text(&top, "intro", "the self-check", "introduction", true);
        let other_help = self.text(
            &top,
            "other_help",
            "the self-check",
            "text about other help",
            false,
        );
        let help = top
            .str("help")
            .map(|h| (h.to_string(), top.line_of(self, "help").unwrap_or(0) + 1));

        if self.too_many(&root, "questions", top.line_of(self, "questions"))
            || self.too_many(&root, "outcomes", None)
        {
            return None;
        }
        let questions = self.questions(&root, &top);
        let outcomes = self.outcomes(&root, &top);
        let first_line = top.line_of(self, "first").unwrap_or(0);
        let first_id = top.str("first");
        if first_id.is_none() {
            self.error(
                first_line,
                "the self-check does not say which question comes first".into(),
                "add `first: <id>` with the id of the first question",
            );
        }
        let flow = Flow {
            path,
            title: title.map(|t| t.text).unwrap_or_default(),
            intro: intro.unwrap_or_default(),
            other_help,
            help,
            first: 0,
            questions,
            outcomes,
        };
        Some(Unlinked {
            flow,
            first: first_id.map(str::to_string),
            first_line,
        })
    }

    /// `path:`, the self-check's address: plain lowercase words (an error leaves it empty).
    fn path(&mut self, top: &Item<'_>) -> String {
        let path_line = top.line_of(self, "path").unwrap_or(0);
        match top.str("path").map(|p| p.trim_matches('/')) {
            None | Some("") => {
                self.error(
                    path_line,
                    "the self-check has no `path` (its address)".into(),
                    "add `path: check` to publish it at /check/",
                );
                String::new()
            }
            Some(p)
                if !p.split('/').all(|s| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                }) =>
            {
                self.error(
                    path_line,
                    format!(
                        "the address `{p}` may hold only lowercase letters, digits, `-` and `/`"
                    ),
                    "use a neutral word such as `check`",
                );
                String::new()
            }
            Some(p) => p.to_string(),
        }
    }

    /// The questions, each checked; the list must not be empty.
    fn questions(&mut self, root: &Value, top: &Item<'_>) -> Vec<Question> {
        let q_line = top.line_of(self, "questions");
        match root.get("questions") {
            Some(Value::Sequence(s)) if !s.is_empty() => {}
            _ => self.error(
                q_line.unwrap_or(0),
                "the self-check has no questions".into(),
                "add `questions:` with a list of `- id: ...` entries",
            ),
        }
        let items = self.list(root.get("questions").unwrap_or(&Value::Null), q_line);
        let mut questions = Vec::new();
        for (n, item) in items.iter().enumerate() {
            if let Some(q) = self.question(item, n) {
                questions.push(q);
            }
        }
        questions
    }

    /// The outcomes, each checked; the list must not be empty.
    fn outcomes(&mut self, root: &Value, top: &Item<'_>) -> Vec<Outcome> {
        let o_line = top.line_of(self, "outcomes");
        match root.get("outcomes") {
            Some(Value::Sequence(s)) if !s.is_empty() => {}
            _ => self.error(
                o_line.unwrap_or(0),
                "the self-check has no outcomes".into(),
                "add `outcomes:` with a list of `- id: ...` entries, each with `kind`, `title` and `body`",
            ),
        }
        let items = self.list(root.get("outcomes").unwrap_or(&Value::Null), o_line);
        let mut outcomes = Vec::new();
        for (n, item) in items.iter().enumerate() {
            if let Some(o) = self.outcome(item, n) {
                outcomes.push(o);
            }
        }
        outcomes
    }

    /// Whether the list under top-level `key` is longer than [`MAX_STEPS`] (reported).
    fn too_many(&mut self, root: &Value, key: &str, line: Option<usize>) -> bool {
        let n = root
            .get(key)
            .and_then(Value::as_sequence)
            .map_or(0, Vec::len);
        if n <= MAX_STEPS {
            return false;
        }
        let line = line.or_else(|| self.lines.top(key)).unwrap_or(0);
        self.error(
            line,
            format!("the self-check has {n} {key}, more than the {MAX_STEPS} it may have"),
            "a reader answers a few questions at most: split it into several shorter self-checks, or ask fewer questions",
        );
        true
    }

    fn question(&mut self, item: &Item<'_>, n: usize) -> Option<Question> {
        let id = self.id(item, format!("question {}", n + 1));
        let what = match &id {
            Some(id) => format!("the question `{id}`"),
            None => format!("question {}", n + 1),
        };
        self.unknown_keys(item, QUESTION_KEYS, &what);
        let text = self.text(item, "question", &what, "question text", true);
        let hint = self.text(item, "hint", &what, "hint", false);
        let a_line = item.line_of(self, "answers");
        let items = self.list(item.map.get("answers").unwrap_or(&Value::Null), a_line);
        if items.is_empty() {
            self.error(
                a_line.unwrap_or(item.start),
                format!("{what} has no answers"),
                "add `answers:` with at least one `- label: ...` and `next: ...`",
            );
        }
        if items.len() > MAX_ANSWERS {
            self.error(
                a_line.unwrap_or(item.start),
                format!(
                    "{what} has {} answers, more than the {MAX_ANSWERS} a question may offer",
                    items.len()
                ),
                "offer fewer answers, or split the question in two",
            );
        }
        let mut answers = Vec::new();
        for (i, a) in items.iter().take(MAX_ANSWERS).enumerate() {
            let a_what = format!("answer {} of {what}", i + 1);
            self.unknown_keys(a, ANSWER_KEYS, &a_what);
            let label = self.text(a, "label", &a_what, "label", true);
            let next_line = a.line_of(self, "next").unwrap_or(a.start);
            match a.str("next") {
                None => self.error(
                    next_line,
                    format!("{a_what} does not say where it leads"),
                    "add `next: <id>` with the id of a question or an outcome",
                ),
                Some(next_id) => answers.push(Answer {
                    label: label.map(|l| l.text).unwrap_or_default(),
                    next_id: next_id.to_string(),
                    next: None,
                    line: next_line + 1,
                }),
            }
        }
        Some(Question {
            id: id?,
            text: text.map(|t| t.text).unwrap_or_default(),
            hint: hint.map(|h| h.text),
            answers,
            line: item.line_of(self, "id").unwrap_or(item.start) + 1,
        })
    }

    fn outcome(&mut self, item: &Item<'_>, n: usize) -> Option<Outcome> {
        let id = self.id(item, format!("outcome {}", n + 1));
        let what = match &id {
            Some(id) => format!("the outcome `{id}`"),
            None => format!("outcome {}", n + 1),
        };
        self.unknown_keys(item, OUTCOME_KEYS, &what);
        let kind_line = item.line_of(self, "kind").unwrap_or(item.start);
        let kind = match item.str("kind") {
            None => {
                self.error(
                    kind_line,
                    format!("{what} has no `kind`"),
                    format!("add `kind:` with one of: {}", OutcomeKind::NAMES.join(", ")),
                );
                None
            }
            Some(k) => {
                let kind = OutcomeKind::parse(k);
                if kind.is_none() {
                    self.error(
                        kind_line,
                        format!("{what} has the kind `{k}`, which is not one the self-check knows"),
                        format!("use one of: {}", OutcomeKind::NAMES.join(", ")),
                    );
                }
                kind
            }
        };
        let title = self.text(item, "title", &what, "title", true);
        let body = self.text(item, "body", &what, "body", true);
        Some(Outcome {
            id: id?,
            kind: kind.unwrap_or(OutcomeKind::Unsure),
            title: title.map(|t| t.text).unwrap_or_default(),
            body: body.unwrap_or_default(),
            line: item.line_of(self, "id").unwrap_or(item.start) + 1,
        })
    }
}
