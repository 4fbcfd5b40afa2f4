//! Just enough HTTP/1.1 for the mock: persistent connections, Content-Length
//! and chunked request bodies with a limit per endpoint, `Expect:
//! 100-continue`, and one write per response.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::time::Instant;

use crate::state::State;
use crate::{routes, time};

const MAX_REQUEST_LINE: u64 = 16 * 1024;
const MAX_HEADER_BYTES: u64 = 64 * 1024;
const KIB: usize = 1024;

/// The body limit of the endpoint at `path`: auth calls are tiny, a batch of
/// 1,000 recipients is not.
fn body_limit(path: &str) -> usize {
    if path.starts_with("/auth/") {
        16 * KIB
    } else if path == "/send/batch" {
        8 * KIB * KIB
    } else {
        KIB * KIB
    }
}

pub struct Request {
    pub method: String,
    pub path: String,
    /// The raw query string, without the `?`.
    pub query: String,
    pub authorization: Option<String>,
    pub body: Vec<u8>,
}

pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
    pub retry_after: Option<u32>,
    /// Close the connection after this response.
    pub close: bool,
    /// Close the connection instead of answering (`--drop-after-read`).
    pub withhold: bool,
}

impl Response {
    pub fn json(status: u16, body: Vec<u8>) -> Response {
        Response {
            status,
            body,
            retry_after: None,
            close: false,
            withhold: false,
        }
    }

    pub fn value(status: u16, value: &impl serde::Serialize) -> Response {
        match serde_json::to_vec(value) {
            Ok(body) => Response::json(status, body),
            Err(_) => Response::error(500, "Internal Server Error"),
        }
    }

    /// The API's error shape, `{"code":STATUS,"message":"..."}`.
    pub fn error(status: u16, message: &str) -> Response {
        let body = serde_json::json!({"code": status, "message": message}).to_string();
        Response::json(status, body.into_bytes())
    }
}

enum Incoming {
    Request(Request, Connection),
    /// The peer closed the connection, timed out, or broke the framing so
    /// badly that no answer makes sense.
    Gone,
    /// A request we answer and then hang up on, since its body was not read.
    Refused(Response),
}

#[derive(Clone, Copy)]
struct Connection {
    keep_alive: bool,
    http10: bool,
}

/// Answers requests on one connection until the client closes it.
pub fn serve<S: Read + Write>(stream: S, state: &State) {
    state.stats.bump(&state.stats.connections, 1);
    let mut reader = BufReader::with_capacity(64 * KIB, stream);
    loop {
        let incoming = read_request(&mut reader);
        // The request is in; with `--latency`, its answer leaves this long after.
        let arrived = Instant::now();
        let (request, connection) = match incoming {
            Incoming::Request(request, connection) => (request, connection),
            Incoming::Gone => return,
            Incoming::Refused(response) => {
                state.stats.bump(&state.stats.requests, 1);
                let connection = Connection {
                    keep_alive: false,
                    http10: false,
                };
                state.latency.hold(arrived);
                let _ = write_response(reader.get_mut(), &response, connection);
                return;
            }
        };
        // Recorded (stored, counted) now, before the delay.
        let response = routes::handle(state, &request);
        if !state.quiet {
            log(&request, &response);
        }
        // The mock's own endpoints answer at once: its counters can watch requests in flight.
        if !routes::is_mock_own(&request.path) {
            state.latency.hold(arrived);
        }
        let send = routes::is_send(&request.path);
        if response.withhold {
            if send {
                state.stats.answered_send(time::now_ms());
            }
            return;
        }
        let connection = Connection {
            keep_alive: connection.keep_alive && !response.close,
            ..connection
        };
        let written = write_response(reader.get_mut(), &response, connection);
        if send {
            state.stats.answered_send(time::now_ms());
        }
        if written.is_err() || !connection.keep_alive {
            return;
        }
    }
}

fn log(request: &Request, response: &Response) {
    let query = if request.query.is_empty() { "" } else { "?" };
    let note = if response.withhold {
        " (accepted, connection dropped)"
    } else {
        ""
    };
    let _ = writeln!(
        io::stderr().lock(),
        "{} {}{query}{} {}{note}",
        request.method,
        request.path,
        request.query,
        response.status
    );
}

fn read_request<S: Read + Write>(reader: &mut BufReader<S>) -> Incoming {
    let mut line = Vec::new();
    // A client may send a stray CRLF after a body; skip a few.
    for _ in 0..4 {
        line.clear();
        match reader
            .by_ref()
            .take(MAX_REQUEST_LINE)
            .read_until(b'\n', &mut line)
        {
            Ok(0) | Err(_) => return Incoming::Gone,
            Ok(_) if line == b"\r\n" || line == b"\n" => continue,
            Ok(_) => break,
        }
    }
    if !line.ends_with(b"\n") {
        return Incoming::Refused(Response::error(400, "Request line too long"));
    }
    let Ok(text) = std::str::from_utf8(&line) else {
        return Incoming::Refused(Response::error(400, "Bad Request"));
    };
    let mut words = text.trim_end().split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return Incoming::Refused(Response::error(400, "Bad Request"));
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Incoming::Refused(Response::error(400, "Bad Request"));
    }
    let http10 = version == "HTTP/1.0";
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let (method, path, query) = (method.to_string(), path.to_string(), query.to_string());

    let mut authorization = None;
    let (mut length, mut chunked, mut expect_continue) = (None, false, false);
    let (mut close, mut keep_alive) = (false, false);
    let mut header_bytes = 0;
    loop {
        line.clear();
        let room = MAX_HEADER_BYTES.saturating_sub(header_bytes);
        match reader.by_ref().take(room).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return Incoming::Gone,
            Ok(n) => header_bytes += n as u64,
        }
        if !line.ends_with(b"\n") {
            return Incoming::Refused(Response::error(431, "Request headers too large"));
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            return Incoming::Refused(Response::error(400, "Bad Request"));
        };
        let text = text.trim_end();
        if text.is_empty() {
            break;
        }
        let Some((name, value)) = text.split_once(':') else {
            return Incoming::Refused(Response::error(400, "Bad Request"));
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => match value.parse::<usize>() {
                Ok(n) => length = Some(n),
                Err(_) => return Incoming::Refused(Response::error(400, "Bad Content-Length")),
            },
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "authorization" => authorization = Some(value.to_string()),
            "expect" => expect_continue = value.eq_ignore_ascii_case("100-continue"),
            "connection" => {
                for token in value.split(',').map(str::trim) {
                    close |= token.eq_ignore_ascii_case("close");
                    keep_alive |= token.eq_ignore_ascii_case("keep-alive");
                }
            }
            _ => {}
        }
    }
    let connection = Connection {
        keep_alive: if http10 { keep_alive } else { !close },
        http10,
    };

    let limit = body_limit(&path);
    let too_large = || {
        let message = format!("Request body too large (at most {limit} bytes for {path})");
        Incoming::Refused(Response::error(413, &message))
    };
    let length = length.unwrap_or(0);
    if !chunked && length > limit {
        return too_large();
    }
    if expect_continue && (chunked || length > 0) {
        let stream = reader.get_mut();
        if stream
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .and_then(|()| stream.flush())
            .is_err()
        {
            return Incoming::Gone;
        }
    }
    let body = if chunked {
        match read_chunked(reader, limit) {
            Ok(Some(body)) => body,
            Ok(None) => return too_large(),
            Err(_) => return Incoming::Gone,
        }
    } else {
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return Incoming::Gone;
        }
        body
    };
    Incoming::Request(
        Request {
            method,
            path,
            query,
            authorization,
            body,
        },
        connection,
    )
}

/// A chunked body, or `None` when it grows past `limit`.
fn read_chunked(reader: &mut impl BufRead, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let bad = || io::Error::new(io::ErrorKind::InvalidData, "bad chunk");
    let mut body = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        reader.by_ref().take(1024).read_until(b'\n', &mut line)?;
        let text = std::str::from_utf8(&line).map_err(|_| bad())?;
        let size = text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size, 16).map_err(|_| bad())?;
        if size == 0 {
            // Trailers, up to the empty line.
            loop {
                line.clear();
                if reader.by_ref().take(1024).read_until(b'\n', &mut line)? == 0
                    || line == b"\r\n"
                    || line == b"\n"
                {
                    return Ok(Some(body));
                }
            }
        }
        if size > limit.saturating_sub(body.len()) {
            return Ok(None);
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        line.clear();
        reader.by_ref().take(2).read_until(b'\n', &mut line)?;
    }
}

fn write_response(
    stream: &mut impl Write,
    response: &Response,
    connection: Connection,
) -> io::Result<()> {
    let status = response.status;
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Unknown",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        response.body.len()
    );
    if let Some(seconds) = response.retry_after {
        head.push_str(&format!("Retry-After: {seconds}\r\n"));
    }
    match (connection.keep_alive, connection.http10) {
        (false, _) => head.push_str("Connection: close\r\n"),
        (true, true) => head.push_str("Connection: keep-alive\r\n"),
        (true, false) => {}
    }
    head.push_str("\r\n");
    let mut bytes = Vec::with_capacity(head.len() + response.body.len());
    bytes.extend_from_slice(head.as_bytes());
    bytes.extend_from_slice(&response.body);
    stream.write_all(&bytes)?;
    stream.flush()
}

/// A decoded query string. A literal `+` is a space, as in HTML forms: a
/// client that sends `+0000` instead of `%2B0000` gets a bad date back.
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(query: &str) -> Query {
        let pairs = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(name), percent_decode(value))
            })
            .collect();
        Query(pairs)
    }

    /// The first value given for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match bytes
                .get(i + 1..i + 3)
                .and_then(|pair| hex_pair(pair[0], pair[1]))
            {
                Some(byte) => {
                    out.push(byte);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(high: u8, low: u8) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(high)? * 16 + digit(low)?) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_is_a_space_and_percent_2b_is_a_plus() {
        assert_eq!(percent_decode("a+b%2Bc%2b"), "a b+c+");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        let query = Query::parse("startDate=2026-01-01T00:00:00%2B0000&page=2&page=3&x");
        assert_eq!(query.get("startDate"), Some("2026-01-01T00:00:00+0000"));
        assert_eq!(query.get("page"), Some("2"));
        assert_eq!(query.get("x"), Some(""));
        assert_eq!(query.get("y"), None);
    }
}
