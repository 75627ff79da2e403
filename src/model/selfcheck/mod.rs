//! The eligibility self-check as data: a questionnaire declared in `content/self-check.yaml`,
//! read ([`read`]), its ids resolved and its graph checked ([`graph`]), and every page it
//! makes listed ([`pages`]), so that its addresses join the site's one URL registry. Render
//! writes its pages and `flow.json` (`render::selfcheck`).

pub mod flow;
pub mod graph;
mod item;
pub mod lines;
mod notes;
pub mod pages;
pub mod read;
#[cfg(test)]
mod tests;
mod what;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load::TextFile;
use flow::Flow;
use notes::Notes;
use pages::Node;
use std::sync::Arc;

/// A checked flow with every page it makes.
#[derive(Debug, Clone)]
pub struct SelfCheck {
    /// The flow.
    pub flow: Flow,
    /// Every question and outcome page, per path.
    pub nodes: Vec<Node>,
    /// The file, for messages.
    pub file: String,
    /// The file's text, for message source lines.
    pub text: Arc<str>,
}

/// Read the flow in `tf` and resolve its ids; the flow is `None` when it cannot be read.
pub fn read_flow(tf: &TextFile, config: &Config) -> (Option<Flow>, Vec<Diagnostic>) {
    let mut reader = read::Reader::new(tf, config);
    let unlinked = reader.read();
    let mut notes = Notes {
        tf,
        diags: reader.notes.diags,
    };
    let flow = unlinked.map(|u| {
        let mut flow = u.flow;
        graph::link(&mut notes, &mut flow, u.first.as_deref(), u.first_line);
        flow
    });
    (flow, notes.diags)
}

/// What reading the self-check file gave.
pub struct Prepared {
    /// The checked self-check; `None` when it has errors.
    pub check: Option<SelfCheck>,
    /// Its `path:`, when that could be read, even if the rest has errors: links to its start
    /// page are then not reported as broken too (one mistake, one message).
    pub path: Option<String>,
    /// Its messages.
    pub diags: Vec<Diagnostic>,
}

/// Read and check the self-check file.
pub fn prepare(tf: &TextFile, config: &Config) -> Prepared {
    let (flow, diags) = read_flow(tf, config);
    let path = flow
        .as_ref()
        .map(|f| f.path.clone())
        .filter(|p| !p.is_empty());
    if crate::diagnostics::has_errors(&diags) {
        return Prepared {
            check: None,
            path,
            diags,
        };
    }
    let Some(flow) = flow else {
        return Prepared {
            check: None,
            path,
            diags,
        };
    };
    let check = SelfCheck {
        nodes: pages::nodes(&flow),
        flow,
        file: tf.file.clone(),
        text: tf.text.clone(),
    };
    Prepared {
        check: Some(check),
        path,
        diags,
    }
}

/// The start page's site URL in `lang` of a self-check at `path`: `/check/`, `/en/check/`.
pub fn root_url(config: &Config, lang: &str, path: &str) -> String {
    format!("{}{path}/", config.lang_prefix(lang))
}

impl SelfCheck {
    /// The start page's site URL in `lang`: `/check/`, `/en/check/`.
    pub fn root(&self, config: &Config, lang: &str) -> String {
        root_url(config, lang, &self.flow.path)
    }

    /// Every page's site URL, in every language.
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

    /// The error for a self-check page on the address of a page file.
    pub fn clash(&self, url: &str, page_file: &str) -> Diagnostic {
        let line = crate::yaml::key_line(&self.text, "path").unwrap_or(1);
        Diagnostic::error(
            "self-check",
            format!("the self-check's page {url} has the same address as {page_file}"),
        )
        .in_file(&self.file)
        .at_line(line)
        .with_source(&self.text)
        .with_hint("give the self-check another `path:`, or move the page")
        .tr("self-check-clash", &[("url", url), ("file", page_file)])
    }
}
