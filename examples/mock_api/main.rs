//! A fake Mobivate API on 127.0.0.1, to try `mobivate` without an account and
//! to benchmark it. It serves the three documented endpoints with the
//! documented status codes and bodies, for one demo account.
//!
//!     cargo run --example mock_api -- --port 8080
//!     cargo run --example mock_api -- --port 8443 --tls-cert server.pem --tls-key server.key
//!
//! It prints `listening on URL` once it accepts connections.

use anyhow::Context;
use serde::Deserialize;
use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

const DEMO_USERNAME: &str = "demo@example.com";
const DEMO_PASSWORD: &str = "demo-password";
const FIRST_KEY: &str = "abcd1234-9922-abcd-1234-abcd1234abcd";
/// Bodies larger than this get a 400, as a real API would refuse them.
const MAX_REQUEST_BODY: usize = 16 * 1024;

#[derive(Deserialize)]
struct Credentials {
    username: String,
    password: String,
}

struct Options {
    port: u16,
    tls: Option<(String, String)>,
}

fn main() -> anyhow::Result<()> {
    let options = parse_options()
        .map_err(anyhow::Error::msg)
        .context("usage: mock_api [--port PORT] [--tls-cert PEM --tls-key PEM]")?;
    let tls = match &options.tls {
        Some((cert, key)) => Some(tls_config(cert, key)?),
        None => None,
    };
    let listener = TcpListener::bind(("127.0.0.1", options.port))
        .with_context(|| format!("cannot listen on 127.0.0.1:{}", options.port))?;
    let port = listener.local_addr()?.port();
    let scheme = if tls.is_some() { "https" } else { "http" };
    // Whoever started us may stop reading after the first line: never panic on that.
    let _ = write!(
        std::io::stdout().lock(),
        "listening on {scheme}://127.0.0.1:{port}\ndemo account: username {DEMO_USERNAME}, password {DEMO_PASSWORD}\n"
    );
    let current_key = Arc::new(Mutex::new(FIRST_KEY.to_string()));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let key = current_key.clone();
        let tls = tls.clone();
        std::thread::spawn(move || match tls {
            Some(config) => {
                let Ok(conn) = rustls::ServerConnection::new(config) else {
                    return;
                };
                handle(rustls::StreamOwned::new(conn, stream), &key);
            }
            None => handle(stream, &key),
        });
    }
    Ok(())
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        port: 8080,
        tls: None,
    };
    let (mut cert, mut key) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => {
                options.port = value()?
                    .parse()
                    .map_err(|_| "--port takes a number".to_string())?
            }
            "--tls-cert" => cert = Some(value()?),
            "--tls-key" => key = Some(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    options.tls = match (cert, key) {
        (Some(cert), Some(key)) => Some((cert, key)),
        (None, None) => None,
        _ => return Err("--tls-cert and --tls-key go together".to_string()),
    };
    Ok(options)
}

fn tls_config(cert_path: &str, key_path: &str) -> anyhow::Result<Arc<rustls::ServerConfig>> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer> = CertificateDer::pem_file_iter(cert_path)
        .and_then(|iter| iter.collect())
        .with_context(|| format!("cannot read certificates from {cert_path}"))?;
    let key = PrivateKeyDer::from_pem_file(key_path)
        .with_context(|| format!("cannot read a key from {key_path}"))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|builder| builder.with_no_client_auth().with_single_cert(certs, key))
        .context("the TLS certificate and key do not make a server configuration")?;
    Ok(Arc::new(config))
}

struct Request {
    method: String,
    path: String,
    authorization: Option<String>,
    body: Vec<u8>,
}

fn handle(stream: impl Read + Write, current_key: &Mutex<String>) {
    let mut reader = BufReader::new(stream);
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    let (status, body) = respond(&request, current_key);
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = reader.into_inner();
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}

fn respond(request: &Request, current_key: &Mutex<String>) -> (u16, String) {
    let error =
        |code: u16, message: &str| (code, json!({"code": code, "message": message}).to_string());
    let mut key = current_key.lock().unwrap_or_else(|p| p.into_inner());
    match (request.method.as_str(), request.path.as_str()) {
        ("POST", "/auth/getkey" | "/auth/createkey") => {
            let Ok(credentials) = serde_json::from_slice::<Credentials>(&request.body) else {
                return error(400, "Bad Request: username and password are required");
            };
            if credentials.username != DEMO_USERNAME || credentials.password != DEMO_PASSWORD {
                return error(401, "Invalid Credentials");
            }
            if request.path == "/auth/createkey" {
                *key = new_key();
            }
            (200, json!({"apiKey": *key}).to_string())
        }
        ("GET", "/auth/test") => match request.authorization.as_deref() {
            Some(auth) if auth == format!("Bearer {}", *key) => {
                (200, json!({"message": "API Key is valid"}).to_string())
            }
            _ => error(401, "Unauthorized"),
        },
        (_, "/auth/getkey" | "/auth/createkey" | "/auth/test") => error(405, "Method Not Allowed"),
        _ => error(404, "Not Found"),
    }
}

fn read_request(reader: &mut impl BufRead) -> Option<Request> {
    let mut first = String::new();
    reader.read_line(&mut first).ok()?;
    let mut parts = first.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let (mut length, mut authorization) = (0, None);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.trim().parse().ok()?,
            "authorization" => authorization = Some(value.trim().to_string()),
            _ => {}
        }
    }
    if length > MAX_REQUEST_BODY {
        return None;
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        path,
        authorization,
        body,
    })
}

/// A fresh key in the documented shape, from the OS's randomness.
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(mut random) = std::fs::File::open("/dev/urandom") {
        let _ = random.read_exact(&mut bytes);
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}
