//! A small HTTP/1.1 receiver on 127.0.0.1 for webhook payloads, and the
//! re-post of a payload to another URL. One request per connection, bodies
//! capped; it never panics on what a client sends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

/// The largest payload accepted.
pub const MAX_PAYLOAD_BYTES: usize = 1024 * 1024;
const MAX_HEAD_BYTES: usize = 16 * 1024;
const READ_TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

pub struct Receiver {
    listener: TcpListener,
}

/// One request as received.
pub struct Request {
    pub method: String,
    pub path: String,
    pub body: Vec<u8>,
}

/// A connection that sent a request, waiting for its answer.
pub struct Exchange {
    stream: TcpStream,
    pub peer: SocketAddr,
    /// The request, or why it could not be read (the answer is then 400).
    pub request: Result<Request, String>,
}

impl Receiver {
    pub fn bind(port: u16) -> std::io::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))?;
        listener.set_nonblocking(true)?;
        Ok(Receiver { listener })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Waits for the next request; `None` once `stop` says so.
    pub fn next(&self, stop: &dyn Fn() -> bool) -> Option<Exchange> {
        loop {
            if stop() {
                return None;
            }
            match self.listener.accept() {
                Ok((stream, peer)) => {
                    let _ = stream.set_nonblocking(false);
                    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
                    let _ = stream.set_write_timeout(Some(READ_TIMEOUT));
                    let request = read_request(&stream);
                    return Some(Exchange {
                        stream,
                        peer,
                        request,
                    });
                }
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(POLL)
                }
                // A connection that failed before we took it: wait for the next.
                Err(_) => std::thread::sleep(POLL),
            }
        }
    }
}

impl Exchange {
    /// Answers and closes the connection; a client that left is not an error.
    pub fn answer(&mut self, status: u16, reason: &str, body: &str) {
        let response = format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = self.stream.write_all(response.as_bytes());
        let _ = self.stream.flush();
    }
}

fn read_request(stream: &TcpStream) -> Result<Request, String> {
    let mut reader = BufReader::new(stream.take(MAX_HEAD_BYTES as u64 + MAX_PAYLOAD_BYTES as u64));
    let mut head_bytes = 0;
    let mut line = String::new();
    let read_line = |reader: &mut BufReader<_>, line: &mut String, head_bytes: &mut usize| {
        line.clear();
        let n = reader
            .read_line(line)
            .map_err(|e| format!("reading the request failed: {e}"))?;
        *head_bytes += n;
        if *head_bytes > MAX_HEAD_BYTES {
            return Err("the request head is too large".to_string());
        }
        if n == 0 {
            return Err("the request ended early".to_string());
        }
        Ok(())
    };
    read_line(&mut reader, &mut line, &mut head_bytes)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
        return Err("not an HTTP request".to_string());
    };
    let (method, path) = (method.to_string(), path.to_string());
    let mut length: Option<usize> = None;
    let mut chunked = false;
    loop {
        read_line(&mut reader, &mut line, &mut head_bytes)?;
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err("a malformed header".to_string());
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .parse()
                    .map_err(|_| "a bad Content-Length".to_string())?,
            );
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        }
    }
    let body = if chunked {
        read_chunked(&mut reader)?
    } else {
        let length = length.unwrap_or(0);
        if length > MAX_PAYLOAD_BYTES {
            return Err(format!(
                "the payload is larger than {} KiB",
                MAX_PAYLOAD_BYTES / 1024
            ));
        }
        let mut body = vec![0; length];
        reader
            .read_exact(&mut body)
            .map_err(|_| "the payload ended early".to_string())?;
        body
    };
    Ok(Request { method, path, body })
}

fn read_chunked(reader: &mut impl BufRead) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let mut size_line = String::new();
        reader
            .read_line(&mut size_line)
            .map_err(|_| "a broken chunk".to_string())?;
        let size_text = size_line.trim().split(';').next().unwrap_or("");
        let size =
            usize::from_str_radix(size_text, 16).map_err(|_| "a broken chunk".to_string())?;
        if size == 0 {
            // Trailers, up to the empty line.
            let mut trailer = String::new();
            while reader
                .read_line(&mut trailer)
                .map_err(|_| "a broken chunk")?
                > 2
            {
                trailer.clear();
            }
            return Ok(body);
        }
        if body.len() + size > MAX_PAYLOAD_BYTES {
            return Err(format!(
                "the payload is larger than {} KiB",
                MAX_PAYLOAD_BYTES / 1024
            ));
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader
            .read_exact(&mut body[start..])
            .map_err(|_| "the payload ended early".to_string())?;
        let mut crlf = [0; 2];
        reader
            .read_exact(&mut crlf)
            .map_err(|_| "a broken chunk".to_string())?;
    }
}

/// Re-posts a payload as JSON; Ok holds the status the URL answered.
pub fn forward(url: &str, body: &[u8], timeout: Duration) -> Result<u16, String> {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(timeout))
        .proxy(None)
        .build()
        .new_agent();
    agent
        .post(url)
        .header("Content-Type", "application/json")
        .send(body)
        .map(|response| response.status().as_u16())
        .map_err(|error| error.to_string())
}
