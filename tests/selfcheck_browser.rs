//! The bundled self-check in a real browser (headless Chromium through chromedriver), served
//! over HTTP with a strict Content-Security-Policy: readers answer the questions to every
//! outcome with JavaScript off and on, in Georgian and English, and the outcome matches the
//! programme's rules. With JavaScript on, the script must show exactly what the static pages
//! show, without page loads; Back, and switching language mid-check, keep the reader's place.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::{Client, Locator};
use serde_yaml::Value;
use std::collections::HashMap;
use std::time::Duration;
use support::browser::{Driver, serve};

/// An answer a reader gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum A {
    Yes,
    No,
    NotSure,
}

/// A reader's situation: the facts the programme's rules look at.
#[derive(Debug, Clone, Copy)]
struct Reader {
    /// Refugee or humanitarian status in Georgia.
    refugee: A,
    /// Citizen of Georgia, or stateless with status in Georgia.
    citizen: A,
    /// Has come back to Georgia.
    returned: A,
    /// Stayed abroad without legal status for more than a year.
    irregular: A,
    /// Applied for, or had, asylum abroad.
    asylum: A,
    /// Came back less than a year ago (registration within one year of return).
    recent: A,
}

/// Three-valued logic: `Yes`/`No` when the answers decide, `NotSure` when they do not.
fn and(a: A, b: A) -> A {
    match (a, b) {
        (A::No, _) | (_, A::No) => A::No,
        (A::Yes, A::Yes) => A::Yes,
        _ => A::NotSure,
    }
}

fn or(a: A, b: A) -> A {
    match (a, b) {
        (A::Yes, _) | (_, A::Yes) => A::Yes,
        (A::No, A::No) => A::No,
        _ => A::NotSure,
    }
}

/// The outcome kind the programme's rules give (content-facts.md): refugees and persons with
/// humanitarian status go to the Integration Centre; otherwise a citizen (or stateless person
/// with status) who has come back, who was abroad irregularly for more than a year OR applied
/// for / had asylum abroad, and who registers within one year of return, may get help.
fn rules(r: &Reader) -> &'static str {
    match r.refugee {
        A::Yes => return "refer",
        A::NotSure => return "unsure",
        A::No => {}
    }
    let may = and(
        and(r.citizen, r.returned),
        and(or(r.irregular, r.asylum), r.recent),
    );
    match may {
        A::Yes => "eligible",
        A::No => "not-eligible",
        A::NotSure => "unsure",
    }
}

fn readers() -> Vec<Reader> {
    use A::*;
    let r = |refugee, citizen, returned, irregular, asylum, recent| Reader {
        refugee,
        citizen,
        returned,
        irregular,
        asylum,
        recent,
    };
    vec![
        r(Yes, Yes, Yes, Yes, No, Yes),
        r(NotSure, Yes, Yes, Yes, No, Yes),
        r(No, No, Yes, Yes, No, Yes),
        r(No, NotSure, Yes, Yes, No, Yes),
        r(No, Yes, No, Yes, No, Yes),
        r(No, Yes, NotSure, Yes, No, Yes),
        r(No, Yes, Yes, Yes, No, Yes),
        r(No, Yes, Yes, Yes, No, No),
        r(No, Yes, Yes, Yes, No, NotSure),
        r(No, Yes, Yes, No, Yes, Yes),
        r(No, Yes, Yes, No, Yes, No),
        r(No, Yes, Yes, No, No, Yes),
        r(No, Yes, Yes, No, NotSure, Yes),
        r(No, Yes, Yes, NotSure, No, Yes),
    ]
}

/// The bundled flow's texts, to recognise questions and outcomes on the page.
struct Flow {
    /// (id, lang → question text, English answer labels).
    questions: Vec<(String, HashMap<String, String>, Vec<String>)>,
    /// (kind, lang → title).
    outcomes: Vec<(String, HashMap<String, String>)>,
    /// lang → the check's title.
    title: HashMap<String, String>,
}

fn texts(v: &Value) -> HashMap<String, String> {
    v.as_mapping()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

fn load_flow() -> Flow {
    let text = std::fs::read_to_string(support::repo().join("content/self-check.yaml"))
        .expect("content/self-check.yaml");
    let v: Value = serde_yaml::from_str(&text).expect("YAML");
    let list = |k: &str| v[k].as_sequence().cloned().unwrap_or_default();
    Flow {
        questions: list("questions")
            .iter()
            .map(|q| {
                let labels = q["answers"]
                    .as_sequence()
                    .map(|a| {
                        a.iter()
                            .map(|a| a["label"]["en"].as_str().unwrap_or("").to_string())
                            .collect()
                    })
                    .unwrap_or_default();
                (
                    q["id"].as_str().unwrap_or("").to_string(),
                    texts(&q["question"]),
                    labels,
                )
            })
            .collect(),
        outcomes: list("outcomes")
            .iter()
            .map(|o| {
                (
                    o["kind"].as_str().unwrap_or("").to_string(),
                    texts(&o["title"]),
                )
            })
            .collect(),
        title: texts(&v["title"]),
    }
}

impl Flow {
    /// The answer `reader` gives on the page whose heading is `h1`: the answer's index.
    fn choose(&self, lang: &str, h1: &str, reader: &Reader) -> usize {
        let (id, _, labels) = self
            .questions
            .iter()
            .find(|(_, t, _)| t.get(lang).map(|s| s.trim()) == Some(h1.trim()))
            .unwrap_or_else(|| panic!("`{h1}` is not a question of the flow"));
        let a = match id.as_str() {
            "status" => reader.refugee,
            "citizen" => reader.citizen,
            "returned" => reader.returned,
            "stay" => reader.irregular,
            "protection" => reader.asylum,
            "timing" => reader.recent,
            other => panic!("the test does not know the question `{other}`"),
        };
        let label = match a {
            A::Yes => "Yes",
            A::No => "No",
            A::NotSure => "I'm not sure",
        };
        labels
            .iter()
            .position(|l| l == label)
            .unwrap_or_else(|| panic!("the question `{id}` has no answer `{label}`"))
    }
}

/// What a reader sees of a self-check page.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    url: String,
    h1: String,
    /// The self-check's visible text (question, hint, answers, body, "Your answers").
    text: String,
    /// Every link's resolved address inside the self-check.
    links: Vec<String>,
    /// The outcome's kind, on outcome pages.
    kind: Option<String>,
    /// Where the rest of the page leads: the resolved address of every link, stylesheet,
    /// icon, script and feed outside the self-check (the menu, the site title, the language
    /// switcher, the footer). With JavaScript on they must lead where the static page's do.
    page_links: Vec<String>,
}

async fn seen(c: &Client) -> Seen {
    let h1 = c
        .find(Locator::Css(".check h1"))
        .await
        .expect("a heading")
        .text()
        .await
        .expect("heading text");
    let text = c
        .find(Locator::Css(".check"))
        .await
        .expect("the self-check")
        .text()
        .await
        .expect("text");
    let mut links = Vec::new();
    for a in c.find_all(Locator::Css(".check a")).await.expect("links") {
        links.push(a.prop("href").await.expect("href").unwrap_or_default());
    }
    let kind = match c
        .find_all(Locator::Css(".check-outcome"))
        .await
        .expect("find")
        .first()
    {
        Some(e) => e.attr("data-kind").await.expect("data-kind"),
        None => None,
    };
    let page_links = c
        .execute(
            r#"var out = [];
            document.querySelectorAll('a[href], link[rel~="stylesheet"], link[rel~="icon"], link[type="application/atom+xml"], script[src]').forEach(function (e) {
              if (!e.closest('.check')) { out.push(e.href || e.src); }
            });
            return out;"#,
            vec![],
        )
        .await
        .expect("page links");
    let page_links = page_links
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect();
    Seen {
        url: c.current_url().await.expect("url").to_string(),
        h1,
        text,
        links,
        kind,
        page_links,
    }
}

async fn open(c: &Client, url: &str, js: bool) {
    c.goto(url).await.expect("open page");
    let ready = c.find_all(Locator::Css("html.check-js"));
    if js {
        c.wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("html.check-js"))
            .await
            .expect("check.js loads flow.json and marks the page");
        c.execute("window.__samePage = 1; return 1;", vec![])
            .await
            .expect("mark the page");
    } else {
        assert!(ready.await.expect("find").is_empty(), "JavaScript is off");
    }
}

/// Whether the page was never reloaded since `open`, and nothing was stored.
async fn same_page_nothing_stored(c: &Client) -> bool {
    c.execute(
        "return window.__samePage === 1 && document.cookie === '' && localStorage.length === 0 && sessionStorage.length === 0;",
        vec![],
    )
    .await
    .expect("script")
        == serde_json::Value::Bool(true)
}

async fn click(c: &Client, css: &str, n: usize) {
    let all = c.find_all(Locator::Css(css)).await.expect("find");
    let e = all
        .get(n)
        .unwrap_or_else(|| panic!("no {css} number {n}"))
        .clone();
    e.click().await.expect("click");
}

/// Answer the questions as `reader` would, from the start page to the outcome.
async fn answer(
    c: &Client,
    flow: &Flow,
    start: &str,
    lang: &str,
    reader: &Reader,
    js: bool,
) -> Vec<Seen> {
    open(c, start, js).await;
    click(c, ".button-start", 0).await;
    let mut trace = Vec::new();
    for _ in 0..12 {
        let s = seen(c).await;
        trace.push(s.clone());
        if s.kind.is_some() {
            break;
        }
        let n = flow.choose(lang, &s.h1, reader);
        click(c, ".check-answer", n).await;
    }
    let last = trace.last().expect("a page");
    let kind = last
        .kind
        .as_deref()
        .unwrap_or_else(|| panic!("no outcome after 12 answers: {trace:#?}"));
    assert_eq!(kind, rules(reader), "{lang} js={js} {reader:?}: {trace:#?}");
    assert!(
        flow.outcomes
            .iter()
            .any(|(k, t)| k == kind && t.get(lang) == Some(&last.h1)),
        "{lang}: `{}` is not the title of a {kind} outcome",
        last.h1
    );
    if kind == "eligible" {
        assert!(
            last.links.iter().any(|l| l.ends_with("/help/")),
            "the eligible outcome links the regional help list"
        );
    }
    if js {
        assert!(
            same_page_nothing_stored(c).await,
            "{lang} {reader:?}: the script reloaded the page or stored something"
        );
    }
    trace
}

async fn back_and_language(c: &Client, flow: &Flow, base: &str, js: bool) {
    let q = |id: &str, lang: &str| {
        flow.questions
            .iter()
            .find(|(i, _, _)| i == id)
            .and_then(|(_, t, _)| t.get(lang).cloned())
            .expect("question")
    };
    let h1 = || async { seen(c).await.h1 };
    // After Back or Forward, the page (or the script, on `popstate`) may need a moment.
    let settle = |want: String| async move {
        for _ in 0..100 {
            if seen(c).await.h1 == want {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the page did not show `{want}`");
    };
    // Back walks back through the answers, to the start page.
    open(c, &format!("{base}check/"), js).await;
    click(c, ".button-start", 0).await;
    click(c, ".check-answer", 1).await; // No refugee status
    click(c, ".check-answer", 0).await; // citizen
    assert_eq!(h1().await, q("returned", "ka"));
    c.back().await.expect("back");
    settle(q("citizen", "ka")).await;
    let url = c.current_url().await.expect("url");
    assert!(url.path().ends_with("/check/q/2/"), "{url}");
    c.back().await.expect("back");
    settle(q("status", "ka")).await;
    c.back().await.expect("back");
    settle(flow.title["ka"].clone()).await;
    c.forward().await.expect("forward");
    settle(q("status", "ka")).await;
    if js {
        assert!(
            same_page_nothing_stored(c).await,
            "Back and Forward stay on the page"
        );
    }
    // "Change" goes back to that question on this path.
    click(c, ".check-answer", 1).await;
    click(c, ".check-answer", 0).await;
    click(c, ".check-change a", 0).await;
    assert_eq!(h1().await, q("status", "ka"));
    // Switching language mid-check keeps the reader's place and answers.
    click(c, ".check-answer", 1).await;
    click(c, ".check-answer", 0).await;
    click(c, ".lang-switch a[hreflang=\"en\"]", 0).await;
    let url = c.current_url().await.expect("url");
    assert!(url.path().ends_with("/en/check/q/2-1/"), "{url}");
    assert_eq!(h1().await, q("returned", "en"));
    let rows = c
        .find_all(Locator::Css(".check-summary-row"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 2, "Your answers keeps both answers");
}

#[tokio::test]
async fn readers_reach_the_right_outcome_with_and_without_javascript() {
    let driver = match Driver::start() {
        Ok(d) => d,
        Err(why) => panic!("the browser test cannot run: {why}"),
    };
    let b = support::bundled();
    let server = serve(b.out.clone());
    let flow = load_flow();
    let mut static_traces: HashMap<(String, usize), Vec<Seen>> = HashMap::new();
    for js in [false, true] {
        let profile = tempfile::tempdir().expect("profile dir");
        let c = driver
            .session(js, profile.path())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        for (lang, prefix) in [("ka", ""), ("en", "en/")] {
            let start = format!("{}{prefix}check/", server.base);
            for (i, reader) in readers().iter().enumerate() {
                let trace = answer(&c, &flow, &start, lang, reader, js).await;
                let key = (lang.to_string(), i);
                match static_traces.get(&key) {
                    None => {
                        static_traces.insert(key, trace);
                    }
                    Some(expected) => assert_eq!(
                        &trace, expected,
                        "{lang} {reader:?}: the script must show what the static pages show"
                    ),
                }
            }
        }
        back_and_language(&c, &flow, &server.base, js).await;
        c.close().await.expect("close the session");
    }
    assert_eq!(static_traces.len(), readers().len() * 2);
}

/// With JavaScript on, the script changes the address at every step; the rest of the page
/// (menu, site title, language switcher, footer, stylesheet, feed) must keep leading to
/// files that exist, here under a sub-path of the host, as a ministry's site often is.
#[tokio::test]
async fn under_a_sub_path_every_link_of_the_page_still_resolves_at_every_step() {
    let driver = match Driver::start() {
        Ok(d) => d,
        Err(why) => panic!("the browser test cannot run: {why}"),
    };
    let b = support::bundled();
    let host = tempfile::tempdir().expect("host folder");
    support::copy_dir(&b.out, &host.path().join("campaign"));
    let server = serve(host.path().to_path_buf());
    let base = format!("{}campaign/", server.base);
    let flow = load_flow();
    let profile = tempfile::tempdir().expect("profile dir");
    let c = driver
        .session(true, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    for (lang, prefix) in [("ka", ""), ("en", "en/")] {
        let start = format!("{base}{prefix}check/");
        for reader in readers() {
            for s in answer(&c, &flow, &start, lang, &reader, true).await {
                for link in s.page_links.iter().filter(|l| l.starts_with(&server.base)) {
                    assert!(
                        link.starts_with(&base),
                        "on {} a link leaves the site's folder: {link}",
                        s.url
                    );
                    let path = link[base.len() - 1..].split(['#', '?']).next().unwrap();
                    assert!(
                        support::file_of(&b.out, path).is_file(),
                        "on {} the link {link} leads nowhere",
                        s.url
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} links were checked");
    c.close().await.expect("close the session");
}
