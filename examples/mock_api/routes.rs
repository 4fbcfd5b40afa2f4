//! Which endpoint a request is for, who may call it, and the auth endpoints
//! themselves.

use serde::Deserialize;
use serde_json::json;
use std::io::Read;

use crate::faults::{Switches, Verdict};
use crate::http::{Request, Response};
use crate::state::{State, lock};
use crate::webhooks::Kind;
use crate::{DEMO_PASSWORD, DEMO_USERNAME, messages, optouts, send, time, webhooks};

enum Route<'a> {
    GetKey,
    CreateKey,
    TestKey,
    SendSingle,
    SendBatch,
    Messages,
    Message(&'a str),
    Optouts,
    LegacyOptout,
    Webhook(Kind),
    Stats,
    SetFaults,
    Batches,
}

impl Route<'_> {
    fn of(path: &str) -> Option<Route<'_>> {
        Some(match path {
            "/auth/getkey" => Route::GetKey,
            "/auth/createkey" => Route::CreateKey,
            "/auth/test" => Route::TestKey,
            "/send/single" => Route::SendSingle,
            "/send/batch" => Route::SendBatch,
            "/message" => Route::Messages,
            "/addressbook/optout" => Route::Optouts,
            "/optout" => Route::LegacyOptout,
            "/_mock/stats" => Route::Stats,
            "/_mock/faults" => Route::SetFaults,
            "/_mock/batches" => Route::Batches,
            _ => match path.strip_prefix("/message/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Route::Message(id),
                _ => Route::Webhook(Kind::from_path(path)?),
            },
        })
    }

    fn methods(&self) -> &'static [&'static str] {
        match self {
            Route::GetKey | Route::CreateKey | Route::SendSingle | Route::SendBatch => &["POST"],
            Route::Webhook(_) | Route::SetFaults => &["POST"],
            Route::TestKey | Route::Messages | Route::Message(_) => &["GET"],
            Route::Stats | Route::Batches => &["GET"],
            Route::Optouts => &["GET", "POST", "DELETE"],
            Route::LegacyOptout => &["DELETE"],
        }
    }

    /// Whether the call needs the current key as a Bearer token.
    fn needs_key(&self) -> bool {
        !matches!(
            self,
            Route::GetKey | Route::CreateKey | Route::Stats | Route::SetFaults | Route::Batches
        )
    }
}

/// Whether `path` is a send endpoint, the one the fault switches and the
/// `firstSendAt`/`lastAnswerAt` times are about.
pub fn is_send(path: &str) -> bool {
    matches!(Route::of(path), Some(Route::SendSingle | Route::SendBatch))
}

/// Whether `path` is one of the mock's own `/_mock/` endpoints, which
/// `--latency` spares.
pub fn is_mock_own(path: &str) -> bool {
    matches!(
        Route::of(path),
        Some(Route::Stats | Route::SetFaults | Route::Batches)
    )
}

pub fn handle(state: &State, request: &Request) -> Response {
    state.stats.bump(&state.stats.requests, 1);
    let Some(route) = Route::of(&request.path) else {
        return Response::error(404, "Not Found");
    };
    if !route.methods().contains(&request.method.as_str()) {
        return Response::error(405, "Method Not Allowed");
    }
    if route.needs_key() && !state.authorized(request.authorization.as_deref()) {
        return Response::error(401, "Unauthorized");
    }
    match route {
        Route::GetKey => credentials(state, &request.body, false),
        Route::CreateKey => credentials(state, &request.body, true),
        Route::TestKey => Response::value(200, &json!({"message": "API Key is valid"})),
        Route::SendSingle => send_with_faults(state, &request.body, false),
        Route::SendBatch => send_with_faults(state, &request.body, true),
        Route::Messages => messages::search(state, &request.query),
        Route::Message(id) => messages::one(state, id),
        Route::Optouts => match request.method.as_str() {
            "GET" => optouts::list(state, &request.query),
            "POST" => optouts::add(state, &request.body),
            // API.md's decision is to try this path first and fall back to
            // `/optout` on a 404: always answer 404 so the fallback runs.
            _ => Response::error(404, "Not Found"),
        },
        Route::LegacyOptout => optouts::remove(state, &request.body),
        Route::Webhook(kind) => webhooks::register(state, kind, &request.body),
        Route::Stats => {
            let stored = lock(&state.store).len();
            let optouts = lock(&state.optouts).len();
            Response::value(200, &state.stats.to_json(stored, optouts))
        }
        Route::SetFaults => set_faults(state, &request.body),
        Route::Batches => match &state.batches {
            Some(batches) => Response::value(200, &serde_json::Value::Array(lock(batches).clone())),
            None => Response::error(404, "Not Found: start the mock with --keep-batches"),
        },
    }
}

/// `POST /_mock/faults`: every switch replaced by the body's (absent: off).
fn set_faults(state: &State, body: &[u8]) -> Response {
    let switches: Switches = match serde_json::from_slice(body) {
        Ok(switches) => switches,
        Err(error) => return Response::error(400, &format!("Invalid switches: {error}")),
    };
    if let Err(message) = switches.check() {
        return Response::error(400, &format!("Invalid switches: {message}"));
    }
    state.latency.set_ms(switches.latency_ms.unwrap_or(0));
    state.faults.set(switches);
    Response::value(200, &json!({"message": "Faults updated"}))
}

/// The recipients a send request names: `recipient`, or each of
/// `recipients[].recipient`; none when the body is not JSON.
fn recipients_of(body: &serde_json::Value) -> Vec<&str> {
    let single = body["recipient"].as_str();
    let batch = body["recipients"].as_array().into_iter().flatten();
    single
        .into_iter()
        .chain(batch.filter_map(|r| r["recipient"].as_str()))
        .collect()
}

/// A send request through the fault switches: a fixed status, the rate
/// limit, injected 500, a refused recipient, then the endpoint, then perhaps
/// no answer at all.
fn send_with_faults(state: &State, body: &[u8], batch: bool) -> Response {
    let stats = &state.stats;
    let now = time::now_ms();
    stats.bump(&stats.send_requests, 1);
    stats.send_arrived(now);
    // Parsed here only when a switch needs it: the endpoint parses it again.
    let parsed: serde_json::Value =
        match state.batches.is_some() || state.faults.rejects_a_recipient() {
            true => serde_json::from_slice(body).unwrap_or_default(),
            false => serde_json::Value::Null,
        };
    match state.faults.judge(now, &recipients_of(&parsed)) {
        Verdict::Status(status) => {
            stats.bump(&stats.rejected, 1);
            Response::error(status, "Refused by the mock (--status)")
        }
        Verdict::RateLimited => {
            stats.bump(&stats.rate_limited, 1);
            let mut response = Response::error(429, "Too Many Requests");
            response.retry_after = Some(1);
            response
        }
        Verdict::Fail => {
            stats.bump(&stats.failed, 1);
            Response::error(500, "Internal Server Error")
        }
        Verdict::Reject(recipient) => {
            stats.bump(&stats.rejected, 1);
            Response::error(400, &format!("Invalid recipient: {recipient}"))
        }
        Verdict::Proceed { withhold } => {
            let mut response = match batch {
                true => send::batch(state, body, now),
                false => send::single(state, body, now),
            };
            if response.status == 200 {
                stats.bump(
                    if batch {
                        &stats.batches
                    } else {
                        &stats.singles
                    },
                    1,
                );
                if batch && let Some(batches) = &state.batches {
                    lock(batches).push(parsed);
                }
                if withhold {
                    stats.bump(&stats.dropped, 1);
                    response.withhold = true;
                }
            } else {
                stats.bump(&stats.rejected, 1);
            }
            response
        }
    }
}

#[derive(Deserialize)]
struct Credentials {
    username: String,
    password: String,
}

/// `/auth/getkey`, or `/auth/createkey` when `create`: the demo account's
/// key, replaced first when asked.
fn credentials(state: &State, body: &[u8], create: bool) -> Response {
    let Ok(credentials) = serde_json::from_slice::<Credentials>(body) else {
        return Response::error(400, "Bad Request: username and password are required");
    };
    if credentials.username != DEMO_USERNAME || credentials.password != DEMO_PASSWORD {
        return Response::error(401, "Invalid Credentials");
    }
    let mut key = lock(&state.key);
    if create {
        *key = new_key();
    }
    Response::value(200, &json!({"apiKey": *key}))
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
