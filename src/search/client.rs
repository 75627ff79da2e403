//! What the client script needs to make terms from a query as the index made them from
//! pages: `search/data/rules.js`, written from the tables of [`fold`](super::fold) and
//! [`stem`](super::stem).

use super::fold::{KEYBOARD, NATIONAL, fold_table};
use super::stem::Rules;
use serde_json::{Map, Value, json};

/// The text of `rules.js` for a site in `langs`.
pub fn rules_js(langs: &[String]) -> String {
    let fold: Map<String, Value> = fold_table()
        .into_iter()
        .map(|(a, b)| (a.to_string(), Value::String(b.to_string())))
        .collect();
    let latin: Map<String, Value> = langs
        .iter()
        .filter_map(|l| Rules::latin(l).map(|r| (l.clone(), json!(r))))
        .collect();
    let keyboard: Map<String, Value> = KEYBOARD
        .iter()
        .map(|(a, b)| (a.to_string(), Value::String(b.to_string())))
        .collect();
    let rules = json!({
        "fold": fold,
        "georgian": Rules::georgian(),
        "latin": latin,
        "national": NATIONAL,
        "keyboard": keyboard,
        "minChars": 2,
        "maxChars": 40,
    });
    format!("campaignSearch.r({rules});\n")
}
