//! Pages from files: the key and language from the file name, the front matter read, the
//! kind (home, section, page); drafts and pages outside their dates left out.

use super::{Kind, ModelOptions, Page, types};
use crate::config::{Config, looks_like_lang};
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use crate::load::frontmatter;
use rayon::prelude::*;
use std::sync::Arc;

/// Read every page (in parallel), leave out drafts and pages outside their publish/expiry
/// window unless asked, and sort them by (key, language order).
pub(super) fn read_all(
    files: &[TextFile],
    config: &Config,
    opts: &ModelOptions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let default_lang = config.default_lang();
    let parsed: Vec<Result<Page, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|tf| read_page(tf, config, default_lang))
        .collect();
    let mut pages = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(p) => pages.push(p),
            Err(mut d) => diags.append(&mut d),
        }
    }
    pages.retain(|p| {
        opts.drafts
            || !(p.front.draft
                || p.front.publish_date.is_some_and(|d| d > opts.today)
                || p.front.expiry_date.is_some_and(|d| d < opts.today))
    });
    let lang_order = |l: &str| {
        config
            .languages
            .iter()
            .position(|x| x.code == l)
            .unwrap_or(usize::MAX)
    };
    pages.sort_by(|a, b| {
        (a.key.as_str(), lang_order(&a.lang)).cmp(&(b.key.as_str(), lang_order(&b.lang)))
    });
    pages
}

/// Split a content-relative path into (key, language). The language is `None` when the
/// file has no language part.
pub(super) fn parse_name(rel: &str) -> (String, Option<String>) {
    let stem = rel.rsplit_once('.').map(|(s, _)| s).unwrap_or(rel);
    let (dir, name) = match stem.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, stem),
    };
    let (base, lang) = match name.rsplit_once('.') {
        Some((b, l)) if looks_like_lang(l) => (b, Some(l.to_string())),
        _ => (name, None),
    };
    let key = match dir {
        Some(d) => format!("{d}/{base}"),
        None => base.to_string(),
    };
    (key, lang)
}

/// The page's language from its file name, or an error naming the site's languages.
fn language(
    tf: &TextFile,
    lang: Option<String>,
    config: &Config,
    default_lang: &str,
) -> Result<String, Diagnostic> {
    match lang {
        Some(l) if config.has_lang(&l) => Ok(l),
        Some(l) => {
            let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            Err(Diagnostic::error("unknown-language", format!("`{l}` in the file name is not one of the site's languages ({})", known.join(", ")))
                .in_file(&tf.file)
                .with_hint(format!("name the file `<name>.<language>.md` with one of: {}; or add `{l}` to `languages:` in site.yaml", known.join(", ")))
                .tr("unknown-language", &[("code", &l), ("known", &known.join(", "))]))
        }
        None => Ok(default_lang.to_string()),
    }
}

/// Home, section or page, with the key and the key of the section above.
fn kind_of(key: String) -> (Kind, String, Option<String>) {
    let parent_of = |k: &str| {
        k.rsplit_once('/')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    if key == "_index" {
        (Kind::Home, String::new(), None)
    } else if let Some(dir) = key.strip_suffix("/_index") {
        (Kind::Section, dir.to_string(), Some(parent_of(dir)))
    } else {
        let parent = parent_of(&key);
        (Kind::Page, key, Some(parent))
    }
}

fn read_page(tf: &TextFile, config: &Config, default_lang: &str) -> Result<Page, Vec<Diagnostic>> {
    let (key, lang) = parse_name(&tf.rel);
    let lang = language(tf, lang, config, default_lang).map_err(|d| vec![d])?;
    let text: Arc<str> = tf.text.clone();
    let split = frontmatter::split(&text, &tf.file).map_err(|d| vec![d])?;
    let front = frontmatter::parse(&split, &tf.file, &text)?;
    let body_start = text.len() - split.body.len();
    let body_line = split.body_line;
    let (kind, key, parent) = kind_of(key);
    Ok(Page {
        fallback: None,
        key,
        lang,
        file: tf.file.clone(),
        kind,
        parent,
        front,
        content: types::Content::Plain,
        text,
        whole: tf.whole.clone(),
        fingerprint: tf.fingerprint(),
        body_start,
        body_line,
        url: String::new(),
    })
}
