//! A fake Mobivate API on 127.0.0.1, to try `mobivate` without an account, to
//! test it, and to benchmark it. It follows `../shared/API.md` (shapes, field
//! names, status codes) for one demo account, keeps every accepted message in
//! memory, and can inject faults.
//!
//! ```text
//! cargo run --example mock_api -- --port 8080
//! cargo run --example mock_api -- --port 0 --quiet        # a free port
//! cargo run --example mock_api -- --port 8443 --tls-cert server.pem --tls-key server.key
//! ```
//!
//! The first line on stdout is `listening on http://127.0.0.1:PORT` (https with
//! TLS), flushed as soon as the port is bound and the log seeded
//! (`--seed-log`); scripts wait for it.
//!
//! # Demo account
//! Username `demo@example.com`, password `demo-password`, first key
//! `abcd1234-9922-abcd-1234-abcd1234abcd`. `/auth/createkey` replaces the key,
//! and every Bearer endpoint accepts only the current one (else 401
//! `{"code":401,"message":"Unauthorized"}`).
//!
//! # Endpoints
//! | call | answer |
//! |---|---|
//! | `POST /auth/getkey` `{"username","password"}` | 200 `{"apiKey"}`, 401 `Invalid Credentials` |
//! | `POST /auth/createkey` (same body) | 200 `{"apiKey"}` with a new key; the old one is revoked |
//! | `GET /auth/test` (Bearer) | 200 `{"message":"API Key is valid"}`, 401 |
//! | `POST /send/single` (Bearer) | 200 the message record; 400 invalid field; 403 opted out |
//! | `POST /send/batch` (Bearer) | 200 `{"id","name","routeId","recipients"}`; 400 invalid field |
//! | `GET /message?startDate&endDate&page&pageSize&direction` (Bearer) | 200 bare array of records |
//! | `GET /message/{id}` (Bearer) | 200 one record, 404 |
//! | `GET /addressbook/optout?startDate&endDate&page&pageSize` (Bearer) | 200 bare array, dates optional |
//! | `POST /addressbook/optout` `{"mobile"}` (Bearer) | 200 `{"mobile","note":"API","created"}`, 400 |
//! | `DELETE /addressbook/optout` (Bearer) | always 404, so that a client's fallback runs |
//! | `DELETE /optout` `{"mobile"}` (Bearer) | 200 `{"mobile","note","created"}`, 404 when not opted out |
//! | `POST /webhooks/receipt`, `/webhooks/incoming`, `/webhooks/click` `{"url"}` (Bearer) | 200 `{"message":"Webhook updated successfully"}`, 400 |
//! | `GET /_mock/stats` (mock only, no key) | 200 counters, see below |
//! | `POST /_mock/faults` (mock only, no key) | 200; the fault switches replaced, see below |
//! | `GET /_mock/batches` (mock only, no key) | 200 the accepted batch bodies, with `--keep-batches` |
//!
//! Body limits: 16 KiB for `/auth/*`, 8 MiB for `/send/batch`, 1 MiB for the
//! rest (413 beyond). Query strings are percent-decoded and a literal `+` is a
//! space, so a date sent with `+0000` instead of `%2B0000` is a 400, as on the
//! real API. Connections are HTTP/1.1 keep-alive.
//!
//! # Messages and their status
//! Every accepted message is kept in memory, in creation order. Its `status`
//! is `ACCEPTED` until it becomes final, computed on read; `modified` is
//! `created` until then, and the time it became final after. Without
//! `--delivery-mix`, it becomes final 2 s after acceptance (or after its
//! `scheduleDateTime`), and is:
//! - `DELIVERED` (1) normally;
//! - `UNDELIVERABLE` (5) when the recipient ends in `000`;
//! - `FAILED_RECIPIENT_BLACKLISTED` (19) for an opted-out recipient sent in a
//!   batch with `excludeOptouts: false`.
//!
//! ## `--delivery-mix`
//! A realistic, repeatable mix decided by the recipient alone. The two rules
//! above come first (opted out: 19; ending in `000`: 5); otherwise the
//! recipient's last two digits decide, 90% delivered:
//!
//! | last two digits | final status (code) |
//! |---|---|
//! | 00–89 | `DELIVERED` (1) |
//! | 90–92 | `UNDELIVERABLE` (5) |
//! | 93–94 | `EXPIRED` (3) |
//! | 95 | `REJECTED` (7) |
//! | 96 | `FAILED_NACK` (11) |
//! | 97 | `FAILED_NOROUTE` (12) |
//! | 98 | `FAILED_EXHAUSTED` (24) |
//! | 99 | `FAILED_UNKNOWN` (29) |
//!
//! and the status becomes final `1000 + (R / 100 mod 51) × 100` ms after
//! acceptance (or after its `scheduleDateTime`), R being the recipient as a
//! number: from 1.0 to 6.0 s, the same for the 100 numbers that differ only
//! in their last two digits. `447700900123` (R / 100 mod 51 = 11), for
//! example, ends `DELIVERED` 2.1 s after it was accepted. Receipts to a
//! registered webhook follow the same times.
//!
//! `parts` follows the GSM-7 / UCS-2 rule of API.md, `cost` is 0.01 GBP a part.
//! `GET /message` dates are inclusive, to the second; `direction=MO` is always
//! empty (the mock receives no replies).
//!
//! # Opt-outs
//! `447700900999` is opted out from the start (note `MO`): `/send/single` to it
//! answers 403 `Recipient is opted out: 447700900999`, and a batch with
//! `excludeOptouts` (the default) skips it silently. Numbers added with
//! `POST /addressbook/optout` behave the same until removed.
//!
//! # Webhooks
//! Registration stores one URL per kind. While a receipt URL is registered,
//! each accepted message gets one delivery receipt POSTed there when its
//! status becomes final, from a background thread (best effort: a bounded
//! queue, dropped when full, 5 s timeout, no retries).
//!
//! # Fault switches (send requests only: `/send/single` and `/send/batch`)
//! - `--rate-limit N/s`: beyond N send requests in a clock second, 429 with
//!   `Retry-After: 1`, nothing stored.
//! - `--fail-rate P`: a fraction P (0 to 1) of send requests get 500, nothing
//!   stored.
//! - `--drop-after-read P`: a fraction P of send requests are accepted and
//!   stored, then the connection is closed without a response.
//! - `--status CODE`: every send request is answered CODE with an error
//!   body `{"code":CODE,"message":"Refused by the mock (--status)"}`,
//!   nothing stored (before every other switch).
//! - `--reject-recipient NUMBER`: a send request naming NUMBER is answered
//!   400 `Invalid recipient: NUMBER`, nothing stored (after the rolls).
//! - `--seed N`: repeatable fault rolls (and `--latency` jitter).
//!
//! `POST /_mock/faults` (no key) replaces every switch at run time, and the
//! latency: `{"status","rateLimit","failRate","dropAfterRead",
//! "rejectRecipient","latencyMs"}`, each optional, an absent one off
//! (`{}` turns every fault off); 400 for a value out of range.
//!
//! # `GET /_mock/batches` (mock only, with `--keep-batches`)
//! Every `/send/batch` body answered 200 (dropped answers included), as
//! sent, in order: a JSON array. 404 without `--keep-batches`, so that a
//! benchmark's mock keeps no copies.
//! - `--quiet`: no per-request line on stderr.
//!
//! # `--latency MS[,JITTER]` (every endpoint but the mock's own `/_mock/…`)
//! The mock's only delay switch: each answer leaves MS milliseconds after its
//! request arrived in full, or MS ± a uniform roll of up to JITTER with
//! `--latency 100,20` (repeatable with `--seed`). The request is handled
//! (stored, counted, judged by the fault switches) when it arrives, before
//! the delay; the connection's thread then sleeps, spending no CPU. Each
//! connection has its own thread, so requests on different connections wait
//! at the same time, as with a distant server: 16 connections of 100 ms
//! requests get about 160 answers a second. `/_mock/stats` answers at once,
//! so it can watch requests in flight.
//!
//! # `--seed-log N` (for benchmarks of the listings)
//! The log starts with N messages (at most 10,000,000), as one bulk run
//! would have left them: message `i` (from 0) goes to `4477` and `i` in 8
//! digits (`447700000042`), from `Shop` on `mglobal`, with the text
//! `Hi N{i}`, the reference `seed-{i}`, one campaign id and 1 part. They
//! were created one a millisecond, in order, the last one 10 s before the
//! mock started, so that every status is already final, by the rules above
//! (with `--delivery-mix` or not), and within `logs list`'s default 24 h.
//! They count in `stored`, not in `accepted`. Seeding a million takes
//! about 0.3 s (1 s in a debug build), before the first line.
//!
//! # `GET /_mock/stats` (mock only)
//! `{"requests","connections","sendRequests","singles","batches","accepted",
//! "rejected","rateLimited","failed","dropped","optedOutSkipped",
//! "duplicatesSkipped","stored","optouts","receiptsQueued","receiptsSent",
//! "receiptsFailed","receiptsDropped"}`: `requests` counts every HTTP request,
//! `accepted` every message stored, `singles`/`batches` the send requests
//! answered 200 (including dropped ones), `dropped` the responses withheld by
//! `--drop-after-read`, `rejected` the send requests answered 400 or 403.
//!
//! It also has `"firstSendAt"`, the arrival of the first send request, and
//! `"lastAnswerAt"`, the moment the last answer to a send request was written
//! (or withheld), both in ms since the Unix epoch, `null` before any send
//! request. Any send request counts, 429s and 500s included. A benchmark's
//! wall time, from the first request to the last answer, is
//! `lastAnswerAt - firstSendAt`, read once the client has exited.

mod faults;
mod http;
mod latency;
mod messages;
mod optouts;
mod routes;
mod send;
mod sms;
mod state;
mod store;
mod time;
mod webhooks;

use anyhow::Context;
use clap::Parser;
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use state::State;

const DEMO_USERNAME: &str = "demo@example.com";
const DEMO_PASSWORD: &str = "demo-password";
const FIRST_KEY: &str = "abcd1234-9922-abcd-1234-abcd1234abcd";
/// Opted out from the start, so the 403 and skip paths can be tried offline.
const OPTED_OUT: &str = "447700900999";

/// A fake Mobivate API on 127.0.0.1 (see the source's top comment).
#[derive(Parser)]
#[command(
    name = "mock_api",
    after_help = "Demo account: demo@example.com / demo-password. Opted out: 447700900999. \
                  Recipients ending in 000 end UNDELIVERABLE. Mock-only counters: GET /_mock/stats."
)]
struct Options {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, value_name = "PORT", default_value_t = 8080)]
    port: u16,
    /// Serve https with this PEM certificate chain.
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The PEM private key for --tls-cert.
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Answer this fraction (0 to 1) of send requests with 500, storing nothing.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = fraction)]
    fail_rate: f64,
    /// Store this fraction (0 to 1) of send requests, then close the connection without answering.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = fraction)]
    drop_after_read: f64,
    /// Answer every send request with this HTTP status and an error body, storing nothing.
    #[arg(long, value_name = "CODE", value_parser = clap::value_parser!(u16).range(100..=599))]
    status: Option<u16>,
    /// Refuse, with a 400 naming it, every send request to this recipient.
    #[arg(long, value_name = "NUMBER")]
    reject_recipient: Option<String>,
    /// Keep every accepted /send/batch body, for GET /_mock/batches.
    #[arg(long)]
    keep_batches: bool,
    /// Answer send requests beyond N per second with 429 and Retry-After: 1.
    #[arg(long, value_name = "N/s", value_parser = per_second)]
    rate_limit: Option<u32>,
    /// Answer every request (but /_mock/stats) MS ms after it arrived, ± up to JITTER ms.
    #[arg(long, value_name = "MS[,JITTER]", value_parser = latency::parse)]
    latency: Option<latency::Spec>,
    /// Final statuses by the recipient's last two digits, final after 1 to 6 s (see the source).
    #[arg(long)]
    delivery_mix: bool,
    /// Start with N messages in the log, as a bulk run leaves them (see the source).
    #[arg(long, value_name = "N", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(..=store::MAX_SEEDED))]
    seed_log: u64,
    /// Seed for the fault rolls and the latency jitter, for repeatable runs.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Do not log each request on stderr.
    #[arg(long)]
    quiet: bool,
}

fn fraction(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err("a fraction from 0 to 1, such as 0.05".to_string()),
    }
}

fn per_second(text: &str) -> Result<u32, String> {
    match text.strip_suffix("/s").unwrap_or(text).parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("requests per second, such as 50/s".to_string()),
    }
}

fn main() -> anyhow::Result<()> {
    let options = Options::parse();
    let tls = match (&options.tls_cert, &options.tls_key) {
        (Some(cert), Some(key)) => Some(tls_config(cert, key)?),
        _ => None,
    };
    let listener = TcpListener::bind(("127.0.0.1", options.port))
        .with_context(|| format!("cannot listen on 127.0.0.1:{}", options.port))?;
    let port = listener.local_addr()?.port();
    let scheme = if tls.is_some() { "https" } else { "http" };
    // Seeded before the first line, so that a script that reads it finds the whole log.
    let state = State::start(&options);
    // Whoever started us may stop reading after the first line: never panic on that.
    let mut stdout = std::io::stdout().lock();
    let finals = if options.delivery_mix {
        "final after 1 to 6 s, by the recipient's digits (--delivery-mix)"
    } else {
        "final after about 2 s"
    };
    let _ = write!(
        stdout,
        "listening on {scheme}://127.0.0.1:{port}\n\
         demo account: username {DEMO_USERNAME}, password {DEMO_PASSWORD}\n\
         opted out: {OPTED_OUT}; recipients ending in 000 end UNDELIVERABLE; \
         status ACCEPTED, then {finals}; counters: GET /_mock/stats\n"
    );
    let _ = stdout.flush();
    drop(stdout);

    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let state = state.clone();
        let tls = tls.clone();
        std::thread::spawn(move || {
            // A client that keeps a connection idle this long is gone.
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(300)));
            let _ = stream.set_nodelay(true);
            match tls {
                Some(config) => {
                    let Ok(conn) = rustls::ServerConnection::new(config) else {
                        return;
                    };
                    http::serve(rustls::StreamOwned::new(conn, stream), &state);
                }
                None => http::serve(stream, &state),
            }
        });
    }
    Ok(())
}

fn tls_config(cert_path: &Path, key_path: &Path) -> anyhow::Result<Arc<rustls::ServerConfig>> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer> = CertificateDer::pem_file_iter(cert_path)
        .and_then(|iter| iter.collect())
        .with_context(|| format!("cannot read certificates from {}", cert_path.display()))?;
    let key = PrivateKeyDer::from_pem_file(key_path)
        .with_context(|| format!("cannot read a key from {}", key_path.display()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|builder| builder.with_no_client_auth().with_single_cert(certs, key))
        .context("the TLS certificate and key do not make a server configuration")?;
    Ok(Arc::new(config))
}
