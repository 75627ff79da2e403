//! Live reload: the Server-Sent Events stream, the script injected into served pages, and
//! the error overlay / error page that show a failed build in the browser.
//!
//! None of this ever reaches `campaign build` output: the HTTP layer of `serve` adds it to
//! HTML responses on the way out ([`inject`]).
//!
//! The browser side: every page gets `<script src="/__campaign/reload.js" data-state=TOKEN>`
//! before `</body>`. The script listens to `/__campaign/events` (through one shared worker
//! for all tabs where the browser has `SharedWorker`, so many open tabs do not use up the
//! browser's six connections per server; else through its own `EventSource`, which
//! reconnects by itself). The stream starts with `hello` carrying the current snapshot
//! token; a page whose token differs (it was rendered before a rebuild it did not hear
//! about, or the server restarted) reloads. Then `reload` reloads the page and `css`
//! swaps its stylesheets without a reload.

use super::state::{Snapshot, State};
use crate::diagnostics::Diagnostic;
use axum::extract::State as Shared;
use axum::http::header;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Duration;
use tokio_stream::wrappers::BroadcastStream;

/// The event stream's address.
pub const EVENTS_PATH: &str = "/__campaign/events";
/// The injected script's address.
pub const SCRIPT_PATH: &str = "/__campaign/reload.js";
/// The shared worker's address.
pub const WORKER_PATH: &str = "/__campaign/worker.js";

const SCRIPT: &str = include_str!("reload.js");
const WORKER: &str = include_str!("worker.js");

/// `GET /__campaign/events`: `hello`, then `reload` / `css` after each rebuild, until the
/// server stops.
pub async fn events(
    Shared(state): Shared<Arc<State>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // Subscribe before reading the token, so no rebuild can fall between the two.
    let rx = BroadcastStream::new(state.subscribe());
    let hello = Event::default()
        .event("hello")
        .data(&*state.snapshot().token)
        .retry(Duration::from_millis(500));
    let later = Arc::clone(&state);
    let updates = rx.map(move |message| {
        Ok(match message {
            Ok(m) => Event::default().event(m.notice.name()).data(&*m.token),
            // This page fell behind by many rebuilds: just reload it.
            Err(_) => Event::default()
                .event("reload")
                .data(&*later.snapshot().token),
        })
    });
    let mut stopping = state.stopping();
    let stop = async move {
        let _ = stopping.wait_for(|stop| *stop).await;
    };
    let stream = stream::once(async move { Ok(hello) })
        .chain(updates)
        .take_until(Box::pin(stop));
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// `GET /__campaign/reload.js`.
pub async fn script() -> Response {
    javascript(SCRIPT)
}

/// `GET /__campaign/overlay.css`.
pub async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        STYLE,
    )
        .into_response()
}

/// `GET /__campaign/worker.js`.
pub async fn worker() -> Response {
    javascript(WORKER)
}

fn javascript(body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// The words of the overlay and the error page. Every text shown to editors goes through
/// here, so translations can be added in one place.
#[derive(Debug, Clone, Copy)]
enum Text {
    /// "The site could not be rebuilt: N errors" (overlay heading).
    OverlayTitle,
    /// The overlay's explanation.
    OverlayKept,
    /// "The site could not be built: N errors" (error page heading and title).
    PageTitle,
    /// The error page's explanation.
    PageExplain,
    /// The label before a hint.
    Hint,
    /// The overlay's hide button.
    Hide,
    /// Accessible label of a line number.
    Line,
}

fn text(key: Text, count: usize, words: &Messages) -> String {
    let n = count.to_string();
    let id = match key {
        Text::OverlayTitle => "overlay-title",
        Text::OverlayKept => "overlay-kept",
        Text::PageTitle => "page-title",
        Text::PageExplain => "page-explain",
        Text::Hint => "overlay-hint",
        Text::Hide => "overlay-hide",
        Text::Line => "overlay-line",
    };
    words.word(id, &[("count", &n)], || english(key, count))
}

fn english(key: Text, count: usize) -> String {
    let errors = if count == 1 {
        "1 error".to_string()
    } else {
        format!("{count} errors")
    };
    match key {
        Text::OverlayTitle => format!("The site could not be rebuilt: {errors}"),
        Text::OverlayKept => "You are looking at the last version that worked. Fix the problem \
             below and save the file: this page updates by itself."
            .into(),
        Text::PageTitle => format!("The site could not be built: {errors}"),
        Text::PageExplain => "Fix the problem below and save the file: this page updates by \
             itself as soon as the site builds."
            .into(),
        Text::Hint => "What to do:".into(),
        Text::Hide => "Hide this message".into(),
        Text::Line => "line".into(),
    }
}

pub use crate::html::escape;
use crate::messages::{Lang, Messages};

/// The overlay's stylesheet address (a file, not inline, so a strict Content-Security-Policy
/// on the site cannot switch it off).
pub const STYLE_PATH: &str = "/__campaign/overlay.css";

const STYLE: &str = include_str!("overlay.css");

/// The list of errors as HTML: location, message, the offending line with the column
/// marked, and the hint; everything escaped.
fn error_list(errors: &[Diagnostic], words: &Messages) -> String {
    let mut out = String::from("<ol>");
    for d in errors {
        let d = &d.localized(words);
        out.push_str("<li>");
        if let Some(loc) = d.location() {
            let _ = write!(
                out,
                "<p class=\"campaign-loc\"><code>{}</code></p>",
                escape(&loc)
            );
        }
        let _ = write!(out, "<p>{}</p>", escape(&d.message));
        if let (Some(line), Some(src)) = (d.line, &d.source_line) {
            let _ = write!(
                out,
                "<pre><span class=\"campaign-ln\" aria-label=\"{} {line}\">{line} | </span>{}</pre>",
                text(Text::Line, 1, words),
                marked(src, d.column)
            );
        }
        if let Some(hint) = &d.hint {
            let _ = write!(
                out,
                "<p><strong>{}</strong> {}</p>",
                text(Text::Hint, 1, words),
                escape(hint)
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

/// A source line, escaped, with the character at the 1-based `column` marked.
fn marked(src: &str, column: Option<usize>) -> String {
    let Some(col) = column.filter(|c| *c >= 1) else {
        return escape(src);
    };
    let before: String = src.chars().take(col - 1).collect();
    let at: String = src.chars().skip(col - 1).take(1).collect();
    let after: String = src.chars().skip(col).collect();
    let at = if at.is_empty() { " ".to_string() } else { at };
    format!(
        "{}<mark>{}</mark>{}",
        escape(&before),
        escape(&at),
        escape(&after)
    )
}

fn panel(
    title: &str,
    explain: &str,
    errors: &[Diagnostic],
    hide_button: bool,
    words: &Messages,
) -> String {
    let mut out = format!(
        "<div id=\"campaign-errors\" role=\"alert\" aria-labelledby=\"campaign-errors-title\" \
         lang=\"{}\" dir=\"ltr\"><link rel=\"stylesheet\" href=\"{STYLE_PATH}\"><h2 id=\"campaign-errors-title\">{}</h2><p>{}</p>{}",
        lang_code(words),
        escape(title),
        escape(explain),
        error_list(errors, words)
    );
    if hide_button {
        let _ = write!(
            out,
            "<button type=\"button\" data-campaign-hide>{}</button>",
            text(Text::Hide, 1, words)
        );
    }
    out.push_str("</div>");
    out
}

pub(super) fn lang_code(words: &Messages) -> &'static str {
    match words.lang() {
        Lang::En => "en",
        Lang::Ka => "ka",
    }
}

fn script_tag(token: &str) -> String {
    format!(
        "<script src=\"{SCRIPT_PATH}\" data-state=\"{}\"></script>",
        escape(token)
    )
}

/// An HTML page as served: with the reload script, and the error overlay when the latest
/// build failed, inserted before the last `</body>` (or appended when there is none).
/// The overlay's words are in the language of `words`.
pub fn inject(html: &[u8], snap: &Snapshot, key: &str, words: &Messages) -> Vec<u8> {
    let mut extra = super::editors::notice(&snap.editors, key, words).unwrap_or_default();
    if snap.failed() {
        let n = snap.errors.len();
        extra.push_str(&panel(
            &text(Text::OverlayTitle, n, words),
            &text(Text::OverlayKept, n, words),
            &snap.errors,
            true,
            words,
        ));
    }
    extra.push_str(&script_tag(&snap.token));
    let at = find_body_end(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The byte offset of the last `</body` (any ASCII case).
fn find_body_end(html: &[u8]) -> Option<usize> {
    const TAG: &[u8] = b"</body";
    if html.len() < TAG.len() {
        return None;
    }
    (0..=html.len() - TAG.len())
        .rev()
        .find(|&i| html[i..i + TAG.len()].eq_ignore_ascii_case(TAG))
}

/// The full error page, for every address while there is no good build yet.
pub fn error_page(snap: &Snapshot, words: &Messages) -> String {
    let n = snap.errors.len();
    let title = text(Text::PageTitle, n, words);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n</head>\n<body class=\"campaign-errors-page\">\n<main>{}</main>\n{}\n\
         </body>\n</html>\n",
        lang_code(words),
        escape(&title),
        panel(
            &title,
            &text(Text::PageExplain, n, words),
            &snap.errors,
            false,
            words
        ),
        script_tag(&snap.token)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(errors: Vec<Diagnostic>) -> Snapshot {
        Snapshot {
            output: None,
            errors,
            generation: 3,
            token: "abc-3".into(),
            editors: Default::default(),
            preview: None,
        }
    }

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let html = b"<html><body><p>x</p></BODY></html>";
        let out = String::from_utf8(inject(html, &snapshot(Vec::new()), "", &en())).expect("utf-8");
        assert_eq!(
            out,
            "<html><body><p>x</p><script src=\"/__campaign/reload.js\" data-state=\"abc-3\"></script></BODY></html>"
        );
        let out =
            String::from_utf8(inject(b"<p>bare", &snapshot(Vec::new()), "", &en())).expect("utf-8");
        assert!(out.starts_with("<p>bare<script"));
        assert!(!out.contains("campaign-errors"));
    }

    #[test]
    fn the_overlay_shows_each_error_escaped() {
        let text = "---\ntitle: <b>ა & ბ</b>\n  bad: [\n---\n";
        let d = Diagnostic::error("yaml", "did not find expected '-' <indicator>")
            .in_file("content/a.ka.md")
            .at(2, 8)
            .with_source(text)
            .with_hint("check the \"quotes\"");
        let out = String::from_utf8(inject(b"<body></body>", &snapshot(vec![d]), "", &en()))
            .expect("utf-8");
        assert!(out.contains("role=\"alert\""));
        assert!(out.contains("could not be rebuilt: 1 error<"));
        assert!(out.contains("<code>content/a.ka.md:2:8</code>"));
        assert!(out.contains("did not find expected &#39;-&#39; &lt;indicator&gt;"));
        assert!(out.contains("2 | </span>title: <mark>&lt;</mark>b&gt;ა &amp; ბ&lt;/b&gt;</pre>"));
        assert!(out.contains("check the &quot;quotes&quot;"));
        assert!(out.find("campaign-errors").unwrap_or(0) < out.find("<script").unwrap_or(0));
    }

    #[test]
    fn the_error_page_is_a_whole_document_with_the_script() {
        let page = error_page(
            &snapshot(vec![
                Diagnostic::error("a", "one"),
                Diagnostic::error("b", "two"),
            ]),
            &en(),
        );
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<title>The site could not be built: 2 errors</title>"));
        assert!(page.contains("data-state=\"abc-3\""));
        assert!(!page.contains("data-campaign-hide"));
    }

    fn en() -> Messages {
        Messages::new(Lang::En)
    }

    #[test]
    fn the_overlay_speaks_georgian_to_georgian_editors() {
        let d = Diagnostic::error(
            "broken-link",
            "the link `/x/` points to a page that does not exist",
        )
        .in_file("content/a.ka.md")
        .with_hint("check the spelling")
        .tr("broken-link", &[("dest", "/x/")]);
        let ka = Messages::new(Lang::Ka);
        let out = String::from_utf8(inject(
            b"<body></body>",
            &snapshot(vec![d.clone()]),
            "",
            &ka,
        ))
        .expect("utf-8");
        assert!(out.contains("lang=\"ka\""));
        assert!(out.contains("საიტის ხელახლა აწყობა ვერ მოხერხდა: შეცდომები: 1<"));
        assert!(out.contains("<p>ბმული `/x/` არარსებულ გვერდზე მიუთითებს</p>"));
        assert!(out.contains("რა უნდა გააკეთოთ:"));
        assert!(!out.contains("points to a page"));
        let page = error_page(&snapshot(vec![d]), &ka);
        assert!(page.contains("<html lang=\"ka\">"));
        assert!(page.contains("<title>საიტის აწყობა ვერ მოხერხდა: შეცდომები: 1</title>"));
    }

    #[test]
    fn marks_a_column_past_the_end() {
        assert_eq!(marked("ab", Some(3)), "ab<mark> </mark>");
        assert_eq!(marked("a<", Some(2)), "a<mark>&lt;</mark>");
        assert_eq!(marked("ab", None), "ab");
    }
}
