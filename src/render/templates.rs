//! Templates: Tera with our functions (`t`, `rel`, dates, numbers) and errors mapped to template file and line.

use super::i18n::{Arg, Strings};
pub use super::template_errors::template_error;
use crate::date::{self, Date};
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use crate::model::route;
use crate::numfmt;
use std::collections::BTreeMap;
use std::sync::Arc;
use tera::{Kwargs, State, Tera, Value};

/// Build a Tera instance with all functions and filters, then add the templates.
pub fn build(
    templates: &[TextFile],
    strings: Arc<Strings>,
    guard: Arc<CaseGuard>,
    media: Arc<crate::media::Media>,
    links: Links,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml", ".htm"]);
    register(&mut tera, strings, guard);
    register_links(&mut tera, links);
    tera.register_function(
        "resize_image",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            let width = kwargs.get::<u32>("width")?.unwrap_or(1200);
            let height = kwargs.get::<u32>("height")?.unwrap_or(630);
            media
                .cropped(&path, width, height)
                .map_err(tera::Error::message)
        },
    );
    let mut errors = Vec::new();
    // Add all at once so `extends`/`include` find each other.
    let pairs: Vec<(&str, &str)> = templates
        .iter()
        .map(|t| (t.rel.as_str(), &*t.text))
        .collect();
    if let Err(e) = tera.add_raw_templates(pairs) {
        errors.push(template_error(&e, templates));
    }
    if errors.is_empty() {
        Ok(tera)
    } else {
        Err(errors)
    }
}

fn current_url(state: &State) -> String {
    state
        .get::<String>("current_url")
        .ok()
        .flatten()
        .unwrap_or_else(|| "/".into())
}

/// How templates write links to site paths.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// For reading from disk: links to folders name their `index.html`.
    pub portable: bool,
    /// Stylesheets and scripts by their content-hashed names.
    pub assets: Arc<super::assets::AssetNames>,
}

/// A link to site path `path` from the page being rendered: relative (naming `index.html`
/// when portable), or below `link_base` on pages served at any address (the 404 page); a
/// stylesheet or script by its hashed name.
fn link(state: &State, path: &str, links: &Links) -> String {
    let path = links.assets.get(path).unwrap_or(path);
    match state.get::<String>("link_base").ok().flatten() {
        Some(base) => format!("{base}{}", path.trim_start_matches('/')),
        None => route::link(&current_url(state), path, links.portable),
    }
}

fn current_lang(kwargs: &Kwargs, state: &State) -> String {
    kwargs
        .get::<String>("lang")
        .ok()
        .flatten()
        .or_else(|| state.get::<String>("lang").ok().flatten())
        .unwrap_or_else(|| "en".into())
}

/// JSON text made safe to embed in a `<script>` element: `<`, `>` and `&` (which JSON only
/// has inside strings) become `\u003c`, `\u003e` and `\u0026`, so no `</script>`, `<!--`
/// or `<script` in a value can end or bend the element. The JSON means the same.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

fn has_georgian(s: &str) -> bool {
    s.chars().any(crate::search::fold::is_georgian)
}

/// The case filters that would turn Georgian into Mtavruli capitals.
pub const CASE_FILTERS: [&str; 3] = ["upper", "capitalize", "title"];

/// Records which case filters met Georgian text during a build (they leave it unchanged).
#[derive(Default)]
pub struct CaseGuard {
    hits: [std::sync::atomic::AtomicBool; 3],
}

impl CaseGuard {
    fn hit(&self, i: usize) {
        self.hits[i].store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Warnings at every template line that uses a case filter which met Georgian text.
    pub fn warnings(&self, templates: &[TextFile]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, name) in CASE_FILTERS.iter().enumerate() {
            if !self.hits[i].load(std::sync::atomic::Ordering::Relaxed) {
                continue;
            }
            for t in templates {
                for (n, line) in t.text.lines().enumerate() {
                    let uses = line.match_indices('|').any(|(j, _)| {
                        let rest = line[j + 1..].trim_start();
                        rest.strip_prefix(name).is_some_and(|r| {
                            !r.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                        })
                    });
                    if uses {
                        out.push(
                            Diagnostic::warning("case-filter", format!("the `{name}` filter is applied to Georgian text here; it was left unchanged"))
                                .in_file(&t.file)
                                .at_line(n + 1)
                                .with_source(&t.text)
                                .with_hint("Georgian has no capital letters in running text (Mtavruli capitals shout and show as boxes on older phones); remove the filter")
                                .tr("case-filter", &[("name", name)]),
                        );
                    }
                }
            }
        }
        out
    }
}

/// The functions and filters campaign adds to Tera.
fn register(tera: &mut Tera, strings: Arc<Strings>, guard: Arc<CaseGuard>) {
    register_strings(tera, strings);
    register_formats(tera);
    register_case(tera, guard);
}

/// `t(key=...)`: an interface string in the page's language, with its arguments.
fn register_strings(tera: &mut Tera, strings: Arc<Strings>) {
    let s = strings;
    tera.register_function("t", move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let lang = current_lang(&kwargs, state);
        let mut args = BTreeMap::new();
        for (k, v) in kwargs.iter() {
            let k = k.to_string();
            if k == "key" || k == "lang" {
                continue;
            }
            if let Some(n) = v.as_f64() {
                args.insert(k, Arg::Number(n));
            } else if let Some(t) = v.as_str() {
                args.insert(k, Arg::Text(t.to_string()));
            } else {
                args.insert(k, Arg::Text(v.to_string()));
            }
        }
        match s.get(&lang, &key, &args) {
            Some(v) => Ok(v),
            None if !s.has(&key) => Err(tera::Error::message(format!(
                "the interface string `{key}` does not exist in any locales/*/*.ftl file"
            ))),
            None => Err(tera::Error::message(format!(
                "the interface string `{key}` could not be filled in (a variable it uses is missing)"
            ))),
        }
    });
}

/// `| rel` and `url(path=...)`: site addresses relative to the page.
fn register_links(tera: &mut Tera, links: Links) {
    let l = links.clone();
    tera.register_filter(
        "rel",
        move |path: &str, _: Kwargs, state: &State| -> String { link(state, path, &l) },
    );
    tera.register_function(
        "url",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            Ok(link(state, &path, &links))
        },
    );
}

/// Dates, numbers, money, ordinals, phone numbers and JSON in the page's language.
fn register_formats(tera: &mut Tera) {
    tera.register_filter(
        "date",
        |v: &str, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let lang = current_lang(&kwargs, state);
            let long = kwargs.get::<bool>("weekday")?.unwrap_or(false);
            match Date::parse(v) {
                Some(d) if long => Ok(date::format_date_long(&d, &lang)),
                Some(d) => Ok(date::format_date(&d, &lang)),
                None => Err(tera::Error::message(format!(
                    "`{v}` is not a date (YYYY-MM-DD)"
                ))),
            }
        },
    );
    tera.register_filter(
        "number",
        |v: f64, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let lang = current_lang(&kwargs, state);
            let decimals = kwargs.get::<usize>("decimals")?;
            Ok(numfmt::format_number(v, &lang, decimals))
        },
    );
    tera.register_filter(
        "money",
        |v: f64, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let lang = current_lang(&kwargs, state);
            let words = kwargs.get::<bool>("words")?.unwrap_or(false);
            Ok(numfmt::format_money(v, &lang, words))
        },
    );
    tera.register_filter(
        "ordinal",
        |v: i64, kwargs: Kwargs, state: &State| -> String {
            numfmt::ordinal(v, &current_lang(&kwargs, state))
        },
    );
    tera.register_filter("tel", |v: &str, _: Kwargs, _: &State| -> String {
        crate::model::types::organisation::international_phone(v).unwrap_or_else(|| v.to_string())
    });
    tera.register_filter(
        "json",
        |v: Value, _: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let j = serde_json::to_string(&v).map_err(|e| tera::Error::message(e.to_string()))?;
            Ok(Value::safe_string(&script_safe_json(&j)))
        },
    );
}

/// Case filters that never turn Mkhedruli into Mtavruli capitals (each use on Georgian text
/// is reported once).
fn register_case(tera: &mut Tera, guard: Arc<CaseGuard>) {
    let g = guard.clone();
    tera.register_filter("upper", move |v: &str, _: Kwargs, _: &State| -> String {
        if has_georgian(v) {
            g.hit(0);
            v.to_string()
        } else {
            v.to_uppercase()
        }
    });
    let g = guard.clone();
    tera.register_filter(
        "capitalize",
        move |v: &str, _: Kwargs, _: &State| -> String {
            if has_georgian(v) {
                g.hit(1);
                return v.to_string();
            }
            let mut c = v.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        },
    );
    tera.register_filter("title", move |v: &str, _: Kwargs, _: &State| -> String {
        if has_georgian(v) {
            guard.hit(2);
            return v.to_string();
        }
        v.split(' ')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
}

#[cfg(test)]
mod script_json_tests {
    use super::script_safe_json;

    #[test]
    fn markup_in_values_cannot_end_or_bend_the_script_element() {
        let v = serde_json::json!({"address": "Rustaveli Ave 1 <!--<script></script> & co"});
        let j = script_safe_json(&serde_json::to_string(&v).unwrap_or_default());
        assert_eq!(
            j,
            r#"{"address":"Rustaveli Ave 1 \u003c!--\u003cscript\u003e\u003c/script\u003e \u0026 co"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&j).unwrap_or_default();
        assert_eq!(back, v);
    }
}
