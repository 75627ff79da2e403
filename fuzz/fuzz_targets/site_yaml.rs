//! Fuzz: `site.yaml` never panics the configuration reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = campaign::config::parse(text, "site.yaml");
    }
});
