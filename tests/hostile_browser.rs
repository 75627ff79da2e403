//! Hostile text in a real browser (headless Chromium): an organisation whose address holds
//! `<!--<script>` must not swallow the rest of its page through the JSON-LD `<script>`
//! element; the page keeps its main text and footer, and the JSON-LD still parses to the
//! address as written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::Locator;
use support::browser::{Driver, serve};

const ADDRESS: &str = "Rustaveli Ave 1 <!--<script>";

#[tokio::test]
async fn an_address_with_script_markup_leaves_the_page_whole() {
    let driver = match Driver::start() {
        Ok(d) => d,
        Err(why) => panic!("the browser test cannot run: {why}"),
    };
    let site = support::fixture("site-content");
    let page = site.path().join("content/help/alpha.en.md");
    let text = std::fs::read_to_string(&page).expect("read alpha.en.md");
    let text = text.replacen("email:", &format!("address: \"{ADDRESS}\"\nemail:"), 1);
    assert!(text.contains(ADDRESS), "the fixture has an address line");
    std::fs::write(&page, text).expect("write alpha.en.md");
    let b = support::build_to_temp(site.path());
    assert!(b.ok(), "{}", b.stderr);
    let server = serve(b.out.clone());
    let profile = tempfile::tempdir().expect("profile dir");
    let c = driver
        .session(true, profile.path())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    c.goto(&format!("{}en/help/alpha/", server.base))
        .await
        .expect("open the organisation page");
    for css in ["main", "footer", "main h1"] {
        let found = c.find_all(Locator::Css(css)).await.expect("find");
        assert!(
            !found.is_empty(),
            "the page has no {css}: its body was swallowed"
        );
    }
    let address = c
        .execute(
            "var s = document.querySelector('script[type=\"application/ld+json\"]');\
             return s ? JSON.parse(s.textContent).address : null;",
            vec![],
        )
        .await
        .expect("read the JSON-LD");
    assert_eq!(address.as_str(), Some(ADDRESS));
    c.close().await.expect("close the session");
}
