//! Tera errors as diagnostics: at the template file and line, in plain words, and with a
//! catalogue id for the editor's language. Tera's messages are English text; the common
//! ones (unknown filters, functions and templates, undefined variables and fields) and
//! campaign's own (missing interface strings, dates, `resize_image`) are recognised, any
//! other is quoted as Tera wrote it.

use crate::diagnostics::{Diagnostic, Translatable, tr};
use crate::load::TextFile;
use crate::media::Problem;

/// The hint of an error inside a template.
const HINT: &str =
    "fix the template at this place (Tera syntax: https://keats.github.io/tera/docs/)";

/// Turn a Tera error into a diagnostic pointing at the template file and line.
pub fn template_error(e: &tera::Error, templates: &[TextFile]) -> Diagnostic {
    let file_of = |name: &str| templates.iter().find(|t| t.rel == name);
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let mut d = Diagnostic::error(
                "template",
                format!("template error: {}", plain_tera(r.message())),
            )
            .with_hint(HINT)
            .with_tr(words(r.message()));
            let span = r.span();
            if let Some(t) = file_of(r.filename()) {
                d = d
                    .in_file(&t.file)
                    .at(span.start_line, span.start_col + 1)
                    .with_source(&t.text);
            } else {
                d = d
                    .in_file(format!("templates/{}", r.filename()))
                    .at(span.start_line, span.start_col + 1);
            }
            d
        }
        tera::ErrorKind::TemplateNotFound(name) => {
            Diagnostic::error("template", format!("the template `{name}` does not exist"))
                .with_hint("put it in templates/ (or the theme's templates/), or fix the name")
                .tr("template-missing", &[("name", name)])
        }
        tera::ErrorKind::MissingParent { current, parent } => {
            let mut d = Diagnostic::error(
                "template",
                format!("the template `{current}` extends `{parent}`, which does not exist"),
            )
            .with_hint("fix the name in `{% extends \"...\" %}`")
            .tr(
                "template-parent",
                &[("current", current), ("parent", parent)],
            );
            if let Some(t) = file_of(current) {
                d = d.in_file(&t.file);
            }
            d
        }
        tera::ErrorKind::CircularInclude { include_chain, .. } => {
            circle(include_chain, "include", templates)
        }
        tera::ErrorKind::CircularExtend {
            inheritance_chain, ..
        } => circle(inheritance_chain, "extends", templates),
        other => report_to_diagnostic(&other.to_string(), templates),
    }
}

/// Templates that include (or extend) each other in a circle: the message names the
/// circle and points at the first `{% include %}` (or `{% extends %}`) of it.
fn circle(chain: &[String], keyword: &str, templates: &[TextFile]) -> Diagnostic {
    let verb = if keyword == "include" {
        "include"
    } else {
        "extend"
    };
    let mut ring = chain.to_vec();
    if let Some(first) = chain.first().filter(|f| chain.last() != Some(f)) {
        ring.push(first.clone());
    }
    let ring = ring.join(" → ");
    let mut d = Diagnostic::error(
        "template",
        format!("the templates {verb} each other in a circle: {ring}"),
    )
    .with_hint(format!(
        "remove one of these `{{% {keyword} %}}` lines, so that no template leads back to itself"
    ))
    .tr("template-circle", &[("keyword", keyword), ("ring", &ring)]);
    let first = chain
        .first()
        .and_then(|n| templates.iter().find(|t| &t.rel == n));
    if let Some(t) = first {
        d = d.in_file(&t.file);
        let next = chain.get(1).map_or("", String::as_str);
        if let Some((line, col)) = tag_naming(&t.text, keyword, next) {
            d = d.at(line, col).with_source(&t.text);
        }
    }
    d
}

/// Line and column of the first `{% keyword "name" %}` tag in a template.
fn tag_naming(text: &str, keyword: &str, name: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let at = line.find(keyword)?;
        let rest = &line[at..];
        (rest.contains(&format!("\"{name}\"")) || rest.contains(&format!("'{name}'")))
            .then(|| (i + 1, line[..at].chars().count() + 1))
    })
}

/// Tera reports some errors only as rendered text (`error: msg` then `--> name:line:col`):
/// read the first one back into a diagnostic.
fn report_to_diagnostic(report: &str, templates: &[TextFile]) -> Diagnostic {
    let mut lines = report.lines();
    let mut message = None;
    let mut location = None;
    for l in lines.by_ref() {
        let t = l.trim();
        if message.is_none()
            && let Some(m) = t.strip_prefix("error: ")
        {
            message = Some(m.to_string());
            continue;
        }
        if let Some(loc) = t.strip_prefix("--> ") {
            location = Some(loc.to_string());
            break;
        }
    }
    let msg = message.unwrap_or_else(|| report.lines().next().unwrap_or(report).to_string());
    let mut d = Diagnostic::error("template", format!("template error: {}", plain_tera(&msg)))
        .with_hint(HINT)
        .with_tr(words(&msg));
    if let Some(loc) = location {
        let mut parts = loc.rsplitn(3, ':');
        let col = parts.next().and_then(|c| c.parse::<usize>().ok());
        let line = parts.next().and_then(|c| c.parse::<usize>().ok());
        let name = parts.next().unwrap_or("");
        if let (Some(line), Some(col)) = (line, col) {
            match templates.iter().find(|t| t.rel == name) {
                Some(t) => d = d.in_file(&t.file).at(line, col).with_source(&t.text),
                None => d = d.in_file(format!("templates/{name}")).at(line, col),
            }
        }
    }
    d
}

fn plain_tera(msg: &str) -> String {
    msg.replace("Tera", "template").trim().to_string()
}

/// The text between `prefix` and `suffix` of `msg`, when it has both.
fn between<'m>(msg: &'m str, prefix: &str, suffix: &str) -> Option<&'m str> {
    msg.strip_prefix(prefix)?.strip_suffix(suffix)
}

/// The arguments of `template-undefined` for a name Tera reports as not defined, with the
/// ones it offers instead (`Variable `x` is not defined. Available variables: a, b`).
fn undefined<'m>(msg: &'m str, what: &'m str) -> Option<[(&'m str, &'m str); 4]> {
    let rest = msg.strip_prefix(what)?.strip_prefix(" `")?;
    let (name, rest) = rest.split_once("` is not defined.")?;
    let available = rest.trim().split_once(": ").map_or("", |(_, list)| list);
    let more = if available.is_empty() { "no" } else { "yes" };
    let what = if what == "Field" { "field" } else { "variable" };
    Some([
        ("what", what),
        ("name", name),
        ("available", available),
        ("more", more),
    ])
}

/// The catalogue id and arguments of an error message from inside a template.
fn words(msg: &str) -> Translatable {
    for kind in ["filter", "function", "test", "template", "component"] {
        if let Some(name) = between(msg, &format!("Unknown {kind} `"), "`") {
            return tr("template-unknown", &[("kind", kind), ("name", name)]);
        }
    }
    if let Some(args) = undefined(msg, "Variable").or_else(|| undefined(msg, "Field")) {
        return tr("template-undefined", &args);
    }
    if let Some(name) = between(msg, "Variable `", "` exists but its value is undefined") {
        return tr("template-no-value", &[("name", name)]);
    }
    own_words(msg).unwrap_or_else(|| tr("template-error", &[("detail", msg.trim())]))
}

/// The words of campaign's own filters and functions (see `templates.rs`).
fn own_words(msg: &str) -> Option<Translatable> {
    let string = |suffix: &str| between(msg, "the interface string `", suffix);
    if let Some(key) = string("` does not exist in any locales/*/*.ftl file") {
        return Some(tr("template-string-missing", &[("key", key)]));
    }
    if let Some(key) = string("` could not be filled in (a variable it uses is missing)") {
        return Some(tr("template-string-args", &[("key", key)]));
    }
    if let Some(value) = between(msg, "`", "` is not a date (YYYY-MM-DD)") {
        return Some(tr("template-date", &[("value", value)]));
    }
    Problem::parse(msg).map(|p| p.tr("template-image"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(msg: &str) -> (String, Vec<(String, String)>) {
        let t = words(msg);
        (t.id, t.args)
    }

    #[test]
    fn recognises_teras_common_messages_and_campaigns_own() {
        assert_eq!(id("Unknown filter `upper2`").0, "template-unknown");
        let (i, args) = id("Variable `pag` is not defined. Available variables: page, site");
        assert_eq!(i, "template-undefined");
        assert!(args.contains(&("available".into(), "page, site".into())));
        assert_eq!(
            id("Field `titel` is not defined.").1[2],
            ("available".into(), String::new())
        );
        assert_eq!(
            id("the interface string `x` does not exist in any locales/*/*.ftl file").0,
            "template-string-missing"
        );
        assert_eq!(
            id("`2025-13-01` is not a date (YYYY-MM-DD)").0,
            "template-date"
        );
        let crop = Problem::CropSize(0, 0).to_string();
        assert_eq!(id(&crop).0, "template-image");
        assert_eq!(
            id("Found `}}` but expected an identifier.").0,
            "template-error"
        );
    }
}
