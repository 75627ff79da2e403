//! Fuzz: any `content/self-check.yaml` builds or fails with messages, never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
mod site;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        site::build_with("selfcheck-site", "content/self-check.yaml", text);
    }
});
