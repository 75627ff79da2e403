//! The HTTP side of `serve`: the site from memory with pretty URLs, MIME types, Range
//! requests, ETags, the site's own 404 page, and the reload script and error overlay
//! added to every HTML page.

use super::editors;
use super::paths::{self, Refused, Target};
use super::reload::{self, EVENTS_PATH, SCRIPT_PATH, STYLE_PATH, WORKER_PATH};
use super::state::{Snapshot, State};
use crate::messages::{Lang, Messages};
use crate::render::preview::Preview;
use crate::write::Output;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State as Shared;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

/// The server's routes: the live-reload endpoints, and the site for every other address.
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(reload::events))
        .route(SCRIPT_PATH, get(reload::script))
        .route(WORKER_PATH, get(reload::worker))
        .route(STYLE_PATH, get(reload::style))
        .route(editors::TRANSLATIONS_PATH, get(translations))
        .fallback(site)
        .with_state(state)
}

/// Any address of the site.
async fn site(
    Shared(state): Shared<Arc<State>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut r = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "Only GET and HEAD are allowed.",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    // One snapshot for the whole request, whatever rebuilds happen meanwhile.
    let mut snap = state.snapshot();
    // While the first build runs, pages come from its preview; anything else waits for it.
    if snap.generation == 0 {
        if let Some(preview) = snap.preview.clone()
            && let Some(r) = from_preview(&state, &snap, preview, &uri, &headers).await
        {
            return r;
        }
        snap = state.published().await;
    }
    let Some(output) = snap.output.clone() else {
        return html(
            StatusCode::INTERNAL_SERVER_ERROR,
            reload::error_page(&snap, words(&state, &headers)).into_bytes(),
        );
    };
    let key = match paths::resolve(uri.path()) {
        Ok(Target::File(key)) => key,
        Ok(Target::FileOrFolder(key)) => {
            if !output.contains(&key) && output.contains(&format!("{key}/index.html")) {
                return redirect_to_folder(&uri);
            }
            key
        }
        Err(Refused::BadRequest) => return plain(StatusCode::BAD_REQUEST, "Bad request."),
        Err(Refused::NotFound) => return not_found(&snap, &output, words(&state, &headers)),
    };
    match output.get(&key) {
        Some(bytes) => file(&state, &snap, &key, &bytes, &headers),
        None => not_found(&snap, &output, words(&state, &headers)),
    }
}

/// A page or static file of the first build's preview (`None`: anything else, which waits
/// for the build).
async fn from_preview(
    state: &State,
    snap: &Snapshot,
    preview: Arc<Preview>,
    uri: &Uri,
    headers: &HeaderMap,
) -> Option<Response> {
    let (key, folder) = match paths::resolve(uri.path()) {
        Ok(Target::File(key)) => (key, None),
        Ok(Target::FileOrFolder(key)) => {
            let folder = format!("{key}/index.html");
            (key, Some(folder))
        }
        Err(Refused::BadRequest) => return Some(plain(StatusCode::BAD_REQUEST, "Bad request.")),
        Err(Refused::NotFound) => return None,
    };
    // A page takes milliseconds to render, a long list more: not on the server's threads.
    let found = tokio::task::spawn_blocking(move || match preview.get(&key) {
        Some(bytes) => Previewed::File(key, bytes),
        None if folder.is_some_and(|f| preview.has(&f)) => Previewed::Folder,
        None => Previewed::Neither,
    })
    .await
    .ok()?;
    match found {
        Previewed::File(key, bytes) => Some(file(state, snap, &key, &bytes, headers)),
        Previewed::Folder => Some(redirect_to_folder(uri)),
        Previewed::Neither => None,
    }
}

/// What the preview has at an address.
enum Previewed {
    /// The file at this output path.
    File(String, Arc<Vec<u8>>),
    /// A folder's page: the address needs its slash.
    Folder,
    /// Nothing: the whole build may have it.
    Neither,
}

/// `GET /__campaign/translations`: every page × language, for editors.
async fn translations(Shared(state): Shared<Arc<State>>, headers: HeaderMap) -> Response {
    let snap = state.snapshot();
    let words = words(&state, &headers);
    let page = editors::translations_page(&snap.editors, words);
    html(
        StatusCode::OK,
        reload::inject(page.as_bytes(), &snap, "", words),
    )
}

/// The overlay's words: the browser's language if it asks for Georgian or English, else
/// the editor's language the server was started with.
fn words<'a>(state: &'a State, headers: &HeaderMap) -> &'a Messages {
    let lang = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or(state.lang());
    state.words(lang)
}

/// A file of the output: HTML with the reload script (never cached); anything else with an
/// ETag and Range support.
fn file(
    state: &State,
    snap: &Snapshot,
    key: &str,
    bytes: &Arc<Vec<u8>>,
    headers: &HeaderMap,
) -> Response {
    let mime = paths::mime(key);
    if paths::is_html(mime) {
        return html(
            StatusCode::OK,
            reload::inject(bytes, snap, key, words(state, headers)),
        );
    }
    let etag = format!("\"{:x}-{}\"", state.nonce(), snap.generation);
    let mut response = if header_is(headers, header::IF_NONE_MATCH, |v| etag_matches(v, &etag)) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let len = bytes.len() as u64;
        let range = headers
            .get(header::RANGE)
            .and_then(|v| v.to_str().ok())
            .filter(|_| {
                // A range is only for the version the client already has part of.
                headers
                    .get(header::IF_RANGE)
                    .is_none_or(|v| v.as_bytes() == etag.as_bytes())
            })
            .map_or(Range::Whole, |v| parse_range(v, len));
        let body = Bytes::from_owner(SharedBytes(Arc::clone(bytes)));
        match range {
            Range::Whole => Response::new(Body::from(body)),
            Range::Part(start, end) => {
                let mut r = Response::new(Body::from(body.slice(start as usize..=end as usize)));
                *r.status_mut() = StatusCode::PARTIAL_CONTENT;
                insert(
                    &mut r,
                    header::CONTENT_RANGE,
                    &format!("bytes {start}-{end}/{len}"),
                );
                r
            }
            Range::Unsatisfiable => {
                let mut r = Response::new(Body::empty());
                *r.status_mut() = StatusCode::RANGE_NOT_SATISFIABLE;
                insert(&mut r, header::CONTENT_RANGE, &format!("bytes */{len}"));
                r
            }
        }
    };
    insert(&mut response, header::CONTENT_TYPE, mime);
    insert(&mut response, header::ETAG, &etag);
    insert(&mut response, header::ACCEPT_RANGES, "bytes");
    insert(&mut response, header::CACHE_CONTROL, "no-cache");
    insert(&mut response, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    response
}

/// Bytes of the output, shared with the snapshot instead of copied.
struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

/// The site's own `404.html` (with the reload script), or a plain one.
fn not_found(snap: &Snapshot, output: &Output, words: &Messages) -> Response {
    let page = match output.get("404.html") {
        Some(page) => reload::inject(&page, snap, "404.html", words),
        None => reload::inject(plain_not_found(words).as_bytes(), snap, "404.html", words),
    };
    html(StatusCode::NOT_FOUND, page)
}

/// The 404 page of a site that has none, in the editor's language.
fn plain_not_found(words: &Messages) -> String {
    let title = words.word("serve-not-found", &[], || "Not found".into());
    let text = words.word("serve-not-found-text", &[], || {
        "There is no page at this address.".into()
    });
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body><h1>{}</h1><p>{}</p></body></html>\n",
        reload::lang_code(words),
        crate::html::escape(&title),
        crate::html::escape(&title),
        crate::html::escape(&text)
    )
}

/// `/x` → `/x/` (keeping the query), when `x/index.html` exists.
fn redirect_to_folder(uri: &Uri) -> Response {
    let mut location = format!("{}/", uri.path());
    if let Some(q) = uri.query() {
        location.push('?');
        location.push_str(q);
    }
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::PERMANENT_REDIRECT;
    insert(&mut r, header::LOCATION, &location);
    insert(&mut r, header::CACHE_CONTROL, "no-store");
    r
}

fn html(status: StatusCode, body: Vec<u8>) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    insert(&mut r, header::CONTENT_TYPE, "text/html; charset=utf-8");
    insert(&mut r, header::CACHE_CONTROL, "no-store");
    insert(&mut r, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    r
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut r = Response::new(Body::from(text));
    *r.status_mut() = status;
    insert(&mut r, header::CONTENT_TYPE, "text/plain; charset=utf-8");
    insert(&mut r, header::CACHE_CONTROL, "no-store");
    r
}

fn insert(r: &mut Response, name: header::HeaderName, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        r.headers_mut().insert(name, v);
    }
}

fn header_is(headers: &HeaderMap, name: header::HeaderName, f: impl Fn(&str) -> bool) -> bool {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .is_some_and(f)
}

/// Whether an `If-None-Match` value matches `etag` (a list, `*`, weak forms).
fn etag_matches(value: &str, etag: &str) -> bool {
    value
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

/// What a `Range` header asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Range {
    /// No usable range (none, another unit, several ranges, malformed): send everything.
    Whole,
    /// Bytes `start..=end`, within the file.
    Part(u64, u64),
    /// A single range outside the file: 416.
    Unsatisfiable,
}

/// Parse a `Range` header for a file of `len` bytes. Only single byte ranges are served;
/// anything else is ignored, as HTTP allows.
fn parse_range(value: &str, len: u64) -> Range {
    let value = value.trim();
    let Some(spec) = value
        .get(..6)
        .filter(|unit| unit.eq_ignore_ascii_case("bytes="))
        .and_then(|_| value.get(6..))
    else {
        return Range::Whole;
    };
    if spec.contains(',') {
        return Range::Whole;
    }
    let Some((first, last)) = spec.split_once('-') else {
        return Range::Whole;
    };
    let (first, last) = (first.trim(), last.trim());
    if first.is_empty() {
        return match last.parse::<u64>() {
            Ok(0) => Range::Unsatisfiable,
            Ok(_) if len == 0 => Range::Unsatisfiable,
            Ok(n) => Range::Part(len.saturating_sub(n), len - 1),
            Err(_) => Range::Whole,
        };
    }
    let Ok(start) = first.parse::<u64>() else {
        return Range::Whole;
    };
    let end = if last.is_empty() {
        u64::MAX
    } else {
        match last.parse::<u64>() {
            Ok(end) if end >= start => end,
            _ => return Range::Whole,
        }
    };
    if start >= len {
        return Range::Unsatisfiable;
    }
    Range::Part(start, end.min(len - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(parse_range("bytes=0-1", 10), Range::Part(0, 1));
        assert_eq!(parse_range("bytes=2-", 10), Range::Part(2, 9));
        assert_eq!(parse_range("bytes=2-100", 10), Range::Part(2, 9));
        assert_eq!(parse_range("bytes=-3", 10), Range::Part(7, 9));
        assert_eq!(parse_range("bytes=-30", 10), Range::Part(0, 9));
        assert_eq!(parse_range("Bytes=9-9", 10), Range::Part(9, 9));
        assert_eq!(parse_range("bytes=10-", 10), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=-0", 10), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=0-", 0), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=5-2", 10), Range::Whole);
        assert_eq!(parse_range("bytes=0-1,3-4", 10), Range::Whole);
        assert_eq!(parse_range("items=0-1", 10), Range::Whole);
        assert_eq!(parse_range("bytes=a-b", 10), Range::Whole);
        assert_eq!(parse_range("bytes", 10), Range::Whole);
    }

    #[test]
    fn etags() {
        assert!(etag_matches("\"a-1\"", "\"a-1\""));
        assert!(etag_matches("\"x\", W/\"a-1\"", "\"a-1\""));
        assert!(etag_matches("*", "\"a-1\""));
        assert!(!etag_matches("\"a-2\"", "\"a-1\""));
    }
}
