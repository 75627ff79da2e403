//! Alias redirects: a small page at each old address (`aliases:`) that sends the reader on.

use super::{Context, Step};
use crate::diagnostics::{Diagnostic, Mistake, tr};
use crate::html::escape;
use crate::model::{Site, route};
use crate::write::Sink;

/// Writes the redirect pages.
pub struct Aliases;

impl Step for Aliases {
    fn name(&self) -> &'static str {
        "aliases"
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
        let (site, files) = (cx.site, cx.files);
        // Aliases: old addresses that redirect to the page.
        for p in &site.pages {
            for alias in &p.front.aliases {
                let line = p.front.key_lines.get("aliases").copied().unwrap_or(1);
                let (path, from) = match alias_paths(alias, site, files, out) {
                    Ok(paths) => paths,
                    Err(m) => {
                        diags.push(
                            Diagnostic::error("alias", m.message)
                                .in_file(&p.file)
                                .at_line(line)
                                .with_source(&p.text)
                                .with_hint(m.hint)
                                .with_tr(m.tr),
                        );
                        continue;
                    }
                };
                let to = route::link(&from, &p.url, site.config.portable);
                let html = format!(
                    "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={to}\">\n<link rel=\"canonical\" href=\"{to}\">\n</head>\n<body>\n<p><a href=\"{to}\">{title}</a></p>\n</body>\n</html>\n",
                    lang = p.lang,
                    title = escape(&p.front.title),
                    to = escape(&to)
                );
                out.put(path, html.into_bytes());
            }
        }
    }
}

/// The output file and site URL of an alias, or why it cannot have them.
fn alias_paths(
    alias: &str,
    site: &Site,
    files: &std::collections::HashSet<String>,
    out: &Sink,
) -> Result<(String, String), Mistake> {
    let clean = alias.trim().trim_start_matches('/');
    if clean.is_empty() || clean.split('/').any(|s| s == ".." || s == ".") || alias.contains("://")
    {
        return Err(Mistake::new(
            format!("the alias `{alias}` is not an address on this site"),
            "write old addresses as site paths, e.g. `- /old/page/`",
            tr("alias-address", &[("alias", alias)]),
        ));
    }
    let (path, from) = if clean.ends_with(".html") {
        (clean.to_string(), format!("/{clean}"))
    } else {
        let dir = clean.trim_end_matches('/');
        (format!("{dir}/index.html"), format!("/{dir}/"))
    };
    if site.by_url.contains_key(&from) || out.contains(&path) {
        return Err(Mistake::new(
            format!("the alias `{alias}` is the address of another page"),
            "remove the alias, or move the other page",
            tr("alias-page", &[("alias", alias)]),
        ));
    }
    // A folder of the alias is a file of the site (`/style.css` → style.css/index.html).
    let mut dirs = path.match_indices('/').map(|(i, _)| &path[..i]);
    if let Some(file) = dirs.find(|d| files.contains(*d) || out.contains(d)) {
        return Err(Mistake::new(
            format!("the alias `{alias}` is the address of the file `/{file}`"),
            "remove the alias: a file of the site already has that address",
            tr("alias-file", &[("alias", alias), ("file", file)]),
        ));
    }
    Ok((path, from))
}
