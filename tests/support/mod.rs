//! The one support module of the integration tests (`mod support;` at the top of each
//! `tests/*.rs`):
//!
//! - running the real `campaign` binary with the harness's fixed environment ([`command`],
//!   [`campaign`], [`build`]): messages in English whatever the machine's locale, no colour;
//! - fixture sites copied into temporary folders ([`fixture`]) and the bundled site (the
//!   repository root) copied and built once per test binary ([`bundled`]);
//! - exact transcripts kept as files beside their fixtures ([`assert_transcript`], `BLESS=1`);
//! - reading the output: files, trees, links ([`read`], [`tree`], [`resolve`], ...).
//!
//! [`browser`] starts chromedriver and headless Chromium; [`serve`] starts `campaign serve` and
//! speaks HTTP to it.
#![allow(dead_code)]

pub mod axe;
pub mod browser;
pub mod georgian;
pub mod rclone;
pub mod relay;
pub mod serve;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The `campaign` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_campaign");

/// The repository root, which is also the bundled site.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------------------------
// Running the CLI
// ---------------------------------------------------------------------------------------------

/// The environment every run of the binary gets: English messages whatever language the
/// machine running the tests speaks (`CAMPAIGN_LANG` decides first; the locale variables are
/// set too, so that a test that empties `CAMPAIGN_LANG` still gets a known locale), and no
/// colour.
pub const HARNESS_ENV: &[(&str, &str)] = &[
    ("CAMPAIGN_LANG", "en"),
    ("LC_ALL", "C.UTF-8"),
    ("LC_MESSAGES", "C.UTF-8"),
    ("LANG", "C.UTF-8"),
    ("NO_COLOR", "1"),
    // A fixed "today" (publish dates, the date printouts carry), so that the output is the
    // same on every day.
    ("CAMPAIGN_TODAY", "2026-11-29"),
];

/// Give `cmd` the harness's environment ([`HARNESS_ENV`]).
pub fn harness_env(cmd: &mut Command) -> &mut Command {
    for (k, v) in HARNESS_ENV {
        cmd.env(k, v);
    }
    cmd
}

/// `campaign` with the harness's environment, run in the system's temporary folder (so that
/// it never finds a site.yaml by walking up from the repository). Add arguments, environment
/// or another folder, then [`run`] it, or spawn it.
pub fn command() -> Command {
    let mut cmd = Command::new(BIN);
    harness_env(&mut cmd).current_dir(std::env::temp_dir());
    cmd
}

/// The result of running `campaign`.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 if it was killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Whether it exited with 0.
    pub fn ok(&self) -> bool {
        self.code == 0
    }
}

/// Run `cmd` to its end and collect what it printed.
pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("run campaign");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run `campaign ARGS` in `cwd`.
pub fn campaign_in(cwd: &Path, args: &[&str]) -> Run {
    run(command().args(args).current_dir(cwd))
}

/// Run `campaign ARGS` (in the temporary folder).
pub fn campaign(args: &[&str]) -> Run {
    run(command().args(args))
}

/// `campaign build --root ROOT`: into `ROOT/public`.
pub fn build(root: &Path) -> Run {
    run(command().args(["build", "--root"]).arg(root))
}

/// A build into a temporary folder of its own.
#[derive(Debug)]
pub struct Built {
    /// The run of `campaign build`.
    pub run: Run,
    /// The output folder (inside the temporary folder).
    pub out: PathBuf,
    _tmp: tempfile::TempDir,
}

impl std::ops::Deref for Built {
    type Target = Run;
    fn deref(&self) -> &Run {
        &self.run
    }
}

/// `campaign build --root ROOT --output <temporary folder>/public`.
pub fn build_to_temp(root: &Path) -> Built {
    build_to_temp_with(root, &[])
}

/// [`build_to_temp`] with more options (`--base-url URL`, ...).
pub fn build_to_temp_with(root: &Path, options: &[&str]) -> Built {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    let run = run(command()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .args(options));
    Built {
        run,
        out,
        _tmp: tmp,
    }
}

/// A port on 127.0.0.1 that was free a moment ago (`campaign serve` moves on to the next one
/// if it is taken meanwhile), never one handed out before in this test binary: two tests
/// starting servers at once must not get the same port before either server listens.
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port on 127.0.0.1");
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fixture sites and the bundled site
// ---------------------------------------------------------------------------------------------

/// A site copied into a temporary folder: the site is the folder `site` inside it, so a test
/// has room beside the site (for outputs, secrets to leak, browser profiles) that is still
/// removed with it.
#[derive(Debug)]
pub struct Fixture {
    tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Fixture {
    /// The site's folder.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The temporary folder that holds the site: a place beside it.
    pub fn beside(&self) -> &Path {
        self.tmp.path()
    }
}

/// Add `lines` (each ending in a line break) at the end of the site.yaml of the site at `root`.
pub fn append_site_yaml(root: &Path, lines: &str) {
    let file = root.join("site.yaml");
    let yaml = std::fs::read_to_string(&file).expect("read site.yaml");
    std::fs::write(&file, yaml + lines).expect("write site.yaml");
}

/// Files in a fixture folder that are the test's, not the site's: expected transcripts.
fn is_transcript(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with("expected-")
}

/// A fixture site's own folder, `tests/fixtures/NAME` (read it, never build in it).
pub fn fixture_path(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// A copy of the fixture site `tests/fixtures/NAME` (without its expected transcripts) in a
/// fresh temporary folder: tests never write into tests/ (a build writes its cache under the
/// site).
pub fn fixture(name: &str) -> Fixture {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("site");
    std::fs::create_dir_all(&root).expect("mkdir");
    for e in std::fs::read_dir(fixture_path(name)).expect("read the fixture") {
        let e = e.expect("entry");
        if !is_transcript(&e.file_name()) {
            copy_entry(&e.path(), &root.join(e.file_name()));
        }
    }
    Fixture { tmp, root }
}

/// Copy a file or a folder (recursively).
fn copy_entry(from: &Path, to: &Path) {
    if from.is_dir() {
        copy_dir(from, to);
    } else {
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
}

/// Copy a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        copy_entry(&entry.path(), &to.join(entry.file_name()));
    }
}

/// What of the repository root makes up the bundled site (those that exist are copied).
pub const BUNDLED_PARTS: &[&str] = &[
    "site.yaml",
    "content",
    "static",
    "themes",
    "templates",
    "locales",
    "translations.yaml",
];

/// A copy of the bundled site (the repository root's [`BUNDLED_PARTS`]) in a fresh temporary
/// folder, so that building it never writes into the repository (its `.cache/`).
pub fn bundled_copy() -> Fixture {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("site");
    copy_bundled(&root);
    Fixture { tmp, root }
}

fn copy_bundled(to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for part in BUNDLED_PARTS {
        let from = repo().join(part);
        if from.exists() {
            copy_entry(&from, &to.join(part));
        }
    }
}

/// Add languages to the `languages:` list of the site at `root` (a copy of the bundled
/// site), after English: `entries` is YAML list items, e.g. `"  - code: ar\n"`.
pub fn add_languages(root: &Path, entries: &str) {
    let path = root.join("site.yaml");
    let yaml = std::fs::read_to_string(&path).expect("read site.yaml");
    let english = "    locale: en_US\n";
    assert!(
        yaml.contains(english),
        "site.yaml lists English as expected"
    );
    let yaml = yaml.replacen(english, &format!("{english}{entries}"), 1);
    std::fs::write(path, yaml).expect("write site.yaml");
}

/// The bundled site as one build sees it: a copy of it and its output.
#[derive(Debug)]
pub struct Bundled {
    /// The copy of the site that was built.
    pub site: PathBuf,
    /// The run of `campaign build --root SITE --output OUT`.
    pub run: Run,
    /// The output folder.
    pub out: PathBuf,
}

/// The bundled site, copied and built (`campaign build --root <copy> --output <copy>/../public`)
/// once per test binary, however many tests ask; the build must succeed.
///
/// It lives under Cargo's `CARGO_TARGET_TMPDIR` in a folder named after this process (a static
/// is never dropped, so the folder outlives the run); folders of earlier runs whose process is
/// gone are removed first.
pub fn bundled() -> &'static Bundled {
    static BUNDLED: OnceLock<Bundled> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bundled");
        remove_stale_runs(&base);
        let dir = base.join(std::process::id().to_string());
        let _ = std::fs::remove_dir_all(&dir);
        let site = dir.join("site");
        copy_bundled(&site);
        let out = dir.join("public");
        let run = run(command()
            .args(["build", "--root"])
            .arg(&site)
            .arg("--output")
            .arg(&out));
        assert!(run.ok(), "the bundled site must build:\n{}", run.stderr);
        Bundled { site, run, out }
    })
}

/// Remove the folders under `base` left by test processes that are no longer running
/// (Linux only: elsewhere they stay until `cargo clean`).
fn remove_stale_runs(base: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.parse::<u32>().is_ok() && !Path::new("/proc").join(&name).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Exact transcripts
// ---------------------------------------------------------------------------------------------

/// An expected transcript beside a fixture: `tests/fixtures/FIXTURE/FILE` (e.g.
/// `expected-stderr`).
pub fn expected(fixture: &str, file: &str) -> PathBuf {
    fixture_path(fixture).join(file)
}

/// An expected transcript of a test without a fixture folder: `tests/transcripts/NAME`.
pub fn transcript(name: &str) -> PathBuf {
    repo().join("tests/transcripts").join(name)
}

/// `text` with every spelling of the folder `root` replaced by `[ROOT]`, so that transcripts
/// do not depend on where the temporary folder was made.
pub fn normalise(text: &str, root: &Path) -> String {
    let mut spellings = vec![root.display().to_string()];
    if let Ok(real) = root.canonicalize() {
        spellings.push(real.display().to_string());
    }
    // The longest first, so that a shorter spelling never cuts a longer one in two.
    spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = text.to_string();
    for s in spellings {
        out = out.replace(&s, "[ROOT]");
    }
    out
}

/// Whether the run was asked to rewrite transcripts (`BLESS=1`).
pub fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

/// Compare `actual` with the transcript file at `path`, exactly. With `BLESS=1` in the
/// environment the file is (re)written instead, and its name printed: the change is then
/// reviewed as a diff of the file.
///
/// `actual` must not name a temporary folder: pass it through [`normalise`] first.
pub fn assert_transcript(path: impl AsRef<Path>, actual: &str) {
    let path = path.as_ref();
    for tmp in [
        std::env::temp_dir(),
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")),
    ] {
        let tmp = tmp.display().to_string();
        assert!(
            !actual.contains(&tmp),
            "the text for {} names the temporary folder {tmp}: normalise it first:\n{actual}",
            path.display()
        );
    }
    if blessing() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        let old = std::fs::read_to_string(path).ok();
        if old.as_deref() != Some(actual) {
            std::fs::write(path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            eprintln!("BLESS: wrote {}", path.display());
        }
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run the test with BLESS=1 to write it from this output:\n{actual}",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "the output differs from {} (run with BLESS=1 to accept it, then review the diff)\n{}",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// The lines that differ between `expected` and `actual`, with their numbers, then `actual`
/// in full.
fn line_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push_str(&format!("line {}:\n  - {x:?}\n  + {y:?}\n", i + 1));
        }
    }
    out.push_str("--- actual output ---\n");
    out.push_str(actual);
    out
}

// ---------------------------------------------------------------------------------------------
// Reading the output
// ---------------------------------------------------------------------------------------------

/// Read a file under `root` as text.
pub fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file under `dir` (dotfiles included) with its bytes, sorted by path; `dir` must
/// exist.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for e in entries {
            let e = e.expect("entry");
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .expect("under base")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).expect("read")));
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Resolve `href` written on the page at site path `base` (a folder, ending in `/`).
/// Returns the site path, without query or fragment.
pub fn resolve(base: &str, href: &str) -> String {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|s| !s.is_empty()).collect()
    };
    for p in href.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if (href.ends_with('/') || href.is_empty() || href.ends_with("..") || href == ".")
        && !out.ends_with('/')
    {
        out.push('/');
    }
    out
}

/// The file a site path is served from: `dir/index.html` for folders.
pub fn file_of(out: &Path, site_path: &str) -> PathBuf {
    let rel = site_path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        out.join(rel).join("index.html")
    } else {
        out.join(rel)
    }
}

/// The values of every `attr="..."` in `html`, in order.
pub fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

/// The `href`s of the links whose tag has `class="<class>"` right before the `href`.
pub fn hrefs_of_class<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
    attrs(html, "class")
        .into_iter()
        .zip(html.match_indices(" class=\""))
        .filter(|(c, _)| c.split(' ').any(|w| w == class))
        .filter_map(|(_, (i, _))| {
            let tag_end = html[i..].find('>').map(|e| i + e)?;
            attrs(&html[i..tag_end], "href").first().copied()
        })
        .collect()
}

/// The part of `html` from `start` up to `end` (both exclusive), or "" if absent.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let Some(i) = html.find(start) else {
        return "";
    };
    let rest = &html[i + start.len()..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// Decode the few entities templates write (`&#39;`, `&amp;`, `&quot;`, `&lt;`, `&gt;`).
pub fn unescape(s: &str) -> String {
    s.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
