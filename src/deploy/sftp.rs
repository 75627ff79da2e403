//! A folder on an SFTP server as a destination (`sftp://user@host[:port]/folder`), through
//! the pure-Rust `russh` and `russh-sftp`. Each file is written under a temporary name and
//! renamed into place (`posix-rename@openssh.com` where the server has it, else the old
//! file is removed first), folders are created as needed, and a dropped connection is
//! opened again and the step tried again.

use super::sftp_errors as errors;
use super::sftp_login::{self as login, Server};
use super::target::Target;
use crate::diagnostics::Diagnostic;
use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};
use std::path::PathBuf;
use std::time::Duration;

/// How often a step is tried before giving up on a dropped connection.
const ATTEMPTS: u32 = 4;
/// The most bytes read or written in one request.
const CHUNK: usize = 32 * 1024;
const POSIX_RENAME: &str = "posix-rename@openssh.com";

/// The SFTP options of the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The `known_hosts` file (`--known-hosts`), else `~/.ssh/known_hosts`.
    pub known_hosts: Option<PathBuf>,
}

/// An open SFTP session.
struct Conn {
    sftp: RawSftpSession,
    posix_rename: bool,
    _ssh: russh::client::Handle<login::Checker>,
}

/// A folder on an SFTP server.
pub struct Sftp {
    rt: tokio::runtime::Runtime,
    server: Server,
    dir: String,
    conn: Option<Conn>,
}

/// One step.
enum Op<'a> {
    Get(&'a str),
    Put(&'a str, &'a [u8]),
    Delete(&'a str),
}

impl Sftp {
    /// Connect to `user@host:port` and log in; files go under `path`.
    pub fn open(
        user: &str,
        host: &str,
        port: u16,
        path: &str,
        opts: &Options,
    ) -> Result<Sftp, Diagnostic> {
        let known_hosts = opts.known_hosts.clone().unwrap_or_else(|| {
            let home = std::env::home_dir().unwrap_or_default();
            home.join(".ssh").join("known_hosts")
        });
        let server = Server {
            user: user.into(),
            host: host.into(),
            port,
            known_hosts,
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| errors::unreachable(&server.name(), &e.to_string()))?;
        // `/~/www` is `www` in the user's home folder; `/` alone is the server's top.
        let dir = match path.strip_prefix("/~") {
            Some(rest) => rest.trim_matches('/').to_string(),
            None => format!("/{}", path.trim_matches('/')),
        };
        let mut s = Sftp {
            rt,
            server,
            dir,
            conn: None,
        };
        s.connect()?;
        Ok(s)
    }

    /// Open the connection, again after a pause when the network dropped it on the way.
    fn connect(&mut self) -> Result<(), Diagnostic> {
        let mut pause = Duration::from_millis(500);
        let mut attempt = 1;
        loop {
            match self.rt.block_on(connect_once(&self.server)) {
                Ok(conn) => {
                    self.conn = Some(conn);
                    return Ok(());
                }
                Err(f) if f.dropped && attempt < ATTEMPTS => {
                    std::thread::sleep(pause);
                    pause *= 2;
                    attempt += 1;
                }
                Err(f) => return Err(f.message),
            }
        }
    }

    fn remote(&self, path: &str) -> String {
        if self.dir.is_empty() {
            path.to_string()
        } else if self.dir == "/" {
            format!("/{path}")
        } else {
            format!("{}/{path}", self.dir)
        }
    }

    /// Do `op`, connecting again after a pause when the connection was lost.
    fn send(&mut self, op: &Op<'_>) -> Result<Option<Vec<u8>>, Diagnostic> {
        let mut pause = Duration::from_millis(500);
        let mut attempt = 1;
        loop {
            if self.conn.is_none() {
                self.connect()?;
            }
            let outcome = match &self.conn {
                Some(c) => self.rt.block_on(once(c, op, &self.dir)),
                None => Err(SftpError::UnexpectedPacket),
            };
            let path = match op {
                Op::Get(p) | Op::Put(p, _) | Op::Delete(p) => *p,
            };
            match outcome {
                Ok(v) => return Ok(v),
                Err(e) if transient(&e) && attempt < ATTEMPTS => {
                    self.conn = None;
                    std::thread::sleep(pause);
                    pause *= 2;
                    attempt += 1;
                }
                Err(e) if transient(&e) => {
                    return Err(errors::unreachable(&self.server.name(), "other"));
                }
                Err(e) => {
                    let (reason, why) = plain(&e);
                    return Err(errors::refused(
                        &self.server.name(),
                        &self.remote(path),
                        reason,
                        &why,
                    ));
                }
            }
        }
    }
}

/// Connect, log in and start SFTP.
async fn connect_once(server: &Server) -> Result<Conn, login::Failed> {
    let name = server.name();
    let ssh = login::open(server).await?;
    let lost = |e: russh::Error| login::Failed {
        message: errors::unreachable(&name, login::reason(&e)),
        dropped: true,
    };
    let channel = ssh.channel_open_session().await.map_err(lost)?;
    channel
        .request_subsystem(true, "sftp")
        .await
        .map_err(lost)?;
    let sftp = RawSftpSession::new(channel.into_stream());
    sftp.set_timeout(60);
    let version = sftp.init().await.map_err(|e| login::Failed {
        dropped: transient(&e),
        message: errors::refused(&name, "sftp", "other", &e.to_string()),
    })?;
    let posix_rename = version.extensions.contains_key(POSIX_RENAME);
    Ok(Conn {
        sftp,
        posix_rename,
        _ssh: ssh,
    })
}

/// A failure of the connection rather than a refusal by the server (russh-sftp reports a
/// session whose connection broke as "sender dropped", "session closed" or a channel error).
fn transient(e: &SftpError) -> bool {
    match e {
        SftpError::IO(_) | SftpError::Timeout | SftpError::UnexpectedPacket => true,
        SftpError::Status(s) => matches!(
            s.status_code,
            StatusCode::NoConnection | StatusCode::ConnectionLost
        ),
        SftpError::UnexpectedBehavior(why) => {
            ["sender dropped", "session closed", "SendError", "RecvError"]
                .iter()
                .any(|w| why.contains(w))
        }
        SftpError::Limited(_) => false,
    }
}

/// Why the server refused: `missing`, `denied` or `other` with the server's own words.
fn plain(e: &SftpError) -> (&'static str, String) {
    match e {
        SftpError::Status(s) => match s.status_code {
            StatusCode::NoSuchFile => ("missing", String::new()),
            StatusCode::PermissionDenied => ("denied", String::new()),
            _ if !s.error_message.is_empty() => ("other", s.error_message.clone()),
            code => ("other", code.to_string()),
        },
        other => ("other", other.to_string()),
    }
}

fn is(e: &SftpError, code: StatusCode) -> bool {
    matches!(e, SftpError::Status(s) if s.status_code == code)
}

fn join(dir: &str, path: &str) -> String {
    match dir {
        "" => path.to_string(),
        "/" => format!("/{path}"),
        d => format!("{d}/{path}"),
    }
}

async fn once(c: &Conn, op: &Op<'_>, dir: &str) -> Result<Option<Vec<u8>>, SftpError> {
    match op {
        Op::Get(p) => get(&c.sftp, &join(dir, p)).await,
        Op::Put(p, bytes) => put(&c.sftp, c.posix_rename, &join(dir, p), bytes)
            .await
            .map(|()| None),
        Op::Delete(p) => delete(&c.sftp, dir, p).await.map(|()| None),
    }
}

async fn get(s: &RawSftpSession, file: &str) -> Result<Option<Vec<u8>>, SftpError> {
    let handle = match s
        .open(file, OpenFlags::READ, FileAttributes::default())
        .await
    {
        Ok(h) => h.handle,
        Err(e) if is(&e, StatusCode::NoSuchFile) => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    let read = loop {
        match s
            .read(handle.as_str(), out.len() as u64, CHUNK as u32)
            .await
        {
            Ok(d) if d.data.is_empty() => break Ok(()),
            Ok(d) => out.extend_from_slice(&d.data),
            Err(e) if is(&e, StatusCode::Eof) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    let _ = s.close(handle).await;
    read.map(|()| Some(out))
}

/// Write `bytes` to `file` under a temporary name, then move it into place.
pub(super) async fn put(
    s: &RawSftpSession,
    posix_rename: bool,
    file: &str,
    bytes: &[u8],
) -> Result<(), SftpError> {
    let (parent, name) = match file.rsplit_once('/') {
        Some((p, n)) => (p.to_string(), n),
        None => (String::new(), file),
    };
    let tmp = join(&parent, &format!(".{name}.campaign-tmp"));
    let flags = OpenFlags::CREATE | OpenFlags::TRUNCATE | OpenFlags::WRITE;
    let attrs = FileAttributes::default;
    let handle = match s.open(tmp.as_str(), flags, attrs()).await {
        Err(e) if is(&e, StatusCode::NoSuchFile) => {
            mkdirs(s, &parent).await?;
            s.open(tmp.as_str(), flags, attrs()).await?
        }
        other => other?,
    }
    .handle;
    let mut written = Ok(());
    for (i, chunk) in bytes.chunks(CHUNK).enumerate() {
        written = s
            .write(handle.as_str(), (i * CHUNK) as u64, chunk.to_vec())
            .await
            .map(|_| ());
        if written.is_err() {
            break;
        }
    }
    let closed = s.close(handle).await.map(|_| ());
    if let Err(e) = written.and(closed) {
        let _ = s.remove(tmp.as_str()).await;
        return Err(e);
    }
    rename_over(s, posix_rename, &tmp, file).await
}

/// Move `tmp` onto `file`, replacing it: in one step where the server offers
/// `posix-rename@openssh.com`, else by removing `file` first (plain SFTP's rename refuses
/// to replace a file).
async fn rename_over(
    s: &RawSftpSession,
    posix_rename: bool,
    tmp: &str,
    file: &str,
) -> Result<(), SftpError> {
    if posix_rename {
        let mut data = Vec::new();
        for text in [tmp, file] {
            data.extend_from_slice(&(text.len() as u32).to_be_bytes());
            data.extend_from_slice(text.as_bytes());
        }
        return match s.extended(POSIX_RENAME, data).await? {
            russh_sftp::protocol::Packet::Status(st) if st.status_code == StatusCode::Ok => Ok(()),
            russh_sftp::protocol::Packet::Status(st) => Err(st.into()),
            _ => Err(SftpError::UnexpectedPacket),
        };
    }
    match s.remove(file).await {
        Err(e) if !is(&e, StatusCode::NoSuchFile) => return Err(e),
        _ => {}
    }
    s.rename(tmp, file).await.map(|_| ())
}

/// Create `dir` and the folders above it that are missing.
async fn mkdirs(s: &RawSftpSession, dir: &str) -> Result<(), SftpError> {
    let mut missing = Vec::new();
    let mut d = dir.to_string();
    while !d.is_empty() && d != "/" && s.stat(d.as_str()).await.is_err() {
        missing.push(d.clone());
        d = d
            .rsplit_once('/')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default();
    }
    for d in missing.iter().rev() {
        s.mkdir(d.as_str(), FileAttributes::default()).await?;
    }
    Ok(())
}

/// Remove `path`, then the folders it leaves empty (up to the deploy's folder).
async fn delete(s: &RawSftpSession, dir: &str, path: &str) -> Result<(), SftpError> {
    match s.remove(join(dir, path)).await {
        Err(e) if !is(&e, StatusCode::NoSuchFile) => return Err(e),
        _ => {}
    }
    let mut rel = path;
    while let Some((parent, _)) = rel.rsplit_once('/') {
        if s.rmdir(join(dir, parent)).await.is_err() {
            break;
        }
        rel = parent;
    }
    Ok(())
}

impl Target for Sftp {
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        self.send(&Op::Get(path))
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.send(&Op::Put(path, bytes)).map(|_| ())
    }

    fn delete(&mut self, path: &str) -> Result<(), Diagnostic> {
        self.send(&Op::Delete(path)).map(|_| ())
    }
}

impl Drop for Sftp {
    fn drop(&mut self) {
        if let Some(c) = self.conn.take() {
            let _ = c.sftp.close_session();
            let _ = self.rt.block_on(
                c._ssh
                    .disconnect(russh::Disconnect::ByApplication, "", "en"),
            );
        }
    }
}
