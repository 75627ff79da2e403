//! One warning per file and language for links that lead to another language's page from
//! text shown in a language it is not written in (the self-check's texts or a stand-in page
//! shown in Georgian in a new language): that is already reported once, and would otherwise
//! say the same thing once per link (16 times for the bundled self-check). A page written in
//! its language keeps one precise warning per link.

use crate::diagnostics::{Diagnostic, Translatable};
use std::collections::BTreeMap;

/// The code of the per-link warning.
const CODE: &str = "link-other-language";

/// An argument of a translated message.
fn arg<'a>(tr: &'a Translatable, name: &str) -> &'a str {
    tr.args
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Merge the per-link warnings of each file and page language that lead to the same
/// language into one, at the first such link, naming the addresses; a page written in the
/// language it is shown in, and a file with one such link, keep their warnings.
pub fn merge(diags: &mut Vec<Diagnostic>) {
    // (file, the linking page's language, the language the target exists in)
    let mut groups: BTreeMap<(String, String, String), Vec<usize>> = BTreeMap::new();
    for (i, d) in diags.iter().enumerate() {
        if d.code == CODE
            && let (Some(file), Some(tr)) = (&d.file, &d.tr)
        {
            groups
                .entry((
                    file.clone(),
                    arg(tr, "from").to_string(),
                    arg(tr, "code").to_string(),
                ))
                .or_default()
                .push(i);
        }
    }
    let written_in = |file: &str, lang: &str| file.ends_with(&format!(".{lang}.md"));
    let mut drop = vec![false; diags.len()];
    let mut merged = Vec::new();
    for ((file, from, _), ix) in &groups {
        if ix.len() < 2 || written_in(file, from) {
            continue;
        }
        let mut first = ix[0];
        for &i in ix {
            drop[i] = true;
            if (diags[i].line, diags[i].column) < (diags[first].line, diags[first].column) {
                first = i;
            }
        }
        merged.push(one(diags, first, ix));
    }
    if merged.is_empty() {
        return;
    }
    let mut i = 0;
    diags.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    diags.append(&mut merged);
}

/// The merged warning: at the first link of the group, naming every address once.
fn one(diags: &[Diagnostic], first: usize, group: &[usize]) -> Diagnostic {
    let at = &diags[first];
    let tr = at.tr.clone().unwrap_or(Translatable {
        id: String::new(),
        args: Vec::new(),
    });
    let mut dests: Vec<&str> = Vec::new();
    for &i in group {
        if let Some(t) = &diags[i].tr {
            let d = arg(t, "dest");
            if !dests.contains(&d) {
                dests.push(d);
            }
        }
    }
    let (count, list) = (group.len().to_string(), dests.join("`, `"));
    let (language, from, from_name) = (
        arg(&tr, "language"),
        arg(&tr, "from"),
        arg(&tr, "from_name"),
    );
    let mut d = Diagnostic::warning(
        CODE,
        format!(
            "on the {from_name} ({from}) pages, {count} links of this file lead to pages that exist only in {language} for now (the first is here): `{list}`"
        ),
    )
    .with_hint("translate those pages into this page's language; until then the links go to the versions there are")
    .tr(
        "link-other-language-many",
        &[
            ("count", &count),
            ("dests", &list),
            ("language", language),
            ("code", arg(&tr, "code")),
            ("source_code", from),
            ("source_language", from_name),
        ],
    );
    d.file = at.file.clone();
    d.line = at.line;
    d.column = at.column;
    d.source_line = at.source_line.clone();
    d
}
