//! One HTTP exchange with the API, made safe for real networks: no redirects,
//! capped bodies, a timeout per attempt, retries (`net::retry`) only where a
//! retry cannot do harm, and errors classified (`net::error`) into exit codes.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::endpoint::Endpoint;
use crate::net::error::{Delivery, NetError, NetKind, Peer, size_text};
use crate::net::proxy::{self, ProxyChoice};
pub use crate::net::retry::RetryPolicy;
use crate::net::retry::{GiveUp, MAX_RETRY_AFTER, Next, Retry, parse_retry_after};
use crate::net::tls;
use crate::report::Verbose;
use crate::sanitize::display_url;
use crate::secret::Secret;
use std::time::{Duration, Instant};
use ureq::Agent;
use zeroize::Zeroizing;

/// Response bodies larger than this are refused: the cap for the auth
/// endpoints, whose answers are tiny. Other calls set their own `max_body`.
pub const MAX_BODY_BYTES: u64 = 64 * 1024;

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
        let url = self.endpoint.url(call.path);
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
        let mut retry = Retry::attempts(self.retries);
        let first = Instant::now();
        loop {
            let attempt = retry.attempt();
            let most = retry.most().unwrap_or(attempt);
            let started = Instant::now();
            let outcome = self.attempt(call, &url);
            let elapsed = started.elapsed().as_millis();
            let wait = match outcome {
                Ok(mut reply) => {
                    self.verbose.say(|| {
                        format!(
                            "attempt {attempt}/{most}: HTTP {} ({elapsed} ms)",
                            reply.status
                        )
                    });
                    reply.attempts = attempt;
                    if !call.policy.retries_status(reply.status) {
                        return Ok(reply);
                    }
                    match retry.next(reply.retry_after(), first.elapsed()) {
                        Next::Wait(wait) => wait,
                        Next::GiveUp(GiveUp::AskedTooLong(asked)) => {
                            return Err(asked_too_long(&reply, asked));
                        }
                        Next::GiveUp(GiveUp::Exhausted) => return Ok(reply),
                    }
                }
                Err(error) => {
                    self.verbose.say(|| {
                        format!("attempt {attempt}/{most}: {} ({elapsed} ms)", error.detail)
                    });
                    let next = match error.retryable(call.policy) {
                        true => retry.next(None, first.elapsed()),
                        false => Next::GiveUp(GiveUp::Exhausted),
                    };
                    match next {
                        Next::Wait(wait) => wait,
                        Next::GiveUp(_) => {
                            let delivery = error.delivery();
                            return Err(SendError {
                                failure: error.into_failure(attempt, self.timeout),
                                delivery,
                            });
                        }
                    }
                }
            };
            self.verbose.say(|| {
                format!(
                    "waiting {} ms before attempt {}",
                    wait.as_millis(),
                    attempt + 1
                )
            });
            // Not cut short by a signal: a wait inside one exchange is at
            // most `MAX_RETRY_AFTER`, and the caller that catches signals
            // (bulk, watch, listen) judges the exchange's outcome as it came.
            std::thread::sleep(wait);
        }
    }

    fn peer(&self) -> Peer<'_> {
        Peer {
            host: self.endpoint.host(),
            proxy: self.proxy.as_ref(),
            endpoint: &self.endpoint,
        }
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
            .map_err(|e| self.peer().classify(e, call.max_body))?;
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
        .map_err(|e| self.peer().body(e, call.max_body).after_status(status))?;
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
}

/// A 429 or 5xx whose `Retry-After` is longer than mobivate waits: a refusal.
fn asked_too_long(reply: &Reply, asked: Duration) -> SendError {
    SendError {
        failure: Failure::new(
            ExitCode::TempFail,
            format!(
                "the server answered HTTP {} and asked to retry after {} s, longer than the {} s mobivate waits",
                reply.status,
                asked.as_secs(),
                MAX_RETRY_AFTER.as_secs()
            ),
        )
        .with_hint("try again later"),
        delivery: Delivery::Answered(reply.status),
    }
}
