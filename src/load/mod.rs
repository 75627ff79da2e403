//! Load: read the site from disk (or the embedded defaults) into plain values, the only input I/O.

pub mod frontmatter;
mod walk;
pub mod whole;

pub use walk::is_temp_name;
use walk::walk_files;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, display_path};
use crate::embedded;
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A text file of the site, already decoded (BOM removed, CRLF turned into LF).
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path relative to the site root, with `/` (as shown in messages).
    pub file: String,
    /// Path relative to its folder (`content/`, `templates/`, ...), with `/`.
    pub rel: String,
    /// The text; for a page read from disk only its front matter ([`whole`]).
    pub text: std::sync::Arc<str>,
    /// For a page whose body was not kept: where its whole text is read again (shared with
    /// the page of the model).
    pub whole: Option<Arc<whole::Whole>>,
}

impl TextFile {
    /// A file whose whole text is `text`.
    pub fn new(file: String, rel: String, text: Arc<str>) -> TextFile {
        TextFile {
            file,
            rel,
            text,
            whole: None,
        }
    }

    /// The fingerprint of the whole text (for translations).
    pub fn fingerprint(&self) -> String {
        match &self.whole {
            Some(w) => w.fingerprint.clone(),
            None => whole::fingerprint(&self.text),
        }
    }

    /// The whole text, read again when only the front matter was kept.
    pub fn whole_text(&self) -> Result<Arc<str>, Diagnostic> {
        match &self.whole {
            Some(w) => w.read(&self.file),
            None => Ok(self.text.clone()),
        }
    }
}

/// A file copied to the output as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Output path relative to the output root, with `/`.
    pub out: String,
    /// The bytes.
    pub bytes: Arc<Vec<u8>>,
    /// The file it comes from, relative to the site root (as shown in messages).
    pub source: String,
}

/// Everything a build reads, before any interpretation beyond decoding.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The site root folder.
    pub root: PathBuf,
    /// `site.yaml`.
    pub config: Option<Config>,
    /// Markdown pages under `content/`.
    pub pages: Vec<TextFile>,
    /// YAML data files under `content/` (`regions.yaml`, `self-check.yaml`, ...).
    pub data: Vec<TextFile>,
    /// Other files under `content/` (published beside their pages).
    pub assets: Vec<StaticFile>,
    /// Templates by name: the theme's, then the site's `templates/` overriding by name.
    pub templates: Vec<TextFile>,
    /// Fluent files: (language, file); embedded defaults first, site files after.
    pub locales: Vec<(String, TextFile)>,
    /// Theme and site static files (the site's win on the same path).
    pub statics: Vec<StaticFile>,
    /// `translations.yaml` (which text each translation was made from), when there is one.
    pub translations: Option<TextFile>,
    /// Problems found while reading (non-UTF-8 files, unreadable folders).
    pub diagnostics: Vec<Diagnostic>,
}

impl Sources {
    /// Every file published as it is (static files, then files beside the pages): output
    /// path → bytes, as images and links look them up.
    pub fn published_files(&self) -> std::collections::HashMap<String, Arc<Vec<u8>>> {
        self.statics
            .iter()
            .chain(&self.assets)
            .map(|f| (f.out.clone(), f.bytes.clone()))
            .collect()
    }
}

/// Find the site root: `dir` itself or the nearest parent holding `site.yaml`.
pub fn find_root(dir: &Path) -> Option<PathBuf> {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.join(config::CONFIG_FILE).is_file() {
            return Some(d.to_path_buf());
        }
        cur = d.parent();
    }
    None
}

/// Decode bytes as UTF-8 text, dropping a BOM and Windows line ends. Invisible control
/// characters (NUL and the like) are an error with their place.
pub fn decode(bytes: &[u8], file: &str) -> Result<Arc<str>, Diagnostic> {
    checked(bytes, file).map(Arc::from)
}

/// The text of `bytes`, decoded and checked for control characters, borrowed from them
/// when it needs no change.
fn checked<'b>(bytes: &'b [u8], file: &str) -> Result<Cow<'b, str>, Diagnostic> {
    let text = decode_utf8(bytes, file)?;
    match crate::hygiene::control_character(&text, file) {
        Some(d) => Err(d),
        None => Ok(text),
    }
}

/// `bytes` as UTF-8 text without a BOM, with Windows and old Mac line ends turned into `\n`;
/// borrowed from `bytes` when there is nothing to change (a page is then copied only as far
/// as it is kept).
fn decode_utf8<'b>(bytes: &'b [u8], file: &str) -> Result<Cow<'b, str>, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // SIMD validation (several times std's speed on Georgian text); the rare invalid file
    // goes through std below for the position of the first bad byte.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(if s.contains('\r') {
            Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(s)
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let prefix = String::from_utf8_lossy(valid);
            let (line, col) = crate::diagnostics::line_col(&prefix, prefix.len());
            Err(Diagnostic::error("not-utf8", "the file is not saved as UTF-8 text")
                .in_file(file)
                .at(line, col)
                .with_hint("open it in your editor and save it with the encoding \"UTF-8\" (in Word: Save As → Plain Text → Unicode (UTF-8))")
                .tr("not-utf8", &[]))
        }
    }
}

/// A file under content/, as read: decoded text (a page's front matter and where the rest
/// is) or raw bytes.
enum Read {
    Text(Result<(Arc<str>, Option<Arc<whole::Whole>>), Diagnostic>),
    Bytes(Vec<u8>),
}

fn rel_slash(path: &Path, base: &Path) -> String {
    display_path(path.strip_prefix(base).unwrap_or(path))
}

/// Read the whole site under `root`. `config` errors are reported in `diagnostics`. Of a
/// page only its front matter is kept; its whole text is read again when the page is
/// rendered ([`whole`]), so memory does not grow with the text.
pub fn load(root: &Path) -> Sources {
    let mut src = Sources {
        root: root.to_path_buf(),
        ..Default::default()
    };
    read_config(&mut src, root);
    read_content(&mut src, root);
    read_theme(&mut src, root);
    read_templates(&mut src, &root.join("templates"), root);
    read_statics(&mut src, &root.join("static"), root);
    read_locales(&mut src, root);
    read_translations(&mut src, root);
    src
}

/// `translations.yaml` at the root, if there is one.
fn read_translations(src: &mut Sources, root: &Path) {
    let file = crate::model::outdated::FILE;
    let Ok(bytes) = std::fs::read(root.join(file)) else {
        return;
    };
    match decode(&bytes, file) {
        Ok(text) => {
            src.translations = Some(TextFile {
                file: file.into(),
                rel: file.into(),
                text,
                whole: None,
            })
        }
        Err(d) => src.diagnostics.push(d),
    }
}

/// The text of one site file (`rel`, relative to `root`), decoded as [`load`] decodes it;
/// `file` is its name in messages. For `serve`, which reads a changed page again.
pub fn read_source(root: &Path, rel: &Path, file: &str) -> Result<Arc<str>, Diagnostic> {
    read_text(&root.join(rel), file)
}

/// Read and decode a text file; `file` is its name in messages.
fn read_text(path: &Path, file: &str) -> Result<Arc<str>, Diagnostic> {
    std::fs::read(path)
        .map_err(|e| unreadable(&e, plain_io(&e), file))
        .and_then(|b| decode(&b, file))
}

/// `site.yaml` → `src.config`, or its errors.
fn read_config(src: &mut Sources, root: &Path) {
    let config_path = root.join(config::CONFIG_FILE);
    match std::fs::read(&config_path) {
        Ok(bytes) => match decode(&bytes, config::CONFIG_FILE) {
            Ok(text) => match config::parse(&text, config::CONFIG_FILE) {
                Ok(c) => src.config = Some(c),
                Err(mut d) => src.diagnostics.append(&mut d),
            },
            Err(d) => src.diagnostics.push(d),
        },
        Err(_) => src.diagnostics.push(
            Diagnostic::error(
                "no-site",
                format!("there is no site.yaml in {}", root.display()),
            )
            .with_hint(
                "run `campaign init DIR` to start a new site, or pass `--root DIR` to point at one",
            )
            .tr("no-site", &[("folder", &root.display().to_string())]),
        ),
    }
}

/// The lower-case extension of a path (`""` without one).
fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// content/: pages, data files and assets, read and decoded in parallel; text files become
/// shared strings (never copied again).
fn read_content(src: &mut Sources, root: &Path) {
    let content = root.join("content");
    let files = walk_files(&content, root, &mut src.diagnostics);
    let read: Vec<(PathBuf, std::io::Result<Read>)> = files
        .into_par_iter()
        .map(|p| {
            let r = std::fs::read(&p).map(|bytes| read_content_bytes(bytes, &p, root));
            (p, r)
        })
        .collect();
    for (path, read) in read {
        let file = rel_slash(&path, root);
        match read {
            Ok(read) => add_content(src, read, &path, file, rel_slash(&path, &content)),
            Err(e) => src.diagnostics.push(unreadable(
                &e,
                format!("the file cannot be read: {}", plain_io(&e)),
                &file,
            )),
        }
    }
}

/// The bytes of a content file, decoded when it is Markdown or YAML.
fn read_content_bytes(bytes: Vec<u8>, path: &Path, root: &Path) -> Read {
    match extension(path).as_str() {
        "md" | "markdown" => Read::Text(read_page(bytes, path, &rel_slash(path, root))),
        "yaml" | "yml" => Read::Text(decode(&bytes, &rel_slash(path, root)).map(|t| (t, None))),
        _ => Read::Bytes(bytes),
    }
}

/// A page's text, decoded and checked; only its front matter is kept when it has one.
fn read_page(
    bytes: Vec<u8>,
    path: &Path,
    file: &str,
) -> Result<(Arc<str>, Option<Arc<whole::Whole>>), Diagnostic> {
    let digest = xxhash_rust::xxh3::xxh3_64(&bytes);
    // Only the front matter is copied out of the bytes read.
    let text = checked(&bytes, file)?;
    Ok(match whole::split_off(&text, digest, path.to_path_buf()) {
        Some((head, w)) => (head, Some(Arc::new(w))),
        None => (Arc::from(text), None),
    })
}

/// File a content file among pages, data or assets (`file`: from the root, `rel`: from
/// content/).
fn add_content(src: &mut Sources, read: Read, path: &Path, file: String, rel: String) {
    match read {
        Read::Text(Ok((text, whole))) => {
            let tf = TextFile {
                file,
                rel,
                text,
                whole,
            };
            if extension(path).starts_with('m') {
                src.pages.push(tf)
            } else {
                src.data.push(tf)
            }
        }
        Read::Text(Err(d)) => src.diagnostics.push(d),
        Read::Bytes(bytes) => src.assets.push(StaticFile {
            out: rel,
            bytes: Arc::new(bytes),
            source: file,
        }),
    }
}

/// Theme: the site's themes/<name>/ on disk, else the embedded default.
fn read_theme(src: &mut Sources, root: &Path) {
    let theme = src
        .config
        .as_ref()
        .map(|c| c.theme.clone())
        .unwrap_or_else(|| "default".into());
    let theme_dir = root.join("themes").join(&theme);
    if theme_dir.is_dir() {
        read_templates(src, &theme_dir.join("templates"), root);
        read_statics(src, &theme_dir.join("static"), root);
    } else if theme == "default" {
        embedded_theme(src);
    } else {
        let mut d = Diagnostic::error(
            "no-theme",
            format!("the theme `{theme}` is not in themes/{theme}/"),
        )
        .in_file(config::CONFIG_FILE)
        .with_hint(
            "fix `theme:` in site.yaml, or delete the line to use the built-in default theme",
        )
        .tr("no-theme", &[("theme", &theme)]);
        if src.config.is_some() {
            d = d.at_line(1)
        }
        src.diagnostics.push(d);
    }
}

/// The default theme built into the binary.
fn embedded_theme(src: &mut Sources) {
    for (rel, bytes) in embedded::THEME {
        if let Some(name) = rel.strip_prefix("templates/") {
            src.templates.push(TextFile {
                file: format!("themes/default/{rel}"),
                rel: name.to_string(),
                text: Arc::from(String::from_utf8_lossy(bytes).as_ref()),
                whole: None,
            });
        } else if let Some(out) = rel.strip_prefix("static/") {
            src.statics.push(StaticFile {
                out: out.to_string(),
                bytes: Arc::new(bytes.to_vec()),
                source: format!("themes/default/{rel}"),
            });
        }
    }
}

/// Interface strings: embedded defaults, then the site's own `locales/<lang>/*.ftl`
/// (which override them key by key).
fn read_locales(src: &mut Sources, root: &Path) {
    for (rel, bytes) in embedded::LOCALES {
        if let Some((lang, name)) = rel.split_once('/')
            && name.ends_with(".ftl")
        {
            src.locales.push((
                lang.to_string(),
                TextFile {
                    file: format!("(built-in) locales/{rel}"),
                    rel: rel.to_string(),
                    text: Arc::from(String::from_utf8_lossy(bytes).as_ref()),
                    whole: None,
                },
            ));
        }
    }
    let locales = root.join("locales");
    for path in walk_files(&locales, root, &mut src.diagnostics) {
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let rel = rel_slash(&path, &locales);
        let file = rel_slash(&path, root);
        let Some((lang, _)) = rel.split_once('/') else {
            continue;
        };
        match read_text(&path, &file) {
            Ok(text) => src
                .locales
                .push((lang.to_string(), TextFile::new(file, rel, text))),
            Err(d) => src.diagnostics.push(d),
        }
    }
}

fn read_templates(src: &mut Sources, dir: &Path, root: &Path) {
    for path in walk_files(dir, root, &mut src.diagnostics) {
        let file = rel_slash(&path, root);
        let name = rel_slash(&path, dir);
        match read_text(&path, &file) {
            Ok(text) => {
                src.templates.retain(|t| t.rel != name);
                src.templates.push(TextFile {
                    file,
                    rel: name,
                    text,
                    whole: None,
                });
            }
            Err(d) => src.diagnostics.push(d),
        }
    }
}

fn read_statics(src: &mut Sources, dir: &Path, root: &Path) {
    for path in walk_files(dir, root, &mut src.diagnostics) {
        let out = rel_slash(&path, dir);
        match std::fs::read(&path) {
            Ok(bytes) => {
                src.statics.retain(|s| s.out != out);
                src.statics.push(StaticFile {
                    out,
                    bytes: Arc::new(bytes),
                    source: rel_slash(&path, root),
                });
            }
            Err(e) => src
                .diagnostics
                .push(unreadable(&e, plain_io(&e), &rel_slash(&path, root))),
        }
    }
}

/// The error for a file that cannot be read: `english` says why.
fn unreadable(e: &std::io::Error, english: String, file: &str) -> Diagnostic {
    let (io, code) = io_reason(e);
    Diagnostic::error("unreadable", english)
        .in_file(file)
        .tr("unreadable", &[("io", io), ("code", &code)])
}

/// An I/O error as the catalogue's texts know it (`io-reason` in ka.ftl): its kind
/// (`missing`, `denied`, `folder`, `not-folder`, `full`, `read-only`, `busy`, `exists`,
/// `in-use`, else `other` with the system's error number, or `unknown` without one), passed
/// to messages as `io` and `code`.
pub fn io_reason(e: &std::io::Error) -> (&'static str, String) {
    use std::io::ErrorKind::*;
    let kind = match e.kind() {
        NotFound => "missing",
        PermissionDenied => "denied",
        IsADirectory => "folder",
        NotADirectory => "not-folder",
        StorageFull | QuotaExceeded => "full",
        ReadOnlyFilesystem => "read-only",
        ResourceBusy | ExecutableFileBusy => "busy",
        AlreadyExists => "exists",
        AddrInUse => "in-use",
        _ if e.raw_os_error().is_none() => "unknown",
        _ => "other",
    };
    let code = e.raw_os_error().map_or(String::new(), |c| c.to_string());
    (kind, code)
}

/// An I/O error in plain words (no Rust type names).
pub fn plain_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "it does not exist".into(),
        PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
