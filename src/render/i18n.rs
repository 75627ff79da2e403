//! Interface strings: Fluent bundles per language (built-in defaults, overridden key by key by the site).

use crate::config::Config;
use crate::diagnostics::{Diagnostic, line_col};
use crate::load::TextFile;
use fluent_templates::FluentBundle;
use fluent_templates::fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The interface strings of every configured language.
pub struct Strings {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
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
        let mut keys: HashMap<String, BTreeSet<String>> = HashMap::new();
        for lang in &config.languages {
            let id: fluent_templates::LanguageIdentifier = lang.code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            let _ = bundle.add_builtins();
            let set = keys.entry(lang.code.clone()).or_default();
            for (l, tf) in files.iter().filter(|(l, _)| *l == lang.code) {
                let _ = l;
                let res = match FluentResource::try_new(tf.text.to_string()) {
                    Ok(r) => r,
                    Err((r, errs)) => {
                        for e in errs {
                            let (line, col) = line_col(&tf.text, e.pos.start);
                            diags.push(
                                Diagnostic::error("fluent", format!("this interface string cannot be read: {}", plain_fluent(&e.kind.to_string())))
                                    .in_file(&tf.file)
                                    .at(line, col)
                                    .with_source(&tf.text)
                                    .with_hint("each entry is `key = text`; continuation lines are indented; variants look like `{ $n -> [one] ... *[other] ... }`"),
                            );
                        }
                        r
                    }
                };
                for entry in res.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        set.insert(m.id.name.to_string());
                    }
                }
                bundle.add_resource_overriding(res);
            }
            bundles.insert(lang.code.clone(), bundle);
        }
        // Keys missing in a language (they fall back to the default language).
        let all: BTreeSet<String> = keys.values().flatten().cloned().collect();
        for lang in &config.languages {
            let have = &keys[&lang.code];
            let missing: Vec<&String> = all.iter().filter(|k| !have.contains(*k)).collect();
            for k in missing {
                diags.push(
                    Diagnostic::warning("missing-string", format!("the interface string `{k}` is missing in {} ({})", lang.name, lang.code))
                        .in_file(format!("locales/{}/", lang.code))
                        .with_hint(format!("add `{k} = ...` to a .ftl file in locales/{}/; until then the {} text is shown", lang.code, config.default_lang())),
                );
            }
        }
        (
            Strings {
                bundles,
                keys,
                default_lang: config.default_lang().to_string(),
            },
            diags,
        )
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
        let message = bundle.get_message(msg)?;
        let pattern = match attr {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Number(n) => fargs.set(k.replace('_', "-"), FluentValue::from(*n)),
                Arg::Text(s) => fargs.set(k.replace('_', "-"), FluentValue::from(s.clone())),
            }
        }
        let mut errors = Vec::new();
        let value = bundle.format_pattern(
            pattern,
            if args.is_empty() { None } else { Some(&fargs) },
            &mut errors,
        );
        if errors.is_empty() {
            Some(value.into_owned())
        } else {
            None
        }
    }

    /// Every key of a language, for tests.
    pub fn keys(&self, lang: &str) -> Option<&BTreeSet<String>> {
        self.keys.get(lang)
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
        let files: Vec<(String, TextFile)> = crate::embedded::LOCALES
            .iter()
            .filter_map(|(rel, bytes)| {
                let (lang, _) = rel.split_once('/')?;
                Some((
                    lang.to_string(),
                    TextFile {
                        file: rel.to_string(),
                        rel: rel.to_string(),
                        text: String::from_utf8_lossy(bytes).into_owned().into(),
                    },
                ))
            })
            .collect();
        let (s, diags) = Strings::new(&config, &files);
        assert!(diags.is_empty(), "{diags:?}");
        s
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
