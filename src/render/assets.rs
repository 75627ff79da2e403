//! Content-hashed names for the site's stylesheets and scripts (`style.css` →
//! `style.3f2a1c9e07.css`), so that hosts and browsers may keep them for a year: a changed file
//! gets a new name. Templates keep writing `"/style.css" | rel`; the plain name is written too,
//! for links written by hand. The preview (`serve`) keeps the plain names.

use crate::load::StaticFile;
use std::collections::HashMap;

/// Files that keep their name: a service worker must stay at the address it was registered
/// from.
const KEEP: [&str; 1] = ["sw.js"];

/// Site path of a stylesheet or script (`/style.css`) → its hashed site path.
#[derive(Debug, Default, Clone)]
pub struct AssetNames(HashMap<String, String>);

impl AssetNames {
    /// The hashed names of the root-level `*.css` and `*.js` files among `statics`.
    pub fn new(statics: &[StaticFile]) -> AssetNames {
        let mut names = AssetNames::default();
        for s in statics {
            names.add(&s.out, &s.bytes);
        }
        names
    }

    /// Give the file at output path `out` with these bytes its hashed name, when it is a
    /// stylesheet or script at the root.
    fn add(&mut self, out: &str, bytes: &[u8]) {
        if out.contains('/') || KEEP.contains(&out) {
            return;
        }
        let Some((stem, ext)) = out.rsplit_once('.') else {
            return;
        };
        if ext == "css" || ext == "js" {
            let hash = xxhash_rust::xxh3::xxh3_64(bytes);
            let hashed = format!("/{stem}.{:010x}.{ext}", hash >> 24);
            self.0.insert(format!("/{out}"), hashed);
        }
    }

    /// The names a build of `config` uses: none in `campaign serve`'s preview, whose live
    /// reload fetches a changed stylesheet again under the name the page already has.
    pub fn for_build(config: &crate::config::Config, statics: &[StaticFile]) -> AssetNames {
        if config.preview {
            return AssetNames::default();
        }
        let mut names = AssetNames::new(statics);
        if config.offline_reading() {
            let (name, bytes) = crate::render::outputs::offline::register_script();
            names.add(name, bytes.as_bytes());
        }
        names
    }

    /// The hashed site path of `site_path`, when it is a hashed file.
    pub fn get(&self, site_path: &str) -> Option<&str> {
        self.0.get(site_path).map(String::as_str)
    }

    /// The output path (no leading `/`) under which a static file is also written.
    pub fn output_of(&self, out: &str) -> Option<&str> {
        self.0
            .get(&format!("/{out}"))
            .map(|h| h.trim_start_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::AssetNames;
    use crate::load::StaticFile;
    use std::sync::Arc;

    fn file(out: &str, bytes: &str) -> StaticFile {
        StaticFile {
            out: out.into(),
            bytes: Arc::new(bytes.as_bytes().to_vec()),
            source: format!("static/{out}"),
        }
    }

    #[test]
    fn stylesheets_and_scripts_at_the_root_get_a_name_that_changes_with_their_content() {
        let a = AssetNames::new(&[
            file("style.css", "a{}"),
            file("sw.js", "x"),
            file("img/x.js", "y"),
        ]);
        let b = AssetNames::new(&[file("style.css", "b{}")]);
        let name = a.get("/style.css").unwrap_or_default();
        assert!(
            name.starts_with("/style.") && name.ends_with(".css") && name.len() == 21,
            "{name}"
        );
        assert_ne!(a.get("/style.css"), b.get("/style.css"));
        assert_eq!(a.get("/sw.js"), None);
        assert_eq!(a.get("/img/x.js"), None);
        assert_eq!(a.output_of("style.css"), Some(&name[1..]));
    }
}
