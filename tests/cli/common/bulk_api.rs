//! A small in-process Mobivate API for `bulk` tests: `/send/batch` with
//! keep-alive, a message store served by `GET /message` (bare arrays,
//! 1-based pages), and fault switches: 5xx, accepting then dropping the
//! connection, 429 with Retry-After past a rate, a fixed status, a delay.

use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone, Default)]
pub struct Faults {
    /// Probability of a 503 (nothing stored).
    pub fail_rate: f64,
    /// Probability of storing the batch, then closing without an answer.
    pub drop_after_read: f64,
    /// Requests per second before 429s (with `Retry-After: 1`).
    pub rate_limit: Option<u32>,
    /// Every `/send/batch` answers this status with an error body.
    pub status: Option<u16>,
    /// A batch with this recipient is refused with a 400.
    pub reject_recipient: Option<String>,
    /// Wait this long after storing, before answering.
    pub delay: Duration,
}

#[derive(Clone, Debug)]
pub struct Stored {
    pub reference: String,
    pub recipient: String,
    pub text: String,
    pub originator: String,
}

#[derive(Default)]
pub struct State {
    pub messages: Vec<Stored>,
    pub batches: Vec<Value>,
    pub rate_limited: u64,
    window: Option<(Instant, u32)>,
    seed: u64,
}

pub struct BulkApi {
    pub port: u16,
    pub state: Arc<Mutex<State>>,
    pub faults: Arc<Mutex<Faults>>,
}

impl BulkApi {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn messages(&self) -> Vec<Stored> {
        self.state.lock().unwrap().messages.clone()
    }

    pub fn batches(&self) -> Vec<Value> {
        self.state.lock().unwrap().batches.clone()
    }

    /// How many times each reference was accepted.
    pub fn reference_counts(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for m in self.messages() {
            *counts.entry(m.reference).or_insert(0) += 1;
        }
        counts
    }

    pub fn set_faults(&self, faults: Faults) {
        *self.faults.lock().unwrap() = faults;
    }
}

pub fn start(key: &str, faults: Faults) -> BulkApi {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let state = Arc::new(Mutex::new(State {
        seed: 0x2545_f491_4f6c_dd1d,
        ..State::default()
    }));
    let faults = Arc::new(Mutex::new(faults));
    let key = key.to_string();
    let (s, f) = (state.clone(), faults.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (s, f, key) = (s.clone(), f.clone(), key.clone());
            std::thread::spawn(move || serve(stream, &s, &f, &key));
        }
    });
    BulkApi {
        port,
        state,
        faults,
    }
}

fn random(state: &mut State) -> f64 {
    state.seed ^= state.seed << 13;
    state.seed ^= state.seed >> 7;
    state.seed ^= state.seed << 17;
    (state.seed >> 11) as f64 / (1u64 << 53) as f64
}

fn respond(stream: &mut TcpStream, status: u16, extra: &str, body: &str) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra}\r\n{body}",
        body.len()
    )?;
    stream.flush()
}

fn serve(stream: TcpStream, state: &Mutex<State>, faults: &Mutex<Faults>, key: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("").to_string();
        let mut length = 0usize;
        let mut auth = String::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            let (name, value) = header.split_once(':').unwrap_or((header, ""));
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse().unwrap_or(0),
                "authorization" => auth = value.trim().to_string(),
                _ => {}
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        if auth != format!("Bearer {key}") {
            let _ = respond(
                &mut stream,
                401,
                "",
                r#"{"code":401,"message":"Unauthorized"}"#,
            );
            continue;
        }
        let faults = faults.lock().unwrap().clone();
        let ok = if method == "POST" && target == "/send/batch" {
            send_batch(&mut stream, state, &faults, &body)
        } else if method == "GET" && target.starts_with("/message?") {
            list(&mut stream, state, &target)
        } else {
            respond(
                &mut stream,
                404,
                "",
                r#"{"code":404,"message":"Not Found"}"#,
            )
            .is_ok()
        };
        if !ok {
            let _ = stream.shutdown(Shutdown::Both);
            return;
        }
    }
}

fn send_batch(stream: &mut TcpStream, state: &Mutex<State>, faults: &Faults, body: &[u8]) -> bool {
    if let Some(status) = faults.status {
        let body = format!(r#"{{"code":{status},"message":"refused by the test"}}"#);
        return respond(stream, status, "", &body).is_ok();
    }
    let (limited, fail, drop) = {
        let mut s = state.lock().unwrap();
        let limited = match faults.rate_limit {
            Some(limit) => {
                let now = Instant::now();
                let window = match s.window {
                    Some((start, count)) if now - start < Duration::from_secs(1) => {
                        (start, count + 1)
                    }
                    _ => (now, 1),
                };
                s.window = Some(window);
                window.1 > limit
            }
            None => false,
        };
        if limited {
            s.rate_limited += 1;
        }
        let fail = random(&mut s) < faults.fail_rate;
        let drop = random(&mut s) < faults.drop_after_read;
        (limited, fail, drop)
    };
    if limited {
        return respond(
            stream,
            429,
            "Retry-After: 1\r\n",
            r#"{"code":429,"message":"Too Many Requests"}"#,
        )
        .is_ok();
    }
    if fail {
        return respond(
            stream,
            503,
            "",
            r#"{"code":503,"message":"Service Unavailable"}"#,
        )
        .is_ok();
    }
    let batch: Value = match serde_json::from_slice(body) {
        Ok(batch) => batch,
        Err(_) => return respond(stream, 400, "", r#"{"code":400,"message":"bad JSON"}"#).is_ok(),
    };
    let recipients = batch["recipients"].as_array().cloned().unwrap_or_default();
    if let Some(bad) = &faults.reject_recipient
        && recipients.iter().any(|r| r["recipient"] == bad.as_str())
    {
        let body = format!(r#"{{"code":400,"message":"Invalid recipient {bad}"}}"#);
        return respond(stream, 400, "", &body).is_ok();
    }
    let campaign = {
        let mut s = state.lock().unwrap();
        let campaign = format!("{:032x}", s.batches.len() + 1);
        for r in &recipients {
            s.messages.push(Stored {
                reference: r["reference"].as_str().unwrap_or("").to_string(),
                recipient: r["recipient"].as_str().unwrap_or("").to_string(),
                text: r["text"].as_str().unwrap_or("").to_string(),
                originator: r["originator"].as_str().unwrap_or("").to_string(),
            });
        }
        s.batches.push(batch.clone());
        campaign
    };
    std::thread::sleep(faults.delay);
    if drop {
        return false;
    }
    let answer =
        json!({"id": campaign, "name": batch["name"], "recipients": recipients}).to_string();
    respond(stream, 200, "", &answer).is_ok()
}

fn list(stream: &mut TcpStream, state: &Mutex<State>, target: &str) -> bool {
    let query: HashMap<&str, &str> = target
        .split_once('?')
        .map(|(_, q)| q.split('&').filter_map(|kv| kv.split_once('=')).collect())
        .unwrap_or_default();
    let ok = |name: &str| query.get(name).is_some_and(|v| v.contains("%2B0000"));
    if !ok("startDate") || !ok("endDate") {
        return respond(stream, 400, "", r#"{"code":400,"message":"bad dates"}"#).is_ok();
    }
    let page: usize = query.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    let size: usize = query
        .get("pageSize")
        .and_then(|p| p.parse().ok())
        .unwrap_or(10);
    let records: Vec<Value> = {
        let s = state.lock().unwrap();
        s.messages
            .iter()
            .skip((page - 1) * size)
            .take(size)
            .map(|m| {
                json!({"id": "0", "recipient": m.recipient, "body": m.text, "senderReference": m.reference, "status": "DELIVERED"})
            })
            .collect()
    };
    respond(stream, 200, "", &Value::Array(records).to_string()).is_ok()
}
