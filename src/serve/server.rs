//! The accept loop of `serve` (hyper, HTTP/1.1): every request passes the Host allow-list
//! ([`super::hosts`]) before any route; request headers must arrive within
//! [`HEADER_TIMEOUT`], which also closes connections left idle that long; and the
//! connection limit ([`super::conns`]) closes the longest-idle client when the server is
//! full, so slow or half-open clients never lock out the editor's browser.

use super::conns::{Registry, Tracked};
use super::hosts::{self, Refusal};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::convert::Infallible;
use std::future::Future;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// How long a client has to send a request's headers, and how long an idle connection is
/// kept open waiting for the next request.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// What every connection shares.
struct Shared {
    app: Router,
    registry: Arc<Registry>,
    /// The address the server listens on.
    bound: IpAddr,
    http: http1::Builder,
}

/// Serve `app` on `listener` until `stop` resolves, then give open connections `grace` to
/// finish.
pub async fn run(
    listener: TcpListener,
    app: Router,
    stop: impl Future<Output = ()>,
    grace: Duration,
) {
    let bound = listener
        .local_addr()
        .map_or(IpAddr::from([127, 0, 0, 1]), |a| a.ip());
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(64 * 1024);
    let shared = Arc::new(Shared {
        app,
        registry: Arc::new(Registry::default()),
        bound,
        http,
    });
    let limit = super::conns::limit();
    let (shutdown, shutting) = watch::channel(false);
    tokio::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    if shared.registry.len() >= limit && !shared.registry.evict_idle() {
                        // Everyone is busy being answered: this one has to try again.
                        drop(stream);
                        continue;
                    }
                    start(&shared, stream, shutting.clone());
                }
                Err(e) => accept_failed(&shared.registry, &e).await,
            },
            () = &mut stop => break,
        }
    }
    drop(listener);
    let _ = shutdown.send(true);
    let deadline = Instant::now() + grace;
    while !shared.registry.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// `accept` failed: a client gave up before we took it (nothing to do), or the system is out
/// of file descriptors or memory (close the longest-idle client to make room).
async fn accept_failed(registry: &Registry, e: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionReset, Interrupted};
    if matches!(e.kind(), ConnectionAborted | ConnectionReset | Interrupted) {
        return;
    }
    let wait = if registry.evict_idle() { 5 } else { 100 };
    tokio::time::sleep(Duration::from_millis(wait)).await;
}

/// Serve one connection on its own task until it ends, is evicted, or the server stops.
fn start(shared: &Arc<Shared>, stream: TcpStream, mut shutting: watch::Receiver<bool>) {
    let local = stream.local_addr().map_or(shared.bound, |a| a.ip());
    let _ = stream.set_nodelay(true);
    let (id, close) = shared.registry.add();
    let site = TowerToHyperService::new(shared.app.clone());
    let conn_shared = Arc::clone(shared);
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let busy = conn_shared.registry.busy(id);
        let refused = refusal(&req, conn_shared.bound, local);
        let site = site.clone();
        async move {
            let response = match refused {
                Some(r) => r,
                None => match hyper::service::Service::call(&site, req).await {
                    Ok(r) => r,
                    Err(never) => match never {},
                },
            };
            Ok::<_, Infallible>(response.map(|body| Tracked::new(body, Some(busy))))
        }
    });
    let conn = shared.http.serve_connection(TokioIo::new(stream), service);
    let registry = Arc::clone(&shared.registry);
    tokio::spawn(async move {
        tokio::pin!(conn);
        let mut stopping = false;
        loop {
            tokio::select! {
                _ = conn.as_mut() => break,
                () = close.notified() => break,
                changed = shutting.changed(), if !stopping => {
                    stopping = true;
                    if changed.is_ok() {
                        conn.as_mut().graceful_shutdown();
                    }
                }
            }
        }
        registry.remove(id);
    });
}

/// The answer to a request for another host: 421 (400 without a Host); `None` to serve it.
fn refusal(req: &Request<Incoming>, bound: IpAddr, local: IpAddr) -> Option<Response<Body>> {
    let mut hosts = req.headers().get_all(header::HOST).iter();
    let host = match (req.uri().authority(), hosts.next(), hosts.next()) {
        (Some(authority), _, _) => Some(authority.as_str()),
        (None, Some(h), None) => h.to_str().ok(),
        (None, _, _) => None,
    };
    let (status, text) = match hosts::check(host, bound, local).err()? {
        Refusal::Missing => (
            StatusCode::BAD_REQUEST,
            "Bad request: the request names no host.\n",
        ),
        Refusal::Foreign => (
            StatusCode::MISDIRECTED_REQUEST,
            "Misdirected request: this preview answers only to localhost, 127.0.0.1 and this computer's own addresses.\n",
        ),
    };
    let mut r = Response::new(Body::from(text));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::CONNECTION, HeaderValue::from_static("close"));
    Some(r)
}
