//! Reading `site.yaml`: one function per setting, each reporting its own errors at the
//! line of its key.

use super::normalize_base_url;
use super::{
    Config, Language, Localized, builtin_dir, builtin_language, is_theme_name, looks_like_lang,
};
use crate::diagnostics::{Diagnostic, Translatable, tr};
use crate::yaml;
use serde_yaml::Value;

/// Parse `site.yaml` text. `file` is the name used in messages.
pub fn parse(text: &str, file: &str) -> Result<Config, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = yaml::parse(text, file, 0, text).map_err(|d| vec![d])?;
    let map = top_mapping(value, file)?;
    let source = Source { text, file };
    let mut errors = Vec::new();
    let languages = languages(&map, &source, &mut errors);
    let title = localized(&map, "title", &languages, &source, &mut errors);
    let description = localized(&map, "description", &languages, &source, &mut errors);
    let base_url = base_url(&map, &source, &mut errors);
    let theme = theme(&map, &source, &mut errors);
    let output_keep = output_keep(&map, &source, &mut errors);
    let posters = posters(&map, &source, &mut errors);
    let offline = OFFLINE.read(&map, &source, &mut errors);
    let search = SEARCH.read(&map, &source, &mut errors);
    let extra = extra(&map);
    if let Some((key, line)) = yaml::duplicate_top_level_key(text) {
        errors.push(
            Diagnostic::error("config", format!("`{key}` is written twice"))
                .in_file(file)
                .at_line(line)
                .with_source(text)
                .with_hint("keep one of them")
                .tr("config-duplicate-key", &[("key", &key)]),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Config {
        title,
        description,
        base_url,
        languages,
        theme,
        output_keep,
        menu_lines: item_lines(text, "menu", map.get("menu")),
        poster_lines: item_lines(text, "posters", map.get("posters")),
        posters,
        footer_line: yaml::key_line(text, "footer").unwrap_or(1),
        offline,
        search,
        portable: false,
        preview: false,
        extra,
    })
}

/// The text of `site.yaml` and its name in messages, to point errors at a key's value.
struct Source<'a> {
    text: &'a str,
    file: &'a str,
}

impl Source<'_> {
    /// A `config` error at the value of `key` (line 1 when the key is not found).
    fn error(&self, key: &str, msg: String, hint: &str, tr: Translatable) -> Diagnostic {
        let line = yaml::key_line(self.text, key).unwrap_or(1);
        Diagnostic::error("config", msg)
            .with_tr(tr)
            .in_file(self.file)
            .at(line, yaml::value_col(self.text, key))
            .with_source(self.text)
            .with_hint(hint.to_string())
    }
}

/// The top level of `site.yaml` as a mapping (empty for an empty file).
fn top_mapping(value: Value, file: &str) -> Result<serde_yaml::Mapping, Vec<Diagnostic>> {
    match value {
        Value::Mapping(m) => Ok(m),
        Value::Null => Ok(Default::default()),
        other => Err(vec![
            Diagnostic::error(
                "config",
                format!(
                    "site.yaml should be a list of `key: value` lines, but it is {}",
                    yaml::kind_word(&other)
                ),
            )
            .in_file(file)
            .at_line(1)
            .with_hint("start with `title:` and `languages:` (see README, \"Configuration\")")
            .tr("config-not-mapping", &[("kind", yaml::kind_key(&other))]),
        ]),
    }
}

/// A language as written in `languages:`: a code, or a mapping with `code`, `name`, `locale`.
struct LanguageEntry {
    code: String,
    name: Option<String>,
    locale: Option<String>,
    dir: Option<String>,
    untranslated: Option<String>,
}

impl LanguageEntry {
    fn read(item: &Value) -> LanguageEntry {
        let text =
            |m: &serde_yaml::Mapping, k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
        match item {
            Value::String(c) => LanguageEntry {
                code: c.clone(),
                name: None,
                locale: None,
                dir: None,
                untranslated: None,
            },
            Value::Mapping(m) => LanguageEntry {
                code: text(m, "code").unwrap_or_default(),
                name: text(m, "name"),
                locale: text(m, "locale"),
                dir: m.get("dir").map(|v| v.as_str().unwrap_or("?").to_string()),
                untranslated: m
                    .get("untranslated")
                    .map(|v| v.as_str().unwrap_or("?").to_string()),
            },
            _ => LanguageEntry {
                code: String::new(),
                name: None,
                locale: None,
                dir: None,
                untranslated: None,
            },
        }
    }
}

/// A language with its built-in name, locale and direction, unless given.
fn language(code: &str, name: Option<String>, locale: Option<String>) -> Language {
    let (bname, blocale) = builtin_language(code);
    Language {
        code: code.to_string(),
        name: name.unwrap_or(bname),
        locale: locale.unwrap_or(blocale),
        dir: builtin_dir(code).to_string(),
        fallback: false,
    }
}

/// `languages:`: the configured languages, the default first (`ka`, `en` when not given).
fn languages(
    map: &serde_yaml::Mapping,
    source: &Source,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Language> {
    let hint = "write e.g. `languages: [ka, en]`, the default language first";
    match map.get("languages") {
        None => ["ka", "en"]
            .into_iter()
            .map(|code| language(code, None, None))
            .collect(),
        Some(Value::Sequence(items)) => {
            let languages = language_list(items, source, errors);
            if languages.is_empty() && errors.is_empty() {
                errors.push(source.error(
                    "languages",
                    "no languages are listed".into(),
                    hint,
                    tr("config-no-languages", &[]),
                ));
            }
            languages
        }
        Some(_) => {
            errors.push(source.error(
                "languages",
                "`languages` should be a list".into(),
                hint,
                tr("config-languages-list", &[]),
            ));
            Vec::new()
        }
    }
}

/// The entries of a `languages:` list; bad and repeated codes are errors.
fn language_list(items: &[Value], source: &Source, errors: &mut Vec<Diagnostic>) -> Vec<Language> {
    let mut languages: Vec<Language> = Vec::new();
    for entry in items.iter().map(LanguageEntry::read) {
        let code = entry.code;
        if !looks_like_lang(&code) {
            errors.push(source.error(
                "languages",
                format!("`{code}` is not a language code"),
                "use two-letter codes such as `ka` and `en`, the default language first",
                tr("config-language-code", &[("code", &code)]),
            ));
        } else if languages.iter().any(|l| l.code == code) {
            errors.push(source.error(
                "languages",
                format!("the language `{code}` is listed twice"),
                "list each language once",
                tr("config-language-twice", &[("code", &code)]),
            ));
        } else if let Some(dir) = entry.dir.as_deref().filter(|d| !["ltr", "rtl"].contains(d)) {
            errors.push(source.error(
                "languages",
                format!("the direction `{dir}` of `{code}` is neither `ltr` nor `rtl`"),
                "write `dir: rtl` for a language written from right to left, `dir: ltr` otherwise",
                tr("config-language-dir", &[("code", &code), ("dir", dir)]),
            ));
        } else if let Some(u) = entry
            .untranslated
            .as_deref()
            .filter(|u| !["absent", "fallback"].contains(u))
        {
            errors.push(source.error(
                "languages",
                format!("`untranslated: {u}` of `{code}` is neither `absent` nor `fallback`"),
                "write `untranslated: fallback` to show pages not yet translated in the default language, or leave it out",
                tr("config-language-untranslated", &[("code", &code), ("value", u)]),
            ));
        } else {
            let mut l = language(&code, entry.name, entry.locale);
            if let Some(dir) = entry.dir {
                l.dir = dir;
            }
            l.fallback = entry.untranslated.as_deref() == Some("fallback");
            languages.push(l);
        }
    }
    languages
}

/// A text given once for all languages or per language (`title:`, `description:`).
fn localized(
    map: &serde_yaml::Mapping,
    key: &str,
    languages: &[Language],
    source: &Source,
    errors: &mut Vec<Diagnostic>,
) -> Localized {
    match map.get(key) {
        None | Some(Value::Null) => Localized::default(),
        Some(Value::String(s)) => Localized(
            languages
                .iter()
                .map(|l| (l.code.clone(), s.clone()))
                .collect(),
        ),
        Some(Value::Mapping(m)) => Localized(
            m.iter()
                .filter_map(|(k, v)| Some((yaml::key_string(k), v.as_str()?.to_string())))
                .collect(),
        ),
        Some(other) => {
            errors.push(source.error(
                key,
                format!(
                    "`{key}` should be text or one text per language, not {}",
                    yaml::kind_word(other)
                ),
                "write it per language, e.g. `ka: ...` and `en: ...` indented under it",
                tr(
                    "config-localized",
                    &[("key", key), ("kind", yaml::kind_key(other))],
                ),
            ));
            Localized::default()
        }
    }
}

/// `base_url:`, normalised to end in `/`; `None` when not set or empty.
fn base_url(
    map: &serde_yaml::Mapping,
    source: &Source,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    match map.get("base_url") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => {
            let url = normalize_base_url(s);
            if url.is_none() {
                errors.push(source.error(
                    "base_url",
                    format!("`{s}` is not a web address"),
                    "write the full address, starting with https://, e.g. https://example.ge/",
                    tr("config-base-url", &[("value", s)]),
                ));
            }
            url
        }
        Some(_) => {
            errors.push(source.error(
                "base_url",
                "`base_url` should be a web address".into(),
                "e.g. base_url: https://example.ge/",
                tr("config-base-url-kind", &[]),
            ));
            None
        }
    }
}

/// `theme:`, the name of a folder under `themes/` (`default` when not given).
fn theme(map: &serde_yaml::Mapping, source: &Source, errors: &mut Vec<Diagnostic>) -> String {
    let theme = map
        .get("theme")
        .and_then(Value::as_str)
        .unwrap_or("default")
        .trim()
        .to_string();
    if !is_theme_name(&theme) {
        errors.push(
            source.error(
                "theme",
                format!("`{theme}` is not the name of a theme: a theme is a folder under themes/"),
                "write only the folder's name, like `theme: campaign` for themes/campaign/, or delete the line to use the built-in default theme",
                tr("theme-name", &[("theme", &theme)]),
            ),
        );
    }
    theme
}

/// Every key that is not a setting, as JSON for templates (`config.extra`).
fn extra(map: &serde_yaml::Mapping) -> serde_json::Value {
    let mut extra = serde_json::Map::new();
    for (k, v) in map {
        let k = yaml::key_string(k);
        if !matches!(
            k.as_str(),
            "title"
                | "description"
                | "base_url"
                | "languages"
                | "theme"
                | "output_keep"
                | "posters"
                | "offline"
                | "search"
        ) {
            extra.insert(k, yaml::to_json(v));
        }
    }
    serde_json::Value::Object(extra)
}

/// The line of each entry of the list `key:` (`menu:`, `posters:`): the `- ` lines below the
/// key, or the key's own line for every entry when they are written another way
/// (`menu: [/a/, /b/]`).
fn item_lines(text: &str, name: &str, list: Option<&Value>) -> Vec<usize> {
    let count = list.and_then(Value::as_sequence).map_or(0, Vec::len);
    let Some(key) = yaml::key_line(text, name) else {
        return Vec::new();
    };
    let items: Vec<usize> = text
        .lines()
        .enumerate()
        .skip(key)
        .take_while(|(_, l)| l.trim().is_empty() || l.starts_with([' ', '\t', '-', '#']))
        .filter(|(_, l)| {
            let t = l.trim_start();
            t == "-" || t.starts_with("- ")
        })
        .map(|(i, _)| i + 1)
        .collect();
    if items.len() == count {
        items
    } else {
        vec![key; count]
    }
}

/// `output_keep:`: a list of names (with `*`) that builds leave in the output folder.
fn output_keep(
    map: &serde_yaml::Mapping,
    source: &Source,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let hint = "write a list of names, e.g. `output_keep: [README.md, \"*.txt\"]`";
    match map.get("output_keep") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Sequence(items)) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            let plain = names
                .iter()
                .all(|n| !n.is_empty() && !n.contains(['/', '\\']) && n != ".." && n != ".");
            if names.len() != items.len() || !plain {
                errors.push(source.error(
                    "output_keep",
                    "`output_keep` should list names of files or folders at the top of the output folder".into(),
                    hint,
                    tr("config-output-keep-names", &[]),
                ));
            }
            names
        }
        Some(_) => {
            errors.push(source.error(
                "output_keep",
                "`output_keep` should be a list of names".into(),
                hint,
                tr("config-output-keep-list", &[]),
            ));
            Vec::new()
        }
    }
}

/// `posters:`: the site addresses whose pages get a printable poster (a section's address
/// covers its pages); `None` when not given (the default: `/services/` and the self-check).
fn posters(
    map: &serde_yaml::Mapping,
    source: &Source,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let value = map.get("posters")?;
    let items: &[Value] = match value {
        Value::Null => return Some(Vec::new()),
        Value::Sequence(items) => items,
        _ => &[],
    };
    let paths: Vec<String> = items
        .iter()
        .filter_map(Value::as_str)
        .filter(|p| p.starts_with('/'))
        .map(str::to_string)
        .collect();
    if !value.is_sequence() || paths.len() != items.len() {
        errors.push(source.error(
            "posters",
            "`posters` should be a list of site addresses".into(),
            "write the addresses of pages or sections, e.g. `posters: [/services/, /check/]`, or `posters: []` for none",
            tr("config-posters", &[]),
        ));
    }
    Some(paths)
}

/// A yes-or-no key of site.yaml: its value, `default` when not given, and one message (in
/// English and in Georgian) when it is neither `true` nor `false`.
struct Switch<'a> {
    key: &'a str,
    default: bool,
    hint: &'a str,
    /// The message in Georgian.
    georgian: fn() -> Translatable,
}

impl Switch<'_> {
    fn read(
        &self,
        map: &serde_yaml::Mapping,
        source: &Source,
        errors: &mut Vec<Diagnostic>,
    ) -> bool {
        match map.get(self.key) {
            None | Some(Value::Null) => self.default,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                errors.push(source.error(
                    self.key,
                    format!("`{}` should be `true` or `false`", self.key),
                    self.hint,
                    (self.georgian)(),
                ));
                self.default
            }
        }
    }
}

/// `search:`: `true` (a search page and index, when the theme has `search.html`) or `false`
/// (the default while the index costs more than a tenth of a large build: issue 18).
const SEARCH: Switch<'static> = Switch {
    key: "search",
    default: false,
    hint: "write `search: true` to give the site a search page, or delete the line",
    georgian: || tr("config-search", &[]),
};

/// `offline:`: `true` (the default) or `false`.
const OFFLINE: Switch<'static> = Switch {
    key: "offline",
    default: true,
    hint: "write `offline: false` to turn offline reading off, or delete the line to keep it on",
    georgian: || tr("config-offline", &[]),
};
