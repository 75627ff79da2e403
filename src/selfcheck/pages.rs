//! The page graph: one page per question per answer path, one per outcome per path, with neutral addresses.
//!
//! Addresses hold only answer numbers, never words: under the self-check's root
//! (`/check/`), the first question is `q/`, the question after answering 1 then 2 is
//! `q/1-2/`, and an outcome reached by answering 1, 2, 3 is `r/1-2-3/`.

use super::flow::{Flow, Next};
use serde::Serialize;

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The question at this index.
    Question(usize),
    /// The outcome at this index.
    Outcome(usize),
}

/// One page of the graph: the answers that lead to it (0-based indices) and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The answer chosen on each question before this page.
    pub path: Vec<usize>,
    /// The question or outcome shown.
    pub step: Step,
}

/// Every page, in depth-first order from the first question. The flow must be checked.
pub fn nodes(flow: &Flow) -> Vec<Node> {
    let mut out = Vec::new();
    let mut todo = vec![Node {
        path: Vec::new(),
        step: Step::Question(flow.first),
    }];
    while let Some(n) = todo.pop() {
        if let Step::Question(q) = n.step {
            for (i, a) in flow.questions[q].answers.iter().enumerate().rev() {
                let mut path = n.path.clone();
                path.push(i);
                let step = match a.next {
                    Some(Next::Question(x)) => Step::Question(x),
                    Some(Next::Outcome(x)) => Step::Outcome(x),
                    None => continue,
                };
                todo.push(Node { path, step });
            }
        }
        out.push(n);
    }
    out
}

/// The answer numbers of a path as written in addresses: `1-2-3` (1-based).
pub fn segment(path: &[usize]) -> String {
    path.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join("-")
}

/// The address of a page below the self-check's root: `q/`, `q/1-2/`, `r/1-2-3/`.
pub fn suffix(path: &[usize], step: Step) -> String {
    match (step, path.is_empty()) {
        (Step::Question(_), true) => "q/".into(),
        (Step::Question(_), false) => format!("q/{}/", segment(path)),
        (Step::Outcome(_), _) => format!("r/{}/", segment(path)),
    }
}

/// The step each prefix of `path` shows, starting from the first question.
pub fn steps_along(flow: &Flow, path: &[usize]) -> Vec<Step> {
    let mut out = Vec::with_capacity(path.len() + 1);
    let mut step = Step::Question(flow.first);
    out.push(step);
    for &i in path {
        let Step::Question(q) = step else { break };
        step = match flow.questions[q].answers[i].next {
            Some(Next::Question(x)) => Step::Question(x),
            Some(Next::Outcome(x)) => Step::Outcome(x),
            None => break,
        };
        out.push(step);
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_hold_only_numbers() {
        assert_eq!(segment(&[0, 1]), "1-2");
        assert_eq!(suffix(&[], Step::Question(3)), "q/");
        assert_eq!(suffix(&[0, 1], Step::Question(3)), "q/1-2/");
        assert_eq!(suffix(&[0, 1, 2], Step::Outcome(0)), "r/1-2-3/");
    }
}
