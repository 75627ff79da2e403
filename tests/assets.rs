//! Stylesheets and scripts are linked by content-hashed names (`style.3f2a1c9e07.css`), so a
//! host may let browsers keep them for a year: every page links the hashed name, the file under
//! it is the theme's file, a changed file gets a new name, and the plain name is still written
//! for links written by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use support::*;

/// The stylesheets and scripts the site's pages link, as output paths.
fn linked_assets(out: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (path, bytes) in tree(out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let dir = match path.rsplit_once('/') {
            Some((d, _)) => format!("/{d}/"),
            None => "/".to_string(),
        };
        let mut urls: Vec<&str> = attrs(&html, "src");
        urls.extend(attrs(&html, "href"));
        for u in urls {
            if u.ends_with(".css") || u.ends_with(".js") {
                let p = if u.starts_with('/') {
                    u.to_string()
                } else {
                    resolve(&dir, u)
                };
                found.insert(p.trim_start_matches('/').to_string());
            }
        }
    }
    found
}

fn is_hashed(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 3 && parts[1].len() == 10 && parts[1].chars().all(|c| c.is_ascii_hexdigit())
}

#[test]
fn pages_link_stylesheets_and_scripts_by_names_that_change_with_their_content() {
    let site = bundled_copy();
    let out = site.beside().join("out");
    let root = site.path().to_str().unwrap();
    assert!(campaign(&["build", "--root", root, "-o", out.to_str().unwrap()]).ok());
    let linked = linked_assets(&out);
    let names: Vec<&str> = linked.iter().map(String::as_str).collect();
    for expected in ["style.", "check."] {
        assert!(
            names.iter().any(|n| n.starts_with(expected)),
            "{expected}*: {names:?}"
        );
    }
    for name in &names {
        assert!(
            is_hashed(name),
            "a page links `{name}`, which has no content hash"
        );
        let plain = format!(
            "{}.{}",
            name.split('.').next().unwrap(),
            name.rsplit('.').next().unwrap()
        );
        assert_eq!(
            std::fs::read(out.join(name)).unwrap(),
            std::fs::read(out.join(&plain)).unwrap()
        );
    }
    let style = |out: &Path| {
        linked_assets(out)
            .into_iter()
            .find(|n| n.starts_with("style."))
            .unwrap()
    };
    let before = style(&out);
    let css = site.path().join("themes/default/static/style.css");
    let text = std::fs::read_to_string(&css).unwrap();
    std::fs::write(&css, format!("{text}\n.extra {{ color: red; }}\n")).unwrap();
    assert!(campaign(&["build", "--root", root, "-o", out.to_str().unwrap()]).ok());
    let after = style(&out);
    assert_ne!(before, after, "a changed stylesheet gets a new name");
    assert!(read(&out, &after).contains(".extra"));
    assert!(
        !out.join(&before).exists(),
        "the old name is gone from the new build"
    );
}
