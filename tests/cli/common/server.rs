//! Test servers on 127.0.0.1 that misbehave on purpose: a scripted HTTP(S)
//! server, a CONNECT proxy, and certificates made on the spot with rcgen.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server does with one connection.
#[derive(Clone)]
pub enum Reply {
    /// Send these bytes, then close.
    Raw(String),
    /// Read the request, then never answer.
    Hang,
    /// Read the request, then close without a word.
    Drop,
    /// Send these headers, then stream body bytes until the client leaves.
    Endless(String),
}

pub fn json_reply(status: u16, reason: &str, body: &str) -> Reply {
    json_reply_with(status, reason, "", body)
}

pub fn json_reply_with(status: u16, reason: &str, extra_headers: &str, body: &str) -> Reply {
    Reply::Raw(format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra_headers}Connection: close\r\n\r\n{body}",
        body.len()
    ))
}

pub struct ScriptedServer {
    pub port: u16,
    /// Every request received, head and body, in order.
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl ScriptedServer {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn request_count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

/// Serves `replies` in order, one per connection; the last one repeats.
/// With `tls`, every connection is wrapped in that server configuration.
pub fn scripted(replies: Vec<Reply>, tls: Option<Arc<rustls::ServerConfig>>) -> ScriptedServer {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = requests.clone();
    thread::spawn(move || {
        for (index, stream) in listener.incoming().enumerate() {
            let Ok(stream) = stream else { continue };
            let reply = replies[index.min(replies.len() - 1)].clone();
            let seen = seen.clone();
            let tls = tls.clone();
            thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
                match tls {
                    Some(config) => {
                        let Ok(conn) = rustls::ServerConnection::new(config) else {
                            return;
                        };
                        let stream = rustls::StreamOwned::new(conn, stream);
                        serve(stream, reply, &seen);
                    }
                    None => serve(stream, reply, &seen),
                }
            });
        }
    });
    ScriptedServer { port, requests }
}

fn serve(stream: impl Read + Write, reply: Reply, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream);
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    seen.lock().unwrap().push(request);
    let mut stream = reader.into_inner();
    match reply {
        Reply::Raw(bytes) => {
            let _ = stream.write_all(bytes.as_bytes());
            let _ = stream.flush();
        }
        Reply::Hang => thread::sleep(Duration::from_secs(60)),
        Reply::Drop => {}
        Reply::Endless(head) => {
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b'a'; 64 * 1024];
            // Bounded: at most 256 MiB, far past any sane client cap.
            for _ in 0..4096 {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
    }
}

fn read_request(reader: &mut impl BufRead) -> Option<String> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
        })
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(head + &String::from_utf8_lossy(&body))
}

/// A CA, and a server certificate it signed for `names`.
pub struct Pki {
    pub ca_pem: String,
    pub server_config: Arc<rustls::ServerConfig>,
}

pub fn pki(names: &[&str]) -> Pki {
    pki_with(names, |_| {})
}

pub fn pki_with(names: &[&str], adjust_leaf: impl FnOnce(&mut rcgen::CertificateParams)) -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    // A distinct name per CA, so an unrelated CA is an unknown issuer, not a bad signature.
    static SERIAL: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, format!("mobivate test CA {serial}"));
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let mut leaf_params =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    adjust_leaf(&mut leaf_params);
    let leaf = leaf_params.signed_by(&leaf_key, &ca).unwrap();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone(), ca.der().clone()], key)
        .unwrap();
    Pki {
        ca_pem: ca.pem(),
        server_config: Arc::new(config),
    }
}

/// A CONNECT proxy that records each tunnel's target, or answers `refuse_with`.
pub struct ConnectProxy {
    pub port: u16,
    pub tunnels: Arc<Mutex<Vec<String>>>,
}

pub fn connect_proxy(refuse_with: Option<&'static str>) -> ConnectProxy {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let tunnels = Arc::new(Mutex::new(Vec::new()));
    let seen = tunnels.clone();
    thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { continue };
            let seen = seen.clone();
            thread::spawn(move || tunnel(client, refuse_with, &seen));
        }
    });
    ConnectProxy { port, tunnels }
}

fn tunnel(client: TcpStream, refuse_with: Option<&str>, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
    }
    let target = first
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string();
    seen.lock().unwrap().push(format!(
        "{} {target}",
        first.split_whitespace().next().unwrap_or_default()
    ));
    let mut client = client;
    if let Some(status) = refuse_with {
        let _ =
            client.write_all(format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\n\r\n").as_bytes());
        return;
    }
    let Ok(upstream) = TcpStream::connect(&target) else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    let _ = client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
    let (mut up_read, mut up_write) = (upstream.try_clone().unwrap(), upstream);
    let mut client_write = client.try_clone().unwrap();
    let forward = thread::spawn(move || {
        let _ = std::io::copy(&mut reader, &mut up_write);
        let _ = up_write.shutdown(Shutdown::Write);
    });
    let _ = std::io::copy(&mut up_read, &mut client_write);
    let _ = client_write.shutdown(Shutdown::Both);
    let _ = forward.join();
}
