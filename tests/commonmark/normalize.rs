//! HTML made comparable the way the CommonMark spec's own test normaliser
//! (`test/normalize.py` of the spec's repository) does it: tag and attribute names in lower
//! case, attributes sorted, `<br />` written `<br>`, character references decoded and `&`,
//! `<`, `>`, `"` escaped again, runs of white space outside `<pre>` one space, and no white
//! space next to block tags. Comments, declarations, processing instructions and CDATA stay
//! as written. One leniency more than the original: a `"` and a `&quot;` in text are the same.
//! The result is a list of [`Node`]s, so that a by-design difference can be undone on it
//! before it is written out again ([`to_string`]).

/// The tags around which white space does not count.
const BLOCK_TAGS: &[&str] = &[
    "article",
    "header",
    "aside",
    "hgroup",
    "blockquote",
    "hr",
    "iframe",
    "body",
    "li",
    "map",
    "button",
    "object",
    "canvas",
    "ol",
    "output",
    "colgroup",
    "p",
    "pre",
    "dd",
    "progress",
    "div",
    "section",
    "dl",
    "script",
    "dt",
    "table",
    "del",
    "tbody",
    "embed",
    "textarea",
    "fieldset",
    "tfoot",
    "figcaption",
    "th",
    "figure",
    "thead",
    "footer",
    "tr",
    "form",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "video",
    "style",
];

/// One piece of normalised HTML.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A start tag: its name and its attributes, sorted, with their values decoded.
    Start(String, Vec<(String, Option<String>)>),
    /// An end tag.
    End(String),
    /// Text, escaped.
    Text(String),
    /// A comment, declaration, processing instruction or CDATA section, as written.
    Raw(String),
}

/// The nodes written out as HTML.
pub fn to_string(nodes: &[Node]) -> String {
    let mut out = String::new();
    for n in nodes {
        match n {
            Node::Start(name, attrs) => {
                out.push('<');
                out.push_str(name);
                for (k, v) in attrs {
                    out.push(' ');
                    out.push_str(k);
                    if let Some(v) = v {
                        out.push_str(&format!("=\"{}\"", escape(v)));
                    }
                }
                out.push('>');
            }
            Node::End(name) => out.push_str(&format!("</{name}>")),
            Node::Text(t) | Node::Raw(t) => out.push_str(t),
        }
    }
    out
}

/// `html` in the normal form.
pub fn normalize(html: &str) -> Vec<Node> {
    let mut out = Out {
        nodes: Vec::new(),
        last: Last::StartTag,
        last_tag: String::new(),
        in_pre: false,
    };
    let mut rest = html;
    while !rest.is_empty() {
        let (consumed, token) = next_token(rest);
        out.push(token);
        rest = &rest[consumed..];
    }
    out.nodes
}

/// What came last, as the original's `last`.
#[derive(PartialEq, Clone, Copy)]
enum Last {
    StartTag,
    EndTag,
    Data,
    Other,
}

/// The normaliser's state.
struct Out {
    nodes: Vec<Node>,
    last: Last,
    last_tag: String,
    in_pre: bool,
}

/// One piece of HTML as written.
enum Token<'a> {
    /// Text, character references not yet decoded.
    Data(&'a str),
    /// A comment, declaration, processing instruction or CDATA section.
    Verbatim(&'a str),
    /// `<name attr=value ...>`, and whether it closed itself (`<br />`).
    Start(String, Vec<(String, Option<String>)>, bool),
    /// `</name>`.
    End(String),
}

/// The token at the start of `s` and its length in bytes.
fn next_token(s: &str) -> (usize, Token<'_>) {
    if !s.starts_with('<') {
        let end = s.find('<').unwrap_or(s.len());
        return (end, Token::Data(&s[..end]));
    }
    for (open, close) in [
        ("<!--", "-->"),
        ("<![CDATA[", "]]>"),
        ("<?", ">"),
        ("<!", ">"),
    ] {
        if let Some(inner) = s.strip_prefix(open) {
            let end = inner
                .find(close)
                .map_or(s.len(), |i| open.len() + i + close.len());
            return (end, Token::Verbatim(&s[..end]));
        }
    }
    if let Some(rest) = s.strip_prefix("</") {
        let n = name_len(rest);
        if n > 0
            && let Some(gt) = rest.find('>')
        {
            return (2 + gt + 1, Token::End(rest[..n].to_ascii_lowercase()));
        }
    } else if let Some(found) = start_tag(s) {
        return found;
    }
    // A `<` that starts no tag is text.
    (1, Token::Data("<"))
}

/// The length of the tag name at the start of `s` (a letter, then letters, digits, `-`).
fn name_len(s: &str) -> usize {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return 0;
    }
    s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(s.len())
}

/// A start tag at the start of `s`, with its attributes.
fn start_tag(s: &str) -> Option<(usize, Token<'_>)> {
    let n = name_len(&s[1..]);
    if n == 0 {
        return None;
    }
    let name = s[1..1 + n].to_ascii_lowercase();
    let mut i = 1 + n;
    let mut attrs = Vec::new();
    loop {
        i += s[i..].len() - s[i..].trim_start().len();
        let rest = &s[i..];
        if rest.starts_with("/>") {
            return Some((i + 2, Token::Start(name, attrs, true)));
        }
        if rest.starts_with('>') {
            return Some((i + 1, Token::Start(name, attrs, false)));
        }
        let key_len = match rest.find(|c: char| c.is_whitespace() || "=>/".contains(c))? {
            0 if rest.starts_with('/') => 1,
            0 => return None,
            n => n,
        };
        let key = rest[..key_len].to_ascii_lowercase();
        i += key_len;
        let (used, value) = attr_value(&s[i..])?;
        i += used;
        if key != "/" {
            attrs.push((key, value));
        }
    }
}

/// `= value` (quoted or not) at the start of `s`, if any, decoded, and its length.
fn attr_value(s: &str) -> Option<(usize, Option<String>)> {
    let space = s.len() - s.trim_start().len();
    let Some(rest) = s[space..].strip_prefix('=') else {
        return Some((0, None));
    };
    let lead = space + 1 + (rest.len() - rest.trim_start().len());
    let rest = rest.trim_start();
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = rest[1..].find(q)?;
        return Some((lead + end + 2, Some(decode(&rest[1..1 + end]))));
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>')
        .unwrap_or(rest.len());
    Some((lead + end, Some(decode(&rest[..end]))))
}

impl Out {
    /// Add one token.
    fn push(&mut self, token: Token<'_>) {
        match token {
            Token::Data(d) => self.data(d),
            Token::Verbatim(v) => {
                self.nodes.push(Node::Raw(v.to_string()));
                self.last = Last::Other;
            }
            Token::Start(name, mut attrs, closed) => {
                if name == "pre" {
                    self.in_pre = true;
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    self.trim_end();
                }
                attrs.sort();
                self.nodes.push(Node::Start(name.clone(), attrs));
                self.last = if closed { Last::EndTag } else { Last::StartTag };
                self.last_tag = name;
            }
            Token::End(name) => {
                if name == "pre" {
                    self.in_pre = false;
                } else if BLOCK_TAGS.contains(&name.as_str()) {
                    self.trim_end();
                }
                self.nodes.push(Node::End(name.clone()));
                self.last = Last::EndTag;
                self.last_tag = name;
            }
        }
    }

    /// Text as written: white space made one space outside `<pre>` and dropped next to block
    /// tags, then references decoded and the four characters escaped again.
    fn data(&mut self, raw: &str) {
        let after_tag = matches!(self.last, Last::StartTag | Last::EndTag);
        let after_block = after_tag && BLOCK_TAGS.contains(&self.last_tag.as_str());
        let mut data = raw;
        if after_tag && self.last_tag == "br" {
            data = data.trim_start_matches('\n');
        }
        let mut data = if self.in_pre {
            data.to_string()
        } else {
            collapse(data)
        };
        if after_block && !self.in_pre {
            data = match self.last {
                Last::StartTag => data.trim_start().to_string(),
                _ => data.trim().to_string(),
            };
        }
        let text = escape(&decode(&data));
        match self.nodes.last_mut() {
            Some(Node::Text(t)) => t.push_str(&text),
            _ => self.nodes.push(Node::Text(text)),
        }
        self.last = Last::Data;
    }

    /// Drop white space at the end of the output.
    fn trim_end(&mut self) {
        if let Some(Node::Text(t)) = self.nodes.last_mut() {
            let len = t.trim_end().len();
            t.truncate(len);
            if t.is_empty() {
                self.nodes.pop();
            }
        }
    }
}

/// Each run of white space one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Character references decoded: numeric ones and the four the writers use.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (len, c) = reference(rest).unwrap_or((1, '&'));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The character of the reference at the start of `s` (`&amp;`, `&#35;`, `&#x22;`) and its
/// length.
fn reference(s: &str) -> Option<(usize, char)> {
    let semi = s.find(';')?;
    let c = match &s[1..semi] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        body => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((semi + 1, c))
}

/// `&`, `<`, `>` and `"` escaped.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::{normalize, to_string};

    fn norm(html: &str) -> String {
        to_string(&normalize(html))
    }

    #[test]
    fn html_that_reads_the_same_is_written_the_same() {
        assert_eq!(
            norm("<P>\n  a  <IMG SRC='x' Alt=\"&#39;b&#x27;\" />\nc</P>\n<hr />"),
            norm("<p>a <img alt=\"'b'\" src=\"x\"> c</p><hr>")
        );
        assert_eq!(
            norm("<p>&quot;x&quot; &amp; \"y\"</p>"),
            "<p>&quot;x&quot; &amp; &quot;y&quot;</p>"
        );
        assert_eq!(
            norm("<pre><code>a\n  b\n</code></pre>\n"),
            "<pre><code>a\n  b\n</code></pre>"
        );
        assert_eq!(norm("<p>a<br />\nb</p>"), "<p>a<br>b</p>");
        assert_eq!(norm("<!-- a  b --> x < y"), "<!-- a  b --> x &lt; y");
    }

    #[test]
    fn html_that_reads_differently_stays_different() {
        assert_ne!(
            norm("<a href=\"a%20b\">x</a>"),
            norm("<a href=\"a b\">x</a>")
        );
        assert_ne!(norm("<p>a b</p>"), norm("<p>ab</p>"));
        assert_ne!(norm("<em>a</em>"), norm("<em></em>a"));
    }
}
