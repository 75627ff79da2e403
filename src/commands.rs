//! What each command of the command line does: `build`, `check`, `serve`, `init`, `new`,
//! `deploy`.
//! Each prints its messages and returns the exit code; `main` only parses and dispatches.

use crate::cli::{
    BuildArgs, CheckArgs, Command, DeployArgs, Format, InitArgs, NewArgs, ServeArgs, TranslatedArgs,
};
use crate::diagnostics::{self, Diagnostic};
use crate::messages::{Lang, Messages};
use crate::pipeline::{Build, BuildOptions, build};
use crate::{config, date, deploy, external, init, load, new, report, schedule, serve};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Run `command` with campaign's own messages in `lang`.
pub fn run(command: Command, lang: Lang) -> ExitCode {
    let words = Messages::new(lang);
    if let Ok(v) = std::env::var("CAMPAIGN_TODAY")
        && date::Date::parse(v.trim()).is_none()
    {
        let d = Diagnostic::warning(
            "today",
            format!("CAMPAIGN_TODAY=`{v}` is not a date; today's date is used"),
        )
        .with_hint("write it as YYYY-MM-DD, e.g. CAMPAIGN_TODAY=2026-11-29, or unset it")
        .tr("today", &[("value", &v)]);
        eprint!("{}", d.render_text_in(&words));
    }
    match command {
        Command::Build(args) => build_site(args, &words),
        Command::Check(args) => check_site(args, &words),
        Command::Serve(args) => serve_site(args, lang, &words),
        Command::Init(args) => init_site(args, &words),
        Command::New(args) => new_page(args, &words),
        Command::Deploy(args) => deploy_site(args, &words),
        Command::Translated(args) => mark_translated(args, &words),
    }
}

/// `campaign translated FILE...`: those translations are up to date with their source.
fn mark_translated(args: TranslatedArgs, words: &Messages) -> ExitCode {
    let Some(root) = site_root(args.root, words) else {
        return ExitCode::from(1);
    };
    crate::translations::mark(&root, &args.files, args.all, words)
}

/// `campaign build`: build into the output folder and say what was written.
fn build_site(args: BuildArgs, words: &Messages) -> ExitCode {
    let Some(root) = site_root(args.root, words) else {
        return ExitCode::from(1);
    };
    if let Some(file) = &args.zip
        && let Err(d) = crate::archive::check_target(&root, file)
    {
        eprint!("{}", d.render_text_in(words));
        return ExitCode::from(1);
    }
    let dest = match &args.zip {
        Some(file) => file.clone(),
        None => args.output.unwrap_or_else(|| root.join("public")),
    };
    let opts = BuildOptions {
        drafts: args.drafts,
        base_url: args.base_url,
        output: args.zip.is_none().then(|| dest.clone()),
        force: args.force,
        portable: args.portable || args.zip.is_some(),
        ..Default::default()
    };
    let Some(mut b) = run_build(&root, &opts, words) else {
        return ExitCode::from(1);
    };
    let (_, w) = diagnostics::count(&b.diagnostics);
    if let Some(file) = &args.zip {
        return write_zip(&mut b, file, w, words);
    }
    println!("{}", built_line(&b, &dest, w, words));
    print_next_change(b.next_change, words);
    ExitCode::SUCCESS
}

/// Build with `opts` and print its messages; `None` (after saying so) when it failed.
fn run_build(root: &Path, opts: &BuildOptions, words: &Messages) -> Option<Build> {
    let b = build(root, opts);
    print_diagnostics(&b.diagnostics, words);
    let (e, w) = diagnostics::count(&b.diagnostics);
    if b.failed() {
        let (es, ws) = (e.to_string(), w.to_string());
        let line = words.word(
            "build-failed",
            &[("errors", &es), ("warnings", &ws)],
            || {
                format!(
                    "build failed: {e} {}, {w} {}; the previous output was left as it was",
                    plural(e, "error", "errors"),
                    plural(w, "warning", "warnings")
                )
            },
        );
        eprintln!("{line}");
        return None;
    }
    Some(b)
}

/// Say on which day a scheduled page changes the site (so that someone builds again then).
fn print_next_change(next: Option<date::Date>, words: &Messages) {
    let Some(day) = next else { return };
    let d = day.iso();
    let line = words.word("next-change", &[("date", &d)], || {
        format!("next scheduled change: {d} (a page's publish_date or expiry_date); build and publish again on that day")
    });
    println!("{line}");
}

/// `campaign deploy DEST`: build (unless --no-build), then publish what changed.
fn deploy_site(args: DeployArgs, words: &Messages) -> ExitCode {
    let Some(root) = site_root(args.root, words) else {
        return ExitCode::from(1);
    };
    let dest = match deploy::dest::parse(&args.dest) {
        Ok(d) => d,
        Err(d) => {
            eprint!("{}", d.render_text_in(words));
            return ExitCode::from(1);
        }
    };
    let build_dir = args.output.unwrap_or_else(|| root.join("public"));
    let opts = BuildOptions {
        drafts: args.drafts,
        base_url: args.base_url,
        output: Some(build_dir.clone()),
        force: args.force,
        ..Default::default()
    };
    if args.no_build {
        let next = (!args.drafts)
            .then(|| schedule::next_change(&load::load(&root), opts.today))
            .flatten();
        print_next_change(next, words);
    } else {
        let Some(b) = run_build(&root, &opts, words) else {
            return ExitCode::from(1);
        };
        let (_, w) = diagnostics::count(&b.diagnostics);
        println!("{}", built_line(&b, &build_dir, w, words));
        print_next_change(b.next_change, words);
    }
    let req = deploy::Request {
        root,
        build_dir,
        dest,
        dry_run: args.dry_run,
        s3: deploy::s3::Options {
            endpoint: args.endpoint,
            path_style: args.path_style,
        },
        sftp: deploy::sftp::Options {
            known_hosts: args.known_hosts,
        },
    };
    match deploy::run(&req, words) {
        Ok(summary) => {
            print!("{}", deploy::report::text(&summary, &args.dest, words));
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprint!("{}", d.render_text_in(words));
            ExitCode::from(1)
        }
    }
}

/// `build --zip FILE`: the site built in memory goes into one ZIP file.
fn write_zip(b: &mut Build, file: &Path, warnings: usize, words: &Messages) -> ExitCode {
    let Some(out) = b.output.take() else {
        return ExitCode::from(1);
    };
    match crate::archive::write(&out, file) {
        Ok(size) => {
            b.files_written = out.len();
            let line = built_line(b, file, warnings, words);
            let kb = size.div_ceil(1024).to_string();
            let zip = words.word("build-zip", &[("kb", &kb)], || {
                format!("({kb} KB, made to be opened from disk)")
            });
            println!("{line} {zip}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            let d = Diagnostic::error(
                "zip",
                format!("could not write `{}`: {err}", file.display()),
            )
            .with_hint("check that the folder exists and that you may write to it")
            .tr("zip", &[("file", &file.display().to_string())]);
            eprint!("{}", d.render_text_in(words));
            ExitCode::from(1)
        }
    }
}

/// The last line of a successful build: pages, files, images, warnings and time.
fn built_line(b: &Build, dest: &Path, warnings: usize, words: &Messages) -> String {
    let pages = b.pages_per_lang.iter().map(|(_, n)| n).sum::<usize>();
    let count = warnings.to_string();
    let warnings = format!("{warnings} {}", plural(warnings, "warning", "warnings"));
    let ms = b.elapsed.as_millis();
    let (p, f, m, d) = (
        pages.to_string(),
        b.files_written.to_string(),
        ms.to_string(),
        dest.display().to_string(),
    );
    let (e, c) = (b.images.encoded.to_string(), b.images.cached.to_string());
    let images = if b.images.encoded + b.images.cached > 0 {
        "yes"
    } else {
        "no"
    };
    let mut args = vec![
        ("pages", p.as_str()),
        ("files", &f),
        ("dest", &d),
        ("warnings", &count),
        ("ms", &m),
        ("images", images),
        ("encoded", &e),
        ("cached", &c),
    ];
    if b.unchanged {
        return words.word("build-unchanged", &args, || {
            format!(
                "nothing changed since the last build: {pages} pages, {} files in {} are up to date, {warnings}, in {ms} ms",
                b.files_written,
                dest.display(),
            )
        });
    }
    let langs: Vec<String> = b
        .pages_per_lang
        .iter()
        .map(|(l, n)| format!("{n} {l}"))
        .collect();
    let langs_ka: Vec<String> = b
        .pages_per_lang
        .iter()
        .map(|(l, n)| format!("{l}: {n}"))
        .collect();
    let langs_ka = langs_ka.join(", ");
    args.push(("langs", &langs_ka));
    if let Some(line) = words.text("build-done", None, &args) {
        return line;
    }
    let images = if b.images.encoded + b.images.cached > 0 {
        format!(
            "images: {} encoded, {} from cache, ",
            b.images.encoded, b.images.cached
        )
    } else {
        String::new()
    };
    format!(
        "built {pages} pages ({}), {} files written to {}, {images}{warnings}, in {ms} ms",
        langs.join(" + "),
        b.files_written,
        dest.display(),
    )
}

/// `campaign check`: build in memory (and check external links when asked), then report.
fn check_site(args: CheckArgs, words: &Messages) -> ExitCode {
    let Some(root) = site_root(args.root, words) else {
        return ExitCode::from(1);
    };
    let opts = BuildOptions {
        drafts: args.drafts,
        ..Default::default()
    };
    let mut b = build(&root, &opts);
    if args.external {
        let links = external::collect(&load::load(&root));
        let (n, at) = (links.len().to_string(), external::CONCURRENCY.to_string());
        let line = words.word("check-external", &[("count", &n), ("at", &at)], || {
            format!("checking {n} external links ({at} at a time)...")
        });
        eprintln!("{line}");
        b.diagnostics.extend(external::check(&links));
        diagnostics::sort(&mut b.diagnostics);
    }
    match args.format {
        Format::Json => println!("{}", check_json(&b)),
        Format::Text => {
            print_diagnostics(&b.diagnostics, words);
            if args.translations {
                print!("{}", report::translations_text(&b, words));
            } else {
                print!("{}", report::summary_text(&b, words));
            }
        }
    }
    let (e, w) = diagnostics::count(&b.diagnostics);
    if e > 0 || (args.strict && w > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The `check --format json` document.
fn check_json(b: &Build) -> String {
    let (e, w) = diagnostics::count(&b.diagnostics);
    let pages: BTreeMap<_, _> = b
        .pages_per_lang
        .iter()
        .map(|(l, n)| (l.clone(), *n))
        .collect();
    let untranslated: Vec<serde_json::Value> = b
        .untranslated
        .iter()
        .map(|(k, row)| {
            let files: BTreeMap<_, _> = row.iter().map(|(l, f)| (l.clone(), f.clone())).collect();
            serde_json::json!({"page": k, "files": files})
        })
        .collect();
    let doc = serde_json::json!({
        "errors": e,
        "warnings": w,
        "pages": pages,
        "diagnostics": b.diagnostics,
        "untranslated": untranslated,
        "outdated": b.outdated,
        "translations": &*b.translations,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// `campaign serve`: the preview server, until it is stopped.
fn serve_site(args: ServeArgs, lang: Lang, words: &Messages) -> ExitCode {
    let Some(root) = site_root(args.root, words) else {
        return ExitCode::from(1);
    };
    serve::run(serve::ServeOptions {
        lang,
        root,
        port: args.port,
        bind: args.bind,
        open: args.open,
        poll: args.poll,
        drafts: args.drafts,
    })
}

/// `campaign init DIR`: a new site from the starter files.
fn init_site(args: InitArgs, words: &Messages) -> ExitCode {
    let dir = args.dir;
    let written = init::languages(&args.languages).and_then(|langs| init::init(&dir, &langs));
    match written {
        Ok(files) => {
            for f in files {
                let file = dir.join(f).display().to_string();
                let line = words.word("init-wrote", &[("file", &file)], || format!("wrote {file}"));
                println!("  {line}");
            }
            let folder = dir.display().to_string();
            let line = words.word("init-ready", &[("folder", &folder)], || {
                format!("A new site is ready. Build it with: campaign build --root {folder}")
            });
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprint!("{}", d.render_text_in(words));
            ExitCode::from(1)
        }
    }
}

/// `campaign new SECTION TITLE`: a new page in every language, dated today.
fn new_page(args: NewArgs, words: &Messages) -> ExitCode {
    let Some(root) = site_root(args.root, words) else {
        return ExitCode::from(1);
    };
    let src = load::load(&root);
    let Some(config) = src.config else {
        print_diagnostics(&src.diagnostics, words);
        return ExitCode::from(1);
    };
    let today = date::Date::today_tbilisi();
    match new::new_page(&root, &config, &args.section, &args.title, today) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.strip_prefix(&root).unwrap_or(&p).display());
            }
            // The new pages are drafts: say so, or the next build seems to ignore them.
            let note = Diagnostic::note(
                "new-draft",
                "the new pages are drafts (`draft: true`): `campaign serve` shows them, `campaign build` leaves them out",
            )
            .with_hint("delete the line `draft: true` in each file when the page is ready to publish")
            .tr("new-draft", &[]);
            print_diagnostics(&[note], words);
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprint!("{}", d.render_text_in(words));
            ExitCode::from(1)
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The site folder: `--root`, else this folder or the nearest parent with site.yaml; an
/// error is printed when there is none.
fn site_root(root: Option<PathBuf>, words: &Messages) -> Option<PathBuf> {
    let found = match &root {
        Some(r) => Some(r.clone()).filter(|r| r.join(config::CONFIG_FILE).is_file()),
        None => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            load::find_root(&cwd)
        }
    };
    if found.is_none() {
        eprint!("{}", no_site(root.as_deref()).render_text_in(words));
    }
    found
}

/// The error for a missing site: at `--root` when given, else here or above.
fn no_site(root: Option<&Path>) -> Diagnostic {
    match root {
        Some(r) => Diagnostic::error("no-site", format!("there is no site.yaml in {}", r.display()))
            .with_hint("point --root at the folder that holds site.yaml, or create a new site with `campaign init DIR`")
            .tr("no-site-root", &[("folder", &r.display().to_string())]),
        None => Diagnostic::error("no-site", "there is no site.yaml in this folder or above it")
            .with_hint("run this in your site's folder, pass --root DIR, or create a new site with `campaign init DIR`")
            .tr("no-site-here", &[]),
    }
}

fn print_diagnostics(diags: &[Diagnostic], words: &Messages) {
    for d in diags {
        eprint!("{}", d.render_text_in(words));
    }
}
