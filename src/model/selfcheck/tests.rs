//! Unit tests of the flow checks: the exact message, line and hint of every error.

use super::flow::Flow;
use super::pages::{self, Step};
use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::TextFile;

const VALID: &str = r#"path: check
title: {ka: "შემოწმება", en: "Check"}
intro:
  ka: "ტექსტი"
  en: "Text"
first: a
questions:
  - id: a
    question:
      ka: "კითხვა ა?"
      en: "Question a?"
    answers:
      - label: {ka: "დიახ", en: "Yes"}
        next: b
      - label: {ka: "არა", en: "No"}
        next: nope
  - id: b
    question:
      ka: "კითხვა ბ?"
      en: "Question b?"
    answers:
      - label: {ka: "დიახ", en: "Yes"}
        next: ok
      - label: {ka: "არა", en: "No"}
        next: nope
outcomes:
  - id: ok
    kind: eligible
    title: {ka: "კი", en: "Yes"}
    body: {ka: "ტექსტი", en: "Text"}
  - id: nope
    kind: not-eligible
    title: {ka: "არა", en: "No"}
    body: {ka: "ტექსტი", en: "Text"}
"#;

fn config() -> Config {
    config::parse("title: x\nlanguages: [ka, en]\n", "site.yaml").expect("config")
}

fn read(text: &str) -> (Option<Flow>, Vec<Diagnostic>) {
    let tf = TextFile {
        file: "content/self-check.yaml".into(),
        rel: "self-check.yaml".into(),
        text: text.into(),
        whole: None,
    };
    super::read_flow(&tf, &config())
}

/// The 1-based line of the `n`-th (from 1) line containing `needle`.
fn line_of(text: &str, needle: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(n - 1)
        .map(|(i, _)| i + 1)
        .expect("needle in text")
}

/// The only error for `text`: (line, message, hint).
fn only_error(text: &str) -> (usize, String, String) {
    let (_, diags) = read(text);
    let errors: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{diags:#?}");
    let d = errors[0];
    assert_eq!(d.file.as_deref(), Some("content/self-check.yaml"));
    (
        d.line.expect("line"),
        d.message.clone(),
        d.hint.clone().unwrap_or_default(),
    )
}

#[test]
fn a_valid_flow_has_no_messages_and_five_pages() {
    let (flow, diags) = read(VALID);
    assert!(diags.is_empty(), "{diags:#?}");
    let flow = flow.expect("flow");
    let nodes = pages::nodes(&flow);
    let urls: Vec<String> = nodes
        .iter()
        .map(|n| pages::suffix(&n.path, n.step))
        .collect();
    assert_eq!(urls, ["q/", "q/1/", "r/1-1/", "r/1-2/", "r/2/"]);
    assert_eq!(nodes[2].step, Step::Outcome(0));
    assert_eq!(super::graph::count_pages(&flow), 5);
}

#[test]
fn an_answer_leading_nowhere() {
    let text = VALID.replace("        next: ok", "        next: maybe");
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "next: maybe", 1));
    assert_eq!(
        msg,
        "answer 1 of the question `b` leads to `maybe`, which is not a question or an outcome"
    );
    assert_eq!(hint, "use one of: a, b, ok, nope");
}

#[test]
fn an_answer_without_next() {
    let text = VALID.replace("        next: ok\n", "");
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "label: {ka: \"დიახ\"", 2));
    assert_eq!(
        msg,
        "answer 1 of the question `b` does not say where it leads"
    );
    assert_eq!(
        hint,
        "add `next: <id>` with the id of a question or an outcome"
    );
}

#[test]
fn an_outcome_nobody_can_reach() {
    let text = format!(
        "{VALID}  - id: spare\n    kind: unsure\n    title: {{ka: \"ა\", en: \"A\"}}\n    body: {{ka: \"ა\", en: \"A\"}}\n"
    );
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "- id: spare", 1));
    assert_eq!(
        msg,
        "nobody can reach the outcome `spare`: no answer leads to it from the first question"
    );
    assert_eq!(
        hint,
        "point an answer's `next:` at `spare`, or remove the outcome"
    );
}

#[test]
fn a_question_nobody_can_reach() {
    let text = VALID.replace("        next: b\n", "        next: ok\n");
    let (line, msg, _) = only_error(&text);
    assert_eq!(line, line_of(&text, "- id: b", 1));
    assert_eq!(
        msg,
        "nobody can reach the question `b`: no answer leads to it from the first question"
    );
}

#[test]
fn a_cycle() {
    let text = VALID.replacen("        next: nope", "        next: a", 2);
    let text = text.replacen("        next: a", "        next: nope", 1);
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "next: a", 1));
    assert_eq!(msg, "the answers go round in a circle: `a` → `b` → `a`");
    assert_eq!(
        hint,
        "every answer must lead on to a later question or to an outcome; change this `next:`"
    );
}

#[test]
fn a_question_without_answers() {
    let text = VALID.replace(
        "outcomes:\n",
        "  - id: c\n    question: {ka: \"გ?\", en: \"C?\"}\n    answers: []\noutcomes:\n",
    );
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "answers: []", 1));
    assert_eq!(msg, "the question `c` has no answers");
    assert_eq!(
        hint,
        "add `answers:` with at least one `- label: ...` and `next: ...`"
    );
}

#[test]
fn text_missing_in_a_language() {
    // Missing in a language other than the default: the Georgian text stands in, and the
    // file gets one warning for that language, however many texts it lacks.
    let text = VALID
        .replace("      en: \"Question b?\"\n", "")
        .replacen("en: \"No\"}", "}", 1);
    let (_, diags) = read(&text);
    assert!(
        diags.iter().all(|d| d.severity != Severity::Error),
        "{diags:#?}"
    );
    let warned: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.message.contains("not in English (en) yet"))
        .collect();
    assert_eq!(warned.len(), 1, "{diags:#?}");
    assert!(
        warned[0].message.starts_with("2 texts in this file"),
        "{}",
        warned[0].message
    );
    // At the first of them: the answer's label comes before question `b`.
    let first = line_of(&text, "{ka: \"არა\", }", 1);
    assert!(first < line_of(&text, "    question:", 2));
    assert_eq!(warned[0].line, Some(first));

    let text = VALID.replacen("{ka: \"არა\", en: \"No\"}", "{en: \"No\"}", 1);
    let (line, msg, _) = only_error(&text);
    assert_eq!(line, line_of(&text, "label: {en: \"No\"}", 1));
    assert_eq!(
        msg,
        "answer 2 of the question `a` has no label in ქართული (ka)"
    );

    let text = VALID.replacen("  ka: \"ტექსტი\"\n", "", 1);
    let (line, msg, _) = only_error(&text);
    assert_eq!(line, line_of(&text, "intro:", 1));
    assert_eq!(msg, "the self-check has no introduction in ქართული (ka)");
}

#[test]
fn text_without_languages() {
    let text = VALID.replace("    title: {ka: \"კი\", en: \"Yes\"}", "    title: \"Yes\"");
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "title: \"Yes\"", 1));
    assert_eq!(
        msg,
        "the outcome `ok` gives its title without saying the language"
    );
    assert_eq!(
        hint,
        "write one line per language under `title:`: `ka: ...` and `en: ...`"
    );
}

#[test]
fn an_unknown_outcome_kind() {
    let text = VALID.replace("kind: eligible", "kind: maybe");
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "kind: maybe", 1));
    assert_eq!(
        msg,
        "the outcome `ok` has the kind `maybe`, which is not one the self-check knows"
    );
    assert_eq!(hint, "use one of: eligible, not-eligible, unsure, refer");
}

#[test]
fn duplicate_ids() {
    let text = format!(
        "{VALID}  - id: ok\n    kind: unsure\n    title: {{ka: \"ა\", en: \"A\"}}\n    body: {{ka: \"ა\", en: \"A\"}}\n"
    );
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "- id: ok", 2));
    assert_eq!(
        msg,
        format!(
            "the id `ok` is used twice: also on line {}",
            line_of(&text, "- id: ok", 1)
        )
    );
    assert_eq!(hint, "give every question and outcome its own id");
}

#[test]
fn first_question_missing_or_unknown() {
    let text = VALID.replace("first: a\n", "");
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, 1);
    assert_eq!(
        msg,
        "the self-check does not say which question comes first"
    );
    assert_eq!(hint, "add `first: <id>` with the id of the first question");

    let text = VALID.replace("first: a\n", "first: z\n");
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, line_of(&text, "first: z", 1));
    assert_eq!(msg, "`first` names `z`, which is not the id of a question");
    assert_eq!(hint, "use one of: a, b");

    let text = VALID.replace("first: a\n", "first: ok\n");
    let (_, msg, _) = only_error(&text);
    assert_eq!(
        msg,
        "`first` names the outcome `ok`, but the self-check must start with a question"
    );
}

#[test]
fn ids_and_path_must_be_plain() {
    let text = VALID
        .replace("- id: b\n", "- id: b c\n")
        .replace("next: b\n", "next: b c\n");
    let (line, msg, _) = only_error(&text);
    assert_eq!(line, line_of(&text, "- id: b c", 1));
    assert_eq!(
        msg,
        "the id `b c` may hold only letters, digits, `-` and `_`"
    );

    let text = VALID.replace("path: check", "path: Check Me");
    let (line, msg, hint) = only_error(&text);
    assert_eq!(line, 1);
    assert_eq!(
        msg,
        "the address `Check Me` may hold only lowercase letters, digits, `-` and `/`"
    );
    assert_eq!(hint, "use a neutral word such as `check`");
}

#[test]
fn broken_yaml_and_unknown_keys() {
    let (flow, diags) = read("path: check\ntitle: [\n");
    assert!(flow.is_none());
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.starts_with("the YAML is broken"));

    let text = VALID.replace("    kind: eligible\n", "    kind: eligible\n    titel: x\n");
    let (_, diags) = read(&text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(diags[0].line, Some(line_of(&text, "titel: x", 1)));
    assert_eq!(
        diags[0].message,
        "the outcome `ok` has the key `titel`, which the self-check does not use"
    );
}

#[test]
fn a_message_as_the_editor_sees_it() {
    let text = VALID.replace("        next: ok", "        next: maybe");
    let (_, diags) = read(&text);
    assert_eq!(
        diags[0].render_text(),
        "error: answer 1 of the question `b` leads to `maybe`, which is not a question or an outcome\n  --> content/self-check.yaml:23\n     |\n  23 |         next: maybe\n  = hint: use one of: a, b, ok, nope\n"
    );
}

#[test]
fn the_bundled_flow_is_valid() {
    let text = include_str!("../../../content/self-check.yaml");
    let (flow, diags) = read(text);
    assert!(diags.is_empty(), "{diags:#?}");
    let flow = flow.expect("flow");
    assert_eq!(super::graph::count_pages(&flow), 22);
}
