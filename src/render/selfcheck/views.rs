//! What the self-check's templates receive as `check`: the answers, the answers so far, the
//! way back, for a question or outcome page on one path.

use crate::model::selfcheck::flow::{Flow, Next};
use crate::model::selfcheck::pages::{Node, Step, steps_along, suffix};
use serde::Serialize;

/// One answer link on a question page.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerView {
    /// The answer's words.
    pub label: String,
    /// Site URL of the page it leads to (use `| rel`).
    pub url: String,
}

/// One row of "Your answers".
#[derive(Debug, Clone, Serialize)]
pub struct SummaryRow {
    /// The question asked.
    pub question: String,
    /// The answer given.
    pub answer: String,
    /// Site URL of that question's page on this path (use `| rel`).
    pub change_url: String,
}

/// What a self-check template receives as `check`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckView {
    /// `start`, `question` or `outcome`.
    pub step: &'static str,
    /// Site URL of the start page (use `| rel`).
    pub root_url: String,
    /// Site URL of this language's flow.json (use `| rel`).
    pub flow_url: String,
    /// Site URL of the first question (use `| rel`).
    pub first_url: String,
    /// The page heading: the check's title, the question, or the outcome's title.
    pub title: String,
    /// The question's hint.
    pub hint: Option<String>,
    /// Start page: the introduction as HTML (use `| safe`).
    pub intro: Option<String>,
    /// Start page: other ways to get help as HTML (use `| safe`).
    pub other_help: Option<String>,
    /// Question page: the answers.
    pub answers: Vec<AnswerView>,
    /// Site URL of the page before this one (use `| rel`).
    pub back_url: Option<String>,
    /// The answers given so far.
    pub summary: Vec<SummaryRow>,
    /// Outcome page: eligible, not-eligible, unsure or refer.
    pub kind: Option<&'static str>,
    /// Outcome page: the body as HTML (use `| safe`).
    pub body: Option<String>,
    /// Outcome page (eligible): site URL of the regional help list (use `| rel`).
    pub help_url: Option<String>,
}

/// The parts of a question or outcome page that follow from the path alone.
pub fn path_view(flow: &Flow, lang: &str, root: &str, node: &Node) -> CheckView {
    let dl = lang;
    let steps = steps_along(flow, &node.path);
    let mut summary = Vec::with_capacity(node.path.len());
    for (n, &i) in node.path.iter().enumerate() {
        let Step::Question(q) = steps[n] else { break };
        let q = &flow.questions[q];
        summary.push(SummaryRow {
            question: q.text.get(lang, dl),
            answer: q.answers[i].label.get(lang, dl),
            change_url: format!("{root}{}", suffix(&node.path[..n], steps[n])),
        });
    }
    let back_url = match node.path.len() {
        0 => root.to_string(),
        n => format!("{root}{}", suffix(&node.path[..n - 1], steps[n - 1])),
    };
    let mut view = CheckView {
        root_url: root.to_string(),
        flow_url: format!("{root}flow.json"),
        first_url: format!("{root}q/"),
        back_url: Some(back_url),
        summary,
        ..Default::default()
    };
    match node.step {
        Step::Question(q) => {
            let q = &flow.questions[q];
            view.step = "question";
            view.title = q.text.get(lang, dl);
            view.hint = q.hint.as_ref().map(|h| h.get(lang, dl));
            view.answers = q
                .answers
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let mut path = node.path.clone();
                    path.push(i);
                    let step = match a.next {
                        Some(Next::Outcome(x)) => Step::Outcome(x),
                        Some(Next::Question(x)) => Step::Question(x),
                        None => Step::Question(0),
                    };
                    AnswerView {
                        label: a.label.get(lang, dl),
                        url: format!("{root}{}", suffix(&path, step)),
                    }
                })
                .collect();
        }
        Step::Outcome(o) => {
            let o = &flow.outcomes[o];
            view.step = "outcome";
            view.title = o.title.get(lang, dl);
            view.kind = Some(o.kind.name());
        }
    }
    view
}
