//! campaign's own words in the editor's language: message labels, the `check` report, the
//! `serve` overlay, and every message marked translatable where it is made
//! ([`crate::diagnostics::Diagnostic::tr`]). Georgian comes from `ka.ftl` (Fluent, built
//! into the binary); English is the text in the code, so a message without a translation
//! stays English.
//!
//! A leaf: this module knows languages and catalogues, not diagnostics; `diagnostics`
//! asks it for texts ([`Messages::text`]).

#[cfg(test)]
mod console_lines;
#[cfg(test)]
mod coverage;
pub mod fluent;

use fluent::Bundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The Georgian catalogue.
const KA: &str = include_str!("ka.ftl");

/// A language of campaign's own messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Georgian.
    Ka,
}

impl Lang {
    /// The language of a locale name or language tag: `ka_GE.UTF-8`, `ka-GE`, `ka` → Georgian,
    /// `en_US.UTF-8`, `en` → English; `None` for others (and for `C`, `POSIX`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ka" => Some(Lang::Ka),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The editor's language from environment values, in POSIX order: `CAMPAIGN_LANG`,
    /// then `LC_ALL`, `LC_MESSAGES`, `LANG` (the first one set decides); English otherwise.
    /// `get` reads a variable (the caller passes `std::env::var`).
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        Lang::from_env_or_system(get, || None)
    }

    /// [`Lang::from_env`], and when none of those variables is set (as on Windows, and on a
    /// Mac outside the terminal), the system's language from `system` (e.g. `ka-GE`).
    pub fn from_env_or_system(
        get: impl Fn(&str) -> Option<String>,
        system: impl Fn() -> Option<String>,
    ) -> Lang {
        ["CAMPAIGN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| get(k).filter(|v| !v.is_empty()))
            .or_else(system)
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    /// The preferred supported language of an HTTP `Accept-Language` header, by weight.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut bits = part.split(';');
            let Some(lang) = bits.next().and_then(|t| Lang::from_tag(t.trim())) else {
                continue;
            };
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }
}

/// The words of one language.
pub struct Messages {
    lang: Lang,
    bundle: Option<Bundle>,
}

impl Messages {
    /// The words of `lang`.
    pub fn new(lang: Lang) -> Messages {
        let bundle = match lang {
            Lang::En => None,
            Lang::Ka => {
                let mut bundle = fluent::bundle("ka");
                // The catalogue is part of the binary and tested to parse.
                FluentResource::try_new(KA.to_string())
                    .ok()
                    .and_then(|r| bundle.add_resource(r).ok())
                    .map(|_| bundle)
            }
        };
        Messages { lang, bundle }
    }

    /// The language of these words.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A text of the catalogue (`attr`: an attribute such as `hint`), or `None` when it has
    /// none or an argument is missing.
    pub fn text(&self, id: &str, attr: Option<&str>, args: &[(&str, &str)]) -> Option<String> {
        let bundle = self.bundle.as_ref()?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(*v));
        }
        fluent::format(bundle, id, attr, Some(&fargs))
    }

    /// A word of the interface: the catalogue's text in this language, else `english`.
    pub fn word(
        &self,
        id: &str,
        args: &[(&str, &str)],
        english: impl FnOnce() -> String,
    ) -> String {
        self.text(id, None, args).unwrap_or_else(english)
    }

    /// The label before a hint.
    pub fn hint_label(&self) -> String {
        self.word("label-hint", &[], || "hint".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_parses() {
        let res = FluentResource::try_new(KA.to_string());
        assert!(res.is_ok(), "{:?}", res.err().map(|(_, e)| e));
        assert!(Messages::new(Lang::Ka).bundle.is_some());
    }

    #[test]
    fn languages_from_tags_env_and_headers() {
        assert_eq!(Lang::from_tag("ka_GE.UTF-8"), Some(Lang::Ka));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C.UTF-8"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "ka_GE.UTF-8")])), Lang::Ka);
        let georgian_windows = || Some("ka-GE".to_string());
        assert_eq!(
            Lang::from_env_or_system(env(&[]), georgian_windows),
            Lang::Ka
        );
        assert_eq!(
            Lang::from_env_or_system(env(&[("LANG", "en_US.UTF-8")]), georgian_windows),
            Lang::En,
            "a variable the editor set decides first"
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "ka_GE.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("CAMPAIGN_LANG", "ka"), ("LC_ALL", "C")])),
            Lang::Ka
        );
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,ka;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("ka-GE,ka;q=0.9,en;q=0.5"),
            Some(Lang::Ka)
        );
        assert_eq!(Lang::from_accept_language("de, en;q=0"), None);
    }
}
