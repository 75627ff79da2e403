//! Regions: the areas organisations serve, as data with a name per language (`content/regions.yaml`).

use super::fallback::Missing;
use crate::config::{Config, Localized};
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use crate::yaml;
use serde_yaml::Value;

/// The data file holding the regions, relative to `content/`.
pub const FILE: &str = "regions.yaml";

/// One region.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Region {
    /// Stable ASCII id, used in anchors (`#kakheti`) and in organisations' `regions:`.
    pub id: String,
    /// Name per language.
    pub name: Localized,
    /// Line in regions.yaml.
    #[serde(skip)]
    pub line: usize,
}

/// Read `regions.yaml`: a list of `{id, <lang>: name, ...}`. A name missing in the default
/// language is an error; in another language the default name stands in, and `warnings`
/// gets one message per language.
pub fn parse(
    tf: &TextFile,
    config: &Config,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Region>, Vec<Diagnostic>> {
    let v = yaml::parse(&tf.text, &tf.file, 0, &tf.text).map_err(|d| vec![d])?;
    let Value::Sequence(items) = v else {
        return Err(vec![Diagnostic::error("regions", "regions.yaml should be a list of regions")
            .in_file(&tf.file)
            .at_line(1)
            .with_hint("write one region per entry: `- id: tbilisi` with `ka:` and `en:` names under it")
            .tr("regions-list", &[])]);
    };
    let id_lines: Vec<usize> = tf
        .text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            l.trim_start().starts_with("- id:") || l.trim_start().starts_with("-  id:")
        })
        .map(|(i, _)| i + 1)
        .collect();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut missing = Missing::default();
    for (n, item) in items.iter().enumerate() {
        let line = id_lines.get(n).copied().unwrap_or(1);
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            errors.push(
                Diagnostic::error(
                    "regions",
                    format!(
                        "region {} needs an `id` of lowercase letters, digits and hyphens",
                        n + 1
                    ),
                )
                .in_file(&tf.file)
                .at_line(line)
                .with_source(&tf.text)
                .with_hint("e.g. `- id: kvemo-kartli`")
                .tr("region-id", &[("n", &(n + 1).to_string())]),
            );
            continue;
        }
        let mut name = Localized::default();
        for l in &config.languages {
            match item.get(l.code.as_str()).and_then(Value::as_str) {
                Some(s) => {
                    name.0.insert(l.code.clone(), s.to_string());
                }
                None if l.code != config.default_lang() => missing.add(&l.code, line),
                None => errors.push(
                    Diagnostic::error(
                        "regions",
                        format!("the region `{id}` has no name in {} ({})", l.name, l.code),
                    )
                    .in_file(&tf.file)
                    .at_line(line)
                    .with_source(&tf.text)
                    .with_hint(format!("add `{}: ...` under `- id: {id}`", l.code))
                    .tr(
                        "region-name",
                        &[("id", &id), ("language", &l.name), ("code", &l.code)],
                    ),
                ),
            }
        }
        if out.iter().any(|r: &Region| r.id == id) {
            errors.push(
                Diagnostic::error("regions", format!("the region `{id}` is listed twice"))
                    .in_file(&tf.file)
                    .at_line(line)
                    .with_source(&tf.text)
                    .with_hint("keep one")
                    .tr("region-twice", &[("id", &id)]),
            );
        }
        out.push(Region { id, name, line });
    }
    if errors.is_empty() {
        warnings.extend(missing.warnings(tf, config));
        Ok(out)
    } else {
        Err(errors)
    }
}
