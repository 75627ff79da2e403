//! The served site: the last good build and the latest errors, swapped as one value so that
//! no request ever sees a half-built site.
//!
//! A [`Snapshot`] is immutable once published. Requests take an `Arc` of the current one
//! (a cheap clone under a short lock inside `tokio::sync::watch`) and use it to the end,
//! even if a rebuild publishes a newer snapshot meanwhile. Rebuilds run `pipeline::build`
//! on a blocking thread; after each one the browsers are told what to do through a
//! `broadcast` channel that feeds the Server-Sent Events endpoint.

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::{Lang, Messages};
use crate::pipeline::{Build, BuildOptions};
use crate::render::preview::Preview;
use crate::session::Session;
use crate::write::Output;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::{broadcast, watch};

/// What open pages are told to do after a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Reload the page (content changed, or errors appeared or went away).
    Reload,
    /// Only stylesheets changed: swap them without reloading.
    Css,
}

impl Notice {
    /// The SSE event name.
    pub fn name(self) -> &'static str {
        match self {
            Notice::Reload => "reload",
            Notice::Css => "css",
        }
    }
}

/// One message to every open page: what to do and the token of the snapshot it leads to.
#[derive(Debug, Clone)]
pub struct Message {
    /// Reload or swap stylesheets.
    pub notice: Notice,
    /// [`Snapshot::token`] of the snapshot published with this message.
    pub token: Arc<str>,
}

/// One consistent view of the site: everything a request needs.
#[derive(Debug)]
pub struct Snapshot {
    /// The last good build, `None` until one succeeds.
    pub output: Option<Arc<Output>>,
    /// The errors of the latest build (empty when it succeeded).
    pub errors: Vec<Diagnostic>,
    /// Counts published snapshots, starting at 1.
    pub generation: u64,
    /// Identifies this snapshot across server restarts (`<start>-<generation>`); pages carry
    /// it so that a page rendered from an older snapshot reloads when it reconnects.
    pub token: Arc<str>,
    /// What the last good build tells editors (outdated translations, the overview).
    pub editors: Arc<super::editors::Editors>,
    /// Before the first build is done: pages rendered one at a time as they are asked for.
    pub preview: Option<Arc<Preview>>,
}

impl Snapshot {
    /// Whether the latest build failed.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// The server's shared state: the current snapshot, the page notifier and the stop signal.
pub struct State {
    root: PathBuf,
    base_url: String,
    drafts: bool,
    nonce: u64,
    current: watch::Sender<Arc<Snapshot>>,
    notices: broadcast::Sender<Message>,
    stop: watch::Sender<bool>,
    session: std::sync::Mutex<Option<Session>>,
    lang: Lang,
    words: [Messages; 2],
}

impl State {
    /// A server state for the site at `root`, served at `base_url`; no build yet.
    pub fn new(root: PathBuf, base_url: String, drafts: bool, lang: Lang) -> Arc<State> {
        let nonce = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0);
        let first = Snapshot {
            output: None,
            errors: Vec::new(),
            generation: 0,
            token: format!("{nonce:x}-0").into(),
            editors: Arc::default(),
            preview: None,
        };
        let (current, _) = watch::channel(Arc::new(first));
        let (notices, _) = broadcast::channel(64);
        let (stop, _) = watch::channel(false);
        Arc::new(State {
            root,
            base_url,
            drafts,
            nonce,
            current,
            notices,
            stop,
            session: std::sync::Mutex::new(None),
            lang,
            words: [Messages::new(Lang::En), Messages::new(Lang::Ka)],
        })
    }

    /// The editor's language (for the overlay, when the browser does not say).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// campaign's words in `lang`, for the overlay (the catalogues are read once, at start).
    pub fn words(&self, lang: Lang) -> &Messages {
        match lang {
            Lang::En => &self.words[0],
            Lang::Ka => &self.words[1],
        }
    }

    /// The site root (canonical).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A number that differs between server runs (the start time), for ETags and tokens.
    pub fn nonce(&self) -> u64 {
        self.nonce
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.borrow().clone()
    }

    /// Receive every message published from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Message> {
        self.notices.subscribe()
    }

    /// A receiver that turns `true` when the server is stopping.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stop.subscribe()
    }

    /// Tell long-lived responses (event streams) to end, so the server can stop.
    pub fn stop(&self) {
        self.stop.send_replace(true);
    }

    /// Show pages from `preview` until the first build is published (no notice: no page
    /// is open yet).
    pub fn show_preview(&self, preview: Preview) {
        self.current.send_modify(|snap| {
            if snap.generation == 0 {
                *snap = Arc::new(Snapshot {
                    output: None,
                    errors: Vec::new(),
                    generation: 0,
                    token: snap.token.clone(),
                    editors: snap.editors.clone(),
                    preview: Some(Arc::new(preview)),
                });
            }
        });
    }

    /// The first published snapshot (the current one once it is out).
    pub async fn published(&self) -> Arc<Snapshot> {
        let mut rx = self.current.subscribe();
        match rx.wait_for(|s| s.generation > 0).await {
            Ok(snap) => snap.clone(),
            Err(_) => self.snapshot(),
        }
    }

    /// The first build (call it from a blocking thread), telling `on_preview` of the site's
    /// preview as soon as its model is ready.
    pub fn build_first(&self, on_preview: crate::pipeline::OnPreview<'_>) -> Build {
        self.with_session(|s| s.build_previewed(Date::today_tbilisi(), on_preview))
    }

    /// Build the site now, on the calling thread (call it from a blocking thread), after
    /// `changed` (paths relative to the root; empty: everything). Only the changed pages
    /// are rendered again when nothing but their Markdown bodies changed.
    pub fn build_blocking(&self, changed: &[PathBuf]) -> Build {
        self.with_session(|s| s.build(changed, Date::today_tbilisi()))
    }

    /// `f` with the build session, made at its first use.
    fn with_session<R>(&self, f: impl FnOnce(&mut Session) -> R) -> R {
        let mut session = match self.session.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        f(session.get_or_insert_with(|| {
            let opts = BuildOptions {
                drafts: self.drafts,
                base_url: Some(self.base_url.clone()),
                ..Default::default()
            };
            Session::new(self.root.clone(), opts)
        }))
    }

    /// Publish the result of a build: a good build replaces the served site; a failed one
    /// keeps the last good site and records its errors. `css_only` says that only
    /// stylesheets changed since the previous build. Returns what the pages were told, or
    /// `None` when nothing visible changed (the same errors again).
    pub fn publish(&self, build: Build, css_only: bool) -> Option<Notice> {
        let prev = self.snapshot();
        let editors = Arc::new(super::editors::Editors::of(&build));
        let errors: Vec<Diagnostic> = build
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let good = build.output.filter(|_| errors.is_empty());
        if good.is_none() && prev.generation > 0 && errors == prev.errors {
            return None;
        }
        let notice = if css_only && good.is_some() && !prev.failed() && prev.output.is_some() {
            Notice::Css
        } else {
            Notice::Reload
        };
        let generation = prev.generation + 1;
        let token: Arc<str> = format!("{:x}-{generation}", self.nonce).into();
        let editors = if good.is_some() {
            editors
        } else {
            prev.editors.clone()
        };
        let next = Snapshot {
            output: good.map(Arc::new).or_else(|| prev.output.clone()),
            errors,
            generation,
            token: token.clone(),
            editors,
            preview: None,
        };
        self.current.send_replace(Arc::new(next));
        // No receivers (no open pages) is fine.
        let _ = self.notices.send(Message { notice, token });
        Some(notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(output: Option<Output>, errors: &[&str]) -> Build {
        Build {
            output,
            diagnostics: errors
                .iter()
                .map(|m| Diagnostic::error("test", *m))
                .collect(),
            ..Default::default()
        }
    }

    fn site(text: &str) -> Output {
        let mut out = Output::default();
        out.add("index.html".into(), text.as_bytes().to_vec());
        out
    }

    #[test]
    fn a_failed_build_keeps_the_last_good_site_and_heals() {
        let state = State::new(PathBuf::from("/site"), "http://x/".into(), false, Lang::En);
        let mut rx = state.subscribe();
        assert_eq!(
            state.publish(build(Some(site("one")), &[]), false),
            Some(Notice::Reload)
        );
        let kept = state.snapshot();
        assert_eq!(
            state.publish(build(None, &["broken"]), false),
            Some(Notice::Reload)
        );
        let snap = state.snapshot();
        assert!(snap.failed());
        assert!(Arc::ptr_eq(
            snap.output.as_ref().expect("kept"),
            kept.output.as_ref().expect("good")
        ));
        // The same errors again: nothing to tell.
        assert_eq!(state.publish(build(None, &["broken"]), false), None);
        // Healing is a full reload even when only CSS changed.
        assert_eq!(
            state.publish(build(Some(site("two")), &[]), true),
            Some(Notice::Reload)
        );
        assert_eq!(
            state.publish(build(Some(site("three")), &[]), true),
            Some(Notice::Css)
        );
        let tokens: Vec<_> = std::iter::from_fn(|| rx.try_recv().ok())
            .map(|m| m.token.to_string())
            .collect();
        assert_eq!(tokens.len(), 4);
        assert!(tokens[3].ends_with("-4"));
        assert_eq!(state.snapshot().token.as_ref(), tokens[3]);
    }

    #[test]
    fn the_first_build_may_fail() {
        let state = State::new(PathBuf::from("/site"), "http://x/".into(), false, Lang::En);
        assert_eq!(
            state.publish(build(None, &["broken"]), false),
            Some(Notice::Reload)
        );
        let snap = state.snapshot();
        assert!(snap.output.is_none() && snap.failed());
    }
}
