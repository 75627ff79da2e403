//! Eligibility self-check: a questionnaire declared in `content/self-check.yaml`, compiled to static pages and JSON.
//!
//! [`prepare`] reads and checks the flow ([`flow`], [`graph`]) and lists every page
//! ([`pages`]), so that links to them resolve; [`SelfCheck::build`] then renders the Markdown
//! and the page views in each language, and the `flow.json` that `check.js` runs in place.

pub mod flow;
pub mod graph;
pub mod lines;
pub mod pages;
pub mod read;
#[cfg(test)]
mod tests;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::frontmatter::FrontMatter;
use crate::model::{Kind, Page, Site};
use crate::render::i18n::Strings;
use crate::render::links::{LinkTable, Target};
use crate::render::markdown::{self, AnchorRef};
use crate::render::views::{LangLink, truncate};
use flow::{Flow, Next, Text};
use pages::{CheckView, Node, Step};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// A checked flow with every page it makes.
pub struct SelfCheck {
    /// The flow.
    pub flow: Flow,
    /// Every question and outcome page, per path.
    pub nodes: Vec<Node>,
    /// The file, for messages.
    file: String,
    /// The file's text, for message source lines.
    text: Arc<str>,
}

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

/// Read and check `content/self-check.yaml`. `None` without the file or with errors.
pub fn prepare(site: &Site) -> (Option<SelfCheck>, Vec<Diagnostic>) {
    let Some(tf) = site.data.get(flow::FILE) else {
        return (None, Vec::new());
    };
    let mut reader = read::Reader::new(tf, &site.config);
    let flow = reader.read();
    let mut diags = reader.diags;
    let Some(flow) = flow.filter(|_| !diags.iter().any(|d| d.severity == Severity::Error)) else {
        return (None, diags);
    };
    let check = SelfCheck {
        nodes: pages::nodes(&flow),
        flow,
        file: tf.file.clone(),
        text: tf.text.clone(),
    };
    if let Some((url, i)) = check
        .urls(&site.config)
        .into_iter()
        .find_map(|u| site.by_url.get(&u).map(|&i| (u, i)))
    {
        let line = crate::yaml::key_line(&tf.text, "path").unwrap_or(1);
        diags.push(
            Diagnostic::error(
                "self-check",
                format!(
                    "the self-check's page {url} has the same address as {}",
                    site.pages[i].file
                ),
            )
            .in_file(&tf.file)
            .at_line(line)
            .with_source(&tf.text)
            .with_hint("give the self-check another `path:`, or move the page"),
        );
        return (None, diags);
    }
    (Some(check), diags)
}

impl SelfCheck {
    /// The start page's site URL in `lang`: `/check/`, `/en/check/`.
    pub fn root(&self, config: &Config, lang: &str) -> String {
        format!("{}{}/", config.lang_prefix(lang), self.flow.path)
    }

    /// Every page's site URL, in every language (to register as routes before links resolve).
    pub fn urls(&self, config: &Config) -> Vec<String> {
        let mut out = Vec::with_capacity((self.nodes.len() + 1) * config.languages.len());
        for l in &config.languages {
            let root = self.root(config, &l.code);
            out.push(root.clone());
            for n in &self.nodes {
                out.push(format!("{root}{}", pages::suffix(&n.path, n.step)));
            }
        }
        out
    }

    /// Render the Markdown `t` (in `lang`) as if on the page at `url`. Messages point into the file.
    fn markdown(
        &self,
        table: &LinkTable<'_>,
        t: &Text,
        lang: &str,
        url: &str,
        built: &mut Built,
        seen: &mut HashSet<(Option<usize>, Option<usize>, String)>,
    ) -> String {
        let dl = table.site.config.default_lang();
        let (line, col) = t.pos.get(lang).copied().unwrap_or((1, 0));
        let page = Page {
            key: self.flow.path.clone(),
            lang: lang.to_string(),
            file: self.file.clone(),
            kind: Kind::Page,
            parent: None,
            front: FrontMatter {
                title: self.flow.title.get(lang, dl),
                ..Default::default()
            },
            text: Arc::from(t.text.get(lang, dl).as_str()),
            body_start: 0,
            body_line: line,
            url: url.to_string(),
        };
        let (r, diags) = markdown::render(&page, table);
        for mut d in diags {
            d.column = d.column.map(|c| c + col);
            let d = d.with_source(&self.text);
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

    /// The regional help list in `lang`: `help:` from the file, else the page using `regions.html`.
    fn help_url(&self, table: &LinkTable<'_>, lang: &str, built: &mut Built) -> Option<String> {
        let site = table.site;
        if let Some((path, line)) = &self.flow.help {
            let page = Page {
                key: self.flow.path.clone(),
                lang: lang.to_string(),
                file: self.file.clone(),
                kind: Kind::Page,
                parent: None,
                front: FrontMatter::default(),
                text: Arc::from(""),
                body_start: 0,
                body_line: 1,
                url: self.root(&site.config, lang),
            };
            return match table.resolve(path, &page) {
                Ok(Target::Internal { url, .. }) => Some(url),
                Ok(Target::External) => Some(path.clone()),
                Err(d) => {
                    if lang == site.config.default_lang() {
                        built
                            .diags
                            .push(d.in_file(&self.file).at_line(*line).with_source(&self.text));
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
                let url = format!("{}{suffix}", self.root(config, &l.code));
                LangLink {
                    href: config.absolute(&url),
                    code: l.code.clone(),
                    name: l.name.clone(),
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
        let dl = config.default_lang();
        let mut built = Built::default();
        let mut seen = HashSet::new();
        for l in &config.languages {
            let lang = l.code.as_str();
            let root = self.root(config, lang);
            let help = self.help_url(table, lang, &mut built);
            // Start page.
            let intro = self.markdown(table, &self.flow.intro, lang, &root, &mut built, &mut seen);
            let other_help = self
                .flow
                .other_help
                .as_ref()
                .map(|t| self.markdown(table, t, lang, &root, &mut built, &mut seen));
            let plain_intro = self.flow.intro.text.get(lang, dl);
            let title = self.flow.title.get(lang, dl);
            built.pages.push(CheckPage {
                lang: lang.to_string(),
                url: root.clone(),
                template: "check-start.html",
                description: truncate(plain_intro.split("\n\n").next().unwrap_or(""), 160),
                indexed: true,
                view: CheckView {
                    step: "start",
                    root_url: root.clone(),
                    flow_url: format!("{root}flow.json"),
                    first_url: format!("{root}q/"),
                    title: title.clone(),
                    intro: Some(intro),
                    other_help,
                    ..Default::default()
                },
                title,
                translations: self.translations(config, lang, ""),
            });
            // Question and outcome pages.
            let mut bodies: BTreeMap<usize, String> = BTreeMap::new();
            for node in &self.nodes {
                let suffix = pages::suffix(&node.path, node.step);
                let url = format!("{root}{suffix}");
                let mut view = pages::path_view(&self.flow, lang, &root, node);
                let (template, description) = match node.step {
                    Step::Question(_) => (
                        "check-question.html",
                        view.hint.clone().unwrap_or_else(|| view.title.clone()),
                    ),
                    Step::Outcome(o) => {
                        let out = &self.flow.outcomes[o];
                        view.body = Some(
                            self.markdown(table, &out.body, lang, &url, &mut built, &mut seen),
                        );
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
            // The same flow as JSON, for check.js.
            let sample = format!("{root}r/1/");
            let json = self.json(table, strings, lang, &bodies, help.as_deref(), &sample);
            built
                .files
                .push((format!("{}flow.json", root.trim_start_matches('/')), json));
        }
        built
    }

    fn json(
        &self,
        table: &LinkTable<'_>,
        strings: &Strings,
        lang: &str,
        bodies: &BTreeMap<usize, String>,
        help: Option<&str>,
        sample_outcome_url: &str,
    ) -> Vec<u8> {
        let config = &table.site.config;
        let dl = config.default_lang();
        let s = |key: &str| {
            strings
                .get(lang, key, &BTreeMap::new())
                .unwrap_or_else(|| key.to_string())
        };
        let questions: Vec<serde_json::Value> = self
            .flow
            .questions
            .iter()
            .map(|q| {
                let answers: Vec<serde_json::Value> = q
                    .answers
                    .iter()
                    .map(|a| match a.next {
                        Some(Next::Question(x)) => {
                            serde_json::json!({"label": a.label.get(lang, dl), "q": x})
                        }
                        Some(Next::Outcome(x)) => {
                            serde_json::json!({"label": a.label.get(lang, dl), "r": x})
                        }
                        None => serde_json::json!({"label": a.label.get(lang, dl)}),
                    })
                    .collect();
                serde_json::json!({
                    "text": q.text.get(lang, dl),
                    "hint": q.hint.as_ref().map(|h| h.get(lang, dl)),
                    "answers": answers,
                })
            })
            .collect();
        let outcomes: Vec<serde_json::Value> = self
            .flow
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| {
                serde_json::json!({
                    "kind": o.kind.name(),
                    "title": o.title.get(lang, dl),
                    "html": bodies.get(&i).cloned().unwrap_or_default(),
                    "help": o.kind == flow::OutcomeKind::Eligible && help.is_some(),
                })
            })
            .collect();
        let doc = serde_json::json!({
            "site_title": config.title.get(lang, dl),
            "first": self.flow.first,
            "help": help.map(|h| crate::model::route::relative(sample_outcome_url, h)),
            "strings": {
                "back": s("check-back"),
                "your_answers": s("check-your-answers"),
                "change": s("check-change"),
                "start_again": s("check-start-again"),
                "help": s("check-help-link"),
            },
            "questions": questions,
            "outcomes": outcomes,
        });
        serde_json::to_vec(&doc).unwrap_or_default()
    }
}
