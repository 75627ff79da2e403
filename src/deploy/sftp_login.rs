//! Opening an SSH connection for `deploy` over SFTP: the server's key checked against
//! `known_hosts` (never trusted silently), then a login with a password from
//! `CAMPAIGN_SFTP_PASSWORD`, the keys of the SSH agent, or a key file (`CAMPAIGN_SFTP_KEY`,
//! else `~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`). Secrets come from the environment only.

use super::sftp_errors as errors;
use crate::diagnostics::Diagnostic;
use russh::client::{self, Handle};
use russh::keys::{self, HashAlg, PrivateKeyWithHashAlg, PublicKey, PublicKeyOrCertificate};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Where to connect, as whom.
pub struct Server {
    /// The user name.
    pub user: String,
    /// The server's name or address.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The `known_hosts` file.
    pub known_hosts: PathBuf,
}

impl Server {
    /// `host:port`, for messages.
    pub fn name(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// What the host-key check saw, kept for the error message.
#[derive(Default)]
enum Seen {
    #[default]
    Nothing,
    Unknown(String),
    Changed(usize, String),
}

/// Checks the server's key.
pub struct Checker {
    host: String,
    port: u16,
    file: PathBuf,
    seen: Arc<Mutex<Seen>>,
}

impl client::Handler for Checker {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let key = match key {
            PublicKeyOrCertificate::PublicKey { key, .. } => key.clone(),
            PublicKeyOrCertificate::Certificate(c) => PublicKey::from(c.public_key().clone()),
        };
        let print = key.fingerprint(HashAlg::Sha256).to_string();
        let seen = match keys::check_known_hosts_path(&self.host, self.port, &key, &self.file) {
            Ok(true) => return Ok(true),
            Ok(false) => Seen::Unknown(print),
            Err(keys::Error::KeyChanged { line }) => Seen::Changed(line, print),
            Err(_) => Seen::Unknown(print),
        };
        if let Ok(mut s) = self.seen.lock() {
            *s = seen;
        }
        Ok(false)
    }
}

/// Why a connection could not be opened.
pub struct Failed {
    /// The message for the editor.
    pub message: Diagnostic,
    /// The connection was made and then lost (a flaky network): trying again may work.
    pub dropped: bool,
}

impl From<Diagnostic> for Failed {
    fn from(message: Diagnostic) -> Failed {
        Failed {
            message,
            dropped: false,
        }
    }
}

/// Connect and log in.
pub async fn open(server: &Server) -> Result<Handle<Checker>, Failed> {
    let seen = Arc::new(Mutex::new(Seen::Nothing));
    let checker = Checker {
        host: server.host.clone(),
        port: server.port,
        file: server.known_hosts.clone(),
        seen: seen.clone(),
    };
    let config = Arc::new(client::Config {
        inactivity_timeout: Some(Duration::from_secs(120)),
        ..Default::default()
    });
    let addr = (server.host.as_str(), server.port);
    let connecting = client::connect(config, addr, checker);
    let mut handle = match tokio::time::timeout(Duration::from_secs(20), connecting).await {
        Err(_) => return Err(errors::unreachable(&server.name(), "timeout").into()),
        Ok(Ok(h)) => h,
        Ok(Err(e)) => {
            let message = connect_failed(server, &e, &seen);
            let dropped = message.code == "deploy-sftp-unreachable" && lost(&e);
            return Err(Failed { message, dropped });
        }
    };
    login(server, &mut handle).await.map_err(|e| match e {
        Login::Refused(message) => Failed::from(message),
        Login::Lost(e) => Failed {
            message: errors::unreachable(&server.name(), reason(&e)),
            dropped: lost(&e),
        },
    })?;
    Ok(handle)
}

fn connect_failed(server: &Server, e: &russh::Error, seen: &Mutex<Seen>) -> Diagnostic {
    let name = server.name();
    let file = server.known_hosts.display().to_string();
    let seen = seen
        .lock()
        .map(|mut s| std::mem::take(&mut *s))
        .unwrap_or_default();
    match seen {
        Seen::Unknown(print) => {
            let scan = if server.port == 22 {
                format!("ssh-keyscan {}", server.host)
            } else {
                format!("ssh-keyscan -p {} {}", server.port, server.host)
            };
            errors::unknown_host(&name, &file, &print, &scan)
        }
        Seen::Changed(line, print) => errors::host_changed(&name, &file, line, &print),
        Seen::Nothing => errors::unreachable(&name, reason(e)),
    }
}

/// Whether the connection was lost after it was made (closed or reset), not refused.
fn lost(e: &russh::Error) -> bool {
    match e {
        russh::Error::IO(io) => {
            !matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::TimedOut
            ) && !io.to_string().contains("failed to lookup")
        }
        russh::Error::Disconnect | russh::Error::SendError | russh::Error::RecvError => true,
        _ => false,
    }
}

/// Why a connection failed, as a word of the message.
pub fn reason(e: &russh::Error) -> &'static str {
    match e {
        russh::Error::IO(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "refused",
            std::io::ErrorKind::TimedOut => "timeout",
            _ if io.to_string().contains("failed to lookup") => "name",
            _ => "other",
        },
        russh::Error::ConnectionTimeout | russh::Error::InactivityTimeout => "timeout",
        _ => "ssh",
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Why a login failed.
enum Login {
    /// The server said no, or a key could not be used.
    Refused(Diagnostic),
    /// The connection broke.
    Lost(russh::Error),
}

impl From<Diagnostic> for Login {
    fn from(d: Diagnostic) -> Login {
        Login::Refused(d)
    }
}

/// Log in: the password when one is given, else the agent's keys, else the key files.
async fn login(server: &Server, h: &mut Handle<Checker>) -> Result<(), Login> {
    let name = server.name();
    let user = server.user.as_str();
    let failed = Login::Lost;
    if let Some(password) = env("CAMPAIGN_SFTP_PASSWORD") {
        let r = h
            .authenticate_password(user, password)
            .await
            .map_err(failed)?;
        if r.success() {
            return Ok(());
        }
        return Err(
            errors::login_refused(&name, user, "the password in CAMPAIGN_SFTP_PASSWORD").into(),
        );
    }
    let mut tried = Vec::new();
    if agent(user, h, &mut tried).await {
        return Ok(());
    }
    for file in key_files() {
        let shown = file.display().to_string();
        let pass = env("CAMPAIGN_SFTP_KEY_PASSPHRASE");
        let key =
            keys::load_secret_key(&file, pass.as_deref()).map_err(|e| key_error(&shown, &e))?;
        let rsa = h.best_supported_rsa_hash().await.map_err(failed)?.flatten();
        let key = PrivateKeyWithHashAlg::new(Arc::new(key), rsa);
        if h.authenticate_publickey(user, key)
            .await
            .map_err(failed)?
            .success()
        {
            return Ok(());
        }
        tried.push(format!("the key {shown}"));
    }
    if tried.is_empty() {
        tried.push("no password, no SSH agent, no key file".into());
    }
    Err(errors::login_refused(&name, user, &tried.join(", ")).into())
}

fn key_error(file: &str, e: &keys::Error) -> Diagnostic {
    match e {
        keys::Error::KeyIsEncrypted => errors::bad_key(file, "passphrase", ""),
        keys::Error::SshKey(keys::ssh_key::Error::Crypto) => {
            errors::bad_key(file, "wrong-passphrase", "")
        }
        keys::Error::IO(io) => errors::bad_key(file, "unreadable", &crate::load::plain_io(io)),
        _ => errors::bad_key(file, "format", ""),
    }
}

/// `CAMPAIGN_SFTP_KEY`, else the usual files in `~/.ssh` that exist.
fn key_files() -> Vec<PathBuf> {
    if let Some(file) = env("CAMPAIGN_SFTP_KEY") {
        return vec![PathBuf::from(file)];
    }
    let Some(home) = std::env::home_dir() else {
        return Vec::new();
    };
    ["id_ed25519", "id_ecdsa", "id_rsa"]
        .iter()
        .map(|n| home.join(".ssh").join(n))
        .filter(|p| p.is_file())
        .collect()
}

/// Try each key the SSH agent holds; whether one was accepted.
async fn agent(user: &str, h: &mut Handle<Checker>, tried: &mut Vec<String>) -> bool {
    let Some(mut agent) = agent_client().await else {
        return false;
    };
    let Ok(ids) = agent.request_identities().await else {
        return false;
    };
    for id in ids {
        let keys::agent::AgentIdentity::PublicKey { key, .. } = id else {
            continue;
        };
        let rsa = h.best_supported_rsa_hash().await.ok().flatten().flatten();
        let r = h
            .authenticate_publickey_with(user, key, rsa, &mut agent)
            .await;
        if r.is_ok_and(|r| r.success()) {
            return true;
        }
    }
    tried.push("the keys of the SSH agent".into());
    false
}

type Agent =
    keys::agent::client::AgentClient<Box<dyn keys::agent::client::AgentStream + Send + Unpin>>;

#[cfg(unix)]
async fn agent_client() -> Option<Agent> {
    env("SSH_AUTH_SOCK")?;
    let a = keys::agent::client::AgentClient::connect_env().await.ok()?;
    Some(a.dynamic())
}

#[cfg(windows)]
async fn agent_client() -> Option<Agent> {
    use keys::agent::client::AgentClient;
    let pipe = env("SSH_AUTH_SOCK").unwrap_or_else(|| r"\\.\pipe\openssh-ssh-agent".into());
    if let Ok(a) = AgentClient::connect_named_pipe(pipe).await {
        return Some(a.dynamic());
    }
    AgentClient::connect_pageant()
        .await
        .ok()
        .map(AgentClient::dynamic)
}

#[cfg(not(any(unix, windows)))]
async fn agent_client() -> Option<Agent> {
    None
}
