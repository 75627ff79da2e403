//! Reading `content/self-check.yaml`: every field checked, every problem reported with its line.

use super::flow::{Answer, Flow, Outcome, OutcomeKind, Question, Text};
use super::item::Item;
use super::lines::Lines;
use super::notes::Notes;
use super::what::What;
use crate::config::Config;
use crate::diagnostics::{Translatable, tr};
use crate::load::TextFile;
use crate::model::fallback::Missing;
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
    /// Texts missing in languages other than the default one (shown in the default's words).
    missing: Missing,
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

impl<'a> Reader<'a> {
    pub(super) fn new(tf: &'a TextFile, config: &'a Config) -> Self {
        Reader {
            tf,
            lines: Lines::new(&tf.text),
            config,
            notes: Notes::new(tf),
            missing: Missing::default(),
        }
    }

    /// Add an error at 0-based line `line` (see [`Notes::error`]).
    fn error(&mut self, line: usize, message: String, hint: impl Into<String>, tr: Translatable) {
        self.notes.error(line, message, hint, tr);
    }

    fn unknown_keys(&mut self, item: &Item<'_>, known: &[&str], what: &What) {
        let Some(m) = item.map.as_mapping() else {
            return;
        };
        for k in m.keys() {
            let k = yaml::key_string(k);
            if !known.contains(&k.as_str()) {
                let line = item.line_of(&self.lines, &k).unwrap_or(item.start);
                let known = known.join(", ");
                self.notes.warning(
                    line,
                    format!(
                        "{} has the key `{k}`, which the self-check does not use",
                        what.english()
                    ),
                    format!("check the spelling; the keys here are: {known}"),
                    tr(
                        "self-check-unknown-key",
                        &what.args(&[("key", &k), ("known", &known)]),
                    ),
                );
            }
        }
    }

    /// Text per language under `key` of `item`; `what` names the owner.
    fn text(&mut self, item: &Item<'_>, key: &str, what: &What, required: bool) -> Option<Text> {
        let key_line = item.line_of(&self.lines, key);
        let line = key_line.unwrap_or(item.start);
        let (owner, noun) = (what.english(), noun(key));
        let value = match item.map.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.error(
                        line,
                        format!("{owner} has no {noun}"),
                        format!(
                            "add `{key}:` with one line per language under it: `ka: ...`, `en: ...`"
                        ),
                        tr("self-check-no-text", &what.args(&[("key", key)])),
                    );
                }
                return None;
            }
            Some(v) => v,
        };
        if !value.is_mapping() {
            self.error(
                line,
                format!("{owner} gives its {noun} without saying the language"),
                format!("write one line per language under `{key}:`: `ka: ...` and `en: ...`"),
                tr("self-check-text-language", &what.args(&[("key", key)])),
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
                _ if code != self.config.default_lang() => {
                    self.missing.add(&code, lang_line.unwrap_or(line) + 1);
                }
                _ => self.error(
                    lang_line.unwrap_or(line),
                    format!("{owner} has no {noun} in {name} ({code})"),
                    format!("add `{code}: ...` with the text under `{key}:`"),
                    tr(
                        "self-check-text-missing",
                        &what.args(&[("key", key), ("language", &name), ("code", &code)]),
                    ),
                ),
            }
        }
        if out.text.0.contains_key(self.config.default_lang()) {
            Some(out)
        } else {
            None
        }
    }

    fn id(&mut self, item: &Item<'_>, what: What) -> Option<String> {
        let line = item.line_of(&self.lines, "id").unwrap_or(item.start);
        match item.str("id") {
            None => {
                self.error(
                    line,
                    format!("{} has no `id`", what.english()),
                    "add `id: <word>`: a short neutral word that answers use in `next:`",
                    tr("self-check-no-id", &what.args(&[])),
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
                    tr("self-check-id", &[("id", id)]),
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
                tr("self-check-not-mapping", &[]),
            );
            return None;
        }
        let top = Item {
            map: &root,
            range: self.lines.all(),
            indent: 0,
            start: 0,
        };
        let whole = What::self_check();
        self.unknown_keys(&top, TOP_KEYS, &whole);
        let path = self.path(&top);
        let title = self.text(&top, "title", &whole, true);
        let intro = self.text(&top, "intro", &whole, true);
        let other_help = self.text(&top, "other_help", &whole, false);
        let help = top.str("help").map(|h| {
            (
                h.to_string(),
                top.line_of(&self.lines, "help").unwrap_or(0) + 1,
            )
        });

        if self.too_many(&root, "questions", top.line_of(&self.lines, "questions"))
            || self.too_many(&root, "outcomes", None)
        {
            return None;
        }
        let questions = self.questions(&root, &top);
        let outcomes = self.outcomes(&root, &top);
        let first_line = top.line_of(&self.lines, "first").unwrap_or(0);
        let first_id = top.str("first");
        if first_id.is_none() {
            self.error(
                first_line,
                "the self-check does not say which question comes first".into(),
                "add `first: <id>` with the id of the first question",
                tr("self-check-no-first", &[]),
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
        let untranslated = self.missing.warnings(self.tf, self.config);
        self.notes.diags.extend(untranslated);
        Some(Unlinked {
            flow,
            first: first_id.map(str::to_string),
            first_line,
        })
    }

    /// `path:`, the self-check's address: plain lowercase words (an error leaves it empty).
    fn path(&mut self, top: &Item<'_>) -> String {
        let path_line = top.line_of(&self.lines, "path").unwrap_or(0);
        match top.str("path").map(|p| p.trim_matches('/')) {
            None | Some("") => {
                self.error(
                    path_line,
                    "the self-check has no `path` (its address)".into(),
                    "add `path: check` to publish it at /check/",
                    tr("self-check-no-path", &[]),
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
                    tr("self-check-path", &[("path", p)]),
                );
                String::new()
            }
            Some(p) => p.to_string(),
        }
    }

    /// The questions, each checked; the list must not be empty.
    fn questions(&mut self, root: &Value, top: &Item<'_>) -> Vec<Question> {
        let q_line = top.line_of(&self.lines, "questions");
        match root.get("questions") {
            Some(Value::Sequence(s)) if !s.is_empty() => {}
            _ => self.error(
                q_line.unwrap_or(0),
                "the self-check has no questions".into(),
                "add `questions:` with a list of `- id: ...` entries",
                tr("self-check-no-questions", &[]),
            ),
        }
        let items = Item::list(
            &self.lines,
            root.get("questions").unwrap_or(&Value::Null),
            q_line,
        );
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
        let o_line = top.line_of(&self.lines, "outcomes");
        match root.get("outcomes") {
            Some(Value::Sequence(s)) if !s.is_empty() => {}
            _ => self.error(
                o_line.unwrap_or(0),
                "the self-check has no outcomes".into(),
                "add `outcomes:` with a list of `- id: ...` entries, each with `kind`, `title` and `body`",
                tr("self-check-no-outcomes", &[]),
            ),
        }
        let items = Item::list(
            &self.lines,
            root.get("outcomes").unwrap_or(&Value::Null),
            o_line,
        );
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
        let (count, max) = (n.to_string(), MAX_STEPS.to_string());
        self.error(
            line,
            format!("the self-check has {n} {key}, more than the {MAX_STEPS} it may have"),
            "a reader answers a few questions at most: split it into several shorter self-checks, or ask fewer questions",
            tr(
                "self-check-too-many",
                &[("key", key), ("count", &count), ("max", &max)],
            ),
        );
        true
    }

    fn question(&mut self, item: &Item<'_>, n: usize) -> Option<Question> {
        let id = self.id(item, What::question(None, n));
        let what = What::question(id.as_deref(), n);
        self.unknown_keys(item, QUESTION_KEYS, &what);
        let text = self.text(item, "question", &what, true);
        let hint = self.text(item, "hint", &what, false);
        let a_line = item.line_of(&self.lines, "answers");
        let items = Item::list(
            &self.lines,
            item.map.get("answers").unwrap_or(&Value::Null),
            a_line,
        );
        if items.is_empty() {
            self.error(
                a_line.unwrap_or(item.start),
                format!("{} has no answers", what.english()),
                "add `answers:` with at least one `- label: ...` and `next: ...`",
                tr("self-check-no-answers", &what.args(&[])),
            );
        }
        if items.len() > MAX_ANSWERS {
            let (count, max) = (items.len().to_string(), MAX_ANSWERS.to_string());
            self.error(
                a_line.unwrap_or(item.start),
                format!(
                    "{} has {count} answers, more than the {max} a question may offer",
                    what.english()
                ),
                "offer fewer answers, or split the question in two",
                tr(
                    "self-check-too-many-answers",
                    &what.args(&[("count", &count), ("max", &max)]),
                ),
            );
        }
        let mut answers = Vec::new();
        for (i, a) in items.iter().take(MAX_ANSWERS).enumerate() {
            let a_what = what.answer(i);
            self.unknown_keys(a, ANSWER_KEYS, &a_what);
            let label = self.text(a, "label", &a_what, true);
            let next_line = a.line_of(&self.lines, "next").unwrap_or(a.start);
            match a.str("next") {
                None => self.error(
                    next_line,
                    format!("{} does not say where it leads", a_what.english()),
                    "add `next: <id>` with the id of a question or an outcome",
                    tr("self-check-no-next", &a_what.args(&[])),
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
            line: item.line_of(&self.lines, "id").unwrap_or(item.start) + 1,
        })
    }

    fn outcome(&mut self, item: &Item<'_>, n: usize) -> Option<Outcome> {
        let id = self.id(item, What::outcome(None, n));
        let what = What::outcome(id.as_deref(), n);
        self.unknown_keys(item, OUTCOME_KEYS, &what);
        let kind_line = item.line_of(&self.lines, "kind").unwrap_or(item.start);
        let names = OutcomeKind::NAMES.join(", ");
        let kind = match item.str("kind") {
            None => {
                self.error(
                    kind_line,
                    format!("{} has no `kind`", what.english()),
                    format!("add `kind:` with one of: {names}"),
                    tr("self-check-no-kind", &what.args(&[("names", &names)])),
                );
                None
            }
            Some(k) => {
                let kind = OutcomeKind::parse(k);
                if kind.is_none() {
                    self.error(
                        kind_line,
                        format!(
                            "{} has the kind `{k}`, which is not one the self-check knows",
                            what.english()
                        ),
                        format!("use one of: {names}"),
                        tr(
                            "self-check-kind",
                            &what.args(&[("kind", k), ("names", &names)]),
                        ),
                    );
                }
                kind
            }
        };
        let title = self.text(item, "title", &what, true);
        let body = self.text(item, "body", &what, true);
        Some(Outcome {
            id: id?,
            kind: kind.unwrap_or(OutcomeKind::Unsure),
            title: title.map(|t| t.text).unwrap_or_default(),
            body: body.unwrap_or_default(),
            line: item.line_of(&self.lines, "id").unwrap_or(item.start) + 1,
        })
    }
}

/// What the text under `key` is, in English words.
fn noun(key: &str) -> &str {
    match key {
        "intro" => "introduction",
        "other_help" => "text about other help",
        "question" => "question text",
        k => k,
    }
}
