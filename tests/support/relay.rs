//! A TCP relay on loopback that misbehaves like a flaky network or an overloaded server for
//! the first connections (closes them at once, cuts them after some bytes, or answers them
//! with an HTTP error) and relays every later connection faithfully both ways.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

/// What the relay does to its first connections.
#[derive(Clone, Copy)]
pub enum Trouble {
    /// Close each of the first N connections as soon as it comes.
    DropFirst(usize),
    /// Relay the first connection until the client has sent this many bytes, then cut it.
    CutFirstAfter(usize),
    /// Answer each of the first N connections with this status (HTTP/1.1) and close it.
    HttpStatusFirst(usize, u16),
}

/// A running relay (its threads end with the test binary).
pub struct Relay {
    /// The port on 127.0.0.1.
    pub port: u16,
    /// Connections taken so far.
    pub connections: Arc<AtomicUsize>,
    /// Connections that were dropped, cut or answered with an error.
    pub troubled: Arc<AtomicUsize>,
}

impl Relay {
    /// Start a relay to `target` (`host:port`).
    pub fn start(target: &str, trouble: Trouble) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind relay");
        let port = listener.local_addr().expect("relay address").port();
        let connections = Arc::new(AtomicUsize::new(0));
        let troubled = Arc::new(AtomicUsize::new(0));
        let (seen, hurt, target) = (connections.clone(), troubled.clone(), target.to_string());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let n = seen.fetch_add(1, SeqCst);
                let limit = match trouble {
                    Trouble::DropFirst(k) if n < k => {
                        hurt.fetch_add(1, SeqCst);
                        let _ = client.shutdown(Shutdown::Both);
                        continue;
                    }
                    Trouble::HttpStatusFirst(k, status) if n < k => {
                        hurt.fetch_add(1, SeqCst);
                        answer(client, status);
                        continue;
                    }
                    Trouble::CutFirstAfter(bytes) if n == 0 => Some((bytes, hurt.clone())),
                    _ => None,
                };
                if let Ok(server) = TcpStream::connect(&target) {
                    pipe(client, server, limit);
                }
            }
        });
        Relay {
            port,
            connections,
            troubled,
        }
    }

    /// `127.0.0.1:PORT`.
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// How many connections were dropped, cut or answered with an error.
    pub fn troubled(&self) -> usize {
        self.troubled.load(SeqCst)
    }

    /// How many connections came.
    pub fn connections(&self) -> usize {
        self.connections.load(SeqCst)
    }
}

/// Read the request's head, answer `status` with an empty body, close.
fn answer(mut client: TcpStream, status: u16) {
    std::thread::spawn(move || {
        let mut head = Vec::new();
        let mut buf = [0u8; 4096];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match client.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => head.extend_from_slice(&buf[..n]),
            }
        }
        let reply =
            format!("HTTP/1.1 {status} Trouble\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let _ = client.write_all(reply.as_bytes());
        let _ = client.shutdown(Shutdown::Both);
    });
}

/// Copy both ways; with a limit, cut both sides once the client has sent that many bytes.
fn pipe(client: TcpStream, server: TcpStream, limit: Option<(usize, Arc<AtomicUsize>)>) {
    let (Ok(mut c_in), Ok(mut s_out)) = (client.try_clone(), server.try_clone()) else {
        return;
    };
    let (c_cut, s_cut) = (client.try_clone(), server.try_clone());
    std::thread::spawn(move || {
        let mut sent = 0;
        let mut buf = [0u8; 8192];
        loop {
            let n = match c_in.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if let Some((max, hurt)) = &limit
                && sent + n > *max
            {
                hurt.fetch_add(1, SeqCst);
                for s in [&c_cut, &s_cut].into_iter().flatten() {
                    let _ = s.shutdown(Shutdown::Both);
                }
                return;
            }
            sent += n;
            if s_out.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = s_out.shutdown(Shutdown::Write);
    });
    std::thread::spawn(move || {
        let (mut c_out, mut s_in) = (client, server);
        let _ = std::io::copy(&mut s_in, &mut c_out);
        let _ = c_out.shutdown(Shutdown::Write);
    });
}
