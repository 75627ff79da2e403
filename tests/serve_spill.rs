//! `serve` keeps its pages deflated in a temporary file that has no name (README,
//! Performance): the pages come back whole, the file is open in the system's temporary
//! folder, and nothing is ever left there, not even when the server is killed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::ffi::OsString;
use std::path::Path;
use support::fixture;
use support::serve::serve_with_env;

/// The names in a folder.
fn names(dir: &Path) -> Vec<OsString> {
    std::fs::read_dir(dir)
        .expect("read the folder")
        .map(|e| e.expect("an entry").file_name())
        .collect()
}

#[test]
fn pages_go_to_an_unnamed_temporary_file_that_leaves_nothing_behind() {
    let fx = fixture("serve-basic");
    let tmp = tempfile::tempdir().expect("temporary folder");
    let mut server = serve_with_env(fx.path(), &[], &[("TMPDIR", tmp.path())]);

    let home = server.get("/");
    assert_eq!(home.status, 200);
    let text = home.text();
    assert!(text.contains("HOME-KA"), "{text}");
    assert!(text.trim_end().ends_with("</html>"), "{text}");
    let about = server.get("/en/about/").text();
    assert!(about.contains("ABOUT-MARKER-1"), "{about}");

    // The server holds a file in TMPDIR open, and the folder shows no name.
    #[cfg(target_os = "linux")]
    {
        let fds = std::fs::read_dir(format!("/proc/{}/fd", server.child.id())).expect("fds");
        let open_there = fds
            .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
            .filter(|target| target.starts_with(tmp.path()))
            .count();
        assert!(open_there >= 1, "no temporary file open in TMPDIR");
    }
    assert_eq!(names(tmp.path()), Vec::<OsString>::new());

    // Killed, as by a crash: still nothing there.
    server.child.kill().expect("kill");
    server.child.wait().expect("wait");
    assert_eq!(names(tmp.path()), Vec::<OsString>::new());
}
