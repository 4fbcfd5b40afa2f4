//! One HTTP exchange with the API, made safe for real networks: no redirects,
//! capped bodies, a timeout per attempt, retries with backoff only where a
//! retry cannot do harm, and errors classified into exit codes.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::endpoint::Endpoint;
use crate::net::error::{Delivery, NetError, NetKind};
use crate::net::proxy::{self, ProxyChoice};
use crate::net::tls;
use crate::report::Verbose;
use crate::sanitize::display_url;
use crate::secret::Secret;
use std::hash::{BuildHasher, RandomState};
use std::io::ErrorKind;
use std::time::{Duration, Instant, SystemTime};
use ureq::Agent;
use zeroize::Zeroizing;

/// Response bodies larger than this are refused: the cap for the auth
/// endpoints, whose answers are tiny. Other calls set their own `max_body`.
pub const MAX_BODY_BYTES: u64 = 64 * 1024;
/// The longest `Retry-After` we wait for; anything longer gives up at once.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(8);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RetryPolicy {
    /// Retry network failures, timeouts, 429 and 5xx: safe for reads.
    Safe,
    /// Retry only when the request cannot have reached the server: for
    /// `createkey`, where a second request would revoke the first one's key.
    ConnectFailuresOnly,
    /// For sends, which are not idempotent: retry what cannot have sent
    /// anything (a failure to connect, and a 429, which is a refusal), and
    /// nothing else.
    NotAfterSending,
}

pub enum Method {
    Get,
    Post,
    Delete,
}

pub struct Call<'a> {
    pub method: Method,
    /// The API path, with its query string already encoded.
    pub path: &'a str,
    /// The JSON body, already serialized; it holds the password.
    pub json_body: Option<&'a [u8]>,
    pub bearer: Option<&'a Secret>,
    pub policy: RetryPolicy,
    /// The largest response body read, in bytes (`MAX_BODY_BYTES` for auth).
    pub max_body: u64,
}

/// A failed exchange, and whether the request may have reached the server:
/// for a send, that decides between "nothing was sent" and "it may have been".
pub struct SendError {
    pub failure: Failure,
    pub delivery: Delivery,
}

pub struct Reply {
    pub status: u16,
    pub body: Zeroizing<Vec<u8>>,
    pub location: Option<String>,
    retry_after: Option<String>,
    /// How many attempts it took, for messages.
    pub attempts: u32,
}

impl Reply {
    /// The server's `Retry-After`, in seconds or as an HTTP date.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.as_deref().and_then(parse_retry_after)
    }

    /// A reply as a test (or a fuzz target) would have the server send it.
    pub fn for_test(status: u16, body: &[u8]) -> Reply {
        Reply {
            status,
            body: Zeroizing::new(body.to_vec()),
            location: None,
            retry_after: None,
            attempts: 1,
        }
    }

    pub fn is_retryable_status(&self) -> bool {
        self.status == 429 || (500..=599).contains(&self.status)
    }
}

/// How to talk to the API: the plain settings the command line gives.
pub struct Settings {
    pub timeout: Duration,
    pub retries: u32,
    pub cacert: Option<std::path::PathBuf>,
    pub verbose: bool,
}

pub struct Transport {
    agent: Agent,
    endpoint: Endpoint,
    proxy: Option<ProxyChoice>,
    retries: u32,
    timeout: Duration,
    verbose: Verbose,
}

impl Transport {
    pub fn new(args: &Settings, endpoint: Endpoint) -> Result<Self, Failure> {
        let verbose = Verbose(args.verbose);
        let ca_file = args.cacert.as_deref().map(tls::load_ca_file).transpose()?;
        let proxy = proxy::choose(&endpoint)?;
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_global(Some(args.timeout))
            .timeout_connect(Some(args.timeout))
            .user_agent(concat!("mobivate/", env!("CARGO_PKG_VERSION")))
            .accept("application/json")
            // Small buffers: our requests and responses are tiny, and ureq's
            // 128 KiB defaults cost more to zero than the whole exchange.
            .input_buffer_size(32 * 1024)
            .output_buffer_size(16 * 1024)
            .max_response_header_size(16 * 1024)
            .proxy(proxy.as_ref().map(|choice| choice.proxy.clone()));
        // Trust roots cost time to load, so only an https URL loads them.
        let trust = match (endpoint.is_https(), ca_file) {
            (false, _) => None,
            (true, Some(roots)) => {
                verbose.say(|| format!("trusting {} certificate(s) from --cacert", roots.len()));
                Some(tls::Trust::only(roots)?)
            }
            (true, None) => Some(tls::system_trust(verbose)?),
        };
        Ok(Transport {
            agent: tls::agent(config.build(), trust),
            endpoint,
            proxy,
            retries: args.retries,
            timeout: args.timeout,
            verbose,
        })
    }

    /// Where requests go.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    pub fn verbose(&self) -> Verbose {
        self.verbose
    }

    /// The full URL of an API path, as a request would use it.
    pub fn url(&self, path: &str) -> String {
        self.endpoint.url(path)
    }

    /// Sends the call, retrying as its policy allows. A 429 or 5xx that is
    /// still there after the last attempt comes back as a `Reply`.
    pub fn send(&self, call: &Call) -> Result<Reply, Failure> {
        self.try_send(call).map_err(|error| error.failure)
    }

    /// As `send`, saying whether a failed request may have reached the server.
    pub fn try_send(&self, call: &Call) -> Result<Reply, SendError> {
        let refused = |failure, status| SendError {
            failure,
            delivery: Delivery::Answered(status),
        };
        let url = self.endpoint.url(call.path);
        let attempts = self.retries.saturating_add(1);
        let method = match call.method {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        };
        self.verbose
            .say(|| format!("{method} {}", display_url(&url)));
        self.verbose.say(|| match &self.proxy {
            Some(choice) => format!("proxy: {} (from {})", choice.shown, choice.variable),
            None => "proxy: none".to_string(),
        });
        for attempt in 1..=attempts {
            let started = Instant::now();
            let outcome = self.attempt(call, &url);
            let elapsed = started.elapsed().as_millis();
            let last = attempt == attempts;
            let wait = match outcome {
                Ok(mut reply) => {
                    self.verbose.say(|| {
                        format!(
                            "attempt {attempt}/{attempts}: HTTP {} ({elapsed} ms)",
                            reply.status
                        )
                    });
                    reply.attempts = attempt;
                    let retry = match call.policy {
                        RetryPolicy::Safe => reply.is_retryable_status(),
                        RetryPolicy::ConnectFailuresOnly => false,
                        RetryPolicy::NotAfterSending => reply.status == 429,
                    };
                    if !retry {
                        return Ok(reply);
                    }
                    match reply.retry_after() {
                        Some(asked) if asked > MAX_RETRY_AFTER => {
                            return Err(refused(Failure::new(
                                ExitCode::TempFail,
                                format!(
                                    "the server answered HTTP {} and asked to retry after {} s, longer than the {} s mobivate waits",
                                    reply.status,
                                    asked.as_secs(),
                                    MAX_RETRY_AFTER.as_secs()
                                ),
                            )
                            .with_hint("try again later"), reply.status));
                        }
                        _ if last => return Ok(reply),
                        Some(asked) => asked,
                        None => backoff(attempt),
                    }
                }
                Err(error) => {
                    self.verbose.say(|| {
                        format!(
                            "attempt {attempt}/{attempts}: {} ({elapsed} ms)",
                            error.detail
                        )
                    });
                    if last || !error.retryable(call.policy) {
                        let delivery = error.delivery();
                        return Err(SendError {
                            failure: error.into_failure(attempt, self.timeout),
                            delivery,
                        });
                    }
                    backoff(attempt)
                }
            };
            self.verbose.say(|| {
                format!(
                    "waiting {} ms before attempt {}",
                    wait.as_millis(),
                    attempt + 1
                )
            });
            std::thread::sleep(wait);
        }
        unreachable!("the last attempt always returns")
    }

    fn attempt(&self, call: &Call, url: &str) -> Result<Reply, NetError> {
        let mut builder = match call.method {
            Method::Get => ureq::http::Request::get(url),
            Method::Post => ureq::http::Request::post(url),
            Method::Delete => ureq::http::Request::delete(url),
        };
        if let Some(key) = call.bearer {
            builder = builder.header("Authorization", format!("Bearer {}", key.expose()));
        }
        let body = call.json_body.unwrap_or_default();
        if call.json_body.is_some() {
            builder = builder.header("Content-Type", "application/json");
        }
        let request = builder.body(body).map_err(|e| {
            NetError::new(
                NetKind::Build,
                format!("the request could not be built: {e}"),
            )
        })?;
        let mut response = self
            .agent
            .run(request)
            .map_err(|e| self.classify(e, call.max_body))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        };
        let location = header("location");
        let retry_after = header("retry-after");
        // One byte past the cap tells an oversized body apart; reading stops there.
        let mut body = Zeroizing::new(Vec::new());
        let reader = response.body_mut().with_config().limit(u64::MAX).reader();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(reader, call.max_body.saturating_add(1)),
            &mut body,
        )
        .map_err(|e| {
            self.classify_body_error(e, call.max_body)
                .after_status(status)
        })?;
        if body.len() as u64 > call.max_body {
            if (200..300).contains(&status) {
                return Err(NetError::new(
                    NetKind::Protocol,
                    format!(
                        "the response body is larger than {}",
                        size_text(call.max_body)
                    ),
                )
                .after_status(status));
            }
            // An error status is judged by its status: the oversized body
            // (an HTML error page, say) is dropped, not the verdict.
            self.verbose.say(|| {
                format!(
                    "HTTP {status}: body larger than {} ignored",
                    size_text(call.max_body)
                )
            });
            body = Zeroizing::new(Vec::new());
        }
        Ok(Reply {
            status,
            body,
            location,
            retry_after,
            attempts: 0,
        })
    }

    fn classify_body_error(&self, error: std::io::Error, max_body: u64) -> NetError {
        // ureq wraps its own errors (limit, timeout) in io::Error while reading a body.
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

    fn classify(&self, error: ureq::Error, max_body: u64) -> NetError {
        let host = self.endpoint.host();
        let via_proxy = |what: &str| match &self.proxy {
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
            ureq::Error::Io(io) => self.classify_io(io, &via_proxy),
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
            ureq::Error::ConnectionFailed => {
                NetError::new(NetKind::ConnectFailed, via_proxy("cannot connect to"))
            }
            other => NetError::new(
                NetKind::Protocol,
                format!("unexpected response from {host}: {other}"),
            ),
        }
    }

    fn classify_io(&self, io: std::io::Error, via_proxy: &dyn Fn(&str) -> String) -> NetError {
        let host = self.endpoint.host();
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
            ErrorKind::ConnectionRefused => NetError::new(
                NetKind::ConnectFailed,
                format!("{}: connection refused", via_proxy("cannot connect to")),
            ),
            ErrorKind::HostUnreachable
            | ErrorKind::NetworkUnreachable
            | ErrorKind::AddrNotAvailable => NetError::new(
                NetKind::ConnectFailed,
                format!("{}: {io}", via_proxy("cannot connect to")),
            ),
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

fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// Exponential backoff from about half a second, with jitter so that many
/// clients retrying at once do not hit the server in step.
fn backoff(attempt: u32) -> Duration {
    let base = FIRST_BACKOFF
        .saturating_mul(1 << attempt.saturating_sub(1).min(6))
        .min(MAX_BACKOFF);
    let jitter = RandomState::new().hash_one(Instant::now()) % 1000; // 0..1000 per mille
    base.mul_f64(0.75 + jitter as f64 / 2000.0)
}

/// `Retry-After` in seconds or as an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_from_half_a_second() {
        for attempt in 1..=8 {
            let wait = backoff(attempt);
            let base = FIRST_BACKOFF
                .saturating_mul(1 << (attempt - 1).min(6))
                .min(MAX_BACKOFF);
            assert!(
                wait >= base.mul_f64(0.75) && wait <= base.mul_f64(1.25),
                "{attempt}: {wait:?}"
            );
        }
        assert!(backoff(1) <= Duration::from_millis(625));
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        let future = SystemTime::now() + Duration::from_secs(3600);
        let parsed = parse_retry_after(&httpdate::fmt_http_date(future)).unwrap();
        assert!(parsed > Duration::from_secs(3590) && parsed <= Duration::from_secs(3600));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }
}
