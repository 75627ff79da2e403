//! Fuzz: a page's front matter (split, YAML, every key) never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(split) = campaign::load::frontmatter::split(text, "content/x.ka.md") {
            let _ = campaign::load::frontmatter::parse(&split, "content/x.ka.md", text);
        }
    }
});
