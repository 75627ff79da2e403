//! HTML escaping: the one function every part of campaign that writes HTML uses (a leaf
//! module, so media and render need not import each other for it), and addresses encoded as
//! CommonMark writes them.

/// Escape text for an HTML attribute or element.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Characters an address keeps as they are, besides ASCII letters and digits (those of
/// CommonMark's reference writer).
const URL_SAFE: &[u8] = b";/?:@&=+$,-_.!~*'()#";

/// An address percent-encoded as CommonMark's reference writer does it, ready for `escape`:
/// spaces, non-ASCII letters (Georgian) and other unsafe characters become UTF-8 `%XX`
/// escapes; escapes already written (`%20`) stay, a `%` that starts none becomes `%25`.
pub fn encode_url(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    for (i, &b) in bytes.iter().enumerate() {
        let escape_follows = b == b'%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if b.is_ascii_alphanumeric() || URL_SAFE.contains(&b) || escape_follows {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_url;

    #[test]
    fn addresses_are_encoded_as_commonmark_writes_them() {
        assert_eq!(encode_url("floor plan.svg"), "floor%20plan.svg");
        assert_eq!(encode_url("a%20b.png"), "a%20b.png");
        assert_eq!(encode_url("50%-off/"), "50%25-off/");
        assert_eq!(encode_url("/ა/"), "/%E1%83%90/");
        assert_eq!(
            encode_url("https://x.ge/p?q=1&r='a'#top"),
            "https://x.ge/p?q=1&r='a'#top"
        );
        assert_eq!(
            encode_url("a\\[b]^`{|}\"<>"),
            "a%5C%5Bb%5D%5E%60%7B%7C%7D%22%3C%3E"
        );
    }
}
