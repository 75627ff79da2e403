//! campaign's own words in the editor's language: message labels, the `check` report, the
//! `serve` overlay, and every message marked translatable where it is made
//! ([`Diagnostic::tr`]). Georgian comes from `ka.ftl` (Fluent, built into the binary);
//! English is the text in the code, so a message without a translation stays English.

use crate::diagnostics::{Diagnostic, Severity};
use fluent_templates::FluentBundle;
use fluent_templates::fluent_bundle::{FluentArgs, FluentResource, FluentValue};

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
        ["CAMPAIGN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .map(|v| Lang::from_tag(&v))
            .next()
            .flatten()
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
    bundle: Option<FluentBundle<FluentResource>>,
}

impl Messages {
    /// The words of `lang`.
    pub fn new(lang: Lang) -> Messages {
        let bundle = match lang {
            Lang::En => None,
            Lang::Ka => {
                let id: fluent_templates::LanguageIdentifier = "ka".parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
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

    /// A text of the catalogue (`attr`: an attribute such as `hint`), or `None` when it has none.
    fn get(&self, id: &str, attr: Option<&str>, args: &[(&str, &str)]) -> Option<String> {
        let bundle = self.bundle.as_ref()?;
        let msg = bundle.get_message(id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(*v));
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// A word of the interface: the catalogue's text in this language, else `english`.
    pub fn word(
        &self,
        id: &str,
        args: &[(&str, &str)],
        english: impl FnOnce() -> String,
    ) -> String {
        self.get(id, None, args).unwrap_or_else(english)
    }

    /// The label of a severity (`error`, `შეცდომა`).
    pub fn label(&self, s: Severity) -> String {
        let id = match s {
            Severity::Error => "label-error",
            Severity::Warning => "label-warning",
            Severity::Note => "label-note",
        };
        self.word(id, &[], || s.label().to_string())
    }

    /// The label before a hint.
    pub fn hint_label(&self) -> String {
        self.word("label-hint", &[], || "hint".into())
    }

    /// The message in this language: its text and hint replaced when it is marked
    /// translatable and the catalogue has it; unchanged otherwise.
    pub fn localize(&self, d: &Diagnostic) -> Diagnostic {
        let mut out = d.clone();
        let Some(tr) = &d.tr else { return out };
        let args: Vec<(&str, &str)> = tr
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(text) = self.get(&tr.id, None, &args) {
            out.message = text;
            if d.hint.is_some()
                && let Some(hint) = self.get(&tr.id, Some("hint"), &args)
            {
                out.hint = Some(hint);
            }
        }
        out
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

    #[test]
    fn translates_marked_messages_and_keeps_the_rest() {
        let ka = Messages::new(Lang::Ka);
        let d = Diagnostic::warning("http-link", "the link `http://a.ge/` is not secure (http)")
            .with_hint("use the https:// address if the site has one")
            .tr("http-link", &[("url", "http://a.ge/")]);
        let t = ka.localize(&d);
        assert_eq!(t.message, "ბმული `http://a.ge/` დაცული არ არის (http)");
        assert_eq!(
            t.hint.as_deref(),
            Some("თუ საიტს https:// მისამართი აქვს, ის გამოიყენეთ")
        );
        let kinds = [
            "bookmark",
            "quotes",
            "accents",
            "replacement",
            "nbsp",
            "tracked",
            "comment",
        ];
        let texts: std::collections::HashSet<String> = kinds
            .iter()
            .map(|k| {
                ka.localize(
                    &Diagnostic::warning("pasted-text", "x").tr("pasted-text", &[("kind", k)]),
                )
                .message
            })
            .collect();
        assert_eq!(texts.len(), kinds.len(), "one text per kind");
        // Not marked: unchanged. English: unchanged.
        let plain = Diagnostic::error("yaml", "bad YAML");
        assert_eq!(ka.localize(&plain), plain);
        assert_eq!(Messages::new(Lang::En).localize(&d), d);
        // Marked, but an argument is missing: stays English rather than showing a gap.
        let missing = Diagnostic::warning("http-link", "english").tr("http-link", &[]);
        assert_eq!(ka.localize(&missing).message, "english");
    }
}
