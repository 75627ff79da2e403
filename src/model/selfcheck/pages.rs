//! The page graph: one page per question per answer path, one per outcome per path, with neutral addresses.
//!
//! Addresses hold only answer numbers, never words: under the self-check's root
//! (`/check/`), the first question is `q/`, the question after answering 1 then 2 is
//! `q/1-2/`, and an outcome reached by answering 1, 2, 3 is `r/1-2-3/`.

use super::flow::{Flow, Next};

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
