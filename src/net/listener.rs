//! A small HTTP/1.1 receiver on 127.0.0.1 for webhook payloads. One request
//! per connection, each read on a thread of its own under one deadline for
//! the whole request, at most `MAX_CONNECTIONS` at once, bodies capped. No
//! answer ever blocks the one who writes it, and it never panics on what a
//! client sends.

use crate::platform::signals::block_interrupts_in_this_thread;
use std::io::{self, BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver as Channel, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

/// The largest payload accepted.
pub const MAX_PAYLOAD_BYTES: usize = 1024 * 1024;
/// Connections being read or answered at once; beyond, a 503.
pub const MAX_CONNECTIONS: usize = 64;
/// The time a client has for its whole request, head and body.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(10);
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// All a request may take, head, chunk framing and trailers included.
const MAX_REQUEST_BYTES: u64 = 4 * 1024 * 1024;
/// A chunk-size line: the size in hex and any chunk extensions.
const MAX_CHUNK_LINE_BYTES: usize = 1024;
/// How long an answered connection is kept to read what the client still
/// sends, so that closing it does not reset the answer away.
const LINGER: Duration = Duration::from_secs(1);
const MAX_LINGERING: usize = 128;
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

/// Why a request could not be read.
pub enum RequestError {
    /// Not HTTP as we read it, too large, or cut short: a 400.
    Malformed(String),
    /// Not complete within `REQUEST_DEADLINE`: a 408.
    TooSlow,
}

/// An accepted connection; it holds one of the `MAX_CONNECTIONS` places
/// until it is answered or dropped.
pub struct Connection {
    stream: TcpStream,
    pub peer: SocketAddr,
    deadline: Instant,
    closer: SyncSender<TcpStream>,
    _place: Place,
}

struct Place(Arc<AtomicUsize>);

impl Drop for Place {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Receiver {
    pub fn bind(port: u16) -> io::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))?;
        Ok(Receiver { listener })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Accepts connections from now on, on a thread of its own, and hands
    /// each to `serve` on a thread of its own. Beyond `MAX_CONNECTIONS` open
    /// at once, a new connection is answered 503 on the spot.
    pub fn serve(self, serve: impl Fn(Connection) + Send + Sync + 'static) -> io::Result<()> {
        let (closer, lingering) = sync_channel::<TcpStream>(MAX_LINGERING);
        std::thread::Builder::new()
            .name("closer".into())
            .spawn(move || close_gently(&lingering))?;
        let serve = Arc::new(serve);
        let open = Arc::new(AtomicUsize::new(0));
        std::thread::Builder::new()
            .name("accept".into())
            .spawn(move || {
                block_interrupts_in_this_thread();
                accept_forever(&self.listener, &open, &closer, &serve)
            })?;
        Ok(())
    }
}

fn accept_forever(
    listener: &TcpListener,
    open: &Arc<AtomicUsize>,
    closer: &SyncSender<TcpStream>,
    serve: &Arc<impl Fn(Connection) + Send + Sync + 'static>,
) {
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            // Out of descriptors, or a connection that failed before we took
            // it: wait a little rather than spin.
            Err(_) => {
                std::thread::sleep(POLL);
                continue;
            }
        };
        let connection = Connection {
            stream,
            peer,
            deadline: Instant::now() + REQUEST_DEADLINE,
            closer: closer.clone(),
            _place: Place(open.clone()),
        };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            connection.answer(
                503,
                "Service Unavailable",
                "{\"error\":\"too many connections\"}",
            );
            continue;
        }
        let serve = serve.clone();
        // A thread that cannot be started drops its connection: closed, not answered.
        let _ = std::thread::Builder::new().spawn(move || {
            block_interrupts_in_this_thread();
            serve(connection)
        });
    }
}

/// Keeps answered connections open for `LINGER`, reading and dropping what
/// their clients still send: closing a socket with unread data resets it,
/// and the client may then lose the answer.
fn close_gently(incoming: &Channel<TcpStream>) {
    block_interrupts_in_this_thread();
    let mut lingering: Vec<(TcpStream, Instant)> = Vec::new();
    let mut scratch = vec![0; 16 * 1024];
    loop {
        match incoming.recv_timeout(POLL) {
            Ok(stream) => {
                if lingering.len() >= MAX_LINGERING {
                    lingering.remove(0);
                }
                lingering.push((stream, Instant::now()));
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        lingering.retain_mut(|(stream, since)| {
            if since.elapsed() > LINGER {
                return false;
            }
            // Bounded per pass: a client that floods waits for the next one.
            for _ in 0..4 {
                match stream.read(&mut scratch) {
                    Ok(0) => return false,
                    Ok(_) => {}
                    Err(error) if error.kind() == ErrorKind::WouldBlock => return true,
                    Err(error) if error.kind() == ErrorKind::Interrupted => {}
                    Err(_) => return false,
                }
            }
            true
        });
    }
}

impl Connection {
    /// Reads the request, all of it within `REQUEST_DEADLINE` of the accept.
    pub fn read_request(&self) -> Result<Request, RequestError> {
        let reader = Deadline {
            stream: &self.stream,
            until: self.deadline,
        };
        let mut reader = BufReader::new(reader.take(MAX_REQUEST_BYTES));
        read_request(&mut reader, &self.stream)
    }

    /// Answers and closes the connection. Never blocks: the answer is one
    /// small write into an empty socket buffer, and a client that left is
    /// not an error.
    pub fn answer(self, status: u16, reason: &str, body: &str) {
        let response = format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = self.stream.set_nonblocking(true);
        let _ = (&self.stream).write_all(response.as_bytes());
        let _ = self.stream.shutdown(Shutdown::Write);
        // Closed gently by the closer, or at once when it has no room.
        let _ = self.closer.try_send(self.stream);
    }
}

/// Reads from the stream until the deadline, whatever the client drips.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(ErrorKind::TimedOut, "the request deadline"));
        }
        self.stream.set_read_timeout(Some(left))?;
        match self.stream.read(buf) {
            Err(error) if error.kind() == ErrorKind::WouldBlock => {
                Err(io::Error::new(ErrorKind::TimedOut, "the request deadline"))
            }
            other => other,
        }
    }
}

fn io_error(error: &io::Error, what: &str) -> RequestError {
    match error.kind() {
        ErrorKind::TimedOut => RequestError::TooSlow,
        _ => RequestError::Malformed(what.to_string()),
    }
}

fn malformed(why: &str) -> RequestError {
    RequestError::Malformed(why.to_string())
}

fn too_large() -> RequestError {
    RequestError::Malformed(format!(
        "the payload is larger than {} KiB",
        MAX_PAYLOAD_BYTES / 1024
    ))
}

/// One line of at most `limit` bytes, its line ending included, returned
/// without it. `Ok(None)` at the end of the input.
fn read_line(
    reader: &mut impl BufRead,
    limit: usize,
    too_long: &str,
) -> Result<Option<Vec<u8>>, RequestError> {
    if limit == 0 {
        return Err(malformed(too_long));
    }
    let mut line = Vec::new();
    let n = reader
        .by_ref()
        .take(u64::try_from(limit).unwrap_or(u64::MAX))
        .read_until(b'\n', &mut line)
        .map_err(|e| io_error(&e, "reading the request failed"))?;
    if n == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(if n >= limit {
            malformed(too_long)
        } else {
            malformed("the request ended early")
        });
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

/// A line of the head, counted against `MAX_HEAD_BYTES` for the whole head.
fn head_line(reader: &mut impl BufRead, used: &mut usize) -> Result<String, RequestError> {
    let left = MAX_HEAD_BYTES.saturating_sub(*used);
    let line = read_line(reader, left, "the request head is too large")?
        .ok_or_else(|| malformed("the request ended early"))?;
    // The line ending counts too: at least one byte.
    *used = used.saturating_add(line.len()).saturating_add(1);
    String::from_utf8(line).map_err(|_| malformed("the request head is not text"))
}

pub fn read_request(
    reader: &mut impl BufRead,
    mut stream: &TcpStream,
) -> Result<Request, RequestError> {
    let mut used = 0;
    let first = head_line(reader, &mut used)?;
    let mut parts = first.split_whitespace();
    let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
        return Err(malformed("not an HTTP request"));
    };
    let (method, path) = (method.to_string(), path.to_string());
    let mut length: Option<usize> = None;
    let mut chunked = false;
    let mut expect_continue = false;
    loop {
        let header = head_line(reader, &mut used)?;
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err(malformed("a malformed header"));
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            let parsed = parse_decimal(value).ok_or_else(|| malformed("a bad Content-Length"))?;
            if length.is_some_and(|known| known != parsed) {
                return Err(malformed("two different Content-Length headers"));
            }
            length = Some(parsed);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            let last = value.rsplit(',').next().unwrap_or("").trim();
            if !last.eq_ignore_ascii_case("chunked") {
                return Err(malformed("an unsupported Transfer-Encoding"));
            }
            chunked = true;
        } else if name.eq_ignore_ascii_case("expect") {
            expect_continue = value.eq_ignore_ascii_case("100-continue");
        }
    }
    if chunked && length.is_some() {
        // Two framings: a proxy in front may read the other one (request
        // smuggling, RFC 9112 6.1), so neither is trusted.
        return Err(malformed("both Content-Length and Transfer-Encoding"));
    }
    if !chunked && length.is_some_and(|length| length > MAX_PAYLOAD_BYTES) {
        return Err(too_large());
    }
    if expect_continue {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    let body = if chunked {
        read_chunked(reader, used)?
    } else {
        let mut body = vec![0; length.unwrap_or(0)];
        reader
            .read_exact(&mut body)
            .map_err(|e| io_error(&e, "the payload ended early"))?;
        body
    };
    Ok(Request { method, path, body })
}

/// A decimal number of digits only (no sign, no spaces), that fits.
fn parse_decimal(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A chunk size: hex digits only (leading zeros allowed), then any chunk
/// extensions. A size too big for a number is too large, never wrapped.
fn parse_chunk_size(line: &[u8]) -> Result<usize, RequestError> {
    let broken = || malformed("a broken chunk size");
    let text = std::str::from_utf8(line).map_err(|_| broken())?;
    let size = text
        .split(';')
        .next()
        .unwrap_or("")
        .trim_matches([' ', '\t']);
    if size.is_empty() || !size.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(broken());
    }
    let digits = size.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(0);
    }
    usize::from_str_radix(digits, 16).map_err(|_| too_large())
}

/// A chunked body, at most `MAX_PAYLOAD_BYTES` in all; the trailers count
/// against what is left of the head's budget.
fn read_chunked(reader: &mut impl BufRead, mut used: usize) -> Result<Vec<u8>, RequestError> {
    let mut body = Vec::new();
    loop {
        let line = read_line(
            reader,
            MAX_CHUNK_LINE_BYTES,
            "a chunk-size line is too long",
        )?
        .ok_or_else(|| malformed("the payload ended early"))?;
        let size = parse_chunk_size(&line)?;
        if size == 0 {
            // Trailers, up to the empty line.
            while !head_line(reader, &mut used)?.is_empty() {}
            return Ok(body);
        }
        let room = MAX_PAYLOAD_BYTES.saturating_sub(body.len());
        if size > room {
            return Err(too_large());
        }
        let start = body.len();
        body.resize(start.saturating_add(size), 0);
        let Some(chunk) = body.get_mut(start..) else {
            return Err(malformed("a broken chunk"));
        };
        reader
            .read_exact(chunk)
            .map_err(|e| io_error(&e, "the payload ended early"))?;
        let end = read_line(reader, 2, "a chunk is longer than its size")?
            .ok_or_else(|| malformed("the payload ended early"))?;
        if !end.is_empty() {
            return Err(malformed("a chunk is longer than its size"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunked(input: &[u8]) -> Result<Vec<u8>, String> {
        read_chunked(&mut &input[..], 0).map_err(|error| match error {
            RequestError::Malformed(why) => why,
            RequestError::TooSlow => "too slow".to_string(),
        })
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            chunked(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nTrailer: 1\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert_eq!(chunked(b"0\r\n\r\n").unwrap(), b"");
        assert_eq!(chunked(b"00003\nabc\n0\n\n").unwrap(), b"abc");
    }

    #[test]
    fn chunk_sizes_that_overflow_or_exceed_the_cap_are_refused() {
        for input in [
            &b"ffffffffffffffff\r\nabc\r\n0\r\n\r\n"[..],
            b"10000000000000000\r\nabc\r\n",
            b"1\r\na\r\nffffffffffffffff\r\n",
            b"100001\r\n",
            b"fffff\r\n",
        ] {
            let why = chunked(input).unwrap_err();
            assert!(
                why.contains("larger than") || why.contains("broken") || why.contains("ended"),
                "{why}"
            );
        }
        for size in ["ffffffffffffffff", "100000000000000000000", "0000100001"] {
            let input = format!("{size}\r\n");
            assert!(
                chunked(input.as_bytes())
                    .unwrap_err()
                    .contains("larger than 1024 KiB"),
                "{size}"
            );
        }
    }

    #[test]
    fn broken_chunks_are_refused() {
        for input in [
            &b"+3\r\nabc\r\n0\r\n\r\n"[..],
            b"-1\r\n",
            b"\r\n",
            b"zz\r\nabc\r\n",
            b"3\r\nabcdef\r\n0\r\n\r\n",
            b"3\r\nab",
            b"3\r\nabc",
            b"",
        ] {
            assert!(chunked(input).is_err(), "{input:?}");
        }
        let long = format!("1{}\r\n", ";".repeat(MAX_CHUNK_LINE_BYTES));
        assert_eq!(
            chunked(long.as_bytes()).unwrap_err(),
            "a chunk-size line is too long"
        );
    }

    #[test]
    fn lengths_are_digits_only() {
        assert_eq!(parse_decimal("12"), Some(12));
        assert_eq!(parse_decimal("+12"), None);
        assert_eq!(parse_decimal(""), None);
        assert_eq!(parse_decimal("99999999999999999999999"), None);
    }
}
