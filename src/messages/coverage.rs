//! The test that every message has Georgian: it reads campaign's own source, finds each
//! `Diagnostic::error/warning/note(...)` and checks that the same expression marks it
//! translatable (`.tr("id", ...)`, or `.with_tr(...)` in a helper whose callers name the id
//! with `tr("id", ...)`), that every id named in the source (`tr("id"`, `word("id"`) is in
//! `ka.ftl`, with a `.hint` when the English has one, and that `ka.ftl` uses only the
//! arguments the source passes.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Messages still only in English, by file: how many constructions may lack `.tr(`. The
/// test fails when a file has more *or fewer* (so the list shrinks as they are translated).
const STILL_ENGLISH: &[(&str, usize)] = &[];

/// The source files of `src/` (not test-only files) with their text, comments blanked out
/// and `#[cfg(test)]` modules cut off.
pub(super) fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let e = e.unwrap();
        let path = e.path();
        let name = path.to_string_lossy().replace('\\', "/");
        if path.extension().is_none_or(|x| x != "rs")
            || name.ends_with("tests.rs")
            || name.ends_with("messages/coverage.rs")
            || name.ends_with("messages/console_lines.rs")
        {
            continue;
        }
        let mut text = blank_comments(&std::fs::read_to_string(path).unwrap());
        if let Some(i) = text.find("#[cfg(test)]\nmod tests {") {
            text.truncate(i);
        }
        let rel = name.rsplit_once("/src/").map(|(_, r)| r).unwrap_or(&name);
        out.push((format!("src/{rel}"), text));
    }
    out
}

/// The end of a string literal starting at byte `i` (its opening `"`, or `r#"`).
pub(super) fn string_end(b: &[u8], i: usize) -> usize {
    if b[i] == b'r' {
        let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
        let mut j = i + 2 + hashes;
        while j < b.len() {
            if b[j] == b'"' && b[j + 1..].iter().take(hashes).all(|&c| c == b'#') {
                return j + 1 + hashes;
            }
            j += 1;
        }
        return b.len();
    }
    let mut j = i + 1;
    while j < b.len() && b[j] != b'"' {
        j += if b[j] == b'\\' { 2 } else { 1 };
    }
    j + 1
}

/// Whether a raw string starts at `i` (`r"` or `r#"`, not inside a name).
fn raw_string_at(b: &[u8], i: usize) -> bool {
    b[i] == b'r'
        && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        && matches!(b.get(i + 1), Some(b'"') | Some(b'#'))
        && b[i + 1..].iter().find(|&&c| c != b'#') == Some(&b'"')
}

/// The end of a char literal at `i` (`'x'`, `'\n'`), or `None` for a lifetime.
fn char_end(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i + 1) == Some(&b'\\') {
        return b[i + 2..]
            .iter()
            .position(|&c| c == b'\'')
            .map(|p| i + 3 + p);
    }
    let len = std::str::from_utf8(&b[i + 1..])
        .ok()?
        .chars()
        .next()?
        .len_utf8();
    (b.get(i + 1 + len) == Some(&b'\'')).then_some(i + 2 + len)
}

/// `text` with `//` comments replaced by spaces (strings kept).
fn blank_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' || raw_string_at(b, i) {
            i = string_end(b, i);
        } else if b[i] == b'\'' {
            i = char_end(b, i).unwrap_or(i + 1);
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                out[i] = b' ';
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The expression starting at `start`: up to the `;` or `,` at its own depth, or the bracket
/// that closes the one it is in.
pub(super) fn expression(text: &str, start: usize) -> &str {
    let b = text.as_bytes();
    let (mut depth, mut i) = (0i32, start);
    while i < b.len() {
        match b[i] {
            b'"' => i = string_end(b, i),
            b'r' if raw_string_at(b, i) => i = string_end(b, i),
            b'\'' => i = char_end(b, i).unwrap_or(i + 1),
            c => {
                match c {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    b';' | b',' if depth == 0 => return &text[start..i],
                    _ => {}
                }
                if depth < 0 {
                    return &text[start..i];
                }
                i += 1;
            }
        }
    }
    &text[start..]
}

/// Each `Diagnostic::error/warning/note(` of the sources: file, line, its expression.
fn constructions(sources: &[(String, String)]) -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    for (file, text) in sources {
        for kind in ["error", "warning", "note"] {
            let needle = format!("Diagnostic::{kind}(");
            for (i, _) in text.match_indices(&needle) {
                let line = text[..i].matches('\n').count() + 1;
                out.push((file.clone(), line, expression(text, i).to_string()));
            }
        }
    }
    out
}

/// An id named in the source: where, whether the English has a hint, the arguments passed
/// (`None` when they are not written out as `&[("name", value), ...]`).
struct Named {
    place: String,
    hint: bool,
    args: Option<BTreeSet<String>>,
}

/// The arguments of a call whose first argument starts at `open` (up to its closing `)`).
pub(super) fn call_args(text: &str, open: usize) -> &str {
    let mut pos = open;
    loop {
        pos += expression(&text[pos..], 0).len();
        if text[pos..].starts_with(',') {
            pos += 1;
        } else {
            return &text[open..pos];
        }
    }
}

/// The argument names of a call's text after its id: `("name", ...)` pairs of `&[...]`.
fn arg_names(call: &str) -> Option<BTreeSet<String>> {
    let rest = call.split_once(',')?.1.trim_start();
    if !rest.starts_with("&[") {
        return (rest.is_empty() || rest == ")").then(BTreeSet::new);
    }
    let list = expression(rest, 0);
    let mut names = BTreeSet::new();
    for part in list.split('(').skip(1) {
        if let Some(name) = part.trim_start().strip_prefix('"')
            && let Some((name, _)) = name.split_once('"')
        {
            names.insert(name.to_string());
        }
    }
    Some(names)
}

/// Every id named with `tr("id"` or `word("id"` in the sources.
fn named_ids(sources: &[(String, String)]) -> BTreeMap<String, Vec<Named>> {
    let mut out: BTreeMap<String, Vec<Named>> = BTreeMap::new();
    let constructions = constructions(sources);
    for (file, text) in sources {
        for call in ["tr(\"", "word(\""] {
            for (i, _) in text.match_indices(call) {
                let before = text[..i].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let open = i + call.len() - 1;
                let id_end = string_end(text.as_bytes(), open);
                let id = text[open + 1..id_end - 1].to_string();
                let whole = call_args(text, open);
                let line = text[..i].matches('\n').count() + 1;
                // A hint: the message's own expression has one, or a helper adds it.
                let hint = call == "tr(\""
                    && (!text[..i].ends_with('.')
                        || constructions.iter().any(|(f, _, e)| {
                            f == file && e.contains(&text[i..id_end]) && e.contains("with_hint(")
                        }));
                out.entry(id).or_default().push(Named {
                    place: format!("{file}:{line}"),
                    hint,
                    args: arg_names(whole),
                });
            }
        }
    }
    out
}

/// The variables a Fluent pattern refers to; a message it refers to (which sees the same
/// arguments) is noted as `@id`.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                out.insert(format!("@{}", id.name));
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            }
            | ast::InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline(a, out));
                arguments.named.iter().for_each(|a| inline(&a.value, out));
            }
            _ => {}
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                variants.iter().for_each(|v| variables(&v.value, out));
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    for el in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// The Georgian catalogue: id → (has a hint, variables of the text and its hint).
fn catalogue() -> BTreeMap<String, (bool, BTreeSet<String>)> {
    let res = fluent_syntax::parser::parse(super::KA)
        .map_err(|(_, errors)| errors)
        .unwrap();
    let mut out = BTreeMap::new();
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                variables(v, &mut vars);
            }
            let mut hint = false;
            for a in &m.attributes {
                hint |= a.id.name == "hint";
                variables(&a.value, &mut vars);
            }
            out.insert(m.id.name.to_string(), (hint, vars));
        }
    }
    // A message referred to lends its variables (one level deep is all ka.ftl uses).
    let lent: BTreeMap<String, BTreeSet<String>> = out
        .iter()
        .map(|(id, (_, vars))| (id.clone(), vars.clone()))
        .collect();
    for (_, vars) in out.values_mut() {
        let refs: Vec<String> = vars
            .iter()
            .filter(|v| v.starts_with('@'))
            .cloned()
            .collect();
        for r in refs {
            vars.remove(&r);
            vars.extend(lent.get(&r[1..]).into_iter().flatten().cloned());
        }
    }
    out
}

#[test]
fn every_message_is_marked_translatable() {
    let sources = sources();
    let all = constructions(&sources);
    assert!(all.len() > 80, "found only {} messages", all.len());
    let mut english: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (file, line, e) in &all {
        if !e.contains(".tr(") && !e.contains(".with_tr(") {
            english
                .entry(file.as_str())
                .or_default()
                .push(format!("{file}:{line}"));
        }
    }
    let counts: BTreeMap<&str, usize> = english.iter().map(|(f, v)| (*f, v.len())).collect();
    let allowed: BTreeMap<&str, usize> = STILL_ENGLISH.iter().copied().collect();
    assert_eq!(
        counts, allowed,
        "messages without `.tr(\"id\", ...)` (so without Georgian): {english:#?}"
    );
}

#[test]
fn every_named_id_has_georgian_with_its_hint_and_arguments() {
    let named = named_ids(&sources());
    let ka = catalogue();
    // Raise these as messages are translated (there are over 80 messages to name).
    assert!(named.len() > 50, "found only {} ids", named.len());
    let mut problems = Vec::new();
    let mut checked_args = 0;
    for (id, uses) in &named {
        let Some((has_hint, vars)) = ka.get(id) else {
            problems.push(format!("`{id}` ({}) is not in ka.ftl", uses[0].place));
            continue;
        };
        for u in uses {
            if u.hint && !has_hint {
                problems.push(format!("`{id}` ({}) has no `.hint` in ka.ftl", u.place));
            }
            if let Some(args) = &u.args {
                checked_args += 1;
                for v in vars.difference(args) {
                    problems.push(format!(
                        "`{id}` in ka.ftl uses `${v}`, which {} does not pass",
                        u.place
                    ));
                }
            }
        }
    }
    assert!(
        checked_args > 50,
        "arguments checked only {checked_args} times"
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_scanner_sees_expressions_and_arguments() {
    let text = "let d = Diagnostic::error(\"a\", format!(\"x{}\", 1))\n    .with_hint(\"h; ,\")\n    .tr(\"a-b\", &[(\"n\", &n), (\"m\", m.as_str())]);\nlet c = ')';";
    let e = expression(text, text.find("Diagnostic").unwrap());
    assert!(e.ends_with("m.as_str())])"), "{e}");
    let names = arg_names(call_args(text, text.find(".tr(").unwrap() + 4));
    assert_eq!(names, Some(["m".into(), "n".into()].into()));
    let blank = format!("a{}\n\"//\"", " ".repeat(9));
    assert_eq!(blank_comments("a // b \"c\"\n\"//\""), blank);
}

#[test]
fn every_text_formats_with_its_arguments() {
    let ka = super::Messages::new(super::Lang::Ka);
    let mut failed = Vec::new();
    for (id, (hint, vars)) in catalogue() {
        let args: Vec<(&str, &str)> = vars.iter().map(|v| (v.as_str(), "1")).collect();
        if ka.text(&id, None, &args).is_none() && !id.starts_with('-') {
            failed.push(id.clone());
        }
        if hint && ka.text(&id, Some("hint"), &args).is_none() {
            failed.push(format!("{id}.hint"));
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}
