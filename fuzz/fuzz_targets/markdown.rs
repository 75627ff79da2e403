//! Fuzz: any Markdown page (links, anchors, images, directives) builds or fails with
//! messages, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
mod site;

fuzz_target!(|data: &[u8]| {
    if let Ok(body) = std::str::from_utf8(data) {
        let page = format!("---\ntitle: Fuzz\n---\n\n{body}");
        site::build_with("site-basic", "content/services/medical-care.en.md", &page);
    }
});
