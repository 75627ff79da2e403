//! Site-wide files: sitemap.xml with hreflang alternates, robots.txt, the bilingual 404 page, alias redirects.

use super::markdown::escape;
use super::templates::template_error;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use crate::model::{Site, route};
use crate::write::Sink;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Add sitemap, robots.txt, 404.html and alias redirects to `out`.
pub fn write(
    site: &Site,
    tera: &tera::Tera,
    templates: &[TextFile],
    files: &std::collections::HashSet<String>,
    out: &Sink,
    diags: &mut Vec<Diagnostic>,
) {
    let c = &site.config;
    // sitemap.xml and robots.txt need absolute addresses.
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if c.base_url.is_some() {
        let mut by_key: BTreeMap<&str, Vec<&crate::model::Page>> = BTreeMap::new();
        for p in &site.pages {
            by_key.entry(p.key.as_str()).or_default().push(p);
        }
        let mut xml = String::with_capacity(site.pages.len() * 400);
        xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for group in by_key.values() {
            for p in group {
                let loc = c.absolute(&p.url).unwrap_or_default();
                let _ = write!(xml, "  <url>\n    <loc>{}</loc>\n", escape(&loc));
                if let Some(d) = p.front.updated.or(p.front.date) {
                    let _ = writeln!(xml, "    <lastmod>{}</lastmod>", d.iso());
                }
                if group.len() > 1 {
                    for t in group {
                        let href = c.absolute(&t.url).unwrap_or_default();
                        let _ = writeln!(
                            xml,
                            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                            t.lang,
                            escape(&href)
                        );
                    }
                    if let Some(d) = group.iter().find(|t| t.lang == c.default_lang()) {
                        let _ = writeln!(
                            xml,
                            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                            escape(&c.absolute(&d.url).unwrap_or_default())
                        );
                    }
                }
                xml.push_str("  </url>\n");
            }
        }
        xml.push_str("</urlset>\n");
        out.put("sitemap.xml".into(), xml.into_bytes());
        let _ = writeln!(
            robots,
            "Sitemap: {}",
            c.absolute("/sitemap.xml").unwrap_or_default()
        );
    } else {
        diags.push(
            Diagnostic::note("no-base-url", "no sitemap.xml was written and feeds carry relative addresses, because the site's address is not known")
                .in_file(crate::config::CONFIG_FILE)
                .with_hint("set `base_url: https://...` in site.yaml, or pass `--base-url` to `campaign build`"),
        );
    }
    out.put("robots.txt".into(), robots.into_bytes());

    // One root 404 page in every language (most hosts serve only the root one).
    if tera.contains_template("404.html") {
        let mut ctx = tera::Context::new();
        ctx.insert("lang", c.default_lang());
        ctx.insert("current_url", "/404.html");
        ctx.insert("link_base", &c.base_path());
        let langs: Vec<serde_json::Value> = c
            .languages
            .iter()
            .map(|l| serde_json::json!({"code": l.code, "name": l.name, "home": c.lang_prefix(&l.code), "title": c.title.get(&l.code, c.default_lang())}))
            .collect();
        ctx.insert("languages", &langs);
        ctx.insert("site", &serde_json::json!({"title": c.title.get(c.default_lang(), c.default_lang()), "base_url": c.base_url, "default_lang": c.default_lang()}));
        match tera.render("404.html", &ctx) {
            Ok(html) => out.put("404.html".into(), html.into_bytes()),
            Err(e) => diags.push(template_error(&e, templates)),
        }
    }

    // Aliases: old addresses that redirect to the page.
    for p in &site.pages {
        for alias in &p.front.aliases {
            let line = p.front.key_lines.get("aliases").copied().unwrap_or(1);
            let (path, from) = match alias_paths(alias, site, files, out) {
                Ok(paths) => paths,
                Err((message, hint)) => {
                    diags.push(
                        Diagnostic::error("alias", message)
                            .in_file(&p.file)
                            .at_line(line)
                            .with_source(&p.text)
                            .with_hint(hint),
                    );
                    continue;
                }
            };
            let to = route::relative(&from, &p.url);
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

/// The output file and site URL of an alias, or why it cannot have them (message, hint).
fn alias_paths(
    alias: &str,
    site: &Site,
    files: &std::collections::HashSet<String>,
    out: &Sink,
) -> Result<(String, String), (String, &'static str)> {
    let clean = alias.trim().trim_start_matches('/');
    if clean.is_empty() || clean.split('/').any(|s| s == ".." || s == ".") || alias.contains("://")
    {
        return Err((
            format!("the alias `{alias}` is not an address on this site"),
            "write old addresses as site paths, e.g. `- /old/page/`",
        ));
    }
    let (path, from) = if clean.ends_with(".html") {
        (clean.to_string(), format!("/{clean}"))
    } else {
        let dir = clean.trim_end_matches('/');
        (format!("{dir}/index.html"), format!("/{dir}/"))
    };
    if site.by_url.contains_key(&from) || out.contains(&path) {
        return Err((
            format!("the alias `{alias}` is the address of another page"),
            "remove the alias, or move the other page",
        ));
    }
    // A folder of the alias is a file of the site (`/style.css` → style.css/index.html).
    let mut dirs = path.match_indices('/').map(|(i, _)| &path[..i]);
    if let Some(file) = dirs.find(|d| files.contains(*d) || out.contains(d)) {
        return Err((
            format!("the alias `{alias}` is the address of the file `/{file}`"),
            "remove the alias: a file of the site already has that address",
        ));
    }
    Ok((path, from))
}
