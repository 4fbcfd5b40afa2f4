//! `mobivate webhooks set` (register a URL) and `mobivate webhooks listen`
//! (receive payloads on 127.0.0.1 and print each as a JSON line).

use crate::api::webhooks::{self, Kind, payload_kind};
use crate::cli::{WebhooksListenArgs, WebhooksSetArgs};
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::endpoint::{Endpoint, is_loopback};
use crate::net::listener::{
    Connection, MAX_PAYLOAD_BYTES, REQUEST_DEADLINE, Receiver, RequestError,
};
use crate::net::transport::{Call, Method, RetryPolicy, Transport};
use crate::output::list::{Value, api_date};
use crate::platform::signals;
use crate::report::{self, warn};
use crate::sanitize::{display_url, sanitize_server_text};
use std::collections::VecDeque;
use std::io::{ErrorKind, Write};
use std::net::{IpAddr, Ipv4Addr, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

pub fn set(ctx: &Context, args: &WebhooksSetArgs) -> Result<(), Failure> {
    check_url(&args.url, true)?;
    let transport = ctx.transport()?;
    let key = ctx.key(args.key.key_stdin)?;
    let message = webhooks::set(transport, &key, args.kind, args.url.trim())?;
    let text = message.unwrap_or_else(|| format!("{} webhook set", args.kind.name()));
    report::say(&text);
    Ok(())
}

/// A webhook URL must be https; plain http only for loopback, with a
/// warning. `for_mobivate` is false for `--forward`, which may be plain http.
fn check_url(raw: &str, for_mobivate: bool) -> Result<(), Failure> {
    // Never the query or user information: either may hold a secret token.
    let shown = display_url(raw.trim());
    let bad = |why: &str| Failure::new(ExitCode::DataErr, format!("{shown:?} {why}"));
    let uri: ureq::http::Uri = raw.trim().parse().map_err(|_| bad("is not a URL"))?;
    let host = uri
        .host()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| bad("has no host"))?;
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if !for_mobivate => Ok(()),
        Some("http") if is_loopback(host) => {
            warn(
                "plain http to a loopback address: only for testing, Mobivate's servers cannot reach it",
            );
            Ok(())
        }
        Some("http") => Err(
            bad("is plain http: a webhook URL must be https://").with_hint(
                "plain http is allowed only for localhost, 127.0.0.0/8 and ::1, for testing",
            ),
        ),
        _ => Err(bad("is not an http(s) URL")),
    }
}

pub fn listen(ctx: &Context, args: &WebhooksListenArgs) -> Result<(), Failure> {
    // The target goes through the transport every API call uses: the same
    // trust (--cacert, the system store), proxy rules, timeout and -v.
    let forward_to = match &args.forward {
        Some(url) => {
            check_url(url, false)?;
            let endpoint = Endpoint::exact(url).map_err(|why| {
                Failure::new(
                    ExitCode::DataErr,
                    format!("{:?} {why}", display_url(url.trim())),
                )
            })?;
            Some(ctx.transport_to(endpoint)?)
        }
        None => None,
    };
    signals::catch_interrupts();
    let receiver = Receiver::bind(args.port).map_err(|error| {
        Failure::new(
            ExitCode::Unavailable,
            format!("cannot listen on 127.0.0.1:{}: {error}", args.port),
        )
        .with_hint("choose another --port (0 picks a free one)")
    })?;
    let port = receiver.port();
    if let Some(transport) = &forward_to
        && is_own_address(transport.endpoint(), port)
    {
        return Err(Failure::new(
            ExitCode::DataErr,
            format!(
                "--forward {:?} is this listener's own address: every payload would come back for ever",
                display_url(transport.endpoint().base())
            ),
        ));
    }
    let printer = Printer::start().map_err(cannot_start)?;
    let forwarder = forward_to
        .map(Forwarder::start)
        .transpose()
        .map_err(cannot_start)?;
    let (jobs, pending) = mpsc::channel::<Job>();
    let closing = Arc::new(AtomicBool::new(false));
    let stopped = closing.clone();
    receiver
        .serve(move |connection| serve(connection, &jobs, &stopped))
        .map_err(cannot_start)?;
    report::note(&format!(
        "listening on http://127.0.0.1:{port}/ (Ctrl-C to stop)"
    ));
    let received = receive(&pending, &printer, forwarder.as_ref(), &closing);
    // Whatever was read and not printed is refused, so that Mobivate retries it.
    closing.store(true, Ordering::SeqCst);
    while let Ok(job) = pending.try_recv() {
        job.connection.answer(503, UNAVAILABLE, STOPPING);
    }
    if let Some(forwarder) = forwarder {
        forwarder.stop();
    }
    received
}

const UNAVAILABLE: &str = "Service Unavailable";
const STOPPING: &str = "{\"error\":\"the listener is stopping\"}";
const POLL: Duration = Duration::from_millis(50);
/// Payloads waiting to be forwarded, beyond the one being forwarded.
const MAX_QUEUED: usize = 1000;
const MAX_QUEUED_BYTES: usize = 64 * 1024 * 1024;

fn cannot_start(error: std::io::Error) -> Failure {
    Failure::new(
        ExitCode::Unavailable,
        format!("cannot start the listener: {error}"),
    )
}

/// Whether a request to `target` would come back to the listener on
/// 127.0.0.1:`port`: its host is, or resolves to, 127.0.0.1 or 0.0.0.0.
fn is_own_address(target: &Endpoint, port: u16) -> bool {
    if target.port() != port {
        return false;
    }
    let host = target.host().trim_start_matches('[').trim_end_matches(']');
    let addresses: Vec<IpAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => (host, port)
            .to_socket_addrs()
            .map(|found| found.map(|address| address.ip()).collect())
            .unwrap_or_default(),
    };
    addresses.into_iter().any(|ip| {
        let ip = ip.to_canonical();
        ip == IpAddr::V4(Ipv4Addr::LOCALHOST) || ip == IpAddr::V4(Ipv4Addr::UNSPECIFIED)
    })
}

/// A payload read and checked, waiting to be printed and answered.
struct Job {
    connection: Connection,
    line: String,
    kind: Kind,
    body: Vec<u8>,
}

/// On the connection's own thread: reads the request and answers what can
/// be answered without printing; a payload goes on to `receive`.
fn serve(connection: Connection, jobs: &mpsc::Sender<Job>, closing: &AtomicBool) {
    let peer = connection.peer;
    let request = match connection.read_request() {
        Ok(request) => request,
        Err(RequestError::TooSlow) => {
            connection.answer(408, "Request Timeout", "{\"error\":\"request timeout\"}");
            warn(&format!(
                "gave up on a request from {peer}: not complete after {} s",
                REQUEST_DEADLINE.as_secs()
            ));
            return;
        }
        Err(RequestError::Malformed(why)) => {
            connection.answer(400, "Bad Request", "{\"error\":\"malformed request\"}");
            warn(&format!("rejected a malformed request from {peer}: {why}"));
            return;
        }
    };
    if request.method == "GET" || request.method == "HEAD" {
        // A tunnel's or proxy's health check.
        connection.answer(200, "OK", "{\"listening\":true}");
        return;
    }
    if request.method != "POST" {
        connection.answer(405, "Method Not Allowed", "{\"error\":\"POST only\"}");
        warn(&format!(
            "rejected a {} request from {peer}: payloads are POSTed",
            sanitize_server_text(&request.method)
        ));
        return;
    }
    match payload_line(&request.path, &request.body) {
        Ok((line, kind)) => {
            if closing.load(Ordering::SeqCst) {
                connection.answer(503, UNAVAILABLE, STOPPING);
                return;
            }
            let job = Job {
                connection,
                line,
                kind,
                body: request.body,
            };
            if let Err(mpsc::SendError(job)) = jobs.send(job) {
                job.connection.answer(503, UNAVAILABLE, STOPPING);
            }
        }
        Err(why) => {
            connection.answer(400, "Bad Request", "{\"error\":\"malformed payload\"}");
            warn(&format!("rejected a malformed payload from {peer}: {why}"));
        }
    }
}

/// Prints each payload, in the order they were read, and answers it: 200
/// once its line is on stdout and, with --forward, it is queued.
fn receive(
    pending: &mpsc::Receiver<Job>,
    printer: &Printer,
    forwarder: Option<&Forwarder>,
    closing: &AtomicBool,
) -> Result<(), Failure> {
    loop {
        if signals::interrupted() {
            return Ok(());
        }
        let job = match pending.recv_timeout(POLL) {
            Ok(job) => job,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        if let Some(forwarder) = forwarder
            && !forwarder.has_room(job.body.len())
        {
            warn(&format!(
                "refused a {} from {} with 503: the forward queue is full ({MAX_QUEUED} payloads or {} MiB wait to be forwarded)",
                job.kind.name(),
                job.connection.peer,
                MAX_QUEUED_BYTES / (1024 * 1024)
            ));
            job.connection.answer(
                503,
                UNAVAILABLE,
                "{\"error\":\"the forward queue is full\"}",
            );
            continue;
        }
        match printer.print(job.line) {
            Printed::Yes => {
                if let Some(forwarder) = forwarder {
                    forwarder.push(job.kind, job.body);
                }
                job.connection.answer(200, "OK", "{\"received\":true}");
            }
            Printed::Interrupted => {
                // Perhaps printed, perhaps not: Mobivate sends it again.
                job.connection.answer(503, UNAVAILABLE, STOPPING);
                return Ok(());
            }
            Printed::Failed(error) => {
                closing.store(true, Ordering::SeqCst);
                job.connection.answer(503, UNAVAILABLE, STOPPING);
                // The reader went away: a normal ending, as for the list commands.
                if error.kind() == ErrorKind::BrokenPipe {
                    return Ok(());
                }
                return Err(Failure::new(
                    ExitCode::IoErr,
                    format!("cannot write to stdout: {error}"),
                ));
            }
        }
    }
}

enum Printed {
    Yes,
    /// Ctrl-C or SIGTERM while the line was being written.
    Interrupted,
    Failed(std::io::Error),
}

/// Writes lines to stdout on a thread of its own, so that a reader that
/// stops reading never delays Ctrl-C.
struct Printer {
    lines: mpsc::Sender<String>,
    done: mpsc::Receiver<std::io::Result<()>>,
}

impl Printer {
    fn start() -> std::io::Result<Printer> {
        let (lines, to_print) = mpsc::channel::<String>();
        let (report, done) = mpsc::channel();
        std::thread::Builder::new()
            .name("stdout".into())
            .spawn(move || {
                signals::block_interrupts_in_this_thread();
                let mut stdout = std::io::stdout().lock();
                for line in to_print {
                    let written = writeln!(stdout, "{line}").and_then(|()| stdout.flush());
                    if report.send(written).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Printer { lines, done })
    }

    fn print(&self, line: String) -> Printed {
        let gone = || {
            Printed::Failed(std::io::Error::new(
                ErrorKind::BrokenPipe,
                "the stdout thread ended",
            ))
        };
        if self.lines.send(line).is_err() {
            return gone();
        }
        loop {
            match self.done.recv_timeout(POLL) {
                Ok(Ok(())) => return Printed::Yes,
                Ok(Err(error)) => return Printed::Failed(error),
                Err(mpsc::RecvTimeoutError::Timeout) if signals::interrupted() => {
                    return Printed::Interrupted;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return gone(),
            }
        }
    }
}

/// The --forward queue, forwarded in order on a thread of its own so that
/// a slow target never delays the answer to the next payload.
struct Forwarder {
    shared: Arc<(Mutex<Queue>, Condvar)>,
}

#[derive(Default)]
struct Queue {
    waiting: VecDeque<(Kind, Vec<u8>)>,
    bytes: usize,
    /// One payload is being forwarded now.
    busy: bool,
    stopped: bool,
}

impl Forwarder {
    fn start(transport: Transport) -> std::io::Result<Forwarder> {
        let shared = Arc::new((Mutex::new(Queue::default()), Condvar::new()));
        let queue = shared.clone();
        std::thread::Builder::new()
            .name("forward".into())
            .spawn(move || {
                signals::block_interrupts_in_this_thread();
                while let Some((kind, body)) = next_to_forward(&queue) {
                    forward(&transport, kind, &body);
                    if let Ok(mut state) = queue.0.lock() {
                        state.busy = false;
                    }
                }
            })?;
        Ok(Forwarder { shared })
    }

    fn has_room(&self, bytes: usize) -> bool {
        self.shared.0.lock().is_ok_and(|queue| {
            queue.waiting.len() < MAX_QUEUED
                && queue.bytes.saturating_add(bytes) <= MAX_QUEUED_BYTES
        })
    }

    fn push(&self, kind: Kind, body: Vec<u8>) {
        if let Ok(mut queue) = self.shared.0.lock() {
            queue.bytes = queue.bytes.saturating_add(body.len());
            queue.waiting.push_back((kind, body));
            self.shared.1.notify_one();
        }
    }

    /// Stops at once, without waiting for the target, and says on stderr
    /// what was not forwarded.
    fn stop(self) {
        let Ok(mut queue) = self.shared.0.lock() else {
            return;
        };
        queue.stopped = true;
        let left = queue.waiting.len();
        let busy = queue.busy;
        queue.waiting.clear();
        drop(queue);
        self.shared.1.notify_all();
        let plural = |n: usize| {
            if n == 1 {
                "payload was"
            } else {
                "payloads were"
            }
        };
        match (left, busy) {
            (0, false) => {}
            (left, false) => warn(&format!("{left} {} not forwarded", plural(left))),
            (left, true) => warn(&format!(
                "{left} {} not forwarded, and 1 more was being forwarded and may not have arrived",
                plural(left)
            )),
        }
    }
}

fn next_to_forward(shared: &(Mutex<Queue>, Condvar)) -> Option<(Kind, Vec<u8>)> {
    let mut queue = shared.0.lock().ok()?;
    loop {
        if queue.stopped {
            return None;
        }
        if let Some((kind, body)) = queue.waiting.pop_front() {
            queue.bytes = queue.bytes.saturating_sub(body.len());
            queue.busy = true;
            return Some((kind, body));
        }
        queue = shared.1.wait(queue).ok()?;
    }
}

/// The payload as one JSON line, `kind` first, then its fields in the order
/// they came, its date in RFC 3339 UTC.
/// The kind comes from the path (`/receipt`, `/incoming`, `/click`) when it
/// names one, else from the payload's fields.
pub fn payload_line(path: &str, body: &[u8]) -> Result<(String, Kind), String> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| "the body is not JSON".to_string())?;
    let serde_json::Value::Object(mut object) = value else {
        return Err("the body is not a JSON object".to_string());
    };
    let segment = path
        .split('?')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let kind = Kind::ALL
        .into_iter()
        .find(|kind| kind.name() == segment)
        .or_else(|| payload_kind(&object))
        .ok_or_else(|| "not a receipt, incoming or click payload".to_string())?;
    if let Some(created) = object.get_mut("created")
        && let Value::Date(at) = api_date(&Some(created.clone()))
    {
        *created = serde_json::Value::String(at.to_string());
    }
    object.shift_remove("kind");
    let rest = serde_json::Value::Object(object).to_string();
    let mut line = format!("{{\"kind\":\"{}\"", kind.name());
    match rest.strip_prefix('{') {
        Some(fields) if fields != "}" => {
            line.push(',');
            line.push_str(fields);
        }
        _ => line.push('}'),
    }
    Ok((line, kind))
}

/// Re-posts one payload unchanged; the status or the failure goes to stderr.
/// Never retried once it may have been sent.
fn forward(transport: &Transport, kind: Kind, body: &[u8]) {
    let shown = display_url(transport.endpoint().base());
    let call = Call {
        method: Method::Post,
        path: "",
        json_body: Some(body),
        bearer: None,
        policy: RetryPolicy::NotAfterSending,
        // Only the status matters; a local service may answer with a page.
        max_body: MAX_PAYLOAD_BYTES as u64,
    };
    match transport.send(&call) {
        Ok(reply) => report::note(&format!(
            "forwarded {} to {shown}: HTTP {}",
            kind.name(),
            reply.status
        )),
        Err(failure) => warn(&format!(
            "forwarding {} to {shown} failed: {}",
            kind.name(),
            sanitize_server_text(&failure.to_string())
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_first_and_dates_in_utc() {
        let (line, kind) = payload_line(
            "/hook",
            br#"{"deliveryMessageId":"m1","created":"2026-11-26T14:00:00+0100","status":"DELIVERED","statusCode":1}"#,
        )
        .unwrap();
        assert_eq!(kind, Kind::Receipt);
        assert_eq!(
            line,
            r#"{"kind":"receipt","deliveryMessageId":"m1","created":"2026-11-26T13:00:00Z","status":"DELIVERED","statusCode":1}"#
        );
    }

    #[test]
    fn the_path_can_name_the_kind() {
        let (line, kind) = payload_line("/click", br#"{"x":1}"#).unwrap();
        assert_eq!(kind, Kind::Click);
        assert_eq!(line, r#"{"kind":"click","x":1}"#);
        assert!(payload_line("/", b"[1]").is_err());
        assert!(payload_line("/", b"{\"x\":1}").is_err());
        assert!(payload_line("/", b"{nope").is_err());
    }

    #[test]
    fn its_own_address_is_127_0_0_1_or_0_0_0_0_on_its_port() {
        let own = |url: &str| is_own_address(&Endpoint::exact(url).unwrap(), 8080);
        assert!(own("http://127.0.0.1:8080/hook"));
        assert!(own("https://127.0.0.1:8080"));
        assert!(own("http://0.0.0.0:8080/"));
        assert!(own("http://[::ffff:127.0.0.1]:8080/"));
        assert!(!own("http://127.0.0.1:8081/hook"));
        assert!(!own("http://127.0.0.1/hook"));
        assert!(!own("http://127.0.0.2:8080/hook"));
        assert!(!own("http://[::1]:8080/hook"));
        assert!(is_own_address(
            &Endpoint::exact("http://127.0.0.1/").unwrap(),
            80
        ));
        assert!(is_own_address(
            &Endpoint::exact("https://127.0.0.1/").unwrap(),
            443
        ));
    }

    #[test]
    fn webhook_urls() {
        assert!(check_url("https://example.com/hook", true).is_ok());
        assert!(check_url("http://127.0.0.1:8080/hook", true).is_ok());
        assert_eq!(
            check_url("http://example.com/hook", true).unwrap_err().code,
            ExitCode::DataErr
        );
        assert_eq!(
            check_url("ftp://example.com", true).unwrap_err().code,
            ExitCode::DataErr
        );
        assert_eq!(
            check_url("not a url", true).unwrap_err().code,
            ExitCode::DataErr
        );
        assert!(check_url("http://example.com/hook", false).is_ok());
    }
}
