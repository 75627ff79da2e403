//! The SFTP server's refusals and network failures in plain words, each with what to do.
//! Nothing here prints a password, a passphrase or a private key.

use crate::diagnostics::Diagnostic;

/// The server answered with a key that `known_hosts` does not list for it.
pub fn unknown_host(server: &str, file: &str, fingerprint: &str, scan: &str) -> Diagnostic {
    Diagnostic::error(
        "deploy-sftp-unknown-host",
        format!("the server {server} is not listed in {file}, so campaign cannot know that it is the right server (its key: {fingerprint})"),
    )
    .with_hint(format!("ask the server's administrator whether the key is {fingerprint}; if it is, add the server: {scan} >> {file} (or give another file with --known-hosts FILE)"))
    .tr("deploy-sftp-unknown-host", &[("server", server), ("file", file), ("fingerprint", fingerprint), ("scan", scan)])
}

/// The server's key is not the one `known_hosts` records for it.
pub fn host_changed(server: &str, file: &str, line: usize, fingerprint: &str) -> Diagnostic {
    let line = line.to_string();
    Diagnostic::error(
        "deploy-sftp-host-changed",
        format!("the key of the server {server} ({fingerprint}) is not the one recorded in {file} (line {line}): someone may be intercepting the connection, or the server was reinstalled; nothing was published"),
    )
    .with_hint(format!("ask the server's administrator whether its key changed; only if it did, delete line {line} of {file} and add the new key"))
    .tr("deploy-sftp-host-changed", &[("server", server), ("file", file), ("line", &line), ("fingerprint", fingerprint)])
}

/// No login the server accepted; `tried` lists the ways tried (no secrets).
pub fn login_refused(server: &str, user: &str, tried: &str) -> Diagnostic {
    Diagnostic::error(
        "deploy-sftp-login",
        format!("the server {server} did not let `{user}` in (tried: {tried})"),
    )
    .with_hint("check the user name and set CAMPAIGN_SFTP_PASSWORD, or load the key into ssh-agent, or put it in ~/.ssh/id_ed25519 (or name it with CAMPAIGN_SFTP_KEY=FILE; its passphrase in CAMPAIGN_SFTP_KEY_PASSPHRASE)")
    .tr("deploy-sftp-login", &[("server", server), ("user", user), ("tried", tried)])
}

/// A key file that cannot be used; `reason` is `passphrase` (it needs one),
/// `wrong-passphrase`, `unreadable` (the file cannot be read: `why` says why) or `format`.
pub fn bad_key(file: &str, reason: &str, why: &str) -> Diagnostic {
    let said = match reason {
        "passphrase" => "it needs a passphrase".to_string(),
        "wrong-passphrase" => "the passphrase does not open it".to_string(),
        "unreadable" => why.to_string(),
        _ => "it is not a private key campaign can read".to_string(),
    };
    Diagnostic::error(
        "deploy-sftp-key",
        format!("cannot use the key {file}: {said}"),
    )
    .with_hint("give its passphrase in CAMPAIGN_SFTP_KEY_PASSPHRASE, or use an ed25519 or ECDSA key (ssh-keygen -t ed25519), or load the key into ssh-agent")
    .tr("deploy-sftp-key", &[("file", file), ("reason", reason)])
}

/// The server could not be reached.
pub fn unreachable(server: &str, reason: &str) -> Diagnostic {
    Diagnostic::error(
        "deploy-sftp-unreachable",
        format!("cannot reach the SFTP server {server}: {}", why(reason)),
    )
    .with_hint("check the server's name and port in the address (sftp://user@host:port/folder) and the internet connection, then run `campaign deploy` again")
    .tr("deploy-sftp-unreachable", &[("server", server), ("reason", reason)])
}

fn why(reason: &str) -> &'static str {
    match reason {
        "name" => "there is no server of that name",
        "refused" => "nothing answers at that address",
        "timeout" => "it did not answer in time",
        "ssh" => "it does not speak SSH, or it closed the connection",
        _ => "the connection failed",
    }
}

/// The server refused an operation on `file`: `reason` is `missing`, `denied`, or `other`
/// with the server's own words in `why`.
pub fn refused(server: &str, file: &str, reason: &str, why: &str) -> Diagnostic {
    let said = match reason {
        "missing" => "there is no such file or folder",
        "denied" => "permission denied",
        _ => why,
    };
    Diagnostic::error(
        "deploy-sftp-refused",
        format!("the SFTP server {server} refused `{file}`: {said}"),
    )
    .with_hint("check that the folder exists or can be created and that the user may write there, then run `campaign deploy` again")
    .tr("deploy-sftp-refused", &[("server", server), ("file", file), ("reason", reason), ("why", why)])
}
