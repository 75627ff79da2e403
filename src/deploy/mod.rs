//! `campaign deploy`: publish the built site to a folder, an S3-compatible bucket or an SFTP
//! server. The destination keeps a manifest of what deploys put there (manifest.rs); the plan
//! (plan.rs) uploads only changed files, assets before the pages that use them, and deletes
//! only files an earlier deploy uploaded.

pub mod dest;
pub mod folder;
pub mod headers;
pub mod local;
pub mod manifest;
pub mod plan;
pub mod progress;
pub mod report;
pub mod s3;
pub mod s3_errors;
pub mod sftp;
pub mod sftp_errors;
pub mod sftp_login;
#[cfg(test)]
mod sftp_tests;
pub mod target;

use crate::diagnostics::Diagnostic;
use crate::messages::Messages;
use dest::Dest;
use local::Local;
use manifest::Manifest;
use plan::Plan;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use target::Target;

/// What `campaign deploy` is asked to do, after the build.
pub struct Request {
    /// The site folder.
    pub root: PathBuf,
    /// The folder the build wrote the site into.
    pub build_dir: PathBuf,
    /// Where to publish.
    pub dest: Dest,
    /// Only say what would change.
    pub dry_run: bool,
    /// The S3 options.
    pub s3: s3::Options,
    /// The SFTP options.
    pub sftp: sftp::Options,
}

/// What a deploy did (or, in a dry run, would do).
pub struct Summary {
    /// The changes.
    pub plan: Plan,
    /// Nothing was changed.
    pub dry_run: bool,
    /// Wall time of the publishing.
    pub elapsed: Duration,
}

/// Publish the build.
pub fn run(req: &Request, words: &Messages) -> Result<Summary, Diagnostic> {
    let start = Instant::now();
    let local = Local::read(&req.build_dir)?;
    let mut target = open(req)?;
    let old = match target.get(manifest::NAME)? {
        None => Manifest::default(),
        Some(bytes) => Manifest::parse(&bytes).map_err(|e| damaged(&e))?,
    };
    let plan = plan::plan(&local.files, &old);
    if !req.dry_run && (!plan.is_empty() || old.version == 0) {
        apply(target.as_mut(), &local, &plan, old, words)?;
    }
    Ok(Summary {
        plan,
        dry_run: req.dry_run,
        elapsed: start.elapsed(),
    })
}

fn open(req: &Request) -> Result<Box<dyn Target>, Diagnostic> {
    Ok(match &req.dest {
        Dest::Folder(dir) => Box::new(folder::Folder::open(&req.root, &req.build_dir, dir)?),
        Dest::S3 { bucket, prefix } => Box::new(s3::S3::open(bucket, prefix, &req.s3)?),
        Dest::Sftp {
            user,
            host,
            port,
            path,
        } => Box::new(sftp::Sftp::open(user, host, *port, path, &req.sftp)?),
    })
}

/// Make the changes; the manifest then lists what is at the destination, also when a step
/// failed (so the next deploy neither uploads a file again nor forgets to delete one).
fn apply(
    target: &mut dyn Target,
    local: &Local,
    plan: &Plan,
    mut now: Manifest,
    words: &Messages,
) -> Result<(), Diagnostic> {
    now.version = 1;
    let mut progress = progress::Progress::new(plan.upload.len() + plan.delete.len(), words);
    let done = steps(target, local, plan, &mut now, &mut progress);
    progress.finish();
    let saved = target.put(manifest::NAME, &now.to_bytes());
    done.and(saved)
}

fn steps(
    target: &mut dyn Target,
    local: &Local,
    plan: &Plan,
    now: &mut Manifest,
    progress: &mut progress::Progress<'_>,
) -> Result<(), Diagnostic> {
    for path in &plan.upload {
        target.put(path, &local.bytes(path)?)?;
        if let Some(hash) = local.files.get(path) {
            now.files.insert(path.clone(), manifest::hex(*hash));
        }
        progress.step();
    }
    for path in &plan.delete {
        target.delete(path)?;
        now.files.remove(path);
        progress.step();
    }
    Ok(())
}

fn damaged(why: &str) -> Diagnostic {
    let name = manifest::NAME;
    Diagnostic::error(
        "deploy-manifest",
        format!("the list of published files at the destination ({name}) is damaged: {why}"),
    )
    .with_hint(format!("delete {name} at the destination: the next deploy uploads every file again and deletes nothing"))
    .tr("deploy-manifest", &[("name", name)])
}
