//! Where a campaign build spends its time: each phase timed on its own.
//!
//! `cargo run --release --example phases -- <site-root> <out-dir>`
//! (`RAYON_NUM_THREADS=1` to see the CPU cost of each phase without parallelism)
//!
//! Runs the pipeline through the library, as `campaign build` does, with a clock around
//! each step, and prints one line per phase with its wall time, its CPU time (user, sys)
//! and the process's resident memory after it. Steps that the pipeline does inside one
//! call are also run alone first, so their share can be told apart:
//!
//! - walk: walkdir over content/ (alone);
//! - read: read every file under content/ (alone, in parallel, bytes dropped);
//! - load: `load::load` (walk + read + UTF-8 decode; what the build does);
//! - front matter: split + YAML of every page (alone, in parallel);
//! - model: `model::build` (front matter again, routes, translations, lists);
//! - markdown: `render::markdown::render` of every page, its body read again (alone, in
//!   parallel);
//! - render: `render::render` (Markdown again, anchors, templates, site files);
//!   templates ≈ render − markdown;
//! - render+write: `render::render` into a disk sink (pages are written as they are rendered);
//! - swap: the staging folder swapped into place.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campaign::load::{self, frontmatter};
use campaign::model::{self, ModelOptions};
use campaign::render::{self, links::LinkTable, markdown};
use campaign::{date::Date, write};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;
use walkdir::WalkDir;

fn rss_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// (user, system) CPU seconds of this process so far, from /proc/self/stat (10 ms steps).
fn cpu() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // Fields 14 and 15 of the file; `after` starts at field 3. Ticks are 1/100 s on Linux.
    (
        f.get(11).copied().unwrap_or(0.0) / 100.0,
        f.get(12).copied().unwrap_or(0.0) / 100.0,
    )
}

struct Clock {
    start: Instant,
    total: Instant,
    cpu: (f64, f64),
}

impl Clock {
    /// Print the phase; return its wall seconds.
    fn lap(&mut self, name: &str, note: &str) -> f64 {
        let s = self.start.elapsed().as_secs_f64();
        let now = cpu();
        println!(
            "{name:<14} {s:>8.3} s wall {:>7.2} s user {:>6.2} s sys   RSS {:>6.0} MB   {note}",
            now.0 - self.cpu.0,
            now.1 - self.cpu.1,
            rss_mb("VmRSS:")
        );
        self.cpu = now;
        self.start = Instant::now();
        s
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, out] = args.as_slice() else {
        eprintln!("usage: phases <site-root> <out-dir>");
        std::process::exit(2);
    };
    let (root, out) = (Path::new(root), Path::new(out));
    let content = root.join("content");
    println!("threads: {}", rayon::current_num_threads());
    let mut c = Clock {
        start: Instant::now(),
        total: Instant::now(),
        cpu: cpu(),
    };

    let files: Vec<_> = WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    c.lap("walk (alone)", &format!("{} files", files.len()));
    let bytes: usize = files
        .par_iter()
        .map(|f| std::fs::read(f).map(|b| b.len()).unwrap_or(0))
        .sum();
    c.lap("read (alone)", &format!("{:.0} MB", bytes as f64 / 1e6));
    let base_total = c.total.elapsed().as_secs_f64();

    let c_total = Instant::now();
    c.start = Instant::now();
    let src = load::load(root);
    let t_load = c.lap("load", &format!("{} pages", src.pages.len()));

    let n_ok = src
        .pages
        .par_iter()
        .filter(|tf| {
            frontmatter::split(&tf.text, &tf.file)
                .ok()
                .and_then(|s| frontmatter::parse(&s, &tf.file, &tf.text).ok())
                .is_some()
        })
        .count();
    let t_fm = c.lap("front matter", &format!("{n_ok} parsed (alone)"));
    let alone = c_total.elapsed().as_secs_f64() - t_load;

    let (site, diags) = model::build(
        &src,
        &ModelOptions {
            drafts: false,
            today: Date::today_tbilisi(),
        },
    );
    let site = site.expect("the site has errors");
    let t_model = c.lap("model", &format!("{} diagnostics", diags.len()));

    let mut files: HashSet<String> = src.statics.iter().map(|s| s.out.clone()).collect();
    files.extend(src.assets.iter().map(|a| a.out.clone()));
    let media = std::sync::Arc::new(campaign::media::Media::new(src.published_files()));
    let words = std::collections::HashMap::new();
    let table = LinkTable {
        site: &site,
        files: &files,
        media: &media,
        words: &words,
    };
    let html: usize = site
        .pages
        .par_iter()
        .map(|p| {
            // The body is read again, as the render reads it.
            let p = p.whole().unwrap();
            markdown::render(&p, &table).0.html.len()
        })
        .sum();
    let t_md = c.lap(
        "markdown",
        &format!("{:.0} MB HTML (alone)", html as f64 / 1e6),
    );

    // Render streams every page straight into the staging folder, so "render" includes
    // the writing of pages; "write" is the swap into place.
    let target = campaign::outdir::check(root, out, &[], true).expect("output folder");
    let staging = write::Staging::begin(&target).expect("staging folder");
    let sink = write::Sink::disk(staging.dir().to_path_buf());
    let (diags, _) = render::render(&site, &src, &media, &sink, false, false);
    assert!(
        !diags
            .iter()
            .any(|d| d.severity == campaign::diagnostics::Severity::Error),
        "render failed"
    );
    let t_render = c.lap("render+write", &format!("{} files", sink.len()));
    staging.commit().expect("swap");
    let t_write = c.lap("swap", "");
    let pipeline = c_total.elapsed().as_secs_f64() - alone - t_md;
    println!();
    println!("walk + read alone: {base_total:.3} s; front matter alone: {t_fm:.3} s");
    println!(
        "the build (load + model + render + write): {:.3} s = load {t_load:.3} + model {t_model:.3} \
         (front matter ≈ {t_fm:.3}) + render {t_render:.3} (markdown ≈ {t_md:.3}, templates and site files ≈ {:.3}) + write {t_write:.3}",
        pipeline,
        t_render - t_md
    );
    println!("peak RSS {:.0} MB", rss_mb("VmHWM:"));
}
