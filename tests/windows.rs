//! The Windows program, as editors on Windows laptops get it. `.ci/run` cross-compiles
//! `campaign.exe` (`x86_64-pc-windows-gnu`, Debian's mingw-w64) and names it in
//! `CAMPAIGN_WINDOWS_EXE`; these tests run it under Debian's wine: it builds the bundled site
//! byte for byte as the Linux program does, keeps the sources safe given Windows paths,
//! `serve` sees a saved file and rebuilds, and it speaks Georgian on a Georgian machine.
//!
//! Without `CAMPAIGN_WINDOWS_EXE` they fail and say how to get one (`CAMPAIGN_SKIP_WINDOWS=1`
//! skips them on purpose), so no run passes them without running them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The cross-compiled program. Without one the tests fail and say how to get it, unless
/// `CAMPAIGN_SKIP_WINDOWS=1` asks to skip them (then `None`, said on stderr).
fn exe() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CAMPAIGN_WINDOWS_EXE") {
        let p = PathBuf::from(p);
        assert!(
            p.is_file(),
            "CAMPAIGN_WINDOWS_EXE names no file: {}",
            p.display()
        );
        return Some(p);
    }
    if std::env::var_os("CAMPAIGN_SKIP_WINDOWS").is_some() {
        eprintln!("!!! Windows tests skipped (CAMPAIGN_SKIP_WINDOWS)");
        return None;
    }
    panic!(
        "no Windows program to test: `bash .ci/run` cross-compiles campaign.exe and runs these \
         tests under wine (or set CAMPAIGN_WINDOWS_EXE to a campaign.exe; \
         CAMPAIGN_SKIP_WINDOWS=1 skips them)"
    )
}

/// A path as a Windows program names it: wine shows the Linux file system as drive `Z:`.
fn win(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// `wine campaign.exe` with the harness's environment, run in `cwd`.
fn wine(exe: &Path, cwd: &Path) -> Command {
    let mut cmd = Command::new("wine");
    support::harness_env(&mut cmd)
        .arg(exe)
        .current_dir(cwd)
        .env("WINEDEBUG", "-all");
    cmd
}

#[test]
fn builds_the_bundled_site_byte_for_byte_as_on_linux() {
    let Some(exe) = exe() else { return };
    let site = support::bundled_copy();
    let out = site.beside().join("windows-out");
    let run = support::run(wine(&exe, site.path()).args(["build", "--output", &win(&out)]));
    assert!(run.ok(), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("built 44 pages"), "{}", run.stdout);

    let linux = support::build_to_temp(site.path());
    assert!(linux.ok(), "{}", linux.stderr);
    let (w, l) = (support::tree(&out), support::tree(&linux.out));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&w), names(&l), "the same files");
    for ((name, a), (_, b)) in w.iter().zip(&l) {
        assert!(
            a == b,
            "{name} differs between the Windows and the Linux build"
        );
    }
}

#[test]
fn never_writes_over_the_sources_given_windows_paths() {
    let Some(exe) = exe() else { return };
    let site = support::bundled_copy();
    let before = support::tree(&site.path().join("content"));
    for output in [
        ".",
        ".\\content",
        "content\\news",
        &win(site.path()),
        "..\\",
    ] {
        let run = support::run(wine(&exe, site.path()).args(["build", "--output", output]));
        assert_eq!(
            run.code, 1,
            "--output {output}: {}{}",
            run.stdout, run.stderr
        );
        assert!(
            run.stderr.contains("error:"),
            "--output {output}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("\\\\?\\"),
            "a plain Windows path: {}",
            run.stderr
        );
    }
    assert_eq!(support::tree(&site.path().join("content")), before);
    assert!(site.path().join("site.yaml").is_file());
}

#[test]
fn says_file_and_line_in_georgian_on_a_georgian_windows() {
    let Some(exe) = exe() else { return };
    let site = support::fixture("site-basic");
    std::fs::write(site.path().join("content/broken.ka.md"), "---\ntitle: x\n").unwrap();
    let run = support::run(
        wine(&exe, site.path())
            .args(["check"])
            .env_remove("CAMPAIGN_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "ka_GE.UTF-8"),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("შეცდომა: front matter არ არის დახურული"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> content/broken.ka.md:1:1"),
        "the file as editors see it, with forward slashes: {}",
        run.stderr
    );
}

/// `serve` under wine, stopped when dropped.
struct WineServer(Child);

impl Drop for WineServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The body of `GET path` on 127.0.0.1:`port`, or `None` while nothing answers.
fn fetch(port: u16, path: &str) -> Option<String> {
    std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    let r = support::serve::http(port, "GET", path, &[], None);
    (r.status == 200).then(|| r.text())
}

/// Poll until `f` gives a value (a wine process starts slowly on a busy machine).
fn wait_for<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn serve_rebuilds_when_a_file_is_saved() {
    let Some(exe) = exe() else { return };
    let site = support::bundled_copy();
    let port = support::free_port();
    let child = wine(&exe, site.path())
        .args(["serve", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start wine");
    let _server = WineServer(child);
    let page = wait_for("the first build", || fetch(port, "/en/"));
    assert!(page.contains("<html lang=\"en\""), "{page}");

    let file = site.path().join("content/_index.en.md");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .unwrap();
    writeln!(f, "\nSaved on Windows: a new paragraph.").unwrap();
    drop(f);
    wait_for("the saved paragraph", || {
        fetch(port, "/en/").filter(|p| p.contains("Saved on Windows: a new paragraph."))
    });
}
