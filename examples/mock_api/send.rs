//! `POST /send/single` and `POST /send/batch`, validated the way a real API
//! would: a missing or invalid field is a 400 naming it, an opted-out
//! recipient of a single message is a 403.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashSet;

use crate::http::Response;
use crate::sms;
use crate::state::{State, lock};
use crate::store::{Fate, NewMessage};
use crate::time;

const MAX_RECIPIENTS: usize = 1000;
const MAX_REFERENCE: usize = 1000;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Single<'a> {
    #[serde(borrow)]
    originator: Option<Cow<'a, str>>,
    #[serde(borrow)]
    recipient: Option<Cow<'a, str>>,
    #[serde(borrow)]
    body: Option<Cow<'a, str>>,
    #[serde(borrow)]
    route_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    reference: Option<Cow<'a, str>>,
    #[serde(borrow)]
    campaign_id: Option<Cow<'a, str>>,
    #[allow(dead_code, reason = "accepted for the shape, has no effect here")]
    shorten_urls: Option<bool>,
}

/// The answer to `/send/single`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SingleAnswer<'a> {
    id: String,
    originator: &'a str,
    recipient: &'a str,
    body: &'a str,
    route_id: &'a str,
    reference: Option<&'a str>,
    campaign_id: Option<&'a str>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Batch<'a> {
    #[serde(borrow)]
    route_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    schedule_date_time: Option<Cow<'a, str>>,
    exclude_optouts: Option<bool>,
    exclude_duplicates: Option<bool>,
    #[allow(dead_code, reason = "accepted for the shape, has no effect here")]
    spread_hours: Option<u32>,
    #[allow(dead_code, reason = "accepted for the shape, has no effect here")]
    shorten_urls: Option<bool>,
    #[serde(borrow)]
    recipients: Option<Vec<BatchRecipient<'a>>>,
}

/// One entry of `recipients[]`, echoed back as it came.
#[derive(Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct BatchRecipient<'a> {
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    recipient: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    originator: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    reference: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    route_id: Option<Cow<'a, str>>,
}

/// The answer to `/send/batch`: the campaign, without per-message ids.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BatchAnswer<'a> {
    id: &'a str,
    name: Option<&'a str>,
    route_id: &'a str,
    recipients: &'a [BatchRecipient<'a>],
}

/// MSISDN as the API wants it: 8 to 15 digits, no `+`.
pub fn valid_msisdn(text: &str) -> bool {
    (8..=15).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// Up to 11 letters, digits and spaces, or up to 15 digits.
fn valid_originator(text: &str) -> bool {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    let letters = text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    !text.trim().is_empty() && ((digits && text.len() <= 15) || (letters && text.len() <= 11))
}

fn bad(message: String) -> Response {
    Response::error(400, &message)
}

fn required<'t>(field: &'t Option<Cow<'_, str>>, name: &str) -> Result<&'t str, String> {
    field
        .as_deref()
        .ok_or_else(|| format!("Missing field: {name}"))
}

/// The checks shared by both endpoints; `text_name` is `body` or `text`.
fn check_message(
    originator: &str,
    recipient: &str,
    text: &str,
    text_name: &str,
    route: &str,
    reference: Option<&str>,
) -> Result<(), String> {
    if !valid_originator(originator) {
        return Err(format!(
            "Invalid originator: {originator} (up to 11 letters and digits, or up to 15 digits)"
        ));
    }
    if !valid_msisdn(recipient) {
        return Err(format!(
            "Invalid recipient: {recipient} (8 to 15 digits, international form, no +)"
        ));
    }
    if text.is_empty() {
        return Err(format!("Empty {text_name}"));
    }
    if route.trim().is_empty() {
        return Err("Invalid routeId: empty".to_string());
    }
    if reference.is_some_and(|reference| reference.len() > MAX_REFERENCE) {
        return Err(format!(
            "Invalid reference: longer than {MAX_REFERENCE} characters"
        ));
    }
    Ok(())
}

pub fn single(state: &State, body: &[u8], now_ms: i64) -> Response {
    let request: Single = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(error) => return bad(format!("Invalid JSON body: {error}")),
    };
    let fields = (|| {
        let originator = required(&request.originator, "originator")?;
        let recipient = required(&request.recipient, "recipient")?;
        let text = required(&request.body, "body")?;
        let route = required(&request.route_id, "routeId")?;
        let reference = request.reference.as_deref();
        check_message(originator, recipient, text, "body", route, reference)?;
        Ok::<_, String>((originator, recipient, text, route, reference))
    })();
    let (originator, recipient, text, route, reference) = match fields {
        Ok(fields) => fields,
        Err(message) => return bad(message),
    };
    if lock(&state.optouts).contains(recipient) {
        return Response::error(403, &format!("Recipient is opted out: {recipient}"));
    }
    let campaign = request.campaign_id.as_deref();
    let message = NewMessage {
        originator,
        recipient,
        body: text,
        route,
        reference,
        campaign,
        scheduled_ms: None,
        fate: Fate::for_recipient(recipient, false, state.delivery_mix),
        parts: sms::parts(text),
    };
    let receipts = state.webhooks.wants_receipts();
    let (id, due) = {
        let mut store = lock(&state.store);
        let (position, due) = store.push(&message, now_ms);
        (store.view(position, now_ms).id.to_string(), (due, position))
    };
    state.stats.bump(&state.stats.accepted, 1);
    if receipts {
        queue_receipts(state, [due]);
    }
    Response::value(
        200,
        &SingleAnswer {
            id,
            originator,
            recipient,
            body: text,
            route_id: route,
            reference,
            campaign_id: campaign,
        },
    )
}

pub fn batch(state: &State, body: &[u8], now_ms: i64) -> Response {
    let request: Batch = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(error) => return bad(format!("Invalid JSON body: {error}")),
    };
    let route = match required(&request.route_id, "routeId") {
        Ok(route) if !route.trim().is_empty() => route,
        Ok(_) => return bad("Invalid routeId: empty".to_string()),
        Err(message) => return bad(message),
    };
    let scheduled_ms = match request.schedule_date_time.as_deref() {
        None => None,
        Some(text) => match time::parse_timestamp(text) {
            Some(seconds) if seconds * 1000 > now_ms => Some(seconds * 1000),
            Some(_) => {
                return bad(format!(
                    "Invalid scheduleDateTime: {text} is not in the future"
                ));
            }
            None => {
                return bad(format!(
                    "Invalid scheduleDateTime: {text} (YYYY-MM-DDTHH:MM:SS+HHMM)"
                ));
            }
        },
    };
    let Some(recipients) = &request.recipients else {
        return bad("Missing field: recipients".to_string());
    };
    if recipients.is_empty() {
        return bad("No recipients".to_string());
    }
    if recipients.len() > MAX_RECIPIENTS {
        return bad(format!(
            "Too many recipients: {} (at most {MAX_RECIPIENTS} per request)",
            recipients.len()
        ));
    }

    let mut references = HashSet::with_capacity(recipients.len());
    let mut messages = Vec::with_capacity(recipients.len());
    for (index, entry) in recipients.iter().enumerate() {
        let fields = (|| {
            let recipient = required(&entry.recipient, "recipient")?;
            let text = required(&entry.text, "text")?;
            let originator = required(&entry.originator, "originator")?;
            let route = entry.route_id.as_deref().unwrap_or(route);
            let reference = entry.reference.as_deref();
            check_message(originator, recipient, text, "text", route, reference)?;
            Ok::<_, String>((recipient, text, originator, route, reference))
        })();
        let (recipient, text, originator, route, reference) = match fields {
            Ok(fields) => fields,
            Err(message) => return bad(format!("Recipient {}: {message}", index + 1)),
        };
        if let Some(reference) = reference
            && !references.insert(reference)
        {
            return bad(format!(
                "Recipient {}: Duplicate reference: {reference}",
                index + 1
            ));
        }
        messages.push(NewMessage {
            originator,
            recipient,
            body: text,
            route,
            reference,
            campaign: None,
            scheduled_ms,
            fate: Fate::for_recipient(recipient, false, state.delivery_mix),
            parts: 0,
        });
    }

    // Opt-outs and duplicates are dropped silently, as the API does.
    let exclude_optouts = request.exclude_optouts.unwrap_or(true);
    let (mut opted_out_skipped, mut duplicates_skipped) = (0, 0);
    {
        let optouts = lock(&state.optouts);
        messages.retain_mut(|message| {
            let opted_out = optouts.contains(message.recipient);
            if opted_out && exclude_optouts {
                opted_out_skipped += 1;
                return false;
            }
            message.fate = Fate::for_recipient(message.recipient, opted_out, state.delivery_mix);
            true
        });
    }
    if request.exclude_duplicates.unwrap_or(true) {
        let mut seen = HashSet::with_capacity(messages.len());
        messages.retain(|message| {
            let first = seen.insert((message.recipient, message.body));
            duplicates_skipped += u64::from(!first);
            first
        });
    }
    for message in &mut messages {
        message.parts = sms::parts(message.body);
    }

    let receipts = state.webhooks.wants_receipts();
    let mut due = Vec::new();
    let campaign_id = {
        let mut store = lock(&state.store);
        let campaign_id = store.new_campaign_id();
        for message in &messages {
            let message = NewMessage {
                campaign: Some(&campaign_id),
                ..*message
            };
            let (position, due_ms) = store.push(&message, now_ms);
            if receipts {
                due.push((due_ms, position));
            }
        }
        campaign_id
    };
    let stats = &state.stats;
    stats.bump(&stats.accepted, messages.len() as u64);
    stats.bump(&stats.opted_out_skipped, opted_out_skipped);
    stats.bump(&stats.duplicates_skipped, duplicates_skipped);
    queue_receipts(state, due);
    Response::value(
        200,
        &BatchAnswer {
            id: &campaign_id,
            name: request.name.as_deref(),
            route_id: route,
            recipients,
        },
    )
}

fn queue_receipts(state: &State, due: impl IntoIterator<Item = (i64, usize)>) {
    let (queued, dropped) = state.webhooks.queue(due);
    state.stats.bump(&state.stats.receipts_queued, queued);
    state.stats.bump(&state.stats.receipts_dropped, dropped);
}
