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
mod console;
pub mod editors;
mod hashes;
pub mod hosts;
pub mod http;
pub mod paths;
pub mod reload;
pub mod server;
pub mod state;
pub mod watch;

use crate::diagnostics::Diagnostic;
use crate::load::{io_reason, plain_io};
use crate::messages::Messages;
use state::State;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// How many ports after the asked one are tried when it is taken.
const PORT_TRIES: u16 = 10;
/// How long the first build may go on after its preview is ready before the address is
/// printed and pages are shown from the preview.
const QUIET: Duration = Duration::from_secs(1);
/// For tests: the first build waits, once its preview is shown, until the file this names
/// exists, so that what `serve` does meanwhile can be checked without a race.
const HOLD: &str = "CAMPAIGN_HOLD_FIRST_BUILD";
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
            console::fail(&Messages::new(opts.lang), &cannot_start(&e));
            return ExitCode::from(1);
        }
    };
    let code = runtime.block_on(serve(opts));
    // A rebuild still running on a blocking thread is not waited for.
    runtime.shutdown_timeout(Duration::from_millis(500));
    code
}

async fn serve(opts: ServeOptions) -> ExitCode {
    let words = Messages::new(opts.lang);
    let root = match dunce::canonicalize(&opts.root) {
        Ok(r) => r,
        Err(e) => {
            console::fail(&words, &console::cannot_open(&opts.root, &e));
            return ExitCode::from(1);
        }
    };
    let Some(ip) = parse_bind(&opts.bind) else {
        console::fail(&words, &console::not_an_address(&opts.bind));
        return ExitCode::from(1);
    };
    let Some(listener) = listen(ip, opts.port, &words).await else {
        return ExitCode::from(1);
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            console::fail(&words, &cannot_start(&e));
            return ExitCode::from(1);
        }
    };
    let url = url_for(addr);
    let state = State::new(root.clone(), url.clone(), opts.drafts, opts.lang);

    // Watch first, so no save between the first build and the watch is lost.
    let watching = match watch::start(&root, opts.poll, opts.lang) {
        Ok(w) => w,
        Err(d) => {
            console::fail(&words, &d);
            return ExitCode::from(1);
        }
    };
    let (mut job, preview_ready) = start_first_build(Arc::clone(&state));
    // A small site is built within moments of its preview: its report comes before the
    // address, as it always did. A large one is served from its preview meanwhile.
    let done = match preview_ready.await {
        Ok(()) => tokio::time::timeout(QUIET, &mut job).await.ok(),
        Err(_) => Some((&mut job).await),
    };
    match done {
        Some(result) => {
            let Ok((hashes, build)) = result else {
                console::fail(&words, &crashed());
                return ExitCode::from(1);
            };
            console::report_first(&build, &words);
            state.publish(build, false);
            tokio::spawn(watching.run(Arc::clone(&state), hashes));
            console::serving(&words, &root, &url, ip, addr.port());
        }
        None => {
            console::serving(&words, &root, &url, ip, addr.port());
            console::previewing(&words);
            tokio::spawn(finish_first(job, Arc::clone(&state), watching));
        }
    }
    if opts.open {
        open_browser(&url, &words);
    }

    let app = http::router(Arc::clone(&state));
    let stopping = Arc::clone(&state);
    let stop = async move {
        stop_signal().await;
        console::stopping(stopping.words(stopping.lang()));
        stopping.stop();
    };
    server::run(listener, app, stop, STOP_GRACE).await;
    ExitCode::SUCCESS
}

/// The first build, on a blocking thread: the files' hashes and the build. The receiver
/// hears when its preview is shown (it is dropped without a word when there is none).
fn start_first_build(state: Arc<State>) -> (FirstBuild, tokio::sync::oneshot::Receiver<()>) {
    let hold = std::env::var_os(HOLD).map(PathBuf::from);
    let (shown, preview_ready) = tokio::sync::oneshot::channel::<()>();
    let job = tokio::task::spawn_blocking(move || {
        let mut hashes = hashes::hash_all(state.root());
        let mut shown = Some(shown);
        let build = state.build_first(&mut |preview| {
            state.show_preview(preview);
            if let Some(tx) = shown.take() {
                let _ = tx.send(());
            }
            if let Some(file) = &hold {
                while !file.exists() {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        });
        hashes::rehash_record(state.root(), &mut hashes);
        (hashes, build)
    });
    (job, preview_ready)
}

/// The first build's task.
type FirstBuild = tokio::task::JoinHandle<(hashes::Hashes, crate::pipeline::Build)>;

/// The rest of a first build served from its preview: its report, then the whole site,
/// then rebuilds on every save.
async fn finish_first(job: FirstBuild, state: Arc<State>, watching: watch::Watching) {
    let words = state.words(state.lang());
    let (hashes, build) = match job.await {
        Ok(done) => done,
        Err(_) => {
            // Reported below and shown in the browser: the server stays up for the next save.
            let build = crate::pipeline::Build {
                diagnostics: vec![crashed()],
                ..Default::default()
            };
            (hashes::Hashes::default(), build)
        }
    };
    console::report_first(&build, words);
    state.publish(build, false);
    watching.run(Arc::clone(&state), hashes).await;
}

/// The first build stopped because of a bug.
fn crashed() -> Diagnostic {
    Diagnostic::error(
        "internal",
        "the first build stopped because of a bug in campaign",
    )
    .tr("serve-crashed", &[])
}

/// `localhost` or an IP address.
fn parse_bind(bind: &str) -> Option<IpAddr> {
    if bind.eq_ignore_ascii_case("localhost") {
        return Some(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    bind.trim_matches(|c| c == '[' || c == ']').parse().ok()
}

/// The error for a server that cannot start.
fn cannot_start(e: &std::io::Error) -> Diagnostic {
    let (io, code) = io_reason(e);
    Diagnostic::error("serve", format!("cannot start the server: {e}"))
        .tr("serve-start", &[("io", io), ("code", &code)])
}

/// Listen on `port`, or on one of the next ports when it is taken.
async fn listen(ip: IpAddr, port: u16, words: &Messages) -> Option<TcpListener> {
    let tries = if port == 0 { 1 } else { PORT_TRIES };
    for offset in 0..tries {
        let Some(p) = port.checked_add(offset) else {
            break;
        };
        match TcpListener::bind(SocketAddr::new(ip, p)).await {
            Ok(l) => return Some(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => console::port_taken(words, p),
            Err(e) => {
                let (ips, ps, (io, code)) = (ip.to_string(), p.to_string(), io_reason(&e));
                let d = Diagnostic::error(
                    "serve",
                    format!("cannot listen on {ip} port {p}: {}", plain_io(&e)),
                )
                .tr(
                    "serve-listen",
                    &[("ip", &ips), ("port", &ps), ("io", io), ("code", &code)],
                );
                console::fail(words, &d);
                return None;
            }
        }
    }
    let (first, last) = (port.to_string(), port.saturating_add(tries - 1).to_string());
    let d = Diagnostic::error("serve", format!("ports {first} to {last} are all in use"))
        .with_hint("pick another with --port, e.g. --port 8080")
        .tr("serve-ports", &[("first", &first), ("last", &last)]);
    console::fail(words, &d);
    None
}

/// The addresses a phone on the same network can open: one per IPv4 network interface of
/// this computer (not loopback, not link-local), read from the system, nothing sent.
pub(super) fn network_urls(port: u16) -> Vec<String> {
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

fn open_browser(url: &str, words: &Messages) {
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
        console::no_browser(words, url);
    }
}
