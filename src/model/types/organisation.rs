//! The organisation type: regions served and contact fields, checked (phone, e-mail, website); missing contact details reported.

use crate::diagnostics::Diagnostic;
use crate::model::Page;

/// Contact keys an organisation page may carry.
pub const CONTACT_KEYS: &[&str] = &["phone", "email", "address", "website"];

/// An organisation's fields, as written in its front matter.
#[derive(Debug, Clone, Default)]
pub struct Organisation {
    /// `name:` (the page title stands in when it has none).
    pub name: Option<String>,
    /// Ids of the regions it serves (`regions:`, one or a list).
    pub regions: Vec<String>,
    /// `phone:` when it is one number (schema.org has room for one).
    pub phone: Option<String>,
    /// `email:` when it is one address.
    pub email: Option<String>,
    /// `address:`.
    pub address: Option<String>,
    /// `languages:` as written (the languages spoken), if given.
    pub languages: Option<serde_json::Value>,
}

/// Read an organisation's fields and check its contact details; warn when it has none.
pub fn read(p: &Page) -> (Organisation, Vec<Diagnostic>) {
    let fm = &p.front;
    let text = |k: &str| fm.extra.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let org = Organisation {
        name: text("name"),
        regions: values(p, "regions"),
        phone: text("phone"),
        email: text("email"),
        address: text("address"),
        languages: fm.extra.get("languages").cloned(),
    };
    (org, check(p))
}

/// The strings of a key that holds one value or a list of them.
fn values(p: &Page, key: &str) -> Vec<String> {
    match p.front.extra.get(key) {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(serde_json::Value::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

/// Check an organisation's contact fields; warn when it has none.
fn check(p: &Page) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = |key: &str| p.front.key_lines.get(key).copied().unwrap_or(1);
    let values = |key: &str| values(p, key);
    for phone in values("phone") {
        if international_phone(&phone).is_none() {
            out.push(
                Diagnostic::error("bad-phone", format!("`{phone}` is not a phone number"))
                    .in_file(&p.file)
                    .at_line(at("phone"))
                    .with_source(&p.text)
                    .with_hint("write it in international form with the country code, e.g. +995 32 2 00 00 00")
                    .tr("bad-phone", &[("phone", &phone)]),
            );
        }
    }
    for email in values("email") {
        if !valid_email(&email) {
            out.push(
                Diagnostic::error("bad-email", format!("`{email}` is not an e-mail address"))
                    .in_file(&p.file)
                    .at_line(at("email"))
                    .with_source(&p.text)
                    .with_hint("write it like name@example.ge, without spaces")
                    .tr("bad-email", &[("email", &email)]),
            );
        }
    }
    for url in values("website") {
        if crate::config::normalize_base_url(&url).is_none() {
            out.push(
                Diagnostic::error("bad-url", format!("`{url}` is not a web address"))
                    .in_file(&p.file)
                    .at_line(at("website"))
                    .with_source(&p.text)
                    .with_hint("write the full address, starting with https://")
                    .tr("bad-url", &[("url", &url)]),
            );
        }
    }
    if CONTACT_KEYS.iter().all(|k| values(k).is_empty()) {
        out.push(
            Diagnostic::warning("contact-missing", "this organisation has no contact details yet; the page says they will be published soon")
                .in_file(&p.file)
                .with_hint("add `phone:`, `email:`, `address:` or `website:` to the front matter when they are known")
                .tr("contact-missing", &[]),
        );
    }
    out
}

/// The phone number in `tel:` form (`+995322000000`), if `s` is one. Georgian numbers
/// written without the country code (9 digits, or 0 + 9 digits) get +995.
pub fn international_phone(s: &str) -> Option<String> {
    let t = s.trim();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
        || t[1..].contains('+')
    {
        return None;
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if t.starts_with('+') {
        (8..=15)
            .contains(&digits.len())
            .then(|| format!("+{digits}"))
    } else if let Some(rest) = digits.strip_prefix("00") {
        (8..=15).contains(&rest.len()).then(|| format!("+{rest}"))
    } else if digits.len() == 9 {
        Some(format!("+995{digits}"))
    } else if digits.len() == 10 && digits.starts_with('0') {
        Some(format!("+995{}", &digits[1..]))
    } else {
        None
    }
}

fn valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains([' ', '<', '>', '"', ','])
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_become_international() {
        assert_eq!(
            international_phone("+995 32 2 51 00 11").as_deref(),
            Some("+995322510011")
        );
        assert_eq!(
            international_phone("032 251 00 11").as_deref(),
            Some("+995322510011")
        );
        assert_eq!(
            international_phone("599 12 34 56").as_deref(),
            Some("+995599123456")
        );
        assert_eq!(international_phone("call us"), None);
        assert_eq!(international_phone("12"), None);
        assert!(valid_email("info@example.ge"));
        assert!(!valid_email("info@example"));
    }
}
