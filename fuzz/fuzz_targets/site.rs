//! A fixture site copied once into a temporary folder; each input replaces one file and the
//! whole pipeline runs in memory.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::create_dir_all(to);
    for e in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            let _ = std::fs::copy(e.path(), target);
        }
    }
}

/// The copy of `tests/fixtures/<fixture>` for this process.
pub fn root(fixture: &str) -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("campaign-fuzz-{}", std::process::id()));
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(fixture);
        copy_dir(&src, &dir);
        dir
    })
}

/// Write `text` at `rel` in the site and build it in memory (no output folder).
pub fn build_with(fixture: &str, rel: &str, text: &str) {
    let root = root(fixture);
    if std::fs::write(root.join(rel), text).is_ok() {
        let opts = campaign::pipeline::BuildOptions {
            process_images: false,
            ..Default::default()
        };
        let _ = campaign::pipeline::build(root, &opts);
    }
}
