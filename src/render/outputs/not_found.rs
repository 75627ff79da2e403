//! The root 404 page, in every language (most hosts serve only the root one).

use super::{Context, Step};
use crate::diagnostics::Diagnostic;
use crate::render::templates::template_error;
use crate::write::Sink;

/// Writes 404.html when the theme has the template.
pub struct NotFound;

impl Step for NotFound {
    fn name(&self) -> &'static str {
        "404 page"
    }

    fn write(&self, cx: &Context<'_>, out: &Sink, diags: &mut Vec<Diagnostic>) {
        let (c, tera, templates) = (&cx.site.config, cx.tera, &cx.src.templates);
        // One root 404 page in every language (most hosts serve only the root one).
        if tera.contains_template("404.html") {
            let mut ctx = tera::Context::new();
            ctx.insert("lang", c.default_lang());
            ctx.insert("dir", &c.dir(c.default_lang()));
            ctx.insert("current_url", "/404.html");
            ctx.insert("link_base", &c.base_path());
            let langs: Vec<serde_json::Value> = c
            .languages
            .iter()
            .map(|l| serde_json::json!({"code": l.code, "name": l.name, "dir": l.dir, "home": c.lang_prefix(&l.code), "title": c.title.get(&l.code, c.default_lang())}))
            .collect();
            ctx.insert("languages", &langs);
            ctx.insert("site", &serde_json::json!({"title": c.title.get(c.default_lang(), c.default_lang()), "base_url": c.base_url, "default_lang": c.default_lang()}));
            match tera.render("404.html", &ctx) {
                Ok(html) => out.put("404.html".into(), html.into_bytes()),
                Err(e) => diags.push(template_error(&e, templates)),
            }
        }
    }
}
