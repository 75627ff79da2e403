//! The regional directory: organisations must name regions that `content/regions.yaml` has,
//! and every region should have an organisation that serves it.

use super::{SiteFacts, SiteLint};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::Page;
use crate::model::regions::Region;

/// Errors for unknown regions, warnings for regions nobody serves.
pub struct RegionsServed;

impl SiteLint for RegionsServed {
    fn check(&self, cx: &SiteFacts<'_>, out: &mut Vec<Diagnostic>) {
        let site = cx.site;
        check_served(&site.pages, &site.regions, &site.config, out);
    }
}

/// Errors for organisations naming a region that regions.yaml does not have, and warnings
/// for regions that no organisation (in the default language) serves.
fn check_served(pages: &[Page], regions: &[Region], config: &Config, out: &mut Vec<Diagnostic>) {
    let mut served = std::collections::HashSet::new();
    let known: Vec<&str> = regions.iter().map(|r| r.id.as_str()).collect();
    for p in pages {
        let Some(org) = p.content.organisation() else {
            continue;
        };
        for id in &org.regions {
            if !known.contains(&id.as_str()) {
                out.push(
                    Diagnostic::error(
                        "unknown-region",
                        format!("`{id}` is not a region in content/regions.yaml"),
                    )
                    .in_file(&p.file)
                    .at_line(p.front.key_lines.get("regions").copied().unwrap_or(1))
                    .with_source(&p.text)
                    .with_hint(format!("use one of: {}", known.join(", ")))
                    .tr(
                        "unknown-region",
                        &[("id", id), ("known", &known.join(", "))],
                    ),
                );
            } else if p.lang == config.default_lang() {
                served.insert(id.as_str());
            }
        }
    }
    let dl = config.default_lang();
    for r in regions.iter().filter(|r| !served.contains(r.id.as_str())) {
        out.push(
            Diagnostic::warning(
                "region-uncovered",
                format!(
                    "no organisation serves the region `{}` ({})",
                    r.id,
                    r.name.get(dl, dl)
                ),
            )
            .in_file("content/regions.yaml")
            .with_hint("add the region's id to `regions:` of the organisation that serves it")
            .tr(
                "region-uncovered",
                &[("id", &r.id), ("name", &r.name.get(dl, dl))],
            ),
        );
    }
}
