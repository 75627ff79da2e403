//! The self-check flow as values: questions, answers and outcomes, with text per language.
//!
//! [`super::read`] fills them from `content/self-check.yaml`, checking every field;
//! [`super::graph`] resolves the ids and checks the graph.

use crate::config::Localized;
use std::collections::BTreeMap;

/// The data file holding the self-check, relative to `content/`.
pub const FILE: &str = "self-check.yaml";

/// What an outcome tells the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeKind {
    /// They may be able to get help from the programme.
    Eligible,
    /// The programme is probably not for them (say why, and where else to turn).
    NotEligible,
    /// The answers do not tell (say whom to ask).
    Unsure,
    /// Another service is for them (e.g. the Integration Centre).
    Refer,
}

impl OutcomeKind {
    /// The words editors write in `kind:`.
    pub const NAMES: [&'static str; 4] = ["eligible", "not-eligible", "unsure", "refer"];

    /// The kind named by `s`, if it is one of [`Self::NAMES`].
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "eligible" => Self::Eligible,
            "not-eligible" => Self::NotEligible,
            "unsure" => Self::Unsure,
            "refer" => Self::Refer,
            _ => return None,
        })
    }

    /// The word used in `kind:` and in the page's `data-kind`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Eligible => "eligible",
            Self::NotEligible => "not-eligible",
            Self::Unsure => "unsure",
            Self::Refer => "refer",
        }
    }
}

/// Text per language, with where each language's text starts in the file (for Markdown).
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// The text per language code.
    pub text: Localized,
    /// 1-based line and 0-based column where each language's text starts.
    pub pos: BTreeMap<String, (usize, usize)>,
}

/// Where an answer leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The question at this index of [`Flow::questions`].
    Question(usize),
    /// The outcome at this index of [`Flow::outcomes`].
    Outcome(usize),
}

/// One answer of a question.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The words on the answer's button, per language.
    pub label: Localized,
    /// The id written in `next:`.
    pub next_id: String,
    /// Where it leads, once the ids are resolved.
    pub next: Option<Next>,
    /// 1-based line of `next:` (else of the answer).
    pub line: usize,
}

/// One question (one page).
#[derive(Debug, Clone)]
pub struct Question {
    /// The id answers use in `next:`.
    pub id: String,
    /// The question, per language.
    pub text: Localized,
    /// Optional hint under the question, per language.
    pub hint: Option<Localized>,
    /// The answers, in order.
    pub answers: Vec<Answer>,
    /// 1-based line of the question's `id:`.
    pub line: usize,
}

/// One outcome (a result page).
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The id answers use in `next:`.
    pub id: String,
    /// What it tells the reader.
    pub kind: OutcomeKind,
    /// The page heading, per language.
    pub title: Localized,
    /// The Markdown body, per language.
    pub body: Text,
    /// 1-based line of the outcome's `id:`.
    pub line: usize,
}

/// The whole self-check.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The address under each language's root, without slashes (`check`).
    pub path: String,
    /// The start page's heading, per language.
    pub title: Localized,
    /// The start page's Markdown text, per language.
    pub intro: Text,
    /// Optional Markdown "other ways to get help", per language.
    pub other_help: Option<Text>,
    /// Optional site path of the regional help list, and the line of `help:`.
    pub help: Option<(String, usize)>,
    /// Index of the first question.
    pub first: usize,
    /// The questions, in file order.
    pub questions: Vec<Question>,
    /// The outcomes, in file order.
    pub outcomes: Vec<Outcome>,
}
