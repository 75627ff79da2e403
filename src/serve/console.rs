//! What `campaign serve` says in the terminal, in the editor's language: the addresses to
//! open, the result of each build, and its problems at start.

use crate::diagnostics::{self, Diagnostic, Severity};
use crate::messages::Messages;
use crate::pipeline::Build;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

/// The lines after the first build: where the site is served and how to stop.
pub(super) fn serving(words: &Messages, root: &Path, url: &str, ip: IpAddr, port: u16) {
    let root = root.display().to_string();
    let line = words.word("serve-serving", &[("root", &root), ("url", url)], || {
        format!("Serving {root} at {url}")
    });
    println!("{line}");
    if ip.is_unspecified() {
        phone(words, &super::network_urls(port));
    } else if !ip.is_loopback() {
        let ip = ip.to_string();
        let line = words.word("serve-network", &[("ip", &ip)], || {
            format!("Other computers on the network can open it too (--bind {ip}).")
        });
        println!("  {line}");
    }
    let line = words.word("serve-reload", &[], || {
        "Pages reload by themselves when you save a file. Press Ctrl-C to stop.".into()
    });
    println!("  {line}");
    let overview = format!(
        "{}{}",
        url.trim_end_matches('/'),
        super::editors::TRANSLATIONS_PATH
    );
    let line = words.word("serve-translations", &[("url", &overview)], || {
        format!("Translations, page by page: {overview}")
    });
    println!("  {line}");
}

/// The addresses (and a QR code) to open the preview on a phone.
fn phone(words: &Messages, seen: &[String]) {
    if seen.is_empty() {
        let line = words.word("serve-no-network", &[], || {
            "This computer has no network address yet: connect to a network to open the preview on a phone.".into()
        });
        println!("  {line}");
    }
    for u in seen {
        let line = words.word("serve-phone", &[("url", u)], || {
            format!("On a phone or another computer on the same network, open {u}")
        });
        println!("  {line}");
    }
    if let Some(u) = seen.first()
        && let Ok(code) = crate::render::qr::terminal(u)
    {
        let line = words.word("serve-qr", &[("url", u)], || {
            format!("or scan this code with the phone's camera ({u}):")
        });
        println!("  {line}");
        print!("{code}");
    }
}

/// The address is out before the whole site is built: pages are made as they are opened.
pub(super) fn previewing(words: &Messages) {
    let line = words.word("serve-previewing", &[], || {
        "The whole site is still being built; pages are made as you open them meanwhile.".into()
    });
    println!("  {line}");
}

/// When the server stops.
pub(super) fn stopping(words: &Messages) {
    let line = words.word("serve-stopping", &[], || "Stopping.".into());
    println!("\n{line}");
}

/// A line when no browser could be opened.
pub(super) fn no_browser(words: &Messages, url: &str) {
    let line = words.word("serve-no-browser", &[("url", url)], || {
        format!("could not open a browser; open {url} yourself")
    });
    eprintln!("{line}");
}

/// A line when the port asked for is taken.
pub(super) fn port_taken(words: &Messages, port: u16) {
    let (p, next) = (port.to_string(), port.saturating_add(1).to_string());
    let line = words.word("serve-port-taken", &[("port", &p), ("next", &next)], || {
        format!("port {p} is in use, trying {next}")
    });
    eprintln!("{line}");
}

/// The error for a site folder that cannot be opened.
pub(super) fn cannot_open(root: &Path, e: &std::io::Error) -> Diagnostic {
    let (folder, (io, code)) = (root.display().to_string(), crate::load::io_reason(e));
    Diagnostic::error(
        "serve",
        format!(
            "cannot open the site folder {folder}: {}",
            crate::load::plain_io(e)
        ),
    )
    .tr(
        "serve-root",
        &[("folder", &folder), ("io", io), ("code", &code)],
    )
}

/// The error for a `--bind` that is no address.
pub(super) fn not_an_address(bind: &str) -> Diagnostic {
    Diagnostic::error("serve", format!("`{bind}` is not an address to listen on"))
        .with_hint("use 127.0.0.1 (this computer only) or 0.0.0.0 (every network)")
        .tr("serve-bind", &[("bind", bind)])
}

/// A problem that stops the server from starting.
pub(super) fn fail(words: &Messages, d: &Diagnostic) {
    eprint!("{}", d.render_text_in(words));
}

fn print_errors(build: &Build, with_warnings: bool, words: &Messages) {
    for d in &build.diagnostics {
        if d.severity == Severity::Error || with_warnings {
            eprint!("{}", d.render_text_in(words));
        }
    }
}

/// After the first build: every message, and a summary.
pub(super) fn report_first(build: &Build, words: &Messages) {
    print_errors(build, true, words);
    let (e, _) = diagnostics::count(&build.diagnostics);
    if e > 0 {
        let errors = e.to_string();
        let line = words.word("serve-first-failed", &[("errors", &errors)], || {
            format!(
                "The site could not be built ({e} {}); the browser shows what to fix, and the site appears as soon as it builds.",
                if e == 1 { "error" } else { "errors" }
            )
        });
        eprintln!("{line}");
    } else {
        let pages: usize = build.pages_per_lang.iter().map(|(_, n)| n).sum();
        let (p, ms) = (pages.to_string(), build.elapsed.as_millis().to_string());
        let line = words.word("serve-built", &[("pages", &p), ("ms", &ms)], || {
            format!("Built {pages} pages in {ms} ms.")
        });
        println!("{line}");
    }
}

/// After a rebuild: what changed, and errors if any (`had_good`: a good build is served).
pub(crate) fn report_rebuild(build: &Build, changed: &[PathBuf], had_good: bool, words: &Messages) {
    let what = match changed {
        [] => String::new(),
        [one] => format!(" after a change to {}", diagnostics::display_path(one)),
        [one, rest @ ..] => format!(
            " after changes to {} and {} more",
            diagnostics::display_path(one),
            rest.len()
        ),
    };
    let ms = build.elapsed.as_millis().to_string();
    let args = Rebuild::new(changed, &ms, had_good);
    let args = args.args();
    if build.failed() {
        print_errors(build, false, words);
        let shown = if had_good {
            "the browser shows the errors over the last good version"
        } else {
            "the browser shows the errors"
        };
        let line = words.word("serve-rebuild-failed", &args, || {
            format!("The site could not be rebuilt{what}; {shown}.")
        });
        eprintln!("{line}");
    } else {
        let line = words.word("serve-rebuilt", &args, || {
            format!("Rebuilt{what} in {ms} ms.")
        });
        println!("{line}");
    }
}

/// The arguments of `serve-rebuilt` and `serve-rebuild-failed`.
struct Rebuild<'a> {
    changes: &'static str,
    file: String,
    more: String,
    ms: &'a str,
    good: &'static str,
}

impl<'a> Rebuild<'a> {
    fn new(changed: &[PathBuf], ms: &'a str, had_good: bool) -> Self {
        Rebuild {
            changes: match changed.len() {
                0 => "none",
                1 => "one",
                _ => "many",
            },
            file: changed
                .first()
                .map(|p| diagnostics::display_path(p))
                .unwrap_or_default(),
            more: changed.len().saturating_sub(1).to_string(),
            ms,
            good: if had_good { "yes" } else { "no" },
        }
    }

    fn args(&self) -> [(&str, &str); 5] {
        [
            ("changes", self.changes),
            ("file", &self.file),
            ("more", &self.more),
            ("ms", self.ms),
            ("good", self.good),
        ]
    }
}

/// A watch problem as the catalogue knows it (`io-reason`): kind and error number.
fn watch_reason(e: &notify::Error) -> (&'static str, String) {
    match &e.kind {
        notify::ErrorKind::Io(io) => crate::load::io_reason(io),
        notify::ErrorKind::PathNotFound => ("missing", String::new()),
        notify::ErrorKind::MaxFilesWatch => ("limit", String::new()),
        _ => ("unknown", String::new()),
    }
}

/// The error when the site's folders cannot be watched (`what`: `folders` or `files`).
pub(super) fn cannot_watch(e: &notify::Error, what: &'static str) -> Diagnostic {
    let (io, code) = watch_reason(e);
    let english = if what == "folders" {
        format!("cannot watch the site's folders: {e}")
    } else {
        format!("cannot watch files: {e}")
    };
    Diagnostic::error("watch", english).tr(
        "watch-failed",
        &[("what", what), ("io", io), ("code", &code)],
    )
}

/// The warning when the system's limit on watched folders makes the watch poll instead.
pub(super) fn polling_instead(every: std::time::Duration) -> Diagnostic {
    let ms = every.as_millis().to_string();
    Diagnostic::warning(
        "watch",
        format!("the system limit on watched folders is reached, so files are checked every {ms} ms instead"),
    )
    .with_hint("raise the limit, e.g. `sudo sysctl fs.inotify.max_user_watches=524288`")
    .tr("watch-polling", &[("ms", &ms)])
}

/// The warning when watching fails while the server runs; with a hint when the limit on
/// watched folders is the cause.
pub(super) fn watch_trouble(e: &notify::Error, limit: bool) -> Diagnostic {
    let (io, code) = watch_reason(e);
    let english = format!("watching files: {e}");
    if limit {
        Diagnostic::warning("watch", english)
            .with_hint("new folders may be missed; restart with `--poll 500` or raise fs.inotify.max_user_watches")
            .tr("watch-limit", &[("io", io), ("code", &code)])
    } else {
        Diagnostic::warning("watch", english).tr("watch-trouble", &[("io", io), ("code", &code)])
    }
}

/// The warning when one site folder cannot be watched again.
pub(super) fn cannot_rewatch(folder: &str, e: &notify::Error) -> Diagnostic {
    let (io, code) = watch_reason(e);
    Diagnostic::warning("watch", format!("cannot watch {folder}/: {e}")).tr(
        "watch-folder",
        &[("folder", folder), ("io", io), ("code", &code)],
    )
}
