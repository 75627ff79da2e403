//! `check --external`: external links checked over the network, politely (timeout,
//! a few at a time, a clear user agent), each URL once.

use crate::diagnostics::{Diagnostic, line_col};
use crate::load::Sources;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

/// Requests at the same time.
pub const CONCURRENCY: usize = 6;
/// Time allowed for one URL.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The user agent sent with every request.
pub const USER_AGENT: &str = concat!(
    "campaign-link-checker/",
    env!("CARGO_PKG_VERSION"),
    " (checks links of a public information site; one request per URL)"
);

/// Every http(s) link in the site's pages: URL → places (file, line).
pub fn collect(src: &Sources) -> BTreeMap<String, Vec<(String, usize)>> {
    let mut out: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for page in &src.pages {
        // A page changed or gone since the site was read is checked as far as it was kept.
        let text = page.whole_text().unwrap_or_else(|_| page.text.clone());
        let text = &*text;
        for (event, range) in Parser::new_ext(text, Options::all()).into_offset_iter() {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event
                && (dest_url.starts_with("http://") || dest_url.starts_with("https://"))
            {
                let (line, _) = line_col(text, range.start);
                out.entry(dest_url.to_string())
                    .or_default()
                    .push((page.file.clone(), line));
            }
        }
    }
    out
}

/// Check every URL; a failure becomes a warning at each place the URL is used.
pub fn check(links: &BTreeMap<String, Vec<(String, usize)>>) -> Vec<Diagnostic> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .max_redirects(5)
        .build()
        .into();
    let queue: Mutex<Vec<&String>> = Mutex::new(links.keys().collect());
    let results: Mutex<Vec<(String, Dead)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..CONCURRENCY.min(links.len().max(1)) {
            s.spawn(|| {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.pop());
                    let Some(url) = next else { break };
                    if let Some(problem) = probe(&agent, url)
                        && let Ok(mut r) = results.lock()
                    {
                        r.push((url.clone(), problem));
                    }
                }
            });
        }
    });
    let mut out = Vec::new();
    for (url, dead) in results.into_inner().unwrap_or_default() {
        let status = dead.status().to_string();
        let secs = TIMEOUT.as_secs().to_string();
        for (file, line) in &links[&url] {
            out.push(
                Diagnostic::warning(
                    "external-link",
                    format!("the link `{url}` does not work: {}", dead.english()),
                )
                .in_file(file)
                .at_line(*line)
                .with_hint("check the address in a browser; fix it or remove the link")
                .tr(
                    "external-link",
                    &[
                        ("url", &url),
                        ("why", dead.kind()),
                        ("status", &status),
                        ("seconds", &secs),
                    ],
                ),
            );
        }
    }
    out
}

/// Why an external link does not work.
#[derive(Debug, Clone, Copy)]
enum Dead {
    /// 404 or 410.
    Missing,
    /// Another HTTP error status.
    Status(u16),
    /// No answer within [`TIMEOUT`].
    Timeout,
    /// The host name does not exist.
    NoHost,
    /// No connection.
    Unreachable,
}

impl Dead {
    /// Its catalogue kind (the `why` of `external-link`).
    fn kind(self) -> &'static str {
        match self {
            Dead::Missing => "missing",
            Dead::Status(_) => "status",
            Dead::Timeout => "timeout",
            Dead::NoHost => "no-host",
            Dead::Unreachable => "unreachable",
        }
    }

    /// The HTTP status, 0 when there is none.
    fn status(self) -> u16 {
        match self {
            Dead::Status(s) => s,
            _ => 0,
        }
    }

    /// In plain English words.
    fn english(self) -> String {
        match self {
            Dead::Missing => "the page is not there (HTTP 404)".into(),
            Dead::Status(s) => format!("the site answered with an error (HTTP {s})"),
            Dead::Timeout => format!("no answer within {} seconds", TIMEOUT.as_secs()),
            Dead::NoHost => "the site's name does not exist".into(),
            Dead::Unreachable => "the site cannot be reached".into(),
        }
    }
}

/// `None` when the URL answers fine, else why not.
fn probe(agent: &ureq::Agent, url: &str) -> Option<Dead> {
    let status = match agent.head(url).call() {
        Ok(r) if matches!(r.status().as_u16(), 405 | 501) => {
            agent.get(url).call().map(|r| r.status().as_u16())
        }
        Ok(r) => Ok(r.status().as_u16()),
        Err(e) => Err(e),
    };
    match status {
        Ok(s) if s < 400 => None,
        Ok(404) | Ok(410) => Some(Dead::Missing),
        Ok(s) => Some(Dead::Status(s)),
        Err(ureq::Error::Timeout(_)) => Some(Dead::Timeout),
        Err(ureq::Error::HostNotFound) => Some(Dead::NoHost),
        Err(_) => Some(Dead::Unreachable),
    }
}
