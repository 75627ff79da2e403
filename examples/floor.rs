//! The benchmark's floor: the least work a Markdown → HTML site build can do.
//!
//! `cargo run --release --example floor -- <content-dir> <out-dir>`
//!
//! Walks `<content-dir>`, and for every `.md` file, in parallel (rayon): reads it, skips
//! the `---` front matter block (without parsing it), renders the Markdown with
//! pulldown-cmark (the same extensions campaign enables) and writes the HTML to
//! `<out-dir>/<same path>.html`. No templates, no links, no lists, no site files.
//! `bench/run` times it beside campaign and Hugo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use walkdir::WalkDir;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, out] = args.as_slice() else {
        eprintln!("usage: floor <content-dir> <out-dir>");
        return ExitCode::from(2);
    };
    let (content, out) = (Path::new(content), Path::new(out));
    let files: Vec<PathBuf> = WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let result = files.par_iter().try_for_each(|f| -> std::io::Result<()> {
        let text = std::fs::read_to_string(f)?;
        let html = render(body(&text));
        let dest = out
            .join(f.strip_prefix(content).unwrap_or(f))
            .with_extension("html");
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(dest, html)
    });
    match result {
        Ok(()) => {
            println!("floor: {} files", files.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::from(1)
        }
    }
}

/// The text after a leading `---` … `---` block.
fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|i| &rest[i + 5..]))
        .unwrap_or(text)
}

fn render(md: &str) -> String {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut html = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut html, Parser::new_ext(md, opts));
    html
}
