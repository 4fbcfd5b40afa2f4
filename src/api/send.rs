//! The send endpoints (`/send/single`, `/send/batch`): their bodies, and what
//! each answer means for money. A send is not idempotent, so every failure
//! says whether the messages may have gone out.

use crate::api::http_status::{self, After, Area, Class, Meaning, meaning};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::error::Delivery;
use crate::net::transport::{Call, Method, Reply, RetryPolicy, SendError, Transport};
use crate::secret::Secret;
use serde::Serialize;

/// A `/send/single` response is read up to this size.
pub const MAX_SINGLE_BODY: u64 = 4 * 1024 * 1024;
/// A `/send/batch` response echoes up to 1,000 recipients.
pub const MAX_BATCH_BODY: u64 = 8 * 1024 * 1024;
/// The most recipients one `/send/batch` request may carry.
pub const MAX_BATCH_RECIPIENTS: usize = 1000;

/// The body of `POST /send/single`.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct SingleMessage<'a> {
    pub originator: &'a str,
    pub recipient: &'a str,
    /// The text: `body` here, `text` in a batch.
    pub body: &'a str,
    pub route_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<&'a str>,
    pub shorten_urls: bool,
}

/// The body of `POST /send/batch`, in the `recipients[]` form API.md decides.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Batch<'a> {
    pub route_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// `2024-08-01T10:00:00+0200`: the API's format, not RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule_date_time: Option<&'a str>,
    pub exclude_optouts: bool,
    pub exclude_duplicates: bool,
    pub shorten_urls: bool,
    pub recipients: Vec<BatchRecipient<'a>>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct BatchRecipient<'a> {
    pub recipient: &'a str,
    pub text: &'a str,
    pub originator: &'a str,
    /// Unique per recipient within a batch.
    pub reference: &'a str,
    /// Overrides the batch's route for this recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_id: Option<&'a str>,
}

/// What the API accepted: the message id (`/send/single`) or the campaign id
/// (`/send/batch`), and the record it answered with.
#[derive(Debug)]
pub struct Accepted {
    pub id: String,
    pub record: serde_json::Value,
}

/// Why a send did not end in `Accepted`.
#[derive(Debug)]
pub enum SendFailure {
    /// Nothing was sent: refused before or by the server (400, 401, 402,
    /// 403, 429 after the retries, no connection).
    NotSent(Failure),
    /// The request may have reached the server, and the messages may have
    /// gone out: a timeout, a reset, a 5xx. Never retried.
    Unknown(Failure),
    /// A 2xx whose body could not be read: the messages were accepted.
    AcceptedUnreadable(Failure),
    /// A 2xx whose id is not fit to print (see `is_readable_id`): the
    /// messages were accepted, and the id is not shown.
    AcceptedIdUnreadable(Failure),
}

impl SendFailure {
    /// A failure that is not an acceptance, as its `Delivery` says.
    fn of(delivery: Delivery, failure: Failure) -> SendFailure {
        if delivery.may_have_been_carried_out() {
            SendFailure::Unknown(failure)
        } else {
            SendFailure::NotSent(failure)
        }
    }
}

/// `POST /send/single`.
pub const SINGLE_PATH: &str = "/send/single";
/// `POST /send/batch`.
pub const BATCH_PATH: &str = "/send/batch";

/// One send request: a single message, or a batch (several recipients, or a
/// schedule, which only `/send/batch` takes).
#[derive(Debug)]
pub enum Request<'a> {
    Single(SingleMessage<'a>),
    Batch(Batch<'a>),
}

impl Request<'_> {
    pub fn path(&self) -> &'static str {
        match self {
            Request::Single(_) => SINGLE_PATH,
            Request::Batch(_) => BATCH_PATH,
        }
    }

    /// The body exactly as it is sent.
    pub fn json(&self) -> Vec<u8> {
        match self {
            Request::Single(message) => to_json(message),
            Request::Batch(batch) => to_json(batch),
        }
    }
}

/// Sends a request built by `Request`: never retried once it may have
/// reached the server.
pub fn send(
    transport: &Transport,
    key: &Secret,
    request: &Request,
) -> Result<Accepted, SendFailure> {
    match request {
        Request::Single(message) => send_single(transport, key, message),
        Request::Batch(_) => send_batch(transport, key, &request.json()),
    }
}

/// The serialized body of a send, for `--dry-run` and for the request.
pub fn to_json<T: Serialize>(body: &T) -> Vec<u8> {
    serde_json::to_vec(body).expect("a struct of strings and booleans always serializes")
}

/// `POST /send/single`.
pub fn send_single(
    transport: &Transport,
    key: &Secret,
    message: &SingleMessage,
) -> Result<Accepted, SendFailure> {
    let reply = post(
        transport,
        key,
        SINGLE_PATH,
        &to_json(message),
        MAX_SINGLE_BODY,
    )?;
    judge(&reply, key)
}

/// `POST /send/batch`, with an already serialized body.
pub fn send_batch(
    transport: &Transport,
    key: &Secret,
    json: &[u8],
) -> Result<Accepted, SendFailure> {
    let reply = post(transport, key, BATCH_PATH, json, MAX_BATCH_BODY)?;
    judge(&reply, key)
}

/// `POST /send/batch` once, for callers that handle 429 themselves (`bulk`,
/// with its adaptive concurrency): only a failure to connect is retried, and
/// a 429 comes back as the `Reply`. Pass the reply to `judge`.
pub fn post_batch_once(
    transport: &Transport,
    key: &Secret,
    json: &[u8],
) -> Result<Reply, SendFailure> {
    post_with(
        transport,
        key,
        "/send/batch",
        json,
        MAX_BATCH_BODY,
        RetryPolicy::ConnectFailuresOnly,
    )
}

/// One send request: connect failures and 429s are retried by the
/// transport, nothing else.
pub fn post(
    transport: &Transport,
    key: &Secret,
    path: &'static str,
    json: &[u8],
    max_body: u64,
) -> Result<Reply, SendFailure> {
    post_with(
        transport,
        key,
        path,
        json,
        max_body,
        RetryPolicy::NotAfterSending,
    )
}

fn post_with(
    transport: &Transport,
    key: &Secret,
    path: &'static str,
    json: &[u8],
    max_body: u64,
    policy: RetryPolicy,
) -> Result<Reply, SendFailure> {
    transport
        .try_send(&Call {
            method: Method::Post,
            path,
            json_body: Some(json),
            bearer: Some(key),
            policy,
            max_body,
        })
        .map_err(|SendError { failure, delivery }| match delivery {
            _ if delivery.accepted() => {
                SendFailure::AcceptedUnreadable(unreadable_acceptance(&failure))
            }
            _ => SendFailure::of(delivery, failure),
        })
}

/// What a send endpoint's answer means. A 2xx is accepted whatever its body
/// holds; a body that cannot be read is still an acceptance.
pub fn judge(reply: &Reply, key: &Secret) -> Result<Accepted, SendFailure> {
    if (200..300).contains(&reply.status) {
        return accepted(&reply.body)
            .map_err(SendFailure::AcceptedUnreadable)
            .and_then(checked_id);
    }
    Err(SendFailure::of(
        Delivery::Answered(reply.status),
        status_failure(reply, key),
    ))
}

/// As `judge`, for `/send/batch` answers read only for the campaign id: the
/// echo of up to 1,000 recipients is skipped, not built into a tree (it was
/// a fifth of `bulk`'s time). `record` is `Null`.
pub fn judge_batch(reply: &Reply, key: &Secret) -> Result<Accepted, SendFailure> {
    if (200..300).contains(&reply.status) {
        #[derive(serde::Deserialize)]
        struct IdOnly {
            id: Option<serde_json::Value>,
        }
        if let Some(id) = leading_string_id(&reply.body) {
            return checked_id(Accepted {
                id,
                record: serde_json::Value::Null,
            });
        }
        let id = match serde_json::from_slice::<IdOnly>(&reply.body) {
            Ok(IdOnly {
                id: Some(serde_json::Value::String(id)),
            }) => Some(id),
            Ok(IdOnly {
                id: Some(serde_json::Value::Number(id)),
            }) => Some(id.to_string()),
            _ => None,
        };
        return match id {
            Some(id) => checked_id(Accepted {
                id,
                record: serde_json::Value::Null,
            }),
            None => Err(SendFailure::AcceptedUnreadable(
                accepted(b"").expect_err("an empty body has no id"),
            )),
        };
    }
    judge(reply, key)
}

/// The campaign id when it is the answer's first key and a string, as the
/// API sends it (`{"id":"fd91…","name":…,"recipients":[…echo…]}`): read
/// without going through the echo of up to 1,000 recipients after it. Any
/// other answer gives `None`, and is read whole.
fn leading_string_id(body: &[u8]) -> Option<String> {
    fn after_space(bytes: &[u8]) -> &[u8] {
        let start = bytes
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(bytes.len());
        &bytes[start..]
    }
    let rest = after_space(body).strip_prefix(b"{")?;
    let rest = after_space(rest).strip_prefix(br#""id""#)?;
    let rest = after_space(rest).strip_prefix(b":")?;
    let rest = after_space(rest);
    if rest.first() != Some(&b'"') {
        return None;
    }
    // The closing quote: the first one not escaped by a backslash.
    let mut escaped = false;
    let close = rest.iter().enumerate().skip(1).find_map(|(i, &b)| {
        let closes = b == b'"' && !escaped;
        escaped = b == b'\\' && !escaped;
        closes.then_some(i)
    })?;
    let (string, after) = rest.split_at(close + 1);
    // The string's escapes and characters, checked by serde_json itself.
    let id: String = serde_json::from_slice(string).ok()?;
    matches!(after_space(after).first(), Some(b',' | b'}')).then_some(id)
}

/// The most bytes of a message or campaign id that is printed.
const MAX_ID_BYTES: usize = 1024;

/// A message or campaign id is printed as the server sent it, so it is held
/// to the rule a key is: 1 to 1024 bytes of printable ASCII, no whitespace.
/// The one check for every server id that `send` or `bulk` shows.
pub fn is_readable_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_BYTES && id.bytes().all(|b| b.is_ascii_graphic())
}

fn checked_id(accepted: Accepted) -> Result<Accepted, SendFailure> {
    if is_readable_id(&accepted.id) {
        return Ok(accepted);
    }
    Err(SendFailure::AcceptedIdUnreadable(
        Failure::new(
            ExitCode::Protocol,
            "the messages were accepted but the id is unreadable",
        )
        .with_hint("the messages were sent: do not send them again"),
    ))
}

/// A 2xx whose body broke off or ran past the cap: still an acceptance.
fn unreadable_acceptance(cause: &Failure) -> Failure {
    Failure::new(
        ExitCode::Protocol,
        format!(
            "the API accepted the messages (HTTP 2xx), but its answer could not be read: {cause}"
        ),
    )
    .with_hint("the messages were accepted: do not send them again")
}

fn accepted(body: &[u8]) -> Result<Accepted, Failure> {
    let unreadable = || {
        Failure::new(
            ExitCode::Protocol,
            "the API accepted the messages (HTTP 2xx), but its answer could not be read",
        )
        .with_hint("the messages were accepted: do not send them again")
    };
    let record: serde_json::Value = serde_json::from_slice(body).map_err(|_| unreadable())?;
    let id = match record.get("id") {
        Some(serde_json::Value::String(id)) => id.clone(),
        Some(serde_json::Value::Number(id)) => id.to_string(),
        _ => return Err(unreadable()),
    };
    Ok(Accepted { id, record })
}

/// How a send endpoint's answers differ from the house rules: every
/// refusal says that nothing was sent.
const SEND: Area = Area {
    differs: &[
        (
            Class::BadRequest,
            meaning(
                ExitCode::DataErr,
                "the API refused the message",
                Some("nothing was sent; fix the message and send it again"),
            ),
        ),
        (
            Class::Unauthorized,
            meaning(
                ExitCode::NoPerm,
                "API key rejected",
                Some("nothing was sent; get the current key with `mobivate getkey`"),
            ),
        ),
        (
            Class::PaymentRequired,
            meaning(
                ExitCode::NoPerm,
                "the account is out of credit",
                Some("nothing was sent; top up the account"),
            ),
        ),
        (
            Class::Forbidden,
            meaning(
                ExitCode::NoPerm,
                "the API refused to send",
                Some(
                    "nothing was sent: the recipient may have opted out, or the key lacks the send permission",
                ),
            ),
        ),
        (
            Class::RateLimited,
            Meaning {
                after: After::Always,
                ..meaning(
                    ExitCode::TempFail,
                    "rate limited",
                    Some("nothing was sent; try again later"),
                )
            },
        ),
        (
            Class::ServerError,
            meaning(ExitCode::Unavailable, "server error", None),
        ),
        (
            Class::Redirect,
            meaning(
                ExitCode::Protocol,
                "",
                Some("nothing was sent; fix --base-url if the API has moved"),
            ),
        ),
    ],
    show_redirect_target: false,
};

/// The failure for a non-2xx answer of a send endpoint.
pub fn status_failure(reply: &Reply, key: &Secret) -> Failure {
    http_status::failure(reply, key, &SEND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_body_uses_the_documented_names() {
        let body = SingleMessage {
            originator: "Test",
            recipient: "447930000000",
            body: "Hi",
            route_id: "mglobal",
            reference: Some("r-1"),
            campaign_id: None,
            shorten_urls: false,
        };
        assert_eq!(
            String::from_utf8(to_json(&body)).unwrap(),
            r#"{"originator":"Test","recipient":"447930000000","body":"Hi","routeId":"mglobal","reference":"r-1","shortenUrls":false}"#
        );
    }

    #[test]
    fn batch_body_uses_the_documented_names() {
        let body = Batch {
            route_id: "mglobal",
            name: None,
            schedule_date_time: Some("2026-12-01T10:00:00+0000"),
            exclude_optouts: true,
            exclude_duplicates: false,
            shorten_urls: false,
            recipients: vec![BatchRecipient {
                recipient: "447930000000",
                text: "Hi",
                originator: "Test",
                reference: "r-1",
                route_id: None,
            }],
        };
        assert_eq!(
            String::from_utf8(to_json(&body)).unwrap(),
            r#"{"routeId":"mglobal","scheduleDateTime":"2026-12-01T10:00:00+0000","excludeOptouts":true,"excludeDuplicates":false,"shortenUrls":false,"recipients":[{"recipient":"447930000000","text":"Hi","originator":"Test","reference":"r-1"}]}"#
        );
    }

    #[test]
    fn the_leading_id_is_the_id_a_whole_read_finds() {
        let key = Secret::new("k".to_string());
        let whole = |body: &[u8]| -> Option<String> {
            let record: serde_json::Value = serde_json::from_slice(body).ok()?;
            record.get("id")?.as_str().map(str::to_string)
        };
        for body in [
            &br#"{"id":"fd91","recipients":[{"a":"x\"y"}]}"#[..],
            br#" { "id" : "a\"b\\" , "name":"n"}"#,
            br#"{"id":"\u0041\n","x":1}"#,
            br#"{"id":"last"}"#,
            br#"{"id":"a\\","b":2}"#,
        ] {
            let fast = leading_string_id(body);
            assert!(fast.is_some(), "{}", String::from_utf8_lossy(body));
            assert_eq!(fast, whole(body), "{}", String::from_utf8_lossy(body));
        }
        // Anything else is read whole, as before.
        for body in [
            &br#"{"name":"n","id":"later"}"#[..],
            br#"{"id":12}"#,
            br#"{"id":"open"#,
            br#"{"id":"x" "y"}"#,
            br#"{"id":"bad \q escape","a":1}"#,
            br#"["id"]"#,
            b"",
        ] {
            assert_eq!(
                leading_string_id(body),
                None,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        // A second id key: the first one, as the API sends it, counts.
        let reply = Reply::for_test(200, br#"{"id":"one","x":[1,2],"id":"two"}"#);
        assert_eq!(judge_batch(&reply, &key).unwrap().id, "one");
    }

    #[test]
    fn a_batch_answer_is_read_for_its_id_only() {
        let reply = |status: u16, body: &[u8]| Reply::for_test(status, body);
        let key = Secret::new("k".to_string());
        let ok = judge_batch(
            &reply(200, br#"{"id":"fd91","recipients":[{"a":1}]}"#),
            &key,
        );
        assert_eq!(ok.unwrap().id, "fd91");
        assert!(matches!(
            judge_batch(&reply(200, b"<html>"), &key),
            Err(SendFailure::AcceptedUnreadable(_))
        ));
        assert!(matches!(
            judge_batch(&reply(400, b"{}"), &key),
            Err(SendFailure::NotSent(_))
        ));
    }

    #[test]
    fn ids_are_printable_ascii_without_whitespace() {
        for good in ["ef57", "1", "a-b_c.d:e/f", &"x".repeat(1024)] {
            assert!(is_readable_id(good), "{good}");
        }
        for bad in [
            "",
            "a b",
            "a\nRECIPIENT",
            "a\u{1b}[31m",
            "a\t",
            "caf\u{e9}",
            "\u{202e}x",
            &"x".repeat(1025),
        ] {
            assert!(!is_readable_id(bad), "{bad:?}");
        }
        let key = Secret::new("k".to_string());
        for judged in [
            judge(&Reply::for_test(200, br#"{"id":"a\nb"}"#), &key),
            judge_batch(&Reply::for_test(200, br#"{"id":"a\u001bb"}"#), &key),
        ] {
            assert!(matches!(judged, Err(SendFailure::AcceptedIdUnreadable(_))));
        }
    }

    #[test]
    fn an_accepted_body_needs_an_id() {
        assert_eq!(accepted(br#"{"id":"ef57"}"#).unwrap().id, "ef57");
        assert_eq!(accepted(b"<html>").unwrap_err().code, ExitCode::Protocol);
        assert_eq!(accepted(b"{}").unwrap_err().code, ExitCode::Protocol);
    }
}
