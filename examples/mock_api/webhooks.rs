//! Webhook registration, and the delivery receipts posted to the receipt URL
//! by one background thread. Best effort: the send path only ever tries to
//! queue, and a full queue drops the receipt (counted in the stats).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::http::Response;
use crate::state::{State, lock};
use crate::store::Shown;
use crate::time::{self, ReceiptTime};

const QUEUE: usize = 10_000;
/// Receipts waiting for their message's status to become final.
const WAITING: usize = 200_000;

#[derive(Clone, Copy)]
pub enum Kind {
    Receipt,
    Incoming,
    Click,
}

impl Kind {
    pub fn from_path(path: &str) -> Option<Kind> {
        match path {
            "/webhooks/receipt" => Some(Kind::Receipt),
            "/webhooks/incoming" => Some(Kind::Incoming),
            "/webhooks/click" => Some(Kind::Click),
            _ => None,
        }
    }
}

pub struct Webhooks {
    /// One URL per kind, replaced on each registration.
    urls: Mutex<[Option<String>; 3]>,
    receipts: SyncSender<Due>,
}

/// A receipt to post once its message's status is final: (due ms, position).
type Due = (i64, usize);

pub struct ReceiptSender(Receiver<Due>);

#[derive(Deserialize)]
struct UrlBody<'a> {
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Receipt<'a> {
    delivery_message_id: &'a crate::store::Hex,
    batch_id: Option<&'a str>,
    client_reference: Option<&'a str>,
    created: Shown<ReceiptTime>,
    status: &'static str,
    status_code: u8,
    parts: u16,
    hlr: Option<()>,
}

impl Webhooks {
    pub fn new() -> (Webhooks, ReceiptSender) {
        let (sender, receiver) = mpsc::sync_channel(QUEUE);
        let webhooks = Webhooks {
            urls: Mutex::new([None, None, None]),
            receipts: sender,
        };
        (webhooks, ReceiptSender(receiver))
    }

    pub fn wants_receipts(&self) -> bool {
        lock(&self.urls)[Kind::Receipt as usize].is_some()
    }

    /// Queues receipts without ever blocking; returns how many were dropped.
    pub fn queue(&self, due: impl IntoIterator<Item = Due>) -> (u64, u64) {
        let (mut queued, mut dropped) = (0, 0);
        for item in due {
            match self.receipts.try_send(item) {
                Ok(()) => queued += 1,
                Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => dropped += 1,
            }
        }
        (queued, dropped)
    }
}

/// `POST /webhooks/{kind}`.
pub fn register(state: &State, kind: Kind, body: &[u8]) -> Response {
    let parsed: UrlBody = match serde_json::from_slice(body) {
        Ok(parsed) => parsed,
        Err(error) => return Response::error(400, &format!("Invalid JSON body: {error}")),
    };
    let Some(url) = parsed.url else {
        return Response::error(400, "Missing field: url");
    };
    if !valid_url(&url) {
        return Response::error(400, &format!("Invalid url: {url}"));
    }
    lock(&state.webhooks.urls)[kind as usize] = Some(url.into_owned());
    Response::value(
        200,
        &serde_json::json!({"message": "Webhook updated successfully"}),
    )
}

/// An absolute http(s) URL with a host. Plain http is allowed so that a
/// local receiver can be tried.
fn valid_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl ReceiptSender {
    pub fn spawn(self, state: Arc<State>) {
        std::thread::spawn(move || self.run(&state));
    }

    fn run(self, state: &State) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(5)))
            .http_status_as_error(false)
            .proxy(None)
            .build()
            .into();
        let mut waiting: BinaryHeap<Reverse<Due>> = BinaryHeap::new();
        loop {
            let now = time::now_ms();
            while let Some(&Reverse((due, position))) = waiting.peek() {
                if due > now {
                    break;
                }
                waiting.pop();
                post(state, &agent, position);
            }
            let next = match waiting.peek() {
                Some(&Reverse((due, _))) => {
                    let wait = Duration::from_millis((due - time::now_ms()).max(0) as u64);
                    match self.0.recv_timeout(wait) {
                        Ok(item) => Some(item),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                None => match self.0.recv() {
                    Ok(item) => Some(item),
                    Err(_) => return,
                },
            };
            for item in next.into_iter().chain(self.0.try_iter()) {
                if waiting.len() < WAITING {
                    waiting.push(Reverse(item));
                } else {
                    state.stats.bump(&state.stats.receipts_dropped, 1);
                }
            }
        }
    }
}

fn post(state: &State, agent: &ureq::Agent, position: usize) {
    let Some(url) = lock(&state.webhooks.urls)[Kind::Receipt as usize].clone() else {
        return;
    };
    let payload = {
        let store = lock(&state.store);
        let view = store.view(position, time::now_ms());
        serde_json::to_vec(&Receipt {
            delivery_message_id: &view.id,
            batch_id: view.campaign_id,
            client_reference: view.sender_reference,
            created: Shown(ReceiptTime(view.status_changed_ms)),
            status: view.status,
            status_code: view.status_code,
            parts: view.parts,
            hlr: None,
        })
    };
    let Ok(payload) = payload else { return };
    let sent = agent
        .post(&url)
        .header("Content-Type", "application/json")
        .send(&payload[..]);
    let counter = match sent {
        Ok(mut response) => {
            // Read the answer so that the connection can be reused.
            let _ = response
                .body_mut()
                .with_config()
                .limit(64 * 1024)
                .read_to_vec();
            if response.status().is_success() {
                &state.stats.receipts_sent
            } else {
                &state.stats.receipts_failed
            }
        }
        Err(_) => &state.stats.receipts_failed,
    };
    state.stats.bump(counter, 1);
}
