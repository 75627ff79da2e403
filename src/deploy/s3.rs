//! An S3-compatible bucket as a destination (AWS, Cloudflare R2, Backblaze B2, MinIO, Ceph,
//! rclone...): request URLs signed with SigV4 by `rusty-s3`, sent with `ureq`; transient
//! failures are tried again, and the store's refusals become plain errors with the fix.
//! Keys come from the environment only, never from site.yaml, and are never printed.

use super::headers;
use super::s3_errors::{self as errors, Failure};
use super::target::Target;
use crate::diagnostics::Diagnostic;
use rusty_s3::actions::{DeleteObject, GetObject, PutObject, S3Action};
use rusty_s3::{Bucket, Credentials, UrlStyle};
use std::time::Duration;

/// How often a request is tried before giving up on a transient failure.
const ATTEMPTS: u32 = 5;
/// How long a signed request URL is valid.
const SIGNED_FOR: Duration = Duration::from_secs(3600);

/// The S3 options of the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The store's address (`--endpoint`), else `AWS_ENDPOINT_URL`, else AWS.
    pub endpoint: Option<String>,
    /// Address the bucket in the path (`https://host/bucket/key`), as MinIO or rclone need.
    pub path_style: bool,
}

/// A bucket and a folder in it.
pub struct S3 {
    agent: ureq::Agent,
    bucket: Bucket,
    creds: Credentials,
    prefix: String,
    endpoint: String,
}

/// One request.
enum Op<'a> {
    Get(&'a str),
    Put(&'a str, &'a [u8]),
    Delete(&'a str),
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl S3 {
    /// The bucket `bucket`, files under `prefix`, with keys from the environment.
    pub fn open(bucket: &str, prefix: &str, opts: &Options) -> Result<S3, Diagnostic> {
        let (Some(key), Some(secret)) = (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY"))
        else {
            return Err(errors::no_keys());
        };
        let creds = match env("AWS_SESSION_TOKEN") {
            Some(t) => Credentials::new_with_token(key, secret, t),
            None => Credentials::new(key, secret),
        };
        let region = env("AWS_REGION")
            .or_else(|| env("AWS_DEFAULT_REGION"))
            .unwrap_or_else(|| "us-east-1".into());
        let endpoint = opts
            .endpoint
            .clone()
            .or_else(|| env("AWS_ENDPOINT_URL_S3"))
            .or_else(|| env("AWS_ENDPOINT_URL"))
            .unwrap_or_else(|| format!("https://s3.{region}.amazonaws.com"));
        let style = if opts.path_style {
            UrlStyle::Path
        } else {
            UrlStyle::VirtualHost
        };
        let bucket = url::Url::parse(&endpoint)
            .ok()
            .and_then(|u| Bucket::new(u, style, bucket.to_string(), region).ok())
            .ok_or_else(|| errors::bad_endpoint(&endpoint))?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_recv_response(Some(Duration::from_secs(120)))
            .user_agent(concat!("campaign/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(S3 {
            agent,
            bucket,
            creds,
            prefix: prefix.to_string(),
            endpoint,
        })
    }

    fn key(&self, path: &str) -> String {
        if self.prefix.is_empty() {
            path.to_string()
        } else {
            format!("{}/{path}", self.prefix)
        }
    }

    /// Send `op`, again after a pause while the failure is transient (5xx, 429, a timeout,
    /// a reset connection); the status and body of the last answer.
    fn send(&self, op: &Op<'_>) -> Result<(u16, Vec<u8>), Diagnostic> {
        let mut pause = Duration::from_millis(250);
        let mut attempt = 1;
        loop {
            let outcome = self.once(op);
            let transient = match &outcome {
                Ok((s, _)) => *s >= 500 || *s == 429,
                Err(e) => errors::transient(e),
            };
            if !transient || attempt >= ATTEMPTS {
                return outcome.map_err(|e| errors::unreachable(&self.endpoint, &e));
            }
            std::thread::sleep(pause);
            pause *= 2;
            attempt += 1;
        }
    }

    fn once(&self, op: &Op<'_>) -> Result<(u16, Vec<u8>), ureq::Error> {
        let c = Some(&self.creds);
        let response = match op {
            Op::Get(p) => {
                let key = self.key(p);
                let url = GetObject::new(&self.bucket, c, &key).sign(SIGNED_FOR);
                self.agent.get(url.as_str()).call()
            }
            Op::Put(p, bytes) => {
                let key = self.key(p);
                let url = PutObject::new(&self.bucket, c, &key).sign(SIGNED_FOR);
                self.agent
                    .put(url.as_str())
                    .header("Content-Type", headers::content_type(p))
                    .header("Cache-Control", headers::cache_control(p))
                    .send(*bytes)
            }
            Op::Delete(p) => {
                let key = self.key(p);
                let url = DeleteObject::new(&self.bucket, c, &key).sign(SIGNED_FOR);
                self.agent.delete(url.as_str()).call()
            }
        };
        let mut response = response?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()?;
        Ok((status, body))
    }

    fn refused(&self, status: u16, body: &[u8], path: &str) -> Diagnostic {
        errors::refused(&Failure {
            status,
            body,
            bucket: self.bucket.name(),
            endpoint: &self.endpoint,
            path,
        })
    }
}

impl Target for S3 {
    fn get(&mut self, path: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        match self.send(&Op::Get(path))? {
            (200, body) => Ok(Some(body)),
            (404, body) if errors::code(&body) != "NoSuchBucket" => Ok(None),
            (status, body) => Err(self.refused(status, &body, path)),
        }
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        match self.send(&Op::Put(path, bytes))? {
            (200..=299, _) => Ok(()),
            (status, body) => Err(self.refused(status, &body, path)),
        }
    }

    fn delete(&mut self, path: &str) -> Result<(), Diagnostic> {
        match self.send(&Op::Delete(path))? {
            (200..=299, _) => Ok(()),
            (404, body) if errors::code(&body) != "NoSuchBucket" => Ok(()),
            (status, body) => Err(self.refused(status, &body, path)),
        }
    }
}
