//! What a message about the self-check is about (the self-check, a question, an outcome, an
//! answer), in English words and as the catalogue's arguments (`self-check-what` in ka.ftl).

/// The owner of a field a message is about.
#[derive(Debug, Clone)]
pub(super) struct What {
    /// `self-check`, `question`, `question-n` (a question without an id), `outcome`,
    /// `outcome-n`, `answer` or `answer-n` (an answer of a question without an id).
    kind: &'static str,
    /// The id of the question or outcome (of the answer's question), else empty.
    id: String,
    /// The number of the question or outcome (of the answer's question), from 1.
    n: String,
    /// The number of the answer, from 1, else empty.
    answer: String,
    /// In English: "the question `a`", "answer 2 of question 3".
    english: String,
}

impl What {
    /// The self-check itself.
    pub(super) fn self_check() -> What {
        What::new("self-check", None, 0, "the self-check".into())
    }

    /// The `n`-th question (from 0), with its id when it has one.
    pub(super) fn question(id: Option<&str>, n: usize) -> What {
        What::step("question", id, n)
    }

    /// The `n`-th outcome (from 0), with its id when it has one.
    pub(super) fn outcome(id: Option<&str>, n: usize) -> What {
        What::step("outcome", id, n)
    }

    /// The `i`-th answer (from 0) of this question.
    pub(super) fn answer(&self, i: usize) -> What {
        let kind = if self.id.is_empty() {
            "answer-n"
        } else {
            "answer"
        };
        What {
            kind,
            answer: (i + 1).to_string(),
            english: format!("answer {} of {}", i + 1, self.english),
            ..self.clone()
        }
    }

    fn step(noun: &'static str, id: Option<&str>, n: usize) -> What {
        match id {
            Some(id) => What::new(noun, Some(id), n, format!("the {noun} `{id}`")),
            None => {
                let kind = if noun == "question" {
                    "question-n"
                } else {
                    "outcome-n"
                };
                What::new(kind, None, n, format!("{noun} {}", n + 1))
            }
        }
    }

    fn new(kind: &'static str, id: Option<&str>, n: usize, english: String) -> What {
        What {
            kind,
            id: id.unwrap_or_default().to_string(),
            n: (n + 1).to_string(),
            answer: String::new(),
            english,
        }
    }

    /// In English words.
    pub(super) fn english(&self) -> &str {
        &self.english
    }

    /// Its arguments for the catalogue (`what`, `id`, `n`, `answer`), then `more`.
    pub(super) fn args<'s>(&'s self, more: &[(&'s str, &'s str)]) -> Vec<(&'s str, &'s str)> {
        let mut out = vec![
            ("what", self.kind),
            ("id", self.id.as_str()),
            ("n", self.n.as_str()),
            ("answer", self.answer.as_str()),
        ];
        out.extend_from_slice(more);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::What;

    #[test]
    fn names_each_owner_in_english() {
        let q = What::question(Some("returned"), 0);
        assert_eq!(q.english(), "the question `returned`");
        assert_eq!(q.answer(1).english(), "answer 2 of the question `returned`");
        let unnamed = What::question(None, 2);
        assert_eq!(unnamed.answer(0).english(), "answer 1 of question 3");
        assert_eq!(What::outcome(None, 0).english(), "outcome 1");
        assert_eq!(What::self_check().english(), "the self-check");
        assert_eq!(
            unnamed.answer(0).args(&[])[..2],
            [("what", "answer-n"), ("id", "")]
        );
    }
}
