//! The self-check's render step: its Markdown texts as HTML (links checked like a page's),
//! one page per question and outcome on every path in every language, and the `flow.json`
//! that `check.js` runs in place. The flow itself is model (`model::selfcheck`).

mod json;
pub mod views;

use super::body::AnchorRef;
use super::i18n::Strings;
use super::links::{LinkTable, Target};
use super::markdown;
use super::views::{LangLink, truncate};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load::frontmatter::FrontMatter;
use crate::model::selfcheck::SelfCheck;
use crate::model::selfcheck::flow::{self, Text};
use crate::model::selfcheck::pages::{self, Step};
use crate::model::{Kind, Page};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use views::CheckView;

/// Messages already given (line, column, text): a text used on many pages is reported once.
type Seen = HashSet<(Option<usize>, Option<usize>, String)>;

/// One self-check page in one language, ready for its template.
pub struct CheckPage {
    /// Language code.
    pub lang: String,
    /// Site URL.
    pub url: String,
    /// `check-start.html`, `check-question.html` or `check-outcome.html`.
    pub template: &'static str,
    /// The page title (the heading).
    pub title: String,
    /// The meta description.
    pub description: String,
    /// The start page is indexed; question and outcome pages are not.
    pub indexed: bool,
    /// What the template receives as `check`.
    pub view: CheckView,
    /// The language switcher: the same place in every language.
    pub translations: Vec<LangLink>,
}

/// Everything the self-check adds to a build.
#[derive(Default)]
pub struct Built {
    /// The pages, to render with templates.
    pub pages: Vec<CheckPage>,
    /// Other files: (output path, bytes), e.g. `check/flow.json`.
    pub files: Vec<(String, Vec<u8>)>,
    /// Links to anchors in other pages, to check once every page is rendered.
    pub anchors: Vec<AnchorRef>,
    /// Messages (broken links in the Markdown, ...).
    pub diags: Vec<Diagnostic>,
}

/// The self-check's render: its texts as HTML, its pages' views, its `flow.json`.
pub struct Render<'a> {
    /// The checked flow.
    pub check: &'a SelfCheck,
}

impl Render<'_> {
    /// Render the Markdown `t` (in `lang`) as if on the page at `url`. Messages point into the file.
    fn markdown(
        &self,
        table: &LinkTable<'_>,
        t: &Text,
        lang: &str,
        url: &str,
        built: &mut Built,
        seen: &mut Seen,
    ) -> String {
        let dl = table.site.config.default_lang();
        let (line, col) = t
            .pos
            .get(lang)
            .or_else(|| t.pos.get(dl))
            .copied()
            .unwrap_or((1, 0));
        let mut page = self.stand_in(lang, url, &t.text.get(lang, dl), line);
        page.front.title = self.check.flow.title.get(lang, dl);
        let (r, diags) = markdown::render(&page, table);
        for mut d in diags {
            d.column = d.column.map(|c| c + col);
            let d = d.with_source(&self.check.text);
            if seen.insert((d.line, d.column, d.message.clone())) {
                built.diags.push(d);
            }
        }
        for mut a in r.anchors {
            a.column += col;
            if !built
                .anchors
                .iter()
                .any(|b| b.line == a.line && b.anchor == a.anchor)
            {
                built.anchors.push(a);
            }
        }
        r.html
    }

    /// A page of the self-check's file at `url` in `lang`, with `text` (starting at `line`)
    /// as its body: what Markdown and link resolution take.
    fn stand_in(&self, lang: &str, url: &str, text: &str, line: usize) -> Page {
        Page {
            fallback: None,
            key: self.check.flow.path.clone(),
            lang: lang.to_string(),
            file: self.check.file.clone(),
            kind: Kind::Page,
            parent: None,
            content: Default::default(),
            front: FrontMatter::default(),
            text: Arc::from(text),
            whole: None,
            fingerprint: String::new(),
            body_start: 0,
            body_line: line,
            url: url.to_string(),
        }
    }

    /// The regional help list in `lang`: `help:` from the file, else the page using `regions.html`.
    fn help_url(&self, table: &LinkTable<'_>, lang: &str, built: &mut Built) -> Option<String> {
        let site = table.site;
        if let Some((path, line)) = &self.check.flow.help {
            let page = self.stand_in(lang, &self.check.root(&site.config, lang), "", 1);
            return match table.resolve(path, &page) {
                Ok(Target::Internal { url, .. }) => Some(url),
                Ok(Target::External) => Some(path.clone()),
                Err(d) => {
                    if lang == site.config.default_lang() {
                        built.diags.push(
                            d.in_file(&self.check.file)
                                .at_line(*line)
                                .with_source(&self.check.text),
                        );
                    }
                    None
                }
            };
        }
        site.pages
            .iter()
            .find(|p| p.lang == lang && crate::render::template_for(p, site) == "regions.html")
            .map(|p| p.url.clone())
    }

    fn translations(&self, config: &Config, lang: &str, suffix: &str) -> Vec<LangLink> {
        config
            .languages
            .iter()
            .map(|l| {
                let url = format!("{}{suffix}", self.check.root(config, &l.code));
                LangLink {
                    href: config.absolute(&url),
                    code: l.code.clone(),
                    name: l.name.clone(),
                    dir: l.dir.clone(),
                    exists: true,
                    current: l.code == lang,
                    url,
                }
            })
            .collect()
    }

    /// The pages and `flow.json` of every language.
    pub fn build(&self, table: &LinkTable<'_>, strings: &Strings) -> Built {
        let config = &table.site.config;
        let mut built = Built::default();
        let mut seen = HashSet::new();
        for l in &config.languages {
            let lang = l.code.as_str();
            let root = self.check.root(config, lang);
            let help = self.help_url(table, lang, &mut built);
            let start = self.start_page(table, lang, &root, &mut built, &mut seen);
            built.pages.push(start);
            let bodies = self.path_pages(table, lang, &root, &help, &mut built, &mut seen);
            // The same flow as JSON, for check.js.
            let sample = format!("{root}r/1/");
            let json = self.json(table, strings, lang, &bodies, help.as_deref(), &sample);
            built
                .files
                .push((format!("{}flow.json", root.trim_start_matches('/')), json));
        }
        built
    }

    /// The start page in `lang`: title, introduction, other help.
    fn start_page(
        &self,
        table: &LinkTable<'_>,
        lang: &str,
        root: &str,
        built: &mut Built,
        seen: &mut Seen,
    ) -> CheckPage {
        let config = &table.site.config;
        let dl = config.default_lang();
        let flow = &self.check.flow;
        let intro = self.markdown(table, &flow.intro, lang, root, built, seen);
        let other_help = flow
            .other_help
            .as_ref()
            .map(|t| self.markdown(table, t, lang, root, built, seen));
        let title = flow.title.get(lang, dl);
        CheckPage {
            lang: lang.to_string(),
            url: root.to_string(),
            template: "check-start.html",
            description: truncate(&intro_lead(flow, lang, dl), 160),
            indexed: true,
            view: CheckView {
                step: "start",
                root_url: root.to_string(),
                flow_url: format!("{root}flow.json"),
                first_url: format!("{root}q/"),
                title: title.clone(),
                intro: Some(intro),
                other_help,
                ..Default::default()
            },
            title,
            translations: self.translations(config, lang, ""),
        }
    }

    /// The question and outcome pages in `lang`, on every path; returns each outcome's body
    /// as HTML (for flow.json).
    fn path_pages(
        &self,
        table: &LinkTable<'_>,
        lang: &str,
        root: &str,
        help: &Option<String>,
        built: &mut Built,
        seen: &mut Seen,
    ) -> BTreeMap<usize, String> {
        let config = &table.site.config;
        let mut bodies: BTreeMap<usize, String> = BTreeMap::new();
        for node in &self.check.nodes {
            let suffix = pages::suffix(&node.path, node.step);
            let url = format!("{root}{suffix}");
            let mut view = views::path_view(&self.check.flow, lang, root, node);
            let (template, description) = match node.step {
                Step::Question(_) => (
                    "check-question.html",
                    view.hint.clone().unwrap_or_else(|| view.title.clone()),
                ),
                Step::Outcome(o) => {
                    let out = &self.check.flow.outcomes[o];
                    view.body = Some(self.markdown(table, &out.body, lang, &url, built, seen));
                    bodies
                        .entry(o)
                        .or_insert_with(|| view.body.clone().unwrap_or_default());
                    if out.kind == flow::OutcomeKind::Eligible {
                        view.help_url = help.clone();
                    }
                    ("check-outcome.html", view.title.clone())
                }
            };
            built.pages.push(CheckPage {
                lang: lang.to_string(),
                title: view.title.clone(),
                url,
                template,
                description,
                indexed: false,
                view,
                translations: self.translations(config, lang, &suffix),
            });
        }
        bodies
    }
}

/// The first paragraph of the start page's text in `lang` (else in `dl`), as written: the
/// start page's description.
pub fn intro_lead(flow: &flow::Flow, lang: &str, dl: &str) -> String {
    let intro = flow.intro.text.get(lang, dl);
    intro.split("\n\n").next().unwrap_or("").to_string()
}

/// Render one self-check page with its template (`check-start.html`, ...).
pub fn page(
    cp: &CheckPage,
    sh: &super::page::Shared<'_>,
) -> Result<super::page::Files, Diagnostic> {
    let site = sh.site;
    let file = site
        .data
        .get(flow::FILE)
        .map(|tf| tf.file.clone())
        .unwrap_or_default();
    if !sh.tera.contains_template(cp.template) {
        return Err(Diagnostic::error(
            "template",
            format!("the self-check needs the template `{}`, which the theme does not have", cp.template),
        )
        .in_file(&file)
        .with_hint("copy check-start.html, check-question.html, check-outcome.html and check-summary.html from the default theme into templates/")
        .tr("self-check-template", &[("template", cp.template)]));
    }
    let view = serde_json::json!({
        "title": cp.title,
        "description": cp.description,
        "url": cp.url,
        "permalink": if cp.indexed { site.config.absolute(&cp.url) } else { None },
        "kind": "page",
        "key": cp.url.trim_matches('/'),
        "lang": cp.lang,
        "date": serde_json::Value::Null,
        "image": serde_json::Value::Null,
        "extra": {},
        "headings": [],
    });
    let mut ctx = super::page::base_context(sh, &cp.lang, &cp.url, &view, &cp.translations);
    ctx.insert("check", &cp.view);
    match sh.tera.render(cp.template, &ctx) {
        Ok(html) => Ok(vec![(
            format!("{}index.html", cp.url.trim_start_matches('/')),
            html.into_bytes(),
        )]),
        Err(e) => Err(super::templates::template_error(&e, sh.templates)),
    }
}
