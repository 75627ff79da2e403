//! The Host allow-list of `serve`: only requests addressed to this computer are answered, so
//! a web page that points its own domain name at 127.0.0.1 (DNS rebinding) cannot read the
//! preview, drafts included.
//!
//! Allowed are `localhost` (and `*.localhost`), every loopback address (`127.x.x.x`,
//! `[::1]`), the address the server listens on, and the address the connection arrived at.
//! With `--bind 0.0.0.0` (or `::`) the last one is the machine's own interface address the
//! other computer used, so colleagues on the network can open `http://192.168.1.5:4717/`.
//! A browser only sends a Host it resolved to the server it is talking to, and no page can
//! make its own origin an IP address of this computer, so IP literals cannot be rebound.

use std::net::IpAddr;

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No Host at all (or more than one): 400.
    Missing,
    /// A Host that is not this computer: 421 Misdirected Request.
    Foreign,
}

/// Check the Host of a request (`host`: the request's authority or its `Host` header).
/// `bound` is the address the server listens on, `local` the address this connection
/// arrived at.
pub fn check(host: Option<&str>, bound: IpAddr, local: IpAddr) -> Result<(), Refusal> {
    let host = host.map(str::trim).filter(|h| !h.is_empty());
    let Some(host) = host else {
        return Err(Refusal::Missing);
    };
    let Some(name) = name_of(host) else {
        return Err(Refusal::Foreign);
    };
    if is_local_name(&name) {
        return Ok(());
    }
    match name.parse::<IpAddr>() {
        Ok(ip) if allowed_ip(ip, bound, local) => Ok(()),
        _ => Err(Refusal::Foreign),
    }
}

/// The host name of a Host value, without port and brackets, in lower case, without a
/// trailing dot. `None` when it is malformed.
fn name_of(host: &str) -> Option<String> {
    let name = if let Some(rest) = host.strip_prefix('[') {
        // `[v6]` or `[v6]:port`.
        let (inside, after) = rest.split_once(']')?;
        if !(after.is_empty() || valid_port(after.strip_prefix(':')?)) {
            return None;
        }
        inside
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if valid_port(port) && !name.contains(':') => name,
            Some(_) => return None,
            None => host,
        }
    };
    let name = name.strip_suffix('.').unwrap_or(name);
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

fn valid_port(port: &str) -> bool {
    !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
}

/// `localhost` and its subdomains, which browsers always resolve to this computer.
fn is_local_name(name: &str) -> bool {
    name == "localhost" || name.ends_with(".localhost")
}

fn allowed_ip(ip: IpAddr, bound: IpAddr, local: IpAddr) -> bool {
    let ip = ip.to_canonical();
    ip.is_loopback()
        || (!ip.is_unspecified() && (ip == bound.to_canonical() || ip == local.to_canonical()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    fn ok(host: &str, bound: &str, local: &str) -> bool {
        check(Some(host), ip(bound), ip(local)).is_ok()
    }

    #[test]
    fn loopback_names_and_addresses_are_allowed() {
        for host in [
            "localhost",
            "LOCALHOST:4717",
            "localhost.:4717",
            "preview.localhost:4717",
            "127.0.0.1",
            "127.0.0.1:4717",
            "127.1.2.3:80",
            "[::1]",
            "[::1]:4717",
            "[::ffff:127.0.0.1]:4717",
        ] {
            assert!(ok(host, "127.0.0.1", "127.0.0.1"), "{host}");
        }
    }

    #[test]
    fn other_names_and_addresses_are_refused() {
        for host in [
            "attacker.example:4717",
            "attacker.example",
            "localhost.attacker.example",
            "127.0.0.1.nip.io",
            "192.168.1.5:4717",
            "0.0.0.0:4717",
            "[::]:4717",
            "[::1",
            "::1",
            "localhost:port",
            "localhost:4717:1",
            ":4717",
        ] {
            assert!(!ok(host, "127.0.0.1", "127.0.0.1"), "{host}");
        }
        assert_eq!(
            check(None, ip("127.0.0.1"), ip("127.0.0.1")),
            Err(Refusal::Missing)
        );
        assert_eq!(
            check(Some("  "), ip("127.0.0.1"), ip("127.0.0.1")),
            Err(Refusal::Missing)
        );
    }

    #[test]
    fn the_bound_and_arrival_addresses_are_allowed() {
        assert!(ok("192.168.1.5:4717", "192.168.1.5", "192.168.1.5"));
        // Bound to every interface: the one the connection came in on.
        assert!(ok("192.168.1.5:4717", "0.0.0.0", "192.168.1.5"));
        assert!(ok("[fe80::1]:4717", "::", "fe80::1"));
        // An IPv4 client on a dual-stack socket arrives at an IPv4-mapped address.
        assert!(ok("192.168.1.5:4717", "::", "::ffff:192.168.1.5"));
        assert!(!ok("192.168.1.6:4717", "0.0.0.0", "192.168.1.5"));
        assert!(!ok("mylaptop.example:4717", "0.0.0.0", "192.168.1.5"));
    }
}
