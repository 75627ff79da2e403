//! The ways campaign's HTML differs from the CommonMark spec's on purpose, each a named
//! reason with the examples it explains, and how to undo it on normalised HTML: an example
//! listed under reasons must equal the spec once those are undone, and need every one of them.

use super::normalize::Node;

/// A difference campaign makes on purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Every heading has an `id`, so a reader can be sent to it (`/services/#who-can-apply`)
    /// and the page's table of contents can link it.
    HeadingIds,
    /// Addresses of the site's own pages and files are written relative to the page
    /// (`/url` on `/e1/` is `../url`), so the site works from any folder, under any base URL
    /// and from a USB stick. Undone by reading both addresses from the page, as a browser does.
    RelativeAddresses,
    /// Images load lazily and are decoded off the main thread
    /// (`loading="lazy" decoding="async"`): pages with many photos open fast on phones.
    LazyImages,
    /// A photo of the site is a `<picture>` of resized WebP and JPEG copies (`srcset`,
    /// `sizes`, `width`, `height`), so phones download small files and nothing jumps while
    /// it loads. Undone by keeping its `<img>` without the copies' addresses.
    ResponsiveImages,
}

/// The examples that differ by design, by reason.
pub const BY_DESIGN: &[(Reason, &[usize])] = &[
    (
        Reason::HeadingIds,
        &[
            10, 59, 62, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 86, 89,
            90, 91, 95, 96, 102, 103, 115, 141, 214, 215, 227, 228, 229, 230, 232, 300, 646, 647,
        ],
    ),
    (
        Reason::RelativeAddresses,
        &[
            192, 193, 196, 198, 205, 214, 215, 216, 218, 404, 419, 422, 433, 473, 474, 505, 506,
            509, 527, 539, 540, 541, 542, 543, 553, 554, 555, 556, 557, 558, 559, 560, 561, 562,
            564, 565, 569, 570, 572, 574, 575, 581, 582, 583, 584, 585, 586, 587, 588, 589, 591,
            593,
        ],
    ),
    (
        Reason::LazyImages,
        &[
            517, 520, 531, 572, 573, 574, 575, 576, 577, 578, 579, 580, 581, 582, 583, 584, 585,
            586, 587, 588, 589, 591,
        ],
    ),
    (
        Reason::ResponsiveImages,
        &[517, 531, 573, 576, 577, 578, 579],
    ),
];

/// Examples that still differ and are not by design: none may be added without a reason
/// written beside it.
pub const KNOWN: &[(&str, &[usize])] = &[];

impl Reason {
    /// Every reason.
    pub const ALL: [Reason; 4] = [
        Reason::HeadingIds,
        Reason::RelativeAddresses,
        Reason::LazyImages,
        Reason::ResponsiveImages,
    ];

    /// Undo this difference on HTML written for the page at `page` (a site path).
    pub fn undo(self, nodes: &mut Vec<Node>, page: &str) {
        match self {
            Reason::HeadingIds => drop_attrs(nodes, &["h1", "h2", "h3", "h4", "h5", "h6"], &["id"]),
            Reason::RelativeAddresses => {
                for node in nodes.iter_mut() {
                    if let Node::Start(_, attrs) = node {
                        for (k, v) in attrs.iter_mut() {
                            if let (true, Some(v)) = (k == "href" || k == "src", v.as_mut()) {
                                *v = resolve(page, v);
                            }
                        }
                    }
                }
            }
            Reason::LazyImages => drop_attrs(nodes, &["img"], &["loading", "decoding"]),
            Reason::ResponsiveImages => {
                nodes.retain(|n| {
                    !matches!(n, Node::Start(t, _) | Node::End(t) if t == "picture" || t == "source")
                });
                drop_attrs(
                    nodes,
                    &["img"],
                    &["src", "srcset", "sizes", "width", "height"],
                );
            }
        }
    }
}

/// Remove the attributes `names` from the tags `tags`.
fn drop_attrs(nodes: &mut [Node], tags: &[&str], names: &[&str]) {
    for node in nodes {
        if let Node::Start(tag, attrs) = node
            && tags.contains(&tag.as_str())
        {
            attrs.retain(|(k, _)| !names.contains(&k.as_str()));
        }
    }
}

/// `url` as a browser on the site path `page` reads it: an address with a scheme or a host
/// as it is, any other made a site path (`../a` on `/e1/` is `/a`, `a` is `/e1/a`).
fn resolve(page: &str, url: &str) -> String {
    let has_scheme = url
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && !s.contains(['/', '?', '#']));
    if has_scheme || url.starts_with("//") {
        return url.to_string();
    }
    let (path, suffix) = url.find(['?', '#']).map_or((url, ""), |i| url.split_at(i));
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        page.split('/').filter(|s| !s.is_empty()).collect()
    };
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." | "" if i + 1 < segments.len() => {}
            ".." => {
                parts.pop();
            }
            "." => parts.push(""),
            s => parts.push(s),
        }
    }
    format!("/{}{suffix}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn addresses_are_read_from_the_page() {
        assert_eq!(resolve("/e1/", "../url"), "/url");
        assert_eq!(resolve("/e1/", "url"), "/e1/url");
        assert_eq!(resolve("/e1/", "/url"), "/url");
        assert_eq!(resolve("/e1/", "#x"), "/e1/#x");
        assert_eq!(resolve("/e1/", "https://x.ge/a"), "https://x.ge/a");
        assert_eq!(resolve("/e1/", "a/b/?q=1"), "/e1/a/b/?q=1");
    }
}
