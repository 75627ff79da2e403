//! Interface strings: Fluent bundles per language (built-in defaults, overridden key by key by the site).
//!
//! `fluent-bundle` directly rather than `fluent-templates`' loaders: a site overrides the
//! built-in strings key by key, parse errors and keys missing in one language are reported
//! with their file and line, and files come from `load`, never from disk here.

use crate::config::{Config, Language};
use crate::diagnostics::{Diagnostic, line_col};
use crate::load::TextFile;
use crate::messages::fluent::{self, Bundle};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The interface strings of every configured language.
pub struct Strings {
    bundles: HashMap<String, Bundle>,
    keys: HashMap<String, BTreeSet<String>>,
    default_lang: String,
}

/// A Fluent argument value.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A number (selects plural forms).
    Number(f64),
    /// Text.
    Text(String),
}

impl Strings {
    /// Build the bundles from `.ftl` files (built-in ones first, the site's after).
    pub fn new(config: &Config, files: &[(String, TextFile)]) -> (Strings, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut bundles = HashMap::new();
        let mut keys = HashMap::new();
        for lang in &config.languages {
            let (bundle, set) = language_bundle(&lang.code, files, &mut diags);
            bundles.insert(lang.code.clone(), bundle);
            keys.insert(lang.code.clone(), set);
        }
        diags.extend(missing_keys(config, &keys));
        let strings = Strings {
            bundles,
            keys,
            default_lang: config.default_lang().to_string(),
        };
        (strings, diags)
    }

    /// Whether any language defines `key`.
    pub fn has(&self, key: &str) -> bool {
        self.keys.values().any(|k| k.contains(key))
    }

    /// Look up `key` in `lang`, falling back to the default language. `None` when no
    /// language has it or formatting fails everywhere.
    pub fn get(&self, lang: &str, key: &str, args: &BTreeMap<String, Arg>) -> Option<String> {
        self.get_in(lang, key, args)
            .or_else(|| self.get_in(&self.default_lang, key, args))
    }

    fn get_in(&self, lang: &str, key: &str, args: &BTreeMap<String, Arg>) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let (msg, attr) = match key.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (key, None),
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Number(n) => fargs.set(k.replace('_', "-"), FluentValue::from(*n)),
                Arg::Text(s) => fargs.set(k.replace('_', "-"), FluentValue::from(s.clone())),
            }
        }
        let fargs = (!args.is_empty()).then_some(&fargs);
        fluent::format(bundle, msg, attr, fargs)
    }

    /// Every key of a language, for tests.
    pub fn keys(&self, lang: &str) -> Option<&BTreeSet<String>> {
        self.keys.get(lang)
    }
}

/// The bundle of one language from its files, in order (a later key replaces an earlier
/// one), and the keys it defines; parse errors go to `diags`.
fn language_bundle(
    code: &str,
    files: &[(String, TextFile)],
    diags: &mut Vec<Diagnostic>,
) -> (Bundle, BTreeSet<String>) {
    let mut bundle = fluent::bundle(code);
    let _ = bundle.add_builtins();
    let mut keys = BTreeSet::new();
    for (_, tf) in files.iter().filter(|(l, _)| l == code) {
        let res = read_resource(tf, diags);
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                keys.insert(m.id.name.to_string());
            }
        }
        bundle.add_resource_overriding(res);
    }
    (bundle, keys)
}

/// The entries of one `.ftl` file that parse; an error with its place for each that does not.
fn read_resource(tf: &TextFile, diags: &mut Vec<Diagnostic>) -> FluentResource {
    match FluentResource::try_new(tf.text.to_string()) {
        Ok(r) => r,
        Err((r, errs)) => {
            for e in errs {
                let (line, col) = line_col(&tf.text, e.pos.start);
                let (kind, detail) = fluent_kind(&e.kind);
                diags.push(
                    Diagnostic::error("fluent", format!("this interface string cannot be read: {}", plain_fluent(&e.kind.to_string())))
                        .in_file(&tf.file)
                        .at(line, col)
                        .with_source(&tf.text)
                        .with_hint("each entry is `key = text`; continuation lines are indented; variants look like `{ $n -> [one] ... *[other] ... }`")
                        .tr("fluent", &[("kind", kind), ("detail", &detail)]),
                );
            }
            r
        }
    }
}

/// One warning per language for the keys it lacks and another has (they fall back to the
/// default language): naming the key when one is missing, else counting them.
fn missing_keys(config: &Config, keys: &HashMap<String, BTreeSet<String>>) -> Vec<Diagnostic> {
    let all: BTreeSet<&String> = keys.values().flatten().collect();
    let mut diags = Vec::new();
    for lang in &config.languages {
        let Some(have) = keys.get(&lang.code) else {
            continue;
        };
        let missing: Vec<&str> = all
            .iter()
            .filter(|k| !have.contains(**k))
            .map(|k| k.as_str())
            .collect();
        match missing.as_slice() {
            [] => {}
            [k] => diags.push(missing_key(config, lang, k)),
            many => diags.push(missing_many(config, lang, many)),
        }
    }
    diags
}

fn missing_many(config: &Config, lang: &Language, keys: &[&str]) -> Diagnostic {
    let (n, shown) = (
        keys.len().to_string(),
        keys.iter().take(5).copied().collect::<Vec<_>>().join(", "),
    );
    let more = if keys.len() > 5 { ", …" } else { "" };
    let list = format!("{shown}{more}");
    Diagnostic::warning(
        "missing-string",
        format!(
            "{n} interface strings are missing in {} ({}): {list}",
            lang.name, lang.code
        ),
    )
    .in_file(format!("locales/{}/", lang.code))
    .with_hint(format!(
        "translate them in a .ftl file in locales/{}/ (copy the {} file and translate each line); until then the {} text is shown",
        lang.code,
        config.default_lang(),
        config.default_lang()
    ))
    .tr(
        "missing-strings",
        &[
            ("count", &n),
            ("keys", &list),
            ("language", &lang.name),
            ("code", &lang.code),
            ("default", config.default_lang()),
        ],
    )
}

fn missing_key(config: &Config, lang: &Language, k: &str) -> Diagnostic {
    Diagnostic::warning(
        "missing-string",
        format!(
            "the interface string `{k}` is missing in {} ({})",
            lang.name, lang.code
        ),
    )
    .in_file(format!("locales/{}/", lang.code))
    .with_hint(format!(
        "add `{k} = ...` to a .ftl file in locales/{}/; until then the {} text is shown",
        lang.code,
        config.default_lang()
    ))
    .tr(
        "missing-string",
        &[
            ("key", k),
            ("language", &lang.name),
            ("code", &lang.code),
            ("default", config.default_lang()),
        ],
    )
}

/// A Fluent syntax error as the catalogue knows it (`kind` of `fluent` in ka.ftl), with the
/// token or name it names.
fn fluent_kind(kind: &fluent_syntax::parser::ErrorKind) -> (&'static str, String) {
    use fluent_syntax::parser::ErrorKind as K;
    match kind {
        K::ExpectedToken(c) => ("token", c.to_string()),
        K::ExpectedCharRange { range } => ("range", range.clone()),
        K::ExpectedMessageField { entry_id } | K::ExpectedTermField { entry_id } => {
            ("no-value", entry_id.clone())
        }
        K::MissingValue => ("value", String::new()),
        K::MissingDefaultVariant => ("no-default", String::new()),
        K::MultipleDefaultVariants => ("defaults", String::new()),
        K::UnterminatedStringLiteral => ("quote", String::new()),
        K::UnbalancedClosingBrace => ("brace", String::new()),
        K::DuplicatedNamedArgument(name) => ("argument-twice", name.clone()),
        K::UnknownEscapeSequence(s) | K::InvalidUnicodeEscapeSequence(s) => ("escape", s.clone()),
        _ => ("other", String::new()),
    }
}

fn plain_fluent(s: &str) -> String {
    s.replace("ParserError", "").replace("ErrorKind::", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        let config = crate::config::parse("title: t\nlanguages: [ka, en]\n", "site.yaml").unwrap();
        let (s, diags) = Strings::new(&config, &embedded_locales());
        assert!(diags.is_empty(), "{diags:?}");
        s
    }

    fn embedded_locales() -> Vec<(String, TextFile)> {
        crate::embedded::LOCALES
            .iter()
            .filter_map(|(rel, bytes)| {
                let (lang, _) = rel.split_once('/')?;
                Some((
                    lang.to_string(),
                    TextFile {
                        file: rel.to_string(),
                        rel: rel.to_string(),
                        text: String::from_utf8_lossy(bytes).into_owned().into(),
                        whole: None,
                    },
                ))
            })
            .collect()
    }

    /// Plural forms by CLDR's rules (through fluent-bundle's `intl_pluralrules`): Russian
    /// and Ukrainian have one/few/many, Arabic six forms.
    #[test]
    fn plurals_follow_cldr_in_the_built_in_languages() {
        let config = crate::config::parse(
            "title: t\nlanguages: [ka, en, ru, uk, ar, fa]\n",
            "site.yaml",
        )
        .unwrap();
        let (s, diags) = Strings::new(&config, &embedded_locales());
        assert!(diags.is_empty(), "{diags:?}");
        let pages = |lang: &str, n: f64| {
            let mut args = BTreeMap::new();
            args.insert("count".to_string(), Arg::Number(n));
            s.get(lang, "pages-count", &args).unwrap()
        };
        assert_eq!(pages("ru", 1.0), "1 страница");
        assert_eq!(pages("ru", 3.0), "3 страницы");
        assert_eq!(pages("ru", 5.0), "5 страниц");
        assert_eq!(pages("ru", 21.0), "21 страница");
        assert_eq!(pages("ru", 11.0), "11 страниц");
        assert_eq!(pages("uk", 22.0), "22 сторінки");
        assert_eq!(pages("ar", 0.0), "لا توجد صفحات");
        assert_eq!(pages("ar", 1.0), "صفحة واحدة");
        assert_eq!(pages("ar", 2.0), "صفحتان");
        assert_eq!(pages("ar", 3.0), "3 صفحات");
        assert_eq!(pages("ar", 11.0), "11 صفحة");
        assert_eq!(pages("ar", 100.0), "100 صفحة");
        assert_eq!(pages("fa", 2.0), "2 صفحه");
    }

    #[test]
    fn georgian_and_english_have_the_same_keys() {
        let s = strings();
        assert_eq!(s.keys("ka"), s.keys("en"));
        assert!(s.keys("ka").unwrap().len() > 20);
    }

    #[test]
    fn plurals_and_missing_keys() {
        let s = strings();
        let mut args = BTreeMap::new();
        args.insert("count".to_string(), Arg::Number(1.0));
        assert_eq!(s.get("en", "pages-count", &args).as_deref(), Some("1 page"));
        args.insert("count".to_string(), Arg::Number(5.0));
        assert_eq!(
            s.get("en", "pages-count", &args).as_deref(),
            Some("5 pages")
        );
        assert_eq!(
            s.get("ka", "pages-count", &args).as_deref(),
            Some("5 გვერდი")
        );
        assert_eq!(s.get("ka", "no-such-key", &args), None);
    }
}

#[cfg(test)]
mod ordinal_tests {
    use super::*;

    #[test]
    fn fluent_number_ordinals_follow_cldr_for_georgian() {
        let config = crate::config::parse("title: t\nlanguages: [ka, en]\n", "site.yaml").unwrap();
        let ftl = "nth = { NUMBER($n, type: \"ordinal\") ->\n    [one] { $n }-ლი\n    [many] მე-{ $n }\n   *[other] { $n }-ე\n}\n";
        let files = vec![(
            "ka".to_string(),
            TextFile {
                file: "ka.ftl".into(),
                rel: "ka/x.ftl".into(),
                text: ftl.into(),
                whole: None,
            },
        )];
        let (s, _) = Strings::new(&config, &files);
        let nth = |n: f64| {
            let mut a = BTreeMap::new();
            a.insert("n".to_string(), Arg::Number(n));
            s.get("ka", "nth", &a).unwrap()
        };
        assert_eq!(nth(1.0), "1-ლი");
        assert_eq!(nth(2.0), "მე-2");
        assert_eq!(nth(20.0), "მე-20");
        assert_eq!(nth(21.0), "21-ე");
        assert_eq!(nth(40.0), "მე-40");
        assert_eq!(nth(101.0), "101-ე");
        assert_eq!(nth(102.0), "მე-102");
    }
}
