//! `campaign`: a fast bilingual static-site generator for public information campaigns.

use campaign::*;

use campaign::cli::{Cli, Command, Format};
use clap::Parser;
use diagnostics::Diagnostic;
use messages::{Lang, Messages};
use pipeline::{BuildOptions, build};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()));
    let words = Messages::new(lang);
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            force,
        } => {
            let Some(root) = site_root(root, &words) else {
                return ExitCode::from(1);
            };
            let dest = output.unwrap_or_else(|| root.join("public"));
            let opts = BuildOptions {
                drafts,
                base_url,
                output: Some(dest.clone()),
                force,
                ..Default::default()
            };
            let b = build(&root, &opts);
            print_diagnostics(&b.diagnostics, &words);
            if b.failed() {
                let (e, w) = diagnostics::count(&b.diagnostics);
                eprintln!(
                    "build failed: {e} {}, {w} {}; the previous output was left as it was",
                    plural(e, "error", "errors"),
                    plural(w, "warning", "warnings")
                );
                return ExitCode::from(1);
            }
            let (_, w) = diagnostics::count(&b.diagnostics);
            let langs: Vec<String> = b
                .pages_per_lang
                .iter()
                .map(|(l, n)| format!("{n} {l}"))
                .collect();
            if b.unchanged {
                println!(
                    "nothing changed since the last build: {} pages, {} files in {} are up to date, {w} {}, in {} ms",
                    b.pages_per_lang.iter().map(|(_, n)| n).sum::<usize>(),
                    b.files_written,
                    dest.display(),
                    plural(w, "warning", "warnings"),
                    b.elapsed.as_millis()
                );
                return ExitCode::SUCCESS;
            }
            println!(
                "built {} pages ({}), {} files written to {}, {}{w} {}, in {} ms",
                b.pages_per_lang.iter().map(|(_, n)| n).sum::<usize>(),
                langs.join(" + "),
                b.files_written,
                dest.display(),
                if b.images.encoded + b.images.cached > 0 {
                    format!(
                        "images: {} encoded, {} from cache, ",
                        b.images.encoded, b.images.cached
                    )
                } else {
                    String::new()
                },
                plural(w, "warning", "warnings"),
                b.elapsed.as_millis()
            );
            ExitCode::SUCCESS
        }
        Command::Check {
            root,
            strict,
            format,
            drafts,
            external,
        } => {
            let Some(root) = site_root(root, &words) else {
                return ExitCode::from(1);
            };
            let mut b = build(
                &root,
                &BuildOptions {
                    drafts,
                    ..Default::default()
                },
            );
            if external {
                let links = external::collect(&load::load(&root));
                eprintln!(
                    "checking {} external links ({} at a time)...",
                    links.len(),
                    external::CONCURRENCY
                );
                b.diagnostics.extend(external::check(&links));
                diagnostics::sort(&mut b.diagnostics);
            }
            let (e, w) = diagnostics::count(&b.diagnostics);
            match format {
                Format::Json => {
                    let doc = serde_json::json!({
                        "errors": e,
                        "warnings": w,
                        "pages": b.pages_per_lang.iter().map(|(l, n)| (l.clone(), *n)).collect::<std::collections::BTreeMap<_, _>>(),
                        "diagnostics": b.diagnostics,
                        "untranslated": b.untranslated.iter().map(|(k, row)| serde_json::json!({"page": k, "files": row.iter().map(|(l, f)| (l.clone(), f.clone())).collect::<std::collections::BTreeMap<_, _>>()})).collect::<Vec<_>>(),
                    });
                    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
                }
                Format::Text => {
                    print_diagnostics(&b.diagnostics, &words);
                    print!("{}", report::summary_text(&b, &words));
                }
            }
            if e > 0 || (strict && w > 0) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
            poll,
            drafts,
        } => {
            let Some(root) = site_root(root, &words) else {
                return ExitCode::from(1);
            };
            serve::run(serve::ServeOptions {
                lang,
                root,
                port,
                bind,
                open,
                poll,
                drafts,
            })
        }
        Command::Init { dir } => match init::init(&dir) {
            Ok(files) => {
                for f in files {
                    println!("  wrote {}", dir.join(f).display());
                }
                println!(
                    "A new site is ready. Build it with: campaign build --root {}",
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("error: {msg}");
                ExitCode::from(1)
            }
        },
        Command::New {
            section,
            title,
            root,
        } => {
            let Some(root) = site_root(root, &words) else {
                return ExitCode::from(1);
            };
            let src = load::load(&root);
            let Some(config) = src.config else {
                print_diagnostics(&src.diagnostics, &words);
                return ExitCode::from(1);
            };
            match new::new_page(
                &root,
                &config,
                &section,
                &title,
                date::Date::today_tbilisi(),
            ) {
                Ok(paths) => {
                    for p in paths {
                        println!("{}", p.strip_prefix(&root).unwrap_or(&p).display());
                    }
                    ExitCode::SUCCESS
                }
                Err(msg) => {
                    eprintln!("error: {msg}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The site folder: `--root`, else this folder or the nearest parent with site.yaml.
fn site_root(root: Option<PathBuf>, words: &Messages) -> Option<PathBuf> {
    match root {
        Some(r) => {
            if r.join(config::CONFIG_FILE).is_file() {
                Some(r)
            } else {
                eprint!("{}", Diagnostic::error("no-site", format!("there is no site.yaml in {}", r.display()))
                    .with_hint("point --root at the folder that holds site.yaml, or create a new site with `campaign init DIR`")
                    .render_text_in(words));
                None
            }
        }
        None => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match load::find_root(&cwd) {
                Some(r) => Some(r),
                None => {
                    eprint!("{}", Diagnostic::error("no-site", "there is no site.yaml in this folder or above it")
                        .with_hint("run this in your site's folder, pass --root DIR, or create a new site with `campaign init DIR`")
                        .render_text_in(words));
                    None
                }
            }
        }
    }
}

fn print_diagnostics(diags: &[Diagnostic], words: &Messages) {
    for d in diags {
        eprint!("{}", d.render_text_in(words));
    }
}
