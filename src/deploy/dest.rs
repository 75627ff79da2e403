//! Where `campaign deploy` publishes, read from its DEST argument: a folder (a plain path or
//! `file:///...`), an S3-compatible bucket (`s3://bucket/prefix`) or an SFTP server
//! (`sftp://user@host[:port]/path`).

use crate::diagnostics::Diagnostic;
use std::path::PathBuf;

/// A destination, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dest {
    /// A local or mounted folder.
    Folder(PathBuf),
    /// A bucket of an S3-compatible store, and the prefix (no leading or trailing `/`).
    S3 {
        /// The bucket's name.
        bucket: String,
        /// The folder inside the bucket, empty for its top.
        prefix: String,
    },
    /// A folder on an SFTP server.
    Sftp {
        /// The user name.
        user: String,
        /// The server's name or address.
        host: String,
        /// The port (22 unless given).
        port: u16,
        /// The folder on the server (as written after the host, `/` included).
        path: String,
    },
}

/// Read DEST.
pub fn parse(text: &str) -> Result<Dest, Diagnostic> {
    if let Some(rest) = text.strip_prefix("file://") {
        return Ok(Dest::Folder(PathBuf::from(rest)));
    }
    if let Some(rest) = text.strip_prefix("s3://") {
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if !bucket.is_empty() {
            return Ok(Dest::S3 {
                bucket: bucket.to_string(),
                prefix: prefix.trim_matches('/').to_string(),
            });
        }
    } else if let Some(rest) = text.strip_prefix("sftp://") {
        if let Some(d) = sftp(rest) {
            return Ok(d);
        }
    } else if !text.contains("://") && !text.is_empty() {
        return Ok(Dest::Folder(PathBuf::from(text)));
    }
    Err(Diagnostic::error(
        "deploy-dest",
        format!("`{text}` is not a place campaign can publish to"),
    )
    .with_hint("write a folder (/srv/www or file:///srv/www), s3://bucket/folder or sftp://user@host/folder")
    .tr("deploy-dest", &[("dest", text)]))
}

/// `user@host[:port]/path`.
fn sftp(rest: &str) -> Option<Dest> {
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (user, hostport) = authority.split_once('@')?;
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().ok()?),
        None => (hostport, 22),
    };
    (!user.is_empty() && !host.is_empty()).then(|| Dest::Sftp {
        user: user.to_string(),
        host: host.to_string(),
        port,
        path: path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn reads_every_kind() {
        assert_eq!(parse("out").unwrap(), Dest::Folder("out".into()));
        assert_eq!(
            parse("file:///srv/www").unwrap(),
            Dest::Folder("/srv/www".into())
        );
        assert_eq!(
            parse("s3://site/www/").unwrap(),
            Dest::S3 {
                bucket: "site".into(),
                prefix: "www".into()
            }
        );
        assert_eq!(
            parse("s3://site").unwrap(),
            Dest::S3 {
                bucket: "site".into(),
                prefix: String::new()
            }
        );
        assert_eq!(
            parse("sftp://me@example.ge:2222/var/www").unwrap(),
            Dest::Sftp {
                user: "me".into(),
                host: "example.ge".into(),
                port: 2222,
                path: "/var/www".into()
            }
        );
        assert!(parse("ftp://x/y").is_err());
        assert!(parse("s3://").is_err());
        assert!(parse("sftp://host/x").is_err());
    }
}
