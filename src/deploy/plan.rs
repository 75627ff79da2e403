//! What a deploy does, decided before anything is sent: the files whose content changed,
//! in an order that never shows a page before its stylesheet and images (assets, then HTML
//! pages, then the sitemap and feeds, then `sw.js`), and the files an earlier deploy put
//! there that the site no longer has.

use super::manifest::{self, Manifest};
use std::collections::BTreeMap;

/// The changes, in the order they are made.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to upload, in upload order.
    pub upload: Vec<String>,
    /// Files to delete (only ever names listed in the manifest), after every upload.
    pub delete: Vec<String>,
    /// Files already there with the same content.
    pub unchanged: usize,
}

impl Plan {
    /// Whether nothing is to be done.
    pub fn is_empty(&self) -> bool {
        self.upload.is_empty() && self.delete.is_empty()
    }
}

/// Compare the build (path → XXH3) with what the destination's manifest lists.
pub fn plan(local: &BTreeMap<String, u64>, old: &Manifest) -> Plan {
    let mut upload = Vec::new();
    let mut unchanged = 0;
    for (path, hash) in local {
        if old.files.get(path) == Some(&manifest::hex(*hash)) {
            unchanged += 1;
        } else {
            upload.push(path.clone());
        }
    }
    upload.sort_by_key(|p| stage(p));
    let mut delete: Vec<String> = old
        .files
        .keys()
        .filter(|p| !local.contains_key(*p) && p.as_str() != manifest::NAME)
        .cloned()
        .collect();
    // Pages go before what they use.
    delete.sort_by_key(|p| std::cmp::Reverse(stage(p)));
    Plan {
        upload,
        delete,
        unchanged,
    }
}

/// When a file goes up: 0 assets, 1 pages, 2 sitemap and feeds, 3 the offline worker.
fn stage(path: &str) -> u8 {
    let name = path.rsplit('/').next().unwrap_or(path);
    if path == "sw.js" {
        3
    } else if name.ends_with(".xml") || name == "robots.txt" {
        2
    } else if name.ends_with(".html") {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(paths: &[(&str, u64)]) -> BTreeMap<String, u64> {
        paths.iter().map(|(p, h)| (p.to_string(), *h)).collect()
    }

    #[test]
    fn assets_first_worker_last() {
        let l = local(&[
            ("sw.js", 1),
            ("index.html", 2),
            ("sitemap.xml", 3),
            ("style.0123456789.css", 4),
            ("news/atom.xml", 5),
            ("images/a.webp", 6),
        ]);
        let p = plan(&l, &Manifest::default());
        assert_eq!(
            p.upload,
            [
                "images/a.webp",
                "style.0123456789.css",
                "index.html",
                "news/atom.xml",
                "sitemap.xml",
                "sw.js"
            ]
        );
    }

    #[test]
    fn only_changes_and_only_listed_deletions() {
        let mut old = Manifest::default();
        old.files.insert("a.html".into(), manifest::hex(1));
        old.files.insert("b.html".into(), manifest::hex(2));
        old.files.insert("gone.css".into(), manifest::hex(3));
        old.files.insert("gone.html".into(), manifest::hex(3));
        let p = plan(&local(&[("a.html", 1), ("b.html", 9), ("c.html", 4)]), &old);
        assert_eq!(p.upload, ["b.html", "c.html"]);
        assert_eq!(p.delete, ["gone.html", "gone.css"]);
        assert_eq!(p.unchanged, 1);
    }
}
