//! `campaign deploy sftp://...` against a real `rclone serve sftp` on loopback with its own
//! host key: first deploy with a password, a changed page (only it and what depends on it go
//! up), a deleted page (deleted remotely, other files stay), a dry run, a wrong password, an
//! unknown and a changed host key (refused with the fix, nothing uploaded), and a key login
//! with the key named by CAMPAIGN_SFTP_KEY or found in ~/.ssh of a temporary HOME.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use support::rclone::{self, SFTP_PASS, SftpServer};
use support::relay::{Relay, Trouble};
use support::{Run, command, run, tree};

/// `campaign deploy URL --known-hosts FILE --root SITE ARGS`, with no secrets inherited.
fn deploy(site: &Path, server: &SftpServer, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = command();
    cmd.arg("deploy")
        .args(args)
        .arg("--known-hosts")
        .arg(&server.known_hosts)
        .arg("--root")
        .arg(site)
        .env("HOME", server.work.join("home"))
        .env_remove("SSH_AUTH_SOCK")
        .env_remove("CAMPAIGN_SFTP_PASSWORD")
        .env_remove("CAMPAIGN_SFTP_KEY")
        .env_remove("CAMPAIGN_SFTP_KEY_PASSPHRASE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    run(&mut cmd)
}

const PASSWORD: (&str, &str) = ("CAMPAIGN_SFTP_PASSWORD", SFTP_PASS);

/// (uploaded, deleted) from the summary line.
fn counts(r: &Run) -> (usize, usize) {
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("published to ") || l.starts_with("dry run"))
        .unwrap_or_else(|| panic!("no summary:\n{}\n{}", r.stdout, r.stderr));
    let num = |word: &str| -> usize {
        let before = line.split(word).next().unwrap();
        let n = before.split_whitespace().last().unwrap();
        n.trim_start_matches(':').parse().unwrap()
    };
    if line.starts_with("dry run") {
        (num(" files would be uploaded"), num(" deleted"))
    } else {
        (num(" files uploaded"), num(" deleted"))
    }
}

fn published(dir: &Path, skip: &str) -> Vec<(String, Vec<u8>)> {
    tree(dir).into_iter().filter(|(p, _)| p != skip).collect()
}

/// The remote folder holds exactly the site's build (besides the deploy's own list).
fn assert_deployed(remote: &Path, site: &Path) {
    assert_eq!(
        published(remote, ".campaign-deploy.json"),
        published(&site.join("public"), ".campaign-output")
    );
}

fn site_with_extra_page() -> support::Fixture {
    let f = support::fixture("site-basic");
    for (lang, title) in [("ka", "დამატებითი"), ("en", "Extra")] {
        let text = format!("---\ntitle: {title}\n---\n\nText.\n");
        std::fs::write(f.path().join(format!("content/extra.{lang}.md")), text).unwrap();
    }
    f
}

#[test]
fn sftp_first_deploy_change_delete_and_dry_run() {
    let server = SftpServer::start(None);
    let site = site_with_extra_page();
    let url = server.url("srv/www");
    let remote = server.data.join("srv/www");

    // First deploy, into folders that do not exist yet.
    let first = deploy(site.path(), &server, &[&url], &[PASSWORD]);
    assert!(first.ok(), "{}\n{}", first.stdout, first.stderr);
    assert!(!first.stdout.contains(SFTP_PASS) && !first.stderr.contains(SFTP_PASS));
    let build = published(&site.path().join("public"), ".campaign-output");
    assert_eq!(published(&remote, ".campaign-deploy.json"), build);
    assert_eq!(counts(&first), (build.len(), 0));
    // What the web server publishes from that folder is the build, byte for byte.
    let web = rclone::HttpServer::start(&remote);
    for (rel, bytes) in &build {
        let (status, body) = web.get(rel);
        assert_eq!(status, 200, "{rel}");
        assert!(body == *bytes, "{rel} differs when fetched back over HTTP");
    }
    drop(web);
    assert!(
        !tree(&remote)
            .iter()
            .any(|(p, _)| p.contains("campaign-tmp"))
    );

    // Nothing changed: nothing goes up.
    let before = rclone::stamps(&remote);
    let again = deploy(site.path(), &server, &[&url], &[PASSWORD]);
    assert_eq!(counts(&again), (0, 0), "{}", again.stdout);
    assert_eq!(rclone::stamps(&remote), before);

    // One page changed: it and what depends on it go up, nothing else.
    let page = site.path().join("content/services/housing.en.md");
    let text = std::fs::read_to_string(&page).unwrap() + "\nOne more sentence.\n";
    std::fs::write(&page, text).unwrap();
    let second = deploy(site.path(), &server, &[&url], &[PASSWORD]);
    assert!(second.ok(), "{}", second.stderr);
    let after = rclone::stamps(&remote);
    let written: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let (up, del) = counts(&second);
    assert_eq!(del, 0);
    assert_eq!(written.len(), up + 1, "{written:?}\n{}", second.stdout);
    assert!(
        written
            .iter()
            .any(|p| *p == "en/services/temporary-housing/index.html")
    );
    assert!(!written.iter().any(|p| p.ends_with(".css")), "{written:?}");
    assert!(up <= 3, "{written:?}");
    assert_deployed(&remote, site.path());

    // A file nobody deployed stays; a deleted page goes, after a dry run that changes nothing.
    std::fs::write(remote.join("mine.txt"), "mine").unwrap();
    for lang in ["ka", "en"] {
        std::fs::remove_file(site.path().join(format!("content/extra.{lang}.md"))).unwrap();
    }
    let before = tree(&remote);
    let dry = deploy(site.path(), &server, &[&url, "--dry-run"], &[PASSWORD]);
    assert!(dry.ok(), "{}", dry.stderr);
    assert!(
        dry.stdout.contains("- en/extra/index.html\n"),
        "{}",
        dry.stdout
    );
    assert_eq!(counts(&dry).1, 2);
    assert_eq!(tree(&remote), before, "a dry run changed the destination");
    let third = deploy(site.path(), &server, &[&url], &[PASSWORD]);
    assert!(third.ok(), "{}", third.stderr);
    assert_eq!(counts(&third).1, 2, "{}", third.stdout);
    assert!(!remote.join("en/extra").exists() && !remote.join("extra").exists());
    assert_eq!(
        std::fs::read_to_string(remote.join("mine.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn sftp_refusals_are_plain_and_change_nothing() {
    let server = SftpServer::start(None);
    let site = support::fixture("site-basic");
    assert!(support::build(site.path()).ok());
    let url = server.url("www");
    let port = server.port.to_string();

    let wrong = deploy(
        site.path(),
        &server,
        &[&url, "--no-build"],
        &[("CAMPAIGN_SFTP_PASSWORD", "not-the-password")],
    );
    assert_eq!(wrong.code, 1, "{}", wrong.stdout);
    assert!(!wrong.stderr.contains("not-the-password"));
    assert!(
        wrong.stderr.contains("did not let `editor` in"),
        "{}",
        wrong.stderr
    );
    assert!(
        wrong.stderr.contains("CAMPAIGN_SFTP_PASSWORD"),
        "{}",
        wrong.stderr
    );

    let none = deploy(site.path(), &server, &[&url, "--no-build"], &[]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr
            .contains("no password, no SSH agent, no key file"),
        "{}",
        none.stderr
    );

    // A server not in known_hosts: refused, with the command that adds it.
    std::fs::write(&server.known_hosts, "").unwrap();
    let unknown = deploy(site.path(), &server, &[&url, "--no-build"], &[PASSWORD]);
    assert_eq!(unknown.code, 1);
    assert!(
        unknown.stderr.contains("is not listed in"),
        "{}",
        unknown.stderr
    );
    assert!(unknown.stderr.contains("SHA256:"), "{}", unknown.stderr);
    assert!(
        unknown
            .stderr
            .contains(&format!("ssh-keyscan -p {port} 127.0.0.1 >>")),
        "{}",
        unknown.stderr
    );

    // A server whose key changed.
    let other = server.work.join("other_key");
    rclone::keygen(&other);
    let public = std::fs::read_to_string(other.with_extension("pub")).unwrap();
    let key: Vec<&str> = public.split_whitespace().take(2).collect();
    std::fs::write(
        &server.known_hosts,
        format!("[127.0.0.1]:{port} {}\n", key.join(" ")),
    )
    .unwrap();
    let changed = deploy(site.path(), &server, &[&url, "--no-build"], &[PASSWORD]);
    assert_eq!(changed.code, 1);
    assert!(
        changed.stderr.contains("someone may be intercepting"),
        "{}",
        changed.stderr
    );
    assert!(changed.stderr.contains("line 1"), "{}", changed.stderr);

    let closed = format!("sftp://editor@127.0.0.1:{}/www", support::free_port());
    let unreachable = deploy(site.path(), &server, &[&closed, "--no-build"], &[PASSWORD]);
    assert_eq!(unreachable.code, 1);
    assert!(
        unreachable
            .stderr
            .contains("nothing answers at that address"),
        "{}",
        unreachable.stderr
    );
    assert_eq!(
        tree(&server.data),
        Vec::new(),
        "a refused deploy changed the server"
    );
}

#[test]
fn sftp_key_login_from_env_and_home() {
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("deploy_key");
    rclone::keygen(&key);
    let server = SftpServer::start(Some(&key.with_extension("pub")));
    let site = support::fixture("site-basic");
    assert!(support::build(site.path()).ok());

    let by_env = deploy(
        site.path(),
        &server,
        &[&server.url("a"), "--no-build"],
        &[("CAMPAIGN_SFTP_KEY", key.to_str().unwrap())],
    );
    assert!(by_env.ok(), "{}", by_env.stderr);
    assert!(server.data.join("a/index.html").is_file());

    let ssh = server.work.join("home/.ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::copy(&key, ssh.join("id_ed25519")).unwrap();
    let by_home = deploy(site.path(), &server, &[&server.url("b"), "--no-build"], &[]);
    assert!(by_home.ok(), "{}", by_home.stderr);
    assert_deployed(&server.data.join("b"), site.path());
}

#[test]
fn sftp_key_with_a_passphrase() {
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("locked_key");
    rclone::keygen_locked(&key, "correct horse");
    let server = SftpServer::start(Some(&key.with_extension("pub")));
    let site = support::fixture("site-basic");
    assert!(support::build(site.path()).ok());
    let url = server.url("www");
    let file = ("CAMPAIGN_SFTP_KEY", key.to_str().unwrap());

    let without = deploy(site.path(), &server, &[&url, "--no-build"], &[file]);
    assert_eq!(without.code, 1, "{}", without.stdout);
    assert!(
        without.stderr.contains("it needs a passphrase"),
        "{}",
        without.stderr
    );
    assert!(
        without.stderr.contains("CAMPAIGN_SFTP_KEY_PASSPHRASE"),
        "{}",
        without.stderr
    );

    // The same in Georgian: the reason too, not only the sentence around it.
    let ka = deploy(
        site.path(),
        &server,
        &[&url, "--no-build"],
        &[file, ("CAMPAIGN_LANG", "ka")],
    );
    assert!(
        ka.stderr.contains("მას ფრაზა (passphrase) სჭირდება"),
        "{}",
        ka.stderr
    );
    assert!(!ka.stderr.contains("it needs"), "{}", ka.stderr);

    let wrong = ("CAMPAIGN_SFTP_KEY_PASSPHRASE", "wrong horse");
    let refused = deploy(site.path(), &server, &[&url, "--no-build"], &[file, wrong]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        !refused.stderr.contains("wrong horse"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("the passphrase does not open it"),
        "{}",
        refused.stderr
    );
    assert_eq!(tree(&server.data), Vec::new(), "nothing was published");

    let right = ("CAMPAIGN_SFTP_KEY_PASSPHRASE", "correct horse");
    let ok = deploy(site.path(), &server, &[&url, "--no-build"], &[file, right]);
    assert!(ok.ok(), "{}", ok.stderr);
    assert!(!ok.stdout.contains("correct horse") && !ok.stderr.contains("correct horse"));
    assert_deployed(&server.data.join("www"), site.path());
}

/// A running `ssh-agent` on its own socket, stopped when dropped.
struct Agent {
    child: std::process::Child,
    socket: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Agent {
    fn start() -> Agent {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("agent.sock");
        let child = std::process::Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("ssh-agent (openssh-client) is needed for this test");
        let start = std::time::Instant::now();
        while !socket.exists() {
            assert!(start.elapsed().as_secs() < 10, "ssh-agent did not start");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        Agent {
            child,
            socket,
            _dir: dir,
        }
    }

    fn add(&self, key: &Path) {
        let ok = std::process::Command::new("ssh-add")
            .arg("-q")
            .arg(key)
            .env("SSH_AUTH_SOCK", &self.socket)
            .status()
            .unwrap()
            .success();
        assert!(ok, "ssh-add failed");
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn sftp_key_from_the_ssh_agent() {
    let keys = tempfile::tempdir().unwrap();
    let (other, key) = (keys.path().join("other"), keys.path().join("agent_key"));
    rclone::keygen(&other);
    rclone::keygen(&key);
    let server = SftpServer::start(Some(&key.with_extension("pub")));
    let site = support::fixture("site-basic");
    assert!(support::build(site.path()).ok());
    let agent = Agent::start();
    let sock = ("SSH_AUTH_SOCK", agent.socket.to_str().unwrap());

    // The agent holds only a key the server does not know: refused, saying what was tried.
    agent.add(&other);
    let refused = deploy(
        site.path(),
        &server,
        &[&server.url("www"), "--no-build"],
        &[sock],
    );
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused.stderr.contains("the keys of the SSH agent"),
        "{}",
        refused.stderr
    );

    // With the right key in the agent (and none in ~/.ssh): in, the agent signs.
    agent.add(&key);
    std::fs::remove_file(&key).unwrap();
    let r = deploy(
        site.path(),
        &server,
        &[&server.url("www"), "--no-build"],
        &[sock],
    );
    assert!(r.ok(), "{}", r.stderr);
    assert_deployed(&server.data.join("www"), site.path());
}

#[test]
fn sftp_dropped_connections_are_opened_again() {
    let server = SftpServer::start(None);
    let target = format!("127.0.0.1:{}", server.port);

    // Dropped as it opens (twice), then cut in the middle of the uploads: every file arrives.
    for (folder, trouble) in [
        ("dropped", Trouble::DropFirst(2)),
        ("cut", Trouble::CutFirstAfter(40_000)),
    ] {
        let relay = Relay::start(&target, trouble);
        // The relay's address is the server's too: list its key under the relay's port.
        let listed = std::fs::read_to_string(&server.known_hosts).unwrap();
        let line = listed.lines().next().unwrap();
        let port = format!("]:{}", server.port);
        let again = line.replace(&port, &format!("]:{}", relay.port));
        std::fs::write(&server.known_hosts, format!("{line}\n{again}\n")).unwrap();
        let site = support::fixture("site-basic");
        let url = format!("sftp://editor@{}/{folder}", relay.addr());
        let r = deploy(site.path(), &server, &[&url], &[PASSWORD]);
        assert!(r.ok(), "{}\n{}", r.stdout, r.stderr);
        assert!(relay.troubled() >= 1, "the relay did not interfere");
        assert!(relay.connections() >= 2, "campaign did not connect again");
        assert_deployed(&server.data.join(folder), site.path());
        assert!(
            !tree(&server.data)
                .iter()
                .any(|(p, _)| p.contains("campaign-tmp")),
            "a half-written file was left"
        );
    }

    // A network that never lets a connection through: a plain error after a few tries.
    let dead = Relay::start(&target, Trouble::DropFirst(usize::MAX));
    let site = support::fixture("site-basic");
    let url = format!("sftp://editor@{}/dead", dead.addr());
    let r = deploy(site.path(), &server, &[&url], &[PASSWORD]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains("cannot reach the SFTP server"),
        "{}",
        r.stderr
    );
    assert!(dead.troubled() <= 5, "tried {} times", dead.troubled());
}
