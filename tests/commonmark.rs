//! What you write is what readers get (issue 19, item 7): every example of the CommonMark
//! spec (npm `commonmark-spec`, installed from package.json) goes through campaign's Markdown
//! writer, and its HTML, normalised as the spec's own test normaliser does, must equal the
//! spec's, or differ only in the ways campaign means to, listed by reason and example number
//! in `commonmark/by_design.rs` (and the list may not name an example that needs less).
//!
//! The examples are pages of one test site (`content/e<N>/_index.md`, address `/e<N>/`),
//! read and modelled by the library as a build does, and each page's body is written by
//! `render::markdown::render`, the pipeline's own entry point. The library rather than the
//! command line because the spec's links point at addresses the site does not have (`/uri`,
//! `foo`): campaign reports those as broken links (a real build stops there) and writes them
//! as the editor wrote them, which is what is compared. Those messages are expected, and so
//! are two more campaign gives editors on purpose, with the HTML still the spec's: a link
//! with no address (`[link]()`, nearly always a forgotten one) and an image without alt text.
//! Any other message, and any panic, fails the example.
//! The images the spec shows are there: `/url`, `/url2`, `/path/to/train.jpg`, and beside
//! each page with an image `url`, `uri3`, `moon.jpg` and `train.jpg` (the JPEGs real photos).
//! A missing spec fails the test: run `npm install --ignore-scripts` first (CI does).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "commonmark/by_design.rs"]
mod by_design;
#[path = "commonmark/normalize.rs"]
mod normalize;
#[path = "commonmark/spec.rs"]
mod spec;

use by_design::{BY_DESIGN, KNOWN, Reason};
use campaign::model::{ModelOptions, Site};
use campaign::render::links::LinkTable;
use normalize::{Node, normalize, to_string};
use spec::Example;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// Messages the spec's examples are expected to give in the test site.
const EXPECTED_MESSAGES: &[&str] = &["broken-link", "empty-link", "image-alt"];

/// The spec's examples, or a failure saying how to get them.
fn examples() -> Vec<Example> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/commonmark-spec/spec.txt");
    spec::read(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// The test site: one page per example, and the files its images show.
struct Fixture {
    _dir: tempfile::TempDir,
    site: Site,
    files: HashSet<String>,
    media: campaign::media::Media,
}

impl Fixture {
    fn new(examples: &[Example]) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join("site.yaml"), "title: T\nlanguages: [en]\n").unwrap();
        std::fs::write(root.join("content/_index.md"), "---\ntitle: Home\n---\n").unwrap();
        let photo = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/site-media/static/images/rotated.jpg"),
        )
        .unwrap();
        let mut files: HashSet<String> = ["url", "url2", "path/to/train.jpg"]
            .map(String::from)
            .into();
        for e in examples {
            let folder = root.join(format!("content/e{}", e.number));
            std::fs::create_dir_all(&folder).unwrap();
            let page = format!("---\ntitle: Example {}\n---\n{}", e.number, e.markdown);
            std::fs::write(folder.join("_index.md"), page).unwrap();
            if e.markdown.contains("![") {
                for name in ["url", "uri3", "moon.jpg", "train.jpg"] {
                    files.insert(format!("e{}/{name}", e.number));
                }
            }
        }
        let photos = files
            .iter()
            .filter(|f| f.ends_with(".jpg"))
            .map(|f| (f.clone(), Arc::new(photo.clone())))
            .collect::<HashMap<_, _>>();
        let src = campaign::load::load(root);
        assert!(src.diagnostics.is_empty(), "{:?}", src.diagnostics);
        let opts = ModelOptions {
            drafts: false,
            today: campaign::date::Date::today_tbilisi(),
        };
        let (site, diags) = campaign::model::build(&src, &opts);
        assert!(!campaign::diagnostics::has_errors(&diags), "{diags:?}");
        Fixture {
            _dir: dir,
            site: site.unwrap(),
            files,
            media: campaign::media::Media::new(photos),
        }
    }

    /// The normalised HTML campaign writes for example `n`, and its page's address; what
    /// went wrong otherwise.
    fn render(&self, n: usize) -> Result<(Vec<Node>, String), String> {
        let words = HashMap::new();
        let table = LinkTable {
            site: &self.site,
            files: &self.files,
            media: &self.media,
            words: &words,
        };
        let file = format!("content/e{n}/_index.md");
        let page = self
            .site
            .pages
            .iter()
            .find(|p| p.file == file)
            .ok_or("no page")?;
        // The body is read again from disk, as the render does.
        let page = page.whole().map_err(|d| d.message.to_string())?;
        let page = page.as_ref();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            campaign::render::markdown::render(page, &table)
        }));
        let (rendered, diags) = run.map_err(|_| "campaign panicked".to_string())?;
        let unexpected: Vec<String> = diags
            .iter()
            .filter(|d| !EXPECTED_MESSAGES.contains(&d.code.as_ref()))
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        if !unexpected.is_empty() {
            return Err(unexpected.join("; "));
        }
        Ok((normalize(&rendered.html), page.url.clone()))
    }
}

/// The reasons example `n` is listed under.
fn listed(n: usize) -> Vec<Reason> {
    BY_DESIGN
        .iter()
        .filter(|(_, ns)| ns.contains(&n))
        .map(|(r, _)| *r)
        .collect()
}

/// Whether `got` equals `want` once `reasons` are undone on both.
fn equal_without(reasons: &[Reason], got: &[Node], want: &[Node], page: &str) -> bool {
    let (mut got, mut want) = (got.to_vec(), want.to_vec());
    for r in reasons {
        r.undo(&mut got, page);
        r.undo(&mut want, page);
    }
    // Undoing may leave text beside text: compare as written out.
    to_string(&got) == to_string(&want)
}

/// What is wrong with example `e`, if anything.
fn verdict(e: &Example, got: &[Node], page: &str) -> Option<String> {
    let want = normalize(&e.html);
    let reasons = listed(e.number);
    let known = KNOWN.iter().any(|(_, ns)| ns.contains(&e.number));
    let identical = equal_without(&[], got, &want, page);
    if identical {
        return (!reasons.is_empty() || known).then(|| "is identical but listed".to_string());
    }
    if known {
        return None;
    }
    if !equal_without(&reasons, got, &want, page) {
        let hint = match minimal(got, &want, page) {
            Some(rs) => format!("if that is by design, list it under {rs:?}"),
            None => "no by-design reason explains it: fix it, or list it in KNOWN with why".into(),
        };
        let beyond = if reasons.is_empty() {
            String::new()
        } else {
            format!(" beyond {reasons:?}")
        };
        return Some(format!(
            "differs{beyond}\n  spec:     {}\n  campaign: {}\n  ({hint})",
            to_string(&want),
            to_string(got),
        ));
    }
    for (i, r) in reasons.iter().enumerate() {
        let mut others = reasons.clone();
        others.remove(i);
        if equal_without(&others, got, &want, page) {
            return Some(format!("is listed under {r:?} but does not need it"));
        }
    }
    None
}

/// The smallest set of reasons that explains the difference, if any does.
fn minimal(got: &[Node], want: &[Node], page: &str) -> Option<Vec<Reason>> {
    (1u32..1 << Reason::ALL.len())
        .map(|mask| {
            Reason::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, r)| r)
                .collect::<Vec<_>>()
        })
        .filter(|rs| equal_without(rs, got, want, page))
        .min_by_key(Vec::len)
}

#[test]
fn every_spec_example_is_as_the_spec_says_or_differs_by_design() {
    let examples = examples();
    assert!(
        examples.len() > 600,
        "only {} examples in the spec",
        examples.len()
    );
    let fixture = Fixture::new(&examples);
    let mut failures = Vec::new();
    let mut identical = 0;
    for e in &examples {
        let problem = match fixture.render(e.number) {
            Ok((got, page)) => {
                identical += usize::from(equal_without(&[], &got, &normalize(&e.html), &page));
                verdict(e, &got, &page)
            }
            Err(why) => Some(why),
        };
        if let Some(p) = problem {
            failures.push(format!(
                "example {} ({}): {p}\n  markdown: {:?}",
                e.number, e.section, e.markdown
            ));
        }
    }
    let by_design: Vec<String> = BY_DESIGN
        .iter()
        .map(|(r, ns)| format!("{r:?} {}", ns.len()))
        .collect();
    let known: usize = KNOWN.iter().map(|(_, ns)| ns.len()).sum();
    eprintln!(
        "{} spec examples: {identical} identical; by design: {}; known differences: {known}",
        examples.len(),
        by_design.join(", ")
    );
    assert!(
        failures.is_empty(),
        "{} of {} examples:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_names_real_examples_once_per_reason() {
    let count = examples().len();
    for (reason, ns) in BY_DESIGN {
        assert_eq!(
            BY_DESIGN.iter().filter(|(r, _)| r == reason).count(),
            1,
            "{reason:?} twice"
        );
        assert!(
            ns.windows(2).all(|w| w[0] < w[1]),
            "{reason:?}: not in increasing order"
        );
        assert!(
            ns.iter().all(|n| (1..=count).contains(n)),
            "{reason:?}: not an example"
        );
    }
    for (why, ns) in KNOWN {
        assert!(
            ns.iter().all(|n| listed(*n).is_empty()),
            "{why}: also listed as by design"
        );
    }
}
