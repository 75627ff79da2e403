//! The list kept at the destination (`.campaign-deploy.json`) of every file a deploy put
//! there, with the XXH3 hash of its content: the next deploy uploads only what changed and
//! deletes only what it finds listed here.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The manifest's name at the destination.
pub const NAME: &str = ".campaign-deploy.json";

/// What earlier deploys put at the destination.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The format's version (1).
    pub version: u32,
    /// Path (relative, `/`) → XXH3 of its content, 16 hex digits.
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    /// Read a manifest; `Err` says what is wrong with it.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, String> {
        serde_json::from_slice(bytes).map_err(|e| e.to_string())
    }

    /// The manifest as JSON.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).unwrap_or_default();
        v.push(b'\n');
        v
    }
}

/// A hash as the manifest writes it.
pub fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn round_trip() {
        let mut m = Manifest {
            version: 1,
            ..Default::default()
        };
        m.files.insert("index.html".into(), hex(42));
        assert_eq!(Manifest::parse(&m.to_bytes()).unwrap(), m);
        assert!(Manifest::parse(b"{").is_err());
    }
}
