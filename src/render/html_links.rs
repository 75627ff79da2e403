//! Raw HTML in Markdown: addresses in `href`, `src`, `action`, `formaction` and `xlink:href`
//! attributes get the same scheme rules as Markdown links (`javascript:` and `vbscript:` are
//! errors, `data:` a warning).

use super::links::{data_link, script_link};
use crate::diagnostics::Diagnostic;

/// Attributes that hold an address a browser follows or loads.
const URL_ATTRIBUTES: [&str; 6] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
];

/// Problems in one piece of raw HTML: (byte offset of the value in `html`, message).
pub fn check(html: &str) -> Vec<(usize, Diagnostic)> {
    attributes(html)
        .into_iter()
        .filter(|a| URL_ATTRIBUTES.contains(&a.name.to_ascii_lowercase().as_str()))
        .filter_map(|a| {
            let value = decode_entities(a.value);
            script_link(&value)
                .or_else(|| data_link(&value))
                .map(|d| (a.offset, d))
        })
        .collect()
}

/// One `name=value` inside a tag.
struct Attribute<'a> {
    name: &'a str,
    value: &'a str,
    offset: usize,
}

/// Every `name=value` attribute inside `<...>` tags, quoted or not.
fn attributes(html: &str) -> Vec<Attribute<'_>> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_tag = false;
    while i < b.len() {
        match b[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b'=' if in_tag => {
                let name_end = html[..i].trim_end().len();
                let name_start = html[..name_end]
                    .rfind(|c: char| c.is_whitespace() || c == '<' || c == '"' || c == '\'')
                    .map_or(0, |p| p + 1);
                let (value, start, end) = value_at(html, i + 1);
                out.push(Attribute {
                    name: &html[name_start..name_end],
                    value,
                    offset: start,
                });
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The attribute value starting at `from` (after `=`): (value, its start, the end of it).
fn value_at(html: &str, from: usize) -> (&str, usize, usize) {
    let rest = &html[from..];
    let skipped = rest.len() - rest.trim_start().len();
    let start = from + skipped;
    let rest = &html[start..];
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let body = &rest[1..];
            let len = body.find(q).unwrap_or(body.len());
            (
                &body[..len],
                start + 1,
                (start + 1 + len + 1).min(html.len()),
            )
        }
        _ => {
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(rest.len());
            (&rest[..len], start, start + len)
        }
    }
}

/// The character references browsers decode in attribute values before reading the scheme
/// (`&#106;avascript:`, `&colon;`, `&Tab;`).
fn decode_entities(v: &str) -> String {
    if !v.contains('&') {
        return v.to_string();
    }
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp + 1..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&tail[..e]));
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    let num = |s: &str, radix| u32::from_str_radix(s, radix).ok().and_then(char::from_u32);
    match name {
        "colon" => Some(':'),
        "Tab" => Some('\t'),
        "NewLine" => Some('\n'),
        n if n.starts_with("#x") || n.starts_with("#X") => num(&n[2..], 16),
        n if n.starts_with('#') => num(&n[1..], 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_script_addresses_in_raw_html() {
        for html in [
            r#"<a href="javascript:alert(1)">x</a>"#,
            r#"<a class='b' HREF = 'JavaScript:x'>x</a>"#,
            "<a href=javascript:x>x</a>",
            r#"<a href="&#106;avascript&colon;x">x</a>"#,
            r#"<img src="vbscript:x">"#,
            r#"<form action="javascript:x"><button formaction="javascript:y">"#,
        ] {
            assert!(!check(html).is_empty(), "{html}");
        }
        for html in [
            r#"<a href="/services/">x</a>"#,
            r#"<a title="javascript:x" href="https://x.ge/">x</a>"#,
            "text with javascript: in it",
        ] {
            assert!(check(html).is_empty(), "{html}");
        }
        let found = check(r#"<a href="javascript:x">"#);
        assert_eq!(found[0].0, 9, "the offset of the value");
        assert_eq!(check(r#"<img src="data:image/png;base64,AA">"#).len(), 1);
    }
}
