//! axe-core in headless Chromium: the script read from `node_modules` (`npm install
//! --ignore-scripts` in the repository root), run on the current page for the WCAG 2.0/2.1/2.2
//! A and AA rules, and its violations as readable lines.

use fantoccini::Client;
use serde_json::Value;

/// The WCAG tags axe checks.
pub const TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']";

/// axe-core's script; the test fails with the install command when it is missing.
pub fn axe_source() -> String {
    let path = super::repo().join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; install axe-core with `npm install --ignore-scripts` in the repository root",
            path.display()
        )
    })
}

/// One problem axe found: "page: rule (impact) selector — help".
pub fn lines(page: &str, violations: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for v in violations.as_array().expect("an array of violations") {
        let (id, impact, targets, help) = (&v[0], &v[1], &v[2], &v[3]);
        for t in targets.as_array().into_iter().flatten() {
            out.push(format!(
                "{page}: {} ({}) {} — {}",
                id.as_str().unwrap_or("?"),
                impact.as_str().unwrap_or("?"),
                t.as_str().unwrap_or("?"),
                help.as_str().unwrap_or("")
            ));
        }
    }
    out
}

/// Inject axe-core into the current page (unless it is there) and run it: the violations as
/// `[id, impact, [selector, ...], help]`.
pub async fn axe(c: &Client, source: &str) -> Value {
    let present = c
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .expect("probe for axe");
    if present != Value::Bool(true) {
        c.execute(&format!("{source}\nreturn true;"), vec![])
            .await
            .expect("inject axe-core");
    }
    let script = format!(
        "var done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }}, resultTypes: ['violations'] }})
           .then(function (r) {{
             done(r.violations.map(function (v) {{
               return [v.id, v.impact, v.nodes.map(function (n) {{ return n.target.join(' >>> '); }}), v.help];
             }}));
           }}, function (e) {{ done('axe failed: ' + e); }});"
    );
    let v = c.execute_async(&script, vec![]).await.expect("run axe");
    assert!(v.is_array(), "{v}");
    v
}
