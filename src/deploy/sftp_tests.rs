//! The SFTP writes against an in-memory SFTP server that, like plain SFTP version 3 servers
//! without OpenSSH's extensions, refuses to rename onto an existing file: the upload must
//! still replace the file (remove, then rename) and leave no temporary file behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::sftp::put;
use russh_sftp::client::RawSftpSession;
use russh_sftp::protocol::{Attrs, FileAttributes, Handle, OpenFlags, Status, StatusCode, Version};
use russh_sftp::server::{self, Handler};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// Paths and their bytes; a folder's bytes are `None`.
type Files = Arc<Mutex<BTreeMap<String, Option<Vec<u8>>>>>;

/// A server with no extensions whose rename never replaces a file.
struct Plain {
    files: Files,
}

fn ok(id: u32) -> Status {
    Status {
        id,
        status_code: StatusCode::Ok,
        error_message: "Ok".into(),
        language_tag: "en-US".into(),
    }
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(p, _)| p)
}

impl Handler for Plain {
    type Error = StatusCode;

    fn unimplemented(&self) -> StatusCode {
        StatusCode::OpUnsupported
    }

    async fn init(
        &mut self,
        _version: u32,
        _ext: std::collections::HashMap<String, String>,
    ) -> Result<Version, StatusCode> {
        Ok(Version::new())
    }

    async fn open(
        &mut self,
        id: u32,
        filename: String,
        flags: OpenFlags,
        _attrs: FileAttributes,
    ) -> Result<Handle, StatusCode> {
        let mut files = self.files.lock().unwrap();
        let dir = parent(&filename);
        if !dir.is_empty() && !matches!(files.get(dir), Some(None)) {
            return Err(StatusCode::NoSuchFile);
        }
        if flags.contains(OpenFlags::TRUNCATE) || !files.contains_key(&filename) {
            files.insert(filename.clone(), Some(Vec::new()));
        }
        Ok(Handle {
            id,
            handle: filename,
        })
    }

    async fn write(
        &mut self,
        id: u32,
        handle: String,
        offset: u64,
        data: Vec<u8>,
    ) -> Result<Status, StatusCode> {
        let mut files = self.files.lock().unwrap();
        let Some(Some(bytes)) = files.get_mut(&handle) else {
            return Err(StatusCode::Failure);
        };
        let at = offset as usize;
        bytes.resize(bytes.len().max(at + data.len()), 0);
        bytes[at..at + data.len()].copy_from_slice(&data);
        Ok(ok(id))
    }

    async fn close(&mut self, id: u32, _handle: String) -> Result<Status, StatusCode> {
        Ok(ok(id))
    }

    async fn remove(&mut self, id: u32, filename: String) -> Result<Status, StatusCode> {
        match self.files.lock().unwrap().remove(&filename) {
            Some(_) => Ok(ok(id)),
            None => Err(StatusCode::NoSuchFile),
        }
    }

    async fn stat(&mut self, id: u32, path: String) -> Result<Attrs, StatusCode> {
        match self.files.lock().unwrap().get(&path) {
            Some(_) => Ok(Attrs {
                id,
                attrs: FileAttributes::default(),
            }),
            None => Err(StatusCode::NoSuchFile),
        }
    }

    async fn mkdir(
        &mut self,
        id: u32,
        path: String,
        _attrs: FileAttributes,
    ) -> Result<Status, StatusCode> {
        self.files.lock().unwrap().insert(path, None);
        Ok(ok(id))
    }

    async fn rename(
        &mut self,
        id: u32,
        oldpath: String,
        newpath: String,
    ) -> Result<Status, StatusCode> {
        let mut files = self.files.lock().unwrap();
        if files.contains_key(&newpath) {
            return Err(StatusCode::Failure);
        }
        let Some(bytes) = files.remove(&oldpath) else {
            return Err(StatusCode::NoSuchFile);
        };
        files.insert(newpath, bytes);
        Ok(ok(id))
    }
}

#[test]
fn a_file_is_replaced_where_rename_cannot_overwrite() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let files = Files::default();
    let got = rt.block_on(async {
        let (ours, theirs) = tokio::io::duplex(1 << 16);
        server::run(
            theirs,
            Plain {
                files: files.clone(),
            },
        )
        .await;
        let sftp = RawSftpSession::new(ours);
        let version = sftp.init().await.unwrap();
        assert!(version.extensions.is_empty());
        let big: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        put(&sftp, false, "/www/en/index.html", b"first")
            .await
            .unwrap();
        put(&sftp, false, "/www/en/index.html", &big).await.unwrap();
        // The same server with a rename that replaces nothing: the plain rename alone fails.
        let direct = sftp.rename("/www/en/index.html", "/www").await;
        assert!(direct.is_err(), "the test server must refuse to replace");
        big
    });
    let files = files.lock().unwrap();
    let names: Vec<&String> = files.keys().collect();
    assert_eq!(names, ["/www", "/www/en", "/www/en/index.html"]);
    assert_eq!(files["/www/en/index.html"].as_deref(), Some(got.as_slice()));
}
