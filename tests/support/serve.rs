//! `campaign serve` for the tests: a spawned server on a free port (killed on drop), a tiny
//! HTTP/1.1 client over `TcpStream`, and a Server-Sent Events reader.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long anything may take before a test fails.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// A running `campaign serve`; killed when dropped.
pub struct Server {
    /// The child process.
    pub child: Child,
    /// The port it listens on (read from its output).
    pub port: u16,
    /// Lines it printed (stdout and stderr), as they come.
    pub output: mpsc::Receiver<String>,
    /// The lines it printed up to the one with its address (the first build's, then it).
    pub first: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `campaign serve --root SITE --port FREE` with extra arguments, and wait until it
/// prints its address.
pub fn serve(site: &Path, extra: &[&str]) -> Server {
    start(super::command(), site, extra)
}

/// [`serve`] with extra environment variables (`TMPDIR`, ...).
pub fn serve_with_env(site: &Path, extra: &[&str], env: &[(&str, &Path)]) -> Server {
    let mut command = super::command();
    command.envs(env.iter().map(|(k, v)| (*k, *v)));
    start(command, site, extra)
}

/// [`serve`] with at most `files` open files (the shell's `ulimit -n`), as on systems with a
/// low limit.
pub fn serve_with_open_files(site: &Path, extra: &[&str], files: u32) -> Server {
    let mut sh = Command::new("sh");
    super::harness_env(&mut sh)
        .arg("-c")
        .arg(format!("ulimit -n {files} && exec \"$0\" \"$@\""))
        .arg(super::BIN);
    start(sh, site, extra)
}

fn start(mut command: Command, site: &Path, extra: &[&str]) -> Server {
    let port = super::free_port().to_string();
    let port_args: &[&str] = if extra.contains(&"--port") {
        &[]
    } else {
        &["--port", &port]
    };
    let mut child = command
        .arg("serve")
        .arg("--root")
        .arg(site)
        .args(port_args)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn campaign serve");
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    let stderr = child.stderr.take().expect("stderr");
    for pipe in [Box::new(stdout) as Box<dyn Read + Send>, Box::new(stderr)] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    let deadline = Instant::now() + TIMEOUT;
    let mut seen = Vec::new();
    let port = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(line) = rx.recv_timeout(left) else {
            let _ = child.kill();
            panic!("campaign serve printed no address; output: {seen:#?}");
        };
        if let Some(port) = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.trim_end_matches('/').parse::<u16>().ok())
        {
            seen.push(line);
            break port;
        }
        seen.push(line);
    };
    Server {
        child,
        port,
        output: rx,
        first: seen,
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked).
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Server {
    /// `GET path` (sent exactly as given, without any normalisation).
    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[])
    }

    /// A request with extra headers.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)]) -> Response {
        http(self.port, method, path, headers, None)
    }

    /// Open the event stream and wait for its `hello`.
    pub fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_millis(50)))
            .expect("timeout");
        stream
            .write_all(b"GET /__campaign/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .expect("send");
        let mut events = Events {
            stream,
            raw: Vec::new(),
            text: String::new(),
            headers_done: false,
        };
        let (kind, _) = events.next(TIMEOUT).expect("hello event");
        assert_eq!(kind, "hello");
        events
    }

    /// Wait until a line of the server's output contains `text`.
    pub fn wait_output(&self, text: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => panic!("the server never printed {text:?}"),
            }
        }
    }
}

/// One HTTP/1.1 request to 127.0.0.1:`port` (the path is sent exactly as given).
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Response {
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        req.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        req.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(body.unwrap_or(""));
    raw_request(port, &req)
}

/// Send `request` exactly as written (request line, headers, blank line, body) to
/// 127.0.0.1:`port` and read the response.
pub fn raw_request(port: u16, request: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(TIMEOUT)).expect("timeout");
    stream.write_all(request.as_bytes()).expect("send");
    let method = request.split(' ').next().unwrap_or("GET");
    // Read to the end of the body: the end of the stream, or Content-Length bytes for
    // servers that keep the connection open anyway.
    let mut raw = Vec::new();
    let mut buf = [0u8; 16384];
    loop {
        let n = stream.read(&mut buf).expect("read response");
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|len| raw.len() >= end + 4 + len) {
                break;
            }
        }
    }
    parse_response(&raw, method == "HEAD")
}

fn parse_response(raw: &[u8], head: bool) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head_text = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head_text.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let rest = &raw[split + 4..];
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let body = if head {
        Vec::new()
    } else if chunked {
        dechunk(rest).0
    } else {
        rest.to_vec()
    };
    Response {
        status,
        headers,
        body,
    }
}

/// Decode as much of a chunked body as is complete: (data, bytes consumed).
fn dechunk(mut raw: &[u8]) -> (Vec<u8>, usize) {
    let total = raw.len();
    let mut out = Vec::new();
    while let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&raw[..eol]);
        let Ok(size) = usize::from_str_radix(size_text.trim(), 16) else {
            break;
        };
        if size == 0 || raw.len() < eol + 2 + size + 2 {
            break;
        }
        out.extend_from_slice(&raw[eol + 2..eol + 2 + size]);
        raw = &raw[eol + 2 + size + 2..];
    }
    (out, total - raw.len())
}

/// A Server-Sent Events connection.
pub struct Events {
    stream: TcpStream,
    /// Bytes not yet de-chunked.
    raw: Vec<u8>,
    /// De-chunked text not yet returned as events.
    text: String,
    headers_done: bool,
}

impl Events {
    /// The next event (name, data), skipping keep-alive comments; `None` on timeout.
    pub fn next(&mut self, timeout: Duration) -> Option<(String, String)> {
        let deadline = Instant::now() + timeout;
        loop {
            while let Some(end) = self.text.find("\n\n") {
                let block: String = self.text.drain(..end + 2).collect();
                let mut name = None;
                let mut data = String::new();
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = Some(v.trim().to_string());
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data = v.trim().to_string();
                    }
                }
                if let Some(name) = name {
                    return Some((name, data));
                }
            }
            if Instant::now() > deadline {
                return None;
            }
            let mut buf = [0u8; 4096];
            match self.stream.read(&mut buf) {
                Ok(0) => return None,
                Ok(n) => self.raw.extend_from_slice(&buf[..n]),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return None,
            }
            if !self.headers_done {
                match self.raw.windows(4).position(|w| w == b"\r\n\r\n") {
                    Some(p) => {
                        self.raw.drain(..p + 4);
                        self.headers_done = true;
                    }
                    None => continue,
                }
            }
            let (data, used) = dechunk(&self.raw);
            self.raw.drain(..used);
            self.text.push_str(&String::from_utf8_lossy(&data));
        }
    }

    /// Wait for an event named `name`, failing on any other event; returns its data.
    pub fn expect(&mut self, name: &str) -> String {
        match self.next(TIMEOUT) {
            Some((n, data)) if n == name => data,
            other => panic!("expected a `{name}` event, got {other:?}"),
        }
    }
}

/// Write a file the way editors with "atomic save" do: a temporary file renamed over it.
pub fn atomic_write(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).expect("write temp");
    std::fs::rename(&tmp, path).expect("rename over");
}

/// Poll `f` until it returns true or the time is up.
pub fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + TIMEOUT;
    while Instant::now() < deadline {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}
