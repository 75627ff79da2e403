//! The flow as a graph: resolve `next:` and `first:` ids, then find cycles, unreachable steps and too many paths.

use super::flow::{Flow, Next};
use super::notes::Notes;
use crate::diagnostics::tr;
use std::collections::HashMap;

/// The most pages one language's self-check may have (questions and outcomes on every path).
pub const MAX_PAGES: u128 = 2000;
/// The most questions on one way through the self-check (each page lists the answers so
/// far, so long ways cost memory and time by the square of their length).
pub const MAX_DEPTH: usize = 50;

fn has_errors(r: &Notes<'_>) -> bool {
    crate::diagnostics::has_errors(&r.diags)
}

/// Resolve ids and check the graph. Messages go to `r`; `first_line` is 0-based.
pub(super) fn link(r: &mut Notes<'_>, flow: &mut Flow, first: Option<&str>, first_line: usize) {
    let ids = ids(r, flow);
    if let Some(first) = first {
        resolve_first(r, flow, &ids, first, first_line);
    }
    resolve_answers(r, flow, &ids);
    if has_errors(r) {
        return;
    }
    check_reachable(r, flow);
    if has_errors(r) {
        return;
    }
    check_size(r, flow, first_line);
}

/// Every id with what it names and its line: questions and outcomes share one name space,
/// because `next:` may name either. An id used twice is an error.
fn ids(r: &mut Notes<'_>, flow: &Flow) -> HashMap<String, (Next, usize)> {
    let mut ids: HashMap<String, (Next, usize)> = HashMap::new();
    let steps = flow
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), Next::Question(i), q.line))
        .chain(
            flow.outcomes
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.clone(), Next::Outcome(i), o.line)),
        )
        .collect::<Vec<_>>();
    for (id, next, line) in steps {
        if let Some((_, other)) = ids.get(&id) {
            let other = other.to_string();
            r.error(
                line - 1,
                format!("the id `{id}` is used twice: also on line {other}"),
                "give every question and outcome its own id",
                tr("self-check-id-twice", &[("id", &id), ("other", &other)]),
            );
        } else {
            ids.insert(id, (next, line));
        }
    }
    ids
}

/// `first:` must name a question.
fn resolve_first(
    r: &mut Notes<'_>,
    flow: &mut Flow,
    ids: &HashMap<String, (Next, usize)>,
    first: &str,
    first_line: usize,
) {
    match ids.get(first) {
        Some((Next::Question(i), _)) => flow.first = *i,
        Some((Next::Outcome(_), _)) => r.error(
            first_line,
            format!(
                "`first` names the outcome `{first}`, but the self-check must start with a question"
            ),
            "write the id of a question after `first:`",
            tr("self-check-first-outcome", &[("first", first)]),
        ),
        None => {
            let qs: Vec<&str> = flow.questions.iter().map(|q| q.id.as_str()).collect();
            let ids = qs.join(", ");
            r.error(
                first_line,
                format!("`first` names `{first}`, which is not the id of a question"),
                format!("use one of: {ids}"),
                tr("self-check-first", &[("first", first), ("ids", &ids)]),
            );
        }
    }
}

/// Every answer's `next:` must name a question or an outcome.
fn resolve_answers(r: &mut Notes<'_>, flow: &mut Flow, ids: &HashMap<String, (Next, usize)>) {
    let mut all: Vec<&str> = Vec::new();
    for id in flow
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .chain(flow.outcomes.iter().map(|o| o.id.as_str()))
    {
        if !all.contains(&id) {
            all.push(id);
        }
    }
    let all = all.join(", ");
    for q in &mut flow.questions {
        for (n, a) in q.answers.iter_mut().enumerate() {
            match ids.get(&a.next_id) {
                Some((next, _)) => a.next = Some(*next),
                None => r.error(
                    a.line - 1,
                    format!(
                        "answer {} of the question `{}` leads to `{}`, which is not a question or an outcome",
                        n + 1,
                        q.id,
                        a.next_id
                    ),
                    format!("use one of: {all}"),
                    tr(
                        "self-check-next",
                        &[
                            ("answer", &(n + 1).to_string()),
                            ("id", &q.id),
                            ("next", &a.next_id),
                            ("ids", &all),
                        ],
                    ),
                ),
            }
        }
    }
}

/// Cycles, and questions and outcomes nobody can reach, by a depth-first walk from the
/// first question.
fn check_reachable(r: &mut Notes<'_>, flow: &Flow) {
    let mut state = vec![0u8; flow.questions.len()]; // 0 new, 1 on the path, 2 done
    let mut reached_outcome = vec![false; flow.outcomes.len()];
    let mut stack = Vec::new();
    let mut cycles = Vec::new();
    walk(
        flow,
        flow.first,
        &mut state,
        &mut reached_outcome,
        &mut stack,
        &mut cycles,
    );
    for (line, ring) in cycles {
        r.error(
            line - 1,
            format!("the answers go round in a circle: {ring}"),
            "every answer must lead on to a later question or to an outcome; change this `next:`",
            tr("self-check-cycle", &[("ring", &ring)]),
        );
    }
    for (q, s) in flow.questions.iter().zip(&state) {
        if *s == 0 {
            r.error(
                q.line - 1,
                format!(
                    "nobody can reach the question `{}`: no answer leads to it from the first question",
                    q.id
                ),
                format!(
                    "point an answer's `next:` at `{}`, or remove the question",
                    q.id
                ),
                tr("self-check-unreachable-question", &[("id", &q.id)]),
            );
        }
    }
    for (o, reached) in flow.outcomes.iter().zip(&reached_outcome) {
        if !reached {
            r.error(
                o.line - 1,
                format!(
                    "nobody can reach the outcome `{}`: no answer leads to it from the first question",
                    o.id
                ),
                format!(
                    "point an answer's `next:` at `{}`, or remove the outcome",
                    o.id
                ),
                tr("self-check-unreachable-outcome", &[("id", &o.id)]),
            );
        }
    }
}

/// The longest way and the number of pages must stay within [`MAX_DEPTH`] and [`MAX_PAGES`].
fn check_size(r: &mut Notes<'_>, flow: &Flow, first_line: usize) {
    let depth = longest_way(flow);
    if depth > MAX_DEPTH {
        r.error(
            first_line,
            format!(
                "the longest way through the self-check asks {depth} questions, more than the {MAX_DEPTH} allowed"
            ),
            "let more answers end at an outcome, or ask fewer questions in a row",
            tr(
                "self-check-too-deep",
                &[("depth", &depth.to_string()), ("max", &MAX_DEPTH.to_string())],
            ),
        );
        return;
    }
    let pages = count_pages(flow);
    if pages > MAX_PAGES {
        r.error(
            first_line,
            format!(
                "the answers make {pages} pages in each language, more than the {MAX_PAGES} the self-check allows"
            ),
            "let more answers end at an outcome, or ask fewer questions",
            tr(
                "self-check-too-many-pages",
                &[("pages", &pages.to_string()), ("max", &MAX_PAGES.to_string())],
            ),
        );
    }
}

fn walk(
    flow: &Flow,
    q: usize,
    state: &mut [u8],
    reached: &mut [bool],
    stack: &mut Vec<usize>,
    cycles: &mut Vec<(usize, String)>,
) {
    state[q] = 1;
    stack.push(q);
    for a in &flow.questions[q].answers {
        match a.next {
            Some(Next::Outcome(o)) => reached[o] = true,
            Some(Next::Question(n)) if state[n] == 1 => {
                let from = stack.iter().position(|&s| s == n).unwrap_or(0);
                let mut ring: Vec<String> = stack[from..]
                    .iter()
                    .map(|&s| format!("`{}`", flow.questions[s].id))
                    .collect();
                ring.push(format!("`{}`", flow.questions[n].id));
                cycles.push((a.line, ring.join(" → ")));
            }
            Some(Next::Question(n)) if state[n] == 0 => {
                walk(flow, n, state, reached, stack, cycles)
            }
            _ => {}
        }
    }
    stack.pop();
    state[q] = 2;
}

/// The most questions asked on one way from the first question to an outcome. Call only
/// on a flow without cycles.
pub fn longest_way(flow: &Flow) -> usize {
    fn asked(flow: &Flow, q: usize, memo: &mut HashMap<usize, usize>) -> usize {
        if let Some(&n) = memo.get(&q) {
            return n;
        }
        let mut most = 0;
        for a in &flow.questions[q].answers {
            if let Some(Next::Question(x)) = a.next {
                most = most.max(asked(flow, x, memo));
            }
        }
        memo.insert(q, most + 1);
        most + 1
    }
    asked(flow, flow.first, &mut HashMap::new())
}

/// Pages per language: every question and outcome once per path that reaches it.
/// Call only on a flow without cycles.
pub fn count_pages(flow: &Flow) -> u128 {
    fn pages(flow: &Flow, q: usize, memo: &mut HashMap<usize, u128>) -> u128 {
        if let Some(&n) = memo.get(&q) {
            return n;
        }
        let mut n: u128 = 1;
        for a in &flow.questions[q].answers {
            n = n.saturating_add(match a.next {
                Some(Next::Question(x)) => pages(flow, x, memo),
                _ => 1,
            });
        }
        memo.insert(q, n);
        n
    }
    pages(flow, flow.first, &mut HashMap::new())
}
