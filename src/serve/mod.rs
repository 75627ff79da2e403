//! `campaign serve`: build the site into memory, serve it on this computer, rebuild on every
//! save and tell open pages to reload; a failed build is shown in the browser, never as a
//! dead server.
//!
//! [`changes`] normalises file-system events (pure), [`watch`] turns them into rebuilds,
//! [`state`] holds the served snapshot, [`http`] and [`paths`] serve it, and [`reload`] is the
//! browser side (event stream, injected script, error overlay). [`server`] accepts
//! connections: the Host allow-list ([`hosts`]), header and idle timeouts, and the
//! connection limit ([`conns`]).

pub mod changes;
pub mod conns;
pub mod hosts;
pub mod http;
pub mod paths;
pub mod reload;
pub mod server;
pub mod state;
pub mod watch;

use crate::diagnostics::{self, Severity};
use crate::pipeline::Build;
use state::State;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// How many ports after the asked one are tried when it is taken.
const PORT_TRIES: u16 = 10;
/// How long open connections get to finish after Ctrl-C.
const STOP_GRACE: Duration = Duration::from_secs(2);

/// What `campaign serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The port to try first (0: any free port).
    pub port: u16,
    /// The address to listen on (`127.0.0.1` unless the user says otherwise).
    pub bind: String,
    /// Open the site in the default browser.
    pub open: bool,
    /// Poll for changes every so many milliseconds instead of using system notifications.
    pub poll: Option<u64>,
    /// Show drafts.
    pub drafts: bool,
    /// The editor's language for the error overlay when the browser asks for neither
    /// Georgian nor English.
    pub lang: crate::messages::Lang,
}

/// Run the server until Ctrl-C. Errors in the site never stop it; only a port or watch
/// problem at start does.
pub fn run(opts: ServeOptions) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return ExitCode::from(1);
        }
    };
    let code = runtime.block_on(serve(opts));
    // A rebuild still running on a blocking thread is not waited for.
    runtime.shutdown_timeout(Duration::from_millis(500));
    code
}

async fn serve(opts: ServeOptions) -> ExitCode {
    let root = match dunce::canonicalize(&opts.root) {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "error: cannot open the site folder {}: {}",
                opts.root.display(),
                crate::load::plain_io(&e)
            );
            return ExitCode::from(1);
        }
    };
    let Some(ip) = parse_bind(&opts.bind) else {
        eprintln!(
            "error: `{}` is not an address to listen on\n  = hint: use 127.0.0.1 (this computer only) or 0.0.0.0 (every network)",
            opts.bind
        );
        return ExitCode::from(1);
    };
    let Some(listener) = listen(ip, opts.port).await else {
        return ExitCode::from(1);
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return ExitCode::from(1);
        }
    };
    let url = url_for(addr);
    let state = State::new(root.clone(), url.clone(), opts.drafts, opts.lang);

    // Watch first, so no save between the first build and the watch is lost.
    let watching = match watch::start(&root, opts.poll) {
        Ok(w) => w,
        Err(msg) => {
            eprintln!("error: {msg}");
            return ExitCode::from(1);
        }
    };
    let first = Arc::clone(&state);
    let (hashes, build) = match tokio::task::spawn_blocking(move || {
        let hashes = watch::hash_all(first.root());
        (hashes, first.build_blocking(&[]))
    })
    .await
    {
        Ok(done) => done,
        Err(_) => {
            eprintln!("error: the first build stopped because of a bug in campaign");
            return ExitCode::from(1);
        }
    };
    report_first(&build);
    state.publish(build, false);
    tokio::spawn(watching.run(Arc::clone(&state), hashes));

    println!("Serving {} at {url}", root.display());
    if ip.is_unspecified() {
        let seen = network_urls(addr.port());
        if seen.is_empty() {
            println!(
                "  This computer has no network address yet: connect to a network to open the preview on a phone."
            );
        }
        for u in &seen {
            println!("  On a phone or another computer on the same network, open {u}");
        }
        if let Some(u) = seen.first()
            && let Ok(code) = crate::render::qr::terminal(u)
        {
            println!("  or scan this code with the phone's camera ({u}):");
            print!("{code}");
        }
    } else if !ip.is_loopback() {
        println!("  Other computers on the network can open it too (--bind {ip}).");
    }
    println!("  Pages reload by themselves when you save a file. Press Ctrl-C to stop.");
    if opts.open {
        open_browser(&url);
    }

    let app = http::router(Arc::clone(&state));
    let stopping = Arc::clone(&state);
    let stop = async move {
        stop_signal().await;
        println!("\nStopping.");
        stopping.stop();
    };
    server::run(listener, app, stop, STOP_GRACE).await;
    ExitCode::SUCCESS
}

/// `localhost` or an IP address.
fn parse_bind(bind: &str) -> Option<IpAddr> {
    if bind.eq_ignore_ascii_case("localhost") {
        return Some(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    bind.trim_matches(|c| c == '[' || c == ']').parse().ok()
}

/// Listen on `port`, or on one of the next ports when it is taken.
async fn listen(ip: IpAddr, port: u16) -> Option<TcpListener> {
    let tries = if port == 0 { 1 } else { PORT_TRIES };
    for offset in 0..tries {
        let Some(p) = port.checked_add(offset) else {
            break;
        };
        match TcpListener::bind(SocketAddr::new(ip, p)).await {
            Ok(l) => return Some(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                eprintln!("port {p} is in use, trying {}", p.saturating_add(1));
            }
            Err(e) => {
                eprintln!(
                    "error: cannot listen on {ip} port {p}: {}",
                    crate::load::plain_io(&e)
                );
                return None;
            }
        }
    }
    eprintln!(
        "error: ports {port} to {} are all in use\n  = hint: pick another with --port, e.g. --port 8080",
        port.saturating_add(tries - 1)
    );
    None
}

/// The addresses a phone on the same network can open: one per IPv4 network interface of
/// this computer (not loopback, not link-local), read from the system, nothing sent.
fn network_urls(port: u16) -> Vec<String> {
    let Ok(interfaces) = if_addrs::get_if_addrs() else {
        return Vec::new();
    };
    let mut out: Vec<std::net::Ipv4Addr> = interfaces
        .iter()
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) if !v4.is_loopback() && !v4.is_link_local() => Some(v4),
            _ => None,
        })
        .collect();
    // Home and office Wi-Fi first (192.168.*, then 10.*), then the rest (e.g. 172.17.* of
    // containers), so that the first address is the likeliest for a phone.
    out.sort_by_key(|ip| {
        let o = ip.octets();
        let rank = match o[0] {
            192 if o[1] == 168 => 0,
            10 => 1,
            _ => 2,
        };
        (rank, *ip)
    });
    out.dedup();
    out.iter()
        .map(|ip| format!("http://{ip}:{port}/"))
        .collect()
}

/// The address to print and to build absolute URLs with.
fn url_for(addr: SocketAddr) -> String {
    let host = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
        IpAddr::V4(ip) => ip.to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
    };
    format!("http://{host}:{}/", addr.port())
}

/// Ctrl-C, or a polite request to stop from the system.
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if cmd.spawn().is_err() {
        eprintln!("could not open a browser; open {url} yourself");
    }
}

fn print_errors(build: &Build, with_warnings: bool) {
    for d in &build.diagnostics {
        if d.severity == Severity::Error || with_warnings {
            eprint!("{}", d.render_text());
        }
    }
}

/// After the first build: every message, and a summary.
fn report_first(build: &Build) {
    print_errors(build, true);
    let (e, _) = diagnostics::count(&build.diagnostics);
    if e > 0 {
        eprintln!(
            "The site could not be built ({e} {}); the browser shows what to fix, and the site appears as soon as it builds.",
            if e == 1 { "error" } else { "errors" }
        );
    } else {
        let pages: usize = build.pages_per_lang.iter().map(|(_, n)| n).sum();
        println!("Built {pages} pages in {} ms.", build.elapsed.as_millis());
    }
}

/// After a rebuild: what changed, and errors if any (`had_good`: a good build is served).
pub(crate) fn report_rebuild(build: &Build, changed: &[PathBuf], had_good: bool) {
    let what = match changed {
        [] => String::new(),
        [one] => format!(" after a change to {}", diagnostics::display_path(one)),
        [one, rest @ ..] => format!(
            " after changes to {} and {} more",
            diagnostics::display_path(one),
            rest.len()
        ),
    };
    if build.failed() {
        print_errors(build, false);
        let shown = if had_good {
            "the browser shows the errors over the last good version"
        } else {
            "the browser shows the errors"
        };
        eprintln!("The site could not be rebuilt{what}; {shown}.");
    } else {
        println!("Rebuilt{what} in {} ms.", build.elapsed.as_millis());
    }
}
