//! The open connections of `serve`, so slow or idle clients can never lock others out: each
//! connection is either busy (a request is being answered, the event stream included) or
//! idle (waiting for a request, or sending one slowly). When the server is full, or the
//! system has no file descriptors left, the connection idle the longest is closed.

use axum::body::{Body, Bytes, HttpBody};
use hyper::body::{Frame, SizeHint};
use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Instant;
use tokio::sync::Notify;

/// The most connections served at once (fewer when the system allows fewer open files).
pub const MAX_CONNECTIONS: usize = 256;

/// One open connection.
struct Entry {
    /// Requests being answered on it.
    in_flight: usize,
    /// Since when it has been idle (accepted, or its last answer finished).
    idle_since: Instant,
    /// Wakes the connection's task to close it.
    close: Arc<Notify>,
}

/// Every open connection.
#[derive(Default)]
pub struct Registry {
    entries: Mutex<(u64, HashMap<u64, Entry>)>,
}

impl Registry {
    fn lock(&self) -> MutexGuard<'_, (u64, HashMap<u64, Entry>)> {
        // A panic while holding the lock cannot leave the map half-changed.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Register a new connection: its id, and what wakes it to close.
    pub fn add(&self) -> (u64, Arc<Notify>) {
        let mut guard = self.lock();
        let (next, map) = &mut *guard;
        *next += 1;
        let close = Arc::new(Notify::new());
        map.insert(
            *next,
            Entry {
                in_flight: 0,
                idle_since: Instant::now(),
                close: Arc::clone(&close),
            },
        );
        (*next, close)
    }

    /// Forget a closed connection.
    pub fn remove(&self, id: u64) {
        self.lock().1.remove(&id);
    }

    /// How many connections are open.
    pub fn len(&self) -> usize {
        self.lock().1.len()
    }

    /// Whether no connection is open.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A request started on connection `id`; it is busy until the guard is dropped (when
    /// the whole answer has been sent, or the connection closed).
    pub fn busy(self: &Arc<Self>, id: u64) -> Busy {
        if let Some(e) = self.lock().1.get_mut(&id) {
            e.in_flight += 1;
        }
        Busy {
            registry: Arc::clone(self),
            id,
        }
    }

    fn done(&self, id: u64) {
        if let Some(e) = self.lock().1.get_mut(&id) {
            e.in_flight = e.in_flight.saturating_sub(1);
            if e.in_flight == 0 {
                e.idle_since = Instant::now();
            }
        }
    }

    /// Close the connection that has been idle the longest. `false` when every connection
    /// is busy.
    pub fn evict_idle(&self) -> bool {
        let mut guard = self.lock();
        let oldest = guard
            .1
            .iter()
            .filter(|(_, e)| e.in_flight == 0)
            .min_by_key(|(_, e)| e.idle_since)
            .map(|(id, _)| *id);
        match oldest.and_then(|id| guard.1.remove(&id)) {
            Some(e) => {
                e.close.notify_one();
                true
            }
            None => false,
        }
    }
}

/// Marks a connection busy while it lives.
pub struct Busy {
    registry: Arc<Registry>,
    id: u64,
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.registry.done(self.id);
    }
}

/// A response body that keeps its connection marked busy until it is sent.
pub struct Tracked {
    inner: Body,
    _busy: Option<Busy>,
}

impl Tracked {
    /// `body`, keeping `busy` alive with it.
    pub fn new(body: Body, busy: Option<Busy>) -> Self {
        Tracked {
            inner: body,
            _busy: busy,
        }
    }
}

impl HttpBody for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// How many connections to allow: [`MAX_CONNECTIONS`], or half the open files the system
/// allows this process (the rest is for reading the site while rebuilding).
pub fn limit() -> usize {
    open_files_limit().map_or(MAX_CONNECTIONS, |n| (n / 2).clamp(8, MAX_CONNECTIONS))
}

/// The soft limit on open files, where the system says (Linux: `/proc/self/limits`).
fn open_files_limit() -> Option<usize> {
    let text = std::fs::read_to_string("/proc/self/limits").ok()?;
    parse_open_files(&text)
}

fn parse_open_files(limits: &str) -> Option<usize> {
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line["Max open files".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_idle_connection_goes_first_and_busy_ones_stay() {
        let r = Arc::new(Registry::default());
        let (a, _) = r.add();
        let (b, close_b) = r.add();
        let busy_a = r.busy(a);
        assert!(r.evict_idle());
        assert_eq!(r.len(), 1);
        // `b` was woken to close (the permit is stored until its task waits).
        let woken = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .map(|rt| {
                rt.block_on(async {
                    tokio::time::timeout(std::time::Duration::from_secs(1), close_b.notified())
                        .await
                        .is_ok()
                })
            });
        assert_eq!(woken.ok(), Some(true));
        assert!(!r.evict_idle(), "a busy connection is never closed");
        drop(busy_a);
        assert!(r.evict_idle());
        assert!(r.is_empty());
        r.remove(b);
    }

    #[test]
    fn reads_the_open_files_limit() {
        let text = "Limit                     Soft Limit           Hard Limit           Units     \nMax cpu time              unlimited            unlimited            seconds   \nMax open files            1024                 524288               files     \n";
        assert_eq!(parse_open_files(text), Some(1024));
        assert_eq!(parse_open_files("nothing"), None);
    }
}
