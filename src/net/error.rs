//! What a failed exchange means: its kind, the exit code and hint of each
//! kind, whether it is worth another attempt, and `Delivery`, the one answer
//! to "may the request have reached the server?". The transport only sorts
//! what went wrong into a kind; every rule about a kind is here.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::endpoint::Endpoint;
use crate::net::proxy::ProxyChoice;
use crate::net::retry::RetryPolicy;
use crate::net::tls;
use std::io::ErrorKind;
use std::time::Duration;

/// Whether a request may have reached the server and been carried out. Every
/// caller that must not repeat a request (`send`, `bulk`, `createkey`) reads
/// this and nothing else.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Delivery {
    /// The request cannot have reached the server: it was never built, no
    /// connection was made, or a proxy refused to open the tunnel.
    NotSent,
    /// It may have been read and carried out, and no answer says whether:
    /// a reset or a timeout after connecting, or a reply that is not HTTP.
    MaybeSent,
    /// The server answered with this status (its body may not be readable).
    Answered(u16),
}

impl Delivery {
    /// The server said it did what was asked (2xx), whether or not its
    /// answer could be read.
    pub fn accepted(self) -> bool {
        matches!(self, Delivery::Answered(200..=299))
    }

    /// The request may have been carried out: it may have reached the
    /// server (`MaybeSent`), the server said it was (2xx), or the server
    /// failed while at it (5xx). A request for which this holds is never
    /// sent again without checking.
    pub fn may_have_been_carried_out(self) -> bool {
        matches!(
            self,
            Delivery::MaybeSent | Delivery::Answered(200..=299 | 500..=599)
        )
    }
}

/// What went wrong, sorted by what it means for the user and for a retry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NetKind {
    /// The request could not be built; nothing left the process.
    Build,
    ConnectFailed,
    /// The proxy refused to open the tunnel (`credentials`: it answered 407).
    ProxyRefused {
        credentials: bool,
    },
    Reset,
    Timeout {
        connecting: bool,
    },
    Dns,
    /// TLS failed: in the handshake, before any of the request was written,
    /// or after it, when the request may have been read.
    Tls {
        handshake: bool,
    },
    /// The server's reply was not what HTTP (or the call) allows.
    Protocol,
    Config,
}

impl NetKind {
    /// The one rule, kind by kind. A reset or a timeout after connecting may
    /// come after the server has read the whole request, and so may a reply
    /// that cannot be parsed; a request never built, a connection never
    /// made, a proxy's refusal, a DNS or TLS failure or a bad URL cannot.
    pub fn delivery(self) -> Delivery {
        match self {
            NetKind::Reset
            | NetKind::Timeout { connecting: false }
            | NetKind::Tls { handshake: false }
            | NetKind::Protocol => Delivery::MaybeSent,
            NetKind::Build
            | NetKind::ConnectFailed
            | NetKind::ProxyRefused { .. }
            | NetKind::Timeout { connecting: true }
            | NetKind::Dns
            | NetKind::Tls { handshake: true }
            | NetKind::Config => Delivery::NotSent,
        }
    }
}

pub struct NetError {
    pub kind: NetKind,
    pub detail: String,
    /// Set when the status line came before the failure.
    status: Option<u16>,
    /// Replaces the kind's hint: a refused connection to this machine asks
    /// whether the server is running.
    hint: Option<String>,
}

impl NetError {
    pub fn new(kind: NetKind, detail: String) -> Self {
        NetError {
            kind,
            detail,
            status: None,
            hint: None,
        }
    }

    /// The failure came after the server's status line.
    pub fn after_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// A status line that came before the failure decides; else the kind.
    pub fn delivery(&self) -> Delivery {
        match self.status {
            Some(status) => Delivery::Answered(status),
            None => self.kind.delivery(),
        }
    }

    pub fn retryable(&self, policy: RetryPolicy) -> bool {
        matches!(
            (&self.kind, policy),
            (NetKind::ConnectFailed, _)
                | (NetKind::Timeout { connecting: true }, _)
                | (NetKind::Reset | NetKind::Timeout { .. }, RetryPolicy::Safe)
        )
    }

    pub fn into_failure(self, attempts: u32, timeout: Duration) -> Failure {
        let delivery = self.delivery();
        let after = if attempts > 1 {
            format!(" (after {attempts} attempts)")
        } else {
            String::new()
        };
        let (code, hint) = match self.kind {
            NetKind::ConnectFailed
            | NetKind::Reset
            | NetKind::ProxyRefused { credentials: false } => (
                ExitCode::Unavailable,
                Some("the service or the network may be down; try again later"),
            ),
            NetKind::Timeout { .. } => (
                ExitCode::TempFail,
                Some("the server did not answer in time; raise --timeout or try again later"),
            ),
            NetKind::Dns => (
                ExitCode::NoHost,
                Some("check the host in --base-url / MOBIVATE_BASE_URL and your DNS"),
            ),
            NetKind::Tls { .. } => (ExitCode::Protocol, Some(tls::TRUST_HINT)),
            NetKind::ProxyRefused { credentials: true } => (
                ExitCode::Protocol,
                Some(
                    "the proxy wants credentials: put them in the proxy URL, http://user:pass@host:port",
                ),
            ),
            NetKind::Build | NetKind::Protocol => (ExitCode::Protocol, None),
            NetKind::Config => (ExitCode::Config, None),
        };
        let message = match self.kind {
            NetKind::Timeout { .. } => format!(
                "{} after {:.1} s{after}",
                self.detail,
                timeout.as_secs_f64()
            ),
            _ => format!("{}{after}", self.detail),
        };
        let mut failure = Failure::new(code, message);
        if delivery.may_have_been_carried_out() {
            failure = failure.with_unknown_outcome();
        }
        match (self.hint, hint) {
            (Some(hint), _) => failure.with_hint(hint),
            (None, Some(hint)) => failure.with_hint(hint),
            (None, None) => failure,
        }
    }
}

/// Where an exchange went, for the messages that classify its failures.
pub struct Peer<'a> {
    pub host: &'a str,
    pub proxy: Option<&'a ProxyChoice>,
    pub endpoint: &'a Endpoint,
}

impl Peer<'_> {
    /// A connection that was not made: it names the proxy, or the server's
    /// `host:port` and where its URL came from; for this machine it asks
    /// whether the server is running.
    fn connect_failed(&self, why: &str) -> NetError {
        if let Some(choice) = self.proxy {
            return NetError::new(
                NetKind::ConnectFailed,
                format!(
                    "cannot connect to the proxy {} (from {}){why}",
                    choice.shown, choice.variable
                ),
            );
        }
        let server = self.endpoint.host_port();
        let origin = match self.endpoint.origin() {
            Some(origin) => format!(" (base URL {origin})"),
            None => String::new(),
        };
        let mut error = NetError::new(
            NetKind::ConnectFailed,
            format!("cannot connect to {server}{why}{origin}"),
        );
        if self.endpoint.is_local() {
            error.hint = Some(format!("{server} is this machine: is the server running?"));
        }
        error
    }

    /// A failure while reading a body: ureq wraps its own errors (limit,
    /// timeout) in `io::Error` there.
    pub fn body(&self, error: std::io::Error, max_body: u64) -> NetError {
        match error.into_inner() {
            Some(inner) => match inner.downcast::<ureq::Error>() {
                Ok(ureq_error) => self.classify(*ureq_error, max_body),
                Err(other) => NetError::new(
                    NetKind::Reset,
                    format!("reading the response failed: {other}"),
                ),
            },
            None => NetError::new(NetKind::Reset, "reading the response failed".to_string()),
        }
    }

    /// Sorts what ureq reported into a kind, with a message naming the
    /// host, or the proxy when one was used.
    pub fn classify(&self, error: ureq::Error, max_body: u64) -> NetError {
        let host = self.host;
        let via_proxy = |what: &str| match self.proxy {
            Some(choice) => format!(
                "{what} the proxy {} (from {})",
                choice.shown, choice.variable
            ),
            None => format!("{what} {host}"),
        };
        match error {
            ureq::Error::Timeout(which) => {
                let connecting = matches!(which, ureq::Timeout::Resolve | ureq::Timeout::Connect);
                let stage = match which {
                    ureq::Timeout::Resolve => "resolving the host name",
                    ureq::Timeout::Connect => "connecting",
                    ureq::Timeout::SendRequest | ureq::Timeout::SendBody => "sending the request",
                    ureq::Timeout::RecvResponse => "waiting for the response",
                    ureq::Timeout::RecvBody => "reading the response",
                    _ => "waiting for the server",
                };
                NetError::new(
                    NetKind::Timeout { connecting },
                    format!("timed out {stage}"),
                )
            }
            ureq::Error::HostNotFound => {
                NetError::new(NetKind::Dns, format!("cannot resolve the host name {host}"))
            }
            ureq::Error::BodyExceedsLimit(_) => NetError::new(
                NetKind::Protocol,
                format!("the response body is larger than {}", size_text(max_body)),
            ),
            ureq::Error::ConnectProxyFailed(reason) => {
                let detail = format!("{}: {reason}", via_proxy("tunnel refused by"));
                let credentials = reason.contains("407");
                NetError::new(NetKind::ProxyRefused { credentials }, detail)
            }
            ureq::Error::Io(io) => self.classify_io(io),
            ureq::Error::Tls(what) => NetError::new(
                NetKind::Tls { handshake: true },
                format!("TLS failed with {host}: {what}"),
            ),
            ureq::Error::Rustls(tls) => tls_failure(&tls, host, true),
            ureq::Error::BadUri(uri) => {
                NetError::new(NetKind::Config, format!("invalid URL: {uri}"))
            }
            ureq::Error::InvalidProxyUrl => {
                NetError::new(NetKind::Config, "invalid proxy URL".to_string())
            }
            ureq::Error::ConnectionFailed => self.connect_failed(""),
            other => NetError::new(
                NetKind::Protocol,
                format!("unexpected response from {host}: {other}"),
            ),
        }
    }

    fn classify_io(&self, io: std::io::Error) -> NetError {
        let host = self.host;
        if let Some(tls_error) = io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            // The handshake's errors come as `Error::Rustls` (see
            // `tls::agent`): this one came after it, the request perhaps sent.
            return tls_failure(tls_error, host, false);
        }
        if crate::platform::net::is_lookup_failure(&io) {
            return NetError::new(NetKind::Dns, format!("cannot resolve the host name {host}"));
        }
        match io.kind() {
            ErrorKind::ConnectionRefused => self.connect_failed(": connection refused"),
            ErrorKind::HostUnreachable
            | ErrorKind::NetworkUnreachable
            | ErrorKind::AddrNotAvailable => self.connect_failed(&format!(": {io}")),
            ErrorKind::TimedOut | ErrorKind::WouldBlock => NetError::new(
                NetKind::Timeout { connecting: false },
                format!("timed out: {io}"),
            ),
            ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::BrokenPipe
            | ErrorKind::UnexpectedEof => NetError::new(
                NetKind::Reset,
                format!("the connection to {host} was cut short: {io}"),
            ),
            _ => NetError::new(
                NetKind::Reset,
                format!("network error talking to {host}: {io}"),
            ),
        }
    }
}

/// A broken local trust store is a configuration error, not the server's fault.
fn tls_failure(error: &rustls::Error, host: &str, handshake: bool) -> NetError {
    let kind = if tls::is_trust_store_error(error) {
        NetKind::Config
    } else {
        NetKind::Tls { handshake }
    };
    NetError::new(kind, tls::describe(error, host))
}

pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(kind: NetKind) -> Delivery {
        NetError::new(kind, String::new()).delivery()
    }

    #[test]
    fn a_request_that_failed_to_build_was_not_sent() {
        assert_eq!(of(NetKind::Build), Delivery::NotSent);
    }

    #[test]
    fn a_failed_connection_was_not_sent() {
        assert_eq!(of(NetKind::ConnectFailed), Delivery::NotSent);
        assert_eq!(of(NetKind::Timeout { connecting: true }), Delivery::NotSent);
    }

    #[test]
    fn a_proxy_refusing_the_tunnel_was_not_sent() {
        assert_eq!(
            of(NetKind::ProxyRefused { credentials: true }),
            Delivery::NotSent
        );
        assert_eq!(
            of(NetKind::ProxyRefused { credentials: false }),
            Delivery::NotSent
        );
    }

    #[test]
    fn dns_tls_and_configuration_failures_were_not_sent() {
        assert_eq!(of(NetKind::Dns), Delivery::NotSent);
        assert_eq!(of(NetKind::Tls { handshake: true }), Delivery::NotSent);
        assert_eq!(of(NetKind::Config), Delivery::NotSent);
    }

    #[test]
    fn a_reset_or_a_late_timeout_may_have_been_sent() {
        assert_eq!(of(NetKind::Reset), Delivery::MaybeSent);
        assert_eq!(
            of(NetKind::Timeout { connecting: false }),
            Delivery::MaybeSent
        );
    }

    #[test]
    fn a_tls_failure_after_the_handshake_may_have_been_sent() {
        assert_eq!(of(NetKind::Tls { handshake: false }), Delivery::MaybeSent);
    }

    #[test]
    fn a_reply_that_is_not_http_may_have_been_sent() {
        assert_eq!(of(NetKind::Protocol), Delivery::MaybeSent);
    }

    #[test]
    fn a_status_line_decides_over_the_kind() {
        let oversize = NetError::new(NetKind::Protocol, String::new()).after_status(200);
        assert_eq!(oversize.delivery(), Delivery::Answered(200));
        let cut = NetError::new(NetKind::Reset, String::new()).after_status(400);
        assert_eq!(cut.delivery(), Delivery::Answered(400));
    }

    #[test]
    fn what_each_answer_means() {
        for (delivery, accepted, carried_out) in [
            (Delivery::NotSent, false, false),
            (Delivery::MaybeSent, false, true),
            (Delivery::Answered(200), true, true),
            (Delivery::Answered(204), true, true),
            (Delivery::Answered(302), false, false),
            (Delivery::Answered(400), false, false),
            (Delivery::Answered(429), false, false),
            (Delivery::Answered(500), false, true),
            (Delivery::Answered(503), false, true),
        ] {
            assert_eq!(delivery.accepted(), accepted, "{delivery:?}");
            assert_eq!(
                delivery.may_have_been_carried_out(),
                carried_out,
                "{delivery:?}"
            );
        }
    }

    #[test]
    fn the_failure_says_the_outcome_is_unknown_exactly_when_it_may_have_been_carried_out() {
        let unknown = |error: NetError| {
            error
                .into_failure(1, Duration::from_secs(1))
                .is_outcome_unknown()
        };
        assert!(!unknown(NetError::new(NetKind::Build, String::new())));
        assert!(!unknown(NetError::new(
            NetKind::ProxyRefused { credentials: true },
            String::new()
        )));
        assert!(unknown(NetError::new(NetKind::Reset, String::new())));
        assert!(unknown(NetError::new(NetKind::Protocol, String::new())));
        assert!(unknown(
            NetError::new(NetKind::Protocol, String::new()).after_status(201)
        ));
        assert!(!unknown(
            NetError::new(NetKind::Reset, String::new()).after_status(403)
        ));
    }

    #[test]
    fn createkey_policy_retries_only_connect_failures() {
        let refused = NetError::new(NetKind::ConnectFailed, String::new());
        let reset = NetError::new(NetKind::Reset, String::new());
        let read_timeout = NetError::new(NetKind::Timeout { connecting: false }, String::new());
        assert!(refused.retryable(RetryPolicy::ConnectFailuresOnly));
        assert!(!reset.retryable(RetryPolicy::ConnectFailuresOnly));
        assert!(!read_timeout.retryable(RetryPolicy::ConnectFailuresOnly));
        assert!(reset.retryable(RetryPolicy::Safe));
        assert!(read_timeout.retryable(RetryPolicy::Safe));
    }
}
