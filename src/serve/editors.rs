//! What the preview shows editors besides the site: a notice on a translation that may be
//! out of date, and the translation overview at `/__campaign/translations`.

use crate::diagnostics::Diagnostic;
use crate::html::escape;
use crate::messages::Messages;
use crate::model::outdated::{Status, Table, WARNING};
use crate::pipeline::Build;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

/// The overview's address.
pub const TRANSLATIONS_PATH: &str = "/__campaign/translations";

/// What a build tells editors about pages.
#[derive(Debug, Default)]
pub struct Editors {
    /// The outdated-translation warning of each page, by output file (`en/about/index.html`).
    pub notices: HashMap<String, Diagnostic>,
    /// Every page × language.
    pub table: Arc<Table>,
}

impl Editors {
    /// The notices and the overview of `build`.
    pub fn of(build: &Build) -> Editors {
        let by_file: HashMap<&str, &Diagnostic> = build
            .diagnostics
            .iter()
            .filter(|d| d.code == WARNING)
            .filter_map(|d| Some((d.file.as_deref()?, d)))
            .collect();
        let notices = build
            .outdated
            .iter()
            .filter_map(|o| {
                let d = by_file.get(o.file.as_str())?;
                Some((output_key(&o.url), (*d).clone()))
            })
            .collect();
        Editors {
            notices,
            table: Arc::clone(&build.translations),
        }
    }
}

/// `en/about/index.html` for `/en/about/`.
fn output_key(url: &str) -> String {
    let path = url.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// The words of this module, in the editor's language.
fn word(words: &Messages, id: &str, english: &str) -> String {
    words.word(id, &[], || english.to_string())
}

/// The notice for the page at output file `key`, if it has one.
pub fn notice(editors: &Editors, key: &str, words: &Messages) -> Option<String> {
    let d = editors.notices.get(key)?.localized(words);
    let mut out = format!(
        "<aside id=\"campaign-notice\" role=\"status\" lang=\"{}\" dir=\"ltr\">\
         <link rel=\"stylesheet\" href=\"{}\"><p><strong>{}</strong></p>",
        super::reload::lang_code(words),
        super::reload::STYLE_PATH,
        escape(&d.message)
    );
    if let Some(hint) = &d.hint {
        let _ = write!(out, "<p>{}</p>", escape(hint));
    }
    let _ = write!(
        out,
        "<p><a href=\"{TRANSLATIONS_PATH}\">{}</a></p></aside>",
        escape(&word(
            words,
            "preview-translations-link",
            "All translations"
        ))
    );
    Some(out)
}

/// The overview page: a table of every page × language, with links to the pages.
pub fn translations_page(editors: &Editors, words: &Messages) -> String {
    let t = &editors.table;
    let title = word(words, "preview-translations-title", "Translations");
    let legend = word(
        words,
        "report-translations",
        "Translations (✓ translated, — missing, ! may be out of date):",
    );
    let mut rows = String::new();
    for r in &t.rows {
        let _ = write!(rows, "<tr><th scope=\"row\">{}</th>", escape(&r.page));
        for (s, url) in r.statuses.iter().zip(&r.urls) {
            let (mark, class) = match s {
                Status::Translated => ("✓", "ok"),
                Status::Missing => ("—", "missing"),
                Status::Outdated => ("!", "outdated"),
            };
            match url {
                Some(u) => {
                    let _ = write!(
                        rows,
                        "<td class=\"{class}\"><a href=\"{}\">{mark}</a></td>",
                        escape(u)
                    );
                }
                None => {
                    let _ = write!(rows, "<td class=\"{class}\">{mark}</td>");
                }
            }
        }
        rows.push_str("</tr>\n");
    }
    let heads: String = t
        .langs
        .iter()
        .map(|l| format!("<th scope=\"col\">{}</th>", escape(l)))
        .collect();
    let page = word(words, "report-page", "page");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{style}\">\n</head>\n\
         <body class=\"campaign-translations\">\n<main>\n<h1>{title}</h1>\n<p>{legend}</p>\n\
         <table>\n<thead><tr><th scope=\"col\">{page}</th>{heads}</tr></thead>\n<tbody>\n{rows}\
         </tbody>\n</table>\n</main>\n</body>\n</html>\n",
        lang = super::reload::lang_code(words),
        title = escape(&title),
        style = super::reload::STYLE_PATH,
        legend = escape(&legend),
        page = escape(&page),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_keys_of_addresses() {
        assert_eq!(output_key("/en/about/"), "en/about/index.html");
        assert_eq!(output_key("/"), "index.html");
    }
}
