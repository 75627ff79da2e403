//! `flow.json`: the self-check in one language for `check.js`, which runs it in place.

use super::Render;
use crate::model::selfcheck::flow::{self, Next};
use crate::render::i18n::Strings;
use crate::render::links::LinkTable;
use std::collections::BTreeMap;

impl Render<'_> {
    pub(super) fn json(
        &self,
        table: &LinkTable<'_>,
        strings: &Strings,
        lang: &str,
        bodies: &BTreeMap<usize, String>,
        help: Option<&str>,
        sample_outcome_url: &str,
    ) -> Vec<u8> {
        let config = &table.site.config;
        let dl = config.default_lang();
        let s = |key: &str| {
            strings
                .get(lang, key, &BTreeMap::new())
                .unwrap_or_else(|| key.to_string())
        };
        let questions: Vec<serde_json::Value> = self
            .check
            .flow
            .questions
            .iter()
            .map(|q| {
                let answers: Vec<serde_json::Value> = q
                    .answers
                    .iter()
                    .map(|a| match a.next {
                        Some(Next::Question(x)) => {
                            serde_json::json!({"label": a.label.get(lang, dl), "q": x})
                        }
                        Some(Next::Outcome(x)) => {
                            serde_json::json!({"label": a.label.get(lang, dl), "r": x})
                        }
                        None => serde_json::json!({"label": a.label.get(lang, dl)}),
                    })
                    .collect();
                serde_json::json!({
                    "text": q.text.get(lang, dl),
                    "hint": q.hint.as_ref().map(|h| h.get(lang, dl)),
                    "answers": answers,
                })
            })
            .collect();
        let outcomes: Vec<serde_json::Value> = self
            .check
            .flow
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| {
                serde_json::json!({
                    "kind": o.kind.name(),
                    "title": o.title.get(lang, dl),
                    "html": bodies.get(&i).cloned().unwrap_or_default(),
                    "help": o.kind == flow::OutcomeKind::Eligible && help.is_some(),
                })
            })
            .collect();
        let doc = serde_json::json!({
            "site_title": config.title.get(lang, dl),
            "first": self.check.flow.first,
            "help": help.map(|h| crate::model::route::relative(sample_outcome_url, h)),
            "strings": {
                "back": s("check-back"),
                "your_answers": s("check-your-answers"),
                "change": s("check-change"),
                "start_again": s("check-start-again"),
                "help": s("check-help-link"),
            },
            "questions": questions,
            "outcomes": outcomes,
        });
        serde_json::to_vec(&doc).unwrap_or_default()
    }
}
