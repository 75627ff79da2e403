//! Data safety of the output folder through the real CLI: every dangerous `--output` is
//! refused with a message and touches nothing; a git worktree keeps `.git` and `CNAME`; a
//! symlink stays a link; a mount point is written in place; a killed build leaves the old site
//! whole and its staging folder is removed by the next run; the no-change shortcut notices an
//! edited output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
use std::path::Path;
use support::*;

/// Every file under `dir` (dotfiles included) with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dir)
}

fn build_to(root: &Path, output: &str) -> Run {
    campaign_in(
        root.parent().expect("parent"),
        &[
            "build",
            "--root",
            root.to_str().expect("utf-8"),
            "--output",
            output,
        ],
    )
}

fn first_error(r: &Run) -> &str {
    r.stderr.lines().next().unwrap_or("")
}

/// A site with every source folder present and a note of the editor's own.
fn site() -> Fixture {
    let dir = fixture("site-basic");
    let s = dir.path();
    for d in ["static", "locales/en", "themes/mine/templates"] {
        std::fs::create_dir_all(s.join(d)).expect("mkdir");
    }
    std::fs::write(s.join("static/robots-extra.txt"), "x").expect("write");
    std::fs::write(s.join("notes.txt"), "my own notes").expect("write");
    dir
}

#[test]
fn dangerous_outputs_are_refused_and_nothing_is_touched() {
    let dir = site();
    let s = dir.path().to_path_buf();
    let before = snapshot(dir.beside());
    let sp = s.to_str().expect("utf-8").to_string();
    let cases: Vec<(String, &str)> = vec![
        (sp.clone(), "is the site's own folder or holds it"),
        (format!("{sp}/."), "is the site's own folder or holds it"),
        (
            format!("{sp}/content/.."),
            "is the site's own folder or holds it",
        ),
        (
            dir.beside().to_str().expect("utf-8").to_string(),
            "is the site's own folder or holds it",
        ),
        ("/".into(), "is the site's own folder or holds it"),
        (format!("{sp}/content"), "inside the site's content/ folder"),
        (
            format!("{sp}/content/news"),
            "inside the site's content/ folder",
        ),
        (format!("{sp}/static"), "inside the site's static/ folder"),
        (
            format!("{sp}/static/site"),
            "inside the site's static/ folder",
        ),
        (format!("{sp}/themes"), "inside the site's themes/ folder"),
        (
            format!("{sp}/templates"),
            "inside the site's templates/ folder",
        ),
        (
            format!("{sp}/locales/en"),
            "inside the site's locales/ folder",
        ),
    ];
    for (output, expected) in &cases {
        let r = build_to(&s, output);
        assert_eq!(r.code, 1, "--output {output}: {}", r.stderr);
        assert!(
            first_error(&r).starts_with(&format!("error: the output folder {output} "))
                && first_error(&r).contains(expected),
            "--output {output}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("  = hint: choose a folder"),
            "{}",
            r.stderr
        );
        assert_eq!(
            snapshot(dir.beside()),
            before,
            "--output {output} touched files"
        );
    }
}

#[test]
fn a_folder_of_user_files_is_refused() {
    let dir = site();
    let s = dir.path().to_path_buf();
    let mine = dir.beside().join("documents");
    std::fs::create_dir_all(mine.join("letters")).expect("mkdir");
    std::fs::write(mine.join("letters/a.txt"), "a letter").expect("write");
    std::fs::write(mine.join("budget.xlsx"), "numbers").expect("write");
    let before = snapshot(dir.beside());
    let r = build_to(&s, mine.to_str().expect("utf-8"));
    assert_eq!(r.code, 1);
    assert_transcript(
        transcript("output-folder-of-documents.stderr"),
        &normalise(&r.stderr, dir.beside()),
    );
    assert_eq!(snapshot(dir.beside()), before);
    // A file is not a folder.
    let r = build_to(&s, mine.join("budget.xlsx").to_str().expect("utf-8"));
    assert_eq!(r.code, 1);
    assert!(
        first_error(&r).contains("is a file, not a folder"),
        "{}",
        r.stderr
    );
    assert_eq!(snapshot(dir.beside()), before);
}

#[test]
fn a_git_worktree_keeps_git_and_cname_and_listed_names() {
    let dir = site();
    let s = dir.path().to_path_buf();
    let out = dir.beside().join("gh-pages");
    std::fs::create_dir_all(out.join(".git/objects")).expect("mkdir");
    std::fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").expect("write");
    std::fs::write(out.join(".nojekyll"), "").expect("write");
    std::fs::write(out.join("CNAME"), "migration.example.ge\n").expect("write");
    let r = build_to(&s, out.to_str().expect("utf-8"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.join("index.html").is_file());
    assert_eq!(read(&out, ".git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(read(&out, "CNAME"), "migration.example.ge\n");
    assert!(out.join(".nojekyll").is_file());
    // A file the user adds later is not kept unless site.yaml lists it.
    std::fs::write(out.join("README.md"), "deploy notes").expect("write");
    std::fs::write(out.join("stray.txt"), "x").expect("write");
    let yaml = read(&s, "site.yaml") + "output_keep: [README*]\n";
    std::fs::write(s.join("site.yaml"), yaml).expect("write");
    let r = build_to(&s, out.to_str().expect("utf-8"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(read(&out, "README.md"), "deploy notes");
    assert!(!out.join("stray.txt").exists(), "not listed: replaced");
    assert_eq!(read(&out, ".git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(read(&out, "CNAME"), "migration.example.ge\n");
    assert!(no_staging_left(dir.beside()));
}

fn no_staging_left(dir: &Path) -> bool {
    std::fs::read_dir(dir).expect("read").flatten().all(|e| {
        !e.file_name().to_string_lossy().contains(".new-")
            && !e.file_name().to_string_lossy().contains(".old-")
    })
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through_and_stays_a_link() {
    let dir = site();
    let target = dir.beside().join("www");
    std::fs::create_dir_all(&target).expect("mkdir");
    let link = dir.beside().join("public-link");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    for _ in 0..2 {
        let r = campaign_in(
            dir.beside(),
            &[
                "build",
                "--root",
                "site",
                "--output",
                "public-link",
                "--force",
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert!(
            target.join("index.html").is_file(),
            "the link's target is updated"
        );
    }
    assert!(no_staging_left(dir.beside()));
}

#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_is_written_in_place() {
    let dir = site();
    let s = dir.path().to_path_buf();
    let mnt = dir.beside().join("mnt");
    std::fs::create_dir_all(&mnt).expect("mkdir");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64m", "tmpfs"])
        .arg(&mnt)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: this machine does not let the test mount a tmpfs (needs root)");
        return;
    }
    std::fs::write(mnt.join("CNAME"), "x.ge\n").expect("write");
    std::fs::write(
        s.join("content/extra.ka.md"),
        "---\ntitle: დამატებითი\n---\n\nტექსტი\n",
    )
    .expect("write");
    let run = || build_to(&s, mnt.to_str().expect("utf-8"));
    let first = run();
    let old_page = mnt.join("extra/index.html").is_file();
    // Change the site: a page disappears, the next build removes it from the mount.
    std::fs::remove_file(s.join("content/extra.ka.md")).expect("rm");
    let second = run();
    let gone = !mnt.join("extra").exists();
    let index = mnt.join("index.html").is_file();
    let cname = std::fs::read_to_string(mnt.join("CNAME")).unwrap_or_default();
    let leftovers: Vec<String> = std::fs::read_dir(&mnt)
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".campaign-new"))
        .collect();
    let _ = std::process::Command::new("umount").arg(&mnt).status();
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(old_page && gone && index, "the mount holds the new site");
    assert_eq!(cname, "x.ge\n");
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A site big enough that a build takes a moment.
fn big_site() -> Fixture {
    let dir = fixture("site-basic");
    let s = dir.path();
    let words = "Returned migrants can get medical care, housing and help with a small business. "
        .repeat(40);
    for i in 0..3000 {
        let body = format!(
            "---\ntitle: Page {i}\n---\n\n## Part one\n\n{words}\n\n## Part two\n\n{words}\n"
        );
        std::fs::create_dir_all(s.join("content/bulk")).expect("mkdir");
        std::fs::write(s.join(format!("content/bulk/p{i}.ka.md")), &body).expect("write");
        std::fs::write(s.join(format!("content/bulk/p{i}.en.md")), &body).expect("write");
    }
    dir
}

#[test]
fn a_killed_build_leaves_the_old_site_and_the_next_run_cleans_up() {
    let dir = big_site();
    let s = dir.path().to_path_buf();
    let first = build(&s);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let public = s.join("public");
    let before = snapshot(&public);
    let mut child = command()
        .args(["build", "--force", "--root"])
        .arg(&s)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let staging = s.join(format!(".public.new-{}", child.id()));
    let start = std::time::Instant::now();
    while !staging.join("bulk").exists() && start.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert!(staging.exists(), "the build was killed while writing");
    assert_eq!(snapshot(&public), before, "the old site is whole");
    // The next run removes what the dead one left.
    let next = build(&s);
    assert_eq!(next.code, 0, "{}", next.stderr);
    assert!(!staging.exists(), "the stale staging folder is removed");
    assert!(no_staging_left(&s));
}

#[test]
fn an_old_site_left_between_renames_gives_back_the_users_files() {
    let dir = site();
    let s = dir.path().to_path_buf();
    assert_eq!(build(&s).code, 0);
    // As if a run died after moving the old site aside (pid 4000000 does not exist).
    let old = s.join(".public.old-4000000");
    std::fs::rename(s.join("public"), &old).expect("rename");
    std::fs::create_dir_all(old.join(".git")).expect("mkdir");
    std::fs::write(old.join(".git/HEAD"), "ref").expect("write");
    std::fs::write(old.join("CNAME"), "x.ge").expect("write");
    let r = build(&s);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!old.exists());
    assert_eq!(read(&s, "public/.git/HEAD"), "ref");
    assert_eq!(read(&s, "public/CNAME"), "x.ge");
}

#[test]
fn the_no_change_shortcut_notices_an_edited_or_deleted_output_file() {
    let dir = site();
    let s = dir.path().to_path_buf();
    assert_eq!(build(&s).code, 0);
    let again = build(&s);
    assert!(
        again
            .stdout
            .starts_with("nothing changed since the last build"),
        "{}",
        again.stdout
    );
    let public = s.join("public");
    let good = snapshot(&public);
    std::fs::remove_file(public.join("about/index.html")).expect("rm");
    let r = build(&s);
    assert!(
        r.stdout.starts_with("built "),
        "a deleted file: {}",
        r.stdout
    );
    assert_eq!(snapshot(&public), good);
    std::fs::write(public.join("index.html"), "defaced").expect("write");
    let r = build(&s);
    assert!(
        r.stdout.starts_with("built "),
        "an edited file: {}",
        r.stdout
    );
    assert_eq!(snapshot(&public), good);
    std::fs::write(public.join("en/extra.html"), "added").expect("write");
    let r = build(&s);
    assert!(
        r.stdout.starts_with("built "),
        "an added file: {}",
        r.stdout
    );
    assert_eq!(snapshot(&public), good);
}

#[test]
fn round_one_outputs_without_a_marker_are_still_campaigns() {
    let dir = site();
    let s = dir.path().to_path_buf();
    assert_eq!(build(&s).code, 0);
    // Outputs of campaign before the marker: the stamp in .cache/ says the folder is ours.
    std::fs::remove_file(s.join("public/.campaign-output")).expect("rm");
    let r = campaign_in(
        &s,
        &["build", "--root", s.to_str().expect("utf-8"), "--force"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.join("public/.campaign-output").is_file());
}
