//! The S3 store's refusals and network failures in plain words, each with what to do.
//! Nothing here prints a key, a secret or a signed address.

use crate::diagnostics::Diagnostic;

/// An answer that was not a success.
pub struct Failure<'a> {
    /// The HTTP status.
    pub status: u16,
    /// The answer's body (an S3 XML error).
    pub body: &'a [u8],
    /// The bucket's name.
    pub bucket: &'a str,
    /// The store's address.
    pub endpoint: &'a str,
    /// The file the request was about.
    pub path: &'a str,
}

/// The `<Code>` of an S3 error answer (empty when there is none).
pub fn code(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    text.split_once("<Code>")
        .and_then(|(_, rest)| rest.split_once("</Code>"))
        .map(|(c, _)| c.trim().to_string())
        .unwrap_or_default()
}

/// The error for a refused request.
pub fn refused(f: &Failure<'_>) -> Diagnostic {
    let code = code(f.body);
    let (bucket, endpoint) = (f.bucket, f.endpoint);
    const KEYS: [&str; 6] = [
        "SignatureDoesNotMatch",
        "InvalidAccessKeyId",
        "AccessDenied",
        "InvalidToken",
        "ExpiredToken",
        "InvalidSecurity",
    ];
    if code == "NoSuchBucket" {
        return Diagnostic::error(
            "deploy-s3-no-bucket",
            format!("the bucket `{bucket}` does not exist at {endpoint}"),
        )
        .with_hint("create the bucket first (in the storage provider's console), or check its name, --endpoint and AWS_REGION")
        .tr("deploy-s3-no-bucket", &[("bucket", bucket), ("endpoint", endpoint)]);
    }
    if f.status == 401 || f.status == 403 || KEYS.contains(&code.as_str()) {
        let code = if code.is_empty() {
            f.status.to_string()
        } else {
            code
        };
        return Diagnostic::error(
            "deploy-s3-keys-refused",
            format!("the store at {endpoint} did not accept the access key for the bucket `{bucket}` ({code})"),
        )
        .with_hint("check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys); the key must be allowed to read, write and delete in the bucket")
        .tr("deploy-s3-keys-refused", &[("endpoint", endpoint), ("bucket", bucket), ("code", &code)]);
    }
    let status = f.status.to_string();
    let what = if code.is_empty() {
        status.clone()
    } else {
        format!("{status} {code}")
    };
    Diagnostic::error(
        "deploy-s3-refused",
        format!("the store at {endpoint} refused `{}` ({what})", f.path),
    )
    .with_hint("run `campaign deploy` again later; if it keeps failing, check the bucket's settings with the storage provider")
    .tr("deploy-s3-refused", &[("endpoint", endpoint), ("file", f.path), ("what", &what)])
}

/// No keys in the environment.
pub fn no_keys() -> Diagnostic {
    Diagnostic::error(
        "deploy-s3-no-keys",
        "publishing to S3 needs an access key, and AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set",
    )
    .with_hint("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (never in site.yaml), e.g. from your CI's secrets")
    .tr("deploy-s3-no-keys", &[])
}

/// `--endpoint` or `AWS_ENDPOINT_URL` is not an address.
pub fn bad_endpoint(endpoint: &str) -> Diagnostic {
    Diagnostic::error(
        "deploy-s3-endpoint",
        format!("`{endpoint}` is not the address of a storage service"),
    )
    .with_hint("write the full address, e.g. --endpoint https://s3.example.com")
    .tr("deploy-s3-endpoint", &[("endpoint", endpoint)])
}

/// Whether a failure may go away when tried again (a timeout, a reset connection).
pub fn transient(e: &ureq::Error) -> bool {
    matches!(
        e,
        ureq::Error::Timeout(_) | ureq::Error::Io(_) | ureq::Error::ConnectionFailed
    )
}

/// The store could not be reached.
pub fn unreachable(endpoint: &str, e: &ureq::Error) -> Diagnostic {
    let (reason, why) = match e {
        ureq::Error::HostNotFound => ("name", "there is no server of that name"),
        ureq::Error::ConnectionFailed => ("refused", "nothing answers at that address"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            ("refused", "nothing answers at that address")
        }
        ureq::Error::Timeout(_) => ("timeout", "it did not answer in time"),
        _ => ("other", "the connection failed"),
    };
    Diagnostic::error(
        "deploy-unreachable",
        format!("cannot reach {endpoint}: {why}"),
    )
    .with_hint("check the address (--endpoint or AWS_ENDPOINT_URL) and the internet connection, then run `campaign deploy` again")
    .tr("deploy-unreachable", &[("endpoint", endpoint), ("reason", reason)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_code() {
        let body = b"<?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code></Error>";
        assert_eq!(code(body), "NoSuchBucket");
        assert_eq!(code(b""), "");
    }
}
